"""A working group's member list as an Excel workbook: "Members" (name, sex, organisation,
position, email, phone) and "Group" (the group's details). Read-only output: no key column,
nothing to import back. Every text through ``set_text_cell``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.database import Database
from ..core.timezone import format_wib
from .safety import atomic_path, set_text_cell
from .xlsx_print import print_on_page_width

MEMBERS_SHEET = "Members"
GROUP_SHEET = "Group"
MEMBER_HEADERS = (
    ("Name", 30),
    ("Sex", 10),
    ("Organisation", 34),
    ("Position", 30),
    ("Email", 32),
    ("Phone", 18),
)


@dataclass(frozen=True)
class GroupExportResult:
    path: Path
    group: str
    members: int


def export_working_group(
    db: Database, name: str, target: str | Path, *, now: dt.datetime | None = None, today: dt.date | None = None
) -> GroupExportResult:
    """Write the member list of the group named ``name`` (name or short name) to ``target``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..services.working_groups import STATUS_LABELS, find_working_group, group_members
    from ..services.workplans import objective_choices

    now = now or dt.datetime.now(dt.timezone.utc)
    group = find_working_group(db, name)
    members = group_members(db, group.id)
    objective_labels = {c.id: c.label for c in objective_choices(db)}
    lead = co_lead = ""
    if group.lead_organisation_id or group.co_lead_organisation_id:
        from ..services.workplans import organisation_choices

        orgs = {c.id: c.label for c in organisation_choices(db, include_archived=True)}
        lead = orgs.get(group.lead_organisation_id, "")
        co_lead = orgs.get(group.co_lead_organisation_id, "")

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    wb = Workbook()
    ws = wb.active
    ws.title = MEMBERS_SHEET
    for i, (header, width) in enumerate(MEMBER_HEADERS, 1):
        cell = ws.cell(1, i)
        set_text_cell(cell, header)
        cell.font = bold
        cell.fill = header_fill
        ws.column_dimensions[cell.column_letter].width = width
    for r, member in enumerate(members, 2):
        organisation = (
            f"{member.organisation_name} ({member.organisation})"
            if member.organisation and member.organisation != member.organisation_name
            else member.organisation_name
        )
        for i, value in enumerate(
            (member.name, member.sex.label, organisation, member.position, member.email, member.phone), 1
        ):
            set_text_cell(ws.cell(r, i), value)
    ws.freeze_panes = "A2"
    print_on_page_width(ws)
    if members:
        ws.auto_filter.ref = f"A1:F{len(members) + 1}"

    info = wb.create_sheet(GROUP_SHEET)
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 90
    details = (
        ("Working group", group.name),
        ("Short name", group.short_name),
        ("Kind", group.kind.label),
        ("Status", STATUS_LABELS[group.status(today)]),
        ("Purpose", group.purpose),
        ("GCM objectives", "; ".join(objective_labels.get(n, str(n)) for n in group.objectives)),
        ("Lead", lead),
        ("Co-lead", co_lead),
        ("Established", group.established_on),
        ("Closed", group.closed_on),
        ("Members", len(members)),
        ("Exported", format_wib(now)),
    )
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, (label, value) in enumerate(details, 1):
        set_text_cell(info.cell(r, 1), label)
        info.cell(r, 1).font = bold
        cell = info.cell(r, 2)
        if isinstance(value, dt.date):
            cell.value = value
            cell.number_format = "dd mmm yyyy"
        elif isinstance(value, int):
            cell.value = value
        else:
            set_text_cell(cell, value)
        cell.alignment = wrap
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return GroupExportResult(Path(target).expanduser().absolute(), group.name, len(members))


__all__ = ["GroupExportResult", "export_working_group"]
