"""The Network's annual report to the Resident Coordinator and the UN Country Team (ToR D.4), as data.

``annual_report(db, year)`` gathers the year's figures into frozen dataclasses, read in a few
grouped queries; ``files.annual_report_docx`` turns them into Word and ``files.charts`` into charts.
No Word and no Qt here. What counts:

- *meetings held*: meetings of the year (by their WIB date) whose status is Held; those of the year
  still Planned or Cancelled are listed apart. Attendance is of those held: participations marked
  Present, by sex and by the organisation's category;
- *main decisions*: the decisions recorded under the agenda items of the meetings held;
- *action points raised*: those of the year's meetings (whatever their status), with their status
  as of the report's date; overdue = still open or in progress with a due date before that date;
- *work plan*: the year's plan (``services.workplans.plan_overview``: activities by results group,
  required, available, spent, funding gap); activities by status;
- *GCM objectives*: for each of the 23, the year's activities addressing it (cancelled ones left
  out, as ``services.coverage`` does), the meetings held whose agenda items address it, and the
  year's policy updates addressing it (an update on every objective, the GCM itself, is named once
  in ``policies_on_every_objective`` rather than in all 23 lines);
- *policy updates*: entries of the library presented under an agenda item of a meeting held that
  year, and entries issued that year;
- *working groups*: those active at some time in the year, with their meetings and action points.

A year with nothing at all (no meeting, no work plan, no policy update) is refused with a
ValidationError: it is far more likely a mistyped year than a report anyone wants.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from .. import NETWORK_NAME
from ..core.database import Database
from ..core.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    ActivityStatus,
    Attendance,
    MeetingKind,
    MeetingStatus,
    NetworkRole,
    OrganisationCategory,
    Sex,
)
from ..core.errors import ValidationError
from ..core.models import (
    ActionPoint,
    AgendaItem,
    GcmObjective,
    Meeting,
    Organisation,
    Participation,
    Person,
    Policy,
    WorkingGroup,
    agenda_item_objectives,
    agenda_item_policies,
    policy_objectives,
)
from ..core.timezone import to_wib, wib
from .meeting_views import AttendanceSummary, today_wib, when_text
from .policies import PolicyRow, policy_rows

if TYPE_CHECKING:
    from .coverage import Coverage
    from .workplans import BudgetTotals, PlanOverview

MIN_YEAR, MAX_YEAR = 1900, 2999


# --------------------------------------------------------------------------- the data


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


# --------------------------------------------------------------------------- gathering


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"{year!r} is not a year the annual report can be written for.")
    return year


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    return wib(year, 1, 1), wib(year + 1, 1, 1)


def annual_report(db: Database, year: int, *, today: dt.date | None = None) -> AnnualReport:
    """Everything the annual report of ``year`` says, read from the database."""
    year = _check_year(year)
    today = today or today_wib()
    start, end = _year_bounds(year)
    in_year = sa.and_(Meeting.starts_at >= start, Meeting.starts_at < end)

    with db.session() as s:
        meeting_rows = s.execute(
            sa.select(
                Meeting.id,
                Meeting.reference,
                Meeting.title,
                Meeting.kind,
                Meeting.status,
                Meeting.working_group_id,
                sa.func.coalesce(WorkingGroup.short_name, ""),
                Meeting.starts_at,
                Meeting.ends_at,
            )
            .outerjoin(WorkingGroup, WorkingGroup.id == Meeting.working_group_id)
            .where(in_year)
            .order_by(Meeting.starts_at, Meeting.reference)
        ).all()
        held_ids = [r[0] for r in meeting_rows if r[4] is MeetingStatus.HELD]
        held = sa.select(Meeting.id).where(in_year, Meeting.status == MeetingStatus.HELD).scalar_subquery()

        # Attendance: one grouped query for every meeting held, summed by the meetings' own class.
        counts: dict[int, list] = defaultdict(list)
        for meeting_id, attendance, remote, sex, category, n in s.execute(
            sa.select(
                Participation.meeting_id,
                Participation.attendance,
                Participation.remote,
                Person.sex,
                Organisation.category,
                sa.func.count(),
            )
            .join(Person, Person.id == Participation.person_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(Participation.meeting_id.in_(held))
            .group_by(
                Participation.meeting_id, Participation.attendance, Participation.remote, Person.sex,
                Organisation.category,
            )  # fmt: skip
        ):
            counts[meeting_id].append((attendance, bool(remote), sex or Sex.NOT_RECORDED, category, n))
        lines = [
            MeetingLine(
                id=r[0], reference=r[1], title=r[2], kind=r[3], status=r[4], working_group_id=r[5],
                working_group=r[6], starts_at=r[7], ends_at=r[8],
                attendance=AttendanceSummary.from_counts(counts.get(r[0], ())),
            )  # fmt: skip
            for r in meeting_rows
        ]
        meetings = tuple(line for line in lines if line.status is MeetingStatus.HELD)
        not_held = tuple(line for line in lines if line.status is not MeetingStatus.HELD)
        participation = _participation(s, held, meetings)

        decisions = tuple(
            DecisionLine(mid, ref, starts, pos, title, text.strip())
            for mid, ref, starts, pos, title, text in s.execute(
                sa.select(
                    Meeting.id, Meeting.reference, Meeting.starts_at, AgendaItem.position, AgendaItem.title,
                    AgendaItem.decisions,
                )  # fmt: skip
                .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                .where(Meeting.id.in_(held), sa.func.trim(AgendaItem.decisions) != "")
                .order_by(Meeting.starts_at, Meeting.reference, AgendaItem.position)
            )
        )
        actions, actions_by_group = _actions(s, in_year, today)
        meetings_by_objective = _meetings_by_objective(s, held)
        updates = _policy_updates(s, held, year)
        objectives_of_updates = _objectives_of_policies(s, [u[0] for u in updates])
        objective_rows = s.execute(
            sa.select(GcmObjective.number, GcmObjective.short_label, GcmObjective.title).order_by(GcmObjective.number)
        ).all()
        secretariat = s.scalar(
            sa.select(Organisation.name)
            .where(Organisation.network_role == NetworkRole.CO_CHAIR_SECRETARIAT, Organisation.archived.is_(False))
            .order_by(Organisation.id)
            .limit(1)
        )

    plan, coverage = _plan(db, year)
    activities_by_status = {status: 0 for status in ActivityStatus}
    activities_by_objective: dict[int, list[str]] = defaultdict(list)
    if plan is not None:
        for group in plan.groups:
            for activity in group.activities:
                activities_by_status[activity.status] += 1
                if activity.status is not ActivityStatus.CANCELLED:
                    for number in activity.objectives:
                        activities_by_objective[number].append(activity.code)

    update_rows = {row.id: row for row in policy_rows(db, [u[0] for u in updates])}
    policy_updates = tuple(
        PolicyUpdate(update_rows[pid], presented, issued) for pid, presented, issued in updates if pid in update_rows
    )
    policy_updates = tuple(sorted(policy_updates, key=_update_order))
    label_of = {u.policy.id: (u.policy.number or u.policy.title) for u in policy_updates}
    # An instrument on every objective (the GCM itself) would fill the whole column: named once instead.
    all_numbers = {number for number, _, _ in objective_rows}
    general = tuple(
        u for u in policy_updates if all_numbers and set(objectives_of_updates.get(u.policy.id, ())) >= all_numbers
    )
    policies_by_objective: dict[int, list[str]] = defaultdict(list)
    for u in policy_updates:
        if u in general:
            continue
        for number in objectives_of_updates.get(u.policy.id, ()):
            policies_by_objective[number].append(label_of[u.policy.id])
    objectives = tuple(
        ObjectiveLine(
            number=number,
            short_label=short,
            title=title,
            activities=tuple(activities_by_objective.get(number, ())),
            meetings=tuple(meetings_by_objective.get(number, ())),
            policies=tuple(policies_by_objective.get(number, ())),
        )
        for number, short, title in objective_rows
    )

    if not lines and plan is None and not policy_updates:
        raise ValidationError(
            f"There is nothing to report for {year}: no meeting, no work plan and no policy update in that year."
        )

    return AnnualReport(
        year=year,
        generated_on=today,
        network=NETWORK_NAME,
        meetings=meetings,
        not_held=not_held,
        participation=participation,
        decisions=decisions,
        actions=actions,
        plan=plan,
        activities_by_status=activities_by_status,
        coverage=coverage,
        objectives=objectives,
        policy_updates=policy_updates,
        policies_on_every_objective=general,
        working_groups=_working_groups(db, year, meetings, actions_by_group),
        secretariat=secretariat or "",
        meetings_by_kind=dict(Counter(m.kind for m in meetings)),
    )


def _participation(s, held, meetings: tuple[MeetingLine, ...]) -> ParticipationFigures:
    by_sex: Counter = Counter()
    by_category: Counter = Counter()
    remote = 0
    for line in meetings:
        by_sex.update(line.attendance.present_by_sex)
        by_category.update(line.attendance.present_by_category)
        remote += line.attendance.remote
    present = sa.and_(Participation.meeting_id.in_(held), Participation.attendance == Attendance.PRESENT)
    people_by_sex = dict(
        s.execute(
            sa.select(Person.sex, sa.func.count(sa.distinct(Person.id)))
            .join(Participation, Participation.person_id == Person.id)
            .where(present)
            .group_by(Person.sex)
        ).all()
    )
    orgs_by_category: Counter = Counter()
    for category, n in s.execute(
        sa.select(Organisation.category, sa.func.count(sa.distinct(Organisation.id)))
        .join(Person, Person.organisation_id == Organisation.id)
        .join(Participation, Participation.person_id == Person.id)
        .where(present)
        .group_by(Organisation.category)
    ):
        orgs_by_category[category] += n

    def largest_first(counter: Counter) -> dict:
        return dict(sorted(((k, v) for k, v in counter.items() if v), key=lambda kv: (-kv[1], kv[0].label if kv[0] else "~")))

    return ParticipationFigures(
        attendances=sum(by_sex.values()),
        remote=remote,
        people=sum(people_by_sex.values()),
        organisations=sum(orgs_by_category.values()),
        by_sex={sex: by_sex.get(sex, 0) for sex in Sex},
        people_by_sex={sex: people_by_sex.get(sex, 0) for sex in Sex},
        by_category=largest_first(by_category),
        organisations_by_category=largest_first(orgs_by_category),
    )


def _actions(s, in_year, today: dt.date) -> tuple[ActionFigures, dict[int, tuple[int, int]]]:
    """The action points of the year's meetings: counts by status, the open ones, and per working
    group (raised, open)."""
    of_year = sa.select(Meeting.id).where(in_year).scalar_subquery()
    by_status = {status: 0 for status in ActionStatus}
    by_group: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    overdue = 0
    for status, group_id, n, late in s.execute(
        sa.select(
            ActionPoint.status,
            Meeting.working_group_id,
            sa.func.count(),
            sa.func.sum(sa.case((sa.and_(ActionPoint.due_date.is_not(None), ActionPoint.due_date < today), 1), else_=0)),
        )
        .join(Meeting, Meeting.id == ActionPoint.meeting_id)
        .where(ActionPoint.meeting_id.in_(of_year))
        .group_by(ActionPoint.status, Meeting.working_group_id)
    ):
        by_status[status] += n
        if status in OPEN_ACTION_STATUSES:
            overdue += int(late or 0)
        if group_id is not None:
            by_group[group_id][0] += n
            if status in OPEN_ACTION_STATUSES:
                by_group[group_id][1] += n
    person = aliased(Person)
    open_lines = []
    for aid, ref, description, org, person_name, due, status in s.execute(
        sa.select(
            ActionPoint.id,
            Meeting.reference,
            ActionPoint.description,
            sa.func.coalesce(Organisation.acronym, Organisation.name),
            person.full_name,
            ActionPoint.due_date,
            ActionPoint.status,
        )
        .join(Meeting, Meeting.id == ActionPoint.meeting_id)
        .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
        .outerjoin(person, person.id == ActionPoint.responsible_person_id)
        .where(ActionPoint.meeting_id.in_(of_year), ActionPoint.status.in_(OPEN_ACTION_STATUSES))
        .order_by(ActionPoint.due_date.is_(None), ActionPoint.due_date, Meeting.starts_at, ActionPoint.id)
    ):
        responsible = f"{org} ({person_name})" if org and person_name else (org or person_name or "")
        open_lines.append(
            ActionLine(
                id=aid,
                reference=ref,
                description=" ".join((description or "").split()),
                responsible=responsible,
                due_date=due,
                status=status,
                overdue=due is not None and due < today,
            )
        )
    figures = ActionFigures(
        raised=sum(by_status.values()), by_status=by_status, overdue=overdue, open_lines=tuple(open_lines)
    )
    return figures, {k: (v[0], v[1]) for k, v in by_group.items()}


def _meetings_by_objective(s, held) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for number, reference in s.execute(
        sa.select(GcmObjective.number, Meeting.reference)
        .select_from(agenda_item_objectives)
        .join(GcmObjective, GcmObjective.id == agenda_item_objectives.c.gcm_objective_id)
        .join(AgendaItem, AgendaItem.id == agenda_item_objectives.c.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.id.in_(held))
        .group_by(GcmObjective.number, Meeting.id)
        .order_by(GcmObjective.number, sa.func.min(Meeting.starts_at), Meeting.reference)
    ):
        found[number].append(reference)
    return found


def _policy_updates(s, held, year: int) -> list[tuple[int, tuple, bool]]:
    """(policy id, where it was presented in the year, issued in the year) of the year's updates."""
    presented: dict[int, list[tuple[str, dt.date, str]]] = defaultdict(list)
    for pid, reference, starts_at, title in s.execute(
        sa.select(agenda_item_policies.c.policy_id, Meeting.reference, Meeting.starts_at, AgendaItem.title)
        .join(AgendaItem, AgendaItem.id == agenda_item_policies.c.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.id.in_(held))
        .order_by(Meeting.starts_at, AgendaItem.position)
    ):
        presented[pid].append((reference, to_wib(starts_at).date(), title))
    issued = set(
        s.scalars(
            sa.select(Policy.id).where(Policy.issued_on >= dt.date(year, 1, 1), Policy.issued_on <= dt.date(year, 12, 31))
        )
    )
    ids = set(presented) | issued
    return [(pid, tuple(presented.get(pid, ())), pid in issued) for pid in ids]


