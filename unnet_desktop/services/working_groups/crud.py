"""Working groups of the Network (Terms of Reference D.5): permanent or ad-hoc, on GCM objectives,
led by an organisation (and a co-lead), with people as members; their meetings and open action points.

No Qt. The status is derived: a group is active until its closing date, closed from that day on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from ..core.database import Database
from ..core.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    Sex,
    WorkingGroupKind,
)
from ..core.errors import ValidationError
from ..core.models import (
    ActionPoint,
    GcmObjective,
    Meeting,
    Organisation,
    Person,
    WorkingGroup,
    utcnow,
    working_group_members,
    working_group_objectives,
)
from ..core.timezone import to_wib

NAME_MAX = 200
SHORT_NAME_MAX = 20
ACTIVE, CLOSED = "active", "closed"
STATUS_LABELS = {ACTIVE: "Active", CLOSED: "Closed"}
_SHORT_NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_.]*$")
_SMALL_WORDS = {"on", "of", "and", "the", "for", "to", "in", "a", "an", "&"}


def _today_wib() -> dt.date:
    return to_wib(dt.datetime.now(dt.timezone.utc)).date()


def group_status(closed_on: dt.date | None, today: dt.date | None = None) -> str:
    """``"active"`` until the closing date, ``"closed"`` from that day on."""
    today = today or _today_wib()
    return CLOSED if closed_on is not None and closed_on <= today else ACTIVE


@dataclass
class WorkingGroupData:
    """Every field of a working group as a form edits it; objectives are GCM numbers."""

    name: str = ""
    short_name: str = ""  # empty: made from the name's initials
    kind: WorkingGroupKind = WorkingGroupKind.PERMANENT
    purpose: str = ""
    objectives: tuple[int, ...] = ()
    lead_organisation_id: int | None = None
    co_lead_organisation_id: int | None = None
    established_on: dt.date | None = None
    closed_on: dt.date | None = None
    id: int | None = None
    uuid: str | None = None
    updated_at: dt.datetime | None = None

    def status(self, today: dt.date | None = None) -> str:
        return group_status(self.closed_on, today)


_PLAIN = (
    "name",
    "short_name",
    "kind",
    "purpose",
    "lead_organisation_id",
    "co_lead_organisation_id",
    "established_on",
    "closed_on",
)
EDITABLE_FIELDS = (*_PLAIN, "objectives")


@dataclass(frozen=True)
class WorkingGroupRow:
    """A line of the working groups list."""

    id: int
    uuid: str
    name: str
    short_name: str
    kind: WorkingGroupKind
    purpose: str
    lead_organisation: str
    co_lead_organisation: str
    objectives: tuple[int, ...]
    established_on: dt.date | None
    closed_on: dt.date | None
    members: int
    meetings: int
    open_action_points: int
    status: str  # "active" | "closed"

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def objectives_text(self) -> str:
        return ", ".join(str(n) for n in self.objectives)


@dataclass(frozen=True)
class MemberRow:
    person_id: int
    name: str  # with the title, as on a list of participants
    sex: Sex
    organisation: str  # the short name (acronym) when there is one
    organisation_name: str  # the full name
    position: str
    email: str
    phone: str
    archived: bool

    @property
    def sex_label(self) -> str:
        return self.sex.label


@dataclass(frozen=True)
class GroupMeetingRow:
    id: int
    reference: str
    title: str
    kind: MeetingKind
    starts_at: dt.datetime  # aware UTC; shown in WIB
    status: MeetingStatus
    minutes_status: MinutesStatus

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class GroupActionRow:
    id: int
    uuid: str
    description: str
    meeting_reference: str
    responsible_organisation: str
    responsible_person: str
    due_date: dt.date | None
    status: ActionStatus
    overdue: bool

    @property
    def status_label(self) -> str:
        return self.status.label


# --------------------------------------------------------------------------- checks


def _clean_line(text: str | None) -> str:
    return " ".join((text or "").split())


def initials(name: str) -> str:
    """``Working Group on Labour Migration`` -> ``WGLM``."""
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w.casefold() not in _SMALL_WORDS]
    letters = "".join(w[0] for w in words if w[0].isalnum()).upper()
    return letters[:SHORT_NAME_MAX] or "WG"


def normalise_group(data: WorkingGroupData) -> WorkingGroupData:
    d = dataclasses.replace(data)
    d.name = _clean_line(d.name)
    if not d.name:
        raise ValidationError("The name of the working group is missing.")
    if len(d.name) > NAME_MAX:
        raise ValidationError(f"The name of the working group is too long: at most {NAME_MAX} characters.")
    d.short_name = _clean_line(d.short_name)
    if d.short_name:
        if len(d.short_name) > SHORT_NAME_MAX:
            raise ValidationError(f"The short name {d.short_name!r} is too long: at most {SHORT_NAME_MAX} characters.")
        if not _SHORT_NAME_OK.match(d.short_name):
            raise ValidationError(
                f"The short name {d.short_name!r} may hold only letters, digits, '-', '_' and '.', "
                "since it goes into meeting references."
            )
    try:
        d.kind = WorkingGroupKind.from_value(d.kind)
    except ValueError:
        raise ValidationError(f"{d.kind!r} is not a kind of working group; use Permanent or Ad-hoc.") from None
    d.purpose = (d.purpose or "").strip()
    for name in ("established_on", "closed_on"):
        value = getattr(d, name)
        if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
            raise ValidationError(f"The {name.replace('_on', '').replace('_', ' ')} date must be a date, not {value!r}.")
    if d.established_on and d.closed_on and d.closed_on < d.established_on:
        raise ValidationError(
            f"The closing date {d.closed_on:%d %b %Y} is before the date the group was established "
            f"({d.established_on:%d %b %Y})."
        )
    if d.lead_organisation_id is not None and d.lead_organisation_id == d.co_lead_organisation_id:
        raise ValidationError("The lead and the co-lead must be two different organisations.")
    objectives: dict[int, None] = {}
    for value in d.objectives or ():
        number = int(value)
        if not 1 <= number <= 23:
            raise ValidationError(f"There is no GCM objective {number}; the objectives are numbered 1 to 23.")
        objectives[number] = None
    d.objectives = tuple(sorted(objectives))
    return d


def _group(session: Session, group_id: int) -> WorkingGroup:
    group = session.get(WorkingGroup, group_id)
    if group is None:
        raise ValidationError(f"Working group #{group_id} does not exist (it may have been deleted).")
    return group


def _org(session: Session, org_id: int | None, role: str) -> Organisation | None:
    if org_id is None:
        return None
    org = session.get(Organisation, org_id)
    if org is None:
        raise ValidationError(f"The {role} #{org_id} is not in the contact directory.")
    return org


def _check_unique(session: Session, column, value: str, group_id: int | None, what: str) -> None:
    query = sa.select(WorkingGroup.name).where(sa.func.lower(column) == value.lower())
    if group_id is not None:
        query = query.where(WorkingGroup.id != group_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationError(f"The {what} {value!r} is already used by the working group {other!r}.")


def _free_short_name(session: Session, name: str, group_id: int | None) -> str:
    base = initials(name)
    taken = {
        s.lower()
        for s in session.scalars(
            sa.select(WorkingGroup.short_name).where(WorkingGroup.id != (group_id or -1))
        )
    }
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = str(n)
        candidate, n = base[: SHORT_NAME_MAX - len(suffix)] + suffix, n + 1
    return candidate


def _data_of(group: WorkingGroup) -> WorkingGroupData:
    return WorkingGroupData(
        **{name: getattr(group, name) for name in _PLAIN},
        objectives=tuple(o.number for o in group.objectives),
        id=group.id,
        uuid=group.uuid,
        updated_at=group.updated_at,
    )


def _save(session: Session, group: WorkingGroup, data: WorkingGroupData) -> bool:
    if not data.short_name:
        data.short_name = _free_short_name(session, data.name, group.id)
    _check_unique(session, WorkingGroup.name, data.name, group.id, "name")
    _check_unique(session, WorkingGroup.short_name, data.short_name, group.id, "short name")
    _org(session, data.lead_organisation_id, "lead organisation")
    _org(session, data.co_lead_organisation_id, "co-lead organisation")
    changed = group.id is None
    for name in _PLAIN:
        value = getattr(data, name)
        if getattr(group, name) != value:
            setattr(group, name, value)
            changed = True
    if {o.number for o in group.objectives} != set(data.objectives):
        group.objectives = (
            list(session.scalars(sa.select(GcmObjective).where(GcmObjective.number.in_(data.objectives))))
            if data.objectives
            else []
        )
        changed = True
    if changed:
        group.updated_at = utcnow()
    return changed


# --------------------------------------------------------------------------- CRUD


def create_working_group(db: Database, data: WorkingGroupData) -> WorkingGroupData:
    data = normalise_group(data)
    with db.session() as s:
        group = WorkingGroup()
        _save(s, group, data)
        s.add(group)
        s.flush()
        return _data_of(group)


def get_working_group(db: Database, group_id: int) -> WorkingGroupData:
    with db.session() as s:
        return _data_of(_group(s, group_id))


def find_working_group(db: Database, name: str) -> WorkingGroupData:
    """The group whose name or short name is ``name`` (any case); ValidationError when none."""
    text = _clean_line(name)
    with db.session() as s:
        group = s.scalar(
            sa.select(WorkingGroup).where(
                sa.or_(
                    sa.func.lower(WorkingGroup.name) == text.lower(),
                    sa.func.lower(WorkingGroup.short_name) == text.lower(),
                )
            )
        )
        if group is None:
            known = ", ".join(s.scalars(sa.select(WorkingGroup.short_name).order_by(WorkingGroup.short_name)))
            raise ValidationError(
                f"There is no working group named {text!r}" + (f"; the groups are: {known}." if known else ".")
            )
        return _data_of(group)


def update_working_group(
    db: Database, group_id: int, data: WorkingGroupData | None = None, **changes
) -> WorkingGroupData:
    """Save a whole form (``data``) or a few fields (``changes``)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown working group fields: {', '.join(sorted(unknown))}")
    with db.session() as s:
        group = _group(s, group_id)
        merged = normalise_group(dataclasses.replace(data or _data_of(group), **changes))
        _save(s, group, merged)
        s.flush()
        return _data_of(group)


