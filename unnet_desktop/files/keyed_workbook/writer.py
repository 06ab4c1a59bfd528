"""Writing a keyed workbook: :func:`write_keyed_workbook`.

The rows are read into a list first (the drop-downs, formatting and filter cover as many rows as
there are, and the ``_meta`` sheet keeps a digest of every key). openpyxl then builds the whole
workbook in write-only mode, in memory: the data sheet's column widths and styles, hidden key
column, header row, frozen header, drop-downs and date checks, conditional formatting and
autofilter; the Instructions, the ``_meta`` sheet (:mod:`.meta`) and the custom properties. The
data rows are XML made directly (:mod:`files.xlsx_stream`: several times faster than openpyxl's
cell objects), added to the data sheet as the workbook is copied into the target: every text
through :func:`files.safety.set_text_cell` as an inline string (never a formula), dates as
serial numbers, each cell with its column's style (the editable columns' fill, the date format;
with the quote prefix for a text that looks like a formula).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ...core.gc_pause import paused_gc
from ...core.timezone import format_wib
from ..safety import atomic_path, set_text_cell
from ..xlsx_print import print_on_page_width
from ..xlsx_stream import CellStyles, rows_xml, stream_rows
from .kinds import INSTRUCTIONS_SHEET, ExportInfo, WorkbookKind
from .meta import META_SHEET, PROP_EXPORT_ID, PROP_EXPORTED_AT, PROP_KIND, key_digest, meta_rows

EDITABLE_FILL = "FFF2CC"  # light yellow: type here
EDITABLE_HEADER_FILL = "FFD966"
READ_ONLY_HEADER_FILL = "D9D9D9"  # grey: for reference only
DATE_FORMAT = "dd mmm yyyy"
HEADER_LINE_HEIGHT = 15  # points: one line of the default 11-point font


def write_keyed_workbook(
    target: str | Path,
    kind: WorkbookKind,
    rows: Iterable[Sequence[object]],
    *,
    exported_at: dt.datetime | None = None,
    export_id: str | None = None,
    meta: Mapping[str, str] | None = None,
    instructions_extra: Sequence[tuple[str, str]] = (),
) -> ExportInfo:
    """Write ``rows`` (each: the key, then one value per column of ``kind``; values are text,
    dates, numbers or None) to ``target`` atomically. ``meta``: more key/value pairs for the
    ``_meta`` sheet (e.g. the filter used). ``instructions_extra``: (label, value) lines shown
    at the top of the Instructions sheet."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    exported_at = (exported_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    export_id = export_id or str(uuid.uuid4())

    # The target's folder is checked first; the workbook is written into a temporary file beside it.
    with atomic_path(target) as tmp, paused_gc():
        rows, digests = _checked_rows(rows, len(kind.all_columns))
        wb = Workbook(write_only=True)
        try:
            ws, styles = _build(wb, kind, len(rows), digests, exported_at, export_id, meta or {}, instructions_extra)
            # The rows' XML is made before saving: that registers the cell styles it uses.
            data = list(rows_xml(rows, 2, styles))
            built = io.BytesIO()
            wb.save(built)
        except BaseException:
            _discard(wb)
            raise
        last_ref = f"{get_column_letter(len(kind.all_columns))}{len(rows) + 1}"
        stream_rows(built.getvalue(), tmp, ws.path.lstrip("/"), data, last_ref)
    return ExportInfo(
        path=Path(target).expanduser().absolute(),
        kind=kind.kind,
        export_id=export_id,
        exported_at=exported_at,
        rows=len(rows),
    )


def _checked_rows(rows: Iterable[Sequence[object]], width: int) -> tuple[list[Sequence[object]], list[str]]:
    """The rows as a list (ValueError for a row of another width) and the digests of their keys."""
    rows = list(rows)
    digests: list[str] = []
    for row_idx, values in enumerate(rows, 2):
        if len(values) != width:
            raise ValueError(f"row {row_idx}: {len(values)} values for {width} columns")
        if values[0]:
            digests.append(key_digest(str(values[0])))
    return rows, digests


