"""The dashboard's figures: what is coming up, what is late, where this year's work plan stands.

No Qt: plain frozen dataclasses, read in one transaction with the counting done in SQL. Every
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
    MinutesStatus,
    NetworkRole,
    WorkPlanStatus,
)
from ..core.models import ActionPoint, Activity, Meeting, Organisation, Person, WorkPlan
from ..core.timezone import format_wib, to_wib, today_wib, wib
from .meeting_place import place_text

#: Network roles of the organisations counted as members of the Network (Terms of Reference).
MEMBER_ROLES = (NetworkRole.CHAIR, NetworkRole.CO_CHAIR_SECRETARIAT, NetworkRole.MEMBER)
#: "Due soon" looks this many days ahead, today included.
DUE_SOON_DAYS = 14
# Core tables rather than ORM entities: the dashboard is the first screen shown, and a Core
# query does not make SQLAlchemy configure every mapper first (about 0.1 s at start-up).
_meetings = Meeting.__table__
_actions = ActionPoint.__table__
_organisations = Organisation.__table__
_people = Person.__table__
_work_plans = WorkPlan.__table__
_activities = Activity.__table__

#: How many upcoming meetings the dashboard lists.
NEXT_MEETINGS_LIMIT = 5


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
        return place_text(self.venue, self.online_link, unknown="Venue to be confirmed")

    @property
    def in_days(self) -> str:
        if self.days_away <= 0:
            return "today"
        if self.days_away == 1:
            return "tomorrow"
        return f"in {self.days_away} days"


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
class OverdueActionPoint:
    id: int
    description: str
    responsible: str  # "IOM · Ms Dewi Lestari", "" when nobody is named
    due_date: dt.date
    days_late: int
    meeting_reference: str  # "" for an action point raised outside a meeting


@dataclass(frozen=True)
class MinutesInProgress:
    """A meeting held whose minutes are not approved yet."""

    id: int
    reference: str
    title: str
    starts_at: dt.datetime
    minutes_status: MinutesStatus

    @property
    def held_on(self) -> str:
        return f"{to_wib(self.starts_at):%d %b %Y}"


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    next_meetings: tuple[UpcomingMeeting, ...]
    upcoming_total: int  # all planned meetings from today on (the list shows the first few)
    action_points: ActionPointFigures
    most_overdue: tuple[OverdueActionPoint, ...]  # the longest overdue first
    minutes_in_progress: tuple[MinutesInProgress, ...]  # oldest meeting first
    minutes_to_finish: int  # all held meetings whose minutes are not approved
    work_plan: WorkPlanSummary
    member_organisations: int
    people: int
    meetings_held_this_year: int


def next_meetings(
    db: Database, today: dt.date | None = None, limit: int = NEXT_MEETINGS_LIMIT
) -> list[UpcomingMeeting]:
    """Planned meetings from today (WIB) on, soonest first."""
    today = today or today_wib()
    with db.engine.connect() as conn:
        return _next_meetings(conn, today, limit)


def action_point_figures(db: Database, today: dt.date | None = None) -> ActionPointFigures:
    today = today or today_wib()
    with db.engine.connect() as conn:
        return _action_points(conn, today)


def work_plan_summary(db: Database, year: int | None = None) -> WorkPlanSummary:
    year = year or today_wib().year
    with db.engine.connect() as conn:
        return _work_plan(conn, year)


def dashboard(db: Database, today: dt.date | None = None, limit: int = NEXT_MEETINGS_LIMIT) -> Dashboard:
    """Every figure of the dashboard, read in one transaction."""
    today = today or today_wib()
    year_start, next_year_start = wib(today.year, 1, 1), wib(today.year + 1, 1, 1)
    with db.engine.connect() as conn:
        upcoming_total = conn.scalar(
            sa.select(sa.func.count())
            .select_from(_meetings)
            .where(_meetings.c.status == MeetingStatus.PLANNED, _meetings.c.starts_at >= _start_of_day(today))
        )
        members = conn.scalar(
            sa.select(sa.func.count())
            .select_from(_organisations)
            .where(_organisations.c.network_role.in_(MEMBER_ROLES), _organisations.c.archived.is_(False))
        )
        people = conn.scalar(
            sa.select(sa.func.count()).select_from(_people).where(_people.c.archived.is_(False))
        )
        held = conn.scalar(
            sa.select(sa.func.count())
            .select_from(_meetings)
            .where(
                _meetings.c.status == MeetingStatus.HELD,
                _meetings.c.starts_at >= year_start,
                _meetings.c.starts_at < next_year_start,
            )
        )
        minutes_to_finish = conn.scalar(
            sa.select(sa.func.count())
            .select_from(_meetings)
            .where(
                _meetings.c.status == MeetingStatus.HELD, _meetings.c.minutes_status != MinutesStatus.APPROVED
            )
        )
        return Dashboard(
            today=today,
            next_meetings=tuple(_next_meetings(conn, today, limit)),
            upcoming_total=upcoming_total or 0,
            action_points=_action_points(conn, today),
            most_overdue=tuple(_most_overdue(conn, today, limit)),
            minutes_in_progress=tuple(_minutes_in_progress(conn, limit)),
            minutes_to_finish=minutes_to_finish or 0,
            work_plan=_work_plan(conn, today.year),
            member_organisations=members or 0,
            people=people or 0,
            meetings_held_this_year=held or 0,
        )


def _next_meetings(conn, today: dt.date, limit: int) -> list[UpcomingMeeting]:
    rows = conn.execute(
        sa.select(
            _meetings.c.id,
            _meetings.c.reference,
            _meetings.c.title,
            _meetings.c.starts_at,
            _meetings.c.ends_at,
            _meetings.c.kind,
            _meetings.c.venue,
            _meetings.c.online_link,
        )
        .where(_meetings.c.status == MeetingStatus.PLANNED, _meetings.c.starts_at >= _start_of_day(today))
        .order_by(_meetings.c.starts_at, _meetings.c.reference)
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


def _action_points(conn, today: dt.date) -> ActionPointFigures:
    is_open = _actions.c.status.in_(OPEN_ACTION_STATUSES)
    soon_end = today + dt.timedelta(days=DUE_SOON_DAYS)

    def count_when(condition) -> sa.ColumnElement:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    row = conn.execute(
        sa.select(
            sa.func.count(),
            count_when(_actions.c.due_date < today),
            count_when(sa.and_(_actions.c.due_date >= today, _actions.c.due_date < soon_end)),
        ).where(is_open)
    ).one()
    return ActionPointFigures(open=row[0], overdue=row[1], due_soon=row[2])


def overdue_action_points(
    db: Database, today: dt.date | None = None, limit: int = NEXT_MEETINGS_LIMIT
) -> list[OverdueActionPoint]:
    """Open action points past their due date, the longest overdue first."""
    today = today or today_wib()
    with db.engine.connect() as conn:
        return _most_overdue(conn, today, limit)


def minutes_in_progress(db: Database, limit: int = NEXT_MEETINGS_LIMIT) -> list[MinutesInProgress]:
    """Meetings held whose minutes are not approved yet, the oldest first."""
    with db.engine.connect() as conn:
        return _minutes_in_progress(conn, limit)


def _most_overdue(conn, today: dt.date, limit: int) -> list[OverdueActionPoint]:
    rows = conn.execute(
        sa.select(
            _actions.c.id,
            _actions.c.description,
            _actions.c.due_date,
            _organisations.c.acronym,
            _organisations.c.name,
            _people.c.title,
            _people.c.full_name,
            _meetings.c.reference,
        )
        .select_from(
            _actions.outerjoin(_organisations, _actions.c.responsible_organisation_id == _organisations.c.id)
            .outerjoin(_people, _actions.c.responsible_person_id == _people.c.id)
            .outerjoin(_meetings, _actions.c.meeting_id == _meetings.c.id)
        )
        .where(_actions.c.status.in_(OPEN_ACTION_STATUSES), _actions.c.due_date < today)
        .order_by(_actions.c.due_date, _actions.c.id)
        .limit(limit)
    ).all()
    result = []
    for row in rows:
        organisation = row.acronym or row.name or ""
        person = f"{row.title or ''} {row.full_name or ''}".strip()
        result.append(
            OverdueActionPoint(
                id=row.id,
                description=row.description,
                responsible=" · ".join(part for part in (organisation, person) if part),
                due_date=row.due_date,
                days_late=(today - row.due_date).days,
                meeting_reference=row.reference or "",
            )
        )
    return result


def _minutes_in_progress(conn, limit: int) -> list[MinutesInProgress]:
    rows = conn.execute(
        sa.select(
            _meetings.c.id,
            _meetings.c.reference,
            _meetings.c.title,
            _meetings.c.starts_at,
            _meetings.c.minutes_status,
        )
        .where(_meetings.c.status == MeetingStatus.HELD, _meetings.c.minutes_status != MinutesStatus.APPROVED)
        .order_by(_meetings.c.starts_at, _meetings.c.reference)
        .limit(limit)
    ).all()
    return [MinutesInProgress(*row) for row in rows]


def _work_plan(conn, year: int) -> WorkPlanSummary:
    row = conn.execute(
        sa.select(
            _work_plans.c.title,
            _work_plans.c.status,
            _work_plans.c.endorsed_on,
            sa.select(sa.func.count())
            .select_from(_activities)
            .where(_activities.c.work_plan_id == _work_plans.c.id)
            .scalar_subquery(),
        ).where(_work_plans.c.year == year)
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
    "MinutesInProgress",
    "OverdueActionPoint",
    "UpcomingMeeting",
    "WorkPlanSummary",
    "action_point_figures",
    "dashboard",
    "minutes_in_progress",
    "next_meetings",
    "overdue_action_points",
    "today_wib",
    "work_plan_summary",
]