def close_working_group(db: Database, group_id: int, on: dt.date) -> WorkingGroupData:
    return update_working_group(db, group_id, closed_on=on)


def delete_working_group(db: Database, group_id: int) -> None:
    """Delete a group that has no meetings; one with meetings is closed instead, keeping its record."""
    with db.session() as s:
        group = _group(s, group_id)
        meetings = s.scalar(
            sa.select(sa.func.count()).select_from(Meeting).where(Meeting.working_group_id == group_id)
        )
        if meetings:
            raise ValidationError(
                f"The working group {group.name!r} has {meetings} meeting(s) on record; "
                "close it (give a closing date) rather than delete it."
            )
        s.delete(group)


def list_working_groups(
    db: Database, *, include_closed: bool = True, today: dt.date | None = None
) -> list[WorkingGroupRow]:
    """Every group (active first, then by name), with counts of members, meetings, open action points."""
    today = today or _today_wib()
    lead, co_lead = aliased(Organisation), aliased(Organisation)
    members = (
        sa.select(sa.func.count())
        .select_from(working_group_members)
        .where(working_group_members.c.working_group_id == WorkingGroup.id)
        .scalar_subquery()
    )
    meetings = (
        sa.select(sa.func.count()).where(Meeting.working_group_id == WorkingGroup.id).scalar_subquery()
    )
    open_points = (
        sa.select(sa.func.count())
        .select_from(ActionPoint)
        .join(Meeting, Meeting.id == ActionPoint.meeting_id)
        .where(Meeting.working_group_id == WorkingGroup.id, ActionPoint.status.in_(OPEN_ACTION_STATUSES))
        .scalar_subquery()
    )
    query = (
        sa.select(
            WorkingGroup.id,
            WorkingGroup.uuid,
            WorkingGroup.name,
            WorkingGroup.short_name,
            WorkingGroup.kind,
            WorkingGroup.purpose,
            sa.func.coalesce(lead.acronym, lead.name, ""),
            sa.func.coalesce(co_lead.acronym, co_lead.name, ""),
            WorkingGroup.established_on,
            WorkingGroup.closed_on,
            members,
            meetings,
            open_points,
        )
        .outerjoin(lead, lead.id == WorkingGroup.lead_organisation_id)
        .outerjoin(co_lead, co_lead.id == WorkingGroup.co_lead_organisation_id)
        .order_by(sa.func.lower(WorkingGroup.name))
    )
    if not include_closed:
        query = query.where(sa.or_(WorkingGroup.closed_on.is_(None), WorkingGroup.closed_on > today))
    with db.session() as s:
        rows = s.execute(query).all()
        objectives: dict[int, list[int]] = {}
        for group_id, number in s.execute(
            sa.select(working_group_objectives.c.working_group_id, GcmObjective.number)
            .join(GcmObjective, GcmObjective.id == working_group_objectives.c.gcm_objective_id)
            .order_by(GcmObjective.number)
        ):
            objectives.setdefault(group_id, []).append(number)
    out = [
        WorkingGroupRow(
            id=r[0],
            uuid=r[1],
            name=r[2],
            short_name=r[3],
            kind=r[4],
            purpose=r[5] or "",
            lead_organisation=r[6],
            co_lead_organisation=r[7],
            objectives=tuple(objectives.get(r[0], ())),
            established_on=r[8],
            closed_on=r[9],
            members=r[10],
            meetings=r[11],
            open_action_points=r[12],
            status=group_status(r[9], today),
        )
        for r in rows
    ]
    out.sort(key=lambda g: g.status != ACTIVE)  # stable: by name within each status
    return out


