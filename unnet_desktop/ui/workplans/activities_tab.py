"""The Activities tab of the Work plans page: the New / Edit / Delete bar, the plan as one table
(``OverviewModel``: results groups, activities, subtotals and the total), the columns shown or
hidden from the header's context menu (remembered in the settings), the totals per lead agency
below it, and which activity is selected.

The page connects the buttons and the double-click to its own actions; this tab only shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import workplans as wp
from ..settings import app_settings
from ..table_model import ID_ROLE
from ..widgets import muted_label, scaled_font, table_height_for_rows
from .common import compact_table, select_row
from .overview_model import LeadTotalsModel, OverviewModel, apply_spans

HIDDEN_COLUMNS = "workplans/hidden_columns"
#: Columns the overview hides until asked for (right-click the header): the money stays in view.
DEFAULT_HIDDEN = ("participating_text", "location")


class ActivitiesTab(QWidget):
    """The plan's activities by results group over the totals per lead agency."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.new_button = QPushButton("&New activity…", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.delete_button = QPushButton("&Delete", self)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        hint = muted_label("Whole US dollars; exact amounts in the tooltips.", self, wrap=False)
        hint.setToolTip("Double-click an activity to edit it. Right-click the column headers to show more columns.")
        bar.addWidget(hint)
        layout.addLayout(bar)

        self.model = OverviewModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        row_height = self.fontMetrics().height() + 10
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OverviewModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        money_width = max(metrics.horizontalAdvance("10,000,000"), metrics.horizontalAdvance("Funding gap")) + 16
        widths = {
            OverviewModel.CODE: metrics.horizontalAdvance("RG1.10") + 14,
            OverviewModel.LEAD: metrics.horizontalAdvance("UN Women") + 16,
            OverviewModel.KEYS.index("participating_text"): 150,
            OverviewModel.KEYS.index("objectives_text"): metrics.horizontalAdvance("10, 12, 23") + 12,
            OverviewModel.KEYS.index("location"): 150,
            OverviewModel.STATUS: metrics.horizontalAdvance("Not started") + 16,
            OverviewModel.PROGRESS: metrics.horizontalAdvance("Progress") + 16,
        }
        for column in range(self.model.columnCount()):
            if column != OverviewModel.TITLE:
                self.view.setColumnWidth(column, widths.get(column, money_width))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._restore_columns()

        self.lead_panel = QWidget(self)
        lead_layout = QVBoxLayout(self.lead_panel)
        lead_layout.setContentsMargins(0, 6, 0, 0)
        lead_layout.setSpacing(4)
        self.lead_title = QLabel("Totals by lead agency", self.lead_panel)
        self.lead_title.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.lead_model = LeadTotalsModel(self)
        self.lead_view = compact_table(self.lead_model, LeadTotalsModel.AGENCY, self.lead_panel)
        self.lead_view.verticalHeader().setDefaultSectionSize(row_height)
        lead_layout.addWidget(self.lead_title)
        lead_layout.addWidget(self.lead_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.lead_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())

    # -- columns --------------------------------------------------------------------------

    def _restore_columns(self) -> None:
        hidden = app_settings().value(HIDDEN_COLUMNS)
        keys = hidden.split(",") if isinstance(hidden, str) else list(DEFAULT_HIDDEN)
        for column, key in enumerate(OverviewModel.KEYS):
            self.view.setColumnHidden(column, key in keys and column not in (OverviewModel.CODE, OverviewModel.TITLE))

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addSection("Columns shown")
        for column, key in enumerate(OverviewModel.KEYS):
            if column in (OverviewModel.CODE, OverviewModel.TITLE):
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def show_column(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        hidden = [k for c, k in enumerate(OverviewModel.KEYS) if self.view.isColumnHidden(c)]
        app_settings().setValue(HIDDEN_COLUMNS, ",".join(hidden))

    # -- data -----------------------------------------------------------------------------

    def show_overview(self, overview: wp.PlanOverview | None) -> None:
        """The plan's lines and its totals per lead agency (none without a plan)."""
        self.model.set_overview(overview)
        if overview is None:
            self.lead_model.set_records([])
            return
        apply_spans(self.view, self.model)
        leads_before = self.lead_model.rowCount()
        self.lead_model.set_records(overview.totals.by_lead_agency)
        self.lead_title.setText(
            "Totals by lead agency" if self.lead_model.rowCount() else "Totals by lead agency: no activities yet"
        )
        if self.lead_model.rowCount() != leads_before:
            self.fit_lead_panel()

    def fit_lead_panel(self) -> None:
        """The lead agency totals as tall as their rows, at most 40 % of the tab (the rest scrolls)."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            total = 480
        wanted = (
            self.lead_title.sizeHint().height()
            + 10
            + table_height_for_rows(self.lead_view, min(self.lead_model.rowCount(), 10))
        )
        lead = min(wanted, int(total * 0.4))
        self.splitter.setSizes([total - lead, lead])

    # -- selection ------------------------------------------------------------------------

    def selected_activity_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        for index in rows:
            activity_id = self.model.data(index, ID_ROLE)
            if activity_id is not None:
                return activity_id
        return None

    def select_activity(self, activity_id: int) -> bool:
        row = self.model.row_of_activity(activity_id)
        if row is None:
            return False
        select_row(self.view, self.model.index(row, OverviewModel.TITLE))
        return True

    def update_buttons(self) -> None:
        chosen = self.selected_activity_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
