"""The contact directory as an Excel workbook (issue 3, point 3).

Sheet "People": title, name, sex, organisation, acronym, category, position, email, alternative
email, phone (the last three left out with ``personal=False``, for lists shared outside the
Network). Sheet "Organisations": name, acronym, category, network role, member since, focal
point, alternate, people. Headers bold on a fill, frozen, with an autofilter; widths fitted.
The file imports back through ``contacts_import`` without creating or changing anyone.

Speed: openpyxl writes about 80,000 cells a second (lxml; half that without), so 50,000 people
(500,000 cells) would take 6-7 s. openpyxl therefore makes the workbook - styles, header,
frozen pane, filter, widths, the Organisations sheet - and the People rows are streamed into
its sheet as inline-string cells (``files.xlsx_stream``). Each of those texts still goes through
``safety.set_text_cell`` (cleaned, cut to Excel's limit, quote-prefixed when it looks like a
formula), and an inline string is text by construction: never a formula.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core.database import Database
from ..core.gc_pause import paused_gc
from ..services.contacts import PersonRow, search_organisations, search_people, search_people_ids
from .safety import atomic_path, set_text_cell
from .xlsx_stream import CellStyles, rows_xml, stream_rows

HEADER_FILL = "DCE6F0"
MIN_WIDTH, MAX_WIDTH = 8, 60
#: (heading, personal?) per column of the People sheet; the headings are what the import reads.
PEOPLE_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("Title", False),
    ("Name", False),
    ("Sex", False),
    ("Organisation", False),
    ("Acronym", False),
    ("Category", False),
    ("Position", False),
    ("Email", True),
    ("Alternative email", True),
    ("Phone", True),
)
ORGANISATION_COLUMNS = (
    "Name", "Acronym", "Category", "Network role", "Member since", "Focal point", "Alternate", "People",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    people: int
    organisations: int


def people_columns(personal: bool = True) -> list[str]:
    """The headings of the People sheet (without email and phone when not ``personal``)."""
    return [name for name, is_personal in PEOPLE_COLUMNS if personal or not is_personal]


def _person_values(p: PersonRow, personal: bool) -> list[str]:
    values = [
        p.title,
        p.full_name,
        p.sex.label,
        p.organisation_name or "",
        p.organisation_acronym or "",
        p.category.label if p.category is not None else "",
        p.position,
    ]
    if personal:
        values += [p.email or "", p.alt_email or "", p.phone]
    return values


def _fitted_widths(headings: list[str], rows: list[list]) -> list[float]:
    """Column widths in characters: the longest text + 1, or the heading + 3 (room for the
    filter button), within MIN_WIDTH..MAX_WIDTH."""
    widths = [len(h) + 3 for h in headings]
    for i, column in enumerate(zip(*rows)):
        try:
            longest = max(map(len, column))  # all texts: the fast way
        except TypeError:  # dates and numbers among them
            longest = max(len(v) if isinstance(v, str) else 0 for v in column)
        widths[i] = max(widths[i], longest + 1)
    return [max(MIN_WIDTH, min(MAX_WIDTH, w)) for w in widths]


def _sheet(wb, title: str, headings: list[str], widths: list[float], rows_count: int):
    """A write-only sheet with its header row: bold on a fill, frozen, filtered, widths set."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{rows_count + 1}"
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    header = []
    for heading in headings:
        cell = WriteOnlyCell(ws)
        set_text_cell(cell, heading)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.append(header)
    return ws


def _append_cells(ws, rows: Iterable[list]) -> None:
    """Rows through openpyxl (for small sheets): text by set_text_cell, dates formatted."""
    from openpyxl.cell import WriteOnlyCell

    for values in rows:
        out = []
        for value in values:
            if value is None or value == "":
                out.append(None)
                continue
            cell = WriteOnlyCell(ws)
            if isinstance(value, str):
                set_text_cell(cell, value)
            else:
                cell.value = value
                if hasattr(value, "isoformat"):
                    cell.number_format = "yyyy-mm-dd"
            out.append(cell)
        ws.append(out)


@paused_gc()  # 500,000 cells: the collector's passes over them would cost a third of the time
def export_contacts(
    db: Database,
    target: str | os.PathLike,
    *,
    distribution_list_id: int | None = None,
    personal: bool = True,
    include_archived: bool = False,
) -> ExportResult:
    """Write the directory (or the people of one distribution list) to ``target`` (.xlsx),
    atomically (FileRefused when it cannot be written, the old file then untouched). With a
    list, the Organisations sheet holds only the organisations of its people."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    # Sorting 50,000 wide rows in SQLite takes longer than sorting their ids and placing the rows.
    scope = {"distribution_list_id": distribution_list_id, "include_archived": include_archived}
    position = {pid: i for i, pid in enumerate(search_people_ids(db, **scope))}
    people = sorted(search_people(db, order_by=None, **scope), key=lambda p: position.get(p.id, len(position)))
    organisations = search_organisations(db, include_archived=include_archived)
    if distribution_list_id is not None:
        used = {p.organisation_id for p in people}
        organisations = [o for o in organisations if o.id in used]

    headings = people_columns(personal)
    rows = [_person_values(p, personal) for p in people]
    wb = Workbook(write_only=True)
    wb.properties.title = "Contacts"
    people_ws = _sheet(wb, "People", headings, _fitted_widths(headings, rows), len(rows))
    # The People cells have no style of their own: the only one a text can need, the quote
    # prefix, is registered now, before the workbook is saved (the rows are made after).
    styles = CellStyles(people_ws)
    styles.attribute(0, quote=True)

    org_rows = [
        [
            o.name,
            o.acronym or "",
            o.category.label,
            o.network_role.label,
            o.member_since,
            o.focal_point_name or "",
            o.alternate_name or "",
            o.people_count,
        ]
        for o in organisations
    ]
    org_headings = list(ORGANISATION_COLUMNS)
    org_ws = _sheet(wb, "Organisations", org_headings, _fitted_widths(org_headings, org_rows), len(org_rows))
    _append_cells(org_ws, org_rows)

    built = io.BytesIO()
    wb.save(built)
    last_ref = f"{get_column_letter(len(headings))}{len(rows) + 1}"
    with atomic_path(target) as tmp:
        stream_rows(built.getvalue(), tmp, people_ws.path.lstrip("/"), rows_xml(rows, 2, styles), last_ref)
    return ExportResult(Path(target).expanduser().absolute(), len(people), len(organisations))
