"""unnet-desktop export actions / import actions: outputs and exit codes."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from test_action_points_service import seed_network
from test_tracker_import import edit, key, snapshot

from unnet_desktop.cli.main import main
from unnet_desktop.core.enums import ActionStatus
from unnet_desktop.files.action_tracker import read_action_tracker
from unnet_desktop.services import action_points as ap


@pytest.fixture
def net(db):
    return seed_network(db)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", [["export", "actions"], ["import", "actions"]])
def test_help(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: unnet-desktop" in capsys.readouterr().out


def test_export_open_by_default(db, net, tmp_path, capsys):
    out = tmp_path / "tracker.xlsx"
    code, stdout, stderr = run(capsys, "export", "actions", "--db", db.path, "-o", out)
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"Wrote 3 action points to {out} (exported ")
    assert stdout.rstrip().endswith("WIB).")
    assert [r.key for r in read_action_tracker(out).rows] == [key(db, net.a1), key(db, net.a2), key(db, net.a4)]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--status", "all"], ["a1", "a2", "a3", "a5", "a4"]),
        (["--status", "Selesai"], ["a3"]),
        (["--organisation", "ilo", "--status", "all"], ["a3", "a5"]),
        (["--organisation", "International Organization for Migration"], ["a1", "a4"]),
        (["--meeting", "2024-Q1"], ["a1", "a2"]),
    ],
)
def test_export_filters(db, net, tmp_path, capsys, options, expected):
    out = tmp_path / "tracker.xlsx"
    code, stdout, _ = run(capsys, "--db", db.path, "export", "actions", "-o", out, *options)
    assert code == 0
    noun = "action point" if len(expected) == 1 else "action points"
    assert stdout.startswith(f"Wrote {len(expected)} {noun} to ")
    assert [r.key for r in read_action_tracker(out).rows] == [key(db, getattr(net, n)) for n in expected]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--organisation", "WHO"], "unnet-desktop export: No organisation is called 'WHO' (name or acronym).\n"),
        (["--meeting", "1999-Q1"], "unnet-desktop export: There is no meeting with the reference '1999-Q1'.\n"),
        (["--status", "later"], "unnet-desktop export: --status takes open, all or a status, not 'later'.\n"),
    ],
)
def test_export_errors(db, net, tmp_path, capsys, options, message):
    out = tmp_path / "tracker.xlsx"
    code, stdout, stderr = run(capsys, "export", "actions", "--db", db.path, "-o", out, *options)
    assert (code, stdout, stderr) == (1, "", message)
    assert not out.exists()


def test_export_into_a_missing_folder(db, net, tmp_path, capsys):
    code, _, stderr = run(capsys, "export", "actions", "--db", db.path, "-o", tmp_path / "nope" / "t.xlsx")
    assert code == 1 and "does not exist" in stderr


@pytest.fixture
def tracker(db, net, tmp_path):
    path = tmp_path / "tracker.xlsx"
    assert main(["export", "actions", "--db", str(db.path), "-o", str(path), "--status", "all"]) == 0
    return path


def test_import_dry_run_writes_nothing(db, net, tracker, capsys):
    capsys.readouterr()
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Selesai"}})
    before = snapshot(db)
    code, stdout, stderr = run(capsys, "import", "actions", "--db", db.path, edited, "--dry-run")
    assert (code, stderr) == (0, "")
    lines = stdout.splitlines()
    assert lines[0].startswith("edited-tracker.xlsx: action-point tracker exported ") and lines[0].endswith(", 5 rows.")
    assert lines[1:] == [
        "  row 2: update: 2024-Q1 'Share the draft terms of reference': status: 'Open' -> 'Done'",
        "Dry run, nothing written. Would update 1 and create 0 action point(s); 0 conflicts skipped "
        "(resolve them in the app); 0 deleted since the export; 0 invalid skipped; 4 unchanged.",
    ]
    assert snapshot(db) == before


def test_import_applies_and_lists_conflicts(db, net, tracker, capsys):
    capsys.readouterr()
    ap.update_action_point(db, net.a2, status="done")
    edited = edit(
        tracker,
        rows={key(db, net.a1): {"completion_note": "Shared on 2 May"}, key(db, net.a2): {"status": "Dibatalkan"}},
        add=[{"description": "Translate the leaflet", "organisation": "UNHCR"}],
    )
    code, stdout, stderr = run(capsys, "import", "actions", "--db", db.path, edited)
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[1:] == [
        "  row 2: update: 2024-Q1 'Share the draft terms of reference': completion note: '(empty)' -> 'Shared on 2 May'",
        "  row 3: conflict (not applied): 2024-Q1 'Circulate the GCM review report': status: app 'Done' "
        "(changed in the app since the export), tracker 'Dropped'",
        "  row 7: new: 'Translate the leaflet'",
        "Updated 1 action point(s) (1 field(s)), created 1; 1 conflict skipped (resolve them in the app); "
        "0 deleted since the export; 0 invalid skipped; 3 unchanged.",
    ]
    assert ap.get_action_point(db, net.a1).completion_note == "Shared on 2 May"
    assert ap.get_action_point(db, net.a2).status is ActionStatus.DONE

    # The same file again: nothing more happens; the conflict is still listed.
    before = snapshot(db)
    code, stdout, _ = run(capsys, "import", "actions", "--db", db.path, edited)
    assert code == 0
    assert "row 3: conflict (not applied)" in stdout
    assert stdout.splitlines()[-1] == (
        "Updated 0 action point(s) (0 field(s)), created 0; 1 conflict skipped (resolve them in the app); "
        "0 deleted since the export; 0 invalid skipped; 5 unchanged."
    )
    assert snapshot(db) == before


def test_import_with_invalid_rows_exits_1_and_writes_nothing(db, net, tracker, capsys):
    capsys.readouterr()
    edited = edit(
        tracker,
        rows={key(db, net.a1): {"status": "Done"}, key(db, net.a2): {"due_date": "next week"}},
    )
    before = snapshot(db)
    code, stdout, stderr = run(capsys, "import", "actions", "--db", db.path, edited)
    assert code == 1
    assert "  row 3: invalid: 2024-Q1 'Circulate the GCM review report': the due date 'next week' is not a date" in stdout
    assert stderr == (
        "unnet-desktop import: 1 row(s) cannot be imported (listed above); nothing was changed. "
        "Fix them in the file and import again, or use --skip-invalid.\n"
    )
    assert snapshot(db) == before

    code, stdout, _ = run(capsys, "import", "actions", "--db", db.path, edited, "--skip-invalid")
    assert code == 0
    assert stdout.splitlines()[-1].startswith("Updated 1 action point(s) (1 field(s)), created 0;")
    assert "1 invalid skipped" in stdout
    assert ap.get_action_point(db, net.a1).status is ActionStatus.DONE


def test_import_refuses_what_is_not_a_tracker(db, net, tmp_path, capsys):
    path = tmp_path / "contacts.xlsx"
    wb = Workbook()
    wb.active.append(["Name", "Email"])
    wb.save(path)
    before = snapshot(db)
    code, stdout, stderr = run(capsys, "import", "actions", "--db", db.path, path)
    assert (code, stdout) == (1, "")
    assert stderr == (
        "unnet-desktop import: contacts.xlsx is not an action-point tracker exported by unnet_desktop "
        "(it has no tracker information). Import the action-point tracker the app exported, as filled in "
        "and sent back.\n"
    )
    assert snapshot(db) == before


def test_import_needs_an_existing_database(tmp_path, capsys):
    code, _, stderr = run(capsys, "import", "actions", "--db", tmp_path / "none.sqlite", tmp_path / "t.xlsx")
    assert code == 1 and "does not exist" in stderr
