"""Read-only views of meetings: light list rows and the full detail of one meeting.

Frozen dataclasses, read in one session, safe to hand to the UI or to the file writers (no lazy
loading after the session is closed). The Word minutes, the participant list, the invitation and
the e-mail draft are all written from a ``MeetingDetail``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased, selectinload

from ..core.database import Database
from ..core.enums import (
    ActionStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    LabelledEnum,
    MeetingEventKind,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
    ParticipantRole,
    Sex,
)
from ..core.errors import ValidationError
from ..core.models import (
    ActionPoint,
    AgendaItem,
    Meeting,
    MeetingEvent,
    Organisation,
    Participation,
    Person,
    WorkingGroup,
)
from ..core.timezone import UTC, format_wib, to_wib


def today_wib() -> dt.date:
    """Today's date in Jakarta (WIB), whatever the computer's own time zone."""
    return to_wib(dt.datetime.now(UTC)).date()


def enum_or_error(enum_cls: type[LabelledEnum], value, what: str):
    try:
        return enum_cls.from_value(value)
    except ValueError:
        choices = ", ".join(m.label for m in enum_cls)
        raise ValidationError(f"{value!r} is not a {what} (one of: {choices}).") from None


def when_text(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """``18 Mar 2024 14:00–16:00 WIB``; the end date too when the meeting runs over midnight."""
    text = format_wib(starts_at)
    if ends_at is None:
        return text
    if to_wib(ends_at).date() == to_wib(starts_at).date():
        return f"{text.removesuffix(' WIB')}–{format_wib(ends_at, with_date=False)}"
    return f"{text.removesuffix(' WIB')} – {format_wib(ends_at)}"


def long_date(day: dt.date) -> str:
    """``Monday 18 March 2024`` (no leading zero, locale-independent)."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_when(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """``Monday 18 March 2024, 14:00–16:00 WIB``."""
    start = to_wib(starts_at)
    text = f"{long_date(start.date())}, {start:%H:%M}"
    if ends_at is None:
        return f"{text} WIB"
    end = to_wib(ends_at)
    if end.date() == start.date():
        return f"{text}–{end:%H:%M} WIB"
    return f"{text} WIB to {long_date(end.date())}, {end:%H:%M} WIB"


# ---------------------------------------------------------------------------------------------
# List rows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: int
    reference: str
    title: str
    kind: MeetingKind
    working_group: str  # short name, '' when none
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime | None
    venue: str
    online_link: str
    status: MeetingStatus
    minutes_status: MinutesStatus
    confidentiality: Confidentiality

    @property
    def when(self) -> str:
        return when_text(self.starts_at, self.ends_at)

    @property
    def date_wib(self) -> dt.date:
        return to_wib(self.starts_at).date()

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def minutes_status_label(self) -> str:
        return self.minutes_status.label

    @property
    def locked(self) -> bool:
        return self.minutes_status is MinutesStatus.APPROVED

    @property
    def place(self) -> str:
        if self.venue and self.online_link:
            return f"{self.venue} + online"
        return self.venue or ("Online" if self.online_link else "")


def meeting_row_columns() -> tuple:
    return (
        Meeting.id,
        Meeting.reference,
        Meeting.title,
        Meeting.kind,
        WorkingGroup.short_name,
        Meeting.starts_at,
        Meeting.ends_at,
        Meeting.venue,
        Meeting.online_link,
        Meeting.status,
        Meeting.minutes_status,
        Meeting.confidentiality,
    )


def meeting_row_from(row) -> MeetingRow:
    (id_, reference, title, kind, wg, starts_at, ends_at, venue, link, status, minutes, conf) = row
    return MeetingRow(
        id_, reference, title, kind, wg or "", starts_at, ends_at, venue or "", link or "", status, minutes, conf
    )


def next_meeting(session: Session, meeting: Meeting) -> MeetingRow | None:
    """The next meeting after this one that is not cancelled: of the same working group for a
    working group meeting, otherwise the Network's next meeting of any kind but working groups'."""
    query = (
        sa.select(*meeting_row_columns())
        .outerjoin(WorkingGroup, Meeting.working_group_id == WorkingGroup.id)
        .where(
            Meeting.starts_at > meeting.starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.id != meeting.id,
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(1)
    )
    if meeting.kind is MeetingKind.WORKING_GROUP:
        query = query.where(Meeting.working_group_id == meeting.working_group_id)
    else:
        query = query.where(Meeting.kind != MeetingKind.WORKING_GROUP)
    row = session.execute(query).first()
    return meeting_row_from(row) if row is not None else None




@dataclass(frozen=True)
class MinutesEvent:
    """A recorded step of a meeting's life (a ``MeetingEvent`` row): minutes circulated,
    approved, reopened; the meeting moved."""

    kind: MeetingEventKind
    at: dt.datetime  # aware UTC
    note: str  # "Approved on 20 Jun 2025", the reason of a reopening, the old and new time of a move
    by: str = ""  # the computer's login name

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def when(self) -> str:
        return format_wib(self.at)

    @property
    def reopened(self) -> bool:
        return self.kind is MeetingEventKind.MINUTES_REOPENED


# ---------------------------------------------------------------------------------------------
# Detail rows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: int
    name: str  # title and full name
    email: str
    organisation: str  # acronym or name, '' when none
    position: str = ""

    @property
    def with_organisation(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    id: int  # the participation's id
    person_id: int
    name: str  # title and full name
    sex: Sex
    position: str
    email: str
    phone: str
    organisation_id: int | None
    organisation: str  # full name, '' when none
    organisation_short: str  # acronym or name
    category: OrganisationCategory | None
    role: ParticipantRole
    invitation: InvitationStatus
    attendance: Attendance
    remote: bool

    @property
    def category_label(self) -> str:
        return self.category.label if self.category is not None else "No organisation"


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: int
    number: int  # 1..n within the meeting, in agenda order (as in the minutes' closing table)
    agenda_item_id: int | None
    agenda_position: int | None
    description: str
    responsible_organisation_id: int | None
    responsible_organisation: str  # acronym or name
    responsible_person_id: int | None
    responsible_person: str
    due_date: dt.date | None
    status: ActionStatus
    completion_note: str

    @property
    def responsible(self) -> str:
        """``IOM / Dewi Lestari``, either part alone, or ''."""
        return " / ".join(p for p in (self.responsible_organisation, self.responsible_person) if p)


@dataclass(frozen=True, slots=True)
class AgendaRow:
    id: int
    position: int
    title: str
    presenter_id: int | None
    presenter: str  # "Name (ORG)"
    duration_minutes: int | None
    discussion: str
    decisions: str
    objectives: tuple[tuple[int, str], ...]  # (number, short label)
    action_points: tuple[ActionRow, ...] = ()
    policies: tuple = ()  # services.policies.PolicyRef: the policy updates presented under the item

    @property
    def objectives_text(self) -> str:
        return "; ".join(f"{n}. {label}" for n, label in self.objectives)


@dataclass(frozen=True)
class AttendanceSummary:
    """Counts of a meeting's participants. ``present_by_*``: of those present."""

    invited: int = 0
    present: int = 0
    apologies: int = 0
    absent: int = 0
    unknown: int = 0
    remote: int = 0  # present and joined remotely
    present_by_sex: dict[Sex, int] = field(default_factory=dict)
    invited_by_sex: dict[Sex, int] = field(default_factory=dict)
    present_by_category: dict[OrganisationCategory | None, int] = field(default_factory=dict)
    invited_by_category: dict[OrganisationCategory | None, int] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, counts: Iterable[tuple[Attendance, bool, Sex, OrganisationCategory | None, int]]):
        """From (attendance, remote, sex, category, how many) tuples, e.g. an SQL GROUP BY."""
        by_attendance: Counter = Counter()
        remote = 0
        present_sex: Counter = Counter()
        invited_sex: Counter = Counter()
        present_cat: Counter = Counter()
        invited_cat: Counter = Counter()
        for attendance, is_remote, sex, category, n in counts:
            by_attendance[attendance] += n
            invited_sex[sex] += n
            invited_cat[category] += n
            if attendance is Attendance.PRESENT:
                present_sex[sex] += n
                present_cat[category] += n
                if is_remote:
                    remote += n

        def by_category(counter: Counter) -> dict:
            return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].label if kv[0] else "~")))

        return cls(
            invited=sum(by_attendance.values()),
            present=by_attendance[Attendance.PRESENT],
            apologies=by_attendance[Attendance.APOLOGIES],
            absent=by_attendance[Attendance.ABSENT],
            unknown=by_attendance[Attendance.UNKNOWN],
            remote=remote,
            present_by_sex={sex: present_sex[sex] for sex in Sex},
            invited_by_sex={sex: invited_sex[sex] for sex in Sex},
            present_by_category=by_category(present_cat),
            invited_by_category=by_category(invited_cat),
        )

    @classmethod
    def from_participants(cls, rows: Iterable[ParticipantRow]) -> AttendanceSummary:
        counts: Counter = Counter((r.attendance, r.remote, r.sex, r.category) for r in rows)
        return cls.from_counts((*key, n) for key, n in counts.items())

    @property
    def sex_text(self) -> str:
        """``12 women, 10 men, 1 not recorded`` (present)."""
        words = {
            Sex.FEMALE: ("woman", "women"),
            Sex.MALE: ("man", "men"),
            Sex.OTHER: ("other", "other"),
            Sex.NOT_RECORDED: ("not recorded", "not recorded"),
        }
        parts = [
            f"{n} {words[sex][0] if n == 1 else words[sex][1]}" for sex, n in self.present_by_sex.items() if n
        ]
        return ", ".join(parts) or "none"


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    uuid: str
    reference: str
    title: str
    kind: MeetingKind
    working_group_id: int | None
    working_group: str  # full name, '' when none
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    venue: str
    online_link: str
    chair: PersonRef | None
    status: MeetingStatus
    confidentiality: Confidentiality
    minutes_status: MinutesStatus
    approved_on: dt.date | None
    ics_sequence: int
    agenda: tuple[AgendaRow, ...]
    participants: tuple[ParticipantRow, ...]
    action_points: tuple[ActionRow, ...]  # every one of the meeting, numbered 1..n
    next_meeting: MeetingRow | None
    secretariat: PersonRef | None  # who sends the invitations: the co-chair and secretariat's focal point

    @property
    def locked(self) -> bool:
        return self.minutes_status is MinutesStatus.APPROVED

    @property
    def internal(self) -> bool:
        return self.confidentiality is not Confidentiality.PUBLIC

    @property
    def when(self) -> str:
        return when_text(self.starts_at, self.ends_at)

    @property
    def long_when(self) -> str:
        return long_when(self.starts_at, self.ends_at)

    @property
    def date_wib(self) -> dt.date:
        return to_wib(self.starts_at).date()

    @property
    def length_minutes(self) -> int | None:
        if self.ends_at is None:
            return None
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def summary(self) -> AttendanceSummary:
        return AttendanceSummary.from_participants(self.participants)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def _person_ref(person: Person | None) -> PersonRef | None:
    if person is None:
        return None
    org = person.organisation
    return PersonRef(
        id=person.id,
        name=person.display_name,
        email=person.email or "",
        organisation=org.short if org is not None else "",
        position=person.position or "",
    )


