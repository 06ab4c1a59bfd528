"""A meeting's agenda: ordered items (positions 1..n), presenters, durations, GCM objectives.

No Qt; one session per action. Approved minutes lock the agenda (``ValidationError``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.errors import ValidationError
from ..core.enums import MeetingKind
from ..core.models import AgendaItem, GcmObjective, Meeting
from .meeting_views import AgendaRow, load_detail
from .meeting_common import UNSET, _Unset, check_person, clean_line, ensure_unlocked, get_meeting, item_meeting

STANDING_ITEMS: tuple[str, ...] = (
    "Opening and welcome",
    "Adoption of the minutes of the previous meeting",
    "Review of action points",
    "Any other business",
)
#: Standing items that open the agenda; the others close it.
_OPENING_ITEMS = 3
MAX_DURATION = 24 * 60


def standing_items() -> list[str]:
    """The standing items offered for a new quarterly meeting, in order."""
    return list(STANDING_ITEMS)


@dataclass(frozen=True)
class AgendaTiming:
    total_minutes: int  # sum of the items' durations
    meeting_minutes: int | None  # the meeting's length; None without an end time
    items_without_duration: int

    @property
    def over_by(self) -> int:
        if self.meeting_minutes is None:
            return 0
        return max(0, self.total_minutes - self.meeting_minutes)

    @property
    def overrun(self) -> bool:
        return self.over_by > 0

    @property
    def text(self) -> str:
        """``95 of 120 min`` or ``135 of 120 min: 15 min over``."""
        if self.meeting_minutes is None:
            return f"{self.total_minutes} min (no end time)"
        text = f"{self.total_minutes} of {self.meeting_minutes} min"
        return f"{text}: {self.over_by} min over" if self.overrun else text


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.scalars(
            sa.select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position, AgendaItem.id)
        )
    )


def _renumber(items: Sequence[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position


def _duration(value: int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"The duration {value!r} is not a number of minutes.") from None
    if minutes == 0:
        return None
    if not 0 < minutes <= MAX_DURATION:
        raise ValidationError(f"The duration must be between 1 and {MAX_DURATION} minutes ({minutes} given).")
    return minutes


def _objectives(session: Session, numbers: Iterable[int]) -> list[GcmObjective]:
    wanted = sorted({int(n) for n in numbers})
    if not wanted:
        return []
    found = list(session.scalars(sa.select(GcmObjective).where(GcmObjective.number.in_(wanted))))
    missing = sorted(set(wanted) - {o.number for o in found})
    if missing:
        raise ValidationError(f"There is no GCM objective {missing[0]} (they are numbered 1 to 23).")
    return sorted(found, key=lambda o: o.number)


def _presenter(session: Session, person_id: int | None) -> int | None:
    return check_person(session, person_id, "presenter")


def _add_standing_items(session: Session, meeting: Meeting) -> int:
    """Insert the standing items missing from the agenda: the opening ones first, "Any other
    business" last, the meeting's own items in between."""
    items = _items(session, meeting.id)
    present = {i.title.casefold() for i in items}
    head = [t for t in STANDING_ITEMS[:_OPENING_ITEMS] if t.casefold() not in present]
    tail = [t for t in STANDING_ITEMS[_OPENING_ITEMS:] if t.casefold() not in present]
    new_head = [AgendaItem(meeting_id=meeting.id, title=t, position=0) for t in head]
    new_tail = [AgendaItem(meeting_id=meeting.id, title=t, position=0) for t in tail]
    session.add_all(new_head + new_tail)
    # The existing opening items stay in front of the meeting's own.
    opening = [i for i in items if i.title.casefold() in {t.casefold() for t in STANDING_ITEMS[:_OPENING_ITEMS]}]
    others = [i for i in items if i not in opening]
    closing = [i for i in others if i.title.casefold() in {t.casefold() for t in STANDING_ITEMS[_OPENING_ITEMS:]}]
    middle = [i for i in others if i not in closing]
    _renumber(opening + new_head + middle + closing + new_tail)
    session.flush()
    return len(new_head) + len(new_tail)


# ---------------------------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------------------------


def list_agenda(db: Database, meeting_id: int) -> list[AgendaRow]:
    """The agenda in order, each item with its objectives and action points."""
    with db.session() as s:
        return list(load_detail(s, meeting_id).agenda)


def add_standing_items(db: Database, meeting_id: int) -> int:
    """Add the standing items that are missing; returns how many were added."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the agenda")
        return _add_standing_items(s, meeting)


def add_item(
    db: Database,
    meeting_id: int,
    title: str,
    *,
    presenter_id: int | None = None,
    duration_minutes: int | None = None,
    objectives: Iterable[int] = (),
    position: int | None = None,
) -> int:
    """A new agenda item at ``position`` (1-based; default: last). Returns its id."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the agenda")
        items = _items(s, meeting_id)
        item = AgendaItem(
            meeting_id=meeting_id,
            title=clean_line(title, "agenda item's title", 300),
            presenter_id=_presenter(s, presenter_id),
            duration_minutes=_duration(duration_minutes),
            position=0,
        )
        item.objectives = _objectives(s, objectives)
        s.add(item)
        index = len(items) if position is None else min(max(int(position), 1), len(items) + 1) - 1
        items.insert(index, item)
        _renumber(items)
        s.flush()
        return item.id


