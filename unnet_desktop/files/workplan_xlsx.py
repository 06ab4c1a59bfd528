"""The work plan as an Excel workbook that agencies fill in and send back.

Sheets: the data sheet ("Work plan 2025": activities by results group, a subtotal row per group
and a grand total, whose figures are SUM formulas: the only formulas the app ever writes),
"GCM coverage", "Instructions" (English and Bahasa Indonesia) and the very hidden ``_meta`` sheet
of the keyed workbooks (``files.keyed_workbook``: kind, export id, export time, key digests), so
that ``read_keyed_workbook(path, WORKPLAN_KIND)`` reads it back and refuses any other workbook.
The _meta sheet also holds each activity's editable values as exported (``exported:<uuid>``,
JSON): the baseline of ``services.tracker_sync``, so that the import takes only what the agency
changed.

Column A holds each activity's UUID (the key, hidden, on a protected sheet); rows that are not
activities carry a ``#`` marker there (``#group RG1``, ``#subtotal RG1``, ``#total``) so the
import passes over them. The columns agencies fill in are unlocked and shaded yellow; the context
columns are locked, grey-headed. Every text goes through ``set_text_cell``; numbers and dates
are real cells. Written in openpyxl's write-only mode, one style per kind of cell copied into
each cell.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..core.database import Database
from ..core.enums import ActivityStatus
from ..core.timezone import format_wib
from . import keyed_workbook as kw
from .safety import atomic_path, clean_text, set_text_cell

WORKBOOK_KIND = "unnet_desktop/work-plan"
WORKBOOK_LABEL = "work plan workbook"
FORMAT_VERSION = 1
COVERAGE_SHEET = "GCM coverage"
INSTRUCTIONS_SHEET = kw.INSTRUCTIONS_SHEET
META_SHEET = kw.META_SHEET
HEADER_ROW = 1  # the keyed-workbook reader takes the first row as the header
FIRST_DATA_ROW = HEADER_ROW + 1
MARKER_PREFIX = "#"
GROUP_MARKER, SUBTOTAL_MARKER, TOTAL_MARKER = "#group", "#subtotal", "#total"
MONEY_FORMAT = "#,##0.00;[Red]-#,##0.00"
DATE_FORMAT = "dd mmm yyyy"

EDITABLE_FILL = "FFF2CC"  # light yellow: the cells agencies fill in
EDITABLE_HEADER_FILL = "FFD966"
READ_ONLY_HEADER_FILL = "D9D9D9"
GROUP_FILL = "DDEBF7"
TOTAL_FILL = "EDEDED"
UNCOVERED_FILL = "F8CBAD"


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    width: float
    kind: str  # key | text | date | int | money | status | marker | gap
    editable: bool = False


COLUMNS: tuple[Col, ...] = (
    Col("key", "Key (do not change)", 38, "key"),
    Col("code", "Code", 9, "text"),
    Col("title", "Activity", 44, "text"),
    Col("results_group", "Results group", 9, "text"),
    Col("lead_agency", "Lead agency", 14, "text"),
    Col("participating", "Participating agencies", 22, "text"),
    Col("partners", "Implementing partners", 22, "text"),
    Col("objectives", "GCM objectives", 11, "text"),
    Col("location", "Location", 18, "text"),
    Col("start_date", "Start", 12, "date"),
    Col("end_date", "End", 12, "date"),
    Col("description", "Description", 40, "text"),
    Col("indicator", "Indicator", 28, "text"),
    Col("baseline", "Baseline", 18, "text"),
    Col("target", "Target", 18, "text"),
    Col("status", "Status", 13, "status", True),
    Col("progress_pct", "Progress %", 10, "int", True),
    Col("progress_note", "Progress note", 40, "text", True),
    Col("gender_marker", "Gender equality marker (0-3)", 12, "marker", True),
    Col("gender_marker_note", "Gender equality marker justification", 36, "text", True),
    Col("human_rights_marker", "Human rights marker (0-3)", 12, "marker", True),
    Col("human_rights_marker_note", "Human rights marker justification", 36, "text", True),
    Col("budget_required", "Required (USD)", 15, "money", True),
    Col("budget_available", "Available (USD)", 15, "money", True),
    Col("budget_spent", "Spent (USD)", 15, "money", True),
    Col("funding_gap", "Funding gap (USD)", 16, "gap"),
)
EDITABLE_COLUMNS = tuple(c for c in COLUMNS if c.editable)
MARKER_CHOICES = ("0", "1", "2", "3")


def sheet_title(year: int) -> str:
    return f"Work plan {year}"


def _kind_column(col: Col) -> kw.Column:
    kind = {"status": "choice", "marker": "choice", "date": "date", "int": "number", "money": "number", "gap": "number"}
    choices = {"status": tuple(s.label for s in ActivityStatus), "marker": MARKER_CHOICES}
    return kw.Column(
        id=col.key,
        header=col.header,
        kind=kind.get(col.kind, "text"),
        editable=col.editable,
        width=col.width,
        choices=choices.get(col.kind, ()),
        required=col.editable or col.key == "code",
    )


#: The work plan workbook as a keyed workbook: what ``read_keyed_workbook`` needs to read it back.
WORKPLAN_KIND = kw.WorkbookKind(
    kind=WORKBOOK_KIND,
    label=WORKBOOK_LABEL,
    sheet_title="Work plan",  # the real title names the year; the _meta sheet tells the reader
    key_header=COLUMNS[0].header,
    columns=tuple(_kind_column(c) for c in COLUMNS[1:]),
    version=FORMAT_VERSION,
)
#: Columns totalled by SUM in the subtotal and total rows.
SUMMED = ("budget_required", "budget_available", "budget_spent")

INSTRUCTIONS_EN = (
    "How to fill in this work plan",
    "1. Fill in only the yellow columns: status, progress %, progress note, the two markers with their "
    "justifications, and the budget required, available and spent (US dollars).",
    "2. Choose the status and the markers from the drop-down lists. Progress is a whole number from 0 to 100.",
    "3. A marker justification has at most three sentences.",
    "4. Do not add, delete, move or sort rows, and do not change the hidden key column: the secretariat "
    "matches each row to its activity by that key.",
    "5. Type values, not formulas. The subtotal and total rows are computed by Excel and are not imported.",
    "6. Save the file as .xlsx and send it back to the secretariat.",
    "If the secretariat changed an activity after this file was made and your value differs, the secretariat "
    "decides which value to keep.",
)
INSTRUCTIONS_ID = (
    "Cara mengisi rencana kerja ini",
    "1. Isi hanya kolom berwarna kuning: status, progres %, catatan progres, kedua penanda beserta "
    "justifikasinya, serta anggaran yang dibutuhkan, tersedia, dan terpakai (dolar AS).",
    "2. Pilih status dan penanda dari daftar pilihan. Progres adalah bilangan bulat dari 0 sampai 100.",
    "3. Justifikasi penanda terdiri dari paling banyak tiga kalimat.",
    "4. Jangan menambah, menghapus, memindahkan, atau mengurutkan baris, dan jangan mengubah kolom kunci "
    "yang tersembunyi: sekretariat mencocokkan setiap baris dengan kegiatannya melalui kunci tersebut.",
    "5. Ketik nilai, bukan rumus. Baris subtotal dan total dihitung oleh Excel dan tidak diimpor.",
    "6. Simpan berkas sebagai .xlsx dan kirim kembali ke sekretariat.",
    "Jika sekretariat mengubah suatu kegiatan setelah berkas ini dibuat dan nilai Anda berbeda, sekretariat "
    "yang memutuskan nilai mana yang dipakai.",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    year: int
    activities: int
    exported_at: dt.datetime  # aware UTC
    export_id: str


#: Prefix of the _meta rows holding each activity's editable values as exported (JSON), so that
#: the import can tell what the agency changed from what the app changed since (three-way).
EXPORTED_VALUES_PREFIX = "exported:"


def canonical(key: str, value: object) -> object:
    """An editable value in the form the import compares: status as its stored value, amounts
    as text to the cent, texts as the reader hands them back (control characters removed,
    line ends plain, trimmed), numbers as ints."""
    if value is None:
        return None
    if key == "status":
        return getattr(value, "value", value)
    if key in SUMMED:
        return f"{value:.2f}" if not isinstance(value, str) else value
    if isinstance(value, str):
        return clean_text(value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return value


def exported_values(row) -> str:
    """The editable values of an activity row as compact JSON (for the _meta sheet)."""
    return json.dumps(
        {c.key: canonical(c.key, getattr(row, c.key)) for c in EDITABLE_COLUMNS},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _activity_values(row) -> dict[str, object]:
    return {
        "key": row.uuid,
        "code": row.code,
        "title": row.title,
        "results_group": f"RG{row.results_group}",
        "lead_agency": row.lead_agency,
        "participating": row.participating_text,
        "partners": row.partners_text,
        "objectives": row.objectives_text,
        "location": row.location,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "description": row.description,
        "indicator": row.indicator,
        "baseline": row.baseline,
        "target": row.target,
        "status": row.status.label,
        "progress_pct": row.progress_pct,
        "progress_note": row.progress_note,
        "gender_marker": row.gender_marker,
        "gender_marker_note": row.gender_marker_note,
        "human_rights_marker": row.human_rights_marker,
        "human_rights_marker_note": row.human_rights_marker_note,
        "budget_required": row.budget_required,
        "budget_available": row.budget_available,
        "budget_spent": row.budget_spent,
        "funding_gap": None,
    }


def export_workplan(db: Database, year: int, target: str | Path, *, now: dt.datetime | None = None) -> ExportResult:
    """Write the work plan of ``year`` to ``target`` (atomically)."""
    from ..services.coverage import gcm_coverage
    from ..services.workplans import plan_overview

    # The time of export is taken before reading: an edit made while exporting then counts
    # as made after the export, the safe side for conflict detection.
    exported_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    overview = plan_overview(db, year)
    coverage = gcm_coverage(db, year)
    export_id = str(uuid.uuid4())
    # The target is checked (atomic_path) before the workbook is made: a write-only workbook
    # left unsaved leaves open generators that complain when garbage-collected.
    with atomic_path(target) as tmp:
        build_workbook(overview, coverage, exported_at, export_id).save(tmp)
    return ExportResult(Path(target).expanduser().absolute(), year, overview.activity_count, exported_at, export_id)


def _placed(cells, _row_idx):
    """Stands in for ``WriteOnlyWorksheet._values_to_row``: our rows are lists of ready cells
    (row and column set) or None, which openpyxl's own version would first try as values,
    raising and formatting an error per cell."""
    for cell in cells:
        if cell is not None:
            yield cell


class _Sheet:
    """A write-only sheet whose rows are built cell by cell from per-kind style templates."""

    def __init__(self, wb, title: str):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        self._cell_class, self._style_array = WriteOnlyCell, StyleArray
        self.ws = wb.create_sheet(title)
        self.ws._values_to_row = _placed
        self.row = 0

    def style(self, **attributes):
        """A style template: font, fill, border, alignment, protection, number_format."""
        probe = self._cell_class(self.ws)
        for name, value in attributes.items():
            setattr(probe, name, value)
        return probe._style

    def cell(self, column: int, value=None, style=None, *, text: bool = False):
        cell = self._cell_class(self.ws)
        cell.row, cell.column = self.row + 1, column
        if style is not None:
            cell._style = self._style_array(style)
        if text:
            set_text_cell(cell, value)
        elif value is not None:
            cell.value = value
        return cell

    def append(self, cells) -> int:
        self.ws.append(cells)
        self.row += 1
        return self.row

    def text_row(self, *values, style=None) -> int:
        return self.append([self.cell(i, v, style, text=True) for i, v in enumerate(values, 1) if v not in (None, "")])


def build_workbook(overview, coverage, exported_at: dt.datetime, export_id: str | None = None):
    """The workbook (openpyxl, write-only mode), ready to save."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    plan = overview.plan
    wb = Workbook(write_only=True)
    sheet = _Sheet(wb, sheet_title(plan.year))
    ws = sheet.ws
    letters = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, 1)}

    bold = Font(bold=True)
    editable_fill = PatternFill("solid", fgColor=EDITABLE_FILL)
    unlocked = Protection(locked=False)
    group_fill = PatternFill("solid", fgColor=GROUP_FILL)
    total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
    thin = Side(style="thin")
    wrap = Alignment(wrap_text=True, vertical="top")
    formats = {"money": MONEY_FORMAT, "date": DATE_FORMAT}

    # Column widths first: write-only mode writes them before the rows.
    for col in COLUMNS:
        ws.column_dimensions[letters[col.key]].width = col.width
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = f"{letters['title']}{FIRST_DATA_ROW}"

    # One style per kind of cell, made once and copied into each cell: assigning fill,
    # protection and number format cell by cell costs openpyxl a registry look-up each time.
    def activity_style(col: Col):
        attributes = {}
        if col.editable:
            attributes.update(fill=editable_fill, protection=unlocked)
        if col.kind in formats:
            attributes["number_format"] = formats[col.kind]
        return sheet.style(**attributes) if attributes else None

    activity_styles = [activity_style(c) for c in COLUMNS]
    group_style = sheet.style(fill=group_fill)
    group_bold = sheet.style(fill=group_fill, font=bold)

    def total_styles(border):
        plain = sheet.style(fill=total_fill, border=border, font=bold)
        money = sheet.style(fill=total_fill, border=border, font=bold, number_format=MONEY_FORMAT)
        return plain, money

    subtotal_style = total_styles(Border(top=thin))
    grand_style = total_styles(Border(top=thin, bottom=Side(style="double")))

    header = [
        sheet.cell(
            i,
            col.header,
            sheet.style(
                font=bold,
                alignment=wrap,
                fill=PatternFill("solid", fgColor=EDITABLE_HEADER_FILL if col.editable else READ_ONLY_HEADER_FILL),
            ),
            text=True,
        )
        for i, col in enumerate(COLUMNS, 1)
    ]
    ws.row_dimensions[HEADER_ROW].height = 45
    sheet.append(header)

    text_kinds = ("key", "text", "status")

    def total_row(marker: str, label: str, sums: dict[str, object], styles) -> int:
        plain, money = styles
        cells = [sheet.cell(1, marker, text=True)]
        for i, col in enumerate(COLUMNS[1:], 2):
            if col.key in sums:
                cells.append(sheet.cell(i, sums[col.key], money))
            elif col.key == "title":
                cells.append(sheet.cell(i, label, plain, text=True))
            else:
                cells.append(sheet.cell(i, None, plain))
        return sheet.append(cells)

    subtotal_rows: list[int] = []
    first_activity_row = last_activity_row = None
    for group in overview.groups:
        if not group.activities:
            continue
        cells = [sheet.cell(1, f"{GROUP_MARKER} RG{group.number}", text=True)]
        cells += [
            sheet.cell(i, group.display, group_bold, text=True) if col.key == "code" else sheet.cell(i, None, group_style)
            for i, col in enumerate(COLUMNS[1:], 2)
        ]
        sheet.append(cells)
        start = sheet.row + 1
        for activity in group.activities:
            values = _activity_values(activity)
            cells = []
            for i, col in enumerate(COLUMNS, 1):
                value = values[col.key]
                style = activity_styles[i - 1]
                if col.kind in text_kinds:
                    cells.append(sheet.cell(i, value, style, text=True) if value or style is not None else None)
                elif value is not None or style is not None:
                    cells.append(sheet.cell(i, value, style))
                else:
                    cells.append(None)
            sheet.append(cells)
        end = sheet.row
        first_activity_row = first_activity_row or start
        last_activity_row = end
        sums = {key: f"=SUM({letters[key]}{start}:{letters[key]}{end})" for key in SUMMED}
        sums["funding_gap"] = f"{sums['budget_required']}-{sums['budget_available'][1:]}"
        subtotal_rows.append(
            total_row(f"{SUBTOTAL_MARKER} RG{group.number}", f"Subtotal RG{group.number}", sums, subtotal_style)
        )
    if subtotal_rows:
        sums = {key: "=SUM(" + ",".join(f"{letters[key]}{row}" for row in subtotal_rows) + ")" for key in SUMMED}
        sums["funding_gap"] = f"{sums['budget_required']}-{sums['budget_available'][1:]}"
    else:
        sums = {key: 0 for key in (*SUMMED, "funding_gap")}
    total_row(TOTAL_MARKER, "Total", sums, grand_style)

    # Drop-downs and number checks on the activity rows (data validation does not stop a paste:
    # the import checks every value again).
    if first_activity_row is not None:

        def rng(key: str) -> str:
            return f"{letters[key]}{first_activity_row}:{letters[key]}{last_activity_row}"

        statuses = ",".join(s.label for s in ActivityStatus)
        dv_status = DataValidation(type="list", formula1=f'"{statuses}"', allow_blank=False)
        dv_status.error, dv_status.errorTitle = f"Choose one of: {statuses}.", "Status"
        dv_status.add(rng("status"))
        dv_marker = DataValidation(type="list", formula1='"' + ",".join(MARKER_CHOICES) + '"', allow_blank=True)
        dv_marker.error, dv_marker.errorTitle = "A marker is 0, 1, 2 or 3.", "Marker"
        dv_marker.add(rng("gender_marker"))
        dv_marker.add(rng("human_rights_marker"))
        dv_progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
        dv_progress.error, dv_progress.errorTitle = "Progress is a whole number from 0 to 100.", "Progress %"
        dv_progress.add(rng("progress_pct"))
        dv_money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv_money.error, dv_money.errorTitle = "An amount in US dollars, not negative.", "Budget"
        for key in SUMMED:
            dv_money.add(rng(key))
        for dv in (dv_status, dv_marker, dv_progress, dv_money):
            dv.showErrorMessage = True
            ws.data_validations.append(dv)

    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.HeaderFooter.oddHeader.center.text = f"{plan.title} ({plan.status.label.lower()})".replace("&", "&&")
    ws.HeaderFooter.oddFooter.center.text = f"Exported {format_wib(exported_at)} · page &P of &N"
    ws.page_setup.orientation = "landscape"
    # A guard against accidents, not a lock: no password. Resizing and formatting stay allowed.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False

    activities = [a for g in overview.groups for a in g.activities]
    _coverage_sheet(wb, coverage, bold, wrap)
    _instructions_sheet(wb, plan, overview.activity_count, exported_at, bold, wrap)
    _meta_sheet(wb, ws.title, plan, activities, exported_at, export_id or str(uuid.uuid4()))
    return wb


