"""Writing a keyed workbook: :func:`write_keyed_workbook`.

openpyxl's write-only mode with ``WriteOnlyCell`` (:class:`_RowWriter`): each cell made as
openpyxl streams the row, with its column's style copied from a template, every text through
:func:`files.safety.set_text_cell` (never a formula); drop-downs, conditional formatting, frozen
header and autofilter are set on the write-only sheet. Then the Instructions, the ``_meta``
sheet (:mod:`.meta`) and the custom properties.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from ...core.timezone import format_wib
from ..safety import atomic_path, set_text_cell
from .kinds import INSTRUCTIONS_SHEET, ExportInfo, WorkbookKind, paused_gc
from .meta import META_SHEET, PROP_EXPORT_ID, PROP_EXPORTED_AT, PROP_KIND, key_digest, meta_rows

EDITABLE_FILL = "FFF2CC"  # light yellow: type here
EDITABLE_HEADER_FILL = "FFD966"
READ_ONLY_HEADER_FILL = "D9D9D9"  # grey: for reference only
DATE_FORMAT = "dd mmm yyyy"


def _use_row_hook() -> bool:
    """Whether to stream rows through _RowWriter: the package's ``_USE_ROW_HOOK`` (tests switch
    it off there to check the plain path)."""
    from . import _USE_ROW_HOOK

    return _USE_ROW_HOOK


class _RowWriter:
    """Turns a row of values into styled, formula-proof cells as openpyxl streams it.

    Installed as the write-only sheet's ``_values_to_row`` (what ``ws.append`` calls for each
    row): every text goes through ``set_text_cell``; a column's style is copied from its
    template; cells without a style reuse one scratch cell, as openpyxl itself does, since each
    cell is written before the next is made. Appending a list of ready ``WriteOnlyCell`` objects
    instead works through openpyxl's public path, but that first tries each cell as a value, which
    raises and formats an error per cell: a third slower. ``installed`` tells whether openpyxl
    called it (else the caller uses lists of cells: same file, slower)."""

    def __init__(self, ws, templates: Sequence):
        from openpyxl.cell import Cell, WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        self.ws = ws
        self.templates = templates
        self.installed = False
        self._classes = (Cell, WriteOnlyCell, StyleArray)

    def cells(self, values: Sequence, row_idx: int, reuse: bool = True) -> Iterator:
        Cell, WriteOnlyCell, StyleArray = self._classes  # noqa: N806
        ws, templates = self.ws, self.templates
        scratch = None
        for col, value in enumerate(values, 1):
            if value is None or value == "":
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                template = templates[col - 1]
                if template is None and reuse:
                    if scratch is None:
                        scratch = WriteOnlyCell(ws)
                    cell = scratch
                elif template is None:
                    cell = WriteOnlyCell(ws)
                else:
                    cell = WriteOnlyCell(ws)
                    cell._style = StyleArray(template)
                if isinstance(value, str):
                    set_text_cell(cell, value)
                elif isinstance(value, dt.datetime):
                    cell.value = value.replace(tzinfo=None) if value.tzinfo else value
                elif isinstance(value, dt.date | int | float | Decimal | bool):
                    cell.value = value
                else:
                    set_text_cell(cell, value)
            cell.row = row_idx
            cell.column = col
            yield cell
            if cell is scratch and cell.has_style:  # e.g. a quote prefix: not for the next one
                scratch = None

    def __call__(self, values: Sequence, row_idx: int) -> Iterator:
        self.installed = True
        return self.cells(values, row_idx)

    def cell_list(self, values: Sequence, row_idx: int) -> list:
        """The same cells as a list (one new cell each), for ``ws.append`` without the hook."""
        out = [None] * len(values)
        for cell in self.cells(values, row_idx, reuse=False):
            out[cell.column - 1] = cell
        return out


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

    exported_at = (exported_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    export_id = export_id or str(uuid.uuid4())

    # The target's folder is checked first; the workbook is built into a temporary file beside it.
    with atomic_path(target) as tmp:
        wb = Workbook(write_only=True)
        try:
            with paused_gc():
                count = _build(wb, kind, rows, exported_at, export_id, meta or {}, instructions_extra)
                wb.save(tmp)
        except BaseException:
            _discard(wb)
            raise
    return ExportInfo(
        path=Path(target).expanduser().absolute(),
        kind=kind.kind,
        export_id=export_id,
        exported_at=exported_at,
        rows=count,
    )


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


def _build(wb, kind: WorkbookKind, rows, exported_at, export_id, meta, instructions_extra) -> int:
    """Fill the workbook: the data sheet, the Instructions, the _meta sheet, the custom
    properties. Returns the number of data rows."""
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

    # Column widths and styles go first: write-only mode writes them before the rows.
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

    # One style per column, made once and copied into each cell (assigning fills and formats
    # cell by cell costs a registry look-up each time).
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
    writer = _RowWriter(ws, templates)
    if _use_row_hook():
        ws._values_to_row = writer
    ws.append(header)
    hooked = writer.installed

    digests: list[str] = []
    row_idx = 1
    for values in rows:
        row_idx += 1
        if len(values) != width:
            raise ValueError(f"row {row_idx}: {len(values)} values for {width} columns")
        if values[0]:
            digests.append(key_digest(str(values[0])))
        ws.append(values if hooked else writer.cell_list(values, row_idx))
    last_row = row_idx
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

    count = last_row - 1
    _instructions_sheet(wb, kind, exported_at, count, instructions_extra)
    _meta_sheet(wb, kind, export_id, exported_at, count, digests, meta)

    wb.custom_doc_props.append(StringProperty(name=PROP_KIND, value=kind.kind))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORT_ID, value=export_id))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORTED_AT, value=exported_at.isoformat()))
    return count


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
