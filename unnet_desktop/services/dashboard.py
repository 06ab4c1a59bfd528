"""The dashboard's figures: what is coming up, what is late, where this year's work plan stands.

No Qt: plain frozen dataclasses, computed in one session with counting done in SQL. Every
function takes ``today`` (a date in WIB, the Network's time zone) so tests can fix the day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import (
    OPEN_ACTION_STATUSES,
    MeetingKind,
    MeetingStatus,
    NetworkRole,
    WorkPlanStatus,
)
from ..core.models import ActionPoint, Activity, Meeting, Organisation, Person, WorkPlan
from ..core.timezone import format_wib, to_wib, wib

#: Network roles of the organisations counted as members of the Network (Terms of Reference).
MEMBER_ROLES = (NetworkRole.CHAIR, NetworkRole.CO_CHAIR_SECRETARIAT, NetworkRole.MEMBER)
#: "Due soon" looks this many days ahead, today included.
DUE_SOON_DAYS = 14
#: How many upcoming meetings the dashboard lists.
NEXT_MEETINGS_LIMIT = 5


def today_wib() -> dt.date:
    """Today's date in Jakarta (WIB), whatever the computer's own time zone."""
    return to_wib(dt.datetime.now(dt.timezone.utc)).date()


def _start_of_day(day: dt.date) -> dt.datetime:
    """Midnight WIB of ``day`` as an aware UTC datetime."""
    return wib(day.year, day.month, day.day)


@dataclass(frozen=True)
class UpcomingMeeting:
    id: int
    reference: str
    title: str
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime | None
    kind: MeetingKind
    venue: str
    online_link: str
    days_away: int  # 0 = today (WIB)

    @property
    def when(self) -> str:
        """``18 Mar 2024 14:00–16:00 WIB`` (end time only when it is the same day)."""
        text = format_wib(self.starts_at)
        if self.ends_at is not None and to_wib(self.ends_at).date() == to_wib(self.starts_at).date():
            text = f"{text.removesuffix(' WIB')}–{format_wib(self.ends_at, with_date=False)}"
        return text

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def place(self) -> str:
        """The venue, "Online", or both for a hybrid meeting."""
        if self.venue and self.online_link:
            return f"{self.venue} + online"
        if self.venue:
            return self.venue
        return "Online" if self.online_link else "Venue to be confirmed"

    @property
    def in_days(self) -> str:
        if self.days_away <= 0:
            return "Today"
        if self.days_away == 1:
            return "Tomorrow"
        return f"In {self.days_away} days"


@dataclass(frozen=True)
class ActionPointFigures:
    open: int  # status open or in progress
    overdue: int  # open and due before today
    due_soon: int  # open and due today or in the next DUE_SOON_DAYS - 1 days


@dataclass(frozen=True)
class WorkPlanSummary:
    year: int
    exists: bool
    title: str = ""
    status: WorkPlanStatus | None = None
    endorsed_on: dt.date | None = None
    activity_count: int = 0

    @property
    def status_label(self) -> str:
        return self.status.label if self.status is not None else "Missing"

    @property
    def summary(self) -> str:
        """One line for people: ``Endorsed on 12 Feb 2026 · 14 activities``."""
        if not self.exists:
            return f"No work plan for {self.year} yet."
        if self.status is WorkPlanStatus.ENDORSED and self.endorsed_on is not None:
            state = f"Endorsed on {self.endorsed_on:%d %b %Y}"
        else:
            state = self.status_label
        noun = "activity" if self.activity_count == 1 else "activities"
        return f"{state} · {self.activity_count} {noun}"


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    next_meetings: tuple[UpcomingMeeting, ...]
    upcoming_total: int  # all planned meetings from today on (the list shows the first few)
    action_points: ActionPointFigures
    work_plan: WorkPlanSummary
    member_organisations: int
    people: int
    meetings_held_this_year: int


def next_meetings(
    db: Database, today: dt.date | None = None, limit: int = NEXT_MEETINGS_LIMIT
) -> list[UpcomingMeeting]:
    """Planned meetings from today (WIB) on, soonest first."""
    today = today or today_wib()
    with db.session() as session:
        return _next_meetings(session, today, limit)


def action_point_figures(db: Database, today: dt.date | None = None) -> ActionPointFigures:
    today = today or today_wib()
    with db.session() as session:
        return _action_points(session, today)


def work_plan_summary(db: Database, year: int | None = None) -> WorkPlanSummary:
    year = year or today_wib().year
    with db.session() as session:
        return _work_plan(session, year)


def dashboard(db: Database, today: dt.date | None = None, limit: int = NEXT_MEETINGS_LIMIT) -> Dashboard:
    """Every figure of the dashboard, read in one session."""
    today = today or today_wib()
    year_start, next_year_start = wib(today.year, 1, 1), wib(today.year + 1, 1, 1)
    with db.session() as session:
        upcoming_total = session.scalar(
            sa.select(sa.func.count())
            .select_from(Meeting)
            .where(Meeting.status == MeetingStatus.PLANNED, Meeting.starts_at >= _start_of_day(today))
        )
        members = session.scalar(
            sa.select(sa.func.count())
            .select_from(Organisation)
            .where(Organisation.network_role.in_(MEMBER_ROLES), Organisation.archived.is_(False))
        )
        people = session.scalar(
            sa.select(sa.func.count()).select_from(Person).where(Person.archived.is_(False))
        )
        held = session.scalar(
            sa.select(sa.func.count())
            .select_from(Meeting)
            .where(
                Meeting.status == MeetingStatus.HELD,
                Meeting.starts_at >= year_start,
                Meeting.starts_at < next_year_start,
            )
        )
        return Dashboard(
            today=today,
            next_meetings=tuple(_next_meetings(session, today, limit)),
            upcoming_total=upcoming_total or 0,
            action_points=_action_points(session, today),
            work_plan=_work_plan(session, today.year),
            member_organisations=members or 0,
            people=people or 0,
            meetings_held_this_year=held or 0,
        )


def _next_meetings(session, today: dt.date, limit: int) -> list[UpcomingMeeting]:
    rows = session.execute(
        sa.select(
            Meeting.id,
            Meeting.reference,
            Meeting.title,
            Meeting.starts_at,
            Meeting.ends_at,
            Meeting.kind,
            Meeting.venue,
            Meeting.online_link,
        )
        .where(Meeting.status == MeetingStatus.PLANNED, Meeting.starts_at >= _start_of_day(today))
        .order_by(Meeting.starts_at, Meeting.reference)
        .limit(limit)
    ).all()
    return [
        UpcomingMeeting(
            id=row.id,
            reference=row.reference,
            title=row.title,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            kind=row.kind,
            venue=row.venue or "",
            online_link=row.online_link or "",
            days_away=(to_wib(row.starts_at).date() - today).days,
        )
        for row in rows
    ]


def _action_points(session, today: dt.date) -> ActionPointFigures:
    is_open = ActionPoint.status.in_(OPEN_ACTION_STATUSES)
    soon_end = today + dt.timedelta(days=DUE_SOON_DAYS)

    def count_when(condition) -> sa.ColumnElement:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    row = session.execute(
        sa.select(
            sa.func.count(),
            count_when(ActionPoint.due_date < today),
            count_when(sa.and_(ActionPoint.due_date >= today, ActionPoint.due_date < soon_end)),
        ).where(is_open)
    ).one()
    return ActionPointFigures(open=row[0], overdue=row[1], due_soon=row[2])


def _work_plan(session, year: int) -> WorkPlanSummary:
    row = session.execute(
        sa.select(
            WorkPlan.title,
            WorkPlan.status,
            WorkPlan.endorsed_on,
            sa.select(sa.func.count())
            .select_from(Activity)
            .where(Activity.work_plan_id == WorkPlan.id)
            .scalar_subquery(),
        ).where(WorkPlan.year == year)
    ).first()
    if row is None:
        return WorkPlanSummary(year=year, exists=False)
    title, status, endorsed_on, activities = row
    return WorkPlanSummary(
        year=year,
        exists=True,
        title=title,
        status=status,
        endorsed_on=endorsed_on,
        activity_count=activities,
    )


__all__ = [
    "ActionPointFigures",
    "Dashboard",
    "UpcomingMeeting",
    "WorkPlanSummary",
    "action_point_figures",
    "dashboard",
    "next_meetings",
    "today_wib",
    "work_plan_summary",
]
