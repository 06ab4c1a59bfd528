"""The Work plans page: a plan per year, its activities grouped by results group with subtotals,
the total and the funding gap, the totals per lead agency, the GCM coverage, and the Excel
workbook the agencies fill in (export, and import with a preview).

Everything shown comes from ``services.workplans`` / ``services.coverage``; every change goes
through them (the forms show their refusals and stay open). Files are written and read off the
UI thread (``run_task``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import WorkPlanStatus
from ...core.errors import KnownError
from ...services import coverage as coverage_service
from ...services import workplans as wp
from ...services.dashboard import today_wib
from .. import dialogs
from ..file_actions import export_with_progress, last_folder, remember_folder, written_to
from ..settings import app_settings
from ..table_model import ID_ROLE
from ..tasks import Task, run_task
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, Badge, PageHeader, muted_label, scaled_font, table_height_for_rows
from ..workplans.activity_form import ActivityDialog
from ..workplans.common import (
    WORKBOOK_NOT_OPENED,
    XLSX_FILTER,
    DateDialog,
    compact_table,
    dollars_text,
    money_text,
    open_tracked,
    plural,
    select_row,
)
from ..workplans.coverage_view import CoverageView
from ..workplans.import_preview import ImportPreviewDialog
from ..workplans.overview_model import LeadTotalsModel, OverviewModel, apply_spans
from ..workplans.plan_forms import NewPlanDialog

DRAFT_COLOUR = "#ef6c00"
LAST_FOLDER = "workplans/last_folder"
HIDDEN_COLUMNS = "workplans/hidden_columns"
#: Columns the overview hides until asked for (right-click the header): the money stays in view.
DEFAULT_HIDDEN = ("participating_text", "location")


class Figure(QFrame):
    """A compact figure: the amount in large type over its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.value = QLabel("–", self)
        self.value.setFont(scaled_font(self.font(), 1.55, bold=True))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = muted_label(caption, self, wrap=False)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, caption: str | None = None, *, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        if caption is not None:
            self.caption.setText(caption)


