"""Distribution lists: the lists on the left (create, rename, delete), the people of the chosen
one on the right (take them off, export them). People are added from the People tab, by
selecting them and choosing "Add to list"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.errors import ValidationError
from ...services import distribution_lists as lists
from ...services.distribution_lists import DistributionListRow
from .. import dialogs
from ..forms import error_label
from ..table_model import Column, RecordTableModel
from ..widgets import Card, muted_label, scaled_font
from .common import make_table, plural, set_column_widths, show_status
from .people_model import PeopleModel, PeopleQuery


class ListsModel(RecordTableModel[DistributionListRow]):
    NAME, PEOPLE = range(2)
    columns = (
        Column("List", lambda r: r.name, tooltip=lambda r: r.description or None),
        Column("People", lambda r: str(r.member_count), align_right=True),
    )

    def row_of(self, list_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == list_id:
                return row
        return -1


class ListForm(QDialog):
    """Create a list, or rename one (``list_id``). ``saved`` gives the list's id."""

    saved = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *, row: DistributionListRow | None = None):
        super().__init__(parent)
        self.db = db
        self.list_id = row.id if row else None
        self.setWindowTitle(f"Rename {row.name}" if row else "New distribution list")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        self.error = error_label(self)
        layout.addWidget(self.error)
        form = QFormLayout()
        self.name_edit = QLineEdit(row.name if row else "", self)
        self.name_edit.setPlaceholderText("e.g. Returning migrant workers working group")
        self.description_edit = QLineEdit(row.description if row else "", self)
        self.description_edit.setPlaceholderText("Who is on it, what they receive")
        form.addRow("&Name", self.name_edit)
        form.addRow("&Description", self.description_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            if self.list_id is None:
                self.list_id = lists.create_distribution_list(
                    self.db, self.name_edit.text(), self.description_edit.text()
                )
            else:
                lists.rename_distribution_list(
                    self.db, self.list_id, self.name_edit.text(), self.description_edit.text()
                )
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.saved.emit(self.list_id)
        self.accept()


class DistributionListsPanel(QWidget):
    """The Distribution lists tab."""

    #: The lists changed (created, renamed, deleted, members): the People tab's menu follows.
    lists_changed = Signal()
    #: "Export this list…": the list's id.
    export_requested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.form: ListForm | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        left = Card("Lists", splitter)
        self.new_button = QPushButton("New list…", left)
        self.new_button.setToolTip("Create a distribution list (Ctrl+N)")
        self.rename_button = QPushButton("Rename…", left)
        self.delete_button = QPushButton("Delete…", left)
        self.delete_button.setToolTip("Delete the list; its people stay in the directory")
        self.lists_model = ListsModel(self)
        self.lists_view = make_table(left, multi=False)
        self.lists_view.setModel(self.lists_model)
        self.lists_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lists_header = self.lists_view.horizontalHeader()
        lists_header.setStretchLastSection(False)
        lists_header.setSectionResizeMode(ListsModel.NAME, QHeaderView.ResizeMode.Stretch)
        lists_header.setSectionResizeMode(ListsModel.PEOPLE, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.body.addLayout(buttons)
        left.body.addWidget(self.lists_view, 1)

        right = Card("", splitter)
        self.title = QLabel(right)
        self.title.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.description = muted_label("", right)
        self.search = QLineEdit(right)
        self.search.setPlaceholderText("Find on this list")
        self.search.setClearButtonEnabled(True)
        self.remove_button = QPushButton("Remove from list", right)
        self.remove_button.setToolTip("Take the selected people off this list (they stay in the directory)")
        self.export_button = QPushButton("Export this list…", right)
        self.members_model = PeopleModel(db, self, PeopleQuery(include_archived=True))
        self.members_view = make_table(right)
        self.members_view.setModel(self.members_model)
        set_column_widths(
            self.members_view,
            {PeopleModel.NAME: 24, PeopleModel.ORGANISATION: 11, PeopleModel.EMAIL: 26, PeopleModel.PHONE: 19},
        )
        members_header = self.members_view.horizontalHeader()
        members_header.setStretchLastSection(False)
        members_header.setSectionResizeMode(PeopleModel.POSITION, QHeaderView.ResizeMode.Stretch)
        for column in (PeopleModel.CATEGORY, PeopleModel.SEX):
            self.members_view.hideColumn(column)
        self.count_label = muted_label("", right, wrap=False)
        self.hint = muted_label(
            "Add people from the People tab: select them, then “Add to list”.", right, wrap=False
        )
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.remove_button)
        top.addWidget(self.export_button)
        right.body.addWidget(self.title)
        right.body.addWidget(self.description)
        right.body.addLayout(top)
        right.body.addWidget(self.members_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        right.body.addLayout(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])

        self.new_button.clicked.connect(self.new_list)
        self.rename_button.clicked.connect(self.rename_list)
        self.delete_button.clicked.connect(self.delete_list)
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button.clicked.connect(lambda: self._emit_export())
        self.search.textChanged.connect(lambda text: self.members_model.update_query(text=text))
        self.lists_view.selectionModel().selectionChanged.connect(lambda *_: self._show_members())
        self.lists_view.activated.connect(lambda _index: self.rename_list())
        self.members_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.members_model.modelReset.connect(self._update_buttons)

    # -- data -----------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_list_id()
        self.lists_model.set_records(lists.list_distribution_lists(self.db))
        row = self.lists_model.row_of(current) if current is not None else -1
        if row < 0 and self.lists_model.rowCount():
            row = 0
        if row >= 0:
            self.lists_view.selectRow(row)
        self._show_members()

    def current_list(self) -> DistributionListRow | None:
        index = self.lists_view.currentIndex()
        if not index.isValid() or not self.lists_view.selectionModel().isRowSelected(index.row()):
            return None
        return self.lists_model.record(index.row())

    def current_list_id(self) -> int | None:
        row = self.current_list()
        return row.id if row else None

    def _show_members(self) -> None:
        row = self.current_list()
        if row is None:
            self.members_model.clear()
        elif row.id != self.members_model.query.distribution_list_id or not self.members_model.loaded:
            self.members_model.update_query(distribution_list_id=row.id)
        else:
            self.members_model.reload()
        if row is None:
            self.title.setText("No list chosen")
            self.description.setText("Create a list with “New list…”.")
        else:
            self.title.setText(row.name)
            self.description.setText(row.description)
        self.description.setVisible(bool(self.description.text()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_list() is not None
        for button in (self.rename_button, self.delete_button, self.export_button, self.search):
            button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.members_view.selectionModel().hasSelection())
        shown = self.members_model.rowCount()
        total = self.current_list().member_count if chosen else 0
        if not chosen:
            self.count_label.setText("")
        elif self.members_model.query.text:
            self.count_label.setText(f"{shown:,} of {plural(total, 'person', 'people')} on this list")
        else:
            self.count_label.setText(f"{plural(shown, 'person', 'people')} on this list")

    def _emit_export(self) -> None:
        list_id = self.current_list_id()
        if list_id is not None:
            self.export_requested.emit(list_id)

    # -- changes --------------------------------------------------------------------------

    def new_list(self) -> ListForm:
        return self._open_form(ListForm(self.db, self))

    def rename_list(self) -> ListForm | None:
        row = self.current_list()
        return self._open_form(ListForm(self.db, self, row=row)) if row else None

    def _open_form(self, form: ListForm) -> ListForm:
        self.form = form
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(self._saved)
        form.open()
        return form

    def _saved(self, list_id: int) -> None:
        self.refresh(select_id=list_id)
        self.lists_changed.emit()

    def delete_list(self) -> None:
        row = self.current_list()
        if row is None:
            return
        people = plural(row.member_count, "person", "people")
        if not dialogs.confirm(
            self,
            "Delete the list",
            f"Delete the distribution list “{row.name}”?\n\nIts {people} stay in the directory.",
        ):
            return
        try:
            lists.delete_distribution_list(self.db, row.id)
        except ValidationError as exc:
            dialogs.show_error(self, "List not deleted", str(exc))
        self.refresh()
        self.lists_changed.emit()
        show_status(self, f"Deleted the list “{row.name}”.")

    def selected_member_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.members_view.selectionModel().selectedRows())
        return [self.members_model.id_at(row) for row in rows]

    def remove_selected(self) -> None:
        row = self.current_list()
        ids = self.selected_member_ids()
        if row is None or not ids:
            return
        who = self._who(ids)
        if not dialogs.confirm(self, "Remove from the list", f"Take {who} off “{row.name}”?"):
            return
        try:
            removed = lists.remove_members(self.db, row.id, ids)
        except ValidationError as exc:
            dialogs.show_error(self, "Nobody removed", str(exc))
            return
        self.refresh()
        self.lists_changed.emit()
        show_status(self, f"Took {plural(removed, 'person', 'people')} off “{row.name}”.")

    def _who(self, ids: list[int]) -> str:
        if len(ids) == 1:
            person = self.members_model.person(self.members_model.row_of(ids[0]))
            if person is not None:
                return person.display_name
        return plural(len(ids), "person", "people")

    def handle_delete_key(self) -> bool:
        """Delete: in the people of a list, take them off; in the lists, delete the list."""
        if self.members_view.hasFocus() and self.selected_member_ids():
            self.remove_selected()
            return True
        if self.lists_view.hasFocus() and self.current_list() is not None:
            self.delete_list()
            return True
        return False
