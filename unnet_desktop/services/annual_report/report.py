"""``annual_report(db, year)``: the year checked, then its figures gathered into an ``AnnualReport``."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import sqlalchemy as sa

from ... import NETWORK_NAME
from ...core.database import Database
from ...core.enums import ActivityStatus, MeetingStatus, NetworkRole, Sex
from ...core.errors import ValidationError
from ...core.models import AgendaItem, GcmObjective, Meeting, Organisation, Participation, Person, WorkingGroup
from ...core.timezone import wib
from ..meeting_views import AttendanceSummary, today_wib
from ..policies import policy_rows
from .queries import (
    _actions,
    _meetings_by_objective,
    _objectives_of_policies,
    _participation,
    _plan,
    _policy_updates,
    _update_order,
    _working_groups,
)
from .records import MAX_YEAR, MIN_YEAR, AnnualReport, DecisionLine, MeetingLine, ObjectiveLine, PolicyUpdate


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
