"""Importing a work plan workbook that agencies filled in (the app's own export, sent back).

Two steps, so that the page can show a preview before anything is written:

    plan = plan_workplan_import(db, path)              # reads and checks everything; writes nothing
    for row in plan.rows: ...                          # outcome, changes (app value / workbook value), reasons
    result = apply_workplan_import(db, plan, {key: "incoming"})   # one transaction, or nothing

The rules are the action tracker's (``services.tracker_sync`` decides each row):
- rows are matched by the key column (the activity's UUID); group headings, subtotal and total
  rows (``#`` in the key column) are passed over;
- only the editable columns are read (status, progress %, progress note, the two markers and
  their justifications, budget required / available / spent); the rest is context;
- only what the agency changed is imported: each row's editable values as exported are kept in
  the workbook (very hidden ``_meta`` sheet) as the baseline, so an untouched cell never undoes an
  edit made in the app since the export (several agencies each return the whole plan);
- a value the agency changed that the app also changed since the export, to something else, is a
  **conflict**: the row is not applied unless the officer resolves it ("incoming": all its
  changes, "app": only those without a conflict); without the baseline, the tracker's time rule;
- bad statuses, bad numbers, formulas or error values where a value is expected, rows without a
  key (added in Excel), repeated keys, unknown keys, keys of another year's plan and values that
  break the rules (e.g. a fourth sentence in a justification) each give the row a reason, and
  then nothing at all is imported (all or nothing); a row whose activity was deleted since the
  export is listed and passed over;
- importing the same file again changes nothing; the app's own export imports back with no change.

Layout: 1. reading the workbook (``files.keyed_workbook.read_keyed_workbook`` with WORKPLAN_KIND,
then the editable cells parsed with the services' own parsers); 2. plan (the decisions of
``services.tracker_sync`` against the database, then the activity rules); 3. apply.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import ActivityStatus
from ..core.errors import FileRefused, ValidationError
from ..core.models import Activity, ResultsGroup, WorkPlan, utcnow
from ..core.timezone import format_wib
from ..services import tracker_sync as sync
from ..services import workplans as wp
from ..services.tracker_sync import APP, INCOMING, Outcome
from .keyed_workbook import KeyedWorkbook, read_keyed_workbook
from .safety import clean_text
from .workplan_xlsx import (
    COLUMNS,
    EDITABLE_COLUMNS,
    EXPORTED_VALUES_PREFIX,
    MARKER_PREFIX,
    WORKPLAN_KIND,
    canonical,
)
from .xlsx_reading import cell_text

EDITABLE_KEYS = tuple(c.key for c in EDITABLE_COLUMNS)
HEADERS = {c.key: c.header for c in COLUMNS}
#: What Excel shows in a cell whose formula failed; never a value to import.
EXCEL_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"})


# =========================================================================== 1. reading the workbook


@dataclass
class IncomingRow:
    """One activity row of the workbook: its editable values parsed (``values``), or the
    reasons it could not be (``problems``)."""

    row: int  # as Excel numbers it
    key: str
    code: str
    title: str
    values: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    exported: bool = True  # the key was written by this export (False: typed or pasted in)
    exported_values: dict[str, object] | None = None  # the editable values as exported, canonical


@dataclass
class WorkbookContent:
    path: Path
    year: int
    plan_uuid: str
    exported_at: dt.datetime  # aware UTC
    export_id: str
    rows: list[IncomingRow]
    skipped: int  # headings, subtotal and total rows passed over


def _text(value: object) -> str:
    """Text as typed (line breaks kept, Windows line ends made plain), control characters removed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return cell_text(value)


def _parse(key: str, value: object) -> object:
    """The value of an editable column; ValidationError (one sentence) when it is not one."""
    header = HEADERS[key]
    if key == "status":
        return wp.parse_status(value)
    if key == "progress_pct":
        return wp.parse_progress(value)
    if key in ("gender_marker", "human_rights_marker"):
        return wp.parse_marker(value, header)
    if key in ("budget_required", "budget_available", "budget_spent"):
        return wp.parse_money(value, header)
    return _text(value)


def _exported_values(text: str | None) -> dict[str, object] | None:
    if not text:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    return values if isinstance(values, dict) else None