def _discard(wb) -> None:
    """Close the streams of a write-only workbook that will not be saved (else they complain
    when garbage-collected) and remove its temporary files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            if ws._writer is not None:
                ws._writer.cleanup()


def _build(wb, kind: WorkbookKind, count: int, digests, exported_at, export_id, meta, instructions_extra):
    """Fill the workbook: the data sheet (all but its ``count`` data rows), the Instructions,
    the _meta sheet, the custom properties. Returns the data sheet and its cells' styles."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import Rule
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = kind.all_columns
    width = len(columns)
    last_letter = get_column_letter(width)
    ws = wb.create_sheet(kind.sheet_title)
    editable_fill = PatternFill("solid", fgColor=EDITABLE_FILL)
    bold = Font(bold=True)

    # Column widths and styles go first: write-only mode writes them before the header row.
    for index, column in enumerate(columns, 1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = column.width
        if column.id == kind.key_id:
            dim.hidden = True
        if column.editable:
            # Cells left empty (and rows the reader adds below) show the editable colour too.
            dim.fill = editable_fill
            if column.kind == "date":
                dim.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    print_on_page_width(ws)

    # One style per column (a quote prefix is added to it for a text that looks like a formula).
    templates = []
    for column in columns:
        probe = WriteOnlyCell(ws)
        if column.editable:
            probe.fill = editable_fill
        if column.kind == "date":
            probe.number_format = DATE_FORMAT
        templates.append(probe._style if probe.has_style else None)

    header = []
    for column in columns:
        cell = WriteOnlyCell(ws)
        set_text_cell(cell, column.header)
        cell.font = bold
        cell.fill = PatternFill(
            "solid", fgColor=EDITABLE_HEADER_FILL if column.editable else READ_ONLY_HEADER_FILL
        )
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    # The headings wrap: the row is made tall enough for the longest (not every program sizes
    # a wrapped row when it opens the file; LibreOffice does not).
    ws.row_dimensions[1].height = HEADER_LINE_HEIGHT * _header_lines(columns, kind.key_id)
    ws.append(header)

    last_row = count + 1
    span_end = last_row + kind.spare_rows

    # Drop-downs and date checks (on the spare rows too, for rows added by the reader).
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        ref = f"{letter}2:{letter}{span_end}"
        if column.kind == "choice" and column.choices:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=column.header[:32],
                error="Choose from the list. / Pilih dari daftar.",
            )
            dv.add(ref)
            ws.data_validations.append(dv)
        elif column.kind == "date" and column.editable:
            dv = DataValidation(
                type="date",
                operator="between",
                formula1="DATE(2000,1,1)",
                formula2="DATE(2100,12,31)",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle=column.header[:32],
                error="Type a date, e.g. 31/03/2025. / Ketik tanggal, mis. 31/03/2025.",
            )
            dv.add(ref)
            ws.data_validations.append(dv)

    letters = {column.id: get_column_letter(i) for i, column in enumerate(columns, 1)}
    for highlight in kind.highlights:
        style = DifferentialStyle(
            font=Font(color=highlight.font_colour, bold=highlight.bold),
            fill=PatternFill(bgColor=highlight.fill_colour, fill_type="solid") if highlight.fill_colour else None,
        )
        rule = Rule(type="expression", dxf=style, formula=[highlight.formula.format(**letters)])
        if highlight.columns:
            refs = " ".join(f"{letters[c]}2:{letters[c]}{span_end}" for c in highlight.columns)
        else:
            refs = f"A2:{last_letter}{span_end}"
        ws.conditional_formatting.add(refs, rule)
    ws.auto_filter.ref = f"A1:{last_letter}{max(last_row, 2)}"

    _instructions_sheet(wb, kind, exported_at, count, instructions_extra)
    _meta_sheet(wb, kind, export_id, exported_at, count, digests, meta)

    wb.custom_doc_props.append(StringProperty(name=PROP_KIND, value=kind.kind))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORT_ID, value=export_id))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORTED_AT, value=exported_at.isoformat()))
    return ws, CellStyles(ws, templates)


def _text_row(ws, *values, bold=None) -> None:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(ws)
        set_text_cell(cell, value)
        if bold is not None:
            cell.font = bold
        cells.append(cell)
    ws.append(cells)


def _instructions_sheet(wb, kind: WorkbookKind, exported_at, count: int, extra) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    ws.column_dimensions["A"].width = 110
    title = Font(bold=True, size=13)
    heading = Font(bold=True)
    _text_row(ws, f"{kind.label[:1].upper()}{kind.label[1:]}", bold=title)
    _text_row(ws, f"Exported / Diekspor: {format_wib(exported_at)} · {count} rows / baris")
    for label, value in extra:
        _text_row(ws, f"{label}: {value}")
    ws.append([])
    _text_row(ws, "English", bold=heading)
    for line in kind.instructions_en:
        _text_row(ws, line)
    ws.append([])
    _text_row(ws, "Bahasa Indonesia", bold=heading)
    for line in kind.instructions_id:
        _text_row(ws, line)


def _meta_sheet(wb, kind, export_id, exported_at, count, digests, meta) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    for name, value in meta_rows(kind, export_id, exported_at, count, digests, meta):
        _text_row(ws, name, value)


def _header_lines(columns, key_id: str) -> int:
    """Lines the longest visible heading takes when wrapped in its column (bold text: about one
    character less per line than the column's width in characters), from 1 to 4."""
    lines = [
        math.ceil(len(column.header) / max(column.width - 2, 4))
        for column in columns
        if column.id != key_id
    ]
    return max(1, min(4, max(lines, default=1)))
