"""Choosing a person, an organisation, a distribution list or a working group.

A person is chosen in a ``PersonField``: the officer types part of a name, an organisation, an
e-mail or a phone number and picks from the people the contact directory's own search
(``services.contacts.search_people``) finds. Nothing is loaded up front, so a directory of
thousands costs nothing until someone types.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from ...core.database import Database
from ...core.errors import ValidationError
from ...services import contacts
from ...services.distribution_lists import list_distribution_lists
from ...services.working_groups import list_working_groups

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


def person_text(row: contacts.PersonRow) -> str:
    """``Ms Dewi Lestari (IOM)``: how a chosen person reads in a field (as ``PersonRef.with_organisation``)."""
    short = row.organisation_short
    return f"{row.display_name} ({short})" if short else row.display_name


class PersonField(QLineEdit):
    """A line to find a person in the contact directory.

    Chooser mode (default): holds one person (``person_id()``; empty is "nobody").
    Picker mode (``pick_and_clear``): each choice is announced by ``person_chosen`` and the line
    is emptied for the next name (adding participants one after the other)."""

    person_changed = Signal(object)  # the chosen id, or None when emptied (chooser mode)
    person_chosen = Signal(int)  # picker mode
    RESULTS = 20
    DELAY_MS = 150

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        what: str = "person",
        pick_and_clear: bool = False,
        placeholder: str = "Type a name, an organisation or an e-mail…",
    ):
        super().__init__(parent)
        self.db = db
        self.what = what
        self.pick_and_clear = pick_and_clear
        self._person_id: int | None = None
        self._chosen_text = ""
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._on_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_edited)
        self.returnPressed.connect(self._on_return)

    # -- what it holds --------------------------------------------------------------------

    def set_person(self, person_id: int | None, text: str = "") -> None:
        self._person_id = person_id
        self._chosen_text = text if person_id is not None else ""
        self.setText(self._chosen_text)
        self.setCursorPosition(0)

    def person_id(self) -> int | None:
        """The chosen person; None when the line is empty. Text that names nobody in particular
        is refused (``ValidationError``) rather than silently dropped; a text that finds exactly
        one person is taken as that person."""
        text = self.text().strip()
        if not text:
            return None
        if self._person_id is not None and text == self._chosen_text:
            return self._person_id
        found = contacts.search_people(self.db, text, limit=2)
        if len(found) == 1:
            self.set_person(found[0].id, person_text(found[0]))
            return found[0].id
        raise ValidationError(
            f"Choose the {self.what} from the names that appear as you type "
            f"({text!r} {'finds several people' if found else 'is nobody in the contact directory'})."
        )

    # -- searching ------------------------------------------------------------------------

    def _on_edited(self, text: str) -> None:
        if not self.pick_and_clear and not text.strip() and self._person_id is not None:
            self._person_id, self._chosen_text = None, ""
            self.person_changed.emit(None)
        self._timer.start()

    def search_now(self) -> int:
        """Fill the list of matches for the text typed and show it; returns how many."""
        self._timer.stop()
        text = self.text().strip()
        self.results.clear()
        if not text or (not self.pick_and_clear and text == self._chosen_text):
            self.completer_.popup().hide()
            return 0
        for row in contacts.search_people(self.db, text, limit=self.RESULTS):
            label = person_text(row)
            item = QStandardItem(f"{label}  —  {row.email}" if row.email else label)
            item.setData(row.id, PERSON_ID_ROLE)
            item.setData(label, PERSON_TEXT_ROLE)
            item.setEditable(False)
            self.results.appendRow(item)
        if self.results.rowCount() and self.hasFocus():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()
        return self.results.rowCount()

    def choose_row(self, row: int) -> None:
        """Take the ``row``-th match (what clicking it in the list does)."""
        self._on_activated(self.results.index(row, 0))

    def _on_return(self) -> None:
        if self.completer_.popup().isVisible():
            return
        if self.search_now() == 1 and self.pick_and_clear:
            self.choose_row(0)

    def _on_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        person_id = int(index.data(PERSON_ID_ROLE))
        text = str(index.data(PERSON_TEXT_ROLE))
        self.completer_.popup().hide()
        if self.pick_and_clear:
            self.clear()
            self.results.clear()
            self.person_chosen.emit(person_id)
            return
        self.set_person(person_id, text)
        self.person_changed.emit(person_id)


def organisation_combo(db: Database, parent: QWidget, *, none_label: str = "— none —") -> QComboBox:
    """The organisations of the directory (short name and full name), first "none"."""
    combo = QComboBox(parent)
    combo.addItem(none_label, None)
    for org in contacts.search_organisations(db, order_by="acronym"):
        text = f"{org.acronym} — {org.name}" if org.acronym else org.name
        combo.addItem(text, org.id)
    combo.setMaxVisibleItems(20)
    # Long names do not make the combo (and its dialog) as wide as the longest of them.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(24)
    return combo


def distribution_list_combo(db: Database, parent: QWidget, *, first: tuple[str, object] | None = None) -> QComboBox:
    """The distribution lists (name and number of people), the list's id as item data."""
    combo = QComboBox(parent)
    fill_distribution_lists(db, combo, first=first)
    return combo


def fill_distribution_lists(db: Database, combo: QComboBox, *, first: tuple[str, object] | None = None) -> None:
    current = combo.currentData()
    combo.clear()
    if first is not None:
        combo.addItem(*first)
    for row in list_distribution_lists(db):
        combo.addItem(f"{row.name} ({row.member_count})", row.id)
        combo.setItemData(combo.count() - 1, row.description or row.name, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))


def working_group_combo(db: Database, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("— choose the working group —", None)
    for group in list_working_groups(db):
        combo.addItem(f"{group.short_name} — {group.name}", group.id)
    return combo


__all__ = [
    "PersonField",
    "distribution_list_combo",
    "fill_distribution_lists",
    "organisation_combo",
    "person_text",
    "working_group_combo",
]
