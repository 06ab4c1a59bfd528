"""A meeting's details (changed and saved with one button), its status (planned, held,
cancelled), its recorded history and deleting it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.database import Database
from ...core.enums import MeetingStatus
from ...services import meetings as meetings_service
from ...services import minutes as minutes_service
from ...services.meeting_views import MeetingDetail
from .. import dialogs
from ..widgets import Badge, Card, muted_label, scrolled_content
from .common import FAILED, STATUS_COLOURS, attempt
from .meeting_form import MeetingFields

STATUS_TEXT = {
    MeetingStatus.PLANNED: "The meeting is planned.",
    MeetingStatus.HELD: "The meeting has taken place.",
    MeetingStatus.CANCELLED: "The meeting was cancelled; its record stays.",
}


class DetailsTab(QWidget):
    changed = Signal()
    deleted = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: MeetingDetail | None = None
        content = scrolled_content(self)
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 12, 0, 0)
        row.setSpacing(16)

        self.form_card = Card("Meeting", content)
        self.fields = MeetingFields(db, self.form_card, new=False)
        self.form_card.body.addWidget(self.fields)
        self.lock_note = muted_label(
            "The minutes are approved: the details they record are locked. Only the confidentiality can change.",
            self.form_card,
        )
        self.form_card.body.addWidget(self.lock_note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save changes", self.form_card)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton("Undo changes", self.form_card)
        self.undo_button.setToolTip("Show the details as they are saved")
        self.undo_button.clicked.connect(self._show_fields)
        self.save_note = muted_label("", self.form_card)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_note, 1)
        self.form_card.body.addLayout(buttons)
        self.form_card.body.addStretch(1)
        row.addWidget(self.form_card, 3)

        side = QVBoxLayout()
        side.setSpacing(16)
        self.status_card = Card("Status", content)
        self.status_badge = Badge("", parent=self.status_card)
        self.status_card.header.addWidget(self.status_badge)
        self.status_text = QLabel(self.status_card)
        self.status_text.setWordWrap(True)
        self.status_card.body.addWidget(self.status_text)
        status_buttons = QHBoxLayout()
        self.held_button = QPushButton("Mark as held", self.status_card)
        self.cancel_button = QPushButton("Cancel the meeting…", self.status_card)
        self.planned_button = QPushButton("Back to planned", self.status_card)
        self.held_button.clicked.connect(lambda: self.set_status(MeetingStatus.HELD))
        self.cancel_button.clicked.connect(self._cancel)
        self.planned_button.clicked.connect(lambda: self.set_status(MeetingStatus.PLANNED))
        for button in (self.held_button, self.cancel_button, self.planned_button):
            status_buttons.addWidget(button)
        status_buttons.addStretch(1)
        self.status_card.body.addLayout(status_buttons)
        side.addWidget(self.status_card)

        self.history_card = Card("History", content)
        self.history = QLabel(self.history_card)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_card.body.addWidget(self.history)
        side.addWidget(self.history_card)
        side.addStretch(1)
        self.delete_button = QPushButton("Delete this meeting…", content)
        self.delete_button.setToolTip("Only a meeting without action points or approved minutes; cancel it otherwise")
        self.delete_button.clicked.connect(self._delete)
        side.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addLayout(side, 2)

    # -- showing --------------------------------------------------------------------------

    def set_detail(self, detail: MeetingDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        self.detail = detail
        self._show_fields()
        if not same:
            self.save_note.clear()
        self.fields.set_locked(detail.locked)
        self.lock_note.setVisible(detail.locked)
        self.status_badge.set_badge(detail.status.label, STATUS_COLOURS[detail.status])
        self.status_text.setText(STATUS_TEXT[detail.status])
        self.held_button.setVisible(detail.status is not MeetingStatus.HELD)
        self.cancel_button.setVisible(detail.status is not MeetingStatus.CANCELLED)
        self.planned_button.setVisible(detail.status is not MeetingStatus.PLANNED)
        if detail.locked:
            self.status_text.setText(STATUS_TEXT[detail.status] + " The status is locked with the approved minutes.")
            for button in (self.held_button, self.cancel_button, self.planned_button):
                button.hide()
        self.delete_button.setEnabled(not detail.locked)
        self._show_history()

    def _show_fields(self) -> None:
        if self.detail is not None:
            self.fields.load(self.detail)

    def _show_history(self) -> None:
        events = minutes_service.minutes_history(self.db, self.detail.id)
        if not events:
            self.history.setText("<i>Nothing recorded yet: circulating, approving or reopening the minutes "
                                 "and moving the meeting are recorded here.</i>")
            return
        lines = []
        for event in reversed(events):
            note = f"<br><span>{escape(event.note)}</span>" if event.note else ""
            who = f" · {escape(event.by)}" if event.by else ""
            lines.append(f"<p><b>{escape(event.label)}</b><br><small>{escape(event.when)}{who}</small>{note}</p>")
        self.history.setText("".join(lines))

    # -- actions --------------------------------------------------------------------------

    def save(self) -> None:
        if self.detail is None:
            return
        changes = attempt(self, "Details not saved", self.fields.changes, self.detail)
        if changes is FAILED:
            return
        if not changes:
            self.save_note.setText("Nothing has changed.")
            return
        saved = attempt(self, "Details not saved", meetings_service.update_meeting, self.db, self.detail.id, **changes)
        if saved is FAILED:
            return
        moved = set(changes) & meetings_service.RESCHEDULING_FIELDS
        self.save_note.setText(
            "Saved. The meeting moved: export the calendar invitation again so that calendars update."
            if moved
            else "Saved."
        )
        self.changed.emit()

    def set_status(self, status: MeetingStatus) -> None:
        if self.detail is None:
            return
        done = attempt(self, "Status not changed", meetings_service.set_meeting_status, self.db, self.detail.id, status)
        if done is FAILED:
            return
        self.changed.emit()

    def _cancel(self) -> None:
        if self.detail is None:
            return
        if dialogs.confirm(
            self,
            "Cancel the meeting",
            f"Cancel {self.detail.reference}? It stays on record as cancelled; "
            "export the calendar invitation again to tell the participants.",
        ):
            self.set_status(MeetingStatus.CANCELLED)

    def _delete(self) -> None:
        if self.detail is None:
            return
        detail = self.detail
        if not dialogs.confirm(
            self,
            "Delete the meeting",
            f"Delete {detail.reference} with its agenda and participants? This cannot be undone.",
        ):
            return
        if attempt(self, "Meeting not deleted", meetings_service.delete_meeting, self.db, detail.id) is FAILED:
            return
        self.deleted.emit(detail.id)


__all__ = ["DetailsTab"]
