"""Scanning a sheet's XML into raw cells, fast.

Reading does not use openpyxl, whose read-only mode takes several seconds for 20,000 rows (its
inline-string parsing and a full pass to find the sheet's size dominate). The sheet's cells are
scanned with regular expressions in the common, regular form Excel, LibreOffice and openpyxl
write (:func:`_scan_plain_cells`), else by any well-formed layout (:func:`_scan_rows`), else
with lxml (a dependency of python-docx) for anything unusual (comments, CDATA, another
encoding: :func:`_scan_sheet_lxml`): the three give the same cells (tested). Also the text of
shared and inline strings (rich-text runs joined, phonetic guides left out).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Scanning a sheet. SpreadsheetML from Excel, LibreOffice, openpyxl and the like is regular
# enough to be scanned with regular expressions, several times faster than building elements
# (20,000 rows: about 0.4 s against 1.5 s with lxml on the same machine). A part with anything
# unusual for a sheet (CDATA, comments, a DOCTYPE, another encoding) goes to lxml instead;
# both give the same raw cells: (column, type, style, <v> text, formula text, inline text).
_P = r"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix
_SHEET_DATA_RE = re.compile(rf"<{_P}sheetData\b[^>]*?(?:/>|>(.*)</{_P}sheetData\s*>)", re.S)
_ROW_RE = re.compile(rf"<{_P}row\b([^>]*?)(?:/>|>(.*?)</{_P}row\s*>)", re.S)
_CELL_RE = re.compile(rf"<{_P}c\b([^>]*?)(?:/>|>(.*?)</{_P}c\s*>)", re.S)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_V_RE = re.compile(rf"<{_P}v\b[^>]*?(?:/>|>(.*?)</{_P}v\s*>)", re.S)
_F_RE = re.compile(rf"<{_P}f\b[^>]*?(?:/>|>(.*?)</{_P}f\s*>)", re.S)
_IS_RE = re.compile(rf"<{_P}is\b[^>]*?(?:/>|>(.*?)</{_P}is\s*>)", re.S)
_SI_RE = re.compile(rf"<{_P}si\b[^>]*?(?:/>|>(.*?)</{_P}si\s*>)", re.S)
_T_RE = re.compile(rf"<{_P}t\b[^>]*?(?:/>|>(.*?)</{_P}t\s*>)", re.S)
_RPH_RE = re.compile(rf"<{_P}rPh\b.*?</{_P}rPh\s*>", re.S)
_ENTITY_RE = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DECLARED_ENCODING = re.compile(r"""^<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)""")


def _entity(match: re.Match) -> str:
    number, hexa, name = match.groups()
    if name:
        return _NAMED[name]
    return chr(int(number) if number else int(hexa, 16))


def _unescape(text: str) -> str:
    return _ENTITY_RE.sub(_entity, text) if "&" in text else text


def _text_for_scan(data: bytes) -> str | None:
    """The part as text for the regular-expression scan, or None when lxml must read it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    declared = _DECLARED_ENCODING.match(text)
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return None
    if "<![CDATA[" in text or "<!--" in text or "<!DOCTYPE" in text:
        return None
    # What an XML parser does to line ends before anything else.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag, by local name."""
    out = {}
    for name, double, single in _ATTR_RE.findall(text):
        out[name.rpartition(":")[2]] = double or single
    return out


def _string_item(content: str | None) -> str:
    """The text of an <is> or <si>'s content: its <t>, or its runs' <t>s, phonetic guides left out."""
    if not content:
        return ""
    if "rPh" in content:
        content = _RPH_RE.sub("", content)
    return "".join(_unescape(t) for t in _T_RE.findall(content))


def _column_of(ref: str, cache: dict[str, int]) -> int:
    letters = ref.rstrip("0123456789")
    col = cache.get(letters)
    if col is None:
        col = cache[letters] = _column_index(letters)
    return col


@dataclass
class _Focus:
    """Which cells a row with a key needs: the key's column and the columns kept."""

    key_column: int | None = None
    keep: frozenset[int] = frozenset()


# The cells as Excel, LibreOffice and openpyxl write them: no prefix, the reference first, then
# the style and type, double quotes. When every cell of the sheet has this form, one findall()
# gives them all as tuples.
_PLAIN_CELL_RE = re.compile(
    r'<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?((?: [\w:]+="[^"]*")*)\s*(?:/>|>(.*?)</c>)', re.S
)


def _scan_sheet(text: str, focus: _Focus | None = None) -> Iterator[tuple[int, list[tuple]]]:
    sheet_data = _SHEET_DATA_RE.search(text)
    if sheet_data is None or not sheet_data.group(1):
        return
    body = sheet_data.group(1)
    plain = _PLAIN_CELL_RE.findall(body)
    if len(plain) == body.count("<c ") and "<c>" not in body and "<c/>" not in body:
        yield from _scan_plain_cells(plain, focus or _Focus())
    else:
        yield from _scan_rows(body)