# --------------------------------------------------------------------------- members


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError(f"Person #{person_id} is not in the contact directory.")
    return person


def add_member(db: Database, group_id: int, person_id: int) -> None:
    with db.session() as s:
        group, person = _group(s, group_id), _person(s, person_id)
        if person in group.members:
            raise ValidationError(f"{person.display_name} is already a member of {group.name}.")
        if person.archived:
            raise ValidationError(f"{person.display_name} is archived; restore the contact before adding them.")
        group.members.append(person)
        group.updated_at = utcnow()


def add_members(db: Database, group_id: int, person_ids: Iterable[int]) -> int:
    """Add several people at once (those already members are passed over); returns how many were added."""
    with db.session() as s:
        group = _group(s, group_id)
        current = {p.id for p in group.members}
        added = 0
        for person_id in dict.fromkeys(person_ids):
            if person_id in current:
                continue
            person = _person(s, person_id)
            if person.archived:
                raise ValidationError(f"{person.display_name} is archived; restore the contact before adding them.")
            group.members.append(person)
            added += 1
        if added:
            group.updated_at = utcnow()
        return added


def remove_member(db: Database, group_id: int, person_id: int) -> None:
    with db.session() as s:
        group, person = _group(s, group_id), _person(s, person_id)
        if person not in group.members:
            raise ValidationError(f"{person.display_name} is not a member of {group.name}.")
        group.members.remove(person)
        group.updated_at = utcnow()


