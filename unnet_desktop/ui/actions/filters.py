"""The filters above the list of action points: text, status, responsible organisation,
meeting, working group, overdue, due within N days. ``query()`` gives them as the arguments of
``services.action_points.list_action_points`` (and of the tracker export)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES, ActionStatus
from ...services import meetings as meetings_service
from ...services.working_groups import list_working_groups
from ..meetings.choosers import organisation_combo
from ..meetings.common import select_data

#: The choices of the status filter: (label, the statuses' values joined by commas).
STATUS_CHOICES: tuple[tuple[str, Any], ...] = (
    ("Any status", None),
    ("Open or in progress", ",".join(s.value for s in OPEN_ACTION_STATUSES)),
    *((status.label, status.value) for status in ActionStatus),
)


class ActionFilters(QWidget):
    """``changed`` when a filter changes (the text after a short pause)."""

    changed = Signal()
    SEARCH_DELAY_MS = 250
    NO_DAYS = -1  # the "due within" box's "any time"

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search description, note, meeting, organisation or person")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search action points")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Status")
        for label, value in STATUS_CHOICES:
            self.status.addItem(label, value)
        self.organisation = organisation_combo(db, self, none_label="All organisations")
        self.organisation.setAccessibleName("Responsible organisation")
        self.organisation.setMinimumContentsLength(16)
        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName("Meeting")
        self.meeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.meeting.setMinimumContentsLength(14)
        self.meeting.setMaxVisibleItems(20)
        self.working_group = QComboBox(self)
        self.working_group.setAccessibleName("Working group")
        self.working_group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.working_group.setMinimumContentsLength(14)

        self.overdue = QCheckBox("Overdue only", self)
        self.overdue.setToolTip("Open or in progress, and due before today")
        self.due_within = QSpinBox(self)
        self.due_within.setAccessibleName("Due within")
        self.due_within.setRange(self.NO_DAYS, 366)
        self.due_within.setSpecialValueText("any time")
        self.due_within.setSuffix(" days")
        self.due_within.setValue(self.NO_DAYS)
        self.due_within.setToolTip("Open or in progress, and due from today to this many days ahead")
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.clicked.connect(self.clear)

        grid.addWidget(self.search, 0, 0, 1, 3)
        grid.addWidget(self.status, 0, 3)
        grid.addWidget(self.organisation, 0, 4)
        grid.addWidget(self.meeting, 1, 0)
        grid.addWidget(self.working_group, 1, 1)
        due = QHBoxLayout()
        due.setSpacing(6)
        due.addWidget(self.overdue)
        due.addSpacing(10)
        due.addWidget(QLabel("Due within", self))
        due.addWidget(self.due_within)
        due.addStretch(1)
        grid.addLayout(due, 1, 2, 1, 2)
        grid.addWidget(self.clear_button, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

        self.fill_choices()
        for combo in (self.status, self.organisation, self.meeting, self.working_group):
            combo.currentIndexChanged.connect(self._on_changed)
        self.overdue.toggled.connect(self._on_overdue)
        self.due_within.valueChanged.connect(self._on_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._on_changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_search_now)
        self._quiet = False
        self._update_clear()

    # -- choices ----------------------------------------------------------------------------

    def fill_choices(self) -> None:
        """The meetings and working groups of the database (what is chosen stays chosen)."""
        self._quiet = True
        try:
            current = self.meeting.currentData()
            self.meeting.clear()
            self.meeting.addItem("All meetings", None)
            for row in meetings_service.list_meetings(self.db, order_by="starts_at", descending=True):
                self.meeting.addItem(f"{row.reference} — {row.title}", row.id)
            select_data(self.meeting, current)
            current = self.working_group.currentData()
            self.working_group.clear()
            self.working_group.addItem("All working groups", None)
            for group in list_working_groups(self.db):
                self.working_group.addItem(f"{group.short_name} — {group.name}", group.id)
            select_data(self.working_group, current)
        finally:
            self._quiet = False

    # -- the filters ------------------------------------------------------------------------

    def query(self) -> dict[str, Any]:
        """The filters as keyword arguments of ``list_action_points``."""
        days = self.due_within.value()
        status = self.status.currentData()
        return {
            "status": status.split(",") if status else None,
            "organisation_id": self.organisation.currentData(),
            "meeting_id": self.meeting.currentData(),
            "working_group_id": self.working_group.currentData(),
            "overdue": self.overdue.isChecked(),
            "due_within_days": None if days == self.NO_DAYS or self.overdue.isChecked() else days,
            "text": self.search.text().strip() or None,
        }

    def is_filtered(self) -> bool:
        return any(value is not None and value is not False for value in self.query().values())

    def set_status(self, *statuses: ActionStatus) -> None:
        """Choose the status filter (none given: any status)."""
        select_data(self.status, ",".join(s.value for s in statuses) or None)

    def set_organisation(self, organisation_id: int | None) -> None:
        select_data(self.organisation, organisation_id)

    def clear(self) -> None:
        self._quiet = True
        try:
            self.search.clear()
            self._timer.stop()
            for combo in (self.status, self.organisation, self.meeting, self.working_group):
                combo.setCurrentIndex(0)
            self.overdue.setChecked(False)
            self.due_within.setValue(self.NO_DAYS)
        finally:
            self._quiet = False
        self._on_changed()

    def apply_search_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._on_changed()

    def _on_overdue(self, checked: bool) -> None:
        # Overdue (due before today) and "due within" (from today on) never meet.
        self.due_within.setEnabled(not checked)
        self._on_changed()

    def _on_changed(self, *_args) -> None:
        if self._quiet:
            return
        self._update_clear()
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.is_filtered())


__all__ = ["STATUS_CHOICES", "ActionFilters"]