def _coverage_sheet(wb, coverage, bold, wrap) -> None:
    from openpyxl.styles import PatternFill

    headers = ("Objective", "Short label", "Title", "Activities", "Agencies", "Agencies (lead and participating)", "Addressed")
    widths = (10, 30, 70, 11, 10, 40, 11)
    sheet = _Sheet(wb, COVERAGE_SHEET)
    ws = sheet.ws
    for letter, width in zip("ABCDEFG", widths, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A5"
    sheet.text_row(f"GCM coverage of the {coverage.year} work plan", style=sheet.style(font=bold))
    note = "" if coverage.include_cancelled else " Cancelled activities are not counted."
    sheet.text_row(coverage.summary + note)
    sheet.append([])
    sheet.text_row(*headers, style=sheet.style(font=bold, alignment=wrap))
    uncovered = sheet.style(fill=PatternFill("solid", fgColor=UNCOVERED_FILL))
    for objective in coverage.objectives:
        style = None if objective.covered else uncovered
        values = (
            objective.number,
            objective.short_label,
            objective.title,
            objective.activities,
            objective.agencies,
            ", ".join(objective.agency_names),
            "Yes" if objective.covered else "No",
        )
        sheet.append(
            [sheet.cell(i, v, style, text=isinstance(v, str)) for i, v in enumerate(values, 1)]
        )


def _instructions_sheet(wb, plan, activities: int, exported_at: dt.datetime, bold, wrap) -> None:
    from openpyxl.styles import Font

    sheet = _Sheet(wb, INSTRUCTIONS_SHEET)
    sheet.ws.column_dimensions["A"].width = 110
    title, heading, plain = (
        sheet.style(font=Font(bold=True, size=13), alignment=wrap),
        sheet.style(font=bold, alignment=wrap),
        sheet.style(alignment=wrap),
    )
    sheet.text_row(f"{plan.title} ({plan.status.label.lower()})", style=title)
    sheet.text_row(f"Exported / Diekspor: {format_wib(exported_at)} · {activities} activities / kegiatan", style=plain)
    for block in (INSTRUCTIONS_EN, INSTRUCTIONS_ID):
        sheet.append([])
        for i, line in enumerate(block):
            sheet.text_row(line, style=heading if i == 0 else plain)


def _meta_sheet(wb, data_sheet: str, plan, activities: list, exported_at: dt.datetime, export_id: str) -> None:
    """The keyed-workbook marker (``kw.meta_rows``): what ``read_keyed_workbook`` checks, plus the
    plan's year and UUID and each activity's editable values as exported."""
    from openpyxl.packaging.custom import StringProperty

    sheet = _Sheet(wb, META_SHEET)
    sheet.ws.sheet_state = "veryHidden"
    digests = [kw.key_digest(a.uuid) for a in activities]
    extra = {"year": str(plan.year), "plan_uuid": plan.uuid}
    rows = kw.meta_rows(WORKPLAN_KIND, export_id, exported_at, len(activities), digests, extra, data_sheet=data_sheet)
    rows += [(f"{EXPORTED_VALUES_PREFIX}{a.uuid}", exported_values(a)) for a in activities]
    for key, value in rows:
        sheet.text_row(key, value)
    sheet.ws.protection.sheet = True
    wb.custom_doc_props.append(StringProperty(name=kw.PROP_KIND, value=WORKBOOK_KIND))
    wb.custom_doc_props.append(StringProperty(name=kw.PROP_EXPORT_ID, value=export_id))
    wb.custom_doc_props.append(StringProperty(name=kw.PROP_EXPORTED_AT, value=exported_at.isoformat()))


__all__ = [
    "COLUMNS",
    "WORKPLAN_KIND",
    "sheet_title",
    "EDITABLE_COLUMNS",
    "ExportResult",
    "WORKBOOK_KIND",
    "build_workbook",
    "export_workplan",
]
