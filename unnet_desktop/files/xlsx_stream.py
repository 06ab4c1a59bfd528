"""Big sheets written fast: openpyxl makes the workbook, the data rows are XML made here.

openpyxl writes about 80,000 cells a second, even in write-only mode (each cell an object, its
XML element built and serialised one by one): 200,000 cells take 2-3 s. The writers of big
workbooks (``contacts_export``, ``keyed_workbook.writer``) therefore let openpyxl build the whole
workbook in write-only mode - styles, the header row, frozen pane, autofilter, widths, data
validations, conditional formatting, the other sheets, the properties - saved into memory, and
:func:`stream_rows` copies it into the target file with one sheet's data rows added at the end
of its ``<sheetData>``, as the XML that :func:`rows_xml` makes directly:

* every text goes through :func:`files.safety.set_text_cell` (control characters cleaned, cut at
  Excel's 32,767 limit, a quote prefix when it looks like a formula) and is written as an inline
  string (``t="inlineStr"``): text by construction, never a formula;
* dates and datetimes become serial numbers in the workbook's epoch (a datetime's time zone
  dropped), with the column's date format or, as openpyxl would, its default one;
* ``int``, ``float`` and ``Decimal`` are numbers (``t="n"``; NaN and infinities left empty),
  ``bool`` booleans (``t="b"``); None and "" make no cell; anything else is written as its text.

Cell styles (:class:`CellStyles`): each column's style, combined when a cell needs it with the
quote prefix or a date format, is registered in openpyxl's workbook, so that its ``styles.xml``
holds it. That must happen before the workbook is saved: a writer either makes the rows' XML
first (a list) or registers beforehand the few styles its cells can need.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from .safety import set_text_cell

_CHUNK_ROWS = 2000  # rows joined before each write into the zip stream
#: The values whose XML is kept in columns where values repeat: texts and dates, never equal to
#: a value of another type (whereas 1 == 1.0 == True, and equal aware datetimes differ in Excel).
_KEPT = frozenset((str, dt.date))


class _TextCell:
    """What ``set_text_cell`` needs of a cell; serialised by :func:`rows_xml`, not by openpyxl."""

    __slots__ = ("value", "data_type", "quotePrefix")


class CellStyles:
    """The style attribute (``' s="N"'``, or ``""`` for the default style) of the data cells of
    one write-only sheet ``ws``: column ``col`` (0-based) has the style of ``column_styles[col]``
    (an openpyxl ``StyleArray``, or None for none), combined with the quote prefix or a date
    format when a cell needs it. Each combination is registered in the workbook the first time
    it is asked for; once the workbook is saved, only a combination it already holds can be."""

    def __init__(self, ws, column_styles: Sequence = ()):
        self._ws = ws
        self._columns = list(column_styles)
        self._attributes: dict[tuple, str] = {}
        #: The workbook's date system: dates are counted from it.
        self.epoch = ws.parent.epoch

    def attribute(self, col: int, quote: bool = False, date_type: type | None = None) -> str:
        key = (col, quote, date_type)
        found = self._attributes.get(key)
        if found is None:
            found = self._attributes[key] = self._register(col, quote, date_type)
        return found

    def _register(self, col: int, quote: bool, date_type: type | None) -> str:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import TIME_FORMATS
        from openpyxl.styles import is_date_format
        from openpyxl.styles.cell_style import StyleArray

        cell = WriteOnlyCell(self._ws)
        base = self._columns[col] if col < len(self._columns) else None
        if base is not None:
            cell._style = StyleArray(base)
        if quote:
            cell.quotePrefix = True
        if date_type is not None and not is_date_format(cell.number_format):
            cell.number_format = TIME_FORMATS[date_type]  # what openpyxl gives a date cell
        if not cell.has_style:
            return ""
        registry = self._ws.parent._cell_styles
        if self._ws.closed and cell._style not in registry:
            raise RuntimeError("a cell style was needed after the workbook was saved")
        return f' s="{registry.add(cell._style)}"'


def rows_xml(rows: Sequence[Sequence[object]], first_row: int, styles: CellStyles) -> Iterator[str]:
    """The ``<row>`` elements of ``rows`` (a list: it is read twice), numbered from
    ``first_row``, one string each (see the module's docstring for what each value becomes).
    In columns where values repeat (statuses, organisations, dates...) a value's XML is kept
    rather than worked out again."""
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    width = max((len(values) for values in rows), default=0)
    letters = [get_column_letter(i + 1) for i in range(width)]
    repeats = set()
    for i, column in enumerate(zip(*rows)):
        try:
            if len(set(column)) * 4 < len(rows):
                repeats.add(i)
        except TypeError:  # a value that cannot be hashed: written as its text, never kept
            pass
    known: dict[tuple[int, object], str] = {}
    probe = _TextCell()
    epoch = styles.epoch
    style = styles.attribute
    text_styles: dict[tuple[int, bool], str] = {}  # the same as style(col, quote), for the hot path

    def text_xml(col: int, value: object) -> str:
        probe.quotePrefix = False
        set_text_cell(probe, value)
        text = probe.value
        if not text:  # nothing left once cleaned: an empty cell, as openpyxl writes it
            return f'{style(col)} t="inlineStr"/>'
        key = (col, probe.quotePrefix)
        attribute = text_styles.get(key)
        if attribute is None:
            attribute = text_styles[key] = style(*key)
        # As openpyxl (lxml) writes it: spaces kept by xml:space only where they would be lost,
        # \r as a reference (a parser reads a bare one as \n).
        space = ' xml:space="preserve"' if text != text.strip() else ""
        if "&" in text or "<" in text or ">" in text or "\r" in text:
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        return f'{attribute} t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def value_xml(col: int, value: object) -> str | None:
        if isinstance(value, str):
            return text_xml(col, value)
        if isinstance(value, bool):
            return f'{style(col)} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float | Decimal):
            if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):
                return None
            return f'{style(col)} t="n"><v>{safe_string(value)}</v></c>'
        if isinstance(value, dt.date):
            if isinstance(value, dt.datetime) and value.tzinfo is not None:
                value = value.replace(tzinfo=None)
            serial = safe_string(to_excel(value, epoch))
            return f'{style(col, date_type=type(value))} t="n"><v>{serial}</v></c>'
        return text_xml(col, value)

    for number, values in enumerate(rows, start=first_row):
        parts = [f'<row r="{number}">']
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            cls = value.__class__
            if cls in _KEPT and col in repeats:
                xml = known.get((col, value))
                if xml is None:
                    xml = known[(col, value)] = value_xml(col, value)
            elif cls is str:
                xml = text_xml(col, value)
            else:
                xml = value_xml(col, value)
                if xml is None:
                    continue
            parts.append(f'<c r="{letters[col]}{number}"{xml}')
        parts.append("</row>")
        yield "".join(parts)


def with_dimension(xml: str, ref: str) -> str:
    """The sheet's ``<dimension>`` set to ``ref``: readers (openpyxl's read-only mode too) size
    the sheet by it instead of parsing every row first."""
    element = f'<dimension ref="{ref}"/>'
    if "<dimension " in xml:
        return re.sub(r"<dimension [^>]*/>", element, xml, count=1)
    m = re.search(r"<sheetPr\b[^>]*/>|</sheetPr>", xml) or re.search(r"<worksheet\b[^>]*>", xml)
    return xml[: m.end()] + element + xml[m.end() :]


def stream_rows(built: bytes, target: Path, sheet_path: str, rows: Iterable[str], last_ref: str) -> None:
    """Copy the workbook openpyxl built (``built``: the saved bytes) into ``target``, with the
    ``<row>`` elements ``rows`` added at the end of the ``<sheetData>`` of the part
    ``sheet_path`` (e.g. ``xl/worksheets/sheet1.xml``), its dimension ``A1:last_ref``."""
    # compresslevel 1: twice as fast as the default for a file a tenth bigger
    with zipfile.ZipFile(io.BytesIO(built)) as zin, zipfile.ZipFile(
        target, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename != sheet_path:
                zout.writestr(info, data)
                continue
            xml = with_dimension(data.decode("utf-8"), f"A1:{last_ref}")
            head, tail = xml.split("</sheetData>", 1) if "</sheetData>" in xml else _open_sheet_data(xml)
            with zout.open(info.filename, "w", force_zip64=True) as out:
                out.write(head.encode("utf-8"))
                chunk: list[str] = []
                for row in rows:
                    chunk.append(row)
                    if len(chunk) == _CHUNK_ROWS:
                        out.write("".join(chunk).encode("utf-8"))
                        chunk.clear()
                out.write("".join(chunk).encode("utf-8"))
                out.write(("</sheetData>" + tail).encode("utf-8"))


def _open_sheet_data(xml: str) -> tuple[str, str]:
    """A sheet written without rows (``<sheetData/>``) split where the rows go."""
    head, tail = xml.split("<sheetData/>", 1)
    return head + "<sheetData>", tail
