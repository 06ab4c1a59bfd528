"""Start-up: which database is opened, refusals shown as a dialog, the event loop separable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from unnet_desktop.core.database import open_database
from unnet_desktop.ui import app as ui_app
from unnet_desktop.ui.main_window import MainWindow
from unnet_desktop.ui.settings import LAST_DATABASE, app_settings


@pytest.fixture
def text_file(tmp_path) -> Path:
    path = tmp_path / "agenda.sqlite"
    path.write_text("Agenda of the 2024-Q2 quarterly meeting\n")
    return path


def test_resolve_prefers_demo_then_db_then_env_then_last_then_default(
    tmp_path, monkeypatch, _isolated_data_dir
):
    monkeypatch.setattr("unnet_desktop.services.demo.ensure_demo_database", lambda: tmp_path / "demo.sqlite")
    assert ui_app.resolve_db_path("given.sqlite", demo=True) == tmp_path / "demo.sqlite"
    assert ui_app.resolve_db_path(str(tmp_path / "given.sqlite")) == tmp_path / "given.sqlite"
    assert ui_app.resolve_db_path() == _isolated_data_dir / "unnet.sqlite"

    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    app_settings().setValue(LAST_DATABASE, str(last))
    assert ui_app.resolve_db_path() == last
    monkeypatch.setenv("UNNET_DB", str(tmp_path / "from-env.sqlite"))
    assert ui_app.resolve_db_path() == tmp_path / "from-env.sqlite"
    monkeypatch.delenv("UNNET_DB")
    last.unlink()  # the remembered file is gone: back to the default
    assert ui_app.resolve_db_path() == _isolated_data_dir / "unnet.sqlite"


def test_build_window_opens_the_given_database_and_remembers_it(qtbot, db_path, dialog_calls):
    window = ui_app.build_window(str(db_path))
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.db.path == db_path
    assert app_settings().value(LAST_DATABASE) == str(db_path)
    assert dialog_calls == []
    window.db.close()


def test_build_window_reopens_the_last_database(qtbot, tmp_path, dialog_calls):
    last = tmp_path / "secretariat.sqlite"
    open_database(last).close()
    app_settings().setValue(LAST_DATABASE, str(last))
    window = ui_app.build_window()
    qtbot.addWidget(window)
    assert window.db.path == last
    window.db.close()


def test_build_window_on_the_demo_does_not_remember_it(qtbot, demo_db_path, monkeypatch, dialog_calls):
    monkeypatch.setattr("unnet_desktop.services.demo.ensure_demo_database", lambda: demo_db_path)
    app_settings().setValue(LAST_DATABASE, "/home/officer/unnet.sqlite")
    window = ui_app.build_window(demo=True)
    qtbot.addWidget(window)
    assert window.db.path == demo_db_path
    assert window.windowTitle() == f"unnet_desktop — {demo_db_path.name}"
    assert app_settings().value(LAST_DATABASE) == "/home/officer/unnet.sqlite"
    window.db.close()


def test_run_gui_with_a_refused_file_shows_the_error_and_returns_1(qapp, text_file, dialog_calls):
    before = text_file.read_bytes()
    assert ui_app.run_gui(db=str(text_file)) == 1
    [(kind, title, text)] = dialog_calls
    assert kind == "show_error" and title == "Cannot open the database"
    assert "not a SQLite file" in text
    assert text_file.read_bytes() == before


def test_run_gui_in_a_missing_folder_is_refused(qapp, tmp_path, dialog_calls):
    assert ui_app.run_gui(db=str(tmp_path / "nowhere" / "unnet.sqlite")) == 1
    assert "does not exist" in dialog_calls[0][2]
    assert not (tmp_path / "nowhere").exists()


def test_run_gui_shows_the_window_and_returns_when_it_closes(
    qapp, db_path, monkeypatch, dialog_calls, capsys
):
    monkeypatch.setenv(ui_app.QUIT_AFTER_SHOWN_ENV, "1")
    shown = []
    monkeypatch.setattr(MainWindow, "showEvent", lambda self, event: shown.append(self.windowTitle()))
    assert ui_app.run_gui(db=str(db_path)) == 0
    assert shown == ["unnet_desktop — unnet.sqlite"]
    out = capsys.readouterr().out
    assert out.index("unnet-desktop: window shown at ") < out.index("unnet-desktop: window ready at ")
    assert dialog_calls == []
    assert qapp.applicationName() == "unnet-desktop"
    assert qapp.organizationName() == "unnet-desktop"
    assert app_settings().value(LAST_DATABASE) == str(db_path)


def test_cli_without_a_command_opens_the_window(monkeypatch):
    from unnet_desktop.cli import main as cli_main

    calls = []
    monkeypatch.setattr(ui_app, "run_gui", lambda db=None, demo=False: calls.append((db, demo)) or 0)
    assert cli_main.main(["--db", "x.sqlite"]) == 0
    assert cli_main.main(["--demo"]) == 0
    assert calls == [("x.sqlite", False), (None, True)]


def test_the_frame_shows_before_the_database_is_open_then_the_dashboard(qtbot, db_path, dialog_calls):
    window = MainWindow(path=db_path, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert window.db is None
    assert window.windowTitle() == "unnet_desktop — unnet.sqlite"
    assert window.database_label.text() == f"Opening {db_path}…"
    assert window.stack.currentWidget().text() == "Opening unnet.sqlite…"
    window.show_page("contacts")  # a click on the sidebar meanwhile: remembered, not built
    assert window.page("contacts") is None and window.sidebar.currentRow() == 1
    needing_db = [window.new_action, window.open_action, window.backup_action, window.refresh_action,
                  window.about_action]
    assert not any(action.isEnabled() for action in needing_db)

    assert window.open_pending_database() is True
    assert window.db.path == db_path
    assert window.database_label.text() == f"Database: {db_path}"
    assert window.current_page() is window.page("contacts")
    assert window.stack.count() == 1  # the "Opening" line is gone
    assert all(action.isEnabled() for action in needing_db)
    assert dialog_calls == []
    window.db.close()


def test_a_refused_database_closes_the_frame_with_the_reason(qtbot, text_file, dialog_calls):
    before = text_file.read_bytes()
    window = MainWindow(path=text_file)
    qtbot.addWidget(window)
    window.show()
    assert window.open_pending_database() is False
    assert not window.isVisible() and window.db is None
    [(kind, title, text)] = dialog_calls
    assert (kind, title) == ("show_error", "Cannot open the database") and "not a SQLite file" in text
    assert text_file.read_bytes() == before
    assert app_settings().value(LAST_DATABASE) is None


def test_the_window_frame_needs_no_sqlalchemy():
    """What run_gui shows first is importable without SQLAlchemy (it costs half a second)."""
    code = (
        "import sys, unnet_desktop.ui.app, unnet_desktop.ui.main_window;"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_first_demo_is_built_once_the_frame_is_on_screen(
    qapp, demo_db_path, monkeypatch, dialog_calls, capsys
):
    """With no sample network yet, run_gui shows the frame, then builds the sample (seconds)."""
    monkeypatch.setenv(ui_app.QUIT_AFTER_SHOWN_ENV, "1")
    seen = []

    def build():
        window = qapp.activeWindow() or next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
        seen.append((window.isVisible(), window.database_label.text()))
        return demo_db_path

    monkeypatch.setattr("unnet_desktop.services.demo.ensure_demo_database", build)
    assert ui_app.run_gui(demo=True) == 0
    [(visible, label)] = seen
    assert visible and label.startswith("Building the sample network in ")
    assert dialog_calls == []
    out = capsys.readouterr().out
    assert out.index("window shown at ") < out.index("window ready at ")


def test_a_sample_that_cannot_be_built_is_said_and_returns_1(qapp, monkeypatch, dialog_calls):
    from unnet_desktop.core.errors import DatabaseRefused

    def build():
        raise DatabaseRefused("Cannot create unnet-demo.sqlite: the folder is read-only.")

    monkeypatch.setattr("unnet_desktop.services.demo.ensure_demo_database", build)
    assert ui_app.run_gui(demo=True) == 1
    [(kind, title, text)] = dialog_calls
    assert (kind, title) == ("show_error", "Cannot open the database") and "read-only" in text


def test_a_window_closed_as_it_appears_opens_nothing(qapp, db_path, monkeypatch, dialog_calls):
    """A quit that reaches the frame as it is shown (queued input): run_gui returns without
    opening the database or entering an event loop with no window."""
    shown = MainWindow.show

    def show_then_close(self):
        shown(self)
        self.close()

    monkeypatch.setattr(MainWindow, "show", show_then_close)
    monkeypatch.setattr(MainWindow, "open_pending_database", lambda self, prepare=None: pytest.fail("opened"))
    assert ui_app.run_gui(db=str(db_path)) == 0
    assert dialog_calls == [] and app_settings().value(LAST_DATABASE) is None