def participant_rows(session: Session, meeting_id: int) -> list[ParticipantRow]:
    """The participants of a meeting in SQL, by organisation then name."""
    query = (
        sa.select(
            Participation.id,
            Person.id,
            Person.title,
            Person.full_name,
            Person.sex,
            Person.position,
            Person.email,
            Person.phone,
            Organisation.id,
            Organisation.name,
            Organisation.acronym,
            Organisation.category,
            Participation.role,
            Participation.invitation,
            Participation.attendance,
            Participation.remote,
        )
        .join(Person, Participation.person_id == Person.id)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .where(Participation.meeting_id == meeting_id)
        .order_by(sa.func.lower(sa.func.coalesce(Organisation.name, "~")), sa.func.lower(Person.full_name), Person.id)
    )
    rows = []
    for (pid, person_id, title, name, sex, position, email, phone, org_id, org, acronym, category,
         role, invitation, attendance, remote) in session.execute(query):  # fmt: skip
        rows.append(
            ParticipantRow(
                id=pid,
                person_id=person_id,
                name=f"{title or ''} {name}".strip(),
                sex=sex or Sex.NOT_RECORDED,
                position=position or "",
                email=email or "",
                phone=phone or "",
                organisation_id=org_id,
                organisation=org or "",
                organisation_short=acronym or org or "",
                category=category,
                role=role,
                invitation=invitation,
                attendance=attendance,
                remote=bool(remote),
            )
        )
    return rows


