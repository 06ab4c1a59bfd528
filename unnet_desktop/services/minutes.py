"""Minutes: the discussion and decisions per agenda item, the action points raised, and the
minutes' status (draft -> circulated for comments -> approved, locked; reopened explicitly).

No Qt; one session per action. ``save_item_text`` is the autosave call: one field, two small
statements, cheap enough to run on every pause in typing.

Circulating, approving and reopening the minutes are recorded as ``MeetingEvent`` rows (when,
what, and for a reopening why). Action points are created and changed through
``services.action_points`` (one set of rules, and its history of every change).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import ActionStatus, MeetingEventKind, MeetingStatus, MinutesStatus
from ..core.errors import ValidationError
from ..core.models import ActionPoint, AgendaItem, Meeting, MeetingEvent, utcnow
from ..core.timezone import UTC, to_wib
from . import action_points
from .meeting_views import ActionRow, MinutesEvent, action_rows, enum_or_error, today_wib
from .meeting_common import UNSET, _Unset, ensure_unlocked, get_meeting, item_meeting, record_event

TEXT_FIELDS = ("discussion", "decisions")
#: Allowed moves of the minutes' status; leaving "approved" is ``reopen_minutes`` only.
TRANSITIONS: dict[MinutesStatus, frozenset[MinutesStatus]] = {
    MinutesStatus.NOT_STARTED: frozenset({MinutesStatus.DRAFT}),
    MinutesStatus.DRAFT: frozenset({MinutesStatus.CIRCULATED}),
    MinutesStatus.CIRCULATED: frozenset({MinutesStatus.DRAFT, MinutesStatus.APPROVED}),
    MinutesStatus.APPROVED: frozenset(),
}
#: What an action point keeps open to follow-up after approval (as services.action_points): the
#: rest is what the minutes record.
FOLLOW_UP_FIELDS = frozenset({"status", "due_date", "completion_note"})
MAX_REASON = 2000


# ---------------------------------------------------------------------------------------------
# The text of the minutes
# ---------------------------------------------------------------------------------------------


def save_item_text(db: Database, item_id: int, field: str, text: str) -> None:
    """Save one field (``"discussion"`` or ``"decisions"``) of one agenda item, as typed.
    Minutes not started become a draft. Refused when the minutes are approved."""
    if field not in TEXT_FIELDS:
        raise ValueError(f"field must be one of {TEXT_FIELDS}, not {field!r}")
    with db.session() as s:
        row = s.execute(
            sa.select(Meeting.id, Meeting.reference, Meeting.minutes_status)
            .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
            .where(AgendaItem.id == item_id)
        ).one_or_none()
        if row is None:
            raise ValidationError(f"There is no agenda item with id {item_id}.")
        meeting_id, reference, status = row
        if status is MinutesStatus.APPROVED:
            raise ValidationError(f"The minutes of {reference} are approved and locked; reopen them to change the {field}.")
        now = utcnow()
        s.execute(
            sa.update(AgendaItem).where(AgendaItem.id == item_id).values({field: text or "", "updated_at": now}),
            execution_options={"synchronize_session": False},
        )
        if status is MinutesStatus.NOT_STARTED:
            s.execute(
                sa.update(Meeting)
                .where(Meeting.id == meeting_id)
                .values(minutes_status=MinutesStatus.DRAFT, updated_at=now),
                execution_options={"synchronize_session": False},
            )


# ---------------------------------------------------------------------------------------------
# Action points
# ---------------------------------------------------------------------------------------------


def _check_due(meeting: Meeting, due_date: dt.date | None) -> None:
    """Minutes record action points due after the meeting, not before it."""
    if isinstance(due_date, dt.date) and not isinstance(due_date, dt.datetime):
        held_on = to_wib(meeting.starts_at).date()
        if due_date < held_on:
            raise ValidationError(f"The due date {due_date:%d %b %Y} is before the meeting ({held_on:%d %b %Y}).")


def add_action_point(
    db: Database,
    *,
    description: str,
    agenda_item_id: int | None = None,
    meeting_id: int | None = None,
    responsible_organisation_id: int | None = None,
    responsible_person_id: int | None = None,
    due_date: dt.date | None = None,
) -> int:
    """An action point raised under an agenda item (or under the meeting as a whole); the
    responsible organisation defaults to the person's. Returns its id."""
    with db.session() as s:
        if agenda_item_id is not None:
            _item, meeting = item_meeting(s, agenda_item_id)
            if meeting_id is not None and meeting_id != meeting.id:
                raise ValidationError("The agenda item belongs to another meeting.")
        elif meeting_id is not None:
            meeting = get_meeting(s, meeting_id)
        else:
            raise ValidationError("An action point raised in a meeting needs the meeting or the agenda item.")
        ensure_unlocked(meeting, "add action points")
        _check_due(meeting, due_date)
        meeting_id, started = meeting.id, meeting.minutes_status is MinutesStatus.NOT_STARTED
    action_id = action_points.create_action_point(
        db,
        description=description,
        meeting_id=meeting_id,
        agenda_item_id=agenda_item_id,
        responsible_organisation_id=responsible_organisation_id,
        responsible_person_id=responsible_person_id,
        due_date=due_date,
    )
    if started:
        _start_draft(db, meeting_id)
    return action_id


