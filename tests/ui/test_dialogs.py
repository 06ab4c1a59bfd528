"""The one place for message boxes and file dialogs: arguments passed on, answers turned into Paths."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from unnet_desktop.ui import app as ui_app
from unnet_desktop.ui import dialogs


def test_ask_save_path_passes_the_suggestion_and_returns_a_path(qapp, monkeypatch, tmp_path):
    seen = []

    def fake(parent, title, suggested, name_filter, options):
        seen.append((title, suggested, name_filter, options))
        return str(tmp_path / "copy.sqlite"), name_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert dialogs.ask_save_path(None, "Back up", tmp_path / "x.sqlite") == tmp_path / "copy.sqlite"
    assert dialogs.ask_save_path(None, "New", "", confirm_overwrite=False) == tmp_path / "copy.sqlite"
    assert seen[0][:3] == ("Back up", str(tmp_path / "x.sqlite"), dialogs.DATABASE_FILTER)
    assert seen[0][3] == QFileDialog.Option(0)
    assert seen[1][3] == QFileDialog.Option.DontConfirmOverwrite


def test_cancelled_file_dialogs_give_none(qapp, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert dialogs.ask_save_path(None, "Back up") is None
    assert dialogs.ask_open_path(None, "Open") is None


def test_ask_open_path_returns_the_chosen_file(qapp, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("/data/unnet.sqlite", "")))
    assert dialogs.ask_open_path(None, "Open database", "/data") == Path("/data/unnet.sqlite")


def test_confirm_is_true_only_for_yes(qapp, monkeypatch):
    answers = iter([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: next(answers)))
    assert dialogs.confirm(None, "Delete", "Delete the person?") is True
    assert dialogs.confirm(None, "Delete", "Delete the person?") is False


def test_a_bug_reaching_the_event_loop_is_shown_not_lost(qapp, dialog_calls, capsys):
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        ui_app._excepthook(type(exc), exc, exc.__traceback__)
    [(kind, title, text)] = dialog_calls
    assert kind == "show_error" and title == "Unexpected error"
    assert "ZeroDivisionError: division by zero" in text
    assert "Traceback" in capsys.readouterr().err