def action_rows(session: Session, meeting_id: int) -> list[ActionRow]:
    """The action points of a meeting in agenda order (those under no item last), numbered 1..n."""
    person = aliased(Person)
    query = (
        sa.select(
            ActionPoint.id,
            ActionPoint.agenda_item_id,
            AgendaItem.position,
            ActionPoint.description,
            ActionPoint.responsible_organisation_id,
            Organisation.acronym,
            Organisation.name,
            ActionPoint.responsible_person_id,
            person.title,
            person.full_name,
            ActionPoint.due_date,
            ActionPoint.status,
            ActionPoint.completion_note,
        )
        .outerjoin(AgendaItem, ActionPoint.agenda_item_id == AgendaItem.id)
        .outerjoin(Organisation, ActionPoint.responsible_organisation_id == Organisation.id)
        .outerjoin(person, ActionPoint.responsible_person_id == person.id)
        .where(ActionPoint.meeting_id == meeting_id)
        .order_by(AgendaItem.position.is_(None), AgendaItem.position, ActionPoint.id)
    )
    rows = []
    for n, (aid, item_id, position, description, org_id, acronym, org_name, person_id, title, name,
            due, status, note) in enumerate(session.execute(query), start=1):  # fmt: skip
        rows.append(
            ActionRow(
                id=aid,
                number=n,
                agenda_item_id=item_id,
                agenda_position=position,
                description=description or "",
                responsible_organisation_id=org_id,
                responsible_organisation=acronym or org_name or "",
                responsible_person_id=person_id,
                responsible_person=f"{title or ''} {name}".strip() if name else "",
                due_date=due,
                status=status,
                completion_note=note or "",
            )
        )
    return rows


