"""The records of working groups: field limits, the derived status (``group_status``) and the
dataclasses a form and the lists use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...core.enums import ActionStatus, MeetingKind, MeetingStatus, MinutesStatus, Sex, WorkingGroupKind
from ...core.timezone import today_wib


NAME_MAX = 200
SHORT_NAME_MAX = 20
ACTIVE, CLOSED = "active", "closed"
STATUS_LABELS = {ACTIVE: "Active", CLOSED: "Closed"}


def group_status(closed_on: dt.date | None, today: dt.date | None = None) -> str:
    """``"active"`` until the closing date, ``"closed"`` from that day on."""
    today = today or today_wib()
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
