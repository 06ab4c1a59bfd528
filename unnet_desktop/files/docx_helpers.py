"""Word helpers shared by the minutes and the annual report (python-docx, imported lazily).

- ``load_template``: an office's .docx or .dotx, its body emptied, its styles, page set-up,
  letterhead header and footer kept;
- ``ensure_paragraph_style``: a style the document needs, created when the template lacks it;
- ``add_to_every_header`` / ``add_page_numbers``: text in the header of every page of every section
  (first-page and even-page headers included), "Page X of Y" fields in the footers;
- ``add_table``: a table filled row by row (``table.cell(r, c)`` is quadratic in python-docx);
- ``add_text_block``: typed text as paragraphs, lines beginning with "- " or "* " as bullets.

Every text goes through ``safety.clean_text``: control characters would make python-docx raise.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..core.errors import FileRefused
from .safety import clean_text

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BULLET_PREFIXES = ("- ", "* ", "• ")


# ---------------------------------------------------------------------------------------------
# Template
# ---------------------------------------------------------------------------------------------


def _as_document_package(data: bytes) -> bytes:
    """A .dotx differs from a .docx by one content type; python-docx only opens the latter."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if DOTX_CONTENT_TYPE.encode() not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(DOTX_CONTENT_TYPE.encode(), DOCX_CONTENT_TYPE.encode())
            target.writestr(info, content)
    return out.getvalue()


def load_template(path: str | Path):
    """Open a Word template (.docx or .dotx) as a new document with an empty body. Styles, page
    size and margins, headers and footers (the letterhead) are kept; a template of several
    sections keeps its last one (the body's own). FileRefused when it cannot be read."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(f"Cannot read the Word template {path}: {exc.strerror}.") from exc
    try:
        document = Document(io.BytesIO(_as_document_package(data)))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise FileRefused(f"The Word template {path} is not a Word document (.docx or .dotx).") from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def set_properties(document, *, title: str = "", subject: str = "", author: str = "", keywords: str = "") -> None:
    """Core properties (File > Properties); the template's own author and revision are replaced."""
    import datetime as dt

    props = document.core_properties
    props.title = clean_text(title)[:255]
    props.subject = clean_text(subject)[:255]
    props.author = clean_text(author)[:255]
    props.last_modified_by = clean_text(author)[:255]
    props.keywords = clean_text(keywords)[:255]
    props.comments = ""
    props.revision = 1
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props.created = now
    props.modified = now


# ---------------------------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------------------------


def style_id(document, name: str | None) -> str | None:
    """The id of the style named ``name`` (None when the document has no such style), cached:
    python-docx looks a style up by scanning every style, and assigning ``paragraph.style`` by
    name or object scans them again to find the default one, which made a long document slow."""
    if not name:
        return None
    cache = document.__dict__.setdefault("_unnet_style_ids", {})
    if name not in cache:
        try:
            cache[name] = document.styles[name].style_id
        except KeyError:
            cache[name] = None
    return cache[name]


def has_style(document, name: str) -> bool:
    return style_id(document, name) is not None


def style_or(document, name: str, fallback: str | None = "Normal") -> str | None:
    """``name`` when the document has that style, else ``fallback`` (office templates vary)."""
    return name if has_style(document, name) else fallback


def set_style(paragraph, document, name: str | None) -> None:
    """Give ``paragraph`` the style ``name`` (ignored when the document lacks it), fast."""
    sid = style_id(document, name)
    if sid is not None:
        paragraph._p.style = sid


def new_paragraph(container, document, text: str = "", style: str | None = None, *,
                  bold: bool | None = None, italic: bool | None = None):  # fmt: skip
    """A paragraph of cleaned text at the end of ``container`` (the document, a cell, a header)."""
    paragraph = container.add_paragraph()
    set_style(paragraph, document, style)
    if text:
        run = paragraph.add_run(clean_text(text))
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
    return paragraph


