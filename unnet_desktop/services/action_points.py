"""Action points across meetings: the list, edits and their history, the dashboard figures, and
importing the Excel trackers that field offices send back. No Qt.

History. Every change to an action point, whoever makes it, is written as ActionPointChange rows
by one session listener (:func:`_record_changes`, registered when this module is imported): for
each tracked field that changed, the old and new value as text, the time, and the source —
``APP``, or ``IMPORT`` with the tracker's file name (set with :func:`change_source`). Creating an
action point writes one row with field ``"created"``. Callers never write history themselves.

Light rows. :func:`list_action_points` filters and sorts in SQL and hands back SQLAlchemy
``Row`` objects (named-tuple like) with the fields of :data:`LIST_FIELDS`.

Import. :func:`plan_action_import` reads the tracker and decides, row by row, what it would do
(services/tracker_sync.py); nothing is written. :func:`apply_action_import` applies a plan in one
transaction, with the officer's choice per conflict. Rows the field office added (no key) get a
key derived from the tracker's export id and their description, so a second import of the same
file finds the action point the first one created instead of creating it twice.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.enums import OPEN_ACTION_STATUSES, ActionStatus, ChangeSource, LabelledEnum, MinutesStatus
from ..core.errors import ValidationError
from ..core.models import ActionPoint, ActionPointChange, AgendaItem, Meeting, Organisation, Person, utcnow
from ..core.models.base import UTCDateTime
from ..core.timezone import format_wib, to_wib, wib
from . import tracker_sync as sync

# --------------------------------------------------------------------------- statuses

_STATUS_WORDS: dict[ActionStatus, tuple[str, ...]] = {
    ActionStatus.OPEN: ("open", "not started", "to do", "todo", "belum", "belum dimulai", "belum mulai", "terbuka"),
    ActionStatus.IN_PROGRESS: (
        "in progress",
        "ongoing",
        "on going",
        "started",
        "dalam proses",
        "sedang berjalan",
        "berjalan",
        "sedang dikerjakan",
        "dalam pengerjaan",
    ),
    ActionStatus.DONE: ("done", "completed", "complete", "finished", "selesai", "sudah selesai", "tuntas"),
    ActionStatus.DROPPED: ("dropped", "cancelled", "canceled", "dibatalkan", "batal"),
}
_STATUS_LOOKUP = {word: status for status, words in _STATUS_WORDS.items() for word in words}
for _status in ActionStatus:
    _STATUS_LOOKUP[_status.label.casefold()] = _status
    _STATUS_LOOKUP[_status.value.replace("_", " ")] = _status
#: What the tracker's Instructions and error messages quote.
STATUS_HELP = "Open, In progress, Done, Dropped (or Belum, Dalam proses, Selesai, Dibatalkan)"


def _status_key(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").casefold().split()).rstrip(".")


def parse_action_status(value: object) -> ActionStatus:
    """A status from its value, its English label or a common word in English or Bahasa
    Indonesia, case-insensitively: Selesai = done, Dalam proses / Sedang berjalan = in progress,
    Belum / Belum dimulai / Terbuka = open, Dibatalkan = dropped. ValueError otherwise."""
    if isinstance(value, ActionStatus):
        return value
    status = _STATUS_LOOKUP.get(_status_key(value)) if value is not None else None
    if status is None:
        raise ValueError(f"{value!r} is not an action point status")
    return status


# --------------------------------------------------------------------------- history

_SOURCE_KEY = "unnet_desktop.action_point_change_source"
#: (column attribute, relationship attribute or None, name written in the history)
_TRACKED: tuple[tuple[str, str | None, str], ...] = (
    ("description", None, "description"),
    ("status", None, "status"),
    ("due_date", None, "due_date"),
    ("completion_note", None, "completion_note"),
    ("responsible_organisation_id", "responsible_organisation", "responsible_organisation"),
    ("responsible_person_id", "responsible_person", "responsible_person"),
    ("meeting_id", "meeting", "meeting"),
    ("agenda_item_id", "agenda_item", "agenda_item"),
)
_RELATED = {
    "responsible_organisation_id": Organisation,
    "responsible_person_id": Person,
    "meeting_id": Meeting,
    "agenda_item_id": AgendaItem,
}
FIELD_LABELS = {
    "created": "Created",
    "description": "Description",
    "status": "Status",
    "due_date": "Due date",
    "completion_note": "Completion note",
    "responsible_organisation": "Responsible organisation",
    "responsible_person": "Responsible person",
    "meeting": "Meeting",
    "agenda_item": "Agenda item",
}
#: The fields a tracker edits.
EDITABLE_FIELDS = ("status", "due_date", "completion_note")


@contextmanager
def change_source(session: Session, source: ChangeSource, source_file: str = "") -> Iterator[Session]:
    """Within the block, the history rows written for this session's changes say ``source``
    (and the file's name). The block's changes are flushed when it ends, so they are recorded
    with this source even if the session commits later."""
    previous = session.info.get(_SOURCE_KEY)
    session.info[_SOURCE_KEY] = (source, source_file)
    try:
        yield session
        session.flush()
    finally:
        if previous is None:
            session.info.pop(_SOURCE_KEY, None)
        else:
            session.info[_SOURCE_KEY] = previous


def history_text(value: object) -> str:
    """How a value is kept in the history: enum values, ISO dates, names of related records."""
    if value is None:
        return ""
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Organisation):
        return value.display
    if isinstance(value, Person):
        return value.display_name
    if isinstance(value, Meeting):
        return value.reference
    if isinstance(value, AgendaItem):
        return f"{value.position}. {value.title}"
    return str(value)


def _field_change(session: Session, state, column: str, relation: str | None):
    """(old, new) when the field changed in this flush, else None."""
    if relation is not None:
        hist = state.attrs[relation].history
        if hist.added or hist.deleted:
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old is new:
                return None
            return old, new
    hist = state.attrs[column].history
    if not hist.added:
        return None
    old = hist.deleted[0] if hist.deleted else None
    new = hist.added[0]
    if old == new:
        return None
    if relation is not None:
        model = _RELATED[column]
        old = session.get(model, old) if old is not None else None
        new = session.get(model, new) if new is not None else None
    return old, new


def history_values(field_name: str, old: object, new: object, source: ChangeSource, source_file: str, now) -> dict:
    """What one history row holds (all but the action point): the one definition, used by the
    session listener below and by the import's bulk update."""
    return {
        "changed_at": now,
        "field": field_name,
        "old_value": history_text(old),
        "new_value": history_text(new),
        "source": source,
        "source_file": source_file,
    }


def _record_changes(session: Session, _flush_context, _instances) -> None:
    """Write the history rows of every action point created or changed in this flush."""
    source, source_file = session.info.get(_SOURCE_KEY, (ChangeSource.APP, ""))
    now = utcnow()
    rows = []
    with session.no_autoflush:
        for obj in session.new:
            if isinstance(obj, ActionPoint):
                values = history_values("created", None, obj.description, source, source_file, now)
                rows.append(ActionPointChange(action_point=obj, **values))
        for obj in session.dirty:
            if not isinstance(obj, ActionPoint) or not session.is_modified(obj, include_collections=False):
                continue
            state = sa.inspect(obj)
            for column, relation, name in _TRACKED:
                change = _field_change(session, state, column, relation)
                if change is not None:
                    values = history_values(name, *change, source, source_file, now)
                    rows.append(ActionPointChange(action_point_id=obj.id, **values))
    session.add_all(rows)


def _keep_old_value(_target, value, _oldvalue, _initiator):
    return value


# Old values must be at hand when a field is set, even if it was not loaded before.
for _column, _relation, _name in _TRACKED:
    event.listen(getattr(ActionPoint, _column), "set", _keep_old_value, active_history=True, retval=True)
    if _relation is not None:
        event.listen(getattr(ActionPoint, _relation), "set", _keep_old_value, active_history=True, retval=True)
if not event.contains(Session, "before_flush", _record_changes):
    event.listen(Session, "before_flush", _record_changes)


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: dt.datetime  # aware UTC
    field: str
    old_value: str  # for people: labels, "31 Mar 2025"
    new_value: str
    source: ChangeSource
    source_file: str

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field.replace("_", " ").capitalize())

    @property
    def when(self) -> str:
        return format_wib(self.changed_at)

    @property
    def source_label(self) -> str:
        if self.source is ChangeSource.IMPORT and self.source_file:
            return f"{self.source.label} ({self.source_file})"
        return self.source.label


