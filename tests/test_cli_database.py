"""The headless commands on the database: info, check, backup, --version, --help."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
import sqlalchemy as sa

from unnet_desktop import __version__
from unnet_desktop.cli.main import main
from unnet_desktop.core import models as m
from unnet_desktop.core.database import open_database
from unnet_desktop.core.migrations_runner import SCHEMA_HEAD


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"unnet-desktop {__version__}"


@pytest.mark.parametrize("command", [[], ["info"], ["check"], ["backup"], ["demo"]])
def test_help_on_every_command(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: unnet-desktop" in capsys.readouterr().out


def test_info_text(db, capsys):
    db.close()
    assert main(["info", "--db", str(db.path)]) == 0
    out = capsys.readouterr().out
    assert str(db.path) in out
    assert f"Revision:  {SCHEMA_HEAD}" in out
    assert "gcm_objectives" in out and "23" in out


def test_info_json_counts_rows(db, capsys):
    with db.session() as s:
        org = m.Organisation(name="International Organization for Migration", acronym="IOM")
        s.add_all([org, m.Person(full_name="Dewi Lestari", organisation=org), m.Person(full_name="Budi Santoso")])
    db.close()
    assert main(["info", "--db", str(db.path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["path"] == str(db.path)
    assert info["revision"] == SCHEMA_HEAD
    assert info["tables"]["people"] == 2
    assert info["tables"]["organisations"] == 1
    assert info["tables"]["gcm_objectives"] == 23
    assert info["tables"]["results_groups"] == 4


def test_db_option_before_the_command(db, capsys):
    db.close()
    assert main(["--db", str(db.path), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(db.path)


def test_env_var_names_the_database(db, capsys, monkeypatch):
    db.close()
    monkeypatch.setenv("UNNET_DB", str(db.path))
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(db.path)


def test_info_on_missing_file_fails_with_one_line(tmp_path, capsys):
    assert main(["info", "--db", str(tmp_path / "absent.sqlite")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "absent.sqlite").exists()


def test_info_on_non_database_fails(tmp_path, capsys):
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 not a database")
    assert main(["info", "--db", str(path)]) == 1
    assert "not an unnet_desktop database" in capsys.readouterr().err
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_check_ok(db, capsys):
    db.close()
    assert main(["check", "--db", str(db.path)]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_check_reports_a_broken_foreign_key(db, capsys):
    db.close()
    with sqlite3.connect(db.path) as conn:  # foreign_keys is off on a plain connection
        conn.execute(
            "INSERT INTO people (uuid, created_at, updated_at, title, full_name, sex, position, "
            "organisation_id, phone, notes, archived) VALUES ('u-1', '2024-01-01', '2024-01-01', '', "
            "'Ghost', 'female', '', 4242, '', '', 0)"
        )
    conn.close()
    assert main(["check", "--db", str(db.path)]) == 1
    out = capsys.readouterr().out
    assert "people row" in out and "organisations" in out
    assert "1 problem(s) found" in out


def test_backup_while_the_database_is_open(db, tmp_path, capsys):
    with db.session() as s:
        s.add(m.Organisation(name="UN Women", acronym="UN Women"))
    out_path = tmp_path / "copy.sqlite"
    # db stays open (as the window would keep it) while the CLI copies it.
    assert main(["backup", "--db", str(db.path), "-o", str(out_path)]) == 0
    assert "Backed up" in capsys.readouterr().out
    with open_database(out_path) as copy:
        with copy.session() as s:
            assert s.scalar(sa.select(m.Organisation.acronym)) == "UN Women"
    assert not out_path.with_name(out_path.name + "-wal").exists()


def test_info_on_an_older_file_reports_it_and_changes_nothing(tmp_path, capsys):
    import hashlib
    import shutil
    from pathlib import Path

    path = tmp_path / "old.sqlite"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "db_rev_0001.sqlite", path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["info", "--db", str(path)]) == 0
    assert f"Revision:  0001 (older: upgraded to {SCHEMA_HEAD} when the app opens it)" in capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()


def test_info_on_a_newer_file_is_refused(tmp_path, capsys):
    import shutil
    from pathlib import Path

    path = tmp_path / "new.sqlite"
    shutil.copyfile(Path(__file__).parent / "fixtures" / f"db_rev_{SCHEMA_HEAD}.sqlite", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    assert main(["info", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "newer version" in err and err.count("\n") == 1


def test_backup_into_missing_folder_fails(db, tmp_path, capsys):
    db.close()
    assert main(["backup", "--db", str(db.path), "-o", str(tmp_path / "no" / "copy.sqlite")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_headless_commands_do_not_import_qt(db):
    db.close()
    code = (
        "import sys; from unnet_desktop.cli.main import main; "
        f"rc = main(['info', '--db', {str(db.path)!r}]); "
        "assert rc == 0; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'docx', 'openpyxl', 'alembic', 'sqlalchemy'))]; "
        "print('LOADED', bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in result.stdout


def test_the_program_entry_point_exits_with_the_command_code(db_path, tmp_path):
    """``python -m unnet_desktop`` (what the unnet-desktop script runs): the code of the command,
    its one-line refusal on stderr, and a reader that stops early ends it without a traceback."""
    open_database(db_path).close()
    ok = subprocess.run([sys.executable, "-m", "unnet_desktop", "info", "--db", str(db_path)],
                        capture_output=True, text=True, timeout=120)
    assert (ok.returncode, ok.stderr) == (0, "") and f"Database:  {db_path}" in ok.stdout

    missing = tmp_path / "nowhere" / "x.sqlite"
    refused = subprocess.run([sys.executable, "-m", "unnet_desktop", "info", "--db", str(missing)],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and refused.stderr.strip().startswith("unnet-desktop info: ")
    assert len(refused.stderr.strip().splitlines()) == 1

    # A pipe closed after the first line (as `| head -1` does).
    piped = subprocess.Popen([sys.executable, "-m", "unnet_desktop", "info", "--db", str(db_path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    piped.stdout.read(1)
    piped.stdout.close()
    _, err = piped.communicate(timeout=120)
    assert b"Traceback" not in err
    if piped.returncode == 1:  # it was still writing when the pipe closed
        assert err.decode() == "unnet-desktop: the output was closed; the command was stopped.\n"
    else:
        assert piped.returncode == 0


def test_the_entry_point_without_a_stdout(db_path, monkeypatch):
    """A windowed program on Windows has no stdout (sys.stdout is None)."""
    from unnet_desktop.cli.main import run

    open_database(db_path).close()
    monkeypatch.setattr("gc.freeze", lambda: None)  # not in the test process: it goes on
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "argv", ["unnet-desktop", "check", "--db", str(db_path)])
    with pytest.raises(SystemExit) as exit_info:
        run()
    assert exit_info.value.code == 0