# Word refuses (a "repair" prompt) property elements out of the schema's order: insert in order.
_SEQUENCES = {
    "pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
        "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
        "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    ),
    "tcPr": (
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
        "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
        "w:cellDel", "w:cellMerge", "w:tcPrChange",
    ),
    "trPr": (
        "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
        "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange",
    ),
    "pBdr": ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
}  # fmt: skip


def _set_child(parent, tag: str, **attrs):
    """The child ``tag`` of a property element, created at its place in the schema's sequence."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        local = parent.tag.rsplit("}", 1)[-1]
        sequence = _SEQUENCES.get(local, ())
        successors = {qn(t) for t in sequence[sequence.index(tag) + 1 :]} if tag in sequence else set()
        for child in parent:
            if child.tag in successors:
                child.addprevious(element)
                break
        else:
            parent.append(element)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def shade(pPr_or_tcPr, fill: str) -> None:
    """Background colour (hex ``"EEF3F8"``) of a paragraph's, style's or cell's properties."""
    _set_child(pPr_or_tcPr, "w:shd", val="clear", color="auto", fill=fill)


def left_border(pPr, color: str, size_eighths: int = 18, space: int = 6) -> None:
    borders = _set_child(pPr, "w:pBdr")
    _set_child(borders, "w:left", val="single", sz=size_eighths, space=space, color=color)


def bottom_border(pPr, color: str, size_eighths: int = 6, space: int = 1) -> None:
    borders = _set_child(pPr, "w:pBdr")
    _set_child(borders, "w:bottom", val="single", sz=size_eighths, space=space, color=color)


def ensure_paragraph_style(
    document,
    name: str,
    *,
    base: str = "Normal",
    bold: bool | None = None,
    italic: bool | None = None,
    size_pt: float | None = None,
    color: str | None = None,
    space_before_pt: float | None = None,
    space_after_pt: float | None = None,
    left_indent_cm: float | None = None,
    keep_with_next: bool | None = None,
    fill: str | None = None,
    border_color: str | None = None,
):
    """The paragraph style ``name``; created with this formatting when the template lacks it
    (a template's own definition always wins)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    if has_style(document, name):
        return document.styles[name]
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.__dict__.get("_unnet_style_ids", {}).pop(name, None)
    if has_style(document, base):
        style.base_style = document.styles[base]
    style.quick_style = True
    font = style.font
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if size_pt is not None:
        font.size = Pt(size_pt)
    if color is not None:
        font.color.rgb = RGBColor.from_string(color)
    fmt = style.paragraph_format
    if space_before_pt is not None:
        fmt.space_before = Pt(space_before_pt)
    if space_after_pt is not None:
        fmt.space_after = Pt(space_after_pt)
    if left_indent_cm is not None:
        fmt.left_indent = Cm(left_indent_cm)
    if keep_with_next is not None:
        fmt.keep_with_next = keep_with_next
    if border_color or fill:
        pPr = style.element.get_or_add_pPr()
        if border_color:
            left_border(pPr, border_color)
        if fill:
            shade(pPr, fill)
    return style


# ---------------------------------------------------------------------------------------------
# Headers, footers, fields
# ---------------------------------------------------------------------------------------------


def _headers_or_footers(document, kind: str) -> list:
    """Every header (or footer) that shows on some page: per section the default one, the first
    page's when the section has a different first page, the even pages' when the document has
    different odd and even pages. Parts linked to the previous section are left out: they show
    the previous section's, which is in the list already."""
    even_pages = bool(document.settings.odd_and_even_pages_header_footer)
    parts = []
    for index, section in enumerate(document.sections):
        candidates = [getattr(section, kind)]
        if section.different_first_page_header_footer:
            candidates.append(getattr(section, f"first_page_{kind}"))
        if even_pages:
            candidates.append(getattr(section, f"even_page_{kind}"))
        for part in candidates:
            if index > 0 and part.is_linked_to_previous:
                continue
            parts.append(part)
    return parts


