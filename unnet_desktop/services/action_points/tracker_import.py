"""Importing a returned tracker, the pieces: what a plan and its rows hold, the keys of rows a
field office added, and reading one tracker row's values. Planning is in tracker_plan.py,
applying in tracker_apply.py."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from ...core.enums import ActionStatus
from .. import tracker_sync as sync
from .changes import _name_key
from .statuses import STATUS_HELP, parse_action_status

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
    from ...files.safety import set_text_cell

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


def _history_value(field_name: str, text: str) -> object:
    if field_name == "status":
        return ActionStatus(text)
    if field_name == "due_date":
        return dt.date.fromisoformat(text) if text else None
    return text


__all__ = [
    "ActionImportPlan",
    "ImportResult",
    "ImportRow",
    "NewActionPoint",
    "as_exported_text",
    "display_value",
    "new_row_key",
]
