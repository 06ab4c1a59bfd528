"""The side panel of the Action points page: the selected action point, its status, due date and
completion note to edit (``update_action_point``), and its history (``action_point_history``):
when, what, old → new, in the app or from which tracker file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import ActionStatus, ChangeSource
from ...core.errors import KnownError
from ...services import action_points as service
from ...services.action_points import ActionPointDetail, HistoryEntry
from .. import dialogs
from ..meetings.common import FAILED, attempt, enum_combo, enum_value, pydate, qdate, select_data
from ..table_model import Column, RecordTableModel
from ..widgets import ALERT_COLOUR, Badge, muted_label, scaled_font
from .list_model import STATUS_COLOURS


def _change_text(entry: HistoryEntry) -> str:
    if entry.field == "created":
        return entry.new_value  # the description it was created with
    old = entry.old_value or "(empty)"
    new = entry.new_value or "(empty)"
    return f"{old} → {new}"


def _source_text(entry: HistoryEntry) -> str:
    if entry.source is ChangeSource.IMPORT:
        return entry.source_file or "Tracker import"
    return "In the app"


def _entry_text(entry: HistoryEntry) -> str:
    """Two lines for the narrow panel: what changed, then when and where."""
    what = entry.field_label if entry.field == "created" else f"{entry.field_label}: {_change_text(entry)}"
    return f"{what}\n{entry.when} · {_source_text(entry)}"


class HistoryModel(RecordTableModel[HistoryEntry]):
    """The columns one by one, and ENTRY (all of them in two lines) for the panel's list."""

    WHEN, WHAT, CHANGE, SOURCE, ENTRY = range(5)
    columns = (
        Column("When (WIB)", lambda e: e.when.removesuffix(" WIB"), sort=lambda e: e.changed_at),
        Column("What", lambda e: e.field_label),
        Column("Change", _change_text, tooltip=lambda e: f"{e.field_label}: {_change_text(e)}"),
        Column("Source", _source_text, tooltip=lambda e: e.source_label),
        Column("Entry", _entry_text, sort=lambda e: e.changed_at, tooltip=_entry_text),
    )


