"""Importing people from Excel (files/contacts_import.py): workbooks built here, exact results."""

from __future__ import annotations

import zipfile

import pytest
import sqlalchemy as sa

from unnet_desktop.core.enums import OrganisationCategory
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.core.models import Organisation, Person
from unnet_desktop.files.contacts_cleaning import name_key, split_emails, split_honorifics
from unnet_desktop.files.contacts_import import apply_contacts_import, plan_contacts_import
from unnet_desktop.files.xlsx_reading import cell_text, header_keys, match_header
from unnet_desktop.services import contacts as c


def make_book(path, rows, *, title="Sheet", merge=None, extra_sheets=(), active_first=None):
    """A workbook with ``rows`` on its sheet (and optional other sheets before it)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for name, other_rows in extra_sheets:
        ws.title = name
        for row in other_rows:
            ws.append(row)
        ws = wb.create_sheet()
    ws.title = title
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    if active_first:
        wb.active = 0
    wb.save(path)
    return path


def people_in(db) -> list[tuple]:
    """Everyone in the database: (title, name, sex, organisation acronym or name, position,
    email, alt email, phone), by name."""
    rows = c.search_people(db, include_archived=True)
    return [
        (r.title, r.full_name, r.sex.value, r.organisation_short, r.position, r.email, r.alt_email, r.phone)
        for r in rows
    ]


def report(plan) -> list[tuple]:
    return [(r.row, r.action, r.who, r.reason) for r in plan.rows]


def counts(plan) -> tuple[int, int, int]:
    s = plan.summary
    return s.created, s.updated, s.skipped


def database_state(db) -> tuple:
    with db.session() as s:
        return (
            s.scalar(sa.select(sa.func.count()).select_from(Person)),
            s.scalar(sa.select(sa.func.count()).select_from(Organisation)),
            tuple(s.scalars(sa.select(Person.updated_at).order_by(Person.id))),
        )


@pytest.fixture
def iom(db):
    return c.create_organisation(
        db, name="International Organization for Migration", acronym="IOM", category="un_agency"
    )


# --------------------------------------------------------------------------- attendance sheets


ATTENDANCE = [
    ["DAFTAR HADIR"],
    ["Rapat Koordinasi Jaringan PBB untuk Migrasi, Jakarta 12 Maret 2024"],
    [],
    ["No.", "Nama / Name", "Jenis Kelamin (L/P)", "Instansi / Lembaga", "Jabatan", "Surel", "No. HP/WA",
     "Tanda Tangan"],
    [1, "Ibu Siti Rahayu", "P", "iom", "Programme Officer", "siti@iom.int", 6281234567890, "(signed)"],
    [2, "Bapak Budi Santoso, S.H.", "L", "Kementerian Ketenagakerjaan (Kemnaker)", "Kepala Bidang",
     "budi@kemnaker.go.id; budi.s@gmail.com", 6281398765432.0, None],
    [3, "Dr. Dewi Lestari", "Perempuan", "SBMI", None, "dewi@", "0812 1111 2222", None],
    [4, None, "L", "IOM", "Driver", None, None, None],
    [5, None, None, None, None, None, None, None],
    [6, "  SITI\u00a0RAHAYU\u200b ", "p", "IOM", "-", None, "-", None],
    [7, "Hj. Nur Aini", "Wanita", "KEMNAKER", "Staf", "N/A", 81234567890.0, None],
]


def test_attendance_sheet_in_bahasa_indonesia(db, iom, tmp_path):
    path = make_book(tmp_path / "daftar hadir.xlsx", ATTENDANCE, title="Daftar Hadir", merge="A1:H1")
    before = database_state(db)
    plan = plan_contacts_import(db, path)
    assert database_state(db) == before  # planning writes nothing
    assert (plan.sheet, plan.header_row) == ("Daftar Hadir", 4)
    assert plan.columns == {
        "name": "Nama / Name", "position": "Jabatan", "organisation": "Instansi / Lembaga",
        "sex": "Jenis Kelamin (L/P)", "email": "Surel", "phone": "No. HP/WA",
    }
    assert plan.ignored_columns == ["No.", "Tanda Tangan"]
    assert report(plan) == [
        (5, "new", "Ibu Siti Rahayu (IOM)", ""),
        (6, "new", "Bapak Budi Santoso, S.H. (Kemnaker)", "new organisation Kementerian Ketenagakerjaan"),
        (7, "new", "Dr. Dewi Lestari (SBMI)", "invalid email 'dewi@' left out; new organisation SBMI"),
        (8, "skipped", "", "no name"),
        (10, "skipped", "Ibu Siti Rahayu (IOM)", "same person as row 5"),
        (11, "new", "Hj. Nur Aini (Kemnaker)", ""),
    ]
    assert counts(plan) == (4, 0, 2)
    assert [(o["name"], o["acronym"], o["category"]) for o in plan.new_organisations] == [
        ("Kementerian Ketenagakerjaan", "Kemnaker", OrganisationCategory.OTHER),
        ("SBMI", None, OrganisationCategory.OTHER),
    ]

    result = apply_contacts_import(db, plan)
    assert (result.created, result.updated, result.organisations_created) == (4, 0, 2)
    assert people_in(db) == [
        ("Bapak", "Budi Santoso, S.H.", "male", "Kemnaker", "Kepala Bidang", "budi@kemnaker.go.id",
         "budi.s@gmail.com", "6281398765432"),
        ("Dr.", "Dewi Lestari", "female", "SBMI", "", None, None, "0812 1111 2222"),
        ("Hj.", "Nur Aini", "female", "Kemnaker", "Staf", None, None, "81234567890"),
        ("Ibu", "Siti Rahayu", "female", "IOM", "Programme Officer", "siti@iom.int", None, "6281234567890"),
    ]
    # the same file again changes nothing
    again = plan_contacts_import(db, path)
    assert counts(again) == (0, 0, 6)
    assert [r.reason for r in again.rows if r.who][:2] == [
        "already in the directory, nothing new", "already in the directory, nothing new",
    ]


def test_duplicates_against_the_database_fill_blanks(db, iom, tmp_path):
    kemnaker = c.create_organisation(db, name="Kementerian Ketenagakerjaan", acronym="Kemnaker")
    siti = c.create_person(db, full_name="Siti Rahayu", organisation_id=iom, email="siti@iom.int")
    budi = c.create_person(
        db, full_name="Budi Santoso", organisation_id=kemnaker, sex="male", position="Director", phone="021 555"
    )
    path = make_book(
        tmp_path / "list.xlsx",
        [
            ["Full name", "Organization", "Title", "E-mail", "Mobile", "Gender"],
            ["Siti Rahayu", "IOM", "Programme Officer", "SITI@IOM.INT", "+62 812 3456 7890", "F"],
            ["budi  santoso", "Kementerian Ketenagakerjaan", "Head of Division", "budi@kemnaker.go.id", "0812", "M"],
            ["Rina Wijaya", None, None, "rina@example.org", None, None],
            ["Ms Siti Rahayu", "I.O.M.", None, "siti.r@gmail.com", None, None],
            ["Rina W.", "", "", "Rina@Example.org", "0813 999", "F"],
        ],
    )
    plan = plan_contacts_import(db, path)
    assert plan.columns["position"] == "Title"  # no Position column: "Title" is the job
    assert report(plan) == [
        # what later rows of the same person add is listed on the first
        (2, "updated", "Ms Siti Rahayu (IOM)", "fills sex, position, phone, title, alternative email"),
        (3, "updated", "Budi Santoso (Kemnaker)", "fills email (matched by name)"),
        (4, "new", "Rina Wijaya", ""),
        (5, "skipped", "Ms Siti Rahayu (IOM)", "same person as row 2"),
        (6, "skipped", "Rina Wijaya", "same person as row 4"),
    ]
    assert counts(plan) == (1, 2, 2)
    apply_contacts_import(db, plan)
    assert people_in(db) == [
        ("", "Budi Santoso", "male", "Kemnaker", "Director", "budi@kemnaker.go.id", None, "021 555"),
        ("", "Rina Wijaya", "female", "", "", "rina@example.org", None, "0813 999"),
        ("Ms", "Siti Rahayu", "female", "IOM", "Programme Officer", "siti@iom.int", "siti.r@gmail.com",
         "+62 812 3456 7890"),
    ]
    assert {siti, budi} <= {r.id for r in c.search_people(db)}


def test_a_name_shared_by_two_people_is_not_guessed(db, iom, tmp_path):
    other = c.create_organisation(db, name="UNHCR")
    for org in (iom, other):
        c.create_person(db, full_name="Budi Santoso", organisation_id=org)
    path = make_book(tmp_path / "a.xlsx", [["Name", "Phone"], ["Budi Santoso", "0812"]])
    plan = plan_contacts_import(db, path)
    assert report(plan) == [
        (2, "skipped", "Budi Santoso",
         "2 people named Budi Santoso are already there; add the organisation or the email to tell them apart"),
    ]
    # with the organisation it is clear
    path = make_book(tmp_path / "b.xlsx", [["Name", "Agency", "Phone"], ["Budi Santoso", "unhcr", "0812"]])
    assert report(plan_contacts_import(db, path)) == [
        (2, "updated", "Budi Santoso (UNHCR)", "fills phone (matched by name)"),
    ]


def test_a_person_without_organisation_is_matched_and_gets_one(db, iom, tmp_path):
    pid = c.create_person(db, full_name="Andi Wijaya")
    path = make_book(tmp_path / "a.xlsx", [["Nama", "Instansi"], ["Andi Wijaya", "IOM"]])
    plan = plan_contacts_import(db, path)
    assert report(plan) == [(2, "updated", "Andi Wijaya (IOM)", "fills organisation (matched by name)")]
    apply_contacts_import(db, plan)
    assert c.get_person(db, pid).organisation_id == iom


def test_an_archived_person_is_matched_and_says_so(db, iom, tmp_path):
    pid = c.create_person(db, full_name="Andi Wijaya", email="andi@x.org")
    c.archive_person(db, pid)
    path = make_book(tmp_path / "a.xlsx", [["Nama", "Email"], ["Andi", "ANDI@x.org"]])
    assert report(plan_contacts_import(db, path)) == [
        (2, "skipped", "Andi Wijaya", "already in the directory, nothing new; the person is archived"),
    ]


def test_emails_in_one_cell_and_bad_emails(db, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Name", "Email"],
            ["A One", "a@one.org; a.one@gmail.com, third@x.org"],
            ["B Two", "B Two <b@two.org>"],
            ["C Three", "c.three.gmail.com"],
            ["D Four", "d@four; d4@four.org"],
            ["E Five", "mailto:e@five.org"],
            ["Mr A. One", "a@ONE.org"],  # the same person (the names share a word)
        ],
    )
    plan = plan_contacts_import(db, path)
    assert report(plan) == [
        (2, "new", "Mr A One", "third email third@x.org left out"),  # the title came from row 7
        (3, "new", "B Two", ""),
        (4, "new", "C Three", "invalid email 'c.three.gmail.com' left out"),
        (5, "new", "D Four", "invalid email 'd@four' left out"),
        (6, "new", "E Five", ""),
        (7, "skipped", "Mr A One", "same person as row 2"),
    ]
    apply_contacts_import(db, plan)
    assert [(p[1], p[5], p[6]) for p in people_in(db)] == [
        ("A One", "a@one.org", "a.one@gmail.com"),  # third@x.org left out
        ("B Two", "b@two.org", None),
        ("C Three", None, None),
        ("D Four", "d4@four.org", None),
        ("E Five", "e@five.org", None),
    ]


def test_an_email_of_someone_else_is_left_out(db, tmp_path):
    c.create_person(db, full_name="Ani Wijaya", email="info@office.org")
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Name", "Email"],
            ["Budi Santoso", "budi@x.org; info@office.org"],  # a shared office address
            ["Citra Dewi", "INFO@office.org"],
            ["ANI WIJAYA", "info@office.org, ani@gmail.com"],
        ],
    )
    plan = plan_contacts_import(db, path)
    assert report(plan) == [
        (2, "new", "Budi Santoso", "email info@office.org belongs to Ani Wijaya (the directory), left out"),
        (3, "new", "Citra Dewi", "email INFO@office.org belongs to Ani Wijaya (the directory), left out"),
        (4, "updated", "Ani Wijaya", "fills alternative email"),
    ]
    apply_contacts_import(db, plan)
    assert [(p[1], p[5], p[6]) for p in people_in(db)] == [
        ("Ani Wijaya", "info@office.org", "ani@gmail.com"),
        ("Budi Santoso", "budi@x.org", None),
        ("Citra Dewi", None, None),
    ]
    path = make_book(tmp_path / "b.xlsx", [["Name", "Email", "Email 2"], ["Budi Santoso", "", "b2@x.org"]])
    assert report(plan_contacts_import(db, path)) == [
        (2, "updated", "Budi Santoso", "fills alternative email (matched by name)"),
    ]


def test_numeric_phones_keep_their_digits(db, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Name", "Telepon"],
            ["Int", 6281234567890],
            ["Float", 6281234567890.0],
            ["Short", 81234567890.0],
            ["Text", "0812-3456-7890"],
            ["Spaces", " +62\u00a0812  3456 "],
        ],
    )
    apply_contacts_import(db, plan_contacts_import(db, path))
    assert {p[1]: p[7] for p in people_in(db)} == {
        "Int": "6281234567890", "Float": "6281234567890", "Short": "81234567890",
        "Text": "0812-3456-7890", "Spaces": "+62 812 3456",
    }


def test_formulas_are_read_as_text(db, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Name", "Organisation", "Position"],
            ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"IOM\")", "=1+1"],
            ["Normal Person", "IOM", "=A2&B2"],
        ],
    )
    plan = plan_contacts_import(db, path)
    assert report(plan) == [
        (2, "new", "=cmd|' /C calc'!A0 (=HYPERLINK(\"http://evil\",\"IOM\"))",
         "new organisation =HYPERLINK(\"http://evil\",\"IOM\")"),
        (3, "new", "Normal Person (IOM)", "new organisation IOM"),
    ]
    apply_contacts_import(db, plan)
    assert [(p[1], p[3], p[4]) for p in people_in(db)] == [
        ("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil\",\"IOM\")", "=1+1"),
        ("Normal Person", "IOM", "=A2&B2"),
    ]


def test_organisations_matched_by_name_or_acronym_and_created_with_a_category(db, iom, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Name", "Organisation", "Acronym", "Kategori"],
            ["P1", "international organization for migration", None, None],
            ["P2", "IOM", None, None],
            ["P3", "Badan Pelindungan Pekerja Migran Indonesia", "BP2MI", "Pemerintah"],
            ["P4", "bp2mi", None, None],
            ["P5", "Universitas Indonesia", None, "Universitas"],
            ["P6", "Migrant Care", None, "Aliens"],
            ["P7", "Something", "IOM", None],
        ],
    )
    plan = plan_contacts_import(db, path)
    assert [(r.who, r.reason) for r in plan.rows] == [
        ("P1 (IOM)", ""),
        ("P2 (IOM)", ""),
        ("P3 (BP2MI)", "new organisation Badan Pelindungan Pekerja Migran Indonesia"),
        ("P4 (BP2MI)", ""),
        ("P5 (Universitas Indonesia)", "new organisation Universitas Indonesia"),
        ("P6 (Migrant Care)",
         "category 'Aliens' not understood, new organisation put under Other; new organisation Migrant Care"),
        ("P7 (IOM)", ""),  # the Acronym column names a known organisation
    ]
    apply_contacts_import(db, plan)
    assert [(o.name, o.acronym, o.category) for o in c.search_organisations(db)] == [
        ("Badan Pelindungan Pekerja Migran Indonesia", "BP2MI", OrganisationCategory.GOVERNMENT),
        ("International Organization for Migration", "IOM", OrganisationCategory.UN_AGENCY),
        ("Migrant Care", None, OrganisationCategory.OTHER),
        ("Universitas Indonesia", None, OrganisationCategory.ACADEMIA),
    ]


def test_title_and_position_columns_together_and_split_names(db, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [
            ["Title", "First name", "Last name", "Position", "Sex"],
            ["Prof.", "Ahmad", "Yani", "Rector", "Laki-laki"],
            [None, "Dr. Maria", "Ulfa", None, "Female"],
            ["Mr", None, None, "Nobody", None],
            ["Ibu", "Ibu Rina", None, None, "robot"],
        ],
    )
    plan = plan_contacts_import(db, path)
    assert plan.columns == {
        "given_name": "First name", "family_name": "Last name", "position": "Position", "title": "Title", "sex": "Sex",
    }
    assert report(plan) == [
        (2, "new", "Prof. Ahmad Yani", ""),
        (3, "new", "Dr. Maria Ulfa", ""),
        (4, "skipped", "", "no name"),
        (5, "new", "Ibu Rina", "sex 'robot' not understood"),
    ]


def test_the_header_is_found_on_another_sheet_and_below_titles(db, tmp_path):
    path = make_book(
        tmp_path / "a.xlsx",
        [["Workshop on labour migration"], ["", "", "Bali, 2024"], ["NAMA PESERTA", "ASAL INSTANSI"], ["Ani", "ILO"]],
        title="Peserta",
        merge="A1:C1",
        extra_sheets=[("Cover", [["This file lists participants"], ["Prepared by the secretariat"]])],
        active_first=True,
    )
    plan = plan_contacts_import(db, path)
    assert (plan.sheet, plan.header_row) == ("Peserta", 3)
    assert report(plan) == [(4, "new", "Ani (ILO)", "new organisation ILO")]


def test_plan_is_refused_when_the_directory_changed_or_applied_twice(db, tmp_path):
    path = make_book(tmp_path / "a.xlsx", [["Name"], ["Ani"]])
    plan = plan_contacts_import(db, path)
    c.create_person(db, full_name="Someone typed meanwhile")
    with pytest.raises(ValidationError, match="The directory changed since the file was read; read the file again."):
        apply_contacts_import(db, plan)
    plan = plan_contacts_import(db, path)
    apply_contacts_import(db, plan)
    with pytest.raises(ValidationError, match="already been applied"):
        apply_contacts_import(db, plan)
    assert [p[1] for p in people_in(db)] == ["Ani", "Someone typed meanwhile"]


def test_apply_is_all_or_nothing(db, tmp_path):
    path = make_book(tmp_path / "a.xlsx", [["Name", "Organisation"], ["Ani", "New Org"], ["Budi", "Other Org"]])
    plan = plan_contacts_import(db, path)
    plan.new_people[1]["organisation"] = "new:missing"  # breaks half-way, after organisations were written
    before = database_state(db)
    with pytest.raises(KeyError):
        apply_contacts_import(db, plan)
    assert database_state(db) == before


# --------------------------------------------------------------------------- refused files


def _valid_bytes(tmp_path) -> bytes:
    return make_book(tmp_path / "valid.xlsx", [["Name"], ["Ani"]]).read_bytes()


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("random", r"^junk\.xlsx is not an Excel workbook \(\.xlsx\)\.$"),
        ("truncated", r"^junk\.xlsx is damaged \(incomplete or corrupt\); it cannot be read as an Excel workbook\.$"),
        ("ole", r"^junk\.xlsx is password-protected or an old \.xls file: save it in Excel as a workbook \(\.xlsx\) "
                r"without a password and try again\.$"),
        ("zero", r"^junk\.xlsx is empty \(0 bytes\)\.$"),
        ("other_zip", r"^junk\.xlsx cannot be read as an Excel workbook: it is damaged or of another kind\.$"),
        ("missing", r"^junk\.xlsx does not exist\.$"),
    ],
)
def test_unreadable_files_are_refused_and_nothing_changes(db, tmp_path, kind, message):
    path = tmp_path / "junk.xlsx"
    if kind == "random":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "truncated":
        data = _valid_bytes(tmp_path)
        path.write_bytes(data[: len(data) // 2])
    elif kind == "ole":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    elif kind == "zero":
        path.write_bytes(b"")
    elif kind == "other_zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", "<document/>")
    before = database_state(db)
    with pytest.raises(FileRefused, match=message):
        plan_contacts_import(db, path)
    assert database_state(db) == before


def test_empty_workbook_no_header_and_header_only_are_refused(db, tmp_path):
    from openpyxl import Workbook

    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(FileRefused, match=r"^empty\.xlsx is empty: no sheet holds any data\.$"):
        plan_contacts_import(db, empty)
    no_header = make_book(tmp_path / "noheader.xlsx", [["Participant list"], ["Siti", "IOM", "siti@iom.int"]])
    with pytest.raises(FileRefused) as err:
        plan_contacts_import(db, no_header)
    assert str(err.value) == (
        "noheader.xlsx has no header row with a name column (Name, Full name or Nama) "
        "in the first 30 rows of any sheet."
    )
    header_only = make_book(tmp_path / "header.xlsx", [["No.", "Nama", "Instansi"], [1, None, None], [2]])
    below = r"^header\.xlsx has a header on sheet 'Sheet' \(row 1\) but no rows below it\.$"
    with pytest.raises(FileRefused, match=below):
        plan_contacts_import(db, header_only)


def test_any_file_name_extension_is_read(db, tmp_path):
    path = tmp_path / "export.XLSX.download"
    path.write_bytes(_valid_bytes(tmp_path))
    assert counts(plan_contacts_import(db, path)) == (1, 0, 0)


# --------------------------------------------------------------------------- the cleaning functions


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ibu Siti Rahayu", ("Ibu", "Siti Rahayu")),
        ("Prof. Dr. H. Ahmad Yani", ("Prof. Dr. H.", "Ahmad Yani")),
        ("Bpk. Joko", ("Bpk.", "Joko")),
        ("Sdri Ani", ("Sdri", "Ani")),
        ("Mrs. Smith", ("Mrs.", "Smith")),
        ("H Ahmad", ("", "H Ahmad")),  # "H" without a dot may be an initial
        ("Hj Nur", ("Hj", "Nur")),
        ("Ibu", ("", "Ibu")),  # nothing would be left
        ("Drs.Budi", ("Drs.", "Budi")),
        ("Dra. Ani", ("Dra.", "Ani")),
        ("Ir. Joko", ("Ir.", "Joko")),
        ("Iriana", ("", "Iriana")),
        ("Mr. (unknown)", ("", "Mr. (unknown)")),
    ],
)
def test_split_honorifics(raw, expected):
    assert split_honorifics(raw) == expected


def test_name_keys_and_emails():
    assert name_key("Ibu Siti  Rahayu, S.H., M.Si.") == name_key("siti rahayu") == "siti rahayu"
    assert name_key("Renée O'Brien") == "renee o brien"
    assert name_key("Santoso, Budi") != name_key("Santoso, Agus")
    assert split_emails("a@x.org; B@y.org, a@X.org") == (["a@x.org", "B@y.org"], [])
    assert split_emails("-") == ([], [])
    assert split_emails("tidak ada") == ([], [])
    assert split_emails("siti at iom") == ([], ["siti at iom"])


def test_cell_text_and_headers():
    assert cell_text(6281234567890.0) == "6281234567890"
    assert cell_text(1.5) == "1.5"
    assert cell_text(None) == ""
    assert cell_text(" a\u200b\u00a0 b ") == "a b"
    assert header_keys("Jenis Kelamin (L/P)")[:2] == ["jeniskelaminlp", "jeniskelamin"]
    assert header_keys("Nama / Name") == ["namaname", "nama", "name"]
    header = match_header(["No.", "Nama", "E-mail", "Email 2", "HP", "TTD"], {
        "name": ["Nama"], "email": ["Email"], "alt_email": ["Email 2"], "phone": ["HP"],
    })
    assert header.columns == {"name": [1], "email": [2], "alt_email": [3], "phone": [4]}
    assert header.ignored == ["No.", "TTD"]
