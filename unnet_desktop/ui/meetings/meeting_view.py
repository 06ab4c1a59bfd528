"""One meeting: a header (reference, title, when and where, status badges) over the tabs
Details, Agenda, Participants, Minutes and Files. Every tab shows the same ``MeetingDetail``;
a tab that changed something asks for it to be read again (``changed``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core.database import Database
from ...core.enums import Confidentiality
from ...core.errors import KnownError
from ...services.meeting_views import MeetingDetail, meeting_detail
from ..widgets import Badge, muted_label, scaled_font
from .agenda_tab import AgendaTab
from .common import MINUTES_COLOURS, MUTED_COLOUR, STATUS_COLOURS
from .details_tab import DetailsTab
from .exports_tab import ExportsTab
from .minutes_tab import MinutesTab
from .participants_tab import ParticipantsTab


class MeetingView(QWidget):
    back_requested = Signal()
    meeting_changed = Signal(int)
    meeting_deleted = Signal(int)

    DETAILS, AGENDA, PARTICIPANTS, MINUTES, FILES = range(5)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.meeting_id: int | None = None
        self.detail: MeetingDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        # Back button and title on one line; the badges and when/where under the title.
        top = QHBoxLayout()
        top.setSpacing(12)
        self.back_button = QPushButton("← All meetings", self)
        self.back_button.setToolTip("Back to the list of meetings (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setFont(scaled_font(self.font(), 1.45, bold=True))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title, 1)
        layout.addLayout(top)
        line = QHBoxLayout()
        line.setSpacing(6)
        self.status_badge = Badge("", parent=self)
        self.minutes_badge = Badge("", parent=self)
        self.confidentiality_badge = Badge("", parent=self)
        for badge in (self.status_badge, self.minutes_badge, self.confidentiality_badge):
            line.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        line.addSpacing(6)
        self.subtitle = muted_label("", self)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(self.subtitle, 1)
        layout.addLayout(line)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.details = DetailsTab(db, self.tabs)
        self.agenda = AgendaTab(db, self.tabs)
        self.participants = ParticipantsTab(db, self.tabs)
        self.minutes = MinutesTab(db, self.tabs)
        self.files = ExportsTab(db, self.tabs)
        self.tabs.addTab(self.details, "&Details")
        self.tabs.addTab(self.agenda, "A&genda")
        self.tabs.addTab(self.participants, "Partici&pants")
        self.tabs.addTab(self.minutes, "&Minutes")
        self.tabs.addTab(self.files, "&Files")
        layout.addWidget(self.tabs, 1)
        for tab in (self.details, self.agenda, self.participants, self.minutes):
            tab.changed.connect(self.reload)
        self.details.deleted.connect(self.meeting_deleted)

        self.back_action = QAction("Back to the meetings", self)
        self.back_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(self.back_requested)
        self.addAction(self.back_action)

    def show_meeting(self, meeting_id: int) -> bool:
        """Show another meeting (text typed in the minutes of the previous one is saved first)."""
        self.minutes.flush()
        self.meeting_id = meeting_id
        return self.reload()

    def leave(self) -> None:
        """The view is going away: save what is typed."""
        self.minutes.flush()

    def reload(self) -> bool:
        """Read the meeting again and show it on every tab; False when it no longer exists."""
        if self.meeting_id is None:
            return False
        try:
            detail = meeting_detail(self.db, self.meeting_id)
        except KnownError:
            self.detail = None
            return False
        first = self.detail is None or self.detail.id != detail.id
        self.detail = detail
        self._show_header(detail)
        for tab in (self.details, self.agenda, self.participants, self.minutes, self.files):
            tab.set_detail(detail)
        self.tabs.setTabText(self.AGENDA, f"A&genda ({len(detail.agenda)})")
        self.tabs.setTabText(self.PARTICIPANTS, f"Partici&pants ({len(detail.participants)})")
        if not first:
            self.meeting_changed.emit(detail.id)
        return True

    def _show_header(self, detail: MeetingDetail) -> None:
        self.title.setText(f"{escape(detail.reference)} · {escape(detail.title)}")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        kind = detail.kind.label + (f" ({detail.working_group})" if detail.working_group else "")
        place = " + ".join(p for p in (detail.venue, "online" if detail.online_link else "") if p)
        parts = [kind, detail.long_when]
        if place:
            parts.append(place)
        if detail.chair:
            parts.append(f"Chair: {detail.chair.with_organisation}")
        self.subtitle.setText(" · ".join(parts))
        self.status_badge.set_badge(detail.status.label, STATUS_COLOURS[detail.status])
        self.minutes_badge.set_badge(f"Minutes: {detail.minutes_status.label}", MINUTES_COLOURS[detail.minutes_status])
        internal = detail.confidentiality is Confidentiality.INTERNAL
        self.confidentiality_badge.set_badge(detail.confidentiality.label, "#6a1b9a" if internal else MUTED_COLOUR)


__all__ = ["MeetingView"]
