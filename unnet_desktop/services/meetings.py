"""Meetings: creating and changing a meeting, "plan the year", the list, finding one.

No Qt. Each public function is one user action in one session (``with db.session()``) and hands
back plain data (ids, frozen dataclasses). Rules broken give ``ValidationError`` with one sentence.

The agenda, the participants and the minutes have modules of their own (``agenda.py``,
``participants.py``, ``minutes.py``); references are numbered in ``meeting_references.py``; the
read-only views live in ``meeting_views.py`` and the shared checks in ``meeting_common.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.enums import (
    Confidentiality,
    MeetingEventKind,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
)
from ..core.errors import ValidationError
from ..core.models import ActionPoint, Meeting, Organisation, WorkingGroup
from ..core.timezone import UTC, format_wib, to_wib, wib
from .meeting_common import (
    UNSET,
    _Unset,
    check_person,
    clean_line,
    ensure_unlocked,
    get_meeting,
    item_meeting,
    record_event,
    require_aware,
    year_bounds,
)
from .meeting_references import check_reference, propose, propose_reference
from .meeting_views import (
    MeetingDetail,
    MeetingRow,
    enum_or_error,
    meeting_detail,
    meeting_row_columns,
    meeting_row_from,
    today_wib,
    when_text,
)


#: A quarterly meeting runs 14:00-16:00 WIB unless the officer says otherwise (Terms of Reference, Annex 1).
QUARTERLY_START = (14, 0)
QUARTERLY_END = (16, 0)
#: What a meeting with approved minutes still lets change: the rest is in the minutes and is locked.
EDITABLE_WHEN_APPROVED = frozenset({"confidentiality"})
#: Changing one of these sends the invitation again (RFC 5545 SEQUENCE grows).
RESCHEDULING_FIELDS = frozenset({"starts_at", "ends_at", "venue", "online_link"})


def default_times(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """14:00-16:00 WIB on ``day``: the quarterly meetings' usual slot, as aware UTC."""
    return (
        wib(day.year, day.month, day.day, *QUARTERLY_START),
        wib(day.year, day.month, day.day, *QUARTERLY_END),
    )


# ---------------------------------------------------------------------------------------------
# Creating and changing meetings
# ---------------------------------------------------------------------------------------------


def default_chair_id(db: Database) -> int | None:
    """The Network's chair: the focal point of the organisation whose role is Chair (the RC office)."""
    with db.session() as s:
        return _default_chair_id(s)


def _default_chair_id(session: Session) -> int | None:
    return session.scalar(
        sa.select(Organisation.focal_point_id)
        .where(
            Organisation.network_role == NetworkRole.CHAIR,
            Organisation.archived.is_(False),
            Organisation.focal_point_id.is_not(None),
        )
        .order_by(Organisation.id)
        .limit(1)
    )


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime | None) -> None:
    if ends_at is not None and ends_at <= starts_at:
        raise ValidationError(
            f"The meeting must end after it starts ({format_wib(starts_at)} to {format_wib(ends_at)})."
        )


def _default_title(kind: MeetingKind, reference: str) -> str:
    return f"{kind.label} {reference}"


