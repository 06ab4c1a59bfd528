"""Exporting the directory to Excel (files/contacts_export.py), and reading it back."""

from __future__ import annotations

import zipfile

import pytest

from unnet_desktop.core.enums import NetworkRole, OrganisationCategory, Sex
from unnet_desktop.core.errors import FileRefused
from unnet_desktop.files.contacts_export import ORGANISATION_COLUMNS, export_contacts, people_columns
from unnet_desktop.files.contacts_import import apply_contacts_import, plan_contacts_import
from unnet_desktop.services import contacts as c
from unnet_desktop.services import distribution_lists as dl

PEOPLE_HEADINGS = [
    "Title", "Name", "Sex", "Organisation", "Acronym", "Category", "Position", "Email", "Alternative email", "Phone",
]
EVIL = "=cmd|' /C calc'!A0"


@pytest.fixture
def directory(db):
    """A small directory with the awkward cases: a formula-like name, honorifics inside the
    name, no organisation, two people of the same name, non-ASCII, control characters."""
    iom = c.create_organisation(
        db, name="International Organization for Migration", acronym="IOM",
        category=OrganisationCategory.UN_AGENCY, network_role=NetworkRole.MEMBER,
    )
    ilo = c.create_organisation(db, name="International Labour Organization", acronym="ILO", category="un_agency")
    evil_org = c.create_organisation(db, name='=HYPERLINK("http://x","y")', category="other")
    ids = {
        "siti": c.create_person(
            db, title="Ibu", full_name="Siti Rahayu", sex=Sex.FEMALE, organisation_id=iom,
            position="Programme Officer", email="Siti@IOM.int", alt_email="siti@gmail.com", phone="+62 812-3456-7890",
        ),
        "evil": c.create_person(
            db, full_name=EVIL, organisation_id=evil_org, position="-1", phone="@home", email="evil@x.org",
        ),
        "dr": c.create_person(db, full_name="Dr Budi Santoso", sex="male", organisation_id=ilo),
        "budi_iom": c.create_person(db, full_name="Budi Santoso", organisation_id=iom),
        "renee": c.create_person(db, full_name="Renée O'Brien", phone=6281234567890.0),
        "bell": c.create_person(db, full_name="Ani\x07 Wijaya", position="Staff\x00"),
        "gone": c.create_person(db, full_name="Archived Person", email="gone@x.org"),
    }
    c.update_organisation(db, iom, focal_point_id=ids["siti"])
    c.archive_person(db, ids["gone"])
    return ids


def load(path):
    from openpyxl import load_workbook

    return load_workbook(path)


