"""The agenda: ordered items (move up / down, or drag), presenter, duration and GCM objectives of
the item selected, the total against the meeting's length, standing items and copying the
previous meeting's agenda. Every change is saved at once through ``services.agenda``."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.errors import KnownError
from ...core.reference_data import GCM_OBJECTIVES
from ...services import agenda as agenda_service
from ...services import meetings as meetings_service
from ...services.meeting_views import AgendaRow, MeetingDetail
from .. import dialogs
from ..table_model import ID_ROLE, Column, RecordTableModel
from ..widgets import ALERT_COLOUR, Card, muted_label
from .choosers import PersonField
from .common import FAILED, attempt, banner, list_table, plural, set_column_widths, set_note

_Index = QModelIndex | QPersistentModelIndex
LOCKED_NOTE = "The minutes are approved: the agenda they record is locked. Reopen the minutes to change it."


class AgendaModel(RecordTableModel[AgendaRow]):
    """The agenda in order; rows can be dragged to a new place (``reorder_requested`` with the
    new order of ids: the page saves it and reads the agenda again)."""

    POSITION, TITLE, PRESENTER, DURATION, OBJECTIVES = range(5)
    MIME_TYPE = "application/x-unnet-agenda-items"
    columns = (
        Column("No.", lambda a: f"{a.position}.", sort=lambda a: a.position, align_right=True),
        Column("Item", lambda a: a.title, tooltip=lambda a: a.title),
        Column("Presenter", lambda a: a.presenter, tooltip=lambda a: a.presenter or None),
        Column(
            "Minutes",
            lambda a: str(a.duration_minutes) if a.duration_minutes else "—",
            sort=lambda a: a.duration_minutes or 0,
            align_right=True,
        ),
        Column(
            "GCM",
            lambda a: ", ".join(str(n) for n, _label in a.objectives),
            tooltip=lambda a: a.objectives_text or None,
        ),
    )

    reorder_requested = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.movable = True

    def row_of(self, item_id: int | None) -> int:
        for row, record in enumerate(self._records):
            if record.id == item_id:
                return row
        return -1

    # -- drag and drop --------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.movable:
            return flags
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        data.setData(self.MIME_TYPE, json.dumps([self._records[r].id for r in rows]).encode())
        return data

    def new_order(self, moving: list[int], row: int) -> list[int]:
        """The ids in order once the items ``moving`` are put before ``row`` (at the end for -1)."""
        order = [r.id for r in self._records]
        row = len(order) if row < 0 or row > len(order) else row
        moving = [i for i in order if i in set(moving)]
        before = [i for i in order[:row] if i not in moving]
        after = [i for i in order[row:] if i not in moving]
        return before + moving + after

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        if not self.movable or not data.hasFormat(self.MIME_TYPE):
            return False
        ids = json.loads(bytes(data.data(self.MIME_TYPE).data()).decode())
        if row < 0 and parent.isValid():
            row = parent.row()  # dropped on an item: before it
        order = self.new_order(ids, row)
        if order != [r.id for r in self._records]:
            self.reorder_requested.emit(order)
        # The new order is saved and read back; nothing for the view to remove here.
        return False


def _objective_items(widget: QListWidget) -> None:
    for number, text, short in GCM_OBJECTIVES:
        item = QListWidgetItem(f"{number}. {short}", widget)
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setToolTip(f"Objective {number}: {text}")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)


class AgendaTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: MeetingDetail | None = None
        self._loading = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 12, 0, 0)
        row.setSpacing(16)

        left = QVBoxLayout()
        left.setSpacing(8)
        start = QHBoxLayout()
        self.start_note = muted_label("Drag an item, or use Move up / down, to change the order.", self)
        start.addWidget(self.start_note, 1)
        self.standing_button = QPushButton("Add standing items", self)
        self.standing_button.setToolTip(", ".join(agenda_service.standing_items()))
        self.standing_button.clicked.connect(self.add_standing_items)
        self.copy_button = QPushButton("Copy the previous meeting's agenda", self)
        self.copy_button.setToolTip("Append the items of the previous meeting of the same kind (not its minutes)")
        self.copy_button.clicked.connect(self.copy_previous)
        start.addWidget(self.standing_button)
        start.addWidget(self.copy_button)
        left.addLayout(start)
        self.model = AgendaModel(self)
        self.model.reorder_requested.connect(self.reorder, Qt.ConnectionType.QueuedConnection)
        self.view = list_table(self)
        self.view.setAccessibleName("Agenda")
        self.view.setModel(self.model)
        set_column_widths(
            self.view,
            {
                AgendaModel.POSITION: "No.XX",
                AgendaModel.PRESENTER: "Ms Rina Puspitasari (IOM)",
                AgendaModel.DURATION: "Minutes",
                AgendaModel.OBJECTIVES: "10, 15, 20",
            },
            stretch=AgendaModel.TITLE,
        )
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        left.addWidget(self.view, 1)

        self.timing_banner = banner(self)
        left.addWidget(self.timing_banner)
        self.timing = muted_label("", self)
        left.addWidget(self.timing)

        add = QHBoxLayout()
        add.setSpacing(6)
        self.new_title = QLineEdit(self)
        self.new_title.setPlaceholderText("New item: its title, then Enter")
        self.new_title.setAccessibleName("New agenda item")
        self.new_title.setMaxLength(300)
        self.new_title.returnPressed.connect(self.add_item)
        self.add_button = QPushButton("&Add item", self)
        self.add_button.clicked.connect(self.add_item)
        add.addWidget(self.new_title, 1)
        add.addWidget(self.add_button)
        add.addSpacing(12)
        self.up_button = QPushButton("Move &up", self)
        self.up_button.setToolTip("Move the item one place up (or drag it)")
        self.up_button.clicked.connect(lambda: self.move("up"))
        self.down_button = QPushButton("Move do&wn", self)
        self.down_button.setToolTip("Move the item one place down (or drag it)")
        self.down_button.clicked.connect(lambda: self.move("down"))
        self.remove_button = QPushButton("Remove…", self)
        self.remove_button.clicked.connect(self.remove_item)
        for button in (self.up_button, self.down_button, self.remove_button):
            add.addWidget(button)
        left.addLayout(add)
        self.note = muted_label("", self)
        self.note.hide()
        left.addWidget(self.note)
        row.addLayout(left, 5)

        self.editor = Card("Item", self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title = QLineEdit(self.editor)
        self.title.setMaxLength(300)
        self.title.editingFinished.connect(self._save_title)
        form.addRow("&Title:", self.title)
        self.presenter = PersonField(db, self.editor, what="presenter")
        self.presenter.person_changed.connect(lambda _id: self._save_presenter())
        self.presenter.editingFinished.connect(self._save_presenter)
        form.addRow("&Presenter:", self.presenter)
        self.duration = QSpinBox(self.editor)
        self.duration.setRange(0, agenda_service.MAX_DURATION)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setSpecialValueText("not set")
        self.duration.setKeyboardTracking(False)
        self.duration.valueChanged.connect(self._save_duration)
        form.addRow("D&uration:", self.duration)
        self.editor.body.addLayout(form)
        self.objectives_label = muted_label("GCM objectives the item addresses:", self.editor)
        self.editor.body.addWidget(self.objectives_label)
        self.objectives = QListWidget(self.editor)
        self.objectives.setAccessibleName("GCM objectives")
        self.objectives.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.objectives.setTextElideMode(Qt.TextElideMode.ElideRight)
        _objective_items(self.objectives)
        self.objectives.itemChanged.connect(lambda _item: self._save_objectives())
        self.editor.body.addWidget(self.objectives, 1)
        self._build_policies()
        self.editor_note = muted_label("", self.editor)
        self.editor.body.addWidget(self.editor_note)
        self.editor.setMinimumWidth(300)
        row.addWidget(self.editor, 3)

    def _build_policies(self) -> None:
        """The library entries presented under the item (issue 7): they appear in its minutes."""
        self.policies_label = muted_label("Policy updates presented (shown in the minutes):", self.editor)
        self.editor.body.addWidget(self.policies_label)
        self.policies_list = QListWidget(self.editor)
        self.policies_list.setAccessibleName("Policy updates presented")
        self.policies_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.policies_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.policies_list.setMaximumHeight(self.fontMetrics().height() * 4 + 12)
        self.policies_list.currentRowChanged.connect(lambda _row: self._enable_policy_buttons())
        self.editor.body.addWidget(self.policies_list)
        buttons = QHBoxLayout()
        self.add_policy_button = QPushButton("Add policy…", self.editor)
        self.add_policy_button.setToolTip("Choose an entry of the library presented under this item")
        self.add_policy_button.clicked.connect(self.add_policy)
        self.remove_policy_button = QPushButton("Remove", self.editor)
        self.remove_policy_button.setToolTip("Take the policy update off this item")
        self.remove_policy_button.clicked.connect(self.remove_policy)
        buttons.addWidget(self.add_policy_button)
        buttons.addWidget(self.remove_policy_button)
        buttons.addStretch(1)
        self.editor.body.addLayout(buttons)
        #: The picker opened last (tests drive it).
        self.policy_picker = None

    def _show_policies(self, item: AgendaRow | None) -> None:
        self.policies_list.clear()
        for policy in item.policies if item else ():
            entry = QListWidgetItem(policy.display, self.policies_list)
            entry.setData(Qt.ItemDataRole.UserRole, policy.id)
            entry.setToolTip(f"{policy.display}\n{policy.type.label} · {policy.status.label}")
        self.add_policy_button.setVisible(not self.locked)
        self.remove_policy_button.setVisible(not self.locked)
        self._enable_policy_buttons()

    def _enable_policy_buttons(self) -> None:
        item = self.current_item()
        self.add_policy_button.setEnabled(item is not None and not self.locked)
        self.remove_policy_button.setEnabled(
            item is not None and not self.locked and self.policies_list.currentItem() is not None
        )

    def add_policy(self):
        from ..library.picker import PolicyPicker

        item = self.current_item()
        if item is None or self.locked:
            return None
        picker = PolicyPicker(self.db, self, exclude=[p.id for p in item.policies], item_title=item.title)
        picker.chosen.connect(lambda policy_id, item_id=item.id: self._attach_policy(policy_id, item_id))
        self.policy_picker = picker
        picker.open()
        return picker

    def _attach_policy(self, policy_id: int, item_id: int) -> None:
        from ...services import policies as policies_service

        added = attempt(
            self, "Policy update not added", policies_service.attach_to_agenda_item, self.db, policy_id, item_id
        )
        if added is FAILED:
            return
        self.changed.emit()

    def remove_policy(self) -> None:
        from ...services import policies as policies_service

        item, entry = self.current_item(), self.policies_list.currentItem()
        if item is None or entry is None:
            return
        policy_id = int(entry.data(Qt.ItemDataRole.UserRole))
        removed = attempt(
            self, "Policy update not removed", policies_service.detach_from_agenda_item, self.db, policy_id, item.id
        )
        if removed is FAILED:
            return
        self.changed.emit()

    # -- showing --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.detail is not None and self.detail.locked

    def set_detail(self, detail: MeetingDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        keep = self.current_item_id() if same else None
        self.detail = detail
        if not same:
            set_note(self.note, "")
        self.model.movable = not detail.locked
        self.model.set_records(detail.agenda)
        row = self.model.row_of(keep)
        if row < 0 and detail.agenda:
            row = 0
        if row >= 0:
            self.select_row(row)
        self._show_item()
        self._show_timing()
        # Approved minutes lock the agenda: the tools to change it are not offered at all.
        for widget in (
            self.new_title, self.add_button, self.up_button, self.down_button, self.remove_button,
            self.standing_button, self.copy_button, self.start_note,
        ):  # fmt: skip
            widget.setVisible(not detail.locked)
        self.view.setDragEnabled(not detail.locked)
        if detail.locked:
            set_note(self.note, LOCKED_NOTE)
        elif self.note.text() == LOCKED_NOTE:
            set_note(self.note, "")

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def current_item_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def current_item(self) -> AgendaRow | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _show_item(self) -> None:
        item = self.current_item()
        self._loading = True
        try:
            editable = item is not None and not self.locked
            for widget in (self.title, self.presenter, self.duration):
                widget.setEnabled(editable)
            self.editor.title.setText(f"Item {item.position}" if item else "Item")
            self.title.setText(item.title if item else "")
            self.title.setCursorPosition(0)
            self.presenter.set_person(item.presenter_id if item else None, item.presenter if item else "")
            self.duration.setValue(item.duration_minutes or 0 if item else 0)
            numbers = {n for n, _label in item.objectives} if item else set()
            for i in range(self.objectives.count()):
                entry = self.objectives.item(i)
                checked = entry.data(Qt.ItemDataRole.UserRole) in numbers
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                # Locked or no item: the ticks are shown, not changeable (the list still scrolls).
                flags = entry.flags() | Qt.ItemFlag.ItemIsUserCheckable
                entry.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.editor_note.setStyleSheet("")
            self.editor_note.setText("" if item else "Add an item, or select one to change it.")
            self._show_policies(item)
        finally:
            self._loading = False
        row = self.view.currentIndex().row()
        self.up_button.setEnabled(item is not None and not self.locked and row > 0)
        self.down_button.setEnabled(item is not None and not self.locked and row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(item is not None and not self.locked)

    def _show_timing(self) -> None:
        timing = agenda_service.agenda_timing(self.db, self.detail.id)
        missing = timing.items_without_duration
        extra = f" · {plural(missing, 'item')} without a duration" if missing and self.detail.agenda else ""
        self.timing.setText(f"Agenda time: {timing.text}{extra}")
        self.timing_banner.setVisible(timing.overrun)
        if timing.overrun:
            self.timing_banner.setText(
                f"<b>The agenda runs {timing.over_by} min over</b> the meeting's {timing.meeting_minutes} min "
                f"({timing.total_minutes} min of items). Shorten some items or extend the meeting."
            )
        self.timing.setStyleSheet(f"color: {ALERT_COLOUR};" if timing.overrun else "")

    # -- changes --------------------------------------------------------------------------

    def _update(self, **changes) -> bool:
        item = self.current_item()
        if item is None or self._loading:
            return False
        if attempt(self, "Agenda item not saved", agenda_service.update_item, self.db, item.id, **changes) is FAILED:
            self._show_item()
            return False
        self.changed.emit()
        return True

    def _save_title(self) -> None:
        item = self.current_item()
        if item is not None and not self._loading and self.title.text().strip() != item.title:
            self._update(title=self.title.text())

    def _save_presenter(self) -> None:
        item = self.current_item()
        if item is None or self._loading:
            return
        if self.presenter.completer_.popup().isVisible():
            return  # still choosing
        try:
            person_id = self.presenter.person_id()
        except KnownError as exc:  # said beside the field: a message box on leaving it would be a trap
            self.editor_note.setText(str(exc))
            self.editor_note.setStyleSheet(f"color: {ALERT_COLOUR};")
            return
        self.editor_note.setStyleSheet("")
        self.editor_note.clear()
        if person_id != item.presenter_id:
            self._update(presenter_id=person_id)

    def _save_duration(self, value: int) -> None:
        item = self.current_item()
        if item is not None and not self._loading and (value or None) != item.duration_minutes:
            self._update(duration_minutes=value or None)

    def _save_objectives(self) -> None:
        if self._loading:
            return
        numbers = [
            self.objectives.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.objectives.count())
            if self.objectives.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._update(objectives=numbers)

    def add_item(self) -> None:
        title = self.new_title.text().strip()
        if self.detail is None or not title:
            return
        item_id = attempt(self, "Item not added", agenda_service.add_item, self.db, self.detail.id, title)
        if item_id is FAILED:
            return
        self.new_title.clear()
        set_note(self.note, "")
        self.changed.emit()
        row = self.model.row_of(item_id)
        if row >= 0:
            self.select_row(row)

    def move(self, direction: str) -> None:
        item_id = self.current_item_id()
        if item_id is None:
            return
        if attempt(self, "Item not moved", agenda_service.move_item, self.db, item_id, direction) is FAILED:
            return
        self.changed.emit()
        self.view.setFocus()

    def reorder(self, order: list[int]) -> None:
        if self.detail is None:
            return
        keep = self.current_item_id()
        if attempt(self, "Agenda not reordered", agenda_service.reorder, self.db, self.detail.id, order) is FAILED:
            return
        self.changed.emit()
        row = self.model.row_of(keep)
        if row >= 0:
            self.select_row(row)

    def remove_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        extra = ""
        if item.action_points:
            extra = f" Its {plural(len(item.action_points), 'action point')} stay with the meeting."
        if item.discussion.strip() or item.decisions.strip():
            extra += " The minutes written under it are deleted with it."
        if not dialogs.confirm(self, "Remove the agenda item", f"Remove “{item.title}” from the agenda?{extra}"):
            return
        if attempt(self, "Item not removed", agenda_service.remove_item, self.db, item.id) is FAILED:
            return
        self.changed.emit()

    def add_standing_items(self) -> None:
        if self.detail is None:
            return
        added = attempt(self, "Standing items not added", agenda_service.add_standing_items, self.db, self.detail.id)
        if added is FAILED:
            return
        set_note(
            self.note,
            f"{plural(added, 'standing item')} added." if added else "The standing items are already on the agenda."
        )
        self.changed.emit()

    def copy_previous(self) -> None:
        if self.detail is None:
            return
        previous = agenda_service.previous_meeting_id(self.db, self.detail.id)
        added = attempt(self, "Agenda not copied", agenda_service.copy_previous_agenda, self.db, self.detail.id)
        if added is FAILED:
            return
        source = "the previous meeting"
        if previous is not None:
            source = meetings_service.meeting_reference(self.db, previous)
        set_note(
            self.note,
            f"{plural(added, 'item')} copied from {source}."
            if added
            else f"Every item of {source} is already on this agenda."
        )
        self.changed.emit()


__all__ = ["AgendaModel", "AgendaTab"]
