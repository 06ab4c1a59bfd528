"""The participant list of a meeting as an Excel workbook (issue 4, point 6).

Sheet "Participants": one row per person (no., name, sex, organisation, category, position, email,
phone, role, attendance, remote), printable (A4 landscape, fit to width, header row repeated).
Sheet "Summary": counts by attendance, by sex and by organisation category.
Every text cell goes through ``safety.set_text_cell`` (a name beginning with "=" stays text).
openpyxl is imported only when a workbook is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import NETWORK_NAME
from ..core.enums import Sex
from ..services.meeting_views import AttendanceSummary, MeetingDetail, ParticipantRow
from .safety import atomic_path, clean_text, set_text_cell
from .xlsx_print import print_on_page_width

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = "DCE6F0"
#: (heading, width, personal?) per column of the Participants sheet.
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("No.", 5, False),
    ("Name", 28, False),
    ("Sex", 12, False),
    ("Organisation", 34, False),
    ("Category", 24, False),
    ("Position", 26, False),
    ("Email", 30, True),
    ("Phone", 16, True),
    ("Role", 16, False),
    ("Attendance", 12, False),
    ("Remote", 8, False),
)


def columns(personal: bool = True) -> list[str]:
    """The headings of the Participants sheet (without email and phone when not ``personal``)."""
    return [name for name, _w, is_personal in COLUMNS if personal or not is_personal]


def default_filename(detail: MeetingDetail) -> str:
    safe = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in detail.reference).strip(" .")
    return f"Participants {safe or detail.id}.xlsx"


def _row_values(number: int, p: ParticipantRow) -> dict[str, object]:
    return {
        "No.": number,
        "Name": p.name,
        "Sex": p.sex.label,
        "Organisation": p.organisation,
        "Category": p.category_label if p.organisation_id is not None else "",
        "Position": p.position,
        "Email": p.email,
        "Phone": p.phone,
        "Role": p.role.label,
        "Attendance": p.attendance.label,
        "Remote": "Yes" if p.remote else "No",
    }


def _header_text(text: str) -> str:
    """Header and footer text: "&" starts a code there, so a literal one is doubled."""
    return clean_text(text).replace("&", "&&")


def _print_setup(ws, detail: MeetingDetail, title_rows: str | None) -> None:
    print_on_page_width(ws, title_rows)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if detail.internal:
        ws.oddHeader.left.text = "For internal use only"
        ws.oddHeader.left.font = "Calibri,Bold"
    ws.oddHeader.center.text = _header_text(f"Participants: {detail.kind.label} {detail.reference}")
    ws.oddHeader.right.text = _header_text(detail.when)
    ws.oddFooter.left.text = _header_text(NETWORK_NAME)
    ws.oddFooter.right.text = "Page &P of &N"


def _participants_sheet(wb, detail: MeetingDetail, personal: bool) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.active
    ws.title = "Participants"
    wanted = [(name, width) for name, width, is_personal in COLUMNS if personal or not is_personal]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for col, (name, width) in enumerate(wanted, start=1):
        cell = ws.cell(row=1, column=col)
        set_text_cell(cell, name)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    names = [name for name, _ in wanted]
    for row_number, participant in enumerate(detail.participants, start=1):
        values = _row_values(row_number, participant)
        for col, name in enumerate(names, start=1):
            cell = ws.cell(row=row_number + 1, column=col)
            value = values[name]
            if isinstance(value, int):
                cell.value = value
            elif value:
                set_text_cell(cell, value)  # an empty text stays an empty cell
    last = get_column_letter(len(names))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(detail.participants) + 1}"
    _print_setup(ws, detail, "1:1")


def _summary_sheet(wb, detail: MeetingDetail, summary: AttendanceSummary) -> None:
    from openpyxl.styles import Font, PatternFill

    ws = wb.create_sheet("Summary")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 12
    row = 1

    def text(col: int, value: object, *, header: bool = False, big: bool = False) -> None:
        cell = ws.cell(row=row, column=col)
        set_text_cell(cell, value)
        if header or big:
            cell.font = Font(bold=True, size=13 if big else 11)
        if header:
            cell.fill = fill

    def number(col: int, value: int) -> None:
        ws.cell(row=row, column=col).value = int(value)

    text(1, f"Participants: {detail.kind.label} {detail.reference}", big=True)
    row += 1
    text(1, detail.title)
    row += 1
    text(1, detail.long_when)
    if detail.internal:
        row += 1
        text(1, "For internal use only")
        ws.cell(row=row, column=1).font = bold
    row += 2

    text(1, "Attendance", header=True)
    text(2, "People", header=True)
    row += 1
    for label, value in (
        ("Invited", summary.invited),
        ("Present", summary.present),
        ("  of whom remotely", summary.remote),
        ("Apologies", summary.apologies),
        ("Absent", summary.absent),
        ("Not recorded", summary.unknown),
    ):
        text(1, label)
        number(2, value)
        row += 1
    row += 1

    text(1, "Sex", header=True)
    text(2, "Invited", header=True)
    text(3, "Present", header=True)
    row += 1
    for sex in Sex:
        text(1, sex.label)
        number(2, summary.invited_by_sex.get(sex, 0))
        number(3, summary.present_by_sex.get(sex, 0))
        row += 1
    text(1, "Total")
    ws.cell(row=row, column=1).font = bold
    number(2, summary.invited)
    number(3, summary.present)
    row += 2

    text(1, "Organisation category", header=True)
    text(2, "Invited", header=True)
    text(3, "Present", header=True)
    row += 1
    for category, invited in summary.invited_by_category.items():
        text(1, category.label if category is not None else "No organisation")
        number(2, invited)
        number(3, summary.present_by_category.get(category, 0))
        row += 1
    text(1, "Total")
    ws.cell(row=row, column=1).font = bold
    number(2, summary.invited)
    number(3, summary.present)
    _print_setup(ws, detail, None)
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT


def build_workbook(detail: MeetingDetail, *, personal: bool = True):
    """The workbook (openpyxl), not yet saved. ``personal`` False leaves out email and phone."""
    from openpyxl import Workbook

    wb = Workbook()
    _participants_sheet(wb, detail, personal)
    _summary_sheet(wb, detail, detail.summary)
    wb.properties.title = clean_text(f"Participants {detail.reference}")
    wb.properties.creator = clean_text(f"Secretariat, {NETWORK_NAME}")
    wb.properties.subject = clean_text(detail.title)
    wb.active = 0
    return wb


def write_participants(detail: MeetingDetail, target: str | os.PathLike, *, personal: bool = True) -> Path:
    """Write the participant list to ``target`` atomically; FileRefused when it cannot be written."""
    wb = build_workbook(detail, personal=personal)
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return Path(target).expanduser().absolute()


def export_participants(db, meeting_id: int, target: str | os.PathLike, *, personal: bool = True) -> Path:
    from ..services.meeting_views import meeting_detail

    return write_participants(meeting_detail(db, meeting_id), target, personal=personal)


__all__ = [
    "COLUMNS",
    "XLSX_MIME",
    "build_workbook",
    "columns",
    "default_filename",
    "export_participants",
    "write_participants",
]
