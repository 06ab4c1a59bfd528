"""The people list as a table model that stays fast with tens of thousands of people.

The model holds only the ids that match the search, in their order (``search_people_ids``: one
pass in SQL, filtering and sorting there; a text typed further is searched within the last result,
see ``people_query.RecentSearches``). The rows on screen are read by id in pages of ``PAGE_SIZE``
(``people_rows``) when ``data()`` first asks for one of them, with the text of each cell made
once, and kept in a small cache; a new search or any change drops the cache. Sorting by a column
asks SQL again. No QSortFilterProxyModel: it would touch every row.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ...core.database import Database
from ...core.enums import Sex
from ...services import contacts
from ...services.contacts import PersonRow
from ..table_model import ID_ROLE
from .people_query import PeopleQuery, RecentSearches

__all__ = ["PeopleModel", "PeopleQuery"]

_Index = QModelIndex | QPersistentModelIndex
#: A row read: the person and the text of each column.
_Line = tuple[PersonRow, tuple[str, ...]]


@dataclass(frozen=True)
class _Col:
    header: str
    sort_key: str  # a key of services.contacts.PEOPLE_SORT_KEYS
    width: int  # in average characters


class PeopleModel(QAbstractTableModel):
    NAME, ORGANISATION, CATEGORY, POSITION, EMAIL, PHONE, SEX = range(7)
    COLUMNS = (
        _Col("Name", "name", 26),
        _Col("Organisation", "acronym", 14),
        _Col("Category", "category", 18),
        _Col("Position", "position", 28),
        _Col("E-mail", "email", 28),
        _Col("Phone", "phone", 17),
        _Col("Sex", "sex", 10),
    )
    PAGE_SIZE = 100  # four screens: reading them costs a couple of milliseconds
    MAX_PAGES = 80  # 8,000 rows kept at most

    #: After each new search: (number of matches, milliseconds the query took).
    searched = Signal(int, float)

    def __init__(self, db: Database, parent=None, query: PeopleQuery | None = None):
        super().__init__(parent)
        self.db = db
        self._query = query or PeopleQuery()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, _Line]] = OrderedDict()
        self._recent_searches = RecentSearches()
        self.last_query_ms = 0.0
        self.loaded = False
        self._italic: QFont | None = None
        self._recent = -1  # the page read last (kept last in the cache)

    # -- what is shown --------------------------------------------------------------------

    @property
    def query(self) -> PeopleQuery:
        return self._query

    def set_query(self, query: PeopleQuery) -> None:
        """Show ``query`` (the model is reset: ids and cache, unless the very same people are
        shown, as after a space typed). Answered from the last results when it can be (a text
        typed further, or rubbed out again), else searched in full."""
        start = time.perf_counter()
        self._query = query
        ids = self._recent_searches.answer(self.db, query)
        if ids is None:
            self._search()
        elif ids is self._ids and self.loaded:
            self._searched(start)
        else:
            self._show(ids, start)

    def update_query(self, **changes) -> None:
        self.set_query(replace(self._query, **changes))

    def reload(self) -> None:
        """Read the matching ids again (after a change in the database): a full search, the
        results kept for the search as you type forgotten."""
        self._recent_searches.clear()
        self._search()

    def _search(self) -> None:
        start = time.perf_counter()
        read_at = self._recent_searches.now()
        ids = contacts.search_people_ids(self.db, self._query.text, **self._query.search_kwargs())
        self._recent_searches.keep(self._query, ids, read_at)
        self._show(ids, start)

    def _show(self, ids: list[int], start: float) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.loaded = True
        self._searched(start)

    def _searched(self, start: float) -> None:
        self.last_query_ms = (time.perf_counter() - start) * 1000
        self.searched.emit(len(self._ids), self.last_query_ms)

    def clear(self) -> None:
        """Show nobody (without asking SQL), until the next ``set_query`` (a full search) or
        ``reload``."""
        self._recent_searches.clear()
        self.beginResetModel()
        self._ids = []
        self._pages.clear()
        self.endResetModel()
        self.loaded = False

    def forget_rows(self) -> None:
        """The rows changed but not which ones match (an edit): read them again when shown; the
        next search is a full one (a renamed organisation is found by its new name)."""
        self._recent_searches.clear()
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    # -- ids and rows ---------------------------------------------------------------------

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, person_id: int) -> int:
        """The row showing ``person_id``; -1 when the search leaves them out."""
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def person(self, row: int) -> PersonRow | None:
        """The row's person (read with its page when not yet read); None if they were deleted."""
        line = self._line(row)
        return None if line is None else line[0]

    def people(self, rows: Iterable[int]) -> list[PersonRow]:
        found = (self.person(row) for row in rows)
        return [p for p in found if p is not None]

    def _line(self, row: int) -> _Line | None:
        if not 0 <= row < len(self._ids):
            return None
        number = row // self.PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
        elif number != self._recent:
            self._pages.move_to_end(number)
            self._recent = number
        return page.get(self._ids[row])

    def _fetch(self, number: int) -> dict[int, _Line]:
        ids = self._ids[number * self.PAGE_SIZE : (number + 1) * self.PAGE_SIZE]
        page = {p.id: (p, _texts(p)) for p in contacts.people_rows(self.db, ids)}
        self._pages[number] = page
        self._recent = number
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.COLUMNS[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {self.COLUMNS[section].header.lower()} (click again to reverse)"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called for each cell on screen for seven roles at every paint: the text first and fast.
        if role == _DISPLAY:
            line = self._line(index.row())
            return None if line is None else line[1][index.column()]
        if role not in _ROLES:
            return None
        if role == ID_ROLE:
            row = index.row()
            return self._ids[row] if 0 <= row < len(self._ids) else None
        line = self._line(index.row())
        if line is None:
            return None
        person = line[0]
        if role == _TOOLTIP:
            return _tooltip(person, index.column())
        if person.archived:
            if role == _FONT:
                if self._italic is None:
                    self._italic = QFont()
                    self._italic.setItalic(True)
                return self._italic
            if role == _FOREGROUND:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the view when a header is clicked: the order is SQL's."""
        if not 0 <= column < len(self.COLUMNS):
            return
        key = self.COLUMNS[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.order_by, self._query.descending):
            return
        if self.loaded:
            self.update_query(order_by=key, descending=descending)
        else:  # the view setting its first order: the first reload reads in it
            self._query = replace(self._query, order_by=key, descending=descending)


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
#: The roles served besides the text.
_ROLES = frozenset({_TOOLTIP, _FONT, _FOREGROUND, ID_ROLE})


def _texts(p: PersonRow) -> tuple[str, ...]:
    """The text of each column, in the order of ``PeopleModel.COLUMNS``."""
    name = f"{p.display_name} (archived)" if p.archived else p.display_name
    return (
        name,
        p.organisation_short,
        p.category.label if p.category else "",
        p.position,
        p.email or "",
        p.phone,
        "" if p.sex == Sex.NOT_RECORDED else p.sex.label,
    )


def _tooltip(p: PersonRow, column: int) -> str | None:
    if column == PeopleModel.NAME and p.archived:
        return f"{p.display_name} is archived: hidden unless 'Show archived' is ticked."
    if column == PeopleModel.ORGANISATION and p.organisation_name:
        return p.organisation_name
    if column == PeopleModel.CATEGORY and p.category:
        return p.category.label
    if column == PeopleModel.POSITION:
        return p.position or None
    if column == PeopleModel.EMAIL and p.alt_email:
        return f"{p.email}\nalso {p.alt_email}"
    return None

