"""What the meeting services share: the "not given" marker, finding a meeting or an agenda item,
the lock of approved minutes, text and time checks, and recording a meeting event. No Qt."""

from __future__ import annotations

import datetime as dt
import getpass

from sqlalchemy.orm import Session

from ..core.enums import MeetingEventKind, MinutesStatus
from ..core.errors import ValidationError
from ..core.models import AgendaItem, Meeting, MeetingEvent, Person
from ..core.timezone import UTC, wib
from .meeting_views import MinutesEvent


class _Unset:
    """Marks an argument that was not given (``None`` is a value: "no chair")."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:  # pragma: no cover - trivial
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET = _Unset()


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError(f"There is no meeting with id {meeting_id}.")
    return meeting


def ensure_unlocked(meeting: Meeting, to: str = "change them") -> None:
    """Approved minutes are locked: refuse any change to what they record.
    ``to``: what the user tried, e.g. "change the agenda"."""
    if meeting.minutes_status is MinutesStatus.APPROVED:
        raise ValidationError(f"The minutes of {meeting.reference} are approved and locked; reopen them to {to}.")


def clean_line(value: object, what: str, max_length: int, required: bool = True) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ValidationError(f"The {what} cannot be empty.")
    if len(text) > max_length:
        raise ValidationError(f"The {what} is too long ({len(text)} characters; at most {max_length}).")
    return text


def login_name() -> str:
    """Who is doing it: the computer's login name (there are no user accounts)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows set-ups
        return "unknown"


def record_event(
    session: Session, meeting: Meeting, kind: MeetingEventKind, note: str = "", by: str | None = None
) -> MinutesEvent:
    """Add a MeetingEvent to the session: committed with the change it records, or not at all."""
    now = dt.datetime.now(UTC)
    who = by or login_name()
    event = MeetingEvent(meeting_id=meeting.id, kind=kind, occurred_at=now, note=note, actor=who)
    session.add(event)
    return MinutesEvent(kind=kind, at=now, note=note, by=who)


def require_aware(moment: dt.datetime | None, what: str) -> dt.datetime | None:
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):
        raise ValidationError(f"The {what} must be a date and time.")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(f"The {what} has no time zone; give it in WIB.")
    return moment.astimezone(UTC)


def year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    """Start of ``year`` and of the next one, in WIB, as aware UTC (a meeting's year is its WIB year)."""
    return wib(year, 1, 1), wib(year + 1, 1, 1)


def check_person(session: Session, person_id: int | None, what: str) -> int | None:
    if person_id is None:
        return None
    if session.get(Person, person_id) is None:
        raise ValidationError(f"The {what} (person id {person_id}) does not exist.")
    return person_id


def item_meeting(session: Session, item_id: int) -> tuple[AgendaItem, Meeting]:
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise ValidationError(f"There is no agenda item with id {item_id}.")
    return item, item.meeting
