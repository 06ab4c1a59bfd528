"""The frozen dataclasses of one meeting's detail: people, participants, action points, agenda
items, the attendance summary and ``MeetingDetail`` itself."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...core.enums import (
    ActionStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    OrganisationCategory,
    ParticipantRole,
    Sex,
)
from ...core.timezone import to_wib
from .formatting import long_when, when_text
from .rows import MeetingRow


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
