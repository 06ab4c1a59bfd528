"""The Work plans page: a plan per year, its activities grouped by results group with subtotals,
the total and the funding gap, the totals per lead agency, the GCM coverage, and the Excel
workbook the agencies fill in (export, and import with a preview).

This module holds the page itself: the year chooser, the plan's status and its buttons, the
tabs, reading the chosen year's plan, and the activity commands (new, edit, delete). Its parts
are in ``ui.workplans``: the figures (``plan_figures``), the Activities tab (``activities_tab``),
the GCM coverage tab (``coverage_view``) and the commands on the whole plan, endorsement, copy
to next year, Excel export and import (``plan_actions``, mixed into the page).

Everything shown comes from ``services.workplans`` / ``services.coverage``; every change goes
through them (the forms show their refusals and stay open). Files are written and read off the
UI thread (``run_task``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
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
from ..table_model import ID_ROLE
from ..tasks import Task
from ..widgets import GOOD_COLOUR, Badge, PageHeader, muted_label
from ..workplans.activities_tab import ActivitiesTab
from ..workplans.activity_form import ActivityDialog
from ..workplans.common import DateDialog, open_tracked, plural
from ..workplans.coverage_view import CoverageView
from ..workplans.import_preview import ImportPreviewDialog
from ..workplans.plan_actions import PlanActions
from ..workplans.plan_figures import PlanFigures
from ..workplans.plan_forms import NewPlanDialog

DRAFT_COLOUR = "#ef6c00"


class WorkPlansPage(PlanActions, QWidget):
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

        self.figures = PlanFigures(self.content)
        # The figures by the names the page has always given them.
        self.activities_figure = self.figures.activities
        self.required_figure = self.figures.required
        self.available_figure = self.figures.available
        self.spent_figure = self.figures.spent
        self.gap_figure = self.figures.gap
        layout.addWidget(self.figures)

        self.tabs = QTabWidget(self.content)
        self.tabs.setDocumentMode(True)
        self.activities_tab = ActivitiesTab(self)
        self.tabs.addTab(self.activities_tab, "Activities")
        self.coverage_view = CoverageView(self.tabs)
        self.tabs.addTab(self.coverage_view, "GCM coverage")
        layout.addWidget(self.tabs, 1)

        # The Activities tab's parts by the names the page has always given them.
        tab = self.activities_tab
        self.new_button, self.edit_button, self.delete_button = tab.new_button, tab.edit_button, tab.delete_button
        self.model, self.view, self.lead_model = tab.model, tab.view, tab.lead_model

        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button.clicked.connect(self.delete_activity)
        self.view.doubleClicked.connect(self._on_double_click)
        self.year_combo.currentIndexChanged.connect(self._on_year_chosen)
        self.new_plan_button.clicked.connect(self.new_plan)
        self.endorse_button.clicked.connect(self.change_status)
        self.copy_button.clicked.connect(self.copy_to_next_year)
        self.export_button.clicked.connect(self.export_plan)
        self.import_button.clicked.connect(self.import_plan)
        self.coverage_view.include_cancelled_changed.connect(lambda _on: self._show_coverage())

    def show_column(self, column: int, shown: bool) -> None:
        self.activities_tab.show_column(column, shown)

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
            self.activities_tab.show_overview(None)
            return
        selected = self.selected_activity_id()
        self.stack.setCurrentWidget(self.content)
        self.overview = wp.plan_overview(self.db, plan.year)
        plan = self.overview.plan
        self.header.set_subtitle(plan.title)
        self._show_status(plan)
        self.figures.show_totals(self.overview.totals)
        self.activities_tab.show_overview(self.overview)
        self._show_coverage()
        if selected is not None:
            self.select_activity(selected)
        self.activities_tab.update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.activities_tab.fit_lead_panel()

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
        return self.activities_tab.selected_activity_id()

    def select_activity(self, activity_id: int) -> bool:
        return self.activities_tab.select_activity(activity_id)

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
