"""The history of every action point, recorded whoever changes it. No Qt.

One session listener (:func:`_record_changes`, registered when the models load) writes
ActionPointChange rows for every change to an ActionPoint: for each tracked field that changed,
the old and new value as text, the time, and the source — ``APP``, or ``IMPORT`` with the
tracker's file name (set with :func:`change_source`). Creating an action point writes one row
with field ``"created"``. Callers never write history themselves, so an edit made by any service
(services.action_points, services.minutes) in any process is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..enums import ChangeSource, LabelledEnum
from .base import utcnow
from .contacts import Organisation, Person
from .history import ActionPointChange
from .meetings import ActionPoint, AgendaItem, Meeting

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


__all__ = ["change_source", "history_text", "history_values"]
