"""The organisations list: filtered and sorted in SQL (``search_organisations``), members and
observers marked with a coloured dot and their role in colour."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from ...core.database import Database
from ...core.enums import NetworkRole, OrganisationCategory
from ...services import contacts
from ...services.contacts import OrganisationRow
from ..table_model import Column, RecordTableModel
from .common import ROLE_COLOURS

_Index = QModelIndex | QPersistentModelIndex

#: The role filter's choices beyond single roles: every member role at once.
MEMBERS = "members"


@dataclass(frozen=True)
class OrganisationsQuery:
    text: str = ""
    category: OrganisationCategory | None = None
    network_role: NetworkRole | str | None = None  # a role, or MEMBERS for chair + co-chair + member
    include_archived: bool = False
    order_by: str = "name"
    descending: bool = False


def role_text(row: OrganisationRow) -> str:
    return "" if row.network_role == NetworkRole.NONE else row.network_role.label


def _people_text(row: OrganisationRow) -> str:
    return str(row.people_count) if row.people_count else ""


class OrganisationsModel(RecordTableModel[OrganisationRow]):
    ROLE, NAME, ACRONYM, CATEGORY, FOCAL, ALTERNATE, PEOPLE, SINCE = range(8)
    columns = (
        Column("Network role", role_text, colour=lambda o: ROLE_COLOURS.get(o.network_role.value)),
        Column("Name", lambda o: f"{o.name} (archived)" if o.archived else o.name, tooltip=lambda o: o.name),
        Column("Acronym", lambda o: o.acronym or ""),
        Column("Category", lambda o: o.category.label, tooltip=lambda o: o.category.label),
        Column("Focal point", lambda o: o.focal_point_name or "", tooltip=lambda o: o.focal_point_name),
        Column("Alternate", lambda o: o.alternate_name or "", tooltip=lambda o: o.alternate_name),
        Column("People", _people_text, align_right=True),
        Column("Member since", lambda o: f"{o.member_since:%d %b %Y}" if o.member_since else ""),
    )
    SORT_KEYS = ("network_role", "name", "acronym", "category", None, None, "people", "member_since")
    WIDTHS = {ROLE: 28, ACRONYM: 12, CATEGORY: 22, FOCAL: 19, ALTERNATE: 19, PEOPLE: 6, SINCE: 12}

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.query = OrganisationsQuery()
        self.loaded = False
        self._icons: dict[str, QIcon] = {}

    def update_query(self, **changes) -> None:
        self.query = replace(self.query, **changes)
        self.reload()

    def reload(self) -> None:
        self.loaded = True
        q = self.query
        role = contacts.MEMBER_ROLES if q.network_role == MEMBERS else q.network_role
        self.set_records(
            contacts.search_organisations(
                self.db,
                q.text,
                category=q.category,
                network_role=role,
                include_archived=q.include_archived,
                order_by=q.order_by,
                descending=q.descending,
            )
        )

    def row_of(self, organisation_id: int) -> int:
        for row, record in enumerate(self._records):
            if record.id == organisation_id:
                return row
        return -1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.ROLE:
            colour = ROLE_COLOURS.get(record.network_role.value)
            return self._dot(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole:
            if record.archived or (index.column() == self.ROLE and record.is_member):
                font = QFont()
                font.setItalic(record.archived)
                font.setBold(index.column() == self.ROLE and record.is_member)
                return font
        in_network = record.network_role != NetworkRole.NONE
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ROLE and in_network:
            if record.is_member:
                return f"{record.short} is {record.network_role.label.lower()} of the Network"
            return f"{record.short} is an observer of the Network"
        return super().data(index, role)

    def _dot(self, colour: str) -> QIcon:
        icon = self._icons.get(colour)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._icons[colour] = QIcon(pixmap)
        return icon

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:
            self.update_query(order_by=key, descending=descending)
        else:  # the view setting its first order: the first reload reads in it
            self.query = replace(self.query, order_by=key, descending=descending)
