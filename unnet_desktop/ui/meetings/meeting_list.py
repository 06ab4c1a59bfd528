"""The list of meetings: a read-only model over ``services.meetings.list_meetings``, the filters
(year, kind, status, minutes, upcoming or past, search) and sorting by a click on a header,
both done by querying again in SQL (no proxy model over a long list)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from ...core.database import Database
from ...core.enums import MeetingKind, MeetingStatus, MinutesStatus
from ...services import meetings as meetings_service
from ...services.meeting_views import MeetingRow
from ..table_model import ID_ROLE, Column, RecordTableModel
from ..widgets import muted_label
from .common import MINUTES_COLOURS, MUTED_COLOUR, enum_combo, list_table, plural, set_column_widths


def _minutes_colour(row: MeetingRow) -> str | None:
    if row.status is MeetingStatus.CANCELLED:
        return MUTED_COLOUR
    return MINUTES_COLOURS.get(row.minutes_status)


def _place_tooltip(row: MeetingRow) -> str:
    lines = [row.title]
    if row.working_group:
        lines.append(f"Working group: {row.working_group}")
    if row.place:
        lines.append(row.place)
    if row.online_link:
        lines.append(row.online_link)
    return "\n".join(lines)


class MeetingListModel(RecordTableModel[MeetingRow]):
    REFERENCE, WHEN, KIND, TITLE, STATUS, MINUTES = range(6)
    columns = (
        Column("Reference", lambda m: m.reference),
        Column("Date and time (WIB)", lambda m: m.when.removesuffix(" WIB"), sort=lambda m: m.starts_at),
        Column("Kind", lambda m: m.kind_label, tooltip=lambda m: m.working_group or m.kind_label),
        Column("Title", lambda m: m.title, tooltip=_place_tooltip),
        Column(
            "Status",
            lambda m: m.status_label,
            colour=lambda m: MUTED_COLOUR if m.status is MeetingStatus.CANCELLED else None,
        ),
        Column("Minutes", lambda m: m.minutes_status_label, colour=_minutes_colour),
    )
    #: The ``order_by`` of ``list_meetings`` for each column.
    ORDER_KEYS = ("reference", "starts_at", "kind", "title", "status", "minutes_status")

    def row_of(self, meeting_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == meeting_id:
                return row
        return -1


class MeetingFilters(QWidget):
    """The filters above the list; ``changed`` when one of them changes (the search after a pause)."""

    changed = Signal()
    SEARCH_DELAY_MS = 250

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search reference, title or venue")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search meetings")
        self.year = QComboBox(self)
        self.year.setAccessibleName("Year")
        self.kind = enum_combo(MeetingKind, self, any_label="All kinds")
        self.status = enum_combo(MeetingStatus, self, any_label="Any status")
        self.minutes = enum_combo(MinutesStatus, self, any_label="Any minutes")
        self.when = QComboBox(self)
        self.when.setAccessibleName("Upcoming or past")
        for text, value in (("Upcoming and past", None), ("Upcoming", True), ("Past", False)):
            self.when.addItem(text, value)
        layout.addWidget(self.search, 3)
        for combo in (self.year, self.kind, self.status, self.minutes, self.when):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self.changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_search_now)
        self.set_years([])

    def apply_search_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def set_years(self, years: list[int]) -> None:
        """The years that have meetings (the one chosen stays chosen while it still has some)."""
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("All years", None)
        for year in years:
            self.year.addItem(str(year), year)
        index = self.year.findData(current)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        if current is not None and index < 0:
            self.changed.emit()

    def query(self) -> dict:
        """The filters as arguments of ``list_meetings``."""
        return {
            "year": self.year.currentData(),
            "kind": self.kind.currentData(),
            "status": self.status.currentData(),
            "minutes_status": self.minutes.currentData(),
            "upcoming": self.when.currentData(),
            "search": self.search.text(),
        }

    def is_filtered(self) -> bool:
        return any(v not in (None, "") for v in self.query().values())


class MeetingListPanel(QWidget):
    """The filters, the table and a line counting what is shown; ``open_requested`` with an id
    on Enter or a double click."""

    open_requested = Signal(int)
    current_changed = Signal(object)  # the selected meeting's id or None

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.order_by = "starts_at"
        self.descending = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.filters = MeetingFilters(self)
        layout.addWidget(self.filters)

        self.model = MeetingListModel(self)
        self.view = list_table(self)
        self.view.setObjectName("meetingList")
        self.view.setAccessibleName("Meetings")
        self.view.setModel(self.model)
        set_column_widths(
            self.view,
            {
                MeetingListModel.REFERENCE: "WG-FRDW-01",
                MeetingListModel.WHEN: "28 Nov 2024 09:00–15:30",
                MeetingListModel.KIND: "Working group meeting",
                MeetingListModel.STATUS: "Cancelled",
                MeetingListModel.MINUTES: "Circulated for comments",
            },
            stretch=MeetingListModel.TITLE,
        )
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(MeetingListModel.WHEN, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort)
        self.empty = muted_label("", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.count = muted_label("", self, wrap=False)
        layout.addWidget(self.count)

        self.filters.changed.connect(self.reload)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.current_changed.emit(self.current_id())
        )

    # -- data -----------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Query again with the filters and the order; keep (or move to) the selected meeting."""
        keep = select_id if select_id is not None else self.current_id()
        self.filters.set_years(meetings_service.meeting_years(self.db))
        rows = meetings_service.list_meetings(
            self.db, order_by=self.order_by, descending=self.descending, **self.filters.query()
        )
        self.model.set_records(rows)
        if rows:
            self.stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(
                "No meeting matches these filters."
                if self.filters.is_filtered()
                else "No meetings yet. Create one with New meeting (Ctrl+N), or plan the year's quarterly meetings."
            )
            self.stack.setCurrentWidget(self.empty)
        self.count.setText(plural(len(rows), "meeting") + (" match the filters" if self.filters.is_filtered() else ""))
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self.current_changed.emit(None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def select_meeting(self, meeting_id: int) -> bool:
        row = self.model.row_of(meeting_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.data(index, ID_ROLE)

    # -- events ---------------------------------------------------------------------------

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        self.order_by = MeetingListModel.ORDER_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def _on_activated(self, index) -> None:
        meeting_id = self.model.data(index, ID_ROLE)
        if meeting_id is not None:
            self.open_requested.emit(meeting_id)


__all__ = ["MeetingFilters", "MeetingListModel", "MeetingListPanel"]