def _start_draft(db: Database, meeting_id: int) -> None:
    with db.session() as s:
        s.execute(
            sa.update(Meeting)
            .where(Meeting.id == meeting_id, Meeting.minutes_status == MinutesStatus.NOT_STARTED)
            .values(minutes_status=MinutesStatus.DRAFT, updated_at=utcnow()),
            execution_options={"synchronize_session": False},
        )


def update_action_point(
    db: Database,
    action_id: int,
    *,
    description: str | _Unset = UNSET,
    agenda_item_id: int | None | _Unset = UNSET,
    responsible_organisation_id: int | None | _Unset = UNSET,
    responsible_person_id: int | None | _Unset = UNSET,
    due_date: dt.date | None | _Unset = UNSET,
    status: ActionStatus | str | _Unset = UNSET,
    completion_note: str | _Unset = UNSET,
) -> tuple[str, ...]:
    """Change an action point; returns the names of the fields that changed. Once the minutes are
    approved only the follow-up (status, due date, completion note) may change."""
    given = {
        "description": description,
        "agenda_item_id": agenda_item_id,
        "responsible_organisation_id": responsible_organisation_id,
        "responsible_person_id": responsible_person_id,
        "due_date": due_date,
        "status": status,
        "completion_note": completion_note,
    }
    changes = {k: v for k, v in given.items() if v is not UNSET}
    with db.session() as s:
        action = s.get(ActionPoint, action_id)
        if action is None:
            raise ValidationError(f"There is no action point with id {action_id}.")
        meeting = action.meeting
        if meeting is not None:
            if set(changes) - FOLLOW_UP_FIELDS:
                ensure_unlocked(meeting, "change this action point (its status, due date and note stay open)")
            if "due_date" in changes and changes["due_date"] != action.due_date:
                _check_due(meeting, changes["due_date"])
    return action_points.update_action_point(db, action_id, **changes)


def delete_action_point(db: Database, action_id: int) -> None:
    with db.session() as s:
        action = s.get(ActionPoint, action_id)
        if action is None:
            raise ValidationError(f"There is no action point with id {action_id}.")
        if action.meeting is not None:
            ensure_unlocked(action.meeting, "delete its action points")
    action_points.delete_action_point(db, action_id)


def list_action_points(db: Database, meeting_id: int) -> list[ActionRow]:
    """The meeting's action points in agenda order, numbered as in the minutes."""
    with db.session() as s:
        get_meeting(s, meeting_id)
        return action_rows(s, meeting_id)


# ---------------------------------------------------------------------------------------------
# Status of the minutes
# ---------------------------------------------------------------------------------------------


#: The status changes recorded as meeting events (starting a draft is not).
_EVENT_FOR = {
    MinutesStatus.CIRCULATED: MeetingEventKind.MINUTES_CIRCULATED,
    MinutesStatus.APPROVED: MeetingEventKind.MINUTES_APPROVED,
}


def minutes_history(db: Database, meeting_id: int) -> list[MinutesEvent]:
    """Every recorded event of the meeting (minutes circulated, approved, reopened; moves), oldest first."""
    columns = [MeetingEvent.kind, MeetingEvent.occurred_at, MeetingEvent.note, MeetingEvent.actor]
    with db.session() as s:
        get_meeting(s, meeting_id)
        rows = s.execute(
            sa.select(*columns)
            .where(MeetingEvent.meeting_id == meeting_id)
            .order_by(MeetingEvent.occurred_at, MeetingEvent.id)
        ).all()
    return [MinutesEvent(kind=r[0], at=r[1], note=r[2] or "", by=r[3] or "") for r in rows]


