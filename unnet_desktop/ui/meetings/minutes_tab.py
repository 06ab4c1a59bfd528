"""The minutes: per agenda item the discussion and the decisions, saved as they are typed (after a
short pause, when the editor loses the focus and before another item is shown), the action points
raised under the item, and the minutes' status: draft -> circulated for comments -> approved
(locked), and an explicit, recorded reopening."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import MinutesStatus
from ...core.errors import KnownError
from ...services import minutes as minutes_service
from ...services.meeting_views import ActionRow, AgendaRow, MeetingDetail, long_date, today_wib
from .. import dialogs
from ..table_model import Column, RecordTableModel
from ..widgets import Badge, muted_label, scaled_font
from .choosers import PersonField, organisation_combo
from .common import (
    FAILED,
    MINUTES_COLOURS,
    attempt,
    list_table,
    lock_banner,
    pydate,
    qdate,
    select_data,
    set_column_widths,
)
from . import prompts

AUTOSAVE_MS = 500
DISCUSSION_HINT = "What was presented and discussed. A line starting with “- ” is a bullet."
DECISIONS_HINT = "What was agreed, one per line starting with “- ”."
#: Locked (read-only) editors look it: the window's colour instead of the white of a field.
EDITOR_STYLE = "QPlainTextEdit[readOnly=\"true\"] { background: palette(window); }"
STATUS_TEXT = {
    MinutesStatus.NOT_STARTED: "Not started: the draft begins with the first words typed.",
    MinutesStatus.DRAFT: "Being written. Circulate them for comments when the draft is ready.",
    MinutesStatus.CIRCULATED: "Circulated for comments: still open to corrections; approve them once agreed.",
}


class MinutesEditor(QPlainTextEdit):
    """Plain paragraphs; a line starting with "- " is a bullet in the Word minutes."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ActionModel(RecordTableModel[ActionRow]):
    NUMBER, DESCRIPTION, RESPONSIBLE, DUE, STATUS = range(5)
    columns = (
        Column("No.", lambda a: str(a.number), sort=lambda a: a.number, align_right=True),
        Column("Action", lambda a: a.description, tooltip=lambda a: a.description),
        Column("Responsible", lambda a: a.responsible or "Not assigned", tooltip=lambda a: a.responsible or None),
        Column(
            "Due",
            lambda a: f"{a.due_date:%d %b %Y}" if a.due_date else "",
            sort=lambda a: a.due_date or dt.date.max,
        ),
        Column("Status", lambda a: a.status.label),
    )