class WorkPlansPage(QWidget):
    """One year's plan at a time (the year chosen at the top)."""

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.plans: list[wp.WorkPlanInfo] = []
        self.overview: wp.PlanOverview | None = None
        self.coverage: coverage_service.Coverage | None = None
        self.year: int | None = None
        #: The dialog and background task last started (tests and the window look at them).
        self.activity_dialog: ActivityDialog | None = None
        self.plan_dialog: NewPlanDialog | None = None
        self.date_dialog: DateDialog | None = None
        self.import_dialog: ImportPreviewDialog | None = None
        self.task: Task | None = None
        self._fitted = False
        self._build()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 14)
        outer.setSpacing(12)

        top = QHBoxLayout()
        self.header = PageHeader("Work plans", "", self)
        top.addWidget(self.header, 1)
        year_label = QLabel("&Year", self)
        self.year_combo = QComboBox(self)
        self.year_combo.setMinimumWidth(90)
        year_label.setBuddy(self.year_combo)
        self.new_plan_button = QPushButton("New plan…", self)
        self.new_plan_button.setToolTip("Start the work plan of another year")
        year_row = QHBoxLayout()
        year_row.setSpacing(8)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_combo)
        year_row.addWidget(self.new_plan_button)
        top.addLayout(year_row)
        top.setAlignment(year_row, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self.empty = QWidget(self.stack)
        empty_layout = QVBoxLayout(self.empty)
        self.empty_text = muted_label(
            "There is no work plan yet. Start this year's with “New plan…”: its activities are then "
            "added one by one, or the plan is exported to Excel for the agencies to fill in.",
            self.empty,
        )
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.empty)

        self.content = QWidget(self.stack)
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        status = QHBoxLayout()
        status.setSpacing(8)
        self.status_badge = Badge("", parent=self.content)
        self.status_text = QLabel(self.content)
        # A long status never widens the page: it is elided to the room left by the buttons.
        self.status_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.endorse_button = QPushButton("Endorse…", self.content)
        self.copy_button = QPushButton("&Copy to next year…", self.content)
        self.copy_button.setToolTip("Start next year's plan with this plan's unfinished activities")
        self.export_button = QPushButton("E&xport to Excel…", self.content)
        self.export_button.setToolTip("The workbook the agencies fill in: progress, markers and budget figures")
        self.import_button = QPushButton("&Import from Excel…", self.content)
        self.import_button.setToolTip("Read a workbook the agencies sent back; you see every change before it is applied")
        status.addWidget(self.status_badge)
        status.addWidget(self.status_text, 1)
        for button in (self.endorse_button, self.copy_button, self.export_button, self.import_button):
            status.addWidget(button)
        layout.addLayout(status)

        figures = QHBoxLayout()
        figures.setSpacing(10)
        self.activities_figure = Figure("activities", self.content)
        self.required_figure = Figure("required (USD)", self.content)
        self.available_figure = Figure("available (USD)", self.content)
        self.spent_figure = Figure("spent (USD)", self.content)
        self.gap_figure = Figure("funding gap (USD)", self.content)
        for figure in (
            self.activities_figure,
            self.required_figure,
            self.available_figure,
            self.spent_figure,
            self.gap_figure,
        ):
            figures.addWidget(figure, 1)
        self.activities_figure.setMaximumWidth(130)
        layout.addLayout(figures)

        self.tabs = QTabWidget(self.content)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._activities_tab(), "Activities")
        self.coverage_view = CoverageView(self.tabs)
        self.tabs.addTab(self.coverage_view, "GCM coverage")
        layout.addWidget(self.tabs, 1)

        self.year_combo.currentIndexChanged.connect(self._on_year_chosen)
        self.new_plan_button.clicked.connect(self.new_plan)
        self.endorse_button.clicked.connect(self.change_status)
        self.copy_button.clicked.connect(self.copy_to_next_year)
        self.export_button.clicked.connect(self.export_plan)
        self.import_button.clicked.connect(self.import_plan)
        self.coverage_view.include_cancelled_changed.connect(lambda _on: self._show_coverage())

    def _activities_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.new_button = QPushButton("&New activity…", tab)
        self.edit_button = QPushButton("&Edit…", tab)
        self.delete_button = QPushButton("&Delete", tab)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        hint = muted_label("Whole US dollars; exact amounts in the tooltips.", tab, wrap=False)
        hint.setToolTip("Double-click an activity to edit it. Right-click the column headers to show more columns.")
        bar.addWidget(hint)
        layout.addLayout(bar)

        self.model = OverviewModel(self)
        self.view = QTableView(tab)
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

        self.lead_panel = QWidget(tab)
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

        self.splitter = QSplitter(Qt.Orientation.Vertical, tab)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.lead_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button.clicked.connect(self.delete_activity)
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return tab

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

    def refresh(self) -> None:
        """Read the plans again and show the chosen year (this year's, else the latest, at first)."""
        self.plans = wp.list_work_plans(self.db)
        years = [p.year for p in self.plans]
        year = self.year
        if year not in years:
            this_year = today_wib().year
            year = this_year if this_year in years else (years[0] if years else None)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for plan in self.plans:
            self.year_combo.addItem(str(plan.year), plan.year)
        if year is not None:
            self.year_combo.setCurrentIndex(years.index(year))
        self.year_combo.blockSignals(False)
        self.year_combo.setEnabled(bool(self.plans))
        self._show_year(year)

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            raise KeyError(year)
        self.year_combo.setCurrentIndex(index)
        if self.year != year:
            self._show_year(year)

    def _on_year_chosen(self, index: int) -> None:
        if index >= 0:
            self._show_year(self.year_combo.itemData(index))

    def _plan(self, year: int | None) -> wp.WorkPlanInfo | None:
        return next((p for p in self.plans if p.year == year), None)

    def _show_year(self, year: int | None) -> None:
        self.year = year
        plan = self._plan(year)
        if plan is None:
            self.overview = None
            self.coverage = None
            self.header.set_subtitle("")
            self.stack.setCurrentWidget(self.empty)
            self.model.set_overview(None)
            self.lead_model.set_records([])
            return
        selected = self.selected_activity_id()
        self.stack.setCurrentWidget(self.content)
        self.overview = wp.plan_overview(self.db, plan.year)
        plan = self.overview.plan
        self.header.set_subtitle(plan.title)
        self._show_status(plan)
        self._show_figures(self.overview.totals)
        self.model.set_overview(self.overview)
        apply_spans(self.view, self.model)
        leads_before = self.lead_model.rowCount()
        self.lead_model.set_records(self.overview.totals.by_lead_agency)
        self.lead_title.setText(
            "Totals by lead agency" if self.lead_model.rowCount() else "Totals by lead agency: no activities yet"
        )
        if self.lead_model.rowCount() != leads_before:
            self._fit_lead_panel()
        self._show_coverage()
        if selected is not None:
            self.select_activity(selected)
        self._update_buttons()

    def _fit_lead_panel(self) -> None:
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self._fit_lead_panel()

    def _show_status(self, plan: wp.WorkPlanInfo) -> None:
        endorsed = plan.status is WorkPlanStatus.ENDORSED
        self.status_badge.set_badge(plan.status.label, GOOD_COLOUR if endorsed else DRAFT_COLOUR)
        if endorsed and plan.endorsed_on:
            state = f"by the members on {plan.endorsed_on:%d %B %Y}"
        elif endorsed:
            state = "by the members"
        else:
            state = "not yet endorsed by the members"
        self.status_text.setText(f"{state} · {plural(plan.activity_count, 'activity', 'activities')}")
        self.status_text.setToolTip(self.status_text.text())
        self.endorse_button.setText("Back to draft…" if endorsed else "Endorse…")
        self.endorse_button.setToolTip(
            "Put the plan back to draft (the endorsement date is cleared)"
            if endorsed
            else "Record that the members endorsed the plan, with the date"
        )
        next_year = plan.year + 1
        taken = self._plan(next_year) is not None
        self.copy_button.setEnabled(not taken)
        self.copy_button.setToolTip(
            f"There is already a {next_year} work plan."
            if taken
            else f"Start the {next_year} plan with this plan's unfinished activities"
        )

    def _show_figures(self, totals: wp.PlanTotals) -> None:
        grand = totals.grand
        self.activities_figure.set_value(f"{grand.activities:,}", "activity" if grand.activities == 1 else "activities")
        gap = grand.funding_gap
        for figure, value in (
            (self.required_figure, grand.required),
            (self.available_figure, grand.available),
            (self.spent_figure, grand.spent),
            (self.gap_figure, abs(gap)),
        ):
            figure.set_value(dollars_text(value))
            figure.setToolTip(f"{money_text(value)} USD")
        if gap > 0:
            self.gap_figure.set_value(dollars_text(gap), "funding gap (USD)", colour=ALERT_COLOUR)
        elif gap < 0:
            self.gap_figure.set_value(dollars_text(-gap), "over-funded (USD)", colour=GOOD_COLOUR)
        else:
            self.gap_figure.set_value(dollars_text(gap), "funding gap (USD)", colour=GOOD_COLOUR)
        if grand.without_required:
            self.required_figure.setToolTip(
                f"{money_text(grand.required)} USD; "
                f"{plural(grand.without_required, 'activity', 'activities')} without a required figure yet"
            )

    def _show_coverage(self) -> None:
        if self.year is None or self._plan(self.year) is None:
            return
        self.coverage = coverage_service.gcm_coverage(
            self.db, self.year, include_cancelled=self.coverage_view.include_cancelled.isChecked()
        )
        self.coverage_view.set_coverage(self.coverage)
        self.tabs.setTabText(1, f"GCM coverage ({self.coverage.covered_count}/{len(self.coverage.objectives)})")

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

    def _update_buttons(self) -> None:
        chosen = self.selected_activity_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _on_double_click(self, index) -> None:
        if self.model.data(index, ID_ROLE) is not None:
            self.edit_activity()

    # -- activities -----------------------------------------------------------------------

    def new_activity(self) -> ActivityDialog | None:
        if self.year is None:
            return None
        return self._open_activity(None)

    def edit_activity(self) -> ActivityDialog | None:
        activity_id = self.selected_activity_id()
        if activity_id is None:
            return None
        try:
            data = wp.get_activity(self.db, activity_id)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot edit the activity", str(exc))
            self.refresh()
            return None
        return self._open_activity(data)

    def _open_activity(self, data: wp.ActivityData | None) -> ActivityDialog:
        dialog = ActivityDialog(self.db, self.year, data, self)
        dialog.saved.connect(self._activity_saved)
        return open_tracked(self, "activity_dialog", dialog)

    def _activity_saved(self, data: wp.ActivityData) -> None:
        self.refresh()
        if data.id is not None:
            self.select_activity(data.id)

    def delete_activity(self) -> None:
        activity_id = self.selected_activity_id()
        if activity_id is None:
            return
        row = self.model.line(self.model.row_of_activity(activity_id)).activity
        if not dialogs.confirm(
            self,
            "Delete the activity",
            f"Delete {row.code} “{row.title}” from the {self.year} work plan? This cannot be undone.",
        ):
            return
        try:
            wp.delete_activity(self.db, activity_id)
        except KnownError as exc:
            dialogs.show_error(self, "Activity not deleted", str(exc))
        self.refresh()

    # -- the plan -------------------------------------------------------------------------

    def new_plan(self) -> NewPlanDialog:
        years = {p.year for p in self.plans}
        year = today_wib().year
        while year in years:
            year += 1
        dialog = NewPlanDialog(self.db, year, self)
        dialog.saved.connect(self._plan_created)
        return open_tracked(self, "plan_dialog", dialog)

    def _plan_created(self, plan: wp.WorkPlanInfo) -> None:
        self.year = plan.year
        self.refresh()

    def change_status(self) -> DateDialog | None:
        plan = self._plan(self.year)
        if plan is None:
            return None
        if plan.status is WorkPlanStatus.ENDORSED:
            cleared = f" The endorsement date ({plan.endorsed_on:%d %b %Y}) is cleared." if plan.endorsed_on else ""
            if dialogs.confirm(self, "Back to draft", f"Put the {plan.year} work plan back to draft?{cleared}"):
                self._set_status(WorkPlanStatus.DRAFT)
            return None
        year = plan.year
        dialog = DateDialog(
            f"Endorse the {year} work plan",
            f"The date the members endorsed the {year} work plan:",
            lambda day: wp.set_plan_status(self.db, year, WorkPlanStatus.ENDORSED, day),
            self,
            initial=today_wib(),
            ok_text="Endorse",
        )
        dialog.error_title = "Work plan not endorsed"
        dialog.saved.connect(lambda _info: self.refresh())
        return open_tracked(self, "date_dialog", dialog)

    def _set_status(self, status: WorkPlanStatus) -> None:
        try:
            wp.set_plan_status(self.db, self.year, status)
        except KnownError as exc:
            dialogs.show_error(self, "Status not changed", str(exc))
        self.refresh()

    def copy_to_next_year(self) -> None:
        plan = self._plan(self.year)
        if plan is None:
            return
        year = plan.year
        if not dialogs.confirm(
            self,
            "Copy to next year",
            f"Start the {year + 1} work plan (a draft) with the activities of {year} that are not completed "
            "or cancelled? Their codes, texts, agencies and GCM objectives are copied; budgets and progress "
            "notes start empty.",
            default_yes=True,
        ):
            return
        try:
            result = wp.copy_to_next_year(self.db, year)
        except KnownError as exc:
            dialogs.show_error(self, "Nothing copied", str(exc))
            self.refresh()
            return
        self.year = result.to_year
        self.refresh()
        left = (
            f" {plural(result.left_behind, 'completed or cancelled activity', 'completed or cancelled activities')} "
            f"stayed in {year}."
            if result.left_behind
            else ""
        )
        dialogs.show_info(
            self,
            "Copied to next year",
            f"The {result.to_year} work plan was started with "
            f"{plural(result.copied, 'unfinished activity', 'unfinished activities')} of {year}.{left}",
        )

    # -- Excel ----------------------------------------------------------------------------

    def export_plan(self) -> None:
        if self.year is None:
            return
        from ...files.workplan_xlsx import export_workplan

        task = export_with_progress(
            self,
            f"Export the {self.year} work plan",
            last_folder(LAST_FOLDER) / f"Work plan {self.year}.xlsx",
            XLSX_FILTER,
            export_workplan,
            self.db,
            self.year,
            label=f"Writing the {self.year} work plan…",
            done_title="Work plan exported",
            question=lambda result, _path: written_to(
                f"The {result.year} work plan ({plural(result.activities, 'activity', 'activities')})", result.path
            ),
            folder_key=LAST_FOLDER,
            not_opened=WORKBOOK_NOT_OPENED,
        )
        if task is not None:
            self.task = task

    def import_plan(self) -> None:
        from ...files.workplan_xlsx_import import plan_workplan_import

        path = dialogs.ask_open_path(self, "Import a work plan workbook", last_folder(LAST_FOLDER), XLSX_FILTER)
        if path is None:
            return
        remember_folder(LAST_FOLDER, path)
        self.task = run_task(self, f"Reading {path.name}…", plan_workplan_import, self.db, path, on_done=self._preview)

    def _preview(self, plan) -> None:
        dialog = ImportPreviewDialog(plan, self)
        dialog.accepted.connect(lambda: self._apply_import(plan, dialog.resolutions()))
        open_tracked(self, "import_dialog", dialog)

    def _apply_import(self, plan, resolutions: dict[str, str]) -> None:
        from ...files.workplan_xlsx_import import apply_workplan_import

        self.task = run_task(
            self,
            f"Importing {plan.file_name}…",
            apply_workplan_import,
            self.db,
            plan,
            resolutions,
            on_done=lambda result: self._imported(plan, result),
        )

    def _imported(self, plan, result) -> None:
        self.year = plan.year
        self.refresh()
        parts = [f"{plural(result.updated, 'activity', 'activities')} changed ({plural(result.fields_changed, 'value')})"]
        if result.conflicts_incoming:
            parts.append(f"{plural(result.conflicts_incoming, 'conflict')} settled with the workbook's values")
        if result.conflicts_app:
            parts.append(f"{plural(result.conflicts_app, 'conflict')} settled with the app's values")
        if result.conflicts_skipped:
            parts.append(f"{plural(result.conflicts_skipped, 'conflict')} left as they were")
        if result.skipped:
            parts.append(f"{plural(result.skipped, 'row')} passed over (deleted in the app since the export)")
        parts.append(f"{result.unchanged} unchanged")
        dialogs.show_info(self, "Work plan imported", f"{plan.file_name}: " + "; ".join(parts) + ".")