def add_to_every_header(document, build: Callable[[object], None]) -> int:
    """Call ``build(paragraph)`` on a new paragraph at the end of every header of every section.
    Returns how many headers were written."""
    headers = _headers_or_footers(document, "header")
    for header in headers:
        build(header.add_paragraph())
    return len(headers)


def add_field(paragraph, instruction: str, placeholder: str = "1", *, bold: bool | None = None) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``, ``DATE``...) in ``paragraph``; Word and LibreOffice
    compute it when the page is laid out. ``placeholder`` shows until then."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child) -> None:
        run = paragraph.add_run()
        if bold is not None:
            run.bold = bold
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown = paragraph.add_run(placeholder)
    if bold is not None:
        shown.bold = bold
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _has_page_field(part) -> bool:
    from docx.oxml.ns import qn

    element = part._element
    for instr in element.iter(qn("w:instrText")):
        if "PAGE" in (instr.text or "").upper().split():
            return True
    for simple in element.iter(qn("w:fldSimple")):
        if "PAGE" in (simple.get(qn("w:instr")) or "").upper().split():
            return True
    return False


def add_page_numbers(document, *, prefix: str = "", alignment: str = "center", of_total: bool = True) -> int:
    """"<prefix>Page X of Y" at the end of every footer that has no page number yet (an office
    template may have its own). Returns how many footers got one."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    written = 0
    for footer in _headers_or_footers(document, "footer"):
        if _has_page_field(footer):
            continue
        paragraph = new_paragraph(footer, document, style="Footer")
        paragraph.alignment = align[alignment]
        paragraph.add_run(f"{clean_text(prefix)}Page ")
        add_field(paragraph, "PAGE")
        if of_total:
            paragraph.add_run(" of ")
            add_field(paragraph, "NUMPAGES")
        written += 1
    return written


def header_texts(document) -> list[str]:
    """The text of every header that shows on some page (for tests and checks)."""
    return ["\n".join(p.text for p in h.paragraphs) for h in _headers_or_footers(document, "header")]


# ---------------------------------------------------------------------------------------------
# Body
# ---------------------------------------------------------------------------------------------


def add_paragraph(container, text: str = "", style: str | None = None, *, bold: bool | None = None,
                  italic: bool | None = None, document=None):  # fmt: skip
    """A paragraph of cleaned text (``container``: the document, or a cell/header with ``document``)."""
    return new_paragraph(container, document if document is not None else container, text, style,
                         bold=bold, italic=italic)  # fmt: skip


def add_labelled(container, label: str, text: str, style: str | None = None, *, document=None):
    """``Label: text`` with the label in bold."""
    paragraph = new_paragraph(container, document if document is not None else container, style=style)
    paragraph.add_run(clean_text(label)).bold = True
    paragraph.add_run(clean_text(text))
    return paragraph


def iter_blocks(text: str) -> Iterable[tuple[bool, str]]:
    """Typed text as (is_bullet, text) blocks: one block per non-empty line; lines beginning with
    "- ", "* " or "• " are bullets (their marker dropped)."""
    for raw in clean_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        for prefix in BULLET_PREFIXES:
            if line.startswith(prefix) or line == prefix.strip():
                yield True, line[len(prefix):].strip()
                break
        else:
            yield False, line


def add_text_block(container, text: str, *, style: str | None = None, bullet_style: str | None = None,
                   document=None, prefix_bullets: bool = False) -> int:  # fmt: skip
    """Typed text as paragraphs (one per line) and bullets; returns how many paragraphs were added.
    Bullets take ``bullet_style`` (default "List Bullet" when the document has it); with
    ``prefix_bullets`` (or no bullet style) they keep ``style`` and get a "• " in front."""
    document = document if document is not None else container
    if bullet_style is None and not prefix_bullets:
        bullet_style = style_or(document, "List Bullet", None)
    count = 0
    for is_bullet, line in iter_blocks(text):
        if is_bullet and bullet_style and not prefix_bullets:
            new_paragraph(container, document, line, bullet_style)
        elif is_bullet:
            new_paragraph(container, document, f"\u2022 {line}", style)
        else:
            new_paragraph(container, document, line, style)
        count += 1
    return count


def add_key_value_table(container, pairs: Iterable[tuple[str, object]], *, widths_cm: Sequence[float] = (4.0, 12.5),
                        style: str | None = None, document=None, cell_style: str | None = None):  # fmt: skip
    """A two-column table of labels (bold) and values, without a header row, filled row by row."""
    from docx.shared import Cm

    document = document if document is not None else container
    table = container.add_table(rows=0, cols=2)
    if style and has_style(document, style):
        table.style = document.styles[style]
    table.autofit = False
    widths = [Cm(w) for w in widths_cm]
    for column, width in zip(table.columns, widths):
        column.width = width
    for label, value in pairs:
        cells = table.add_row().cells
        for cell, width in zip(cells, widths):
            cell.width = width
            set_style(cell.paragraphs[0], document, cell_style)
        cells[0].paragraphs[0].add_run(clean_text(label)).bold = True
        cells[1].paragraphs[0].add_run(clean_text(value))
    return table


def set_repeat_header(row) -> None:
    """Repeat this table row at the top of every page the table runs onto."""
    trPr = row._tr.get_or_add_trPr()
    _set_child(trPr, "w:tblHeader", val="true")


def set_cant_split(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    _set_child(trPr, "w:cantSplit", val="true")


def add_table(
    container,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    widths_cm: Sequence[float] | None = None,
    style: str | None = "Table Grid",
    document=None,
    header_fill: str | None = "DCE6F0",
    font_size_pt: float | None = None,
    cell_style: str | None = None,
):
    """A table with a bold header row repeated on each page, filled row by row (never
    ``table.cell(r, c)``: quadratic). Values are cleaned; None is ''."""
    from docx.shared import Cm, Pt

    document = document if document is not None else container
    table = container.add_table(rows=1, cols=len(headers))
    if style and has_style(document, style):
        table.style = document.styles[style]
    table.autofit = widths_cm is None
    widths = [Cm(w) for w in widths_cm] if widths_cm else None
    if widths:
        for column, width in zip(table.columns, widths):
            column.width = width  # the grid (LibreOffice reads this)

    def fill(cells, values, bold=False) -> None:
        for index, (cell, value) in enumerate(zip(cells, values)):
            if widths:
                cell.width = widths[index]  # the cells (Word reads these)
            paragraph = cell.paragraphs[0]
            set_style(paragraph, document, cell_style)
            run = paragraph.add_run(clean_text(value))
            if bold:
                run.bold = True
            if font_size_pt is not None:
                run.font.size = Pt(font_size_pt)

    header_row = table.rows[0]
    fill(header_row.cells, headers, bold=True)
    set_repeat_header(header_row)
    if header_fill:
        for cell in header_row.cells:
            shade(cell._tc.get_or_add_tcPr(), header_fill)
    for values in rows:
        row = table.add_row()
        set_cant_split(row)
        fill(row.cells, values)
    return table


def save(document, target: str | Path) -> Path:
    """Write atomically (temporary file, then rename); FileRefused when the target is locked."""
    from .safety import atomic_path

    with atomic_path(target) as tmp:
        document.save(str(tmp))
    return Path(target).expanduser().absolute()


__all__ = [
    "DOCX_MIME",
    "add_field",
    "add_key_value_table",
    "add_labelled",
    "add_page_numbers",
    "add_paragraph",
    "add_table",
    "add_text_block",
    "add_to_every_header",
    "ensure_paragraph_style",
    "has_style",
    "header_texts",
    "iter_blocks",
    "load_template",
    "new_paragraph",
    "save",
    "set_properties",
    "set_style",
    "style_id",
    "style_or",
]
