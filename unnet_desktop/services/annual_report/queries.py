"""The grouped queries ``annual_report`` is built from: participation, action points, objectives of
meetings and policies, policy updates, the work plan and the working groups."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES, ActionStatus, Attendance, Sex
from ...core.models import (
    ActionPoint,
    AgendaItem,
    GcmObjective,
    Meeting,
    Organisation,
    Participation,
    Person,
    Policy,
    agenda_item_objectives,
    agenda_item_policies,
    policy_objectives,
)
from ...core.timezone import to_wib
from .records import ActionFigures, ActionLine, GroupActivity, MeetingLine, ParticipationFigures, PolicyUpdate


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
    from ..coverage import gcm_coverage
    from ..workplans import get_work_plan, plan_overview

    if get_work_plan(db, year) is None:
        return None, None
    return plan_overview(db, year), gcm_coverage(db, year)


def _working_groups(
    db: Database, year: int, meetings: tuple[MeetingLine, ...], actions_by_group: dict[int, tuple[int, int]]
) -> tuple[GroupActivity, ...]:
    from ..working_groups import list_working_groups

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
