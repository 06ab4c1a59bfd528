"""unnet-desktop export contacts / import contacts: output and exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from unnet_desktop.cli.main import main
from unnet_desktop.core.database import open_database
from unnet_desktop.services import contacts as c
from unnet_desktop.services import distribution_lists as dl


def make_book(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Daftar Hadir"
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:E1")
    wb.save(path)
    return path


SHEET = [
    ["DAFTAR HADIR RAPAT KOORDINASI"],
    ["No.", "Nama", "Instansi", "Surel", "No. HP"],
    [1, "Ibu Siti Rahayu", "IOM", "siti@iom.int", 6281234567890],
    [2, "Budi Santoso", "IOM", "budi@", None],
    [3, None, "IOM", None, None],
    [4, "SITI RAHAYU", "iom", "SITI@IOM.INT", None],
    [5, "Dewi Lestari", "SBMI", "dewi@sbmi.or.id", "0812 1111"],
]


@pytest.fixture
def filled(db):
    iom = c.create_organisation(db, name="International Organization for Migration", acronym="IOM")
    c.create_person(db, full_name="Dewi Lestari", email="dewi@sbmi.or.id")
    siti = c.create_person(db, full_name="Rina Wijaya", organisation_id=iom, email="rina@iom.int", phone="0813")
    list_id = dl.create_distribution_list(db, "Bali workshop")
    dl.add_members(db, list_id, [siti])
    db.close()
    return db.path


def people(path) -> list[tuple]:
    with open_database(path) as db:
        return [(p.full_name, p.organisation_short, p.email, p.phone) for p in c.search_people(db)]


def run(capsys, *argv):
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_a_row_report_and_a_summary(filled, tmp_path, capsys):
    sheet = make_book(tmp_path / "hadir.xlsx", SHEET)
    code, out, err = run(capsys, "import", "contacts", "--db", str(filled), str(sheet))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "hadir.xlsx: sheet 'Daftar Hadir', header on row 2 (Nama -> name, Instansi -> organisation, "
        "Surel -> email, No. HP -> phone)",
        "Columns ignored: No.",
        "Row     3  new      Ibu Siti Rahayu (IOM)",
        "Row     4  new      Budi Santoso (IOM): invalid email 'budi@' left out",
        "Row     5  skipped  -: no name",
        "Row     6  skipped  Ibu Siti Rahayu (IOM): same person as row 3",
        "Row     7  updated  Dewi Lestari (SBMI): fills organisation, phone; new organisation SBMI",
        "New organisations (1): SBMI",
        "created 2, updated 1, skipped 2",
    ]
    assert people(filled) == [
        ("Budi Santoso", "IOM", None, ""),
        ("Dewi Lestari", "SBMI", "dewi@sbmi.or.id", "0812 1111"),
        ("Rina Wijaya", "IOM", "rina@iom.int", "0813"),
        ("Siti Rahayu", "IOM", "siti@iom.int", "6281234567890"),
    ]
    # a second time: nothing to do
    code, out, _err = run(capsys, "import", "contacts", "--db", str(filled), str(sheet))
    assert code == 0 and out.splitlines()[-1] == "created 0, updated 0, skipped 5"


def test_dry_run_writes_nothing(filled, tmp_path, capsys):
    sheet = make_book(tmp_path / "hadir.xlsx", SHEET)
    before = people(filled)
    code, out, _err = run(capsys, "import", "contacts", "--dry-run", "--db", str(filled), str(sheet))
    assert code == 0
    assert out.splitlines()[-2:] == ["created 2, updated 1, skipped 2", "Dry run: nothing was written."]
    assert people(filled) == before
    missing = tmp_path / "new.sqlite"
    code, _out, err = run(capsys, "import", "contacts", "--dry-run", "--db", str(missing), str(sheet))
    assert code == 1 and "does not exist" in err and not missing.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "junk.xlsx is damaged (incomplete or corrupt); "
                                                 "it cannot be read as an Excel workbook."),
        (b"hello", "junk.xlsx is not an Excel workbook (.xlsx)."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "junk.xlsx is password-protected or an old .xls file: "
                                                           "save it in Excel as a workbook (.xlsx) without a password "
                                                           "and try again."),
        (b"", "junk.xlsx is empty (0 bytes)."),
    ],
)
def test_refused_file_exits_1_with_one_line(filled, tmp_path, capsys, content, message):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(content)
    before = people(filled)
    code, out, err = run(capsys, "import", "contacts", "--db", str(filled), str(path))
    assert (code, out) == (1, "")
    assert err == f"unnet-desktop import: {message}\n"
    assert people(filled) == before


def test_no_header_exits_1(filled, tmp_path, capsys):
    path = make_book(tmp_path / "x.xlsx", [["Attendance"], ["Siti", "IOM"]])
    code, _out, err = run(capsys, "import", "contacts", "--db", str(filled), str(path))
    assert code == 1
    assert err.count("\n") == 1 and "has no header row with a name column" in err


def test_export(filled, tmp_path, capsys):
    out_file = tmp_path / "contacts.xlsx"
    code, out, err = run(capsys, "export", "contacts", "--db", str(filled), "-o", str(out_file))
    assert (code, err) == (0, "")
    assert out == f"Wrote 2 people and 1 organisations to {out_file}\n"
    from openpyxl import load_workbook

    wb = load_workbook(out_file)
    assert [r[1] for r in wb["People"].iter_rows(min_row=2, values_only=True)] == ["Dewi Lestari", "Rina Wijaya"]


def test_export_a_list_without_personal_data(filled, tmp_path, capsys):
    out_file = tmp_path / "bali.xlsx"
    code, out, _err = run(
        capsys, "export", "contacts", "--db", str(filled), "-o", str(out_file), "--list", "BALI WORKSHOP",
        "--no-personal",
    )
    assert code == 0
    assert out == (
        f"Wrote 1 people of the list 'BALI WORKSHOP' and 1 organisations to {out_file} (without email and phone)\n"
    )
    from openpyxl import load_workbook

    rows = [list(r) for r in load_workbook(out_file)["People"].iter_rows(values_only=True)]
    assert rows == [
        ["Title", "Name", "Sex", "Organisation", "Acronym", "Category", "Position"],
        [None, "Rina Wijaya", "Not recorded", "International Organization for Migration", "IOM", "Other", None],
    ]


def test_export_errors_exit_1(filled, tmp_path, capsys):
    code, out, err = run(capsys, "export", "contacts", "--db", str(filled), "-o", str(tmp_path / "x.xlsx"),
                         "--list", "Nope")
    assert (code, out) == (1, "")
    assert err == (
        "unnet-desktop export: There is no distribution list named 'Nope' (lists: Bali workshop; "
        "Network members (focal points); SDG working group; UN Country Team).\n"
    )
    code, _out, err = run(capsys, "export", "contacts", "--db", str(tmp_path / "none.sqlite"), "-o", "x.xlsx")
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "none.sqlite").exists()
    code, _out, err = run(capsys, "export", "contacts", "--db", str(filled), "-o", str(tmp_path / "no" / "x.xlsx"))
    assert code == 1 and "does not exist" in err


def test_export_then_import_is_a_no_op(filled, tmp_path, capsys):
    out_file = tmp_path / "contacts.xlsx"
    assert main(["export", "contacts", "--db", str(filled), "-o", str(out_file)]) == 0
    capsys.readouterr()
    code, out, _err = run(capsys, "import", "contacts", "--db", str(filled), str(out_file))
    assert code == 0 and out.splitlines()[-1] == "created 0, updated 0, skipped 2"


@pytest.mark.parametrize("group", ["export", "import"])
def test_help(group, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([group, "contacts", "--help"])
    assert exit_info.value.code == 0
    assert "usage: unnet-desktop" in capsys.readouterr().out


def test_commands_import_no_qt(filled, tmp_path):
    sheet = make_book(tmp_path / "hadir.xlsx", SHEET)
    code = (
        "import sys; from unnet_desktop.cli.main import main; "
        f"assert main(['import', 'contacts', '--dry-run', '--db', {str(filled)!r}, {str(sheet)!r}]) == 0; "
        f"assert main(['export', 'contacts', '--db', {str(filled)!r}, '-o', {str(tmp_path / 'o.xlsx')!r}]) == 0; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