class ActionPointDialog(QDialog):
    """An action point raised under an agenda item: what, who (organisation and/or person), by when.
    Saved through ``services.minutes`` when OK is clicked; a refusal keeps the dialog open."""

    def __init__(
        self, db: Database, detail: MeetingDetail, item: AgendaRow, parent: QWidget | None = None,
        action: ActionRow | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.db, self.detail, self.item, self.action = db, detail, item, action
        self.action_id: int | None = action.id if action else None
        self.setWindowTitle("Edit the action point" if action else "New action point")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        context = muted_label(f"Under item {item.position}. {item.title}", self)
        layout.addWidget(context)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText("What is to be done")
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow("&Action:", self.description)
        self.organisation = organisation_combo(db, self)
        form.addRow("Responsible &organisation:", self.organisation)
        self.person = PersonField(db, self, what="responsible person")
        form.addRow("Responsible &person:", self.person)
        due = QHBoxLayout()
        self.has_due = QCheckBox("Due by", self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd MMM yyyy")
        self.has_due.toggled.connect(self.due.setEnabled)
        due.addWidget(self.has_due)
        due.addWidget(self.due)
        due.addStretch(1)
        due_label = QLabel("&Due date:", self)
        due_label.setBuddy(self.has_due)
        form.addRow(due_label, due)
        layout.addLayout(form)
        layout.addWidget(muted_label("Left empty, the responsible organisation is the person's own.", self))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if action is not None:
            self.description.setPlainText(action.description)
            select_data(self.organisation, action.responsible_organisation_id)
            self.person.set_person(action.responsible_person_id, action.responsible_person)
            self.has_due.setChecked(action.due_date is not None)
            self.due.setDate(qdate(action.due_date or detail.date_wib + dt.timedelta(days=30)))
        else:
            self.has_due.setChecked(True)
            self.due.setDate(qdate(detail.date_wib + dt.timedelta(days=30)))
        self.due.setEnabled(self.has_due.isChecked())
        self.description.setFocus()

    def values(self) -> dict:
        return {
            "description": self.description.toPlainText().strip(),
            "responsible_organisation_id": self.organisation.currentData(),
            "responsible_person_id": self.person.person_id(),
            "due_date": pydate(self.due.date()) if self.has_due.isChecked() else None,
        }

    def accept(self) -> None:
        try:
            values = self.values()
            if self.action is None:
                self.action_id = minutes_service.add_action_point(self.db, agenda_item_id=self.item.id, **values)
            else:
                minutes_service.update_action_point(self.db, self.action.id, **values)
        except KnownError as exc:
            dialogs.show_error(self, "Action point not saved", str(exc))
            return
        super().accept()


class MinutesTab(QWidget):
    changed = Signal()
    saved = Signal()  # the typed text reached the database

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: MeetingDetail | None = None
        self.action_dialog: ActionPointDialog | None = None
        self._loading = False
        self._pending: dict[tuple[int, str], str] = {}
        #: Text saved since the meeting was last read (its ``detail`` does not hold it yet).
        self._saved: dict[tuple[int, str], str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

        self.setStyleSheet(EDITOR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)

        status = QHBoxLayout()
        status.setSpacing(8)
        self.status_badge = Badge("", parent=self)
        self.status_text = muted_label("", self)
        self.circulate_button = QPushButton("&Circulate for comments", self)
        self.circulate_button.clicked.connect(lambda: self.set_status(MinutesStatus.CIRCULATED))
        self.draft_button = QPushButton("Back to draft", self)
        self.draft_button.setToolTip("Take circulated minutes back to draft (recorded)")
        self.draft_button.clicked.connect(lambda: self.set_status(MinutesStatus.DRAFT))
        self.approve_button = QPushButton("&Approve…", self)
        self.approve_button.clicked.connect(self.approve)
        self.reopen_button = QPushButton("&Reopen approved minutes…", self)
        self.reopen_button.clicked.connect(self.reopen)
        status.addWidget(self.status_badge)
        status.addWidget(self.status_text, 1)
        for button in (self.circulate_button, self.draft_button, self.approve_button, self.reopen_button):
            status.addWidget(button)
        layout.addLayout(status)
        self.banner = lock_banner(self)
        layout.addWidget(self.banner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.items = QListWidget(self.splitter)
        self.items.setAccessibleName("Agenda items")
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.items.currentRowChanged.connect(self._on_item_changed)
        right = QWidget(self.splitter)
        panel = QVBoxLayout(right)
        panel.setContentsMargins(12, 0, 0, 0)
        panel.setSpacing(4)
        self.item_title = QLabel(right)
        self.item_title.setWordWrap(True)
        self.item_title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.item_meta = muted_label("", right)
        panel.addWidget(self.item_title)
        panel.addWidget(self.item_meta)
        self.discussion_label = QLabel("&Discussion", right)
        self.discussion = MinutesEditor(right)
        self.discussion.setAccessibleName("Discussion")
        self.discussion.setPlaceholderText(DISCUSSION_HINT)
        self.discussion_label.setBuddy(self.discussion)
        self.decisions_label = QLabel("D&ecisions", right)
        self.decisions = MinutesEditor(right)
        self.decisions.setAccessibleName("Decisions")
        self.decisions.setPlaceholderText(DECISIONS_HINT)
        self.decisions_label.setBuddy(self.decisions)
        panel.addWidget(self.discussion_label)
        panel.addWidget(self.discussion, 3)
        panel.addWidget(self.decisions_label)
        panel.addWidget(self.decisions, 2)
        self.save_state = muted_label("", right, wrap=False)
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight)
        panel.addWidget(self.save_state)

        actions_head = QHBoxLayout()
        self.actions_label = QLabel("Action points under this item", right)
        self.actions_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.add_action_button = QPushButton("Add action &point…", right)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button = QPushButton("Edit…", right)
        self.edit_action_button.clicked.connect(self.edit_action)
        self.delete_action_button = QPushButton("Delete…", right)
        self.delete_action_button.clicked.connect(self.delete_action)
        actions_head.addWidget(self.actions_label, 1)
        for button in (self.add_action_button, self.edit_action_button, self.delete_action_button):
            actions_head.addWidget(button)
        panel.addLayout(actions_head)
        self.action_model = ActionModel(self)
        self.actions = list_table(right)
        self.actions.setAccessibleName("Action points")
        self.actions.setModel(self.action_model)
        set_column_widths(
            self.actions,
            {
                ActionModel.NUMBER: "No.X",
                ActionModel.RESPONSIBLE: "BP2MI / Dr Eko Saputra",
                ActionModel.DUE: "30 Sep 2024",
                ActionModel.STATUS: "In progress",
            },
            stretch=ActionModel.DESCRIPTION,
        )
        rows = 3
        self.actions.setFixedHeight(
            self.actions.horizontalHeader().sizeHint().height()
            + self.actions.verticalHeader().defaultSectionSize() * rows
            + 2 * self.actions.frameWidth()
        )
        self.actions.activated.connect(lambda _index: self.edit_action())
        self.actions.selectionModel().selectionChanged.connect(lambda *_: self._show_action_buttons())
        panel.addWidget(self.actions)
        self.splitter.addWidget(self.items)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 740])
        layout.addWidget(self.splitter, 1)

        for editor, field in ((self.discussion, "discussion"), (self.decisions, "decisions")):
            editor.textChanged.connect(lambda e=editor, f=field: self._on_typed(e, f))
            editor.focus_lost.connect(self.flush)

    # -- showing --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.detail is not None and self.detail.locked

    def set_detail(self, detail: MeetingDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        if not same:
            self.flush()
        keep = self.current_item_id() if same else None
        self.detail = detail
        self._saved.clear()
        self._show_status()
        self._loading = True
        try:
            self.items.clear()
            for item in detail.agenda:
                entry = QListWidgetItem(f"{item.position}. {item.title}", self.items)
                entry.setData(Qt.ItemDataRole.UserRole, item.id)
                entry.setToolTip(item.title)
            rows = [r for r, item in enumerate(detail.agenda) if item.id == keep]
            row = rows[0] if rows else (0 if detail.agenda else -1)
            self.items.setCurrentRow(row)
        finally:
            self._loading = False
        self._show_item(keep_typing=same)
        if not same:
            self.save_state.clear()

    def _show_status(self) -> None:
        detail = self.detail
        status = detail.minutes_status
        allowed = minutes_service.TRANSITIONS[status]
        self.status_badge.set_badge(f"Minutes: {status.label}", MINUTES_COLOURS[status])
        if status is MinutesStatus.APPROVED:
            approved = long_date(detail.approved_on) if detail.approved_on else "an unrecorded date"
            self.status_text.setText("")
            self.banner.setText(
                f"<b>Approved on {approved}: these minutes are locked.</b> To correct them, use "
                "“Reopen approved minutes…”; the reopening and its reason are recorded."
            )
        else:
            self.status_text.setText(STATUS_TEXT[status])
        self.banner.setVisible(status is MinutesStatus.APPROVED)
        self.circulate_button.setVisible(status is not MinutesStatus.APPROVED)
        self.circulate_button.setEnabled(MinutesStatus.CIRCULATED in allowed)
        self.draft_button.setVisible(status is MinutesStatus.CIRCULATED)
        self.approve_button.setVisible(status is not MinutesStatus.APPROVED)
        self.approve_button.setEnabled(MinutesStatus.APPROVED in allowed)
        self.approve_button.setToolTip(
            "" if MinutesStatus.APPROVED in allowed else "Circulate the minutes for comments first"
        )
        self.reopen_button.setVisible(status is MinutesStatus.APPROVED)

    def current_item_id(self) -> int | None:
        entry = self.items.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry is not None else None

    def current_item(self) -> AgendaRow | None:
        item_id = self.current_item_id()
        if self.detail is None or item_id is None:
            return None
        return next((item for item in self.detail.agenda if item.id == item_id), None)

    def _on_item_changed(self, _row: int) -> None:
        if self._loading:
            return
        self.flush()
        self._show_item(keep_typing=False)

    def _show_item(self, *, keep_typing: bool) -> None:
        """Show the current item. ``keep_typing``: the same item read again, so text still being
        typed (not yet saved) is left as it is."""
        item = self.current_item()
        editable = item is not None and not self.locked
        self._loading = True
        try:
            if item is None:
                self.item_title.setText("No agenda yet" if self.detail and not self.detail.agenda else "")
                self.item_meta.setText("The minutes are written under the agenda items: add them on the Agenda tab.")
            else:
                self.item_title.setText(f"{item.position}. {item.title}")
                meta = [f"Presented by {item.presenter}"] if item.presenter else []
                if item.objectives:
                    meta.append(f"GCM objectives: {item.objectives_text}")
                self.item_meta.setText(" · ".join(meta))
            for editor, field, placeholder in (
                (self.discussion, "discussion", DISCUSSION_HINT),
                (self.decisions, "decisions", DECISIONS_HINT),
            ):
                text = self._saved.get((item.id, field), getattr(item, field)) if item else ""
                typing = keep_typing and item is not None and (item.id, field) in self._pending
                if not typing and editor.toPlainText() != text:
                    editor.setPlainText(text)
                editor.setReadOnly(not editable)
                editor.setEnabled(item is not None)
                editor.setPlaceholderText(placeholder if editable else "Nothing recorded.")
                editor.style().unpolish(editor)  # the read-only look follows the property
                editor.style().polish(editor)
        finally:
            self._loading = False
        self.action_model.set_records(item.action_points if item else ())
        self.actions_label.setText(
            f"Action points under this item ({len(item.action_points)})" if item and item.action_points
            else "Action points under this item"
        )
        self.add_action_button.setEnabled(editable)
        self._show_action_buttons()

    def _show_action_buttons(self) -> None:
        chosen = self.actions.currentIndex().isValid() and bool(self.actions.selectionModel().selectedRows())
        self.edit_action_button.setEnabled(chosen and not self.locked)
        self.delete_action_button.setEnabled(chosen and not self.locked)

    # -- saving as typed ------------------------------------------------------------------

    def _on_typed(self, editor: MinutesEditor, field: str) -> None:
        item_id = self.current_item_id()
        if self._loading or item_id is None or editor.isReadOnly():
            return
        self._pending[(item_id, field)] = editor.toPlainText()
        self.save_state.setText("Saving…")
        self._timer.start()

    def has_unsaved_text(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Save whatever was typed and not yet saved; False when the service refused it."""
        self._timer.stop()
        if not self._pending:
            return True
        pending, self._pending = self._pending, {}
        for (item_id, field), text in pending.items():
            try:
                minutes_service.save_item_text(self.db, item_id, field, text)
            except KnownError as exc:
                self.save_state.setText("Not saved")
                dialogs.show_error(self, "Minutes not saved", str(exc))
                return False
            self._saved[(item_id, field)] = text
        self.save_state.setText(f"All changes saved ({dt.datetime.now():%H:%M:%S})")
        self.saved.emit()
        if self.detail is not None and self.detail.minutes_status is MinutesStatus.NOT_STARTED:
            # The first words make a draft: read the meeting again once this event is over.
            QTimer.singleShot(0, self.changed.emit)
        return True

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    # -- status ---------------------------------------------------------------------------

    def set_status(self, status: MinutesStatus) -> None:
        if self.detail is None or not self.flush():
            return
        done = attempt(
            self, "Minutes status not changed", minutes_service.set_minutes_status, self.db, self.detail.id, status
        )
        if done is FAILED:
            return
        self.changed.emit()

    def approve(self) -> None:
        if self.detail is None or not self.flush():
            return
        today = today_wib()
        held = self.detail.date_wib
        day = prompts.ask_date(
            self,
            "Approve the minutes",
            f"On what date were the minutes of {self.detail.reference} approved? Once approved they are locked.",
            today,
            minimum=held if held <= today else None,
            maximum=today,
            ok_text="Approve",
        )
        if day is None:
            return
        done = attempt(self, "Minutes not approved", minutes_service.approve_minutes, self.db, self.detail.id, day)
        if done is FAILED:
            return
        self.changed.emit()

    def reopen(self) -> None:
        if self.detail is None:
            return
        reason = prompts.ask_reason(
            self,
            "Reopen approved minutes",
            f"Why are the approved minutes of {self.detail.reference} reopened? "
            "The reason is recorded; the minutes go back to draft and must be approved again.",
            ok_text="Reopen",
        )
        if reason is None:
            return
        done = attempt(self, "Minutes not reopened", minutes_service.reopen_minutes, self.db, self.detail.id, reason)
        if done is FAILED:
            return
        self.changed.emit()

    # -- action points --------------------------------------------------------------------

    def current_action(self) -> ActionRow | None:
        index = self.actions.currentIndex()
        return self.action_model.record(index.row()) if index.isValid() else None

    def add_action(self) -> None:
        item = self.current_item()
        if self.detail is None or item is None or not self.flush():
            return
        self._open_action_dialog(ActionPointDialog(self.db, self.detail, item, self))

    def edit_action(self) -> None:
        item, action = self.current_item(), self.current_action()
        if self.detail is None or item is None or action is None or self.locked:
            return
        self._open_action_dialog(ActionPointDialog(self.db, self.detail, item, self, action))

    def _open_action_dialog(self, dialog: ActionPointDialog) -> None:
        """Window-modal, not a nested event loop: saved (and the minutes read again) on OK."""
        self.action_dialog = dialog
        dialog.accepted.connect(lambda: self._action_saved(dialog.action_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _action_saved(self, action_id: int | None) -> None:
        self.action_dialog = None
        self.changed.emit()
        self._select_action(action_id)

    def delete_action(self) -> None:
        action = self.current_action()
        if action is None:
            return
        question = f"Delete action point {action.number}, “{action.description}”?"
        if not dialogs.confirm(self, "Delete the action point", question):
            return
        if attempt(self, "Action point not deleted", minutes_service.delete_action_point, self.db, action.id) is FAILED:
            return
        self.changed.emit()

    def _select_action(self, action_id: int | None) -> None:
        for row, record in enumerate(self.action_model.records()):
            if record.id == action_id:
                self.actions.selectionModel().setCurrentIndex(
                    self.action_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )


__all__ = ["ActionModel", "ActionPointDialog", "MinutesEditor", "MinutesTab"]