def create_meeting(
    db: Database,
    *,
    kind: MeetingKind | str,
    starts_at: dt.datetime,
    ends_at: dt.datetime | None | _Unset = UNSET,
    title: str = "",
    reference: str | None = None,
    venue: str = "",
    online_link: str = "",
    chair_id: int | None | _Unset = UNSET,
    working_group_id: int | None = None,
    confidentiality: Confidentiality | str = Confidentiality.INTERNAL,
    standing_items: bool = False,
) -> int:
    """A new planned meeting; returns its id.

    ``starts_at``/``ends_at`` are aware datetimes (the UI gives WIB). A quarterly meeting without an
    end lasts two hours. ``reference`` None: the proposed one. ``chair_id`` not given: the Network's
    chair. ``standing_items``: add the standing agenda items of a quarterly meeting."""
    kind = enum_or_error(MeetingKind, kind, "meeting kind")
    confidentiality = enum_or_error(Confidentiality, confidentiality, "confidentiality")
    starts_at = require_aware(starts_at, "start")
    if starts_at is None:
        raise ValidationError("The meeting needs a start date and time.")
    if ends_at is UNSET:
        ends_at = starts_at + dt.timedelta(hours=2) if kind is MeetingKind.QUARTERLY else None
    ends_at = require_aware(ends_at, "end")
    _check_times(starts_at, ends_at)
    with db.session() as s:
        if kind is MeetingKind.WORKING_GROUP and working_group_id is None:
            raise ValidationError("A working group meeting needs its working group.")
        if working_group_id is not None and s.get(WorkingGroup, working_group_id) is None:
            raise ValidationError(f"There is no working group with id {working_group_id}.")
        if reference is None or not str(reference).strip():
            reference = propose(s, kind, starts_at, working_group_id)
        reference = check_reference(s, reference)
        chair = _default_chair_id(s) if chair_id is UNSET else check_person(s, chair_id, "chair")
        meeting = Meeting(
            reference=reference,
            title=clean_line(title, "title", 300, required=False) or _default_title(kind, reference),
            kind=kind,
            working_group_id=working_group_id,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=clean_line(venue, "venue", 300, required=False),
            online_link=clean_line(online_link, "online link", 500, required=False),
            chair_id=chair,
            confidentiality=confidentiality,
        )
        s.add(meeting)
        s.flush()
        if standing_items:
            from .agenda import _add_standing_items

            _add_standing_items(s, meeting)
        return meeting.id


def update_meeting(db: Database, meeting_id: int, **changes) -> None:
    """Change some of: reference, title, kind, starts_at, ends_at, venue, online_link, chair_id,
    working_group_id, confidentiality. Moving the meeting (start, end, venue or link) makes the
    calendar invitation's SEQUENCE grow so that calendars replace the old one."""
    allowed = {
        "reference", "title", "kind", "starts_at", "ends_at", "venue", "online_link",
        "chair_id", "working_group_id", "confidentiality",
    }  # fmt: skip
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"update_meeting() got unexpected fields: {', '.join(sorted(unknown))}")
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        locked = set(changes) - EDITABLE_WHEN_APPROVED
        if locked:
            ensure_unlocked(meeting, "change the meeting's details")
        values: dict = {}
        if "kind" in changes:
            values["kind"] = enum_or_error(MeetingKind, changes["kind"], "meeting kind")
        if "confidentiality" in changes:
            values["confidentiality"] = enum_or_error(Confidentiality, changes["confidentiality"], "confidentiality")
        if "starts_at" in changes:
            values["starts_at"] = require_aware(changes["starts_at"], "start")
            if values["starts_at"] is None:
                raise ValidationError("The meeting needs a start date and time.")
        if "ends_at" in changes:
            values["ends_at"] = require_aware(changes["ends_at"], "end")
        if "title" in changes:
            values["title"] = clean_line(changes["title"], "title", 300)
        if "venue" in changes:
            values["venue"] = clean_line(changes["venue"], "venue", 300, required=False)
        if "online_link" in changes:
            values["online_link"] = clean_line(changes["online_link"], "online link", 500, required=False)
        if "chair_id" in changes:
            values["chair_id"] = check_person(s, changes["chair_id"], "chair")
        if "working_group_id" in changes:
            group_id = changes["working_group_id"]
            if group_id is not None and s.get(WorkingGroup, group_id) is None:
                raise ValidationError(f"There is no working group with id {group_id}.")
            values["working_group_id"] = group_id
        if "reference" in changes:
            values["reference"] = check_reference(s, changes["reference"], exclude_meeting_id=meeting_id)
        kind = values.get("kind", meeting.kind)
        if kind is MeetingKind.WORKING_GROUP and values.get("working_group_id", meeting.working_group_id) is None:
            raise ValidationError("A working group meeting needs its working group.")
        _check_times(values.get("starts_at", meeting.starts_at), values.get("ends_at", meeting.ends_at))
        moved = [name for name in RESCHEDULING_FIELDS if name in values and values[name] != getattr(meeting, name)]
        before = _place_and_time(meeting)
        for name, value in values.items():
            setattr(meeting, name, value)
        if moved:
            meeting.ics_sequence = (meeting.ics_sequence or 0) + 1
            record_event(s, meeting, MeetingEventKind.MOVED, f"From {before} to {_place_and_time(meeting)}")


def _place_and_time(meeting: Meeting) -> str:
    place = " + ".join(p for p in (meeting.venue, meeting.online_link) if p)
    when = when_text(meeting.starts_at, meeting.ends_at)
    return f"{when} ({place})" if place else when