def update_item(
    db: Database,
    item_id: int,
    *,
    title: str | _Unset = UNSET,
    presenter_id: int | None | _Unset = UNSET,
    duration_minutes: int | None | _Unset = UNSET,
    objectives: Iterable[int] | _Unset = UNSET,
) -> None:
    """Change an item's title, presenter, duration or GCM objectives (numbers 1-23)."""
    with db.session() as s:
        item, meeting = item_meeting(s, item_id)
        ensure_unlocked(meeting, "change the agenda")
        if title is not UNSET:
            item.title = clean_line(title, "agenda item's title", 300)
        if presenter_id is not UNSET:
            item.presenter_id = _presenter(s, presenter_id)
        if duration_minutes is not UNSET:
            item.duration_minutes = _duration(duration_minutes)
        if objectives is not UNSET:
            item.objectives = _objectives(s, objectives)


def set_item_objectives(db: Database, item_id: int, numbers: Iterable[int]) -> None:
    update_item(db, item_id, objectives=numbers)


def remove_item(db: Database, item_id: int) -> None:
    """Remove an item; the others close up (1..n). Its action points stay with the meeting."""
    with db.session() as s:
        item, meeting = item_meeting(s, item_id)
        ensure_unlocked(meeting, "change the agenda")
        for action in list(item.action_points):
            action.agenda_item_id = None
        s.delete(item)
        s.flush()
        _renumber(_items(s, meeting.id))


def move_item(db: Database, item_id: int, direction: str | int) -> bool:
    """Move an item one place ``"up"`` (-1) or ``"down"`` (+1). False when it is already at that end."""
    step = {"up": -1, "down": 1, -1: -1, 1: 1}.get(direction)
    if step is None:
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")
    with db.session() as s:
        item, meeting = item_meeting(s, item_id)
        ensure_unlocked(meeting, "change the agenda")
        items = _items(s, meeting.id)
        index = items.index(item)
        other = index + step
        if not 0 <= other < len(items):
            _renumber(items)
            return False
        items[index], items[other] = items[other], items[index]
        _renumber(items)
        return True


def reorder(db: Database, meeting_id: int, item_ids: Sequence[int]) -> None:
    """Put the items in this order (drag and drop): ``item_ids`` must be exactly the meeting's items."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the agenda")
        items = {i.id: i for i in _items(s, meeting_id)}
        ids = [int(i) for i in item_ids]
        if len(ids) != len(set(ids)) or set(ids) != set(items):
            raise ValidationError(f"The new order must list each agenda item of {meeting.reference} exactly once.")
        _renumber([items[i] for i in ids])


def agenda_timing(db: Database, meeting_id: int) -> AgendaTiming:
    """The items' total duration against the meeting's length, with the over-run."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        total, missing = s.execute(
            sa.select(
                sa.func.coalesce(sa.func.sum(AgendaItem.duration_minutes), 0),
                sa.func.count().filter(AgendaItem.duration_minutes.is_(None)),
            ).where(AgendaItem.meeting_id == meeting_id)
        ).one()
        length = None
        if meeting.ends_at is not None:
            length = int((meeting.ends_at - meeting.starts_at) / dt.timedelta(minutes=1))
        return AgendaTiming(total_minutes=int(total), meeting_minutes=length, items_without_duration=int(missing))


def previous_meeting_id(db: Database, meeting_id: int) -> int | None:
    """The latest earlier meeting of the same kind (and working group) that has an agenda."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        return _previous_with_agenda(s, meeting)


def _previous_with_agenda(session: Session, meeting: Meeting) -> int | None:
    query = (
        sa.select(Meeting.id)
        .where(
            Meeting.kind == meeting.kind,
            Meeting.starts_at < meeting.starts_at,
            Meeting.id != meeting.id,
            sa.exists().where(AgendaItem.meeting_id == Meeting.id),
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(1)
    )
    if meeting.kind is MeetingKind.WORKING_GROUP:
        query = query.where(Meeting.working_group_id == meeting.working_group_id)
    return session.scalar(query)


def copy_previous_agenda(db: Database, meeting_id: int) -> int:
    """Append the items of the previous meeting of the same kind (titles, presenters, durations,
    objectives; not the minutes), skipping titles already on the agenda. Returns how many were added."""
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the agenda")
        previous_id = _previous_with_agenda(s, meeting)
        if previous_id is None:
            raise ValidationError(f"There is no earlier {meeting.kind.label.lower()} with an agenda to copy.")
        items = _items(s, meeting_id)
        present = {i.title.casefold() for i in items}
        added = 0
        for source in _items(s, previous_id):
            if source.title.casefold() in present:
                continue
            copy = AgendaItem(
                meeting_id=meeting_id,
                title=source.title,
                presenter_id=source.presenter_id,
                duration_minutes=source.duration_minutes,
                position=0,
            )
            copy.objectives = list(source.objectives)
            s.add(copy)
            items.append(copy)
            present.add(source.title.casefold())
            added += 1
        _renumber(items)
        return added


__all__ = [
    "STANDING_ITEMS",
    "AgendaTiming",
    "add_item",
    "add_standing_items",
    "agenda_timing",
    "copy_previous_agenda",
    "list_agenda",
    "move_item",
    "previous_meeting_id",
    "remove_item",
    "reorder",
    "set_item_objectives",
    "standing_items",
    "update_item",
]
