"""The list of action points: a table model fed page by page by ``list_action_points``.

The filters and the order are the service's (SQL); the model holds the rows read so far and asks
for the next page when the view scrolls near the end (Qt's ``canFetchMore`` / ``fetchMore``),
so 20,000 action points cost one count and one page of 500 rows per filter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.database import Database
from ...core.enums import ActionStatus
from ...core.timezone import to_wib
from ...services import action_points as service
from ..meetings.common import INFO_COLOUR, MUTED_COLOUR
from ..table_model import ID_ROLE, SORT_ROLE
from ..widgets import ALERT_COLOUR, GOOD_COLOUR

_Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {
    ActionStatus.OPEN: None,
    ActionStatus.IN_PROGRESS: INFO_COLOUR,
    ActionStatus.DONE: GOOD_COLOUR,
    ActionStatus.DROPPED: MUTED_COLOUR,
}
#: A pale red behind overdue rows (their text in ALERT_COLOUR).
OVERDUE_BACKGROUND = "#fdecea"


def due_text(day: dt.date | None) -> str:
    return f"{day:%d %b %Y}" if day is not None else ""


def last_change_text(moment: dt.datetime | None) -> str:
    return f"{to_wib(moment):%d %b %Y}" if moment is not None else ""


def responsible_text(row: Any) -> str:
    """``IOM · Dewi Lestari``, one of them, or "Not assigned"."""
    parts = [p for p in (row.organisation, row.person) if p]
    return " · ".join(parts) if parts else "Not assigned"


class ActionListModel(QAbstractTableModel):
    """Rows of ``list_action_points`` (named-tuple like, fields of ``LIST_FIELDS``)."""

    # The agenda item last: on a narrow window it is the column that scrolls out of sight
    # (the side panel shows it too).
    MEETING, DESCRIPTION, ORGANISATION, PERSON, DUE, STATUS, CHANGED, AGENDA = range(8)
    HEADERS = (
        "Meeting",
        "Action point",
        "Organisation",
        "Person",
        "Due",
        "Status",
        "Last change",
        "Agenda item",
    )
    #: The ``order_by`` of ``list_action_points`` for each column.
    ORDER_KEYS = ("meeting", "description", "organisation", "person", "due_date", "status", "updated_at", "agenda_item")
    PAGE = 500

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self._rows: list[Any] = []
        self._total = 0
        self._filters: dict[str, Any] = {}
        self.order_by = "due_date"
        self.descending = False
        self.today: dt.date | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._texts: tuple[Callable[[Any], str], ...] = (
            lambda r: r.meeting_reference or "—",
            lambda r: r.description,
            lambda r: r.organisation,
            lambda r: r.person,
            lambda r: due_text(r.due_date),
            lambda r: r.status.label,
            lambda r: last_change_text(r.updated_at),
            lambda r: r.agenda_item,
        )

    # -- querying ---------------------------------------------------------------------------

    def query(self, filters: dict[str, Any], order_by: str | None = None, descending: bool | None = None) -> None:
        """Read the count and the first page for these filters (the arguments of
        ``list_action_points``) and this order."""
        self._filters = dict(filters)
        if order_by is not None:
            self.order_by = order_by
        if descending is not None:
            self.descending = descending
        self._read(self.PAGE)

    def reload(self) -> None:
        """Read again with the same filters and order: as many rows as were shown (at least a page)."""
        self._read(max(self.PAGE, len(self._rows)))

    def _read(self, wanted: int) -> None:
        today = self.today or service.today_wib()
        total = service.count_action_points(self.db, today=today, **self._filters)
        rows = service.list_action_points(
            self.db,
            today=today,
            order_by=self.order_by,
            descending=self.descending,
            limit=wanted,
            **self._filters,
        )
        self.beginResetModel()
        self._total, self._rows = total, rows
        self.endResetModel()

    @property
    def filters(self) -> dict[str, Any]:
        return dict(self._filters)

    @property
    def total(self) -> int:
        """How many action points match, read or not yet."""
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or len(self._rows) >= self._total:
            return
        more = service.list_action_points(
            self.db,
            today=self.today or service.today_wib(),
            order_by=self.order_by,
            descending=self.descending,
            limit=self.PAGE,
            offset=len(self._rows),
            **self._filters,
        )
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- rows ---------------------------------------------------------------------------------

    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, action_point_id: int) -> int:
        for n, record in enumerate(self._rows):
            if record.id == action_point_id:
                return n
        return -1

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = index.column()
        if not 0 <= column < len(self.HEADERS):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[column](row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:  # the whole row in red on pale red: readable on light and dark themes
                return QColor(ALERT_COLOUR)
            colour = STATUS_COLOURS.get(row.status) if column == self.STATUS else None
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(OVERDUE_BACKGROUND) if row.overdue else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.overdue and column == self.DUE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ID_ROLE:
            return row.id
        return None

    def _tooltip(self, row: Any, column: int) -> str | None:
        if row.overdue and column in (self.DUE, self.STATUS):
            today = self.today or service.today_wib()
            days = (today - row.due_date).days
            return f"Overdue by {days} day{'s' if days != 1 else ''}"
        if column == self.DESCRIPTION:
            text = row.description
            if row.completion_note:
                text += f"\n\nCompletion note: {row.completion_note}"
            return text
        if column == self.AGENDA:
            return row.agenda_item or None
        if column in (self.ORGANISATION, self.PERSON):
            return responsible_text(row)
        return None

    def _sort_value(self, row: Any, column: int) -> Any:
        return (
            row.meeting_reference,
            row.description,
            row.organisation,
            row.person,
            row.due_date,
            list(ActionStatus).index(row.status),
            row.updated_at,
            row.agenda_item,
        )[column]


__all__ = ["ActionListModel", "STATUS_COLOURS", "due_text", "last_change_text", "responsible_text"]