def set_meeting_status(
    db: Database, meeting_id: int, status: MeetingStatus | str, *, now: dt.datetime | None = None
) -> None:
    """Planned, held or cancelled. A meeting is held only once it has started; a cancelled one
    cannot have circulated or approved minutes. Cancelling (or un-cancelling) re-sends the invitation."""
    status = enum_or_error(MeetingStatus, status, "meeting status")
    now = now or dt.datetime.now(UTC)
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        if status is meeting.status:
            return
        ensure_unlocked(meeting, "change the meeting's status")
        if status is MeetingStatus.HELD and meeting.starts_at > now:
            raise ValidationError(
                f"{meeting.reference} starts on {format_wib(meeting.starts_at)}; it cannot be marked held before then."
            )
        if status is MeetingStatus.CANCELLED and meeting.minutes_status is MinutesStatus.CIRCULATED:
            raise ValidationError(f"The minutes of {meeting.reference} have been circulated; it cannot be cancelled.")
        if MeetingStatus.CANCELLED in (status, meeting.status):
            meeting.ics_sequence = (meeting.ics_sequence or 0) + 1
        meeting.status = status


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Delete a meeting with its agenda and participants. Refused when it has action points or
    approved minutes (cancel it instead: the record stays)."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "delete the meeting")
        actions = s.scalar(
            sa.select(sa.func.count()).select_from(ActionPoint).where(ActionPoint.meeting_id == meeting_id)
        )
        if actions:
            raise ValidationError(
                f"{meeting.reference} has {actions} action point(s); cancel the meeting instead of deleting it."
            )
        s.delete(meeting)


def plan_year(
    db: Database,
    year: int,
    dates: Sequence[dt.date],
    *,
    venue: str = "",
    online_link: str = "",
    chair_id: int | None | _Unset = UNSET,
    standing_items: bool = True,
) -> list[int]:
    """The four quarterly meetings of ``year``, 14:00-16:00 WIB on the chosen dates, numbered
    ``YYYY-Q1``..``YYYY-Q4`` in date order, each with the standing agenda items. Returns their ids."""
    dates = sorted(dates)
    if len(dates) != 4:
        raise ValidationError(f"Plan the year with four dates, one per quarterly meeting ({len(dates)} given).")
    if len(set(dates)) != 4:
        raise ValidationError("The four quarterly meetings need four different dates.")
    outside = [d for d in dates if d.year != year]
    if outside:
        raise ValidationError(f"{outside[0]:%d %B %Y} is not in {year}.")
    from .agenda import _add_standing_items

    start, end = year_bounds(year)
    with db.session() as s:
        existing = s.scalars(
            sa.select(Meeting.reference)
            .where(Meeting.kind == MeetingKind.QUARTERLY, Meeting.starts_at >= start, Meeting.starts_at < end)
            .order_by(Meeting.starts_at)
        ).all()
        if existing:
            raise ValidationError(
                f"{year} already has quarterly meetings ({', '.join(existing)}); add the others one by one."
            )
        chair = _default_chair_id(s) if chair_id is UNSET else check_person(s, chair_id, "chair")
        ids = []
        for n, day in enumerate(dates, start=1):
            starts_at, ends_at = default_times(day)
            reference = propose(s, MeetingKind.QUARTERLY, starts_at, None)
            meeting = Meeting(
                reference=reference,
                title=f"Quarterly meeting {n} of {year}",
                kind=MeetingKind.QUARTERLY,
                starts_at=starts_at,
                ends_at=ends_at,
                venue=clean_line(venue, "venue", 300, required=False),
                online_link=clean_line(online_link, "online link", 500, required=False),
                chair_id=chair,
            )
            s.add(meeting)
            s.flush()
            if standing_items:
                _add_standing_items(s, meeting)
            ids.append(meeting.id)
        return ids


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

_LIKE_SPECIALS = re.compile(r"[\\%_]")
_ORDER_COLUMNS = {
    "starts_at": Meeting.starts_at,
    "reference": Meeting.reference,
    "title": Meeting.title,
    "kind": Meeting.kind,
    "status": Meeting.status,
    "minutes_status": Meeting.minutes_status,
    "venue": Meeting.venue,
}


