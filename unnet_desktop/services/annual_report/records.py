"""The annual report as data: frozen dataclasses (``AnnualReport`` and its lines and figures) and
``money`` for the report's dollar figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ...core.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    ActivityStatus,
    MeetingKind,
    MeetingStatus,
    OrganisationCategory,
    Sex,
)
from ...core.timezone import to_wib
from ..meeting_views import AttendanceSummary, when_text
from ..policies import PolicyRow


if TYPE_CHECKING:
    from ..coverage import Coverage
    from ..workplans import BudgetTotals, PlanOverview


MIN_YEAR, MAX_YEAR = 1900, 2999


@dataclass(frozen=True)
class MeetingLine:
    id: int
    reference: str
    title: str
    kind: MeetingKind
    status: MeetingStatus
    working_group_id: int | None
    working_group: str  # short name, '' when none
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    attendance: AttendanceSummary

    @property
    def date_wib(self) -> dt.date:
        return to_wib(self.starts_at).date()

    @property
    def when(self) -> str:
        return when_text(self.starts_at, self.ends_at)


@dataclass(frozen=True)
class ParticipationFigures:
    """Attendance over the meetings held: attendances (one per person per meeting), distinct people
    and organisations present."""

    attendances: int
    remote: int
    people: int
    organisations: int
    by_sex: dict[Sex, int]  # attendances, every Sex in order
    people_by_sex: dict[Sex, int]  # distinct people
    by_category: dict[OrganisationCategory | None, int]  # attendances, largest first
    organisations_by_category: dict[OrganisationCategory | None, int]  # distinct organisations

    def share(self, sex: Sex) -> float:
        """Share of the attendances, 0..1."""
        return self.by_sex.get(sex, 0) / self.attendances if self.attendances else 0.0


@dataclass(frozen=True)
class DecisionLine:
    meeting_id: int
    reference: str
    starts_at: dt.datetime
    item_position: int
    item_title: str
    decisions: str

    @property
    def date_wib(self) -> dt.date:
        return to_wib(self.starts_at).date()


@dataclass(frozen=True)
class ActionLine:
    id: int
    reference: str  # the meeting's
    description: str
    responsible: str  # "ILO (Hendra Gunawan)" or either part
    due_date: dt.date | None
    status: ActionStatus
    overdue: bool


@dataclass(frozen=True)
class ActionFigures:
    raised: int
    by_status: dict[ActionStatus, int]  # every status, in order
    overdue: int
    open_lines: tuple[ActionLine, ...]  # open and in progress, soonest due first

    @property
    def done(self) -> int:
        return self.by_status.get(ActionStatus.DONE, 0)

    @property
    def open(self) -> int:
        """Open or in progress."""
        return sum(self.by_status.get(s, 0) for s in OPEN_ACTION_STATUSES)


@dataclass(frozen=True)
class ObjectiveLine:
    number: int
    short_label: str
    title: str
    activities: tuple[str, ...]  # activity codes
    meetings: tuple[str, ...]  # meeting references
    policies: tuple[str, ...]  # policy numbers (or titles when unnumbered)

    @property
    def addressed(self) -> bool:
        return bool(self.activities or self.meetings or self.policies)

    @property
    def display(self) -> str:
        return f"{self.number}. {self.short_label}"


@dataclass(frozen=True)
class PolicyUpdate:
    policy: PolicyRow
    presented_at: tuple[tuple[str, dt.date, str], ...]  # (meeting reference, WIB date, agenda item title)
    issued_in_year: bool


@dataclass(frozen=True)
class GroupActivity:
    id: int
    name: str
    short_name: str
    kind_label: str
    lead: str
    co_lead: str
    objectives: tuple[int, ...]
    members: int
    established_on: dt.date | None
    closed_on: dt.date | None
    meetings: tuple[MeetingLine, ...]  # held in the year
    action_points_raised: int
    action_points_open: int


@dataclass(frozen=True)
class AnnualReport:
    year: int
    generated_on: dt.date  # WIB; statuses are as of this day
    network: str
    meetings: tuple[MeetingLine, ...]  # held, by date
    not_held: tuple[MeetingLine, ...]  # of the year but planned or cancelled
    participation: ParticipationFigures
    decisions: tuple[DecisionLine, ...]
    actions: ActionFigures
    plan: PlanOverview | None  # None when the year has no work plan
    activities_by_status: dict[ActivityStatus, int]
    coverage: Coverage | None  # of the work plan; None without one
    objectives: tuple[ObjectiveLine, ...]  # all 23
    policy_updates: tuple[PolicyUpdate, ...]
    #: updates addressing all 23 objectives (the GCM itself): left out of ObjectiveLine.policies
    policies_on_every_objective: tuple[PolicyUpdate, ...]
    working_groups: tuple[GroupActivity, ...]
    secretariat: str = ""  # the co-chair and secretariat organisation's name
    meetings_by_kind: dict[MeetingKind, int] = field(default_factory=dict)

    @property
    def budget(self) -> BudgetTotals | None:
        """The plan's grand totals or None."""
        return self.plan.totals.grand if self.plan is not None else None

    @property
    def objectives_addressed(self) -> int:
        return sum(1 for o in self.objectives if o.addressed)

    @property
    def activity_count(self) -> int:
        return sum(self.activities_by_status.values())


def money(value: Decimal | None) -> str:
    """``1,234,568`` (whole US dollars, half up, as in the report's tables); '' for None."""
    if value is None:
        return ""
    return f"{Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"
