"""Planning a tracker import: read the tracker and decide, row by row, what importing it would
do (services/tracker_sync.py). Nothing is written. Rows the field office added (no key) get a key
derived from the tracker's export id and their description, so a second import of the same file
finds the action point the first one created instead of creating it twice."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import ActionStatus
from ...core.gc_pause import paused_gc
from ...core.models import ActionPoint, ActionPointChange, Meeting, Organisation, Person
from .. import tracker_sync as sync
from .changes import EDITABLE_FIELDS, _name_key, _OrganisationIndex
from .queries import _ORGANISATION_LABEL, _chunks
from .tracker_import import (
    ActionImportPlan,
    ImportRow,
    NewActionPoint,
    _cell_text,
    _history_value,
    _parse_row,
    _same,
    new_row_key,
)


def plan_action_import(db: Database, path: str | Path) -> ActionImportPlan:
    """Read a tracker and decide what importing it would do, row by row. Writes nothing.
    FileRefused when the file is not an action-point tracker (or cannot be read)."""

    with paused_gc():
        return _plan_action_import(db, Path(path))


def _plan_action_import(db: Database, path: Path) -> ActionImportPlan:
    from ...files.action_tracker import read_action_tracker
    from ...files.keyed_workbook import parse_date

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


__all__ = ["plan_action_import"]
