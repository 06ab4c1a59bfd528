"""Applying a tracker import plan in one transaction, with the officer's choice per conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import ChangeSource
from ...core.errors import ValidationError
from ...core.gc_pause import paused_gc
from ...core.models import ActionPoint, ActionPointChange, utcnow
from ...core.models.history_tracking import change_source, history_values
from .. import tracker_sync as sync
from .queries import _chunks
from .tracker_import import ActionImportPlan, ImportResult, ImportRow, _same


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


__all__ = ["apply_action_import"]