def list_meetings(
    db: Database,
    *,
    year: int | None = None,
    kind: MeetingKind | str | None = None,
    status: MeetingStatus | str | None = None,
    minutes_status: MinutesStatus | str | None = None,
    upcoming: bool | None = None,
    working_group_id: int | None = None,
    search: str = "",
    order_by: str = "starts_at",
    descending: bool = False,
    now: dt.datetime | None = None,
) -> list[MeetingRow]:
    """Meetings filtered and sorted in SQL, as light frozen rows.

    ``year``: the WIB year of the start. ``upcoming`` True: not yet ended; False: ended (a meeting
    without an end counts as ended when it has started). ``search``: in reference, title and venue."""
    if order_by not in _ORDER_COLUMNS:
        raise ValidationError(f"Meetings cannot be sorted by {order_by!r}.")
    query = sa.select(*meeting_row_columns()).outerjoin(WorkingGroup, Meeting.working_group_id == WorkingGroup.id)
    if year is not None:
        start, end = year_bounds(int(year))
        query = query.where(Meeting.starts_at >= start, Meeting.starts_at < end)
    if kind is not None:
        query = query.where(Meeting.kind == enum_or_error(MeetingKind, kind, "meeting kind"))
    if status is not None:
        query = query.where(Meeting.status == enum_or_error(MeetingStatus, status, "meeting status"))
    if minutes_status is not None:
        query = query.where(
            Meeting.minutes_status == enum_or_error(MinutesStatus, minutes_status, "minutes status")
        )
    if working_group_id is not None:
        query = query.where(Meeting.working_group_id == working_group_id)
    if upcoming is not None:
        now = now or dt.datetime.now(UTC)
        last_moment = sa.func.coalesce(Meeting.ends_at, Meeting.starts_at)
        query = query.where(last_moment >= now if upcoming else last_moment < now)
    text = " ".join(search.split())
    if text:
        pattern = "%" + _LIKE_SPECIALS.sub(r"\\\g<0>", text) + "%"
        query = query.where(
            sa.or_(
                Meeting.reference.ilike(pattern, escape="\\"),
                Meeting.title.ilike(pattern, escape="\\"),
                Meeting.venue.ilike(pattern, escape="\\"),
            )
        )
    column = _ORDER_COLUMNS[order_by]
    query = query.order_by(column.desc() if descending else column.asc(), Meeting.id.desc() if descending else Meeting.id)
    with db.session() as s:
        return [meeting_row_from(row) for row in s.execute(query)]


def meeting_years(db: Database) -> list[int]:
    """The WIB years that have meetings, newest first (for the year filter)."""
    with db.session() as s:
        row = s.execute(sa.select(sa.func.min(Meeting.starts_at), sa.func.max(Meeting.starts_at))).one()
    if row[0] is None:
        return []
    first, last = to_wib(row[0]).year, to_wib(row[1]).year
    with db.session() as s:
        years = []
        for year in range(last, first - 1, -1):
            start, end = year_bounds(year)
            if s.scalar(sa.select(Meeting.id).where(Meeting.starts_at >= start, Meeting.starts_at < end).limit(1)):
                years.append(year)
        return years


def find_meeting(db: Database, reference_or_id: str | int) -> int:
    """The id of the meeting with this reference (case-insensitive) or id; ValidationError otherwise."""
    text = str(reference_or_id).strip()
    with db.session() as s:
        if text.isdigit():
            found = s.scalar(sa.select(Meeting.id).where(Meeting.id == int(text)))
        else:
            found = s.scalar(sa.select(Meeting.id).where(sa.func.lower(Meeting.reference) == text.lower()))
        if found is None:
            raise ValidationError(f"There is no meeting with the reference or id {text!r}.")
        return found


def meeting_reference(db: Database, meeting_id: int) -> str:
    with db.session() as s:
        return get_meeting(s, meeting_id).reference


# Re-exported: other services (policies) take them from here.
__all__ = [
    "QUARTERLY_END",
    "QUARTERLY_START",
    "UNSET",
    "MeetingDetail",
    "MeetingRow",
    "create_meeting",
    "default_chair_id",
    "default_times",
    "delete_meeting",
    "ensure_unlocked",
    "find_meeting",
    "get_meeting",
    "item_meeting",
    "list_meetings",
    "meeting_detail",
    "meeting_reference",
    "meeting_years",
    "plan_year",
    "propose_reference",
    "record_event",
    "set_meeting_status",
    "today_wib",
    "update_meeting",
]
