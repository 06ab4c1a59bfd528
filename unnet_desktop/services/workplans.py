"""Annual work plans and their activities (UN INFO sub-outputs): the rules, the totals, the overview.

No Qt. Every public function opens one session (one user action) and returns plain frozen
dataclasses; the ``_functions`` taking a session are reused by the Excel import so that it
validates and applies with exactly the same rules.

Rules kept here:
- one plan per year; a plan is a draft or endorsed, and endorsing needs the date (not in the
  future, plan not empty); back to draft clears the date;
- an activity's code is proposed as ``RG<results group>.<n>`` (n = one more than the highest
  n of that group's codes in the plan), may be edited, and is unique in the plan (case-insensitive);
- one lead agency (never also listed as participating), dates in order, progress 0-100,
  markers 0-3 each with a justification of at most three sentences, budgets in USD to the cent,
  never negative;
- totals (required, available, spent, funding gap = required - available, negative when an
  activity or group is over-funded) are summed in SQL, in cents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from ..core.database import Database
from ..core.enums import ActivityStatus, WorkPlanStatus
from ..core.errors import ValidationError
from ..core.models import (
    Activity,
    GcmObjective,
    Organisation,
    ResultsGroup,
    WorkPlan,
    activity_implementing_partners,
    activity_objectives,
    activity_participating_agencies,
    utcnow,
)
from ..core.timezone import to_wib

MIN_YEAR, MAX_YEAR = 2000, 2100
CODE_MAX = 20
TITLE_MAX = 300
LOCATION_MAX = 500
JUSTIFICATION_MAX_SENTENCES = 3
JUSTIFICATION_MAX_CHARS = 1000
#: No single activity is planned above this (USD); keeps sums far from SQLite's integer limit.
MONEY_MAX = Decimal("1000000000000")
CENT = Decimal("0.01")
#: Statuses of an activity that is over: not carried to the next year's plan.
FINISHED_STATUSES = (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)
#: Status words understood besides the English labels and stored values (Bahasa Indonesia).
STATUS_SYNONYMS: dict[str, ActivityStatus] = {
    "belum dimulai": ActivityStatus.NOT_STARTED,
    "belum": ActivityStatus.NOT_STARTED,
    "sesuai jadwal": ActivityStatus.ON_TRACK,
    "berjalan": ActivityStatus.ON_TRACK,
    "dalam proses": ActivityStatus.ON_TRACK,
    "terlambat": ActivityStatus.DELAYED,
    "tertunda": ActivityStatus.DELAYED,
    "selesai": ActivityStatus.COMPLETED,
    "dibatalkan": ActivityStatus.CANCELLED,
    "batal": ActivityStatus.CANCELLED,
}
NO_LEAD_LABEL = "No lead agency"


def _today_wib() -> dt.date:
    return to_wib(dt.datetime.now(dt.timezone.utc)).date()


def default_plan_title(year: int) -> str:
    return f"UN Network on Migration in Indonesia: work plan {year}"


# --------------------------------------------------------------------------- values and their checks


def parse_status(value: object) -> ActivityStatus:
    """An activity status from its value, English label or Bahasa Indonesia word (any case)."""
    if isinstance(value, ActivityStatus):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        raise ValidationError("The status is missing; choose one of: " + _status_labels() + ".")
    try:
        return ActivityStatus.from_value(text)
    except ValueError:
        pass
    found = STATUS_SYNONYMS.get(" ".join(text.casefold().split()))
    if found is None:
        raise ValidationError(f"{text!r} is not a status; use one of: {_status_labels()}.")
    return found


def _status_labels() -> str:
    return ", ".join(s.label for s in ActivityStatus)


def parse_money(value: object, label: str) -> Decimal | None:
    """US dollars to the cent from a number or text such as ``12,500.50`` or ``USD 12500``;
    None for empty. Refuses negatives, fractions of a cent and absurd amounts."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be an amount in US dollars, not {value!r}.")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = str(value).strip().replace(",", "").replace(" ", "")
        for prefix in ("USD", "US$", "$"):
            if text.upper().startswith(prefix):
                text = text[len(prefix) :]
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                f"{label} must be an amount in US dollars such as 12500 or 12500.50, not {str(value)!r}."
            ) from None
    if not amount.is_finite():
        raise ValidationError(f"{label} must be an amount in US dollars, not {str(value)!r}.")
    if amount < 0:
        raise ValidationError(f"{label} cannot be negative ({amount:,}).")
    if amount != amount.quantize(CENT):
        raise ValidationError(f"{label} cannot have fractions of a cent ({amount}).")
    if amount > MONEY_MAX:
        raise ValidationError(f"{label} is too large ({amount:,.2f} USD).")
    return amount.quantize(CENT)


