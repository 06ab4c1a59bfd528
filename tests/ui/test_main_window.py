"""The main window: sidebar and pages, File and Help menus, status bar, remembered state."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication

from unnet_desktop import __version__
from unnet_desktop.core.database import open_database
from unnet_desktop.ui import dialogs
from unnet_desktop.ui.main_window import MainWindow
from unnet_desktop.ui.pages import PAGES
from unnet_desktop.ui.pages.dashboard import DashboardPage
from unnet_desktop.ui.settings import LAST_DATABASE, WINDOW_GEOMETRY, app_settings

SIDEBAR = [
    "Dashboard", "Contacts", "Meetings", "Action points", "Work plans", "Working groups", "Library", "Reports",
]


def _click_sidebar(qtbot, window: MainWindow, row: int) -> None:
    item = window.sidebar.item(row)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_opens_on_a_fresh_database_at_the_dashboard(db, make_window):
    window = make_window(db)
    assert window.isVisible()
    assert window.windowTitle() == "unnet_desktop — unnet.sqlite"
    assert window.database_label.text() == f"Database: {db.path}"
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == SIDEBAR
    assert window.sidebar.currentRow() == 0
    assert isinstance(window.current_page(), DashboardPage)
    # A new database: nothing planned, nothing overdue, no work plan yet, said in words.
    page = window.current_page()
    assert page.meetings_panel.stack.currentWidget() is page.meetings_panel.empty
    assert page.work_plan_title.text().startswith("No work plan for ")
    assert page.overdue_card.value.text() == "0"


def test_clicking_each_sidebar_entry_shows_its_page(db, make_window, qtbot):
    window = make_window(db)
    for row in [1, 2, 3, 4, 5, 6, 7, 0, 3]:
        _click_sidebar(qtbot, window, row)
        spec = PAGES[row]
        assert window.current_key == spec.key
        page = window.current_page()
        assert page is window.page(spec.key)
        assert window.stack.currentWidget() is page
        assert isinstance(page, spec.load())
        if spec.key == "dashboard":
            assert isinstance(page, DashboardPage)
    # Each page is built once and kept.
    assert window.stack.count() == len(PAGES)


def test_keyboard_moves_through_the_sidebar(db, make_window, qtbot):
    window = make_window(db)
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_key == "contacts"
    qtbot.keyClick(window.sidebar, Qt.Key.Key_End)
    assert window.current_key == "reports"
    window.page_actions[0].trigger()  # View → Dashboard (Ctrl+1)
    assert window.current_key == "dashboard"
    assert window.sidebar.currentRow() == 0


def test_about_names_version_database_and_revision(db, make_window, dialog_calls):
    window = make_window(db)
    window.about_action.trigger()
    [(kind, title, text)] = dialog_calls
    assert kind == "show_about" and title == "About unnet_desktop"
    assert __version__ in text
    assert str(db.path) in text
    assert db.revision in text


def test_open_database_switches_to_the_other_file(db, make_window, dialog_calls, monkeypatch, tmp_path):
    other_path = tmp_path / "field-office.sqlite"
    open_database(other_path).close()
    asked = []
    monkeypatch.setattr(
        dialogs, "ask_open_path", lambda parent, title, folder: asked.append(folder) or other_path
    )
    window = make_window(db)
    old_dashboard = window.page("dashboard")

    window.open_action.trigger()

    assert asked == [db.path.parent]
    assert dialog_calls == []
    assert window.db.path == other_path
    assert window.windowTitle() == "unnet_desktop — field-office.sqlite"
    assert window.database_label.text() == f"Database: {other_path}"
    assert window.page("dashboard") is not old_dashboard
    assert window.page("dashboard").db is window.db
    assert app_settings().value(LAST_DATABASE) == str(other_path)
    window.db.close()


def test_opening_a_refused_file_says_why_and_keeps_the_database(
    db, make_window, dialog_calls, monkeypatch, tmp_path
):
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("Minutes of the 2024-Q1 meeting, typed in a text editor.\n")
    before = text_file.read_bytes()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: text_file)
    window = make_window(db)

    window.open_action.trigger()

    [(kind, title, text)] = dialog_calls
    assert kind == "show_error"
    assert "not a SQLite file" in text and str(text_file) in text
    assert window.db is db
    assert window.windowTitle() == "unnet_desktop — unnet.sqlite"
    assert window.database_label.text() == f"Database: {db.path}"
    assert text_file.read_bytes() == before
    assert app_settings().value(LAST_DATABASE) == str(db.path)


def test_cancelled_open_changes_nothing(db, make_window, dialog_calls, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: None)
    window = make_window(db)
    window.open_action.trigger()
    assert window.db is db and dialog_calls == []


def test_new_database_creates_and_opens_a_file(db, make_window, dialog_calls, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "jakarta-2027")
    window = make_window(db)
    window.new_action.trigger()
    created = tmp_path / "jakarta-2027.sqlite"
    assert dialog_calls == []
    assert created.is_file()
    assert window.db.path == created
    assert window.windowTitle() == "unnet_desktop — jakarta-2027.sqlite"
    with sqlite3.connect(created) as conn:
        assert conn.execute("SELECT count(*) FROM gcm_objectives").fetchone() == (23,)
    window.db.close()


def test_new_database_refuses_an_existing_file(db, make_window, dialog_calls, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: db.path)
    window = make_window(db)
    window.new_action.trigger()
    [(kind, _title, text)] = dialog_calls
    assert kind == "show_error" and "already exists" in text
    assert window.db is db


def test_back_up_now_writes_a_valid_database(sample_db, make_window, dialog_calls, monkeypatch, tmp_path):
    target = tmp_path / "copies" / "before-import.sqlite"
    target.parent.mkdir()
    suggested = []

    def ask_save_path(parent, title, suggestion, name_filter, **kwargs):
        suggested.append(suggestion)
        return target

    monkeypatch.setattr(dialogs, "ask_save_path", ask_save_path)
    window = make_window(sample_db)
    window.backup_action.trigger()

    assert re.fullmatch(r"unnet-backup-\d{8}-\d{4}\.sqlite", suggested[0].name)
    assert suggested[0].parent == sample_db.path.parent
    [(kind, _title, text)] = dialog_calls
    assert kind == "show_info" and str(target) in text
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM meetings").fetchone() == (8,)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (sample_db.revision,)
    assert window.db is sample_db


def test_back_up_into_a_missing_folder_says_why(db, make_window, dialog_calls, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "gone" / "copy.sqlite")
    window = make_window(db)
    window.backup_action.trigger()
    [(kind, _title, text)] = dialog_calls
    assert kind == "show_error" and "does not exist" in text


def test_window_geometry_is_remembered(db, make_window, qtbot):
    # Within the offscreen platform's 800x600 screen: restoreGeometry() keeps windows on screen.
    first = make_window(db)
    first.resize(QSize(700, 500))
    first.move(QPoint(30, 20))
    qtbot.wait(10)
    first.close()
    assert app_settings().value(WINDOW_GEOMETRY) is not None

    second = make_window(db)
    assert second.size() == QSize(700, 500)
    # The position comes back too (the offscreen platform's fake frame may shift it by a few pixels).
    assert (second.pos() - QPoint(30, 20)).manhattanLength() <= 6


def test_first_window_has_a_comfortable_default_size(db, make_window):
    window = make_window(db)
    available = window.screen().availableGeometry().size()
    assert window.width() == min(1200, int(available.width() * 0.95))
    assert window.height() == min(800, int(available.height() * 0.9))


def test_quit_closes_the_window(db, make_window):
    window = make_window(db)
    window.quit_action.trigger()
    assert not window.isVisible()
    assert app_settings().value(WINDOW_GEOMETRY) is not None


def test_remember_false_leaves_the_last_database_alone(db, make_window):
    app_settings().setValue(LAST_DATABASE, "/elsewhere/unnet.sqlite")
    make_window(db, remember=False)
    assert app_settings().value(LAST_DATABASE) == "/elsewhere/unnet.sqlite"


@pytest.mark.parametrize("key", [spec.key for spec in PAGES])
def test_every_page_renders_without_warnings(demo_db, make_window, key):
    window = make_window(demo_db)
    window.resize(1200, 800)
    window.show_page(key)
    QApplication.processEvents()
    image = window.grab()
    assert not image.isNull() and image.width() >= 1000


def test_menus_and_their_standard_shortcuts(db, make_window):
    from PySide6.QtGui import QKeySequence

    window = make_window(db)
    menus = {
        action.text().replace("&", ""): [
            a.text().replace("&", "") for a in action.menu().actions() if a.text()
        ]
        for action in window.menuBar().actions()
    }
    assert menus["File"] == ["New database…", "Open database…", "Back up now…", "Quit"]
    assert menus["Help"] == ["About unnet_desktop"]
    assert menus["View"][1:] == SIDEBAR
    # Ctrl+N belongs to the pages (new meeting, new person); a new database is Ctrl+Shift+N.
    assert window.new_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert not window.quit_action.shortcut().isEmpty()
    assert not window.backup_action.shortcut().isEmpty()


def test_refresh_rereads_the_dashboard(sample_db, make_window):
    window = make_window(sample_db)
    page = window.current_page()
    before = page.figures
    with sample_db.session() as s:
        from unnet_desktop.core.models import Person

        s.add(Person(full_name="Rina Puspitasari"))
    window.refresh_action.trigger()
    assert page.figures is not before
    assert page.people_card.value.text() == str(before.people + 1)
