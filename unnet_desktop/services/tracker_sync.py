"""What an edited tracker does to the records it was exported from, decided row by row.

Generic: nothing here knows about action points (the work-plan tracker uses it too). The caller
reads the workbook (files/keyed_workbook.py), parses each row's editable values (reporting
bad ones as ``problems``), looks up the records by key and hands both here; :func:`decide`
says for each row: unchanged, update, conflict, new, unknown key, deleted since the export,
or invalid, and which fields change from what to what.

The rule for a conflict. The tracker's values were the app's values at ``synced_at`` (the
export time; for a row the reader added and an earlier import created, the time of that
creation). For each editable field:

* the incoming value equals the app's current value: nothing to do;
* the app's value at ``synced_at`` (``baseline``) is known and the incoming value equals it:
  the field office did not touch the field: nothing to do (the app's later change stands);
* the app changed the field since ``synced_at`` (with a baseline: the current value differs
  from it; without one: the record's ``updated_at`` is later than ``synced_at``): both sides
  changed it differently: a **conflict**, applied only when the officer resolves it;
* otherwise the incoming value is applied.

A row with a conflict in any field is a conflict row: nothing of it is applied unless it is
resolved — ``"incoming"`` applies all its changes, ``"app"`` applies only the fields without a
conflict.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..core.enums import LabelledEnum

#: Resolutions of a conflict row.
INCOMING = "incoming"
APP = "app"
RESOLUTIONS = (INCOMING, APP)


class Outcome(LabelledEnum):
    """What a tracker row does. Not stored: a value of an import plan."""

    UNCHANGED = ("unchanged", "Unchanged")
    UPDATE = ("update", "Update")
    CONFLICT = ("conflict", "Conflict")
    NEW = ("new", "New")
    UNKNOWN_KEY = ("unknown_key", "Unknown key")
    DELETED = ("deleted", "Deleted since the export")
    INVALID = ("invalid", "Invalid")


#: Outcomes that stop an all-or-nothing import unless the caller chooses to skip them.
BLOCKING = frozenset({Outcome.INVALID, Outcome.UNKNOWN_KEY})


@dataclass(frozen=True, slots=True)
class AppRecord:
    """A record as the app has it now: its editable values, when it last changed, and (when
    known) its values when the tracker was made."""

    values: Mapping[str, object]
    updated_at: dt.datetime
    baseline: Mapping[str, object] | None = None
    synced_at: dt.datetime | None = None  # default: the export time


@dataclass(frozen=True, slots=True)
class IncomingRow:
    """One row of the tracker: its key and its parsed editable values (only the fields the file
    has). ``problems``: why a value could not be read (the row is then invalid). ``new``: a row
    the reader added; its key is derived from its content, so that a second import finds the
    record the first one created."""

    row: int
    key: str
    values: Mapping[str, object]
    problems: tuple[str, ...] = ()
    new: bool = False
    data: object = None  # passed through to the decision


@dataclass(frozen=True)
class FieldChange:
    field: str
    app: object  # the app's current value
    incoming: object  # the tracker's value
    conflict: bool = False  # the app changed it too since the export


@dataclass(frozen=True, slots=True)
class RowDecision:
    row: int
    key: str
    outcome: Outcome
    changes: tuple[FieldChange, ...] = ()
    reasons: tuple[str, ...] = ()
    data: object = None

    @property
    def conflicts(self) -> tuple[FieldChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    def values_to_apply(self, resolution: str | None = None) -> dict[str, object]:
        """The fields to write and their new values: all changes of an update; of a conflict
        row nothing unless resolved (``"incoming"``: all, ``"app"``: those without a conflict)."""
        if self.outcome is Outcome.UPDATE:
            return {c.field: c.incoming for c in self.changes}
        if self.outcome is Outcome.CONFLICT:
            if resolution == INCOMING:
                return {c.field: c.incoming for c in self.changes}
            if resolution == APP:
                return {c.field: c.incoming for c in self.changes if not c.conflict}
        return {}


def decide(
    rows: Iterable[IncomingRow],
    records: Mapping[str, AppRecord],
    *,
    exported_at: dt.datetime,
    fields: Sequence[str],
    was_exported: Callable[[str], bool] = lambda key: False,
    equal: Callable[[str, object, object], bool] | None = None,
) -> list[RowDecision]:
    """One decision per row, in the rows' order. ``records``: the app's records by key (those
    of the rows' keys that exist). ``was_exported(key)``: whether the workbook was written with
    that key (a missing record is then "deleted since the export", else "unknown key").
    ``equal(field, a, b)``: value equality (default ``==``)."""
    rows = list(rows)
    same = equal or (lambda _field, a, b: a == b)
    seen: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row.key:
            seen[row.key].append(row.row)

    decisions = []
    for row in rows:
        if row.problems:
            decisions.append(RowDecision(row.row, row.key, Outcome.INVALID, reasons=row.problems, data=row.data))
            continue
        if row.key and len(seen[row.key]) > 1:
            others = ", ".join(str(r) for r in seen[row.key] if r != row.row)
            if row.new:
                reason = f"the same new row (same description) is also in row {others}; keep one of them"
            else:
                reason = f"the same key is also in row {others} (a copied row?); keep one of them"
            decisions.append(RowDecision(row.row, row.key, Outcome.INVALID, reasons=(reason,), data=row.data))
            continue
        record = records.get(row.key) if row.key else None
        if record is None:
            if row.new or not row.key:
                decisions.append(RowDecision(row.row, row.key, Outcome.NEW, data=row.data))
            elif was_exported(row.key):
                decisions.append(
                    RowDecision(
                        row.row,
                        row.key,
                        Outcome.DELETED,
                        reasons=("deleted in the app since the tracker was exported; not imported",),
                        data=row.data,
                    )
                )
            else:
                decisions.append(
                    RowDecision(
                        row.row,
                        row.key,
                        Outcome.UNKNOWN_KEY,
                        reasons=(
                            "its key is not one this database gave out (the hidden key column was "
                            "changed, or the tracker comes from another database)",
                        ),
                        data=row.data,
                    )
                )
            continue

        synced_at = record.synced_at or exported_at
        changes = []
        for name in fields:
            if name not in row.values:
                continue
            incoming = row.values[name]
            current = record.values.get(name)
            if same(name, incoming, current):
                continue
            if record.baseline is not None and name in record.baseline:
                before = record.baseline[name]
                if same(name, incoming, before):
                    continue  # the tracker left it as exported; the app's change stands
                conflict = not same(name, current, before)
            else:
                conflict = record.updated_at > synced_at
            changes.append(FieldChange(name, current, incoming, conflict))
        if not changes:
            outcome = Outcome.UNCHANGED
        elif any(c.conflict for c in changes):
            outcome = Outcome.CONFLICT
        else:
            outcome = Outcome.UPDATE
        decisions.append(RowDecision(row.row, row.key, outcome, tuple(changes), data=row.data))
    return decisions


def counts(decisions: Iterable[RowDecision]) -> dict[Outcome, int]:
    """How many rows of each outcome (every outcome present, zero included)."""
    out = dict.fromkeys(Outcome, 0)
    for decision in decisions:
        out[decision.outcome] += 1
    return out


def check_resolutions(
    decisions: Iterable[RowDecision], resolutions: Mapping[str, str] | None
) -> dict[str, str]:
    """The resolutions, checked: each names a conflict row's key and says ``"incoming"`` or
    ``"app"``. ValueError with one sentence otherwise."""
    resolutions = dict(resolutions or {})
    conflict_keys = {d.key for d in decisions if d.outcome is Outcome.CONFLICT}
    for key, choice in resolutions.items():
        if key not in conflict_keys:
            raise ValueError(f"{key} is not the key of a conflict in this import.")
        if choice not in RESOLUTIONS:
            raise ValueError(f"A conflict is resolved with 'incoming' or 'app', not {choice!r}.")
    return resolutions


__all__ = [
    "APP",
    "BLOCKING",
    "INCOMING",
    "RESOLUTIONS",
    "AppRecord",
    "FieldChange",
    "IncomingRow",
    "Outcome",
    "RowDecision",
    "check_resolutions",
    "counts",
    "decide",
]