def _objectives_of_policies(s, ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    if not ids:
        return found
    for pid, number in s.execute(
        sa.select(policy_objectives.c.policy_id, GcmObjective.number)
        .join(GcmObjective, GcmObjective.id == policy_objectives.c.gcm_objective_id)
        .where(policy_objectives.c.policy_id.in_(ids))
        .order_by(GcmObjective.number)
    ):
        found[pid].append(number)
    return found


def _update_order(update: PolicyUpdate):
    first = update.presented_at[0][1] if update.presented_at else (update.policy.issued_on or dt.date.max)
    return (first, update.policy.number.casefold(), update.policy.title.casefold())


def _plan(db: Database, year: int):
    from .coverage import gcm_coverage
    from .workplans import get_work_plan, plan_overview

    if get_work_plan(db, year) is None:
        return None, None
    return plan_overview(db, year), gcm_coverage(db, year)


def _working_groups(
    db: Database, year: int, meetings: tuple[MeetingLine, ...], actions_by_group: dict[int, tuple[int, int]]
) -> tuple[GroupActivity, ...]:
    from .working_groups import list_working_groups

    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    meetings_of: dict[int, list[MeetingLine]] = defaultdict(list)
    for line in meetings:
        if line.working_group_id is not None:
            meetings_of[line.working_group_id].append(line)
    out = []
    for row in list_working_groups(db, include_closed=True, today=last):
        started = row.established_on is None or row.established_on <= last
        still = row.closed_on is None or row.closed_on >= first
        if not (started and still) and row.id not in meetings_of:
            continue
        raised, open_ = actions_by_group.get(row.id, (0, 0))
        out.append(
            GroupActivity(
                id=row.id,
                name=row.name,
                short_name=row.short_name,
                kind_label=row.kind_label,
                lead=row.lead_organisation,
                co_lead=row.co_lead_organisation,
                objectives=row.objectives,
                members=row.members,
                established_on=row.established_on,
                closed_on=row.closed_on,
                meetings=tuple(meetings_of.get(row.id, ())),
                action_points_raised=raised,
                action_points_open=open_,
            )
        )
    return tuple(out)


def money(value: Decimal | None) -> str:
    """``1,234,568`` (whole US dollars, half up, as in the report's tables); '' for None."""
    if value is None:
        return ""
    return f"{Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


__all__ = [
    "ActionFigures",
    "ActionLine",
    "AnnualReport",
    "DecisionLine",
    "GroupActivity",
    "MeetingLine",
    "ObjectiveLine",
    "ParticipationFigures",
    "PolicyUpdate",
    "annual_report",
    "money",
]
