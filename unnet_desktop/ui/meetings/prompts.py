"""The small questions the Meetings page asks: a date (approving the minutes) and a reason
(reopening approved minutes). Like ``ui.dialogs``, callers go through the module
(``prompts.ask_date(...)``) so that tests can patch these functions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .common import pydate, qdate


def _dialog(parent: QWidget | None, title: str, text: str) -> tuple[QDialog, QVBoxLayout, QDialogButtonBox]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return dialog, layout, buttons


def ask_date(
    parent: QWidget | None,
    title: str,
    text: str,
    default: dt.date,
    *,
    minimum: dt.date | None = None,
    maximum: dt.date | None = None,
    ok_text: str = "OK",
) -> dt.date | None:
    """A date chosen on a calendar, or None when the officer cancels."""
    dialog, layout, buttons = _dialog(parent, title, text)
    edit = QDateEdit(qdate(default), dialog)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    if minimum is not None:
        edit.setMinimumDate(qdate(minimum))
    if maximum is not None:
        edit.setMaximumDate(qdate(maximum))
    layout.addWidget(edit)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return pydate(edit.date())


def ask_reason(parent: QWidget | None, title: str, text: str, *, ok_text: str = "OK") -> str | None:
    """A few lines of text (a reason that is recorded), or None when the officer cancels."""
    dialog, layout, buttons = _dialog(parent, title, text)
    edit = QPlainTextEdit(dialog)
    edit.setTabChangesFocus(True)
    edit.setMinimumSize(420, 100)
    layout.addWidget(edit)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setEnabled(False)
    edit.textChanged.connect(lambda: ok.setEnabled(bool(edit.toPlainText().strip())))
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.toPlainText().strip()


__all__ = ["ask_date", "ask_reason"]
