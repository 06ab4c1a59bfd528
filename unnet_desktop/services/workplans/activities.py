"""Activities of a work plan: :class:`ActivityData` (a form's fields), its checks
(:func:`normalise_activity`), and creating, reading, updating and deleting them.

The ``_functions`` taking a session (``_data_of``, ``_save``) apply exactly the same rules
wherever an activity is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import ActivityStatus
from ...core.errors import ValidationError
from ...core.models import Activity, GcmObjective, Organisation, ResultsGroup, WorkPlan, utcnow
from .codes import _CODE_NUMBER, _check_code_free, _propose_code
from .plans import _plan
from .values import (
    CODE_MAX,
    LOCATION_MAX,
    _check_title,
    _gap,
    _ids,
    check_justification,
    parse_marker,
    parse_money,
    parse_progress,
    parse_status,
    parse_whole_number,
)

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
