"""Copying a plan to the next year: its unfinished activities start the next year's draft."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import ActivityStatus, WorkPlanStatus
from ...core.errors import ValidationError
from ...core.models import Activity, WorkPlan
from .plans import WorkPlanInfo, _check_year, _plan, _plan_info, default_plan_title
from .values import _check_title

#: Statuses of an activity that is over: not carried to the next year's plan.
FINISHED_STATUSES = (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)


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
