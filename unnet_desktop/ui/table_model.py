"""A read-only table model over a list of plain records (the dataclasses services return).

The columns are declared once (header, text, sort value, tooltip); the view never builds a
widget per row. Sorting and filtering of big lists belong in the service's SQL: this model
only shows what it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

R = TypeVar("R")

#: The raw value a column sorts by (a date, a number, a string).
SORT_ROLE = Qt.ItemDataRole.UserRole
#: The record's database id.
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None  # defaults to the text
    tooltip: Callable[[R], str | None] | None = None
    colour: Callable[[R], str | None] | None = None  # a text colour such as "#c62828"
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    columns: Sequence[Column] = ()

    def __init__(self, parent=None, columns: Sequence[Column] | None = None):
        super().__init__(parent)
        if columns is not None:
            self.columns = tuple(columns)
        self._records: list[R] = []

    def set_records(self, records: Iterable[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (
            0 <= index.row() < len(self._records) and 0 <= index.column() < len(self.columns)
        ):
            return None
        record, column = self._records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(record) if column.colour else None
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else column.text(record)
        if role == ID_ROLE:
            return getattr(record, "id", None)
        return None
