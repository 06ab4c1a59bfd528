"""Every message box and file dialog of the app goes through these functions.

Tests patch them (``monkeypatch.setattr(dialogs, "ask_open_path", ...)``), so callers must use
``dialogs.show_error(...)`` through the module, never ``from .dialogs import show_error``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

DATABASE_FILTER = "unnet_desktop databases (*.sqlite *.sqlite3 *.db);;All files (*)"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box; ``text`` may be rich text."""
    QMessageBox.about(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, buttons, default) == QMessageBox.StandardButton.Yes


def ask_open_path(
    parent: QWidget | None, title: str, directory: Path | str = "", name_filter: str = DATABASE_FILTER
) -> Path | None:
    """An existing file chosen by the user, or None when they cancel."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, str(directory), name_filter)
    return Path(path) if path else None


def ask_save_path(
    parent: QWidget | None,
    title: str,
    suggested: Path | str = "",
    name_filter: str = DATABASE_FILTER,
    *,
    confirm_overwrite: bool = True,
) -> Path | None:
    """A file name to write, or None when the user cancels. ``suggested`` may be a full path."""
    options = QFileDialog.Option(0) if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
    path, _selected = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter, options=options)
    return Path(path) if path else None
