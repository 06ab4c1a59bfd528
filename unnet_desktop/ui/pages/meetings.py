"""The Meetings page: the list of meetings (filters, sorting, New meeting, Plan the year) and,
when one is opened (Enter or a double click), the meeting with its tabs.

Keys: Ctrl+N a new meeting (taken before the window's "New database" while the page has the
focus), Enter opens the selected meeting, Alt+Left goes back to the list. The parts live in
``ui/meetings/``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ...core.database import Database
from ..meetings.common import plural
from ..meetings.meeting_form import NewMeetingDialog, PlanYearDialog
from ..meetings.meeting_list import MeetingListPanel
from ..meetings.meeting_view import MeetingView
from ..widgets import PageHeader, muted_label


SUBTITLE = "Quarterly, ad-hoc, annual and working group meetings: agenda, participants, minutes."


def _is_new_key(event: QKeyEvent) -> bool:
    return event.matches(QKeySequence.StandardKey.New)


class MeetingsPage(QWidget):
    """``PageClass(db, parent)`` with ``refresh()``, as every page of the main window."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.new_dialog: NewMeetingDialog | None = None
        self.plan_dialog: PlanYearDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        self.list_page = QWidget(self.stack)
        layout = QVBoxLayout(self.list_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.header = PageHeader("Meetings", SUBTITLE, self.list_page)
        top.addWidget(self.header, 1)
        self.new_button = QPushButton("&New meeting…", self.list_page)
        self.new_button.setToolTip("Plan a meeting (Ctrl+N)")
        self.new_button.clicked.connect(self.new_meeting)
        self.plan_button = QPushButton("Plan the &year…", self.list_page)
        self.plan_button.setToolTip("Create the four quarterly meetings of a year")
        self.plan_button.clicked.connect(self.plan_year)
        self.open_button = QPushButton("&Open", self.list_page)
        self.open_button.setToolTip("Open the selected meeting (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        for button in (self.new_button, self.plan_button, self.open_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.list = MeetingListPanel(db, self.list_page)
        self.list.open_requested.connect(self.open_meeting)
        self.list.current_changed.connect(lambda meeting_id: self.open_button.setEnabled(meeting_id is not None))
        layout.addWidget(self.list, 1)
        self.note = muted_label("", self.list_page)
        layout.addWidget(self.note)
        self.note.hide()
        self.stack.addWidget(self.list_page)

        self.meeting = MeetingView(db, self.stack)
        self.meeting.back_requested.connect(self.show_list)
        self.meeting.meeting_deleted.connect(self._deleted)
        self.stack.addWidget(self.meeting)

        QWidget.setTabOrder(self.list.filters.search, self.list.filters.year)
        QWidget.setTabOrder(self.list.filters.when, self.list.view)
        QWidget.setTabOrder(self.list.view, self.new_button)
        self.refresh()
        self.list.view.setFocus()

    # -- the page -------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.meeting:
            if not self.meeting.reload():
                self.show_list()
            return
        self.list.reload()

    def showing_meeting(self) -> bool:
        return self.stack.currentWidget() is self.meeting

    def open_selected(self) -> None:
        meeting_id = self.list.current_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int, tab: int | None = None) -> None:
        if not self.meeting.show_meeting(meeting_id):
            self.list.reload()
            return
        if tab is not None:
            self.meeting.tabs.setCurrentIndex(tab)
        self.stack.setCurrentWidget(self.meeting)
        self.meeting.tabs.currentWidget().setFocus()

    def show_list(self) -> None:
        self.meeting.leave()
        self.stack.setCurrentWidget(self.list_page)
        self.list.reload(select_id=self.meeting.meeting_id)
        self.list.view.setFocus()

    def _deleted(self, meeting_id: int) -> None:
        self.meeting.meeting_id = None
        self.stack.setCurrentWidget(self.list_page)
        self.list.reload()
        self._say("The meeting was deleted.")
        self.list.view.setFocus()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- new meetings ---------------------------------------------------------------------

    def new_meeting(self) -> NewMeetingDialog:
        """Open the New meeting dialog (window-modal); the meeting opens once created."""
        dialog = NewMeetingDialog(self.db, self)
        dialog.accepted.connect(lambda: self._created(dialog.meeting_id))
        dialog.finished.connect(dialog.deleteLater)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _created(self, meeting_id: int | None) -> None:
        self.new_dialog = None
        if meeting_id is None:
            return
        self._say("")
        self.list.reload(select_id=meeting_id)
        self.open_meeting(meeting_id, MeetingView.AGENDA)

    def plan_year(self) -> PlanYearDialog:
        dialog = PlanYearDialog(self.db, self)
        dialog.accepted.connect(lambda: self._planned(dialog.year.value(), dialog.meeting_ids))
        dialog.finished.connect(dialog.deleteLater)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, year: int, meeting_ids: list[int]) -> None:
        self.plan_dialog = None
        if self.showing_meeting():
            self.show_list()
        self.list.reload(select_id=meeting_ids[0] if meeting_ids else None)
        planned = plural(len(meeting_ids), "quarterly meeting")
        self._say(f"{planned} planned for {year}, each with the standing agenda items.")

    # -- Ctrl+N ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Ctrl+N is also the window's "New database"; while the focus is on this page it is
        # claimed here (an accepted ShortcutOverride), so it reaches keyPressEvent instead.
        if event.type() == QEvent.Type.ShortcutOverride and _is_new_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_new_key(event):
            event.accept()
            self.new_meeting()
            return
        super().keyPressEvent(event)


__all__ = ["MeetingsPage"]
