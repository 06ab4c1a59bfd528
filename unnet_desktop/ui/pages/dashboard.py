"""The dashboard: the Network at a glance, from the figures of ``services.dashboard``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import NETWORK_NAME
from ...core.database import Database
from ...core.enums import WorkPlanStatus
from ...services import action_points as action_points_service
from ...services import dashboard as dashboard_service
from ...services.action_points import ActionDashboard, OrganisationActionFigures
from ...core.timezone import today_wib
from ...services.dashboard import Dashboard, MinutesInProgress, OverdueActionPoint, UpcomingMeeting
from ..table_model import Column, RecordTableModel
from ..widgets import (
    ALERT_COLOUR,
    GOOD_COLOUR,
    Badge,
    Card,
    PageHeader,
    StatCard,
    muted_label,
    scaled_font,
    table_height_for_rows,
)

DRAFT_COLOUR = "#ef6c00"


def _plural(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural or singular + 's')}"


class NextMeetingsModel(RecordTableModel[UpcomingMeeting]):
    WHEN, IN, REFERENCE, TITLE, KIND, PLACE = range(6)
    columns = (
        Column("Date and time (WIB)", lambda m: m.when, sort=lambda m: m.starts_at),
        Column("In", lambda m: m.in_days, sort=lambda m: m.days_away),
        Column("Reference", lambda m: m.reference),
        Column("Title", lambda m: m.title, tooltip=lambda m: m.title),
        Column("Kind", lambda m: m.kind_label),
        Column(
            "Venue",
            lambda m: m.place,
            tooltip=lambda m: f"{m.place}\n{m.online_link}" if m.online_link else m.place,
        ),
    )


class OverdueActionPointsModel(RecordTableModel[OverdueActionPoint]):
    DUE, LATE, DESCRIPTION, RESPONSIBLE, MEETING = range(5)
    columns = (
        Column("Due", lambda a: f"{a.due_date:%d %b %Y}", sort=lambda a: a.due_date),
        Column(
            "Late by",
            lambda a: _plural(a.days_late, "day"),
            sort=lambda a: a.days_late,
            colour=lambda a: ALERT_COLOUR,
        ),
        Column("Action point", lambda a: a.description, tooltip=lambda a: a.description),
        Column("Responsible", lambda a: a.responsible or "Not assigned", tooltip=lambda a: a.responsible),
        Column("Meeting", lambda a: a.meeting_reference or "—"),
    )


class MinutesInProgressModel(RecordTableModel[MinutesInProgress]):
    REFERENCE, HELD, STATUS = range(3)
    columns = (
        Column("Meeting", lambda m: m.reference, tooltip=lambda m: m.title),
        Column("Held on", lambda m: m.held_on, sort=lambda m: m.starts_at),
        Column("Minutes", lambda m: m.minutes_status.label, tooltip=lambda m: m.minutes_status.label),
    )


class ActionsByOrganisationModel(RecordTableModel[OrganisationActionFigures]):
    ORGANISATION, OPEN, OVERDUE, DONE = range(4)
    columns = (
        Column("Organisation", lambda f: f.organisation, tooltip=lambda f: f.organisation),
        Column("Open", lambda f: str(f.open), sort=lambda f: f.open, align_right=True),
        Column(
            "Overdue",
            lambda f: str(f.overdue),
            sort=lambda f: f.overdue,
            colour=lambda f: ALERT_COLOUR if f.overdue else None,
            align_right=True,
        ),
        Column("Done this quarter", lambda f: str(f.done_this_quarter), sort=lambda f: f.done_this_quarter, align_right=True),
    )


def _days_until(row, today: dt.date) -> str:
    days = (row.due_date - today).days
    return "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"


class NextDueModel(RecordTableModel):
    """The next action points due (light rows of ``list_action_points``)."""

    DUE, IN, DESCRIPTION, RESPONSIBLE, MEETING = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = today_wib()
        self.columns = (
            Column("Due", lambda a: f"{a.due_date:%d %b %Y}", sort=lambda a: a.due_date),
            Column("In", lambda a: _days_until(a, self.today), sort=lambda a: (a.due_date - self.today).days),
            Column("Action point", lambda a: a.description, tooltip=lambda a: a.description),
            Column(
                "Responsible",
                lambda a: " · ".join(p for p in (a.organisation, a.person) if p) or "Not assigned",
                tooltip=lambda a: " · ".join(p for p in (a.organisation, a.person) if p),
            ),
            Column("Meeting", lambda a: a.meeting_reference or "—"),
        )


def _table(model: RecordTableModel, stretch_column: int, parent: QWidget) -> QTableView:
    """A compact read-only list: whole-row selection, no grid, the text column stretched."""
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


class _ListPanel(Card):
    """A card holding a table, or a sentence when the table would be empty."""

    def __init__(self, title: str, model: RecordTableModel, stretch_column: int, empty: str, parent: QWidget):
        super().__init__(title, parent)
        self.model = model
        self.view = _table(model, stretch_column, self)
        self.empty = muted_label(empty, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.body.addWidget(self.stack)
        self.footer = muted_label("", self)
        self.body.addWidget(self.footer)
        self.body.addStretch(1)
        self.footer.hide()

    def set_records(self, records, footer: str = "") -> None:
        self.model.set_records(records)
        # The table as tall as its rows (and the stack holding it), never a box of empty lines.
        self.stack.setFixedHeight(table_height_for_rows(self.view, self.model.rowCount()))
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self.footer.setText(footer)
        self.footer.setVisible(bool(footer))


class DashboardPage(QWidget):
    """Next meetings, action points, this year's work plan and the size of the Network."""

    #: How many rows each list shows at most (the rest is counted under it).
    LIST_LENGTH = 6

    #: Asks the main window to show another page (its key), e.g. "meetings".
    navigate = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The day the figures are computed for; None = today in WIB. Tests set it.
        self.today: dt.date | None = None
        self.figures: Dashboard | None = None
        self.action_figures: ActionDashboard | None = None
        self._build()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        content = QWidget(scroll)
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(16)

        top = QHBoxLayout()
        self.header = PageHeader("Dashboard", NETWORK_NAME, content)
        top.addWidget(self.header, 1)
        self.refresh_button = QPushButton("Refresh", content)
        self.refresh_button.setToolTip("Read the figures again from the database (F5)")
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        # The figures in large type, in cards of equal width.
        cards = QHBoxLayout()
        cards.setSpacing(14)
        self.open_card = StatCard("Open action points", content)
        self.overdue_card = StatCard("Overdue action points", content)
        self.members_card = StatCard("Member organisations", content)
        self.people_card = StatCard("People", content)
        self.held_card = StatCard("Meetings held this year", content)
        for card in (self.open_card, self.overdue_card, self.members_card, self.people_card, self.held_card):
            cards.addWidget(card, 1)
        layout.addLayout(cards)

        # The next meetings across the page; under them the overdue points beside the work plan.
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(16)
        self.meetings_panel = _ListPanel(
            "Next meetings",
            NextMeetingsModel(self),
            NextMeetingsModel.TITLE,
            "No planned meetings ahead. Meetings are planned on the Meetings page.",
            content,
        )
        self.meetings_panel.view.doubleClicked.connect(lambda _index: self.navigate.emit("meetings"))
        self.overdue_panel = _ListPanel(
            "Overdue action points",
            OverdueActionPointsModel(self),
            OverdueActionPointsModel.DESCRIPTION,
            "No action point is overdue.",
            content,
        )
        self.overdue_panel.view.doubleClicked.connect(lambda _index: self.navigate.emit("action_points"))
        # A second long text column shares the width with the first, elided, full text in the tooltip.
        for view, column in (
            (self.meetings_panel.view, NextMeetingsModel.PLACE),
            (self.overdue_panel.view, OverdueActionPointsModel.RESPONSIBLE),
        ):
            view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.work_plan_card = self._build_work_plan_card(content)
        self.minutes_panel = _ListPanel(
            "Minutes to finish",
            MinutesInProgressModel(self),
            MinutesInProgressModel.STATUS,
            "The minutes of every meeting held are approved.",
            content,
        )
        self.minutes_panel.view.doubleClicked.connect(lambda _index: self.navigate.emit("meetings"))
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self.work_plan_card)
        right.addWidget(self.minutes_panel)

        # Action points: the next due beside the figures of each responsible organisation.
        self.next_due_panel = _ListPanel(
            "Next five due",
            NextDueModel(self),
            NextDueModel.DESCRIPTION,
            "No open action point has a due date ahead.",
            content,
        )
        self.next_due_panel.view.horizontalHeader().setSectionResizeMode(
            NextDueModel.RESPONSIBLE, QHeaderView.ResizeMode.Stretch
        )
        self.next_due_panel.view.doubleClicked.connect(lambda _index: self.navigate.emit("action_points"))
        self.by_organisation_panel = _ListPanel(
            "Action points by responsible organisation",
            ActionsByOrganisationModel(self),
            ActionsByOrganisationModel.ORGANISATION,
            "No open action points, and none done this quarter.",
            content,
        )
        self.by_organisation_panel.view.doubleClicked.connect(lambda _index: self.navigate.emit("action_points"))

        grid.addWidget(self.meetings_panel, 0, 0, 1, 2)
        grid.addWidget(self.overdue_panel, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.addWidget(self.next_due_panel, 2, 0)
        grid.addWidget(self.by_organisation_panel, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addLayout(grid)
        layout.addStretch(1)

        # Convenience aliases used by the tests and the main window.
        self.meetings_model: NextMeetingsModel = self.meetings_panel.model
        self.overdue_model: OverdueActionPointsModel = self.overdue_panel.model
        self.minutes_model: MinutesInProgressModel = self.minutes_panel.model
        self.next_due_model: NextDueModel = self.next_due_panel.model
        self.by_organisation_model: ActionsByOrganisationModel = self.by_organisation_panel.model

    def _build_work_plan_card(self, parent: QWidget) -> Card:
        card = Card("Work plan", parent)
        self.work_plan_badge = Badge("", parent=card)
        card.header.addWidget(self.work_plan_badge)
        self.work_plan_title = QLabel(card)
        self.work_plan_title.setWordWrap(True)
        self.work_plan_title.setFont(scaled_font(self.font(), 1.05, bold=True))
        self.work_plan_summary = QLabel(card)
        self.work_plan_summary.setWordWrap(True)
        figure = QHBoxLayout()
        figure.setSpacing(8)
        self.work_plan_activities = QLabel(card)
        self.work_plan_activities.setFont(scaled_font(self.font(), 2.6, bold=True))
        self.work_plan_activities_caption = muted_label("activities", card, wrap=False)
        figure.addWidget(self.work_plan_activities)
        figure.addWidget(self.work_plan_activities_caption, 0, Qt.AlignmentFlag.AlignBottom)
        figure.addStretch(1)
        self.work_plan_note = muted_label("", card)
        card.body.addWidget(self.work_plan_title)
        card.body.addWidget(self.work_plan_summary)
        card.body.addLayout(figure)
        card.body.addWidget(self.work_plan_note)
        card.body.addStretch(1)
        return card

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        figures = dashboard_service.dashboard(self.db, today=self.today, limit=self.LIST_LENGTH)
        self.figures = figures
        self.header.set_subtitle(f"{NETWORK_NAME} · {figures.today:%A %d %B %Y}")

        actions = figures.action_points
        self.open_card.set_value(
            actions.open, f"{actions.due_soon} due in the next {dashboard_service.DUE_SOON_DAYS} days"
        )
        if actions.overdue:
            self.overdue_card.set_value(actions.overdue, "open and past their due date", colour=ALERT_COLOUR)
        else:
            self.overdue_card.set_value(0, "all open points are on time", colour=GOOD_COLOUR)
        self.members_card.set_value(figures.member_organisations, "chair, co-chair and members")
        self.people_card.set_value(figures.people, "in the contact directory")
        self.held_card.caption.setText(f"Meetings held in {figures.today.year}")
        self.held_card.set_value(figures.meetings_held_this_year, f"{figures.upcoming_total} planned ahead")

        more = figures.upcoming_total - len(figures.next_meetings)
        self.meetings_panel.set_records(
            figures.next_meetings,
            f"and {_plural(more, 'more planned meeting')} on the Meetings page." if more > 0 else "",
        )
        late_more = actions.overdue - len(figures.most_overdue)
        self.overdue_panel.set_records(
            figures.most_overdue,
            f"and {late_more} more on the Action points page." if late_more > 0 else "",
        )
        more_minutes = figures.minutes_to_finish - len(figures.minutes_in_progress)
        self.minutes_panel.set_records(
            figures.minutes_in_progress,
            f"and {more_minutes} more on the Meetings page." if more_minutes > 0 else "",
        )
        self._show_work_plan(figures)
        self._show_action_figures(action_points_service.action_dashboard(self.db, today=figures.today))

    def _show_action_figures(self, board: ActionDashboard) -> None:
        self.action_figures = board
        self.next_due_model.today = board.today
        self.next_due_panel.set_records(board.next_due)
        totals = board.totals
        quarter = f"{board.quarter_start:%d %b} – {board.quarter_end:%d %b %Y}"
        self.by_organisation_panel.set_records(
            board.per_organisation,
            f"All organisations: {totals.open} open, {totals.overdue} overdue, "
            f"{totals.done_this_quarter} done this quarter ({quarter})."
            if board.per_organisation
            else "",
        )

    def _show_work_plan(self, figures: Dashboard) -> None:
        plan = figures.work_plan
        self.work_plan_card.title.setText(f"Work plan {plan.year}")
        if not plan.exists:
            self.work_plan_badge.set_badge("Missing", ALERT_COLOUR)
            self.work_plan_title.setText(f"No work plan for {plan.year} yet.")
            self.work_plan_summary.setText(
                "The secretariat drafts the annual work plan with the members and shares it with the "
                "Resident Coordinator's Office once endorsed."
            )
            self.work_plan_activities.hide()
            self.work_plan_activities_caption.hide()
            self.work_plan_note.setText("Work plans are prepared on the Work plans page.")
            return
        endorsed = plan.status is WorkPlanStatus.ENDORSED
        self.work_plan_badge.set_badge(plan.status_label, GOOD_COLOUR if endorsed else DRAFT_COLOUR)
        self.work_plan_title.setText(plan.title)
        if endorsed and plan.endorsed_on is not None:
            self.work_plan_summary.setText(f"Endorsed by the members on {plan.endorsed_on:%d %B %Y}.")
        elif endorsed:
            self.work_plan_summary.setText("Endorsed by the members.")
        else:
            self.work_plan_summary.setText("Draft: not yet endorsed by the members.")
        self.work_plan_activities.setText(str(plan.activity_count))
        self.work_plan_activities_caption.setText("activity" if plan.activity_count == 1 else "activities")
        self.work_plan_activities.show()
        self.work_plan_activities_caption.show()
        self.work_plan_note.setText("")
