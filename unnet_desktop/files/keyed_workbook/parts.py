"""The workbook-level parts of an .xlsx read back: relationships, sheets, shared strings, which
styles are dates, the date system; :meth:`_Book.rows` gives a sheet's cells as values (the
scanning itself is :mod:`.xml_fast`). No openpyxl workbook is built: its read-only mode takes
several seconds for 20,000 rows.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator

from ...core.errors import FileRefused
from .xml_fast import (
    _SI_RE,
    _element_string,
    _Focus,
    _iso_datetime,
    _scan_sheet,
    _scan_sheet_lxml,
    _string_item,
    _text_for_scan,
)

# The two spellings of SpreadsheetML: transitional (what everyone writes) and strict.
_NS_MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_NS_REL_ATTR = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_BUILTIN_DATE_IDS = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _xml(archive: zipfile.ZipFile, name: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with archive.open(name) as fh:
        return etree.parse(fh, parser).getroot()


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) of a part."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in archive.NameToInfo:
        return {}
    out = {}
    for rel in _xml(archive, rels_name).iter(f"{{{_NS_PKG}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type", ""), target)
    return out



class _Book:
    """The workbook-level parts: sheets, shared strings, which styles are dates, the epoch."""

    def __init__(self, archive: zipfile.ZipFile):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.archive = archive
        root_rels = _rels(archive, "")
        workbook_part = next(
            (target for kind, target in root_rels.values() if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        if workbook_part not in archive.NameToInfo:
            raise FileRefused("no workbook part")
        root = _xml(archive, workbook_part)
        self.ns = root.tag[1:].partition("}")[0]
        rels = _rels(archive, workbook_part)
        pr = root.find(f"{{{self.ns}}}workbookPr")
        self.epoch = (
            CALENDAR_MAC_1904
            if pr is not None and pr.get("date1904") in ("1", "true")
            else CALENDAR_WINDOWS_1900
        )
        self.sheets: dict[str, str] = {}  # title -> part
        for sheet in root.iter(f"{{{self.ns}}}sheet"):
            rid = next((sheet.get(f"{{{ns}}}id") for ns in _NS_REL_ATTR if sheet.get(f"{{{ns}}}id")), None)
            if rid in rels:
                self.sheets[sheet.get("name", "")] = rels[rid][1]
        self.shared: list[str] = []
        self.date_styles: frozenset[int] = frozenset()
        for kind, target in rels.values():
            if kind.endswith("/sharedStrings") and target in archive.NameToInfo:
                self.shared = self._shared_strings(target)
            elif kind.endswith("/styles") and target in archive.NameToInfo:
                self.date_styles = self._date_styles(target)

    def _shared_strings(self, part: str) -> list[str]:
        data = self.archive.read(part)
        text = _text_for_scan(data)
        if text is not None:
            return [_string_item(content) for content in _SI_RE.findall(text)]
        import io

        from lxml import etree

        out = []
        for _, si in etree.iterparse(io.BytesIO(data), tag="{*}si", resolve_entities=False, huge_tree=True):
            out.append(_element_string(si))
            si.clear()
        return out

    def _date_styles(self, part: str) -> frozenset[int]:
        from openpyxl.styles.numbers import is_date_format

        root = _xml(self.archive, part)
        ns = self.ns
        custom = {}
        for fmt in root.iter(f"{{{ns}}}numFmt"):
            try:
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
            except (TypeError, ValueError):
                continue
        dates = set()
        cell_xfs = root.find(f"{{{ns}}}cellXfs")
        if cell_xfs is not None:
            for index, xf in enumerate(cell_xfs.findall(f"{{{ns}}}xf")):
                try:
                    fmt_id = int(xf.get("numFmtId", "0"))
                except ValueError:
                    continue
                if fmt_id in custom:
                    if is_date_format(custom[fmt_id]):
                        dates.add(index)
                elif fmt_id in _BUILTIN_DATE_IDS:
                    dates.add(index)
        return frozenset(dates)

    def rows(self, title: str, focus: _Focus | None = None) -> Iterator[tuple[int, dict[int, tuple[object, bool]]]]:
        """(row number, {column number: (value, is_formula)}) for every row with a cell.
        ``focus`` (may be set while reading): rows with a key need only some columns; the
        others may be left out of those rows."""
        from openpyxl.utils.datetime import from_excel

        data = self.archive.read(self.sheets[title])
        text = _text_for_scan(data)
        raw = _scan_sheet(text, focus) if text is not None else _scan_sheet_lxml(data)
        shared, date_styles, epoch = self.shared, self.date_styles, self.epoch
        dates: dict[object, object] = {}  # serial number -> datetime: trackers repeat their dates
        for row_number, cells in raw:
            out: dict[int, tuple[object, bool]] = {}
            for col, t, s, v, formula, inline in cells:
                if formula is not None:
                    out[col] = ("=" + formula, True)
                    continue
                if inline is not None:
                    out[col] = (inline, False)
                    continue
                if v is None or v == "":
                    continue
                if t == "n":
                    value: object = float(v) if ("." in v or "e" in v or "E" in v) else int(v)
                    if s is not None and s in date_styles:
                        serial = value
                        value = dates.get(serial)
                        if value is None:
                            try:
                                value = from_excel(serial, epoch)
                            except (OverflowError, ValueError):
                                value = serial  # an impossible date stays a number; the caller says why
                            dates[serial] = value
                elif t == "s":
                    value = shared[int(v)]
                elif t == "b":
                    value = v.strip() in ("1", "true")
                elif t == "d":
                    value = _iso_datetime(v)
                else:  # "str" (a formula's text result), "e" (an error such as #VALUE!)
                    value = v
                out[col] = (value, False)
            if out:
                yield row_number, out