def test_people_and_organisations_sheets(db, directory, tmp_path):
    out = tmp_path / "contacts.xlsx"
    result = export_contacts(db, out)
    assert (result.path, result.people, result.organisations) == (out, 6, 3)
    wb = load(out)
    assert wb.sheetnames == ["People", "Organisations"]
    ws = wb["People"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows == [
        PEOPLE_HEADINGS,
        [None, EVIL, "Not recorded", '=HYPERLINK("http://x","y")', None, "Other", "-1", "evil@x.org", None, "@home"],
        [None, "Ani Wijaya", "Not recorded", None, None, None, "Staff", None, None, None],
        [None, "Budi Santoso", "Not recorded", "International Organization for Migration", "IOM", "UN agency",
         None, None, None, None],
        [None, "Dr Budi Santoso", "Male", "International Labour Organization", "ILO", "UN agency",
         None, None, None, None],
        [None, "Renée O'Brien", "Not recorded", None, None, None, None, None, None, "6281234567890"],
        ["Ibu", "Siti Rahayu", "Female", "International Organization for Migration", "IOM", "UN agency",
         "Programme Officer", "Siti@IOM.int", "siti@gmail.com", "+62 812-3456-7890"],
    ]
    orgs = [list(r) for r in wb["Organisations"].iter_rows(values_only=True)]
    assert orgs == [
        list(ORGANISATION_COLUMNS),
        ['=HYPERLINK("http://x","y")', None, "Other", "None", None, None, None, 1],
        ["International Labour Organization", "ILO", "UN agency", "None", None, None, None, 1],
        ["International Organization for Migration", "IOM", "UN agency", "Member", None, "Siti Rahayu", None, 2],
    ]


def test_header_style_frozen_filter_and_widths(db, directory, tmp_path):
    out = tmp_path / "contacts.xlsx"
    export_contacts(db, out)
    wb = load(out)
    for ws, columns, last in ((wb["People"], 10, 7), (wb["Organisations"], 8, 4)):
        assert ws.freeze_panes == "A2"
        letter = "JH"[columns == 8]
        assert ws.auto_filter.ref == f"A1:{letter}{last}"
        for cell in ws[1]:
            assert cell.font.b is True
            assert cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("DCE6F0")
        for row in ws.iter_rows(min_row=2):
            assert all(cell.font.b is not True for cell in row)
    people = wb["People"]
    width = {cell.value: people.column_dimensions[cell.column_letter].width for cell in people[1]}
    assert width["Organisation"] == len("International Organization for Migration") + 1
    assert width["Title"] == 8  # the minimum
    assert width["Alternative email"] == len("Alternative email") + 3


def test_no_cell_is_a_formula(db, directory, tmp_path):
    out = tmp_path / "contacts.xlsx"
    export_contacts(db, out)
    wb = load(out)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    # shown as typed in Excel: text that looks like a formula gets the quote prefix
                    assert cell.quotePrefix == cell.value.startswith(("=", "+", "-", "@")), cell.coordinate
    assert EVIL in texts and "+62 812-3456-7890" in texts and "@home" in texts and "-1" in texts
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml
    # the read-only reader (the import's) sees text as well
    from openpyxl import load_workbook

    ro = load_workbook(out, read_only=True)
    try:
        cells = [cell for row in ro["People"].iter_rows(min_row=2) for cell in row if cell.value is not None]
        assert {cell.data_type for cell in cells} == {"s"}
    finally:
        ro.close()


def test_no_personal_leaves_out_email_and_phone(db, directory, tmp_path):
    out = tmp_path / "shared.xlsx"
    export_contacts(db, out, personal=False)
    wb = load(out)
    assert [cell.value for cell in wb["People"][1]] == people_columns(personal=False) == PEOPLE_HEADINGS[:7]
    assert wb["People"].auto_filter.ref == "A1:G7"
    with zipfile.ZipFile(out) as z:
        sheets = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "@" not in sheets.replace("@home", "")  # no address anywhere
    assert "6281234567890" not in sheets and "812-3456" not in sheets


def test_a_list_exports_only_its_people(db, directory, tmp_path):
    list_id = dl.create_distribution_list(db, "Focal points")
    dl.add_members(db, list_id, [directory["siti"], directory["renee"], directory["gone"]])
    out = tmp_path / "list.xlsx"
    result = export_contacts(db, out, distribution_list_id=list_id)
    assert (result.people, result.organisations) == (2, 1)
    wb = load(out)
    assert [r[1] for r in wb["People"].iter_rows(min_row=2, values_only=True)] == ["Renée O'Brien", "Siti Rahayu"]
    assert [r[0] for r in wb["Organisations"].iter_rows(min_row=2, values_only=True)] == [
        "International Organization for Migration",
    ]
    with_archived = export_contacts(db, tmp_path / "all.xlsx", distribution_list_id=list_id, include_archived=True)
    assert with_archived.people == 3


def test_empty_directory_exports_headers_only(db, tmp_path):
    out = tmp_path / "empty.xlsx"
    assert export_contacts(db, out).people == 0
    wb = load(out)
    assert [list(r) for r in wb["People"].iter_rows(values_only=True)] == [PEOPLE_HEADINGS]
    assert wb["People"].auto_filter.ref == "A1:J1"


def test_written_atomically(db, directory, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "contacts.xlsx"
    out.write_bytes(b"old")
    export_contacts(db, out)
    assert load(out)["People"]["B2"].value == EVIL
    assert [p.name for p in folder.iterdir()] == ["contacts.xlsx"]  # no temporary file left
    with pytest.raises(FileRefused, match="does not exist"):
        export_contacts(db, tmp_path / "missing" / "contacts.xlsx")


@pytest.mark.parametrize("personal", [True, False])
def test_round_trip_changes_nobody(db, directory, tmp_path, personal):
    out = tmp_path / "contacts.xlsx"
    export_contacts(db, out, personal=personal)
    before = c.search_people(db, include_archived=True)
    plan = plan_contacts_import(db, out)
    assert (plan.summary.created, plan.summary.updated, plan.summary.skipped) == (0, 0, 6)
    assert plan.new_organisations == []
    assert {r.reason for r in plan.rows} == {"already in the directory, nothing new"}
    apply_contacts_import(db, plan)
    assert c.search_people(db, include_archived=True) == before


def test_a_cell_style_needed_after_saving_is_refused(tmp_path):
    """The People rows are made after the workbook is saved: a style they would need that the
    workbook does not hold is an error, not a cell pointing at a style that is not there."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import PatternFill

    from unnet_desktop.files.xlsx_stream import CellStyles

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("People")
    probe = WriteOnlyCell(ws)
    probe.fill = PatternFill("solid", fgColor="FFF2CC")
    styles = CellStyles(ws, [None, probe._style])
    quoted = styles.attribute(0, quote=True)  # registered before saving
    wb.save(tmp_path / "saved.xlsx")
    assert styles.attribute(3, quote=True) == quoted  # the same style: the workbook holds it
    assert styles.attribute(0) == ""
    with pytest.raises(RuntimeError, match="after the workbook was saved"):
        styles.attribute(1, quote=True)
