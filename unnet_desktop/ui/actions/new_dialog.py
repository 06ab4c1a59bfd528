"""A new action point without a meeting: description, responsible organisation and person, due
date, status (``create_action_point``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import ActionStatus
from ...services import action_points as service
from ..meetings.choosers import PersonField, organisation_combo
from ..meetings.common import FAILED, attempt, enum_combo, enum_value, pydate, qdate
from ..widgets import muted_label


class NewActionPointDialog(QDialog):
    """``action_point_id`` holds the new action point once accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self.action_point_id: int | None = None
        self.setWindowTitle("New action point")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted_label(
                "An action point that comes from no meeting (an e-mail, a call, a request of the chair). "
                "Action points of a meeting are added in its minutes.",
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText("What is to be done")
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow("&Description", self.description)
        self.organisation = organisation_combo(db, self)
        form.addRow("Responsible &organisation", self.organisation)
        self.person = PersonField(db, self, what="responsible person")
        form.addRow("Responsible &person", self.person)
        due_row = QHBoxLayout()
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        self.due.setMinimumDate(QDate(2000, 1, 1))
        self.due.setMaximumDate(QDate(2100, 12, 31))
        self.due.setDate(qdate((today or service.today_wib()) + dt.timedelta(days=14)))
        self.no_due = QCheckBox("None", self)
        self.no_due.toggled.connect(lambda checked: self.due.setEnabled(not checked))
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.no_due)
        due_label = QLabel("D&ue date", self)
        due_label.setBuddy(self.due)
        form.addRow(due_label, due_row)
        self.status = enum_combo(ActionStatus, self)
        form.addRow("&Status", self.status)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        # A name that finds nobody in particular is said, and the dialog stays.
        person_id = attempt(self, "Action point not created", self.person.person_id)
        if person_id is FAILED:
            return
        result = attempt(
            self,
            "Action point not created",
            service.create_action_point,
            self.db,
            description=self.description.toPlainText(),
            responsible_organisation_id=self.organisation.currentData(),
            responsible_person_id=person_id,
            due_date=None if self.no_due.isChecked() else pydate(self.due.date()),
            status=enum_value(self.status, ActionStatus),
        )
        if result is FAILED:
            return
        self.action_point_id = result
        super().accept()


__all__ = ["NewActionPointDialog"]
