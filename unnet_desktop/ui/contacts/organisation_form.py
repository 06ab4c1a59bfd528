"""The form of one organisation: create or edit, with its focal point and alternate chosen from
its own people. The rules (name required and unique, focal point one of its people...) are the
service's: a refusal is shown at the top of the form, which stays open."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from ...core.database import Database
from ...core.enums import NetworkRole, OrganisationCategory
from ...core.errors import ValidationError
from ...services import contacts
from ...services.contacts import OrganisationData
from ..forms import date_toggle, form_frame, notes_edit, save_cancel_buttons, show_form_error, toggled_date
from ..widgets import muted_label
from .common import enum_combo, plural, select_data

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
        title = f"Edit {data.name}" if organisation_id is not None else "New organisation"
        layout, self.error, form = form_frame(self, title, 540)
        self.name_edit = QLineEdit(data.name, self)
        self.name_edit.setPlaceholderText("Full name (required)")
        self.acronym_edit = QLineEdit(data.acronym or "", self)
        self.acronym_edit.setPlaceholderText("e.g. IOM")
        self.category_combo = enum_combo(OrganisationCategory, self)
        select_data(self.category_combo, OrganisationCategory.from_value(data.category))
        self.role_combo = enum_combo(NetworkRole, self)
        self.role_combo.setItemText(self.role_combo.findData(NetworkRole.NONE), "Not in the Network")
        select_data(self.role_combo, NetworkRole.from_value(data.network_role))

        since, self.member_since_check, self.member_since_edit = date_toggle("Member since", data.member_since, self)

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

        self.notes_edit = notes_edit(data.notes, self)

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

        self.buttons, self.save_button = save_cancel_buttons(self, layout)
        self.name_edit.setFocus()

    def form_data(self) -> OrganisationData:
        return OrganisationData(
            name=self.name_edit.text(),
            acronym=self.acronym_edit.text(),
            category=self.category_combo.currentData(),
            network_role=self.role_combo.currentData(),
            member_since=toggled_date(self.member_since_check, self.member_since_edit),
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
            show_form_error(self.error, str(exc))
            return
        self.saved.emit(self.organisation_id)
        self.accept()


def _person_text(person: contacts.PersonRow) -> str:
    return f"{person.display_name} — {person.position}" if person.position else person.display_name