class ActionPanel(QWidget):
    """One action point to edit, or a sentence when none (or several) are selected.

    ``saved`` with the id once a change is written."""

    saved = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: ActionPointDetail | None = None
        self.today: dt.date | None = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        self.empty = muted_label("Select an action point to see and edit it.", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        self.page = QWidget(self)
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.status_badge = Badge("", parent=self.page)
        self.overdue_label = QLabel(self.page)
        self.overdue_label.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: 600;")
        top.addWidget(self.status_badge)
        top.addWidget(self.overdue_label)
        top.addStretch(1)
        layout.addLayout(top)
        self.description = QLabel(self.page)
        self.description.setWordWrap(True)
        self.description.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.description)
        self.context = muted_label("", self.page)
        self.context.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.context)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: a narrow panel
        self.status = enum_combo(ActionStatus, self.page)
        self.status.setAccessibleName("Status")
        form.addRow("&Status", self.status)
        due_row = QHBoxLayout()
        self.due = QDateEdit(self.page)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        self.due.setMinimumDate(QDate(2000, 1, 1))
        self.due.setMaximumDate(QDate(2100, 12, 31))
        self.due.setAccessibleName("Due date")
        self.no_due = QCheckBox("None", self.page)
        self.no_due.setToolTip("No due date")
        self.no_due.toggled.connect(lambda checked: self.due.setEnabled(not checked))
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.no_due)
        due_label = QLabel("&Due date", self.page)
        due_label.setBuddy(self.due)
        form.addRow(due_label, due_row)
        self.note = QPlainTextEdit(self.page)
        self.note.setPlaceholderText("What was done, or why it is delayed or dropped")
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("Completion note")
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("Completion &note", self.note)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.unsaved = muted_label("", self.page, wrap=False)
        self.revert_button = QPushButton("Revert", self.page)
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("Save", self.page)
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save the status, due date and completion note (Ctrl+S)")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.unsaved, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        history_title = QLabel("History", self.page)
        history_title.setObjectName("sectionTitle")
        layout.addSpacing(6)
        layout.addWidget(history_title)
        self.history_model = HistoryModel(self)
        self.history = QListView(self.page)
        self.history.setObjectName("actionHistory")
        self.history.setAccessibleName("History of the action point")
        self.history.setModel(self.history_model)
        self.history.setModelColumn(HistoryModel.ENTRY)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.setSpacing(2)
        self.history.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QListView.SelectionMode.NoSelection)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setResizeMode(QListView.ResizeMode.Adjust)
        layout.addWidget(self.history, 1)
        self.stack.addWidget(self.page)

        self.status.currentIndexChanged.connect(self._edited)
        self.due.dateChanged.connect(self._edited)
        self.no_due.toggled.connect(self._edited)
        self.note.textChanged.connect(self._edited)
        self._set_dirty(False)

    # -- what it shows ------------------------------------------------------------------------

    @property
    def action_point_id(self) -> int | None:
        return self.detail.id if self.detail is not None else None

    def show_action(self, action_point_id: int | None) -> bool:
        """Show one action point (None: nothing). False if it no longer exists."""
        if action_point_id is None:
            self._show_nothing("Select an action point to see and edit it.")
            return True
        try:
            detail = service.get_action_point(self.db, action_point_id)
            history = service.action_point_history(self.db, action_point_id)
        except KnownError:
            self._show_nothing("This action point no longer exists.")
            return False
        self.detail = detail
        self._loading = True
        try:
            self.description.setText(detail.description)
            self.context.setText(self._context(detail))
            select_data(self.status, detail.status.value)
            self.no_due.setChecked(detail.due_date is None)
            self.due.setDate(qdate(detail.due_date or (self.today or service.today_wib())))
            self.note.setPlainText(detail.completion_note)
        finally:
            self._loading = False
        self._show_status(detail)
        self.history_model.set_records(history)
        self._set_dirty(False)
        self.stack.setCurrentWidget(self.page)
        return True

    def show_many(self, count: int) -> None:
        self._show_nothing(
            f"{count} action points are selected.\n\nSet their status at once with “Set status” under the list."
        )

    def _show_nothing(self, text: str) -> None:
        self.detail = None
        self.history_model.set_records([])
        self.empty.setText(text)
        self._set_dirty(False)
        self.stack.setCurrentWidget(self.empty)

    def _context(self, detail: ActionPointDetail) -> str:
        lines = []
        if detail.meeting_reference:
            meeting = f"Meeting {detail.meeting_reference}"
            if detail.agenda_item:
                meeting += f", agenda item “{detail.agenda_item}”"
            lines.append(meeting)
        else:
            lines.append("Not from a meeting")
        responsible = " · ".join(p for p in (detail.organisation, detail.person) if p)
        lines.append(f"Responsible: {responsible or 'not assigned'}")
        return "\n".join(lines)

    def _show_status(self, detail: ActionPointDetail) -> None:
        self.status_badge.set_badge(detail.status.label, STATUS_COLOURS.get(detail.status) or "#546e7a")
        today = self.today or service.today_wib()
        if detail.is_overdue(today):
            days = (today - detail.due_date).days
            self.overdue_label.setText(f"Overdue by {days} day{'s' if days != 1 else ''}")
        else:
            self.overdue_label.setText("")

    # -- editing ------------------------------------------------------------------------------

    def values(self) -> dict:
        return {
            "status": enum_value(self.status, ActionStatus),
            "due_date": None if self.no_due.isChecked() else pydate(self.due.date()),
            "completion_note": self.note.toPlainText().strip(),
        }

    def is_dirty(self) -> bool:
        if self.detail is None:
            return False
        values = self.values()
        return (
            values["status"] is not self.detail.status
            or values["due_date"] != self.detail.due_date
            or values["completion_note"] != self.detail.completion_note.strip()
        )

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(self.is_dirty())

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.unsaved.setText("Unsaved changes" if dirty else "")

    def save(self) -> bool:
        """Write the edits; True when written (or nothing to write)."""
        if self.detail is None or not self.is_dirty():
            return True
        action_point_id = self.detail.id
        result = attempt(self, "Action point not saved", service.update_action_point, self.db, action_point_id, **self.values())
        if result is FAILED:
            return False
        self.show_action(action_point_id)
        self.saved.emit(action_point_id)
        return True

    def revert(self) -> None:
        if self.detail is not None:
            self.show_action(self.detail.id)

    def leave(self) -> bool:
        """Before another action point is shown: unsaved edits are saved or dropped as the
        officer says. False to stay."""
        if not self.is_dirty():
            return True
        if dialogs.confirm(
            self, "Unsaved changes", "Save the changes to this action point before leaving it?", default_yes=True
        ):
            return self.save()
        return True


__all__ = ["ActionPanel", "HistoryModel"]
