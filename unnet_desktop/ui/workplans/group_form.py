"""The working group form (create and edit) and the people search that adds members.

Checks are ``services.working_groups``' own: a refusal is shown and the form stays open.
People are found with ``services.contacts.search_people`` (every word of the search in the
name, organisation, position, e-mail or phone).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import WorkingGroupKind
from ...services import contacts
from ...services import working_groups as wg
from ...services import workplans as wp
from ..widgets import muted_label
from .common import FormDialog, ObjectivesPicker, OptionalDateEdit, plural

NO_ORGANISATION = "— None —"


class WorkingGroupDialog(FormDialog):
    """Create (``group`` None) or edit a working group."""

    error_title = "Working group not saved"

    def __init__(self, db: Database, group: wg.WorkingGroupData | None = None, parent: QWidget | None = None):
        super().__init__("New working group" if group is None else f"Working group · {group.name}", parent)
        self.db = db
        self.original = group
        self.resize(820, 640)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("e.g. Working Group on Fair Recruitment and Decent Work")
        self.short_name = QLineEdit(self)
        self.short_name.setMaximumWidth(180)
        self.short_name.setPlaceholderText("from the initials")
        self.short_name.setToolTip("Used in meeting references (e.g. 2025-WG-FRDW-01). Empty: made from the name.")
        self.kind = QComboBox(self)
        for kind in WorkingGroupKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setMaximumWidth(180)
        organisations = wp.organisation_choices(db)
        self.lead = self._organisation_combo(organisations)
        self.co_lead = self._organisation_combo(organisations)
        self.established = OptionalDateEdit("set", self)
        self.closed = OptionalDateEdit("set", self)
        self.closed.setToolTip("The group shows as closed from this day on.")
        self.purpose = QPlainTextEdit(self)
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlaceholderText("What the group works on, and for whom")
        self.purpose.setMaximumHeight(110)
        form.addRow("&Name", self.name)
        form.addRow("&Short name", self.short_name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Lead organisation", self.lead)
        form.addRow("&Co-lead organisation", self.co_lead)
        form.addRow("Established on", self.established)
        form.addRow("Closed on", self.closed)
        form.addRow("&Purpose", self.purpose)
        self.content.addLayout(form)
        box = QGroupBox("GCM objectives the group works on", self)
        box_layout = QVBoxLayout(box)
        self.objectives = ObjectivesPicker(wp.objective_choices(db), box, columns=2)
        box_layout.addWidget(self.objectives)
        self.content.addWidget(box, 1)
        if group is not None:
            self._fill(group)
        self.name.setFocus()

    def _organisation_combo(self, organisations) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(NO_ORGANISATION, None)
        for choice in organisations:
            combo.addItem(choice.label, choice.id)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index < 0 and value is not None:  # an archived organisation: keep it
            combo.addItem(f"Organisation #{value} (archived)", value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _fill(self, g: wg.WorkingGroupData) -> None:
        self.name.setText(g.name)
        self.short_name.setText(g.short_name)
        self._select(self.kind, g.kind)
        self._select(self.lead, g.lead_organisation_id)
        self._select(self.co_lead, g.co_lead_organisation_id)
        self.established.set_date(g.established_on)
        self.closed.set_date(g.closed_on)
        self.purpose.setPlainText(g.purpose)
        self.objectives.set_checked(g.objectives)

    def data(self) -> wg.WorkingGroupData:
        values = dict(
            name=self.name.text(),
            short_name=self.short_name.text(),
            kind=self.kind.currentData(),
            purpose=self.purpose.toPlainText(),
            objectives=self.objectives.checked(),
            lead_organisation_id=self.lead.currentData(),
            co_lead_organisation_id=self.co_lead.currentData(),
            established_on=self.established.date(),
            closed_on=self.closed.date(),
        )
        if self.original is None:
            return wg.WorkingGroupData(**values)
        return wg.WorkingGroupData(**values, id=self.original.id, uuid=self.original.uuid)

    def save(self) -> wg.WorkingGroupData:
        data = self.data()
        if self.original is None or self.original.id is None:
            return wg.create_working_group(self.db, data)
        return wg.update_working_group(self.db, self.original.id, data)


class PeopleSearchDialog(FormDialog):
    """Find people in the contact directory and add the ones chosen to the group."""

    error_title = "Members not added"
    ok_text = "Add"
    #: At most this many people are listed; more words narrow the search.
    LIMIT = 100

    def __init__(self, db: Database, group_id: int, group_name: str, parent: QWidget | None = None):
        super().__init__(f"Add members · {group_name}", parent)
        self.db, self.group_id = db, group_id
        self.members = {m.person_id for m in wg.group_members(db, group_id)}
        self.resize(600, 520)
        self.content.addWidget(QLabel(f"Find people to add to <b>{group_name}</b>:", self))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Name, organisation, position or e-mail…")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setAlternatingRowColors(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.note = muted_label("", self)
        self.content.addWidget(self.search)
        self.content.addWidget(self.results, 1)
        self.content.addWidget(self.note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.results.itemSelectionChanged.connect(self._update_button)
        self.results.itemDoubleClicked.connect(lambda _item: self.submit())
        self.run_search()
        self.search.setFocus()

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        people = [
            p
            for p in contacts.search_people(self.db, text, limit=self.LIMIT + len(self.members))
            if p.id not in self.members
        ][: self.LIMIT]
        self.results.clear()
        for person in people:
            details = " · ".join(part for part in (person.organisation_short, person.position) if part)
            item = QListWidgetItem(f"{person.display_name}" + (f"  —  {details}" if details else ""), self.results)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setToolTip("\n".join(x for x in (person.display_name, person.organisation_name, person.position, person.email) if x))
        if not people:
            self.note.setText("Nobody found who is not a member already." if text else "The contact directory has nobody to add.")
        elif len(people) == self.LIMIT:
            self.note.setText(f"The first {self.LIMIT} people found; type more to narrow the list.")
        else:
            self.note.setText(
                f"{plural(len(people), 'person', 'people')} found (members already in the group are not listed). "
                "Choose one or more (Ctrl+click), then Add."
            )
        self._update_button()

    def chosen_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.results.selectedItems()]

    def _update_button(self) -> None:
        self.ok_button.setEnabled(bool(self.chosen_ids()))

    def save(self) -> int:
        ids = self.chosen_ids()
        if not ids:
            return 0
        return wg.add_members(self.db, self.group_id, ids)