def _incoming(book: KeyedWorkbook) -> tuple[list[IncomingRow], int]:
    out: list[IncomingRow] = []
    skipped = 0
    for source in book.rows:
        if source.key.startswith(MARKER_PREFIX):
            skipped += 1
            continue
        values = source.values
        row = IncomingRow(
            row=source.row,
            key=source.key,
            code=cell_text(values.get("code")),
            title=cell_text(values.get("title")),
        )
        out.append(row)
        if not source.key:
            row.problems.append("no key: rows added in Excel are not imported; add new activities in the app")
            continue
        row.exported = book.was_exported(source.key)
        row.exported_values = _exported_values(book.meta.get(EXPORTED_VALUES_PREFIX + source.key))
        for key in EDITABLE_KEYS:
            value = values.get(key)
            header = HEADERS[key]
            if key in source.formulas:
                row.problems.append(f"{header}: a formula ({cell_text(value)}) where a value is expected; type the value")
                continue
            if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
                row.problems.append(f"{header}: an error value ({value.strip()}) where a value is expected")
                continue
            try:
                row.values[key] = _parse(key, value)
            except ValidationError as exc:
                row.problems.append(str(exc).rstrip("."))
    return out, skipped


def read_workplan_workbook(path: str | Path) -> WorkbookContent:
    """Every activity row of a work plan workbook, parsed; FileRefused for a file that is not one
    (another kind of workbook, a damaged one, one from a newer version, one with lost columns)."""
    book = read_keyed_workbook(path, WORKPLAN_KIND)
    try:
        year = int(book.meta.get("year", ""))
    except ValueError:
        raise FileRefused(f"{book.path.name} does not say which year's work plan it holds.") from None
    rows, skipped = _incoming(book)
    return WorkbookContent(
        book.path, year, book.meta.get("plan_uuid", ""), book.exported_at, book.export_id, rows, skipped
    )


# =========================================================================== 2. the plan


def display_value(value: object) -> str:
    """A value as the preview shows it: a status by its label, amounts with thousands separators."""
    if value is None:
        return ""
    if isinstance(value, ActivityStatus):
        return value.label
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def describe_change(change: sync.FieldChange) -> str:
    """``Progress %: 40 -> 60`` (``(empty)`` for nothing), flagged when it conflicts."""
    text = f"{HEADERS[change.field]}: {display_value(change.app) or '(empty)'} -> {display_value(change.incoming) or '(empty)'}"
    return text + (" (changed in the app too)" if change.conflict else "")


def _same(key: str, a: object, b: object) -> bool:
    return canonical(key, a) == canonical(key, b)


