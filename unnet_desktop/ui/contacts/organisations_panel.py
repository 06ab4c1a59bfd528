"""The Organisations tab: filters by category and network role, members and observers marked,
the organisation form (focal point and alternate), archive / restore / delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import NetworkRole, OrganisationCategory
from ...core.errors import ValidationError
from ...services import contacts
from ...services.contacts import OrganisationRow
from .. import dialogs
from ..widgets import muted_label
from .common import ROLE_COLOURS, enum_combo, make_table, plural, set_column_widths, show_status
from .organisation_form import OrganisationForm
from .organisations_model import MEMBERS, OrganisationsModel


class OrganisationsPanel(QWidget):
    """The Organisations tab of the Contacts page."""

    #: Organisations were created, changed, archived, restored or deleted.
    changed = Signal()
    #: "Show its people": the organisation's id.
    show_people = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The form opened last (tests drive it).
        self.form: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)

        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search name or acronym   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.category_filter = enum_combo(OrganisationCategory, self, first=("All categories", None))
        self.role_filter = QComboBox(self)
        self.role_filter.addItem("Any network role", None)
        self.role_filter.addItem("Members (chair, co-chair, member)", MEMBERS)
        for role in NetworkRole:
            self.role_filter.addItem("Not in the Network" if role == NetworkRole.NONE else role.label, role)
        self.show_archived = QCheckBox("Show archived", self)
        filters.addWidget(self.search, 3)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.role_filter, 1)
        filters.addWidget(self.show_archived)
        layout.addLayout(filters)

        actions = QHBoxLayout()
        self.new_button = QPushButton("New organisation…", self)
        self.new_button.setToolTip("Add an organisation (Ctrl+N)")
        self.open_button = QPushButton("Open…", self)
        self.open_button.setToolTip(
            "Open the selected organisation: details, focal point and alternate (Enter or double click)"
        )
        self.people_button = QPushButton("Show its people", self)
        self.archive_button = QPushButton("Archive", self)
        self.archive_button.setToolTip("Hide the organisation from the lists (Delete)")
        self.restore_button = QPushButton("Restore", self)
        self.delete_button = QPushButton("Delete…", self)
        self.delete_button.setToolTip("Delete an organisation nothing refers to")
        for button in (
            self.new_button,
            self.open_button,
            self.people_button,
            self.archive_button,
            self.restore_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        legend = " ".join(
            f"<span style='color:{colour}'>●</span> {text}"
            for colour, text in (
                (ROLE_COLOURS["chair"], "Chair / co-chair"),
                (ROLE_COLOURS["member"], "Member"),
                (ROLE_COLOURS["observer"], "Observer"),
            )
        )
        self.legend = muted_label(legend, self, wrap=False)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        actions.addWidget(self.legend)
        actions.addSpacing(12)
        self.count_label = muted_label("", self, wrap=False)
        actions.addWidget(self.count_label)
        layout.addLayout(actions)

        self.model = OrganisationsModel(self.db, self)
        self.view = make_table(self, multi=False)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(OrganisationsModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setStretchLastSection(False)
        set_column_widths(self.view, OrganisationsModel.WIDTHS)
        header.setSectionResizeMode(OrganisationsModel.NAME, QHeaderView.ResizeMode.Stretch)
        # The role in full (a few hundred organisations at most: measuring them is cheap).
        header.setSectionResizeMode(OrganisationsModel.ROLE, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)

        self.search.textChanged.connect(lambda text: self.reload(text=text))
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.reload(category=self.category_filter.currentData())
        )
        self.role_filter.currentIndexChanged.connect(
            lambda _i: self.reload(network_role=self.role_filter.currentData())
        )
        self.show_archived.toggled.connect(lambda on: self.reload(include_archived=on))
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.model.modelReset.connect(self._update_buttons)
        self.view.activated.connect(lambda _index: self.edit_organisation())
        self.new_button.clicked.connect(self.new_organisation)
        self.open_button.clicked.connect(self.edit_organisation)
        self.people_button.clicked.connect(self._show_people)
        self.archive_button.clicked.connect(self.archive_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)

    # -- reading and changes --------------------------------------------------------------------

    def reload(self, **changes) -> None:
        chosen = self.current()
        if changes:
            self.model.update_query(**changes)
        else:
            self.model.reload()
        if chosen is not None:
            self.select_id(chosen.id)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(plural(self.model.rowCount(), "organisation"))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if OrganisationsModel.SORT_KEYS[column] is None:  # focal point, alternate: not sortable
            query = self.model.query
            back = OrganisationsModel.SORT_KEYS.index(query.order_by)
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                back, Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(False)

    def current(self) -> OrganisationRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record(index.row())

    def select_id(self, organisation_id: int) -> None:
        row = self.model.row_of(organisation_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        org = self.current()
        for button in (self.open_button, self.people_button, self.delete_button):
            button.setEnabled(org is not None)
        self.archive_button.setEnabled(org is not None and not org.archived)
        self.restore_button.setEnabled(org is not None and org.archived)
        self.restore_button.setVisible(self.show_archived.isChecked())

    def _open(self, form: OrganisationForm) -> OrganisationForm:
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.open()
        return form

    def _changed(self) -> None:
        """Organisations changed: the list read again, and the page told (``changed``)."""
        self.reload()
        self.changed.emit()

    def new_organisation(self) -> OrganisationForm:
        return self._open(OrganisationForm(self.db, self))

    def edit_organisation(self) -> OrganisationForm | None:
        org = self.current()
        if org is None:
            return None
        try:
            form = OrganisationForm(self.db, self, organisation_id=org.id)
        except ValidationError as exc:
            dialogs.show_error(self, "Cannot open", str(exc))
            self._changed()
            return None
        return self._open(form)

    def _saved(self, organisation_id: int) -> None:
        self._changed()
        self.select_id(organisation_id)
        show_status(self, f"Saved {contacts.get_organisation(self.db, organisation_id).display}.")

    def _show_people(self) -> None:
        org = self.current()
        if org is not None:
            self.show_people.emit(org.id)

    def archive_selected(self) -> None:
        org = self.current()
        if org is None or org.archived:
            return
        people = ""
        if org.people_count:
            people = f" Its {plural(org.people_count, 'person', 'people')} stay in the directory."
        if not dialogs.confirm(
            self,
            "Archive",
            f"Archive {org.display}?{people}\n\nArchived organisations are hidden from the lists; tick "
            "“Show archived” to see them and restore them.",
        ):
            return
        self._set_organisation_archived(org, True)

    def restore_selected(self) -> None:
        org = self.current()
        if org is not None and org.archived:
            self._set_organisation_archived(org, False)

    def _set_organisation_archived(self, org: OrganisationRow, archived: bool) -> None:
        try:
            contacts.archive_organisation(self.db, org.id, archived)
        except ValidationError as exc:
            dialogs.show_error(self, "Not changed", str(exc))
        self._changed()
        show_status(self, f"{'Archived' if archived else 'Restored'} {org.display}.")

    def delete_selected(self) -> None:
        org = self.current()
        if org is None:
            return
        if not dialogs.confirm(self, "Delete", f"Delete {org.display} from the directory?\n\nThis cannot be undone."):
            return
        try:
            contacts.delete_organisation(self.db, org.id)
        except ValidationError as exc:
            dialogs.show_warning(self, "Not deleted", str(exc))
            return
        self._changed()
        show_status(self, f"Deleted {org.display}.")