def group_members(db: Database, group_id: int) -> list[MemberRow]:
    """The members by name, with their organisations."""
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                Person.id,
                Person.title,
                Person.full_name,
                Person.sex,
                sa.func.coalesce(Organisation.acronym, Organisation.name, ""),
                sa.func.coalesce(Organisation.name, ""),
                Person.position,
                Person.email,
                Person.phone,
                Person.archived,
            )
            .join(working_group_members, working_group_members.c.person_id == Person.id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(working_group_members.c.working_group_id == group_id)
            .order_by(sa.func.lower(Person.full_name), Person.id)
        ).all()
    return [
        MemberRow(
            person_id=r[0],
            name=f"{r[1] or ''} {r[2]}".strip(),
            sex=r[3],
            organisation=r[4],
            organisation_name=r[5],
            position=r[6] or "",
            email=r[7] or "",
            phone=r[8] or "",
            archived=bool(r[9]),
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- meetings and action points


def group_meetings(db: Database, group_id: int) -> list[GroupMeetingRow]:
    """The group's meetings, most recent first."""
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                Meeting.id,
                Meeting.reference,
                Meeting.title,
                Meeting.kind,
                Meeting.starts_at,
                Meeting.status,
                Meeting.minutes_status,
            )
            .where(Meeting.working_group_id == group_id)
            .order_by(Meeting.starts_at.desc(), Meeting.reference)
        ).all()
    return [GroupMeetingRow(*r) for r in rows]


def group_open_action_points(db: Database, group_id: int, today: dt.date | None = None) -> list[GroupActionRow]:
    """Open and in-progress action points of the group's meetings, soonest due first (no date last)."""
    today = today or _today_wib()
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                ActionPoint.id,
                ActionPoint.uuid,
                ActionPoint.description,
                Meeting.reference,
                sa.func.coalesce(Organisation.acronym, Organisation.name, ""),
                sa.func.coalesce(Person.full_name, ""),
                ActionPoint.due_date,
                ActionPoint.status,
            )
            .join(Meeting, Meeting.id == ActionPoint.meeting_id)
            .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
            .outerjoin(Person, Person.id == ActionPoint.responsible_person_id)
            .where(Meeting.working_group_id == group_id, ActionPoint.status.in_(OPEN_ACTION_STATUSES))
            .order_by(ActionPoint.due_date.is_(None), ActionPoint.due_date, Meeting.starts_at, ActionPoint.id)
        ).all()
    return [
        GroupActionRow(
            id=r[0],
            uuid=r[1],
            description=r[2],
            meeting_reference=r[3],
            responsible_organisation=r[4],
            responsible_person=r[5],
            due_date=r[6],
            status=r[7],
            overdue=r[6] is not None and r[6] < today,
        )
        for r in rows
    ]


__all__ = [
    "ACTIVE",
    "CLOSED",
    "GroupActionRow",
    "GroupMeetingRow",
    "MemberRow",
    "WorkingGroupData",
    "WorkingGroupRow",
    "add_member",
    "add_members",
    "close_working_group",
    "create_working_group",
    "delete_working_group",
    "find_working_group",
    "get_working_group",
    "group_meetings",
    "group_members",
    "group_open_action_points",
    "group_status",
    "initials",
    "list_working_groups",
    "normalise_group",
    "remove_member",
    "update_working_group",
]
