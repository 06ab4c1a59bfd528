"""The figures behind the charts shown in the app (issue 7, point 4), as plain data.

Four charts of a year: meetings per quarter (by status), attendance by sex (people present at
each meeting held, or per month when there are many), action points by status (those raised at
the year's meetings, as the annual report counts them) and work plan activities by status.

Each is a ``ChartData``: bars with one value per series. A chart of one series is a plain bar
chart, of several a stacked one. Series carry a stable ``key`` (the enumeration's value) so the
screen can choose a colour for it. No Qt here; the counting is done in SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import ActionStatus, ActivityStatus, Attendance, MeetingStatus, Sex
from ..core.errors import ValidationError
from ..core.models import ActionPoint, Activity, Meeting, Participation, Person, WorkPlan
from ..core.timezone import to_wib, wib

#: Attendance shows one bar per meeting up to this many meetings, else one per month.
MAX_MEETING_BARS = 12
MIN_YEAR, MAX_YEAR = 1900, 2999

_meetings = Meeting.__table__
_participations = Participation.__table__
_people = Person.__table__
_actions = ActionPoint.__table__
_activities = Activity.__table__
_work_plans = WorkPlan.__table__


@dataclass(frozen=True)
class Series:
    key: str  # the enumeration's value: "female", "held", "done"...
    label: str  # shown in the legend


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar: "Q1", "2024-Q1", "Mar"
    values: tuple[int, ...]  # one per series
    tooltip: str = ""

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class ChartData:
    title: str
    series: tuple[Series, ...]
    bars: tuple[Bar, ...]
    empty_text: str = "Nothing to show."

    @property
    def stacked(self) -> bool:
        return len(self.series) > 1

    @property
    def total(self) -> int:
        return sum(bar.total for bar in self.bars)

    @property
    def is_empty(self) -> bool:
        return not self.bars or self.total == 0

    @property
    def largest(self) -> int:
        return max((bar.total for bar in self.bars), default=0)

    def series_total(self, key: str) -> int:
        for index, series in enumerate(self.series):
            if series.key == key:
                return sum(bar.values[index] for bar in self.bars)
        raise KeyError(key)


@dataclass(frozen=True)
class YearCharts:
    year: int
    meetings_per_quarter: ChartData
    attendance_by_sex: ChartData
    action_points_by_status: ChartData
    activities_by_status: ChartData

    @property
    def all(self) -> tuple[ChartData, ...]:
        return (
            self.meetings_per_quarter,
            self.attendance_by_sex,
            self.action_points_by_status,
            self.activities_by_status,
        )


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"{year!r} is not a year to draw charts for.")
    return year


def _in_year(year: int):
    return sa.and_(_meetings.c.starts_at >= wib(year, 1, 1), _meetings.c.starts_at < wib(year + 1, 1, 1))


def _series(enum_cls) -> tuple[Series, ...]:
    return tuple(Series(member.value, member.label) for member in enum_cls)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


# --------------------------------------------------------------------------- the charts


def meetings_per_quarter(db: Database, year: int) -> ChartData:
    """The year's meetings in each quarter (by their WIB date), stacked by status."""
    year = _check_year(year)
    starts = [wib(year, month, 1) for month in (4, 7, 10)]
    quarter = sa.case(
        (_meetings.c.starts_at < starts[0], 1),
        (_meetings.c.starts_at < starts[1], 2),
        (_meetings.c.starts_at < starts[2], 3),
        else_=4,
    ).label("quarter")
    statuses = list(MeetingStatus)
    counts = {q: [0] * len(statuses) for q in range(1, 5)}
    with db.session() as s:
        for q, status, n in s.execute(
            sa.select(quarter, _meetings.c.status, sa.func.count())
            .where(_in_year(year))
            .group_by(quarter, _meetings.c.status)
        ):
            counts[int(q)][statuses.index(MeetingStatus.from_value(status))] += n
    bars = tuple(
        Bar(
            f"Q{q}",
            tuple(counts[q]),
            f"Q{q} {year}: "
            + ", ".join(f"{n} {status.label.lower()}" for status, n in zip(statuses, counts[q]) if n)
            if sum(counts[q])
            else f"Q{q} {year}: no meeting",
        )
        for q in range(1, 5)
    )
    return ChartData(
        f"Meetings per quarter, {year}", _series(MeetingStatus), bars, f"No meeting in {year}."
    )