@dataclass(frozen=True)
class WorkplanImportRow:
    row: int  # the row in the workbook
    key: str
    outcome: Outcome
    activity_id: int | None = None
    code: str = ""  # the app's code when the activity exists, else the workbook's
    title: str = ""
    changes: tuple[sync.FieldChange, ...] = ()
    reasons: tuple[str, ...] = ()
    app_updated_at: dt.datetime | None = None

    @property
    def conflicts(self) -> tuple[sync.FieldChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    @property
    def blocking(self) -> bool:
        return self.outcome in sync.BLOCKING

    def describe(self, *, dry_run: bool = False) -> str:
        """One line for people (and the command line)."""
        who = f"row {self.row}" + (f" {self.code}" if self.code else "")
        if self.outcome is Outcome.CONFLICT:
            when = format_wib(self.app_updated_at) if self.app_updated_at else "after the export"
            return (
                f"{who}: conflict, changed in the app ({when}) after the workbook was exported; not applied: "
                + "; ".join(describe_change(c) for c in self.changes)
            )
        if self.outcome is Outcome.UPDATE:
            verb = "would change" if dry_run else "changes"
            return f"{who}: {verb} " + "; ".join(describe_change(c) for c in self.changes)
        if self.reasons:
            return f"{who}: {'; '.join(self.reasons)}."
        return f"{who}: {self.outcome.label.lower()}"


@dataclass(frozen=True)
class WorkplanImportPlan:
    """What importing a work plan workbook would do; nothing written yet."""

    path: Path
    year: int
    export_id: str
    exported_at: dt.datetime  # aware UTC
    rows: tuple[WorkplanImportRow, ...]
    counts: Mapping[Outcome, int]
    skipped_lines: int  # group headings, subtotal and total rows passed over
    #: key -> parsed editable values, and -> the values as exported (the baseline), for apply
    incoming: Mapping[str, Mapping[str, object]] = field(repr=False, default_factory=dict)
    baselines: Mapping[str, Mapping[str, object] | None] = field(repr=False, default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.path.name

    def of(self, *outcomes: Outcome) -> list[WorkplanImportRow]:
        return [r for r in self.rows if r.outcome in outcomes]

    @property
    def conflicts(self) -> list[WorkplanImportRow]:
        return self.of(Outcome.CONFLICT)

    @property
    def errors(self) -> list[WorkplanImportRow]:
        """Rows that stop the import: invalid values, unknown keys."""
        return [r for r in self.rows if r.blocking]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_work(self) -> bool:
        return any(r.outcome in (Outcome.UPDATE, Outcome.CONFLICT) for r in self.rows)

    @property
    def summary(self) -> str:
        """``3 to change, 1 conflict(s), 1 unchanged, 0 with problems`` (deleted ones when any)."""
        c = self.counts
        text = (
            f"{c.get(Outcome.UPDATE, 0)} to change, {c.get(Outcome.CONFLICT, 0)} conflict(s), "
            f"{c.get(Outcome.UNCHANGED, 0)} unchanged"
        )
        if c.get(Outcome.DELETED, 0):
            text += f", {c[Outcome.DELETED]} deleted since the export"
        return text + f", {len(self.errors)} with problems"


#: Fields read from the database for each activity: the editable ones and what the checks need.
_CURRENT = (
    "id",
    "uuid",
    "updated_at",
    "title",
    "code",
    "lead_agency_id",
    "start_date",
    "end_date",
    *EDITABLE_KEYS,
)


def _current_values(session, keys: list[str]) -> dict[str, dict[str, object]]:
    """uuid -> {field: value, "year": plan year, "results_group": number} for the keys that exist."""
    columns = [getattr(Activity, name) for name in _CURRENT]
    out: dict[str, dict[str, object]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for row in session.execute(
            sa.select(*columns, WorkPlan.year, ResultsGroup.number)
            .join(WorkPlan, WorkPlan.id == Activity.work_plan_id)
            .join(ResultsGroup, ResultsGroup.id == Activity.results_group_id)
            .where(Activity.uuid.in_(chunk))
        ):
            values = dict(zip(_CURRENT, row[: len(_CURRENT)], strict=True))
            values["year"], values["results_group"] = row[-2], row[-1]
            out[values["uuid"]] = values
    return out


def _check_rules(current: Mapping[str, object], changes: Mapping[str, object]) -> str | None:
    """The first rule the activity would break with the incoming values, or None."""
    data = wp.ActivityData(
        **{k: current[k] for k in ("title", "code", "lead_agency_id", "start_date", "end_date", "results_group")},
        **{k: changes.get(k, current[k]) for k in EDITABLE_KEYS},
    )
    try:
        wp.normalise_activity(data)
    except ValidationError as exc:
        return str(exc).rstrip(".")
    return None


def _decide(session, rows: list[IncomingRow], year: int, exported_at: dt.datetime) -> list[WorkplanImportRow]:
    """The decisions of tracker_sync for the rows, then the activity rules on what would change."""
    current = _current_values(session, [r.key for r in rows if r.key])
    incoming: list[sync.IncomingRow] = []
    records: dict[str, sync.AppRecord] = {}
    exported = {r.key: r.exported for r in rows if r.key}
    for row in rows:
        problems = list(row.problems)
        app = current.get(row.key) if row.key else None
        if app is not None and app["year"] != year and not problems:
            problems.append(f"the activity belongs to the {app['year']} work plan, not {year}")
        incoming.append(sync.IncomingRow(row.row, row.key, row.values, tuple(problems), data=row))
        if app is not None:
            records[row.key] = sync.AppRecord(
                values={k: app[k] for k in EDITABLE_KEYS}, updated_at=app["updated_at"], baseline=row.exported_values
            )
    decisions = sync.decide(
        incoming,
        records,
        exported_at=exported_at,
        fields=EDITABLE_KEYS,
        was_exported=lambda key: exported.get(key, False),
        equal=_same,
    )
    out = []
    for decision in decisions:
        row: IncomingRow = decision.data
        app = current.get(decision.key) if decision.key else None
        outcome, reasons = decision.outcome, decision.reasons
        if outcome is Outcome.DELETED:
            reasons = ("deleted in the app since the workbook was exported; not imported",)
        elif outcome is Outcome.UNKNOWN_KEY:
            reasons = ("unknown key: no such activity (the key was typed or pasted in, or the workbook comes "
                       "from another database)",)
        elif outcome is Outcome.NEW:  # not reached: rows without a key are problems
            outcome, reasons = Outcome.INVALID, ("no key",)
        if outcome in (Outcome.UPDATE, Outcome.CONFLICT):
            broken = _check_rules(app, {c.field: c.incoming for c in decision.changes})
            if broken:
                outcome, reasons = Outcome.INVALID, (broken,)
        out.append(
            WorkplanImportRow(
                row=decision.row,
                key=decision.key,
                outcome=outcome,
                activity_id=app["id"] if app else None,
                code=app["code"] if app else row.code,
                title=app["title"] if app else row.title,
                changes=decision.changes if outcome in (Outcome.UPDATE, Outcome.CONFLICT) else (),
                reasons=tuple(reasons),
                app_updated_at=app["updated_at"] if app else None,
            )
        )
    return out


def plan_workplan_import(db: Database, path: str | Path) -> WorkplanImportPlan:
    """Read and check the workbook against the database; writes nothing."""
    content = read_workplan_workbook(path)
    with db.session() as s:
        plan = s.scalar(sa.select(WorkPlan).where(WorkPlan.year == content.year))
        if plan is None:
            raise FileRefused(f"{content.path.name} holds the {content.year} work plan, which is not in this database.")
        if content.plan_uuid and content.plan_uuid != plan.uuid:
            raise FileRefused(
                f"{content.path.name} was exported from another {content.year} work plan (another database, or a "
                "plan deleted since); nothing was imported."
            )
        rows = _decide(s, content.rows, content.year, content.exported_at)
    counts = dict.fromkeys(Outcome, 0)
    for row in rows:
        counts[row.outcome] += 1
    return WorkplanImportPlan(
        path=content.path,
        year=content.year,
        export_id=content.export_id,
        exported_at=content.exported_at,
        rows=tuple(rows),
        counts=counts,
        skipped_lines=content.skipped,
        incoming={r.key: dict(r.values) for r in content.rows if r.key and not r.problems},
        baselines={r.key: r.exported_values for r in content.rows if r.key and not r.problems},
    )


# =========================================================================== 3. apply


@dataclass(frozen=True)
class WorkplanImportResult:
    updated: int  # activities changed (resolved conflicts included)
    fields_changed: int
    conflicts_incoming: int  # conflicts resolved with the workbook's values
    conflicts_app: int  # conflicts resolved with the app's values (their other changes applied)
    conflicts_skipped: int  # conflicts left unresolved: nothing of them applied
    skipped: int  # rows deleted since the export (and invalid ones, with skip_invalid)
    unchanged: int


def apply_workplan_import(
    db: Database,
    plan: WorkplanImportPlan,
    resolutions: Mapping[str, str] | None = None,
    *,
    skip_invalid: bool = False,
) -> WorkplanImportResult:
    """Write the plan in one transaction. ``resolutions``: {key of a conflict row: "incoming" |
    "app"}; unresolved conflicts are skipped. Rows with problems refuse the whole import
    (nothing written) unless ``skip_invalid``. The rows are decided again against the database
    as it is now: an edit made in the app after the preview is never overwritten unasked (its
    row becomes a conflict, skipped unless resolved)."""
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
            f"{plan.file_name} has {len(errors)} row(s) with problems (row {first.row}: {'; '.join(first.reasons)}); "
            "nothing was imported. Correct them and import again."
        )
    blocked = {r.key for r in errors}
    rows = [
        IncomingRow(r.row, r.key, r.code, r.title, values=dict(plan.incoming.get(r.key, {})),
                    exported_values=plan.baselines.get(r.key))
        for r in plan.rows
        if r.key and r.key not in blocked and r.key in plan.incoming
    ]
    updated = fields_changed = taken = kept = unresolved = unchanged = 0
    skipped = plan.counts.get(Outcome.DELETED, 0) + (len(errors) if skip_invalid else 0)
    with db.session() as s:
        now = utcnow()
        writes: list[tuple[int, dict[str, object]]] = []
        for decision in _decide(s, rows, plan.year, plan.exported_at):
            if decision.outcome is Outcome.UNCHANGED:
                unchanged += 1
                continue
            if decision.outcome is Outcome.DELETED:
                continue  # deleted after the preview too: nothing to write
            if decision.blocking:
                raise ValidationError(
                    f"The work plan changed since {plan.file_name} was previewed ({decision.describe()}) "
                    "Nothing was imported; preview the import again."
                )
            if decision.outcome is Outcome.UPDATE:
                values = {c.field: c.incoming for c in decision.changes}
            else:
                choice = resolutions.get(decision.key)
                if choice is None:
                    unresolved += 1
                    continue
                if choice == INCOMING:
                    taken += 1
                else:
                    kept += 1
                values = sync.RowDecision(decision.row, decision.key, decision.outcome, decision.changes).values_to_apply(
                    choice
                )
            if values:
                writes.append((decision.activity_id, values))
        for activity_id, values in writes:
            activity = s.get(Activity, activity_id)
            for name, value in values.items():
                setattr(activity, name, value)
                fields_changed += 1
            activity.updated_at = now
            updated += 1
    return WorkplanImportResult(updated, fields_changed, taken, kept, unresolved, skipped, unchanged)


__all__ = [
    "APP",
    "EDITABLE_KEYS",
    "INCOMING",
    "IncomingRow",
    "Outcome",
    "WorkbookContent",
    "WorkplanImportPlan",
    "WorkplanImportResult",
    "WorkplanImportRow",
    "apply_workplan_import",
    "describe_change",
    "display_value",
    "plan_workplan_import",
    "read_workplan_workbook",
]