def parse_whole_number(value: object, label: str, low: int, high: int, *, allow_empty: bool) -> int | None:
    """A whole number between ``low`` and ``high`` from an int, a whole float or text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise ValidationError(f"{label} is missing; give a whole number from {low} to {high}.")
    if isinstance(value, bool):
        raise ValidationError(f"{label} must be a whole number from {low} to {high}, not {value!r}.")
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        if value == int(value):
            number = int(value)
    else:
        text = str(value).strip().removesuffix("%").strip()
        try:
            parsed = Decimal(text)
        except InvalidOperation:
            parsed = None
        if parsed is not None and parsed.is_finite() and parsed == parsed.to_integral_value():
            number = int(parsed)
    if number is None or not low <= number <= high:
        raise ValidationError(f"{label} must be a whole number from {low} to {high}, not {str(value)!r}.")
    return number


def parse_progress(value: object) -> int:
    return parse_whole_number(value, "Progress %", 0, 100, allow_empty=False)


def parse_marker(value: object, label: str) -> int | None:
    return parse_whole_number(value, label, 0, 3, allow_empty=True)


# A sentence ends at . ! or ? followed by the end of the text or by a space and a capital,
# digit or opening quote: "e.g. the" and "5.5 million" do not end one.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s*$|\s+[\"'(\[]?[A-Z0-9À-Þ])")


def count_sentences(text: str) -> int:
    text = (text or "").strip()
    if not text:
        return 0
    ends = _SENTENCE_END.findall(text)
    trailing = 0 if re.search(r"[.!?][\"')\]]*$", text) else 1
    return len(ends) + trailing


def check_justification(text: str, label: str) -> str:
    text = (text or "").strip()
    if len(text) > JUSTIFICATION_MAX_CHARS:
        raise ValidationError(f"{label} is too long: at most {JUSTIFICATION_MAX_CHARS} characters.")
    sentences = count_sentences(text)
    if sentences > JUSTIFICATION_MAX_SENTENCES:
        raise ValidationError(
            f"{label} has {sentences} sentences; a marker justification has at most "
            f"{JUSTIFICATION_MAX_SENTENCES}."
        )
    return text


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class WorkPlanInfo:
    id: int
    uuid: str
    year: int
    title: str
    status: WorkPlanStatus
    endorsed_on: dt.date | None
    activity_count: int
    updated_at: dt.datetime

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def summary(self) -> str:
        """``Endorsed on 12 Feb 2026 · 14 activities`` or ``Draft · 3 activities``."""
        state = (
            f"Endorsed on {self.endorsed_on:%d %b %Y}"
            if self.status is WorkPlanStatus.ENDORSED and self.endorsed_on
            else self.status.label
        )
        noun = "activity" if self.activity_count == 1 else "activities"
        return f"{state} · {self.activity_count} {noun}"


def _check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"The year of a work plan must be between {MIN_YEAR} and {MAX_YEAR}, not {year!r}.")
    return year


def _plan(session: Session, year: int) -> WorkPlan:
    plan = session.scalar(sa.select(WorkPlan).where(WorkPlan.year == year))
    if plan is None:
        raise ValidationError(f"There is no work plan for {year}.")
    return plan


def _plan_info(session: Session, plan: WorkPlan) -> WorkPlanInfo:
    count = session.scalar(
        sa.select(sa.func.count()).select_from(Activity).where(Activity.work_plan_id == plan.id)
    )
    return WorkPlanInfo(
        id=plan.id,
        uuid=plan.uuid,
        year=plan.year,
        title=plan.title,
        status=plan.status,
        endorsed_on=plan.endorsed_on,
        activity_count=count or 0,
        updated_at=plan.updated_at,
    )


def list_work_plans(db: Database) -> list[WorkPlanInfo]:
    """Every plan, most recent year first."""
    counts = (
        sa.select(Activity.work_plan_id, sa.func.count().label("n")).group_by(Activity.work_plan_id).subquery()
    )
    with db.session() as s:
        rows = s.execute(
            sa.select(WorkPlan, sa.func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.work_plan_id == WorkPlan.id)
            .order_by(WorkPlan.year.desc())
        ).all()
        return [
            WorkPlanInfo(
                id=p.id,
                uuid=p.uuid,
                year=p.year,
                title=p.title,
                status=p.status,
                endorsed_on=p.endorsed_on,
                activity_count=n,
                updated_at=p.updated_at,
            )
            for p, n in rows
        ]


def get_work_plan(db: Database, year: int) -> WorkPlanInfo | None:
    with db.session() as s:
        plan = s.scalar(sa.select(WorkPlan).where(WorkPlan.year == year))
        return None if plan is None else _plan_info(s, plan)


def create_work_plan(db: Database, year: int, title: str = "") -> WorkPlanInfo:
    """A new draft plan for ``year``; refused when that year has one already."""
    _check_year(year)
    title = _check_title(title or default_plan_title(year), "The title of the work plan")
    with db.session() as s:
        if s.scalar(sa.select(WorkPlan.id).where(WorkPlan.year == year)) is not None:
            raise ValidationError(f"There is already a work plan for {year}.")
        plan = WorkPlan(year=year, title=title, status=WorkPlanStatus.DRAFT)
        s.add(plan)
        s.flush()
        return _plan_info(s, plan)


def rename_work_plan(db: Database, year: int, title: str) -> WorkPlanInfo:
    title = _check_title(title, "The title of the work plan")
    with db.session() as s:
        plan = _plan(s, year)
        if plan.title != title:
            plan.title = title
            s.flush()
        return _plan_info(s, plan)


def set_plan_status(
    db: Database,
    year: int,
    status: WorkPlanStatus | str,
    endorsed_on: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> WorkPlanInfo:
    """Endorse a plan (with the date it was endorsed) or put it back to draft (the date cleared)."""
    try:
        status = WorkPlanStatus.from_value(status)
    except ValueError:
        raise ValidationError(f"{status!r} is not a work plan status; use Draft or Endorsed.") from None
    today = today or _today_wib()
    with db.session() as s:
        plan = _plan(s, year)
        if status is WorkPlanStatus.ENDORSED:
            if endorsed_on is None:
                raise ValidationError(f"Endorsing the {year} work plan needs the date it was endorsed.")
            if endorsed_on > today:
                raise ValidationError(f"The endorsement date {endorsed_on:%d %b %Y} is in the future.")
            count = s.scalar(
                sa.select(sa.func.count()).select_from(Activity).where(Activity.work_plan_id == plan.id)
            )
            if not count:
                raise ValidationError(f"The {year} work plan has no activities; add them before endorsing it.")
            plan.status, plan.endorsed_on = WorkPlanStatus.ENDORSED, endorsed_on
        else:
            plan.status, plan.endorsed_on = WorkPlanStatus.DRAFT, None
        s.flush()
        return _plan_info(s, plan)


def delete_work_plan(db: Database, year: int) -> int:
    """Delete the plan and its activities; returns how many activities went with it."""
    with db.session() as s:
        plan = _plan(s, year)
        count = len(plan.activities)
        s.delete(plan)
        return count


# --------------------------------------------------------------------------- activities


@dataclass
class ActivityData:
    """Every field of an activity as a form edits it. Links are ids (organisations) and
    GCM objective numbers; ``results_group`` is the group's number (1-4). ``code`` empty means
    "propose one". ``id``, ``uuid``, ``year`` and ``updated_at`` are filled when read back."""

    title: str = ""
    results_group: int = 1
    code: str = ""
    description: str = ""
    lead_agency_id: int | None = None
    participating_agency_ids: tuple[int, ...] = ()
    implementing_partner_ids: tuple[int, ...] = ()
    objectives: tuple[int, ...] = ()
    location: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: ActivityStatus = ActivityStatus.NOT_STARTED
    progress_pct: int = 0
    indicator: str = ""
    baseline: str = ""
    target: str = ""
    progress_note: str = ""
    gender_marker: int | None = None
    gender_marker_note: str = ""
    human_rights_marker: int | None = None
    human_rights_marker_note: str = ""
    budget_required: Decimal | None = None
    budget_available: Decimal | None = None
    budget_spent: Decimal | None = None
    id: int | None = None
    uuid: str | None = None
    year: int | None = None
    updated_at: dt.datetime | None = None

    @property
    def funding_gap(self) -> Decimal | None:
        return _gap(self.budget_required, self.budget_available)


#: Fields of ActivityData stored as they are on the model.
_PLAIN_FIELDS = (
    "title",
    "code",
    "description",
    "lead_agency_id",
    "location",
    "start_date",
    "end_date",
    "status",
    "progress_pct",
    "indicator",
    "baseline",
    "target",
    "progress_note",
    "gender_marker",
    "gender_marker_note",
    "human_rights_marker",
    "human_rights_marker_note",
    "budget_required",
    "budget_available",
    "budget_spent",
)
_READ_ONLY_FIELDS = ("id", "uuid", "year", "updated_at")
EDITABLE_FIELDS = tuple(f.name for f in dataclasses.fields(ActivityData) if f.name not in _READ_ONLY_FIELDS)


def _gap(required: Decimal | None, available: Decimal | None) -> Decimal | None:
    if required is None and available is None:
        return None
    return (required or Decimal("0.00")) - (available or Decimal("0.00"))


def _check_title(title: str, label: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(f"{label} is missing.")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"{label} is too long: at most {TITLE_MAX} characters.")
    return title


def _ids(values: Iterable[int] | None) -> tuple[int, ...]:
    seen: dict[int, None] = {}
    for value in values or ():
        seen[int(value)] = None
    return tuple(seen)


def normalise_activity(data: ActivityData) -> ActivityData:
    """The data cleaned and checked on its own (no database): raises ValidationError with the
    first problem found. Code uniqueness and links are checked against the database on save."""
    d = dataclasses.replace(data)
    d.title = _check_title(d.title, "The title of the activity")
    d.code = "".join((d.code or "").split())
    if _CODE_NUMBER.match(d.code):
        d.code = "RG" + d.code[2:]  # rg1.2 -> RG1.2
    if len(d.code) > CODE_MAX:
        raise ValidationError(f"The code {d.code!r} is too long: at most {CODE_MAX} characters.")
    d.results_group = parse_whole_number(d.results_group, "The results group", 1, 99, allow_empty=False)
    d.description = (d.description or "").strip()
    d.location = " ".join((d.location or "").split())
    if len(d.location) > LOCATION_MAX:
        raise ValidationError(f"The location is too long: at most {LOCATION_MAX} characters.")
    for name in ("start_date", "end_date"):
        value = getattr(d, name)
        if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
            raise ValidationError(f"The {name.replace('_', ' ')} must be a date, not {value!r}.")
    if d.start_date and d.end_date and d.end_date < d.start_date:
        raise ValidationError(
            f"The end date {d.end_date:%d %b %Y} is before the start date {d.start_date:%d %b %Y}."
        )
    d.status = parse_status(d.status)
    d.progress_pct = parse_progress(d.progress_pct)
    d.gender_marker = parse_marker(d.gender_marker, "The gender equality marker")
    d.human_rights_marker = parse_marker(d.human_rights_marker, "The human rights marker")
    d.gender_marker_note = check_justification(d.gender_marker_note, "The gender equality marker justification")
    d.human_rights_marker_note = check_justification(
        d.human_rights_marker_note, "The human rights marker justification"
    )
    if d.gender_marker is None and d.gender_marker_note:
        raise ValidationError("The gender equality marker justification needs a marker (0-3).")
    if d.human_rights_marker is None and d.human_rights_marker_note:
        raise ValidationError("The human rights marker justification needs a marker (0-3).")
    d.budget_required = parse_money(d.budget_required, "The budget required")
    d.budget_available = parse_money(d.budget_available, "The budget available")
    d.budget_spent = parse_money(d.budget_spent, "The budget spent")
    for name in ("indicator", "baseline", "target", "progress_note"):
        setattr(d, name, (getattr(d, name) or "").strip())
    d.lead_agency_id = None if d.lead_agency_id is None else int(d.lead_agency_id)
    d.participating_agency_ids = tuple(i for i in _ids(d.participating_agency_ids) if i != d.lead_agency_id)
    d.implementing_partner_ids = _ids(d.implementing_partner_ids)
    d.objectives = tuple(sorted(_ids(d.objectives)))
    for number in d.objectives:
        if not 1 <= number <= 23:
            raise ValidationError(f"There is no GCM objective {number}; the objectives are numbered 1 to 23.")
    return d


def propose_code(db: Database, year: int, results_group: int) -> str:
    """``RG<group>.<n>``: n one more than the highest used by that group's codes in the plan."""
    with db.session() as s:
        return _propose_code(s, _plan(s, year).id, results_group)


