"""Light list rows of meetings (``MeetingRow``, its columns and the next meeting of a series) and
``MinutesEvent``, a recorded step of a meeting's life."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.enums import Confidentiality, MeetingEventKind, MeetingKind, MeetingStatus, MinutesStatus
from ...core.models import Meeting, WorkingGroup
from ...core.timezone import format_wib, to_wib
from ..meeting_place import place_text
from .formatting import when_text


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
        return place_text(self.venue, self.online_link)


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