def secretariat_person(session: Session) -> PersonRef | None:
    """The Network's secretariat (IOM): the co-chair and secretariat organisation's focal point,
    else its alternate, else its first person with an e-mail address."""
    org = session.scalars(
        sa.select(Organisation)
        .where(Organisation.network_role == NetworkRole.CO_CHAIR_SECRETARIAT, Organisation.archived.is_(False))
        .order_by(Organisation.id)
        .limit(1)
    ).first()
    if org is None:
        return None
    for candidate in (org.focal_point, org.alternate):
        if candidate is not None and candidate.email and not candidate.archived:
            return _person_ref(candidate)
    person = session.scalars(
        sa.select(Person)
        .where(Person.organisation_id == org.id, Person.email.is_not(None), Person.email != "", Person.archived.is_(False))
        .order_by(Person.id)
        .limit(1)
    ).first()
    return _person_ref(person)


def _policies_by_item(session: Session, item_ids: list[int]) -> dict:
    """The policy library's entries presented under these items (issue 7), when the app has it."""
    if not item_ids:
        return {}
    try:
        from .policies import policies_by_item
    except ModuleNotFoundError:  # the policy library is not part of this build
        return {}
    return dict(policies_by_item(session, item_ids))


def load_detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = session.scalars(
        sa.select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.objectives),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter).selectinload(Person.organisation),
            selectinload(Meeting.chair).selectinload(Person.organisation),
            selectinload(Meeting.working_group),
        )
    ).first()
    if meeting is None:
        raise ValidationError(f"There is no meeting with id {meeting_id}.")
    actions = action_rows(session, meeting_id)
    policies = _policies_by_item(session, [item.id for item in meeting.agenda_items])
    by_item: dict[int | None, list[ActionRow]] = {}
    for action in actions:
        by_item.setdefault(action.agenda_item_id, []).append(action)
    agenda = tuple(
        AgendaRow(
            id=item.id,
            position=item.position,
            title=item.title,
            presenter_id=item.presenter_id,
            presenter=_person_ref(item.presenter).with_organisation if item.presenter else "",
            duration_minutes=item.duration_minutes,
            discussion=item.discussion or "",
            decisions=item.decisions or "",
            objectives=tuple((o.number, o.short_label) for o in item.objectives),
            action_points=tuple(by_item.get(item.id, ())),
            policies=tuple(policies.get(item.id, ())),
        )
        for item in meeting.agenda_items
    )
    return MeetingDetail(
        id=meeting.id,
        uuid=meeting.uuid,
        reference=meeting.reference,
        title=meeting.title,
        kind=meeting.kind,
        working_group_id=meeting.working_group_id,
        working_group=meeting.working_group.name if meeting.working_group else "",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue or "",
        online_link=meeting.online_link or "",
        chair=_person_ref(meeting.chair),
        status=meeting.status,
        confidentiality=meeting.confidentiality,
        minutes_status=meeting.minutes_status,
        approved_on=meeting.approved_on,
        ics_sequence=meeting.ics_sequence or 0,
        agenda=agenda,
        participants=tuple(participant_rows(session, meeting_id)),
        action_points=tuple(actions),
        next_meeting=next_meeting(session, meeting),
        secretariat=secretariat_person(session),
    )


def meeting_detail(db: Database, meeting_id: int) -> MeetingDetail:
    """Everything about one meeting, for its page and its files."""
    with db.session() as s:
        return load_detail(s, meeting_id)


__all__ = [
    "ActionRow",
    "AgendaRow",
    "AttendanceSummary",
    "MeetingDetail",
    "MeetingRow",
    "MinutesEvent",
    "ParticipantRow",
    "PersonRef",
    "long_date",
    "long_when",
    "meeting_detail",
    "today_wib",
    "when_text",
]
