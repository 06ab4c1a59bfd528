"""UI fixtures: Qt settings in a temporary folder, windows closed after each test, dialogs recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sample_network import build_sample


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path):
    """The app's QSettings (INI) go to a folder of this test only."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def sample_db(db):
    build_sample(db)
    return db


@pytest.fixture
def make_window(qtbot):
    """``make_window(db)``: the main window over ``db``, shown and exposed, closed after the test."""
    from unnet_desktop.ui.main_window import MainWindow

    def make(database, **kwargs) -> MainWindow:
        window = MainWindow(database, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def dialog_calls(monkeypatch):
    """Every message box of ``ui.dialogs`` recorded as (function, title, text) instead of shown."""
    from unnet_desktop.ui import dialogs

    calls: list[tuple[str, str, str]] = []
    for name in ("show_error", "show_warning", "show_info", "show_about"):
        monkeypatch.setattr(
            dialogs, name, lambda parent, title, text, _name=name: calls.append((_name, title, text))
        )
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: pytest.fail("unexpected confirmation asked"))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: pytest.fail("unexpected open dialog"))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: pytest.fail("unexpected save dialog"))
    return calls