def display_history_value(field_name: str, text: str) -> str:
    """A history value for people: status labels, dates as ``31 Mar 2025``."""
    if not text:
        return ""
    if field_name == "status":
        try:
            return ActionStatus(text).label
        except ValueError:
            return text
    if field_name == "due_date":
        try:
            return f"{dt.date.fromisoformat(text):%d %b %Y}"
        except ValueError:
            return text
    return text


def action_point_history(db: Database, action_point_id: int) -> list[HistoryEntry]:
    """Every recorded change of one action point, newest first (for its side panel)."""
    with db.session() as s:
        if s.get(ActionPoint, action_point_id) is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        rows = s.execute(
            sa.select(
                ActionPointChange.changed_at,
                ActionPointChange.field,
                ActionPointChange.old_value,
                ActionPointChange.new_value,
                ActionPointChange.source,
                ActionPointChange.source_file,
            )
            .where(ActionPointChange.action_point_id == action_point_id)
            .order_by(ActionPointChange.changed_at.desc(), ActionPointChange.id.desc())
        ).all()
    return [
        HistoryEntry(
            changed_at=r.changed_at,
            field=r.field,
            old_value=display_history_value(r.field, r.old_value),
            new_value=display_history_value(r.field, r.new_value),
            source=r.source,
            source_file=r.source_file,
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- the list


def today_wib() -> dt.date:
    return to_wib(dt.datetime.now(dt.timezone.utc)).date()


#: The fields of a light row of :func:`list_action_points`.
LIST_FIELDS = (
    "id",
    "uuid",
    "meeting_id",
    "meeting_reference",  # "" when the action point belongs to no meeting
    "agenda_item_id",
    "agenda_item",  # the agenda item's title, ""
    "description",
    "organisation_id",
    "organisation",  # acronym, else name; ""
    "person_id",
    "person",  # full name; ""
    "due_date",  # date | None
    "status",  # ActionStatus
    "completion_note",
    "updated_at",  # aware UTC: the last change
    "overdue",  # bool: open or in progress and due before today
)
ORDER_KEYS = (
    "due_date",
    "status",
    "meeting",
    "agenda_item",
    "description",
    "organisation",
    "person",
    "updated_at",
    "created_at",
    "id",
)

_ORGANISATION_LABEL = sa.func.coalesce(sa.func.nullif(Organisation.acronym, ""), Organisation.name)
_STATUS_RANK = sa.case({s: i for i, s in enumerate(ActionStatus)}, value=ActionPoint.status)


def _overdue_condition(today: dt.date):
    return sa.and_(ActionPoint.status.in_(OPEN_ACTION_STATUSES), ActionPoint.due_date < today)


_JOINS = {
    "meeting": (Meeting, lambda: Meeting.id == ActionPoint.meeting_id),
    "agenda_item": (AgendaItem, lambda: AgendaItem.id == ActionPoint.agenda_item_id),
    "organisation": (Organisation, lambda: Organisation.id == ActionPoint.responsible_organisation_id),
    "person": (Person, lambda: Person.id == ActionPoint.responsible_person_id),
}
#: The tables an order needs joined.
_ORDER_JOINS = {
    "meeting": ("meeting", "agenda_item"),
    "agenda_item": ("agenda_item",),
    "organisation": ("organisation",),
    "person": ("person",),
}


def _with_joins(query: sa.Select, tables: Iterable[str]) -> sa.Select:
    for name in ("meeting", "agenda_item", "organisation", "person"):
        if name in tables:
            model, on = _JOINS[name]
            query = query.outerjoin(model, on())
    return query


def _list_select(today: dt.date) -> sa.Select:
    query = sa.select(
        ActionPoint.id,
        ActionPoint.uuid,
        ActionPoint.meeting_id,
        sa.func.coalesce(Meeting.reference, "").label("meeting_reference"),
        ActionPoint.agenda_item_id,
        sa.func.coalesce(AgendaItem.title, "").label("agenda_item"),
        ActionPoint.description,
        ActionPoint.responsible_organisation_id.label("organisation_id"),
        sa.func.coalesce(_ORGANISATION_LABEL, "").label("organisation"),
        ActionPoint.responsible_person_id.label("person_id"),
        sa.func.coalesce(Person.full_name, "").label("person"),
        ActionPoint.due_date,
        ActionPoint.status,
        ActionPoint.completion_note,
        ActionPoint.updated_at,
        sa.type_coerce(sa.case((_overdue_condition(today), 1), else_=0), sa.Boolean).label("overdue"),
    ).select_from(ActionPoint)
    return _with_joins(query, _JOINS)


def _status_set(status) -> set[ActionStatus] | None:
    if status is None:
        return None
    if isinstance(status, ActionStatus | str):
        status = [status]
    try:
        statuses = {parse_action_status(s) for s in status}
    except ValueError as exc:
        raise ValidationError(f"Unknown status: {exc}.") from None
    return statuses or None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class _Filters:
    status: object = None
    organisation_id: int | None = None
    meeting_id: int | None = None
    working_group_id: int | None = None
    overdue: bool = False
    due_within_days: int | None = None
    text: str | None = None

    @property
    def joins(self) -> set[str]:
        """The tables the filters need joined."""
        return {"meeting"} if self.working_group_id is not None else set()

    def apply(self, query: sa.Select, today: dt.date) -> sa.Select:
        statuses = _status_set(self.status)
        if statuses is not None:
            query = query.where(ActionPoint.status.in_(sorted(statuses, key=list(ActionStatus).index)))
        if self.organisation_id is not None:
            query = query.where(ActionPoint.responsible_organisation_id == self.organisation_id)
        if self.meeting_id is not None:
            query = query.where(ActionPoint.meeting_id == self.meeting_id)
        if self.working_group_id is not None:
            query = query.where(Meeting.working_group_id == self.working_group_id)
        if self.overdue:
            query = query.where(_overdue_condition(today))
        if self.due_within_days is not None:
            if self.due_within_days < 0:
                raise ValidationError("'Due within' takes a number of days from today, 0 or more.")
            query = query.where(
                ActionPoint.status.in_(OPEN_ACTION_STATUSES),
                ActionPoint.due_date >= today,
                ActionPoint.due_date <= today + dt.timedelta(days=self.due_within_days),
            )
        if self.text and self.text.strip():
            # The names are looked up in their (small) tables: no join needed.
            pattern = _like(self.text.strip())

            def like(*columns):
                return sa.or_(*(column.like(pattern, escape="\\") for column in columns))

            def ids_of(key, *columns):
                # correlate(None): a table of its own even when the outer query joins it too
                return sa.select(key).where(like(*columns)).correlate(None)

            query = query.where(
                sa.or_(
                    like(ActionPoint.description, ActionPoint.completion_note),
                    ActionPoint.meeting_id.in_(ids_of(Meeting.id, Meeting.reference)),
                    ActionPoint.agenda_item_id.in_(ids_of(AgendaItem.id, AgendaItem.title)),
                    ActionPoint.responsible_organisation_id.in_(
                        ids_of(Organisation.id, Organisation.name, Organisation.acronym)
                    ),
                    ActionPoint.responsible_person_id.in_(ids_of(Person.id, Person.full_name)),
                )
            )
        return query


# SQLite walks the due-date index for "NULLS LAST" (3.30+), not for "due_date IS NULL, due_date".
_NULLS_LAST = sqlite3.sqlite_version_info >= (3, 30, 0)


def _order_terms(order_by: str, descending: bool) -> list:
    keys = {
        "due_date": (ActionPoint.due_date,),
        "status": (_STATUS_RANK,),
        "meeting": (Meeting.starts_at, AgendaItem.position),
        "agenda_item": (AgendaItem.title,),
        "description": (ActionPoint.description,),
        "organisation": (_ORGANISATION_LABEL,),
        "person": (Person.full_name,),
        "updated_at": (ActionPoint.updated_at,),
        "created_at": (ActionPoint.created_at,),
        "id": (),
    }
    if order_by not in keys:
        raise ValueError(f"order_by must be one of {', '.join(ORDER_KEYS)}, not {order_by!r}")
    terms = []
    for column in keys[order_by]:
        term = column.desc() if descending else column.asc()
        if _NULLS_LAST:
            terms.append(term.nulls_last())  # empty values last, both ways
        else:
            terms.extend((column.is_(None), term))
    terms.append(ActionPoint.id.desc() if descending else ActionPoint.id)
    return terms


def list_action_points(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    order_by: str = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[sa.Row]:
    """Every action point of every meeting (and those of no meeting), filtered and sorted in SQL.

    ``status``: one status or several (None or empty: all). ``overdue``: open or in progress and
    due before ``today``. ``due_within_days``: open or in progress and due from today to today + N.
    ``working_group_id``: of that group's meetings. ``text``: in the description, completion note,
    meeting reference, agenda item, organisation or person. ``order_by``: one of
    :data:`ORDER_KEYS` (empty values last). Rows have the fields of :data:`LIST_FIELDS`.

    ``limit``/``offset``: one page (what a table shows; :func:`count_action_points` gives the
    total). A page is found on the action points alone (joining only what the filter and order
    need), then its rows are read with their names: fast whatever the size of the table."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    terms = _order_terms(order_by, descending)
    with db.session() as s:
        if limit is None and not offset:
            query = filters.apply(_list_select(today), today).order_by(*terms)
            return list(s.execute(query).all())
        joins = filters.joins | set(_ORDER_JOINS.get(order_by, ()))
        page = _with_joins(sa.select(ActionPoint.id).select_from(ActionPoint), joins)
        page = filters.apply(page, today).order_by(*terms).offset(offset)
        if limit is not None:
            page = page.limit(limit)
        return _rows_in_order(s, list(s.scalars(page)), today)


def _rows_in_order(s: Session, ids: list[int], today: dt.date) -> list[sa.Row]:
    """The light rows of these action points, in this order."""
    position = {id_: n for n, id_ in enumerate(ids)}
    rows = []
    for chunk in _chunks(ids, 500):
        rows.extend(s.execute(_list_select(today).where(ActionPoint.id.in_(chunk))).all())
    rows.sort(key=lambda row: position[row.id])
    return rows


def export_rows(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    today: dt.date | None = None,
) -> list[tuple]:
    """The action points :func:`list_action_points` selects, ordered by meeting and agenda, as
    plain tuples for a tracker: (uuid, meeting reference, agenda item, description,
    organisation, person, status label, due date, completion note, date of the last change in
    WIB). Read raw and converted here: a 20,000-row export spends its time writing, not reading."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    raw = sa.String()
    query = sa.select(
        ActionPoint.uuid,
        sa.func.coalesce(Meeting.reference, ""),
        sa.func.coalesce(AgendaItem.title, ""),
        ActionPoint.description,
        sa.func.coalesce(_ORGANISATION_LABEL, ""),
        sa.func.coalesce(Person.full_name, ""),
        sa.type_coerce(ActionPoint.status, raw),
        sa.type_coerce(ActionPoint.due_date, raw),
        ActionPoint.completion_note,
        sa.type_coerce(ActionPoint.updated_at, raw),
    ).select_from(ActionPoint)
    query = filters.apply(_with_joins(query, _JOINS), today).order_by(*_order_terms("meeting", False))
    labels = {s.value: s.label for s in ActionStatus}
    wib_offset = dt.timedelta(hours=7)  # WIB has no daylight saving time
    with db.session() as s:
        found = s.execute(query).all()
    out = []
    fromisoformat, from_datetime = dt.date.fromisoformat, dt.datetime.fromisoformat
    for uuid_, meeting, item, description, organisation, person, status_, due, note, updated in found:
        out.append(
            (
                uuid_,
                meeting,
                item,
                description,
                organisation,
                person,
                labels.get(status_, status_),
                fromisoformat(due) if due else None,
                note,
                (from_datetime(updated) + wib_offset).date() if updated else None,
            )
        )
    return out


def count_action_points(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    today: dt.date | None = None,
) -> int:
    """How many action points :func:`list_action_points` gives for the same filters."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    query = _with_joins(sa.select(sa.func.count(ActionPoint.id)).select_from(ActionPoint), filters.joins)
    with db.session() as s:
        return s.scalar(filters.apply(query, today)) or 0


# --------------------------------------------------------------------------- one action point


@dataclass(frozen=True)
class ActionPointDetail:
    id: int
    uuid: str
    description: str
    meeting_id: int | None
    meeting_reference: str
    agenda_item_id: int | None
    agenda_item: str
    organisation_id: int | None
    organisation: str  # display: "Name (ACR)"
    person_id: int | None
    person: str
    due_date: dt.date | None
    status: ActionStatus
    completion_note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    minutes_approved: bool  # then only status, due date and completion note can change

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or today_wib()
        return self.status in OPEN_ACTION_STATUSES and self.due_date is not None and self.due_date < today


def get_action_point(db: Database, action_point_id: int) -> ActionPointDetail:
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        return ActionPointDetail(
            id=ap.id,
            uuid=ap.uuid,
            description=ap.description,
            meeting_id=ap.meeting_id,
            meeting_reference=ap.meeting.reference if ap.meeting else "",
            agenda_item_id=ap.agenda_item_id,
            agenda_item=ap.agenda_item.title if ap.agenda_item else "",
            organisation_id=ap.responsible_organisation_id,
            organisation=ap.responsible_organisation.display if ap.responsible_organisation else "",
            person_id=ap.responsible_person_id,
            person=ap.responsible_person.display_name if ap.responsible_person else "",
            due_date=ap.due_date,
            status=ap.status,
            completion_note=ap.completion_note or "",
            created_at=ap.created_at,
            updated_at=ap.updated_at,
            minutes_approved=_minutes_approved(ap),
        )


class _Unset:
    def __repr__(self) -> str:  # pragma: no cover
        return "UNSET"


UNSET = _Unset()


def _minutes_approved(ap: ActionPoint) -> bool:
    return ap.meeting is not None and ap.meeting.minutes_status is MinutesStatus.APPROVED


def _check_description(text: object) -> str:
    text = str(text or "").strip()
    if not text:
        raise ValidationError("An action point needs a description.")
    return text


def _check_status(value: object) -> ActionStatus:
    try:
        return parse_action_status(value)
    except ValueError:
        raise ValidationError(f"{value!r} is not a status; use one of {STATUS_HELP}.") from None


def _check_due(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError("The due date must be a date.")
    if not 2000 <= value.year <= 2100:
        raise ValidationError(f"The due date {value:%d %b %Y} is not plausible (years 2000 to 2100).")
    return value


def _check_note(value: object) -> str:
    return str(value or "").strip()


def _check_links(
    s: Session,
    *,
    meeting_id: int | None,
    agenda_item_id: int | None,
    organisation_id: int | None,
    person_id: int | None,
) -> tuple[int | None, int | None, int | None, int | None]:
    """The links checked; the meeting from the agenda item, the organisation from the person
    when not given."""
    if agenda_item_id is not None:
        item = s.get(AgendaItem, agenda_item_id)
        if item is None:
            raise ValidationError(f"There is no agenda item with id {agenda_item_id}.")
        if meeting_id is not None and meeting_id != item.meeting_id:
            raise ValidationError("The agenda item belongs to another meeting.")
        meeting_id = item.meeting_id
    if meeting_id is not None and s.get(Meeting, meeting_id) is None:
        raise ValidationError(f"There is no meeting with id {meeting_id}.")
    if organisation_id is not None and s.get(Organisation, organisation_id) is None:
        raise ValidationError(f"There is no organisation with id {organisation_id}.")
    if person_id is not None:
        person = s.get(Person, person_id)
        if person is None:
            raise ValidationError(f"There is no person with id {person_id}.")
        if organisation_id is None:
            organisation_id = person.organisation_id
    return meeting_id, agenda_item_id, organisation_id, person_id


def create_action_point(
    db: Database,
    *,
    description: str,
    meeting_id: int | None = None,
    agenda_item_id: int | None = None,
    responsible_organisation_id: int | None = None,
    responsible_person_id: int | None = None,
    due_date: dt.date | None = None,
    status: ActionStatus | str = ActionStatus.OPEN,
    completion_note: str = "",
) -> int:
    """A new action point, with or without a meeting. Returns its id."""
    with db.session() as s:
        meeting_id, agenda_item_id, organisation_id, person_id = _check_links(
            s,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            organisation_id=responsible_organisation_id,
            person_id=responsible_person_id,
        )
        now = utcnow()
        ap = ActionPoint(
            description=_check_description(description),
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            responsible_organisation_id=organisation_id,
            responsible_person_id=person_id,
            due_date=_check_due(due_date),
            status=_check_status(status),
            completion_note=_check_note(completion_note),
            created_at=now,
            updated_at=now,
        )
        s.add(ap)
        s.flush()
        return ap.id


def update_action_point(
    db: Database,
    action_point_id: int,
    *,
    status: ActionStatus | str | _Unset = UNSET,
    due_date: dt.date | None | _Unset = UNSET,
    completion_note: str | _Unset = UNSET,
    description: str | _Unset = UNSET,
    responsible_organisation_id: int | None | _Unset = UNSET,
    responsible_person_id: int | None | _Unset = UNSET,
    meeting_id: int | None | _Unset = UNSET,
    agenda_item_id: int | None | _Unset = UNSET,
) -> tuple[str, ...]:
    """Change the given fields of one action point; returns the names of those that changed.
    Status, due date and completion note (the follow-up) can always change; the rest not once
    the minutes of its meeting are approved."""
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        record_fields = {
            "description": description,
            "responsible_organisation_id": responsible_organisation_id,
            "responsible_person_id": responsible_person_id,
            "meeting_id": meeting_id,
            "agenda_item_id": agenda_item_id,
        }
        given_record = {k: v for k, v in record_fields.items() if v is not UNSET}
        new_values: dict[str, object] = {}
        if status is not UNSET:
            new_values["status"] = _check_status(status)
        if due_date is not UNSET:
            new_values["due_date"] = _check_due(due_date)
        if completion_note is not UNSET:
            new_values["completion_note"] = _check_note(completion_note)
        if "description" in given_record:
            new_values["description"] = _check_description(description)
        if given_record.keys() - {"description"}:

            def pick(name: str, current: int | None) -> int | None:
                return current if record_fields[name] is UNSET else record_fields[name]

            m, a, o, p = _check_links(
                s,
                meeting_id=pick("meeting_id", ap.meeting_id),
                agenda_item_id=pick("agenda_item_id", ap.agenda_item_id),
                organisation_id=pick("responsible_organisation_id", ap.responsible_organisation_id),
                person_id=pick("responsible_person_id", ap.responsible_person_id),
            )
            if meeting_id is not UNSET and agenda_item_id is UNSET and a is not None:
                item = s.get(AgendaItem, a)
                if item.meeting_id != m:
                    a = None  # moved to another meeting: the old agenda item does not follow
            new_values.update(meeting_id=m, agenda_item_id=a, responsible_organisation_id=o, responsible_person_id=p)
        changed = tuple(name for name, value in new_values.items() if getattr(ap, name) != value)
        if _minutes_approved(ap) and set(changed) - set(EDITABLE_FIELDS):
            raise ValidationError(
                f"The minutes of {ap.meeting.reference} are approved: only the status, due date and "
                "completion note of its action points can change."
            )
        for name in changed:
            setattr(ap, name, new_values[name])
        return changed


def set_status_many(
    db: Database, action_point_ids: Iterable[int], status: ActionStatus | str, *, completion_note: str | None = None
) -> int:
    """Set the status of many action points at once (the page's selection); with
    ``completion_note``, that note too. Returns how many changed. All or none: an id that does
    not exist refuses the whole change."""
    status = _check_status(status)
    note = None if completion_note is None else _check_note(completion_note)
    ids = sorted(set(action_point_ids))
    changed = 0
    with db.session() as s:
        found = []
        for chunk in _chunks(ids, 500):
            found.extend(s.scalars(sa.select(ActionPoint).where(ActionPoint.id.in_(chunk))))
        if len(found) != len(ids):
            missing = len(ids) - len(found)
            raise ValidationError(f"{missing} of the selected action points no longer exist; refresh the list.")
        for ap in found:
            touched = False
            if ap.status is not status:
                ap.status = status
                touched = True
            if note is not None and ap.completion_note != note:
                ap.completion_note = note
                touched = True
            changed += touched
    return changed


def delete_action_point(db: Database, action_point_id: int) -> None:
    """Delete an action point (and its history). Refused once its meeting's minutes are approved."""
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        if _minutes_approved(ap):
            raise ValidationError(f"The minutes of {ap.meeting.reference} are approved: its action points stay.")
        s.delete(ap)


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --------------------------------------------------------------------------- names to ids


def find_organisation(db: Database, name: str) -> int:
    """The organisation with that name or acronym (case-insensitive); ValidationError when none
    or several match."""
    with db.session() as s:
        matches = _OrganisationIndex(s).find(name)
    if matches is None:
        raise ValidationError(f"No organisation is called {name!r} (name or acronym).")
    if isinstance(matches, list):
        raise ValidationError(f"Several organisations match {name!r}; give the full name.")
    return matches


def find_meeting(db: Database, reference: str) -> int:
    with db.session() as s:
        meeting_id = s.scalar(
            sa.select(Meeting.id).where(sa.func.lower(Meeting.reference) == reference.strip().lower())
        )
    if meeting_id is None:
        raise ValidationError(f"There is no meeting with the reference {reference!r}.")
    return meeting_id


def _name_key(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


class _OrganisationIndex:
    """Organisations by name, acronym and "Name (ACR)", case-insensitively."""

    def __init__(self, s: Session):
        self.by_key: dict[str, set[int]] = defaultdict(set)
        for oid, name, acronym in s.execute(sa.select(Organisation.id, Organisation.name, Organisation.acronym)):
            self.by_key[_name_key(name)].add(oid)
            if acronym:
                self.by_key[_name_key(acronym)].add(oid)
                self.by_key[_name_key(f"{name} ({acronym})")].add(oid)

    def find(self, text: str) -> int | list[int] | None:
        ids = self.by_key.get(_name_key(text))
        if not ids:
            return None
        return next(iter(ids)) if len(ids) == 1 else sorted(ids)


# --------------------------------------------------------------------------- dashboard


@dataclass(frozen=True)
class OrganisationActionFigures:
    organisation_id: int | None  # None: action points with no responsible organisation
    organisation: str
    open: int  # open or in progress
    overdue: int  # of those, due before today
    done_this_quarter: int  # set to done during the current quarter (WIB)


@dataclass(frozen=True)
class ActionDashboard:
    today: dt.date
    quarter_start: dt.date
    quarter_end: dt.date  # the last day of the quarter
    per_organisation: tuple[OrganisationActionFigures, ...]  # most overdue first
    totals: OrganisationActionFigures
    next_due: tuple[sa.Row, ...]  # light rows (LIST_FIELDS): open, due from today, soonest first


def _quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = dt.date(today.year, first_month, 1)
    end = dt.date(today.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1)
    return start, end


def action_dashboard(db: Database, today: dt.date | None = None, next_limit: int = 5) -> ActionDashboard:
    """Open, overdue and done-this-quarter counts per responsible organisation, and the next
    ``next_limit`` action points due. "Done this quarter": the last change of the status to done
    (from the history; the last change of the record when it has none) falls in the quarter."""
    today = today or today_wib()
    q_start, q_next = _quarter(today)
    start, end = wib(q_start.year, q_start.month, 1), wib(q_next.year, q_next.month, 1)
    done_at = (
        sa.select(sa.func.max(ActionPointChange.changed_at))
        .where(
            ActionPointChange.action_point_id == ActionPoint.id,
            ActionPointChange.field == "status",
            ActionPointChange.new_value == ActionStatus.DONE.value,
        )
        .scalar_subquery()
    )
    done_when = sa.type_coerce(sa.func.coalesce(done_at, ActionPoint.updated_at), UTCDateTime)
    is_open = ActionPoint.status.in_(OPEN_ACTION_STATUSES)

    def count_when(condition) -> sa.ColumnElement:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    done_in_quarter = sa.and_(ActionPoint.status == ActionStatus.DONE, done_when >= start, done_when < end)
    query = (
        sa.select(
            ActionPoint.responsible_organisation_id,
            sa.func.max(_ORGANISATION_LABEL),
            count_when(is_open),
            count_when(_overdue_condition(today)),
            count_when(done_in_quarter),
        )
        .select_from(ActionPoint)
        .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
        .where(sa.or_(is_open, ActionPoint.status == ActionStatus.DONE))
        .group_by(ActionPoint.responsible_organisation_id)
    )
    next_query = (
        sa.select(ActionPoint.id)
        .where(is_open, ActionPoint.due_date >= today)
        .order_by(ActionPoint.due_date, ActionPoint.id)
        .limit(next_limit)
    )
    with db.session() as s:
        rows = s.execute(query).all()
        next_due = tuple(_rows_in_order(s, list(s.scalars(next_query)), today))
    figures = [
        OrganisationActionFigures(
            organisation_id=oid,
            organisation=label if oid is not None else "(No organisation)",
            open=open_,
            overdue=overdue,
            done_this_quarter=done,
        )
        for oid, label, open_, overdue, done in rows
        if open_ or done
    ]
    figures.sort(key=lambda f: (-f.overdue, -f.open, f.organisation_id is None, f.organisation.casefold()))
    totals = OrganisationActionFigures(
        organisation_id=None,
        organisation="All organisations",
        open=sum(f.open for f in figures),
        overdue=sum(f.overdue for f in figures),
        done_this_quarter=sum(f.done_this_quarter for f in figures),
    )
    return ActionDashboard(
        today=today,
        quarter_start=q_start,
        quarter_end=q_next - dt.timedelta(days=1),
        per_organisation=tuple(figures),
        totals=totals,
        next_due=next_due,
    )


# --------------------------------------------------------------------------- tracker import

#: uuid5 namespace of the keys given to rows a field office added to a tracker.
_NEW_ROW_NAMESPACE = uuid_module.UUID("6f1c7a52-3e0b-4f4e-9d0e-5b8d1f0c2a41")
_COLUMN_NAMES = {
    "status": "status",
    "due_date": "due date",
    "completion_note": "completion note",
    "description": "description",
    "organisation": "responsible organisation",
    "person": "responsible person",
    "meeting": "meeting",
    "agenda_item": "agenda item",
    "key": "key",
}


def new_row_key(export_id: str, description: str) -> str:
    """The key of a row a field office added: the same tracker and description give the same key."""
    return str(uuid_module.uuid5(_NEW_ROW_NAMESPACE, f"{export_id}\n{_name_key(description)}"))


def as_exported_text(value: object) -> str:
    """Text as a tracker cell holds it (cleaned, cut to Excel's limit), line ends normalised and
    trimmed: what an unchanged note reads back as."""
    from ..files.safety import set_text_cell

    holder = SimpleNamespace()
    set_text_cell(holder, value)
    return holder.value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _same(field_name: str, a: object, b: object) -> bool:
    if a == b:
        return True
    if field_name == "completion_note":
        return as_exported_text(a) == as_exported_text(b)
    return False


def display_value(field_name: str, value: object) -> str:
    """A value of an editable field for people: status labels, ``31 Mar 2025``, notes as typed."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, ActionStatus):
        return value.label
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    return str(value)


@dataclass(frozen=True)
class NewActionPoint:
    """A row the field office added, as it would be created."""

    key: str
    description: str
    organisation_id: int | None
    organisation: str
    person_id: int | None
    person: str
    meeting_id: int | None
    meeting_reference: str
    status: ActionStatus
    due_date: dt.date | None
    completion_note: str


@dataclass(frozen=True)
class ImportRow:
    row: int  # the row in the tracker
    key: str
    outcome: sync.Outcome
    action_point_id: int | None = None
    description: str = ""
    meeting_reference: str = ""
    organisation: str = ""
    changes: tuple[sync.FieldChange, ...] = ()
    reasons: tuple[str, ...] = ()  # why invalid / unknown / deleted; notes on a new row
    new: NewActionPoint | None = None

    @property
    def conflicts(self) -> tuple[sync.FieldChange, ...]:
        return tuple(c for c in self.changes if c.conflict)


@dataclass(frozen=True)
class ActionImportPlan:
    """What importing a tracker would do; nothing written yet."""

    path: Path
    export_id: str
    exported_at: dt.datetime  # aware UTC
    rows: tuple[ImportRow, ...]
    counts: Mapping[sync.Outcome, int] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.path.name

    def of(self, *outcomes: sync.Outcome) -> list[ImportRow]:
        return [r for r in self.rows if r.outcome in outcomes]

    @property
    def conflicts(self) -> list[ImportRow]:
        return self.of(sync.Outcome.CONFLICT)

    @property
    def errors(self) -> list[ImportRow]:
        """Rows that stop the import (unless skipped): invalid values, unknown keys."""
        return [r for r in self.rows if r.outcome in sync.BLOCKING]

    @property
    def has_work(self) -> bool:
        return any(r.outcome in (sync.Outcome.UPDATE, sync.Outcome.NEW, sync.Outcome.CONFLICT) for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    updated: int  # action points changed
    fields_changed: int
    created: int
    conflicts_incoming: int  # resolved: the tracker's values applied
    conflicts_app: int  # resolved: the app's values kept
    conflicts_skipped: int  # not resolved: nothing of the row applied
    skipped: int  # deleted since the export, and (when asked) invalid rows and unknown keys
    unchanged: int


_status_cache: dict[object, ActionStatus] = {}


def _cached_status(raw: object) -> ActionStatus:
    status = parse_action_status(str(raw))
    if isinstance(raw, str) and len(_status_cache) < 1000:
        _status_cache[raw] = status
    return status


def _parse_row(row, kind_columns: frozenset[str], parse_date):
    """(values of the editable fields, problems) of one tracker row."""
    problems = []
    for column_id in sorted(row.formulas):
        text = row.values.get(column_id)
        problems.append(
            f"the {_COLUMN_NAMES.get(column_id, column_id)} is a formula ({text}); type the value itself"
        )
    if row.key.startswith("="):
        problems.append("the hidden key column holds a formula; restore the key from the exported tracker")
    values: dict[str, object] = {}
    is_new = not row.key
    if "status" in kind_columns and "status" not in row.formulas:
        raw = row.values.get("status")
        if raw is None:
            if not is_new:
                problems.append(f"the status is empty; use one of {STATUS_HELP}")
        else:
            try:
                values["status"] = _status_cache[raw] if raw in _status_cache else _cached_status(raw)
            except ValueError:
                problems.append(f"the status {raw!r} is not one of {STATUS_HELP}")
    if "due_date" in kind_columns and "due_date" not in row.formulas:
        raw = row.values.get("due_date")
        try:
            due = parse_date(raw)
            if due is not None and not 2000 <= due.year <= 2100:
                raise ValueError(raw)
            values["due_date"] = due
        except (ValueError, OverflowError):
            shown = f"{raw:%d %b %Y}" if isinstance(raw, dt.date) else repr(raw)
            problems.append(f"the due date {shown} is not a date (type e.g. 31/03/2025)")
    if "completion_note" in kind_columns and "completion_note" not in row.formulas:
        # Read text is already clean and trimmed; _same() compares notes as exported.
        values["completion_note"] = _cell_text(row.values.get("completion_note"))
    return values, problems


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value:%d %b %Y}" if value.time() == dt.time() else f"{value:%d %b %Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    return str(value)


def plan_action_import(db: Database, path: str | Path) -> ActionImportPlan:
    """Read a tracker and decide what importing it would do, row by row. Writes nothing.
    FileRefused when the file is not an action-point tracker (or cannot be read)."""
    from ..files.keyed_workbook import paused_gc

    with paused_gc():
        return _plan_action_import(db, Path(path))


def _plan_action_import(db: Database, path: Path) -> ActionImportPlan:
    from ..files.action_tracker import read_action_tracker
    from ..files.keyed_workbook import parse_date

    book = read_action_tracker(path)
    export_id, exported_at = book.export_id, book.exported_at

    with db.session() as s:
        organisations = _OrganisationIndex(s)
        people: dict[str, set[int]] = defaultdict(set)
        person_org: dict[int, int | None] = {}
        meetings: dict[str, tuple[int, str]] = {}

        incoming: list[sync.IncomingRow] = []
        needs_directory = any(not r.key for r in book.rows)
        if needs_directory:
            for pid, name, title, org_id in s.execute(
                sa.select(Person.id, Person.full_name, Person.title, Person.organisation_id)
            ):
                people[_name_key(name)].add(pid)
                if title:
                    people[_name_key(f"{title} {name}")].add(pid)
                person_org[pid] = org_id
            for mid, ref in s.execute(sa.select(Meeting.id, Meeting.reference)):
                meetings[_name_key(ref)] = (mid, ref)

        for row in book.rows:
            values, problems = _parse_row(row, book.columns, parse_date)
            if row.key:
                incoming.append(sync.IncomingRow(row.row, row.key, values, tuple(problems)))
                continue
            # A row the field office added.
            notes: list[str] = []
            description = _cell_text(row.values.get("description")).strip()
            if "description" in row.formulas:
                description = ""
            elif not description:
                problems.append("a new row needs a description (and leaves the key column empty)")
            org_text = _cell_text(row.values.get("organisation")).strip()
            org_id = None
            if org_text and "organisation" not in row.formulas:
                found = organisations.find(org_text)
                if found is None:
                    problems.append(f"no organisation is called {org_text!r}; use the name or acronym of the contacts")
                elif isinstance(found, list):
                    problems.append(f"several organisations match {org_text!r}; give the full name")
                else:
                    org_id = found
            person_text = _cell_text(row.values.get("person")).strip()
            person_id = None
            if person_text and "person" not in row.formulas:
                ids = people.get(_name_key(person_text), set())
                if org_id is not None and len(ids) > 1:
                    ids = {p for p in ids if person_org.get(p) == org_id} or ids
                if len(ids) == 1:
                    person_id = next(iter(ids))
                    if org_id is None:
                        org_id = person_org.get(person_id)
                else:
                    why = "is not in the contacts" if not ids else "matches several contacts"
                    notes.append(f"the person {person_text!r} {why}; left empty")
            meeting_text = _cell_text(row.values.get("meeting")).strip()
            meeting_id, meeting_ref = None, ""
            if meeting_text and "meeting" not in row.formulas:
                found_meeting = meetings.get(_name_key(meeting_text))
                if found_meeting is None:
                    notes.append(f"no meeting has the reference {meeting_text!r}; left without a meeting")
                else:
                    meeting_id, meeting_ref = found_meeting
            values.setdefault("status", ActionStatus.OPEN)
            key = new_row_key(export_id, description) if description else ""
            new = NewActionPoint(
                key=key,
                description=description,
                organisation_id=org_id,
                organisation=org_text,
                person_id=person_id,
                person=person_text if person_id else "",
                meeting_id=meeting_id,
                meeting_reference=meeting_ref,
                status=values.get("status", ActionStatus.OPEN),
                due_date=values.get("due_date"),
                completion_note=values.get("completion_note", ""),
            )
            incoming.append(
                sync.IncomingRow(row.row, key, values, tuple(problems), new=True, data=(new, tuple(notes)))
            )

        keys = sorted({r.key for r in incoming if r.key and not r.key.startswith("=")})
        app_rows = {}
        columns = (
            ActionPoint.id,
            ActionPoint.uuid,
            ActionPoint.status,
            ActionPoint.due_date,
            ActionPoint.completion_note,
            ActionPoint.updated_at,
            ActionPoint.created_at,
            ActionPoint.description,
            sa.func.coalesce(Meeting.reference, "").label("meeting_reference"),
            sa.func.coalesce(_ORGANISATION_LABEL, "").label("organisation"),
        )
        base = (
            sa.select(*columns)
            .select_from(ActionPoint)
            .outerjoin(Meeting, Meeting.id == ActionPoint.meeting_id)
            .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
        )
        if len(keys) > 2_000:  # most of the table: one pass over it beats many look-ups
            wanted_keys = set(keys)
            for r in s.execute(base):
                if r.uuid in wanted_keys:
                    app_rows[r.uuid] = r
        else:
            for chunk in _chunks(keys, 500):
                for r in s.execute(base.where(ActionPoint.uuid.in_(chunk))):
                    app_rows[r.uuid] = r

        new_keys = {r.key for r in incoming if r.new and r.key}
        changes_after: dict[int, list] = defaultdict(list)
        if app_rows:
            wanted = {r.id for r in app_rows.values()}
            for change in s.execute(
                sa.select(
                    ActionPointChange.action_point_id,
                    ActionPointChange.field,
                    ActionPointChange.old_value,
                    ActionPointChange.changed_at,
                )
                .where(ActionPointChange.changed_at > exported_at)
                .order_by(ActionPointChange.changed_at, ActionPointChange.id)
            ):
                if change.action_point_id in wanted:
                    changes_after[change.action_point_id].append(change)

    records: dict[str, sync.AppRecord] = {}
    for key, r in app_rows.items():
        # A row an earlier import created from this tracker reflects the app as created.
        synced_at = r.created_at if key in new_keys else exported_at
        current = {"status": r.status, "due_date": r.due_date, "completion_note": r.completion_note or ""}
        later = [c for c in changes_after.get(r.id, ()) if c.changed_at > synced_at]
        baseline: dict[str, object] | None = dict(current)
        if r.updated_at > synced_at and not later:
            baseline = None  # changed without history (outside this app's services): judge on time
        else:
            seen = set()
            for change in later:
                if change.field in current and change.field not in seen:
                    seen.add(change.field)
                    try:
                        baseline[change.field] = _history_value(change.field, change.old_value)
                    except ValueError:
                        baseline = None
                        break
        records[key] = sync.AppRecord(values=current, updated_at=r.updated_at, baseline=baseline, synced_at=synced_at)

    decisions = sync.decide(
        incoming,
        records,
        exported_at=exported_at,
        fields=EDITABLE_FIELDS,
        was_exported=book.was_exported,
        equal=_same,
    )
    rows = []
    for decision in decisions:
        app = app_rows.get(decision.key)
        new, notes = decision.data if decision.data else (None, ())
        if app is not None:
            rows.append(
                ImportRow(
                    row=decision.row,
                    key=decision.key,
                    outcome=decision.outcome,
                    action_point_id=app.id,
                    description=app.description,
                    meeting_reference=app.meeting_reference,
                    organisation=app.organisation,
                    changes=decision.changes,
                    reasons=decision.reasons,
                )
            )
        else:
            rows.append(
                ImportRow(
                    row=decision.row,
                    key=decision.key,
                    outcome=decision.outcome,
                    description=new.description if new else "",
                    meeting_reference=new.meeting_reference if new else "",
                    organisation=new.organisation if new else "",
                    reasons=(*decision.reasons, *notes),
                    new=new if decision.outcome is sync.Outcome.NEW else None,
                )
            )
    return ActionImportPlan(
        path=path,
        export_id=export_id,
        exported_at=exported_at,
        rows=tuple(rows),
        counts=sync.counts(decisions),
    )


def _bulk_update(s: Session, updates: list[tuple[ImportRow, dict[str, object]]], file_name: str, stale: str) -> int:
    """Write the import's changes with one UPDATE per set of fields (executemany: the ORM would
    send one statement per row) and their history rows, after checking that the app's values
    are still those of the plan. Returns the number of fields written."""
    if not updates:
        return 0
    table = ActionPoint.__table__
    keys = [row.key for row, _ in updates]
    columns = (table.c.id, table.c.uuid, table.c.status, table.c.due_date, table.c.completion_note)
    current = {}
    if len(keys) > 2_000:
        wanted = set(keys)
        current = {r.uuid: r for r in s.execute(sa.select(*columns)) if r.uuid in wanted}
    else:
        for chunk in _chunks(keys, 500):
            current.update((r.uuid, r) for r in s.execute(sa.select(*columns).where(table.c.uuid.in_(chunk))))
    now = utcnow()
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    history = []
    for row, values in updates:
        app = current.get(row.key)
        if app is None:
            raise ValidationError(stale)
        planned = {c.field: c.app for c in row.changes}
        for name, value in values.items():
            old = getattr(app, name)
            if not _same(name, old, planned[name]):
                raise ValidationError(stale)
            history.append(
                {"action_point_id": app.id, **history_values(name, old, value, ChangeSource.IMPORT, file_name, now)}
            )
        fields = tuple(sorted(values))
        groups[fields].append({"row_id": app.id, **{f"new_{name}": value for name, value in values.items()}})
    for fields, params in groups.items():
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values(
                updated_at=now,
                **{name: sa.bindparam(f"new_{name}", type_=table.c[name].type) for name in fields},
            )
        )
        s.execute(statement, params)
    s.execute(sa.insert(ActionPointChange), history)
    return len(history)


def _history_value(field_name: str, text: str) -> object:
    if field_name == "status":
        return ActionStatus(text)
    if field_name == "due_date":
        return dt.date.fromisoformat(text) if text else None
    return text


def apply_action_import(
    db: Database,
    plan: ActionImportPlan,
    resolutions: Mapping[str, str] | None = None,
    *,
    skip_invalid: bool = False,
) -> ImportResult:
    """Apply a plan in one transaction. ``resolutions``: {key of a conflict row: "incoming" |
    "app"}; unresolved conflicts are skipped. Invalid rows and unknown keys refuse the whole
    import (nothing written) unless ``skip_invalid``. Refused too when the action points
    changed since the plan was made (preview again)."""
    try:
        resolutions = sync.check_resolutions(
            [sync.RowDecision(r.row, r.key, r.outcome) for r in plan.rows], resolutions
        )
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    errors = plan.errors
    if errors and not skip_invalid:
        first = errors[0]
        raise ValidationError(
            f"{len(errors)} row(s) of {plan.file_name} cannot be imported (row {first.row}: "
            f"{'; '.join(first.reasons)}); nothing was changed. Fix them in the file and import again."
        )

    updates: list[tuple[ImportRow, dict[str, object]]] = []
    conflicts_incoming = conflicts_app = conflicts_skipped = 0
    for row in plan.rows:
        if row.outcome is sync.Outcome.UPDATE:
            updates.append((row, {c.field: c.incoming for c in row.changes}))
        elif row.outcome is sync.Outcome.CONFLICT:
            choice = resolutions.get(row.key)
            if choice is None:
                conflicts_skipped += 1
                continue
            decision = sync.RowDecision(row.row, row.key, row.outcome, row.changes)
            values = decision.values_to_apply(choice)
            if choice == sync.INCOMING:
                conflicts_incoming += 1
            else:
                conflicts_app += 1
            if values:
                updates.append((row, values))
    new_rows = [r.new for r in plan.rows if r.outcome is sync.Outcome.NEW and r.new is not None]

    from ..files.keyed_workbook import paused_gc

    stale = f"The action points changed since {plan.file_name} was previewed; preview the import again."
    with db.session() as s, change_source(s, ChangeSource.IMPORT, plan.file_name), paused_gc():
        fields_changed = _bulk_update(s, updates, plan.file_name, stale)
        if new_rows:
            existing = set()
            for chunk in _chunks([n.key for n in new_rows], 500):
                existing.update(s.scalars(sa.select(ActionPoint.uuid).where(ActionPoint.uuid.in_(chunk))))
            if existing:
                raise ValidationError(stale)
            now = utcnow()
            for new in new_rows:  # through the ORM: the listener records their creation
                s.add(
                    ActionPoint(
                        uuid=new.key,
                        description=new.description,
                        meeting_id=new.meeting_id,
                        responsible_organisation_id=new.organisation_id,
                        responsible_person_id=new.person_id,
                        due_date=new.due_date,
                        status=new.status,
                        completion_note=new.completion_note,
                        created_at=now,
                        updated_at=now,
                    )
                )

    counts = plan.counts
    skipped = counts.get(sync.Outcome.DELETED, 0)
    if skip_invalid:
        skipped += len(errors)
    return ImportResult(
        updated=len(updates),
        fields_changed=fields_changed,
        created=len(new_rows),
        conflicts_incoming=conflicts_incoming,
        conflicts_app=conflicts_app,
        conflicts_skipped=conflicts_skipped,
        skipped=skipped,
        unchanged=counts.get(sync.Outcome.UNCHANGED, 0),
    )


__all__ = [
    "EDITABLE_FIELDS",
    "FIELD_LABELS",
    "LIST_FIELDS",
    "ORDER_KEYS",
    "STATUS_HELP",
    "UNSET",
    "ActionDashboard",
    "ActionImportPlan",
    "ActionPointDetail",
    "HistoryEntry",
    "ImportResult",
    "ImportRow",
    "NewActionPoint",
    "OrganisationActionFigures",
    "action_dashboard",
    "action_point_history",
    "apply_action_import",
    "count_action_points",
    "change_source",
    "create_action_point",
    "delete_action_point",
    "display_value",
    "export_rows",
    "find_meeting",
    "find_organisation",
    "get_action_point",
    "list_action_points",
    "new_row_key",
    "parse_action_status",
    "plan_action_import",
    "set_status_many",
    "update_action_point",
]
