"""The Word building blocks: ``_Writer`` (the document and its styles' ids, paragraphs, headings,
tables filled row by row, key-value tables, figures) and the XML helpers it uses. What is written
many times is a copy of a prototype that python-docx made once, its texts then set in place."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from .. import docx_helpers as h
from ..safety import clean_text
from .figures import Chart
from .layout import CHART_WIDTH_CM, HEADER_FILL, TABLE_FONT_PT


class _Writer:
    """The document and its styles' ids, looked up once: python-docx finds a style by name with a
    linear search of the styles part (milliseconds each), which a report of thousands of paragraphs
    and cells cannot afford."""

    def __init__(self, doc):
        self.doc = doc
        h.ensure_paragraph_style(doc, "Marking", base="Header", bold=True, size_pt=9, color="C00000")
        h.ensure_paragraph_style(doc, "Meta", base="Normal", size_pt=10, space_after_pt=0)
        h.ensure_paragraph_style(
            doc, "Decision", base="Normal", space_after_pt=0, left_indent_cm=0.3, fill="EEF3F8", border_color="2E74B5"
        )
        h.ensure_paragraph_style(doc, "Caption", base="Normal", italic=True, size_pt=9, space_after_pt=8)
        h.ensure_paragraph_style(doc, "Report Table", base="Normal", size_pt=TABLE_FONT_PT, space_before_pt=0,
                                 space_after_pt=0)  # fmt: skip
        h.ensure_paragraph_style(doc, "Report Table Head", base="Normal", bold=True, size_pt=TABLE_FONT_PT - 0.5,
                                 space_before_pt=0, space_after_pt=0, keep_with_next=True)  # fmt: skip
        h.ensure_paragraph_style(doc, "Report Note", base="Normal", italic=True, size_pt=8, space_before_pt=2,
                                 space_after_pt=6)  # fmt: skip
        self.ids: dict[str, str | None] = {}
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption", "Meta",
                     "Decision", "Report Table", "Report Table Head", "Report Note", "Marking"):  # fmt: skip
            self.ids[name] = doc.styles[name].style_id if h.has_style(doc, name) else None
        for level in (1, 2, 3):
            if self.ids[f"Heading {level}"] is None:
                self.ids[f"Heading {level}"] = self.ids["Meta"]
        self._protos: dict[tuple, object] = {}
        from docx.oxml.ns import qn

        self._end = doc.element.body.find(qn("w:sectPr"))  # the body's own section: content goes before it

    def style(self, paragraph, name: str | None) -> None:
        style_id = self.ids.get(name) if name else None
        if style_id:
            paragraph._p.style = style_id

    def para(self, text: str = "", style: str | None = "Normal", *, bold: bool | None = None,
             italic: bool | None = None, keep_with_next: bool = False, container=None):  # fmt: skip
        """A paragraph of cleaned text at the end of the body (or of ``container``, a cell). In the
        body, a copy of a prototype made once per (style, bold, italic, keep_with_next) by python-docx."""
        if container is not None:
            paragraph = self._made(container, text, style, bold, italic)
            if keep_with_next:
                paragraph.paragraph_format.keep_with_next = True
            return paragraph
        from copy import deepcopy

        from docx.text.paragraph import Paragraph

        tags = _tags()
        key = (style, bold, italic, keep_with_next, bool(text))
        proto = self._protos.get(key)
        if proto is None:
            made = self._made(self.doc, "x" if text else "", style, bold, italic)
            if keep_with_next:
                made.paragraph_format.keep_with_next = True
            proto = self._protos[key] = made._p
            proto.getparent().remove(proto)
            _preserve_spaces(proto, tags)
        p = deepcopy(proto)
        if text:
            _set_text(next(p.iter(tags["t"])), text, tags)
        self._end.addprevious(p)
        return Paragraph(p, self.doc._body)

    def _made(self, container, text: str, style: str | None, bold: bool | None, italic: bool | None):
        paragraph = container.add_paragraph()
        self.style(paragraph, style)
        if text:
            run = paragraph.add_run(clean_text(text))
            if bold is not None:
                run.bold = bold
            if italic is not None:
                run.italic = italic
        return paragraph

    def labelled(self, label: str, text: str, style: str = "Meta"):
        """A paragraph "label text", the label in bold: a copy of a prototype, as python-docx writes it."""
        from copy import deepcopy

        from docx.text.paragraph import Paragraph

        texts = (clean_text(label), clean_text(text))
        if not _plain(texts):
            paragraph = self.para(style=style)
            paragraph.add_run(texts[0]).bold = True
            paragraph.add_run(texts[1])
            return paragraph
        key = ("labelled", style)
        proto = self._protos.get(key)
        if proto is None:
            made = self.para(style=style)
            made.add_run("x").bold = True
            made.add_run("x")
            proto = self._protos[key] = made._p
            proto.getparent().remove(proto)
        p = deepcopy(proto)
        _set_plain(p, texts, _tags())
        self._end.addprevious(p)
        return Paragraph(p, self.doc._body)

    def key_values(self, pairs: Iterable[tuple[str, object]], widths_cm: Sequence[float], *, style: str = "Meta"):
        """What ``docx_helpers.add_key_value_table`` writes (labels in bold, values; no header row),
        its rows copies of a prototype row."""
        from copy import deepcopy

        from docx.shared import Cm

        table = self.doc.add_table(rows=0, cols=2)
        table.autofit = False
        widths = [Cm(w) for w in widths_cm]
        for column, width in zip(table.columns, widths):
            column.width = width
        tags = _tags()
        proto = None
        for label, value in pairs:
            texts = (clean_text(label), clean_text(value))
            if proto is not None and _plain(texts):
                tr = deepcopy(proto)
                _set_plain(tr, texts, tags)
                table._tbl.append(tr)
                continue
            cells = table.add_row().cells
            for cell, width in zip(cells, widths):
                cell.width = width
                self.style(cell.paragraphs[0], style)
            cells[0].paragraphs[0].add_run(texts[0]).bold = True
            cells[1].paragraphs[0].add_run(texts[1])
            if proto is None and _plain(texts):
                proto = deepcopy(cells[0]._tc.getparent())
        return table

    def heading(self, text: str, level: int = 1):
        return self.para(text, f"Heading {level}")

    def note(self, text: str):
        return self.para(text, "Report Note")

    def spacer(self) -> None:
        self.para(style="Meta")

    def text_block(self, text: str, style: str) -> None:
        """Typed text, one paragraph per line; bullets ("- ") keep a "• " in front."""
        for is_bullet, line in h.iter_blocks(text):
            self.para(f"\u2022 {line}" if is_bullet else line, style)

    def table(self, headers: Sequence[str], widths_cm: Sequence[float], *, right: Sequence[int] = ()):
        """An empty table with its header row (bold, shaded, repeated on each page)."""
        from docx.shared import Cm

        table = self.doc.add_table(rows=1, cols=len(headers))
        grid = h.style_id(self.doc, "Table Grid")
        if grid is not None:
            table._tbl.tblStyle_val = grid  # what ``table.style = ...`` sets, without its two look-ups
        table.autofit = False
        _narrow_margins(table)
        for column, width in zip(table.columns, widths_cm):
            column.width = Cm(width)  # the grid (LibreOffice reads it; add_row copies it to each cell)
        row = table.rows[0]
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)  # Word reads the cells' own
        self.fill(row.cells, headers, fill=HEADER_FILL, right=right, style="Report Table Head")
        h.set_repeat_header(row)
        return table

    def fill(self, cells, values, *, bold: bool = False, notes: dict[int, str] | None = None,
             fill: str | None = None, right: Sequence[int] = (), style: str = "Report Table") -> None:  # fmt: skip
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for index, (cell, value) in enumerate(zip(cells, values)):
            paragraph = cell.paragraphs[0]
            self.style(paragraph, style)
            if index in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            text = clean_text(value)
            if text:
                run = paragraph.add_run(text)
                if bold:
                    run.bold = True
            if notes and notes.get(index):
                note = self.para(container=cell, style="Report Table")
                note.add_run(clean_text(notes[index])).italic = True
            if fill:
                h.shade(cell._tc.get_or_add_tcPr(), fill)

    def row(self, table, values, **kw) -> None:
        """One row made with python-docx (for header-like rows: totals)."""
        row = table.add_row()
        h.set_cant_split(row)
        self.fill(row.cells, values, **kw)

    def rows(self, table, rows: Iterable[Sequence], *, notes: Sequence[int] = (), right: Sequence[int] = ()) -> int:
        """Data rows, filled row by row: each a copy of one prototype row that python-docx made with
        the right formatting, its texts then set in place. (python-docx spends about half a
        millisecond per cell on its element bookkeeping; a year of 2,000 action points cannot wait
        for that.) In the ``notes`` columns a value is ``(text, note)``: the note goes in italics
        under the text, or is left out when empty. Returns how many rows were added."""
        from copy import deepcopy

        tags = _tags()
        count = len(table.columns)
        prototype = table.add_row()
        h.set_cant_split(prototype)
        self.fill(prototype.cells, ["x"] * count, notes={i: "x" for i in notes}, right=right)
        proto = prototype._tr
        tbl = proto.getparent()
        tbl.remove(proto)
        _preserve_spaces(proto, tags)
        noted = [index in notes for index in range(count)]
        added = 0
        for values in rows:
            tr = deepcopy(proto)
            # The row's texts in document order: each cell's, and after it its note's in a notes column.
            texts = iter(list(tr.iter(tags["t"])))
            for value, has_note in zip(values, noted):
                if has_note:
                    value, note = value
                    _set_text(next(texts), value, tags)
                    t = next(texts)
                    if note:
                        _set_text(t, note, tags)
                    else:
                        p = t.getparent().getparent()
                        p.getparent().remove(p)
                else:
                    _set_text(next(texts), value, tags)
            tbl.append(tr)
            added += 1
        return added

    def picture(self, chart: Chart, number: int) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        paragraph = self.para(style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        shape = paragraph.add_run().add_picture(io.BytesIO(chart.png), width=Cm(CHART_WIDTH_CM))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", clean_text(chart.alt_text))
        doc_pr.set("title", clean_text(chart.title))
        self.para(f"Figure {number}. {chart.title}", "Caption" if self.ids["Caption"] else "Meta")


_TAGS: dict[str, str] = {}


def _tags() -> dict[str, str]:
    if not _TAGS:
        from docx.oxml.ns import qn

        _TAGS.update(tc=qn("w:tc"), p=qn("w:p"), r=qn("w:r"), t=qn("w:t"), br=qn("w:br"), space=qn("xml:space"))
    return _TAGS


def _plain(texts: Sequence[str]) -> bool:
    """Texts that python-docx writes as one ``<w:t>`` each: not empty, no tab, no line break."""
    return all(text and "\t" not in text and "\n" not in text and "\r" not in text for text in texts)


def _set_plain(prototype, texts: Sequence[str], tags: dict[str, str]) -> None:
    """The ``<w:t>`` texts of a copied prototype, in order, as python-docx sets them (spaces kept
    when the text begins or ends with one)."""
    for t, text in zip(prototype.iter(tags["t"]), texts):
        t.text = text
        if text.strip() != text:
            t.set(tags["space"], "preserve")
        else:
            t.attrib.pop(tags["space"], None)


def _preserve_spaces(prototype, tags: dict[str, str]) -> None:
    """``xml:space="preserve"`` on every ``<w:t>`` of a prototype (its copies' texts keep their spaces)."""
    for t in prototype.iter(tags["t"]):
        t.set(tags["space"], "preserve")


def _set_text(t, value: object, tags: dict[str, str]) -> None:
    """The cleaned text of a prototype's ``<w:t>`` (the last in its run); line breaks become ``<w:br/>``."""
    text = clean_text(value)
    if "\n" not in text and "\r" not in text:
        t.text = text
        return
    from lxml import etree

    run = t.getparent()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    t.text = lines[0]
    for line in lines[1:]:
        etree.SubElement(run, tags["br"])
        extra = etree.SubElement(run, tags["t"])
        extra.text = line
        extra.set(tags["space"], "preserve")


def _narrow_margins(table, twips: int = 70) -> None:
    """Cell margins of 0.12 cm left and right (Word's default 0.19 cm wraps short figures)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblPr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblPr.append(margins)
