"""The form of one organisation: create or edit, with its focal point and alternate chosen from
its own people. The rules (name required and unique, focal point one of its people...) are the
service's: a refusal is shown at the top of the form, which stays open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import NetworkRole, OrganisationCategory
from ...core.errors import ValidationError
from ...services import contacts
from ...services.contacts import OrganisationData
from ..widgets import muted_label
from .common import enum_combo, error_label, plural, select_data

NOBODY = "(nobody)"


class OrganisationForm(QDialog):
    """``OrganisationForm(db, parent)`` creates; ``organisation_id=`` edits. ``saved`` gives the id."""

    saved = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *, organisation_id: int | None = None):
        super().__init__(parent)
        self.db = db
        self.organisation_id = organisation_id
        data = (
            contacts.get_organisation_data(db, organisation_id) if organisation_id is not None else OrganisationData()
        )
        self.setWindowTitle(f"Edit {data.name}" if organisation_id is not None else "New organisation")
        self.setMinimumWidth(540)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.error = error_label(self)
        layout.addWidget(self.error)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(data.name, self)
        self.name_edit.setPlaceholderText("Full name (required)")
        self.acronym_edit = QLineEdit(data.acronym or "", self)
        self.acronym_edit.setPlaceholderText("e.g. IOM")
        self.category_combo = enum_combo(OrganisationCategory, self)
        select_data(self.category_combo, OrganisationCategory.from_value(data.category))
        self.role_combo = enum_combo(NetworkRole, self)
        self.role_combo.setItemText(self.role_combo.findData(NetworkRole.NONE), "Not in the Network")
        select_data(self.role_combo, NetworkRole.from_value(data.network_role))

        since = QHBoxLayout()
        self.member_since_check = QCheckBox("Member since", self)
        self.member_since_edit = QDateEdit(self)
        self.member_since_edit.setCalendarPopup(True)
        self.member_since_edit.setDisplayFormat("d MMM yyyy")
        when = data.member_since or dt.date.today()
        self.member_since_edit.setDate(QDate(when.year, when.month, when.day))
        self.member_since_check.setChecked(data.member_since is not None)
        self.member_since_edit.setEnabled(data.member_since is not None)
        self.member_since_check.toggled.connect(self.member_since_edit.setEnabled)
        since.addWidget(self.member_since_check)
        since.addWidget(self.member_since_edit)
        since.addStretch(1)

        self.focal_combo = QComboBox(self)
        self.alternate_combo = QComboBox(self)
        people = (
            contacts.search_people(db, organisation_id=organisation_id) if organisation_id is not None else []
        )
        for combo, chosen in ((self.focal_combo, data.focal_point_id), (self.alternate_combo, data.alternate_id)):
            combo.addItem(NOBODY, None)
            for person in people:
                combo.addItem(_person_text(person), person.id)
            select_data(combo, chosen)
        if organisation_id is None:
            hint = "Add its people first; then its focal point and alternate are chosen here."
        elif not people:
            hint = "Nobody in the directory belongs to this organisation yet."
        else:
            hint = f"Chosen from its {plural(len(people), 'person', 'people')} (archived people cannot be chosen)."
        for combo in (self.focal_combo, self.alternate_combo):
            combo.setEnabled(bool(people))
        self.people_hint = muted_label(hint, self)

        self.notes_edit = QPlainTextEdit(data.notes, self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4 + 12)

        form.addRow("&Name", self.name_edit)
        form.addRow("&Acronym", self.acronym_edit)
        form.addRow("&Category", self.category_combo)
        form.addRow("Network &role", self.role_combo)
        form.addRow("", since)
        form.addRow("&Focal point", self.focal_combo)
        form.addRow("A&lternate", self.alternate_combo)
        form.addRow("", self.people_hint)
        form.addRow("No&tes", self.notes_edit)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def form_data(self) -> OrganisationData:
        since = self.member_since_edit.date()
        return OrganisationData(
            name=self.name_edit.text(),
            acronym=self.acronym_edit.text(),
            category=self.category_combo.currentData(),
            network_role=self.role_combo.currentData(),
            member_since=dt.date(since.year(), since.month(), since.day())
            if self.member_since_check.isChecked()
            else None,
            notes=self.notes_edit.toPlainText(),
            focal_point_id=self.focal_combo.currentData(),
            alternate_id=self.alternate_combo.currentData(),
        )

    def save(self) -> None:
        data = self.form_data()
        try:
            if self.organisation_id is None:
                self.organisation_id = contacts.create_organisation(self.db, data)
            else:
                contacts.update_organisation(self.db, self.organisation_id, data)
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.saved.emit(self.organisation_id)
        self.accept()


def _person_text(person: contacts.PersonRow) -> str:
    return f"{person.display_name} — {person.position}" if person.position else person.display_name