def attendance_by_sex(db: Database, year: int) -> ChartData:
    """People present at each meeting held in the year, stacked by sex; per month when the year has
    more than ``MAX_MEETING_BARS`` meetings held."""
    year = _check_year(year)
    sexes = list(Sex)
    with db.session() as s:
        meetings = s.execute(
            sa.select(_meetings.c.id, _meetings.c.reference, _meetings.c.starts_at)
            .where(_in_year(year), _meetings.c.status == MeetingStatus.HELD)
            .order_by(_meetings.c.starts_at, _meetings.c.reference)
        ).all()
        present: dict[int, list[int]] = {m.id: [0] * len(sexes) for m in meetings}
        if meetings:
            for meeting_id, sex, n in s.execute(
                sa.select(_participations.c.meeting_id, _people.c.sex, sa.func.count())
                .join(_people, _people.c.id == _participations.c.person_id)
                .join(_meetings, _meetings.c.id == _participations.c.meeting_id)
                .where(
                    _in_year(year),
                    _meetings.c.status == MeetingStatus.HELD,
                    _participations.c.attendance == Attendance.PRESENT,
                )
                .group_by(_participations.c.meeting_id, _people.c.sex)
            ):
                member = Sex.from_value(sex) if sex else Sex.NOT_RECORDED
                present[meeting_id][sexes.index(member)] += n

    def tip(label: str, values: list[int]) -> str:
        parts = ", ".join(f"{n} {sex.label.lower()}" for sex, n in zip(sexes, values) if n)
        return f"{label}: {_plural(sum(values), 'person', 'people')} present" + (f" ({parts})" if parts else "")

    if len(meetings) <= MAX_MEETING_BARS:
        bars = tuple(
            Bar(m.reference, tuple(present[m.id]), tip(f"{m.reference}, {to_wib(m.starts_at):%d %b %Y}", present[m.id]))
            for m in meetings
        )
        title = f"People present at each meeting held in {year}"
    else:
        months: dict[int, list[int]] = {}
        for m in meetings:
            bucket = months.setdefault(to_wib(m.starts_at).month, [0] * len(sexes))
            for i, n in enumerate(present[m.id]):
                bucket[i] += n
        bars = tuple(
            Bar(f"{dt.date(year, month, 1):%b}", tuple(values), tip(f"{dt.date(year, month, 1):%B %Y}", values))
            for month, values in sorted(months.items())
        )
        title = f"People present at the meetings held in {year}, by month"
    return ChartData(title, _series(Sex), bars, f"No meeting held in {year}.")


def action_points_by_status(db: Database, year: int) -> ChartData:
    """The action points raised at the year's meetings, by their status today."""
    year = _check_year(year)
    counts = {status: 0 for status in ActionStatus}
    with db.session() as s:
        for status, n in s.execute(
            sa.select(_actions.c.status, sa.func.count())
            .join(_meetings, _meetings.c.id == _actions.c.meeting_id)
            .where(_in_year(year))
            .group_by(_actions.c.status)
        ):
            counts[ActionStatus.from_value(status)] += n
    bars = tuple(
        Bar(status.label, (n,), f"{status.label}: {_plural(n, 'action point')}") for status, n in counts.items()
    )
    return ChartData(
        f"Action points raised in {year}, by status",
        (Series("action_points", "Action points"),),
        bars,
        f"No action point was raised at the meetings of {year}.",
    )


def activities_by_status(db: Database, year: int) -> ChartData:
    """The activities of the year's work plan by status (none without a work plan)."""
    year = _check_year(year)
    counts = {status: 0 for status in ActivityStatus}
    with db.session() as s:
        has_plan = s.scalar(sa.select(_work_plans.c.id).where(_work_plans.c.year == year)) is not None
        for status, n in s.execute(
            sa.select(_activities.c.status, sa.func.count())
            .join(_work_plans, _work_plans.c.id == _activities.c.work_plan_id)
            .where(_work_plans.c.year == year)
            .group_by(_activities.c.status)
        ):
            counts[ActivityStatus.from_value(status)] += n
    bars = tuple(
        Bar(status.label, (n,), f"{status.label}: {_plural(n, 'activity', 'activities')}")
        for status, n in counts.items()
    )
    return ChartData(
        f"Work plan {year}: activities by status",
        (Series("activities", "Activities"),),
        bars,
        f"The work plan {year} has no activity yet." if has_plan else f"No work plan for {year}.",
    )


def year_charts(db: Database, year: int) -> YearCharts:
    """The four charts of a year."""
    return YearCharts(
        year=_check_year(year),
        meetings_per_quarter=meetings_per_quarter(db, year),
        attendance_by_sex=attendance_by_sex(db, year),
        action_points_by_status=action_points_by_status(db, year),
        activities_by_status=activities_by_status(db, year),
    )


def years_with_data(db: Database) -> list[int]:
    """The years that have a meeting or a work plan, newest first (for a year chooser)."""
    with db.session() as s:
        years = {int(y) for (y,) in s.execute(sa.select(_work_plans.c.year))}
        first, last = s.execute(sa.select(sa.func.min(_meetings.c.starts_at), sa.func.max(_meetings.c.starts_at))).one()
    if first is not None and last is not None:
        years.update(range(to_wib(_aware(first)).year, to_wib(_aware(last)).year + 1))
    return sorted(years, reverse=True)


def last_year_held(db: Database, before: int) -> int | None:
    """The last year before ``before`` with a meeting held (the year an annual report is most
    likely wanted for), or None."""
    with db.session() as s:
        last = s.scalar(
            sa.select(sa.func.max(_meetings.c.starts_at)).where(
                _meetings.c.status == MeetingStatus.HELD, _meetings.c.starts_at < wib(before, 1, 1)
            )
        )
    return to_wib(_aware(last)).year if last is not None else None


def _aware(moment) -> dt.datetime:
    """min()/max() over a UTCDateTime column come back as stored (Core skips the type on aggregates)."""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


__all__ = [
    "MAX_MEETING_BARS",
    "Bar",
    "ChartData",
    "Series",
    "YearCharts",
    "action_points_by_status",
    "activities_by_status",
    "attendance_by_sex",
    "last_year_held",
    "meetings_per_quarter",
    "year_charts",
    "years_with_data",
]