def set_minutes_status(
    db: Database,
    meeting_id: int,
    status: MinutesStatus | str,
    *,
    approved_on: dt.date | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> MinutesEvent | None:
    """Move the minutes: not started -> draft -> circulated for comments -> approved (or back from
    circulated to draft). Approval needs a date, not before the meeting and not after today (WIB).
    Circulating or approving marks a planned meeting as held and is recorded as an event, which
    is returned (None for the other moves, and when the status is already that)."""
    status = enum_or_error(MinutesStatus, status, "minutes status")
    today = today or today_wib()
    now = now or dt.datetime.now(UTC)
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        current = meeting.minutes_status
        if status is current:
            if status is MinutesStatus.APPROVED and approved_on not in (None, meeting.approved_on):
                raise ValidationError(
                    f"The minutes of {meeting.reference} are already approved; reopen them to change the date."
                )
            return None
        if current is MinutesStatus.APPROVED:
            raise ValidationError(
                f"The minutes of {meeting.reference} are approved and locked; reopen them (with a reason) first."
            )
        if status not in TRANSITIONS[current]:
            hint = {
                MinutesStatus.APPROVED: "circulate them for comments first",
                MinutesStatus.CIRCULATED: "write a draft first",
            }.get(status, "")
            raise ValidationError(
                f"Minutes that are {current.label.lower()} cannot become {status.label.lower()}"
                + (f"; {hint}." if hint else ".")
            )
        if status in (MinutesStatus.CIRCULATED, MinutesStatus.APPROVED):
            if meeting.status is MeetingStatus.CANCELLED:
                raise ValidationError(f"{meeting.reference} was cancelled; it has no minutes to circulate or approve.")
            if meeting.starts_at > now:
                raise ValidationError(f"{meeting.reference} has not taken place yet.")
            if meeting.status is MeetingStatus.PLANNED:
                meeting.status = MeetingStatus.HELD
        if status is MinutesStatus.APPROVED:
            approved_on = approved_on or today
            if isinstance(approved_on, dt.datetime) or not isinstance(approved_on, dt.date):
                raise ValidationError("The approval date must be a date.")
            held_on = to_wib(meeting.starts_at).date()
            if approved_on < held_on:
                raise ValidationError(
                    f"The minutes cannot be approved on {approved_on:%d %b %Y}, before the meeting ({held_on:%d %b %Y})."
                )
            if approved_on > today:
                raise ValidationError(f"The approval date {approved_on:%d %b %Y} is in the future.")
            meeting.approved_on = approved_on
        else:
            meeting.approved_on = None
        previous = meeting.minutes_status
        meeting.minutes_status = status
        kind = _EVENT_FOR.get(status)
        if previous is MinutesStatus.CIRCULATED and status is MinutesStatus.DRAFT:
            kind = MeetingEventKind.MINUTES_WITHDRAWN
        if kind is None:
            return None
        note = f"Approved on {meeting.approved_on:%d %b %Y}" if status is MinutesStatus.APPROVED else ""
        return record_event(s, meeting, kind, note)


def circulate_minutes(db: Database, meeting_id: int, **kw) -> MinutesEvent | None:
    return set_minutes_status(db, meeting_id, MinutesStatus.CIRCULATED, **kw)


def approve_minutes(
    db: Database, meeting_id: int, approved_on: dt.date | None = None, *, today: dt.date | None = None, **kw
) -> MinutesEvent | None:
    """Approve circulated minutes (on ``approved_on``, default today in WIB); they are then locked."""
    return set_minutes_status(db, meeting_id, MinutesStatus.APPROVED, approved_on=approved_on, today=today, **kw)


def reopen_minutes(db: Database, meeting_id: int, reason: str, *, by: str | None = None) -> MinutesEvent:
    """Unlock approved minutes for a correction: back to draft, the approval date withdrawn, and
    the reopening recorded as an event (when and why; who once the schema keeps it). The
    approval it withdrew is the MINUTES_APPROVED event before it."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give the reason for reopening approved minutes; it is recorded.")
    if len(reason) > MAX_REASON:
        raise ValidationError(f"The reason is too long ({len(reason)} characters; at most {MAX_REASON}).")
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        if meeting.minutes_status is not MinutesStatus.APPROVED:
            raise ValidationError(
                f"The minutes of {meeting.reference} are not approved ({meeting.minutes_status.label.lower()}); "
                "there is nothing to reopen."
            )
        meeting.approved_on = None
        meeting.minutes_status = MinutesStatus.DRAFT
        # The note is the reason; the approval withdrawn is the MINUTES_APPROVED event before it.
        return record_event(s, meeting, MeetingEventKind.MINUTES_REOPENED, reason, by)


__all__ = [
    "FOLLOW_UP_FIELDS",
    "TRANSITIONS",
    "MinutesEvent",
    "add_action_point",
    "approve_minutes",
    "circulate_minutes",
    "delete_action_point",
    "list_action_points",
    "minutes_history",
    "reopen_minutes",
    "save_item_text",
    "set_minutes_status",
    "update_action_point",
]