def _scan_plain_cells(found: list[tuple], focus: _Focus) -> Iterator[tuple[int, list[tuple]]]:
    cache: dict[str, int] = {}
    row_number = None
    cells: list[tuple] = []
    keyed = False
    for letters, digits, s, t, rest, inner in found:
        if digits != row_number:
            if cells:
                yield int(row_number), cells
            row_number, cells, keyed = digits, [], False
        col = cache.get(letters)
        if col is None:
            col = cache[letters] = _column_index(letters)
        if keyed and col not in focus.keep:
            continue
        if rest:  # other attributes, or these in another order
            attrs = _attributes(rest)
            t = t or attrs.get("t", "")
            s = s or attrs.get("s", "")
        t = t or "n"
        s = int(s) if s else None
        v = formula = inline = None
        if inner:
            if inner.startswith("<v>") and inner.endswith("</v>"):
                v = _unescape(inner[3:-4])
            elif t == "inlineStr" and inner.startswith("<is><t>") and inner.endswith("</t></is>") and "<" not in inner[7:-9]:
                inline = _unescape(inner[7:-9])
            else:
                v, formula, inline = _cell_content(t, inner)
        if col == focus.key_column and ((inline or v or "").strip() or formula is not None):
            keyed = True
        cells.append((col, t, s, v, formula, inline))
    if cells:
        yield int(row_number), cells


def _cell_content(t: str, inner: str) -> tuple[str | None, str | None, str | None]:
    """(<v> text, formula text, inline text) of a cell's content."""
    f = _F_RE.search(inner) if "f" in inner else None
    if f is not None:
        return None, _unescape(f.group(1) or ""), None
    if t == "inlineStr":
        found = _IS_RE.search(inner)
        return None, None, (_string_item(found.group(1)) if found is not None else None)
    found = _V_RE.search(inner)
    if found is not None and found.group(1) is not None:
        return _unescape(found.group(1)), None, None
    return None, None, None


def _scan_rows(body: str) -> Iterator[tuple[int, list[tuple]]]:
    """Any well-formed sheetData: prefixes, attributes in any order, cells without reference."""
    cache: dict[str, int] = {}
    row_number = 0
    for row in _ROW_RE.finditer(body):
        attributes, content = row.groups()
        r = _attributes(attributes).get("r") if attributes else None
        row_number = int(r) if r else row_number + 1
        cells = []
        col = 0
        if content:
            for cell in _CELL_RE.finditer(content):
                attrs = _attributes(cell.group(1))
                ref = attrs.get("r")
                col = _column_of(ref, cache) if ref else col + 1
                t = attrs.get("t", "n")
                s = attrs.get("s")
                inner = cell.group(2)
                v, formula, inline = _cell_content(t, inner) if inner else (None, None, None)
                cells.append((col, t, int(s) if s else None, v, formula, inline))
        if cells:
            yield row_number, cells


def _scan_sheet_lxml(data: bytes) -> Iterator[tuple[int, list[tuple]]]:
    """The same raw cells as :func:`_scan_sheet` (rows without a cell left out), with lxml, for
    parts the scan does not take."""
    import io

    from lxml import etree

    cache: dict[str, int] = {}
    row_number = 0
    for _, row_el in etree.iterparse(io.BytesIO(data), tag="{*}row", resolve_entities=False, huge_tree=True):
        r = row_el.get("r")
        row_number = int(r) if r else row_number + 1
        cells = []
        col = 0
        for c in row_el:
            if not isinstance(c.tag, str) or _local(c.tag) != "c":
                continue
            ref = c.get("r")
            col = _column_of(ref, cache) if ref else col + 1
            t = c.get("t", "n")
            s = c.get("s")
            children = {_local(child.tag): child for child in c if isinstance(child.tag, str)}
            v = formula = inline = None
            if "f" in children:
                formula = children["f"].text or ""
            elif t == "inlineStr":
                if "is" in children:
                    inline = _element_string(children["is"])
            elif "v" in children and children["v"].text is not None:
                v = children["v"].text
            cells.append((col, t, int(s) if s else None, v, formula, inline))
        row_el.clear()
        while row_el.getprevious() is not None:
            del row_el.getparent()[0]
        if cells:
            yield row_number, cells


def _element_string(element) -> str:
    """The text of an <is> or <si> element: its <t>, or its runs' <t>s (phonetic guides left out)."""
    parts = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if isinstance(t.tag, str) and _local(t.tag) == "t")
    return "".join(parts)


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index


def _iso_datetime(text: str) -> object:
    try:
        return dt.datetime.fromisoformat(text.strip().rstrip("Z"))
    except ValueError:
        return text



def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