_CODE_NUMBER = re.compile(r"^RG(\d+)\.(\d+)$", re.IGNORECASE)


def _propose_code(session: Session, plan_id: int, results_group: int) -> str:
    codes = session.scalars(
        sa.select(Activity.code).where(
            Activity.work_plan_id == plan_id, Activity.code.ilike(f"RG{results_group}.%")
        )
    )
    highest = 0
    for code in codes:
        match = _CODE_NUMBER.match(code.strip())
        if match and int(match.group(1)) == results_group:
            highest = max(highest, int(match.group(2)))
    return f"RG{results_group}.{highest + 1}"


def _check_code_free(session: Session, plan: WorkPlan, code: str, activity_id: int | None) -> None:
    query = sa.select(Activity.title).where(
        Activity.work_plan_id == plan.id, sa.func.lower(Activity.code) == code.lower()
    )
    if activity_id is not None:
        query = query.where(Activity.id != activity_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationError(
            f"The code {code} is already used in the {plan.year} work plan (by {other!r}); choose another."
        )


def _results_group(session: Session, number: int) -> ResultsGroup:
    group = session.scalar(sa.select(ResultsGroup).where(ResultsGroup.number == number))
    if group is None:
        raise ValidationError(f"There is no results group {number}.")
    return group


def _organisations(session: Session, ids: Iterable[int], role: str) -> list[Organisation]:
    ids = list(ids)
    if not ids:
        return []
    found = {o.id: o for o in session.scalars(sa.select(Organisation).where(Organisation.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError(f"The {role} #{missing[0]} is not in the contact directory.")
    return [found[i] for i in ids]


def _objectives(session: Session, numbers: Iterable[int]) -> list[GcmObjective]:
    numbers = list(numbers)
    if not numbers:
        return []
    found = {o.number: o for o in session.scalars(sa.select(GcmObjective).where(GcmObjective.number.in_(numbers)))}
    return [found[n] for n in numbers if n in found]


def _activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise ValidationError(f"Activity #{activity_id} does not exist (it may have been deleted).")
    return activity


def _data_of(activity: Activity, year: int | None = None) -> ActivityData:
    values = {name: getattr(activity, name) for name in _PLAIN_FIELDS}
    return ActivityData(
        **values,
        results_group=activity.results_group.number,
        participating_agency_ids=tuple(o.id for o in activity.participating_agencies),
        implementing_partner_ids=tuple(o.id for o in activity.implementing_partners),
        objectives=tuple(o.number for o in activity.objectives),
        id=activity.id,
        uuid=activity.uuid,
        year=year if year is not None else activity.work_plan.year,
        updated_at=activity.updated_at,
    )


def _save(session: Session, plan: WorkPlan, activity: Activity, data: ActivityData) -> bool:
    """Write ``data`` (already normalised) into ``activity``; True when anything changed.
    Bumps ``updated_at`` by hand, since a change to the links alone does not update the row."""
    if not data.code:
        data.code = _propose_code(session, plan.id, data.results_group)
    _check_code_free(session, plan, data.code, activity.id)
    group = _results_group(session, data.results_group)
    lead = _organisations(session, [data.lead_agency_id] if data.lead_agency_id else [], "lead agency")
    participating = _organisations(session, data.participating_agency_ids, "participating agency")
    partners = _organisations(session, data.implementing_partner_ids, "implementing partner")
    objectives = _objectives(session, data.objectives)

    changed = activity.id is None
    for name in _PLAIN_FIELDS:
        value = getattr(data, name)
        if getattr(activity, name) != value:
            setattr(activity, name, value)
            changed = True
    if activity.results_group_id != group.id:
        activity.results_group = group
        changed = True
    if activity.lead_agency_id != (lead[0].id if lead else None):
        activity.lead_agency = lead[0] if lead else None
        changed = True
    for name, new in (
        ("participating_agencies", participating),
        ("implementing_partners", partners),
        ("objectives", objectives),
    ):
        if {o.id for o in getattr(activity, name)} != {o.id for o in new}:
            setattr(activity, name, new)
            changed = True
    if changed:
        activity.updated_at = utcnow()
    return changed


def create_activity(db: Database, year: int, data: ActivityData) -> ActivityData:
    """Add an activity to the plan of ``year``; returns it as saved (id, uuid, code filled)."""
    data = normalise_activity(data)
    with db.session() as s:
        plan = _plan(s, year)
        activity = Activity()
        _save(s, plan, activity, data)
        activity.work_plan = plan
        s.add(activity)
        s.flush()
        return _data_of(activity, plan.year)


def get_activity(db: Database, activity_id: int) -> ActivityData:
    with db.session() as s:
        return _data_of(_activity(s, activity_id))


def update_activity(db: Database, activity_id: int, data: ActivityData | None = None, **changes) -> ActivityData:
    """Save a whole form (``data``) or a few fields (``changes``, e.g. ``status=...``).
    Nothing changes (not even ``updated_at``) when the values are the ones stored."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown activity fields: {', '.join(sorted(unknown))}")
    with db.session() as s:
        activity = _activity(s, activity_id)
        current = data if data is not None else _data_of(activity)
        merged = normalise_activity(dataclasses.replace(current, **changes))
        _save(s, activity.work_plan, activity, merged)
        s.flush()
        return _data_of(activity)


def delete_activity(db: Database, activity_id: int) -> None:
    with db.session() as s:
        s.delete(_activity(s, activity_id))


# --------------------------------------------------------------------------- totals


@dataclass(frozen=True)
class BudgetTotals:
    """Sums over a set of activities. Missing figures count as zero; ``without_required``
    tells how many activities have no required figure yet."""

    label: str
    activities: int
    required: Decimal
    available: Decimal
    spent: Decimal
    without_required: int = 0
    key: int | None = None  # results group number or organisation id

    @property
    def funding_gap(self) -> Decimal:
        """Required minus available; negative when more is available than required."""
        return self.required - self.available


@dataclass(frozen=True)
class PlanTotals:
    year: int
    by_results_group: tuple[BudgetTotals, ...]  # every results group, in number order
    by_lead_agency: tuple[BudgetTotals, ...]  # agencies leading activities, by label
    grand: BudgetTotals


def _cents(column) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.type_coerce(column, sa.Integer)), 0)


def _totals_columns() -> list:
    return [
        sa.func.count(Activity.id),
        _cents(Activity.budget_required),
        _cents(Activity.budget_available),
        _cents(Activity.budget_spent),
        sa.func.coalesce(sa.func.sum(sa.case((Activity.budget_required.is_(None), 1), else_=0)), 0),
    ]


def _money(cents: int) -> Decimal:
    return (Decimal(int(cents)) / 100).quantize(CENT)


def _budget(label: str, row, key: int | None = None) -> BudgetTotals:
    count, req, avail, spent, without = row
    return BudgetTotals(
        label=label,
        activities=count,
        required=_money(req),
        available=_money(avail),
        spent=_money(spent),
        without_required=int(without),
        key=key,
    )


def _totals(session: Session, plan: WorkPlan) -> PlanTotals:
    in_plan = Activity.work_plan_id == plan.id
    by_group = {
        row[0]: row[1:]
        for row in session.execute(
            sa.select(Activity.results_group_id, *_totals_columns()).where(in_plan).group_by(Activity.results_group_id)
        )
    }
    groups = []
    for group in session.scalars(sa.select(ResultsGroup).order_by(ResultsGroup.number)):
        row = by_group.get(group.id, (0, 0, 0, 0, 0))
        groups.append(_budget(group.display, row, group.number))
    leads = []
    for row in session.execute(
        sa.select(Organisation.id, Organisation.name, Organisation.acronym, *_totals_columns())
        .select_from(Activity)
        .outerjoin(Organisation, Organisation.id == Activity.lead_agency_id)
        .where(in_plan)
        .group_by(Organisation.id)
    ):
        org_id, name, acronym, *figures = row
        label = NO_LEAD_LABEL if org_id is None else (acronym or name)
        leads.append(_budget(label, figures, org_id))
    leads.sort(key=lambda t: (t.key is None, t.label.casefold()))
    grand = _budget("Total", session.execute(sa.select(*_totals_columns()).where(in_plan)).one())
    return PlanTotals(plan.year, tuple(groups), tuple(leads), grand)


def plan_totals(db: Database, year: int) -> PlanTotals:
    """Required, available, spent and funding gap per results group, per lead agency and in all."""
    with db.session() as s:
        return _totals(s, _plan(s, year))


# --------------------------------------------------------------------------- the overview


def natural_key(code: str) -> tuple:
    """``RG1.2`` before ``RG1.10``."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", code or ""))


@dataclass(frozen=True)
class ActivityRow:
    """One activity as the overview shows it; names are the organisations' short forms."""

    id: int
    uuid: str
    code: str
    title: str
    results_group: int
    lead_agency_id: int | None
    lead_agency: str
    participating_agencies: tuple[str, ...]
    implementing_partners: tuple[str, ...]
    objectives: tuple[int, ...]
    location: str
    start_date: dt.date | None
    end_date: dt.date | None
    status: ActivityStatus
    progress_pct: int
    gender_marker: int | None
    human_rights_marker: int | None
    budget_required: Decimal | None
    budget_available: Decimal | None
    budget_spent: Decimal | None
    updated_at: dt.datetime
    description: str = ""
    indicator: str = ""
    baseline: str = ""
    target: str = ""
    progress_note: str = ""
    gender_marker_note: str = ""
    human_rights_marker_note: str = ""

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def funding_gap(self) -> Decimal | None:
        return _gap(self.budget_required, self.budget_available)

    @property
    def objectives_text(self) -> str:
        return ", ".join(str(n) for n in self.objectives)

    @property
    def participating_text(self) -> str:
        return ", ".join(self.participating_agencies)

    @property
    def partners_text(self) -> str:
        return ", ".join(self.implementing_partners)


@dataclass(frozen=True)
class ResultsGroupSection:
    number: int
    name: str
    activities: tuple[ActivityRow, ...]
    totals: BudgetTotals

    @property
    def display(self) -> str:
        return f"RG{self.number} {self.name}"


@dataclass(frozen=True)
class OverviewLine:
    """One line of the flat table: a group heading, an activity, a group subtotal or the total."""

    kind: str  # "group" | "activity" | "subtotal" | "total"
    results_group: int | None
    label: str
    activity: ActivityRow | None = None
    totals: BudgetTotals | None = None

    def value(self, key: str):
        """The value of a column of OVERVIEW_COLUMNS for this line (None when it has none)."""
        if self.activity is not None:
            return getattr(self.activity, key)
        if self.totals is not None and key in _TOTAL_KEYS:
            return getattr(self.totals, _TOTAL_KEYS[key])
        if key == "title":
            return self.label
        return None


#: (attribute, header) of the overview table's columns.
OVERVIEW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Code"),
    ("title", "Activity"),
    ("lead_agency", "Lead agency"),
    ("participating_text", "Participating agencies"),
    ("objectives_text", "GCM objectives"),
    ("location", "Location"),
    ("status_label", "Status"),
    ("progress_pct", "Progress %"),
    ("budget_required", "Required (USD)"),
    ("budget_available", "Available (USD)"),
    ("budget_spent", "Spent (USD)"),
    ("funding_gap", "Funding gap (USD)"),
)
_TOTAL_KEYS = {
    "budget_required": "required",
    "budget_available": "available",
    "budget_spent": "spent",
    "funding_gap": "funding_gap",
}


@dataclass(frozen=True)
class PlanOverview:
    plan: WorkPlanInfo
    groups: tuple[ResultsGroupSection, ...]  # every results group, even without activities
    totals: PlanTotals

    @property
    def activity_count(self) -> int:
        return sum(len(g.activities) for g in self.groups)

    def lines(self, *, include_empty_groups: bool = True) -> list[OverviewLine]:
        """Flat rows for a table model: per group its heading, its activities, its subtotal; then the total."""
        out: list[OverviewLine] = []
        for group in self.groups:
            if not group.activities and not include_empty_groups:
                continue
            out.append(OverviewLine("group", group.number, group.display))
            out.extend(OverviewLine("activity", group.number, a.code, activity=a) for a in group.activities)
            out.append(OverviewLine("subtotal", group.number, f"Subtotal RG{group.number}", totals=group.totals))
        out.append(OverviewLine("total", None, "Total", totals=self.totals.grand))
        return out


def _activity_rows(session: Session, plan_id: int) -> list[ActivityRow]:
    a = Activity.__table__.c
    lead = aliased(Organisation)
    rows = session.execute(
        sa.select(
            a.id,
            a.uuid,
            a.code,
            a.title,
            ResultsGroup.number,
            a.lead_agency_id,
            sa.func.coalesce(lead.acronym, lead.name),
            a.location,
            a.start_date,
            a.end_date,
            Activity.status,
            a.progress_pct,
            a.gender_marker,
            a.human_rights_marker,
            Activity.budget_required,
            Activity.budget_available,
            Activity.budget_spent,
            Activity.updated_at,
            a.description,
            a.indicator,
            a.baseline,
            a.target,
            a.progress_note,
            a.gender_marker_note,
            a.human_rights_marker_note,
        )
        .select_from(Activity)
        .join(ResultsGroup, ResultsGroup.id == Activity.results_group_id)
        .outerjoin(lead, lead.id == Activity.lead_agency_id)
        .where(Activity.work_plan_id == plan_id)
    ).all()
    ids_in_plan = sa.select(Activity.id).where(Activity.work_plan_id == plan_id).scalar_subquery()

    def names(link) -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        for activity_id, short in session.execute(
            sa.select(link.c.activity_id, sa.func.coalesce(Organisation.acronym, Organisation.name))
            .join(Organisation, Organisation.id == link.c.organisation_id)
            .where(link.c.activity_id.in_(ids_in_plan))
            .order_by(link.c.activity_id, sa.func.coalesce(Organisation.acronym, Organisation.name))
        ):
            found[activity_id].append(short)
        return found

    participating = names(activity_participating_agencies)
    partners = names(activity_implementing_partners)
    objectives: dict[int, list[int]] = defaultdict(list)
    for activity_id, number in session.execute(
        sa.select(activity_objectives.c.activity_id, GcmObjective.number)
        .join(GcmObjective, GcmObjective.id == activity_objectives.c.gcm_objective_id)
        .where(activity_objectives.c.activity_id.in_(ids_in_plan))
        .order_by(activity_objectives.c.activity_id, GcmObjective.number)
    ):
        objectives[activity_id].append(number)
    out = [
        ActivityRow(
            id=r[0],
            uuid=r[1],
            code=r[2],
            title=r[3],
            results_group=r[4],
            lead_agency_id=r[5],
            lead_agency=r[6] or "",
            participating_agencies=tuple(participating.get(r[0], ())),
            implementing_partners=tuple(partners.get(r[0], ())),
            objectives=tuple(objectives.get(r[0], ())),
            location=r[7] or "",
            start_date=r[8],
            end_date=r[9],
            status=r[10],
            progress_pct=r[11],
            gender_marker=r[12],
            human_rights_marker=r[13],
            budget_required=r[14],
            budget_available=r[15],
            budget_spent=r[16],
            updated_at=r[17],
            description=r[18] or "",
            indicator=r[19] or "",
            baseline=r[20] or "",
            target=r[21] or "",
            progress_note=r[22] or "",
            gender_marker_note=r[23] or "",
            human_rights_marker_note=r[24] or "",
        )
        for r in rows
    ]
    out.sort(key=lambda row: (row.results_group, natural_key(row.code)))
    return out


def plan_overview(db: Database, year: int) -> PlanOverview:
    """The plan's activities grouped by results group (every group, code order), with totals."""
    with db.session() as s:
        plan = _plan(s, year)
        info = _plan_info(s, plan)
        rows = _activity_rows(s, plan.id)
        totals = _totals(s, plan)
        by_group: dict[int, list[ActivityRow]] = defaultdict(list)
        for row in rows:
            by_group[row.results_group].append(row)
        groups = tuple(
            ResultsGroupSection(
                number=group.number,
                name=group.name,
                activities=tuple(by_group.get(group.number, ())),
                totals=totals.by_results_group[i],
            )
            for i, group in enumerate(s.scalars(sa.select(ResultsGroup).order_by(ResultsGroup.number)))
        )
        return PlanOverview(plan=info, groups=groups, totals=totals)


# --------------------------------------------------------------------------- copy to next year


@dataclass(frozen=True)
class CopyResult:
    from_year: int
    to_year: int
    copied: int  # unfinished activities carried over
    left_behind: int  # completed or cancelled, not carried over
    plan: WorkPlanInfo


#: Fields carried to the next year's plan (what the activity *is*); the rest starts empty:
#: budgets are yearly figures (UN INFO asks required/available/spent per year) and the
#: progress note reported on the year that ended. Status and progress % describe the
#: activity as a whole and stay as they were.
CARRIED_FIELDS = (
    "code",
    "title",
    "description",
    "location",
    "start_date",
    "end_date",
    "status",
    "progress_pct",
    "indicator",
    "baseline",
    "target",
    "gender_marker",
    "gender_marker_note",
    "human_rights_marker",
    "human_rights_marker_note",
)


def copy_to_next_year(db: Database, year: int, title: str = "") -> CopyResult:
    """Start the plan of ``year + 1`` (a draft) with the activities of ``year`` that are not
    completed or cancelled: same codes, texts, objectives, agencies and partners."""
    new_year = year + 1
    _check_year(new_year)
    with db.session() as s:
        source = _plan(s, year)
        if s.scalar(sa.select(WorkPlan.id).where(WorkPlan.year == new_year)) is not None:
            raise ValidationError(f"There is already a work plan for {new_year}; nothing was copied.")
        title = _check_title(title or _next_title(source.title, year, new_year), "The title of the work plan")
        target = WorkPlan(year=new_year, title=title, status=WorkPlanStatus.DRAFT)
        s.add(target)
        copied = left = 0
        for old in source.activities:
            if old.status in FINISHED_STATUSES:
                left += 1
                continue
            new = Activity(**{name: getattr(old, name) for name in CARRIED_FIELDS})
            new.results_group_id = old.results_group_id
            new.lead_agency_id = old.lead_agency_id
            new.progress_note = ""
            new.objectives = list(old.objectives)
            new.participating_agencies = list(old.participating_agencies)
            new.implementing_partners = list(old.implementing_partners)
            target.activities.append(new)
            copied += 1
        s.flush()
        return CopyResult(year, new_year, copied, left, _plan_info(s, target))


def _next_title(title: str, year: int, new_year: int) -> str:
    if str(year) in title:
        return title.replace(str(year), str(new_year))
    return default_plan_title(new_year)


# --------------------------------------------------------------------------- look-ups for forms


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def organisation_choices(db: Database, *, include_archived: bool = False) -> list[Choice]:
    """Organisations for the agency and partner pickers, as ``Name (ACRONYM)``."""
    with db.session() as s:
        query = sa.select(Organisation.id, Organisation.name, Organisation.acronym).order_by(
            sa.func.lower(Organisation.name)
        )
        if not include_archived:
            query = query.where(Organisation.archived.is_(False))
        return [Choice(i, f"{n} ({a})" if a else n) for i, n, a in s.execute(query)]


def results_group_choices(db: Database) -> list[Choice]:
    """Results groups as (number, ``RG1 Inclusive Human Development``)."""
    with db.session() as s:
        return [
            Choice(n, f"RG{n} {name}")
            for n, name in s.execute(sa.select(ResultsGroup.number, ResultsGroup.name).order_by(ResultsGroup.number))
        ]


def objective_choices(db: Database) -> list[Choice]:
    """GCM objectives as (number, ``7. Reduce vulnerabilities``)."""
    with db.session() as s:
        return [
            Choice(n, f"{n}. {label}")
            for n, label in s.execute(
                sa.select(GcmObjective.number, GcmObjective.short_label).order_by(GcmObjective.number)
            )
        ]


__all__ = [
    "ActivityData",
    "ActivityRow",
    "BudgetTotals",
    "CARRIED_FIELDS",
    "Choice",
    "CopyResult",
    "EDITABLE_FIELDS",
    "FINISHED_STATUSES",
    "OVERVIEW_COLUMNS",
    "OverviewLine",
    "PlanOverview",
    "PlanTotals",
    "ResultsGroupSection",
    "WorkPlanInfo",
    "check_justification",
    "copy_to_next_year",
    "count_sentences",
    "create_activity",
    "create_work_plan",
    "delete_activity",
    "delete_work_plan",
    "get_activity",
    "get_work_plan",
    "list_work_plans",
    "natural_key",
    "normalise_activity",
    "objective_choices",
    "organisation_choices",
    "parse_marker",
    "parse_money",
    "parse_progress",
    "parse_status",
    "plan_overview",
    "plan_totals",
    "propose_code",
    "rename_work_plan",
    "results_group_choices",
    "set_plan_status",
    "update_activity",
]
