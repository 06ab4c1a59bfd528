"""The scaffolding of the forms that save through a service and show its refusal inline, at the top
(the form stays open with what was typed): the person, organisation and library entry forms.

    layout, self.error, form = form_frame(self, "New person", 520)
    ...                                  # rows of ``form``, then layout.addLayout(form)
    self.buttons, self.save_button = save_cancel_buttons(self, layout)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .widgets import ALERT_COLOUR


def error_label(parent: QWidget) -> QLabel:
    """The line of a form that shows the service's refusal, hidden until there is one."""
    label = QLabel(parent)
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(
        f"QLabel#formError {{ color: {ALERT_COLOUR}; border: 1px solid {ALERT_COLOUR}; "
        "border-radius: 4px; padding: 6px 8px; }"
    )
    label.hide()
    return label


def show_form_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


def form_frame(dialog: QDialog, title: str, min_width: int) -> tuple[QVBoxLayout, QLabel, QFormLayout]:
    """The dialog's title and width, its layout with the error line on top, and a form whose fields
    grow (not yet added: the caller places it)."""
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(min_width)
    layout = QVBoxLayout(dialog)
    layout.setSpacing(10)
    error = error_label(dialog)
    layout.addWidget(error)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout, error, form


def save_cancel_buttons(dialog: QDialog, layout: QVBoxLayout) -> tuple[QDialogButtonBox, QPushButton]:
    """Save (the default button, calling ``dialog.save``) and Cancel, added at the bottom of ``layout``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setDefault(True)
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons, save_button


def date_toggle(text: str, value: dt.date | None, parent: QWidget) -> tuple[QHBoxLayout, QCheckBox, QDateEdit]:
    """A date that may be left out: a check box (``text``) turning on a date edit (today when empty)."""
    row = QHBoxLayout()
    check = QCheckBox(text, parent)
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    when = value or dt.date.today()
    edit.setDate(QDate(when.year, when.month, when.day))
    check.setChecked(value is not None)
    edit.setEnabled(value is not None)
    check.toggled.connect(edit.setEnabled)
    row.addWidget(check)
    row.addWidget(edit)
    row.addStretch(1)
    return row, check, edit


def toggled_date(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
    """The date of a ``date_toggle``, None when not ticked."""
    if not check.isChecked():
        return None
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def notes_edit(text: str, parent: QWidget) -> QPlainTextEdit:
    """A notes box four lines high; Tab moves on to the next field."""
    edit = QPlainTextEdit(text, parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(parent.fontMetrics().height() * 4 + 12)
    return edit


__all__ = [
    "date_toggle",
    "error_label",
    "form_frame",
    "notes_edit",
    "save_cancel_buttons",
    "show_form_error",
    "toggled_date",
]
