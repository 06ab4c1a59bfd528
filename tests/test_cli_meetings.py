"""The headless meeting commands: export minutes|participants|invitation|email, meetings."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys

import icalendar
import openpyxl
import pytest
from docx import Document
from test_meetings_service import make_meeting, make_network

from unnet_desktop.cli.main import main


@pytest.fixture
def db_file(db):
    """A database with the sample meeting 2025-Q1, closed so the command opens it itself."""
    net = make_network(db)
    data = make_meeting(db, net)
    db.close()
    return db.path, data.id


@pytest.mark.parametrize("kind", ["minutes", "participants", "invitation", "email"])
def test_help(capsys, kind):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", kind, "--help"])
    assert exit_info.value.code == 0
    assert "MEETING" in capsys.readouterr().out


def test_export_minutes_by_reference(db_file, tmp_path, capsys):
    path, _ = db_file
    out = tmp_path / "minutes.docx"
    assert main(["export", "minutes", "2025-q1", "--db", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote the minutes of 2025-Q1 to {out}"
    assert Document(out).paragraphs[1].text.startswith("Minutes: Quarterly meeting 2025-Q1")


def test_export_by_id_with_db_before_the_command(db_file, tmp_path, capsys):
    path, meeting_id = db_file
    out = tmp_path / "participants.xlsx"
    assert main(["--db", str(path), "export", "participants", str(meeting_id), "-o", str(out), "--no-personal"]) == 0
    assert "Wrote the participant list of 2025-Q1" in capsys.readouterr().out
    header = [c.value for c in openpyxl.load_workbook(out)["Participants"][1]]
    assert "Email" not in header and "Phone" not in header


def test_export_invitation(db_file, tmp_path, capsys):
    path, _ = db_file
    out = tmp_path / "invitation.ics"
    assert main(["export", "invitation", "2025-Q1", "--db", str(path), "-o", str(out)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert cal["METHOD"] == "REQUEST" and len(list(cal.walk("VEVENT"))) == 1


def test_export_email(db_file, tmp_path, capsys):
    path, _ = db_file
    out = tmp_path / "minutes.eml"
    args = ["export", "email", "2025-Q1", "--db", str(path), "--what", "minutes", "--to", "UN Country Team"]
    assert main([*args, "-o", str(out)]) == 0
    assert "2 recipient(s), attached: Minutes 2025-Q1.docx" in capsys.readouterr().out
    with out.open("rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert next(message.iter_attachments()).get_filename() == "Minutes 2025-Q1.docx"


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "minutes", "2025-Q9"], "There is no meeting with the reference or id '2025-Q9'."),
        (["export", "minutes", "999"], "There is no meeting with the reference or id '999'."),
        (["export", "email", "2025-Q1", "--what", "minutes", "--to", "Donors"], "There is no distribution list 'Donors'"),
    ],
)
def test_errors_exit_1_with_one_line(db_file, tmp_path, capsys, args, message):
    path, _ = db_file
    out = tmp_path / "out.file"
    assert main([*args, "--db", str(path), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("unnet-desktop export: ") and message in lines[0]
    assert not out.exists()


def test_missing_database_is_refused(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite"
    assert main(["export", "minutes", "2025-Q1", "--db", str(missing), "-o", str(tmp_path / "m.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()


def test_output_folder_missing(db_file, tmp_path, capsys):
    path, _ = db_file
    assert main(["export", "invitation", "2025-Q1", "--db", str(path), "-o", str(tmp_path / "no" / "x.ics")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_output_is_a_folder(db_file, tmp_path, capsys):
    path, _ = db_file
    assert main(["export", "minutes", "2025-Q1", "--db", str(path), "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_meetings_list(db_file, capsys):
    path, _ = db_file
    assert main(["meetings", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2025-Q1" in out and "06 Jun 2025 14:00–16:00 WIB" in out
    assert main(["meetings", "--db", str(path), "--json", "--year", "2025"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["reference"] for r in rows] == ["2025-Q1"]
    assert rows[0]["starts_at"] == "2025-06-06T07:00:00+00:00" and rows[0]["minutes_status"] == "draft"
    assert main(["meetings", "--db", str(path), "--year", "2030"]) == 0
    assert capsys.readouterr().out.strip() == "No meetings."


def test_export_imports_no_qt(db_file, tmp_path):
    """The commands run headless: no PySide6 in the process."""
    path, _ = db_file
    out = tmp_path / "minutes.docx"
    code = (
        "import sys; from unnet_desktop.cli.main import main; "
        f"rc = main(['export', 'minutes', '2025-Q1', '--db', {str(path)!r}, '-o', {str(out)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.exists()
