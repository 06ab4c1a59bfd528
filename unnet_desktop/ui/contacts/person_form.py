"""The form of one person: create or edit. The rules (name required, e-mail syntax, an e-mail
already used by someone else) are the service's: a refusal is shown at the top of the form,
which stays open with everything typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from ...core.database import Database
from ...core.enums import Sex
from ...core.errors import ValidationError
from ...services import contacts
from ...services.contacts import PersonData
from ..forms import form_frame, notes_edit, save_cancel_buttons, show_form_error
from ..widgets import muted_label
from .common import enum_combo, select_data

NO_ORGANISATION_TEXT = "(no organisation)"


class OrganisationCombo(QComboBox):
    """The organisations to choose from, typed into: 'iom' or 'migration' finds IOM."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, include_archived_id: int | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(NO_ORGANISATION_TEXT, None)
        for org in contacts.organisation_choices(db):
            if org.archived and org.id != include_archived_id:
                continue
            self.addItem(org.display, org.id)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setPlaceholderText("Type to find the organisation")

    def organisation_id(self) -> int | None | str:
        """The chosen organisation's id, None for none, or the typed text matching no organisation."""
        text = self.currentText().strip()
        if not text or text == NO_ORGANISATION_TEXT:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index >= 0 else text

    def set_organisation_id(self, organisation_id: int | None) -> None:
        select_data(self, organisation_id)


class PersonForm(QDialog):
    """``PersonForm(db, parent)`` creates; ``PersonForm(db, parent, person_id=7)`` edits.

    Opened with ``open()`` (window-modal, not blocking); ``saved`` gives the person's id."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        person_id: int | None = None,
        organisation_id: int | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.person_id = person_id
        data = contacts.get_person_data(db, person_id) if person_id is not None else PersonData()
        row = contacts.get_person(db, person_id) if person_id is not None else None
        layout, self.error, form = form_frame(self, f"Edit {row.display_name}" if row else "New person", 520)
        self.title_edit = QLineEdit(data.title, self)
        self.title_edit.setPlaceholderText("Ms, Mr, Dr, Ibu, Bapak…")
        self.title_edit.setMaxLength(contacts.MAX_TITLE)
        self.name_edit = QLineEdit(data.full_name, self)
        self.name_edit.setPlaceholderText("Full name (required)")
        self.sex_combo = enum_combo(Sex, self, members=(Sex.NOT_RECORDED, Sex.FEMALE, Sex.MALE, Sex.OTHER))
        select_data(self.sex_combo, contacts.parse_sex(data.sex))
        self.organisation_combo = OrganisationCombo(db, self, include_archived_id=data.organisation_id)
        self.organisation_combo.set_organisation_id(
            data.organisation_id if person_id is not None else organisation_id
        )
        self.position_edit = QLineEdit(data.position, self)
        self.email_edit = QLineEdit(data.email or "", self)
        self.email_edit.setPlaceholderText("name@agency.org")
        self.alt_email_edit = QLineEdit(data.alt_email or "", self)
        self.phone_edit = QLineEdit(data.phone, self)
        self.phone_edit.setPlaceholderText("+62 812 3456 7890")
        self.notes_edit = notes_edit(data.notes, self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Name", self.name_edit)
        form.addRow("&Sex", self.sex_combo)
        form.addRow("&Organisation", self.organisation_combo)
        form.addRow("&Position", self.position_edit)
        form.addRow("&E-mail", self.email_edit)
        form.addRow("&Alternative e-mail", self.alt_email_edit)
        form.addRow("P&hone", self.phone_edit)
        form.addRow("No&tes", self.notes_edit)
        layout.addLayout(form)

        self.about = muted_label("", self)
        layout.addWidget(self.about)
        if row is not None:
            self.about.setText(_about(db, row))
        self.about.setVisible(bool(self.about.text()))

        self.buttons, self.save_button = save_cancel_buttons(self, layout)
        self.name_edit.setFocus()

    def form_data(self) -> PersonData | None:
        """What the form holds (None, with the error shown, when the organisation is unknown)."""
        organisation = self.organisation_combo.organisation_id()
        if isinstance(organisation, str):
            self.show_error(
                f"There is no organisation called '{organisation}'. Choose one from the list, or add it on the "
                "Organisations tab first."
            )
            self.organisation_combo.setFocus()
            return None
        return PersonData(
            full_name=self.name_edit.text(),
            title=self.title_edit.text(),
            sex=self.sex_combo.currentData(),
            position=self.position_edit.text(),
            organisation_id=organisation,
            email=self.email_edit.text(),
            alt_email=self.alt_email_edit.text(),
            phone=self.phone_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> None:
        data = self.form_data()
        if data is None:
            return
        try:
            if self.person_id is None:
                self.person_id = contacts.create_person(self.db, data)
            else:
                contacts.update_person(self.db, self.person_id, data)
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.saved.emit(self.person_id)
        self.accept()

    def show_error(self, text: str) -> None:
        show_form_error(self.error, text)


def _about(db: Database, row: contacts.PersonRow) -> str:
    """What the directory knows about a person beyond the form: archived, where they are used."""
    refs = contacts.person_references(db, row.id)
    lines = []
    if row.archived:
        lines.append("Archived: hidden from the lists unless 'Show archived' is ticked.")
    used = refs.describe()
    if used:
        lines.append(f"Recorded in {used}.")
    if refs.focal_point_of:
        lines.append(f"Focal point or alternate of {', '.join(refs.focal_point_of)}.")
    return "\n".join(lines)

