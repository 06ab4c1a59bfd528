"""The work plan as one table: per results group its heading, its activities and its subtotal,
then the plan's total (``services.workplans.plan_overview().lines()``); and the totals per lead
agency. Money right-aligned with thousands separators; a funding gap above zero in red."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTableView

from ...services.workplans import OVERVIEW_COLUMNS, BudgetTotals, OverviewLine, PlanOverview
from ..table_model import ID_ROLE, Column, RecordTableModel
from ..widgets import ALERT_COLOUR, GOOD_COLOUR
from .common import STATUS_COLOURS, dollars_text, has_cents, money_text, plural, tinted

_Index = QModelIndex | QPersistentModelIndex

#: The line's kind ("group", "activity", "subtotal", "total").
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

MONEY_KEYS = frozenset({"budget_required", "budget_available", "budget_spent", "funding_gap"})
RIGHT_KEYS = MONEY_KEYS | {"progress_pct"}
#: Shorter headers where the service's are long (the full one is the header's tooltip).
SHORT_HEADERS = {
    "participating_text": "Participating",
    "objectives_text": "GCM",
    "progress_pct": "Progress",
    "budget_required": "Required",
    "budget_available": "Available",
    "budget_spent": "Spent",
    "funding_gap": "Funding gap",
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def gap_colour(gap: Decimal | None) -> str | None:
    """Red when money is missing, green when more is available than required."""
    if gap is None:
        return None
    if gap > 0:
        return ALERT_COLOUR
    if gap < 0:
        return GOOD_COLOUR
    return None


class OverviewModel(QAbstractTableModel):
    """Read-only; ``ID_ROLE`` gives the activity id on activity lines (None elsewhere)."""

    KEYS = tuple(key for key, _header in OVERVIEW_COLUMNS)
    HEADERS = tuple(header for _key, header in OVERVIEW_COLUMNS)
    CODE, TITLE = KEYS.index("code"), KEYS.index("title")
    LEAD = KEYS.index("lead_agency")
    STATUS = KEYS.index("status_label")
    PROGRESS = KEYS.index("progress_pct")
    REQUIRED, AVAILABLE = KEYS.index("budget_required"), KEYS.index("budget_available")
    SPENT, GAP = KEYS.index("budget_spent"), KEYS.index("funding_gap")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.overview: PlanOverview | None = None
        self._lines: list[OverviewLine] = []
        self._fonts: dict[str, QFont] = {}
        self._backgrounds: dict[str, QColor] = {}

    # -- content --------------------------------------------------------------------------

    def set_overview(self, overview: PlanOverview | None) -> None:
        self.beginResetModel()
        self.overview = overview
        self._lines = overview.lines() if overview is not None else []
        self._backgrounds = {
            "group": tinted(QPalette.ColorRole.Highlight, 38),
            "subtotal": tinted(QPalette.ColorRole.Mid, 45),
            "total": tinted(QPalette.ColorRole.Highlight, 70),
        }
        self.endResetModel()

    def line(self, row: int) -> OverviewLine:
        return self._lines[row]

    def lines(self) -> list[OverviewLine]:
        return list(self._lines)

    def row_of_activity(self, activity_id: int) -> int | None:
        for row, line in enumerate(self._lines):
            if line.activity is not None and line.activity.id == activity_id:
                return row
        return None

    def row_of(self, kind: str, results_group: int | None = None) -> int | None:
        """The row of a group heading or subtotal (by results group number) or of the total."""
        for row, line in enumerate(self._lines):
            if line.kind == kind and (kind == "total" or line.results_group == results_group):
                return row
        return None

    def text(self, row: int, column: int) -> str:
        return self.data(self.index(row, column)) or ""

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return SHORT_HEADERS.get(self.KEYS[section], self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.KEYS[section] in RIGHT_KEYS else _LEFT
        return None

    def _font(self, kind: str, base: QFont | None) -> QFont:
        font = self._fonts.get(kind)
        if font is None:
            font = QFont(base) if base is not None else QFont()
            font.setWeight(QFont.Weight.DemiBold if kind != "total" else QFont.Weight.Bold)
            self._fonts[kind] = font
        return font

    def _display(self, line: OverviewLine, key: str) -> str:
        if line.kind == "group":
            return line.label if key == "code" else ""
        value = line.value(key)
        if key in MONEY_KEYS:
            return dollars_text(value)
        if line.kind != "activity":
            # Subtotals and the total: their label spans the columns before the money.
            if key == "code":
                count = line.totals.activities if line.totals else 0
                return f"{line.label} · {plural(count, 'activity', 'activities')}"
            return ""
        if key == "progress_pct":
            return f"{value}%"
        return "" if value is None else str(value)

    def _tooltip(self, line: OverviewLine, key: str) -> str | None:
        activity = line.activity
        value = line.value(key) if line.kind != "group" else None
        if key in MONEY_KEYS:
            notes = []
            if has_cents(value):
                notes.append(f"{money_text(value)} USD")
            if key == "funding_gap" and value is not None and value < 0:
                notes.append(f"Over-funded by {money_text(-value)} USD")
            totals: BudgetTotals | None = line.totals
            if totals is not None and totals.without_required:
                notes.append(f"{plural(totals.without_required, 'activity', 'activities')} without a required figure yet")
            return "\n".join(notes) or None
        if activity is not None:
            if key == "title":
                parts = [f"{activity.code} {activity.title}"]
                if activity.description:
                    parts.append(activity.description)
                return "\n\n".join(parts)
            if key == "participating_text" and activity.participating_agencies:
                text = "Participating: " + activity.participating_text
                if activity.implementing_partners:
                    text += "\nImplementing partners: " + activity.partners_text
                return text
            if key == "location":
                return activity.location or None
            return None
        if line.kind in ("subtotal", "total") and key == "code" and line.totals and line.totals.without_required:
            return f"{plural(line.totals.without_required, 'activity', 'activities')} without a required figure yet"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._lines) and 0 <= index.column() < len(self.KEYS)):
            return None
        line, key = self._lines[index.row()], self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if key in RIGHT_KEYS and line.kind != "group" else _LEFT
        if role == Qt.ItemDataRole.FontRole:
            return None if line.kind == "activity" else self._font(line.kind, None)
        if role == Qt.ItemDataRole.BackgroundRole:
            background = self._backgrounds.get(line.kind)
            if key == "funding_gap" and line.kind != "group":
                gap = line.value("funding_gap")
                if gap is not None and gap > 0:
                    return QColor(198, 40, 40, 40)
            return background
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "funding_gap":
                colour = gap_colour(line.value("funding_gap"))
                return QColor(colour) if colour else None
            if key == "status_label" and line.activity is not None:
                colour = STATUS_COLOURS.get(line.activity.status)
                return QColor(colour) if colour else None
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, key)
        if role == ID_ROLE:
            return line.activity.id if line.activity is not None else None
        if role == KIND_ROLE:
            return line.kind
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        line = self._lines[index.row()]
        if line.kind == "activity":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled


def apply_spans(view: QTableView, model: OverviewModel) -> None:
    """Group headings across the whole width, subtotal and total labels across the columns
    before the money (call after every reset)."""
    view.clearSpans()
    first_money = min(model.KEYS.index(k) for k in MONEY_KEYS)
    for row, line in enumerate(model.lines()):
        if line.kind == "group":
            view.setSpan(row, 0, 1, model.columnCount())
        elif line.kind in ("subtotal", "total"):
            view.setSpan(row, 0, 1, first_money)


class LeadTotalsModel(RecordTableModel[BudgetTotals]):
    """Required, available, spent and gap per lead agency (``plan_totals().by_lead_agency``)."""

    AGENCY, ACTIVITIES, REQUIRED, AVAILABLE, SPENT, GAP = range(6)
    columns = (
        Column("Lead agency", lambda t: t.label),
        Column("Activities", lambda t: str(t.activities), sort=lambda t: t.activities, align_right=True),
        Column("Required", lambda t: dollars_text(t.required), sort=lambda t: t.required, align_right=True),
        Column("Available", lambda t: dollars_text(t.available), sort=lambda t: t.available, align_right=True),
        Column(
            "Spent",
            lambda t: dollars_text(t.spent),
            sort=lambda t: t.spent,
            tooltip=lambda t: f"{money_text(t.spent)} USD" if has_cents(t.spent) else None,
            align_right=True,
        ),
        Column(
            "Funding gap",
            lambda t: dollars_text(t.funding_gap),
            sort=lambda t: t.funding_gap,
            colour=lambda t: gap_colour(t.funding_gap),
            tooltip=lambda t: f"Over-funded by {money_text(-t.funding_gap)} USD" if t.funding_gap < 0 else None,
            align_right=True,
        ),
    )

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.record(index.row()).key
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return _RIGHT if self.columns[section].align_right else _LEFT
        return super().headerData(section, orientation, role)
