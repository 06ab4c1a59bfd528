"""The People tab: search as you type, filters, the list (ids only, rows read when shown, sorted
in SQL), the person form, archive / restore / delete, and "Add to list"."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import OrganisationCategory, Sex
from ...core.errors import ValidationError
from ...services import contacts
from ...services import distribution_lists as lists
from ...services.contacts import PersonRow
from .. import dialogs
from ..widgets import muted_label
from .common import enum_combo, make_table, plural, select_data, set_column_widths, show_status
from .lists_panel import ListForm
from .people_model import PeopleModel
from .person_form import PersonForm


class PeoplePanel(QWidget):
    """The People tab of the Contacts page."""

    #: A search slower than FAST_MS waits for a pause in the typing of SEARCH_DELAY_MS.
    SEARCH_DELAY_MS = 150
    FAST_MS = 25.0

    #: People were created, changed, archived, restored or deleted.
    changed = Signal()
    #: People were put on a distribution list (or a list made for them).
    lists_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The form opened last (tests drive it).
        self.form: QWidget | None = None
        #: People not archived, and everyone: read by ``update_totals``.
        self.totals = (0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)

        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search name, organisation, position, e-mail or phone   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.organisation_filter = QComboBox(self)
        self.organisation_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.organisation_filter.setMinimumContentsLength(16)
        self.organisation_filter.setToolTip("People of one organisation")
        self.category_filter = enum_combo(OrganisationCategory, self, first=("All categories", None))
        self.category_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.category_filter.setMinimumContentsLength(12)
        self.category_filter.setToolTip("The category of their organisation")
        self.sex_filter = enum_combo(Sex, self, first=("Any sex", None))
        self.show_archived = QCheckBox("Show archived", self)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.organisation_filter, 2)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.sex_filter)
        filters.addWidget(self.show_archived)
        layout.addLayout(filters)

        actions = QHBoxLayout()
        self.new_button = QPushButton("New person…", self)
        self.new_button.setToolTip("Add a person to the directory (Ctrl+N)")
        self.open_button = QPushButton("Open…", self)
        self.open_button.setToolTip("Open the selected person (Enter or double click)")
        self.archive_button = QPushButton("Archive", self)
        self.archive_button.setToolTip("Hide the selected people from the lists (Delete); meetings keep them")
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.setToolTip("Bring archived people back into the lists")
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete someone no meeting or action point refers to")
        self.add_to_list_button = QPushButton("Add to list", self)
        self.add_to_list_button.setToolTip("Put the selected people on a distribution list")
        self.add_to_list_menu = QMenu(self.add_to_list_button)
        self.add_to_list_button.setMenu(self.add_to_list_menu)
        self.add_to_list_menu.aboutToShow.connect(self.fill_list_menu)
        for button in (
            self.new_button,
            self.open_button,
            self.archive_button,
            self.restore_button,
            self.delete_button,
            self.add_to_list_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = muted_label("", self, wrap=False)
        actions.addWidget(self.count_label)
        layout.addLayout(actions)

        self.empty_label = muted_label("", self)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(lambda _link: self.clear_filters())
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.model = PeopleModel(self.db, self)
        self.view = make_table(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(PeopleModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # the model sorts in SQL
        header.setStretchLastSection(False)
        set_column_widths(
            self.view,
            {
                PeopleModel.NAME: 24,
                PeopleModel.ORGANISATION: 11,
                PeopleModel.CATEGORY: 16,
                PeopleModel.EMAIL: 27,
                PeopleModel.PHONE: 19,
                PeopleModel.SEX: 9,
            },
        )
        header.setSectionResizeMode(PeopleModel.POSITION, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_entered)
        self.organisation_filter.currentIndexChanged.connect(self._filters_changed)
        self.category_filter.currentIndexChanged.connect(self._filters_changed)
        self.sex_filter.currentIndexChanged.connect(self._filters_changed)
        self.show_archived.toggled.connect(self._filters_changed)
        self.model.searched.connect(lambda *_: self._update_count())
        self.model.modelReset.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.activated.connect(lambda _index: self.edit_person())
        self.new_button.clicked.connect(self.new_person)
        self.open_button.clicked.connect(self.edit_person)
        self.archive_button.clicked.connect(self.archive_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    # -- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the organisations of the filter and the people again, keeping the selection."""
        self.fill_organisation_filter()
        selected = self.selected_ids()
        self.model.reload()
        self.select_ids(selected)

    def update_totals(self) -> tuple[int, int]:
        """Count the people not archived and everyone (the list's own length when it is everyone)."""
        model = self.model
        if model.loaded and not self._filters_active() and not model.query.include_archived:
            active = model.rowCount()  # the list is everyone: no need to count again
        else:
            active = contacts.count_people(self.db)
        self.totals = (active, contacts.count_people(self.db, include_archived=True))
        self._update_count()
        return self.totals

    def fill_organisation_filter(self) -> None:
        combo = self.organisation_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All organisations", None)
        combo.addItem("No organisation", contacts.NO_ORGANISATION)
        for org in contacts.organisation_choices(self.db):
            combo.addItem(f"{org.display} (archived)" if org.archived else org.display, org.id)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if chosen is not None and index < 0:  # the organisation chosen is gone
            self._filters_changed()

    # -- search and filters -------------------------------------------------------

    def _search_typed(self, _text: str) -> None:
        # A fast search follows each key; a slow one waits for a pause in the typing.
        self._search_timer.start(0 if self.model.last_query_ms < self.FAST_MS else self.SEARCH_DELAY_MS)

    def _apply_search(self) -> None:
        self.model.update_query(text=self.search.text())

    def _search_entered(self) -> None:
        """Enter in the search box: search now and go to the first person found."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._apply_search()
        if self.model.rowCount():
            self.view.setFocus()
            if not self.view.selectionModel().hasSelection():
                self.view.selectRow(0)

    def _filters_changed(self, *_args) -> None:
        self.model.update_query(
            organisation_id=self.organisation_filter.currentData(),
            category=self.category_filter.currentData(),
            sex=self.sex_filter.currentData(),
            include_archived=self.show_archived.isChecked(),
        )

    def _filters_active(self) -> bool:
        q = self.model.query
        return bool(q.text.strip()) or any(
            v is not None for v in (q.organisation_id, q.category, q.sex)
        )

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = self.totals[1] if self.model.query.include_archived else self.totals[0]
        filtered = self._filters_active()
        if filtered:
            self.count_label.setText(f"{shown:,} of {plural(total, 'person', 'people')}")
        else:
            self.count_label.setText(plural(shown, "person", "people"))
        if shown:
            self.empty_label.hide()
            return
        if filtered:
            self.empty_label.setText("Nobody matches the search and filters. <a href='clear'>Show everyone</a>")
        elif self.totals[1]:
            self.empty_label.setText("Everyone in the directory is archived: tick “Show archived” to see them.")
        else:
            self.empty_label.setText(
                "The directory is empty: add people with “New person…”, or bring an attendance sheet in with "
                "“Import from Excel…”."
            )
        self.empty_label.show()

    def clear_filters(self, organisation_id: int | None = None) -> None:
        """Empty the search box and set every filter back to all, or to one organisation's
        people (one search, not one per filter)."""
        self._search_timer.stop()
        widgets = (self.search, self.organisation_filter, self.category_filter, self.sex_filter)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.organisation_filter, self.category_filter, self.sex_filter):
            combo.setCurrentIndex(0)
        if organisation_id is not None:
            select_data(self.organisation_filter, organisation_id)
        for widget in widgets:
            widget.blockSignals(False)
        self.model.update_query(
            text="", organisation_id=self.organisation_filter.currentData(), category=None, sex=None
        )

    # -- selection ----------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.id_at(row) for row in rows if row < self.model.rowCount()]

    def selected(self) -> list[PersonRow]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return self.model.people(rows)

    def current(self) -> PersonRow | None:
        index = self.view.currentIndex()
        if index.isValid() and self.view.selectionModel().isRowSelected(index.row()):
            return self.model.person(index.row())
        people = self.selected()
        return people[0] if people else None

    def select_ids(self, ids: list[int]) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids[:200]) if r >= 0]
        if not rows:
            return
        view = self.view
        view.setCurrentIndex(self.model.index(rows[0], 0))
        view.selectRow(rows[0])
        if len(rows) > 1:
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for row in rows:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
            view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        view.scrollTo(self.model.index(rows[0], 0))

    def _update_buttons(self) -> None:
        people = self.selected()
        self.open_button.setEnabled(len(people) == 1)
        self.archive_button.setEnabled(any(not p.archived for p in people))
        self.restore_button.setEnabled(any(p.archived for p in people))
        self.restore_button.setVisible(self.show_archived.isChecked() or any(p.archived for p in people))
        self.delete_button.setEnabled(len(people) == 1)
        self.add_to_list_button.setEnabled(bool(people))
        self.add_to_list_button.setText(f"Add {len(people):,} to list" if len(people) > 1 else "Add to list")

    # -- changes ------------------------------------------------------------------

    def _open(self, form):
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()
        return form

    def new_person(self) -> PersonForm:
        organisation = self.organisation_filter.currentData()
        form = PersonForm(self.db, self, organisation_id=organisation or None)
        form.saved.connect(self._person_saved)
        return self._open(form)

    def edit_person(self) -> PersonForm | None:
        person = self.current()
        if person is None:
            return None
        try:
            form = PersonForm(self.db, self, person_id=person.id)
        except ValidationError as exc:  # deleted meanwhile
            dialogs.show_error(self, "Cannot open", str(exc))
            self._changed([])
            return None
        form.saved.connect(self._person_saved)
        return self._open(form)

    def _person_saved(self, person_id: int) -> None:
        self._changed([person_id])
        person = contacts.get_person(self.db, person_id)
        if self.model.row_of(person_id) < 0:
            show_status(self, f"Saved {person.display_name}; the current search or filters do not show them.")
        else:
            show_status(self, f"Saved {person.display_name}.")

    def _changed(self, select: list[int] | None = None) -> None:
        """People changed: the list read again (``changed`` tells the page: counts, lists)."""
        chosen = select if select is not None else self.selected_ids()
        self.model.reload()
        self.select_ids(chosen)
        self.changed.emit()

    def archive_selected(self) -> None:
        people = [p for p in self.selected() if not p.archived]
        if not people:
            return
        if len(people) == 1:
            person = people[0]
            refs = contacts.person_references(self.db, person.id)
            kept = f"\n\nThey are recorded in {refs.describe()}; those records keep them." if refs.describe() else ""
            text = (
                f"Archive {person.display_name}{_org(person)}?{kept}\n\n"
                "Archived people are hidden from the lists; tick “Show archived” to see them and restore them."
            )
        else:
            text = (
                f"Archive {plural(len(people), 'person', 'people')}?\n\n"
                "Archived people are hidden from the lists; meetings and action points keep them. "
                "Tick “Show archived” to see them and restore them."
            )
        if not dialogs.confirm(self, "Archive", text):
            return
        try:
            for person in people:
                contacts.archive_person(self.db, person.id)
        except ValidationError as exc:
            dialogs.show_error(self, "Not archived", str(exc))
        self._changed([p.id for p in people])
        who = people[0].display_name if len(people) == 1 else plural(len(people), "person", "people")
        show_status(self, f"Archived {who}.")

    def restore_selected(self) -> None:
        people = [p for p in self.selected() if p.archived]
        try:
            for person in people:
                contacts.restore_person(self.db, person.id)
        except ValidationError as exc:
            dialogs.show_error(self, "Not restored", str(exc))
        self._changed([p.id for p in people])
        if people:
            who = people[0].display_name if len(people) == 1 else plural(len(people), "person", "people")
            show_status(self, f"Restored {who}.")

    def delete_selected(self) -> None:
        person = self.current()
        if person is None:
            return
        refs = contacts.person_references(self.db, person.id)
        name = f"{person.display_name}{_org(person)}"
        if refs.blocks_delete:
            if person.archived:
                dialogs.show_info(
                    self,
                    "Cannot delete",
                    f"{name} cannot be deleted: they are recorded in {refs.describe()}. They stay archived.",
                )
                return
            if dialogs.confirm(
                self,
                "Cannot delete",
                f"{name} cannot be deleted: they are recorded in {refs.describe()}.\n\n"
                "Archive them instead? They will be hidden from the lists; those records keep them.",
                default_yes=True,
            ):
                self._archive_one(person)
            return
        roles = ""
        if refs.focal_point_of:
            roles = f"\n\nThey are the focal point or alternate of {', '.join(refs.focal_point_of)}."
        if not dialogs.confirm(
            self,
            "Delete",
            f"Delete {name} from the directory?{roles}\n\nThis cannot be undone.",
        ):
            return
        try:
            contacts.delete_person(self.db, person.id)
        except ValidationError as exc:
            dialogs.show_error(self, "Not deleted", str(exc))
        self._changed([])
        show_status(self, f"Deleted {person.display_name}.")

    def _archive_one(self, person: PersonRow) -> None:
        try:
            contacts.archive_person(self.db, person.id)
        except ValidationError as exc:
            dialogs.show_error(self, "Not archived", str(exc))
        self._changed([person.id])
        show_status(self, f"Archived {person.display_name}.")

    # -- distribution lists -------------------------------------------------------

    def fill_list_menu(self) -> None:
        menu = self.add_to_list_menu
        menu.clear()
        for row in lists.list_distribution_lists(self.db):
            action = menu.addAction(f"{row.name} ({row.member_count:,})")
            action.triggered.connect(lambda _checked=False, list_id=row.id: self.add_selected_to_list(list_id))
        if menu.actions():
            menu.addSeparator()
        menu.addAction("New list…").triggered.connect(self._new_list_for_selection)

    def add_selected_to_list(self, list_id: int) -> int:
        """Put the selected people on a list; returns how many were added."""
        ids = self.selected_ids()
        if not ids:
            return 0
        try:
            added = lists.add_members(self.db, list_id, ids)
        except ValidationError as exc:
            dialogs.show_error(self, "Nobody added", str(exc))
            return 0
        name = next((r.name for r in lists.list_distribution_lists(self.db) if r.id == list_id), "the list")
        already = len(ids) - added
        note = f" ({plural(already, 'person', 'people')} already on it)" if already else ""
        show_status(self, f"Added {plural(added, 'person', 'people')} to “{name}”{note}.")
        self.lists_changed.emit()
        return added

    def _new_list_for_selection(self) -> None:
        ids = self.selected_ids()
        form = ListForm(self.db, self)
        form.saved.connect(lambda list_id: self._list_created_for(list_id, ids))
        self._open(form)

    def _list_created_for(self, list_id: int, ids: list[int]) -> None:
        self.select_ids(ids)
        self.add_selected_to_list(list_id)


def _org(person: PersonRow) -> str:
    return f" ({person.organisation_short})" if person.organisation_short else ""
