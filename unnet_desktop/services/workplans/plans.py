"""Work plans: one per year, a draft or endorsed (endorsing needs the date: not in the future,
plan not empty; back to draft clears it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import WorkPlanStatus
from ...core.errors import ValidationError
from ...core.models import Activity, WorkPlan
from ...core.timezone import today_wib
from .values import MAX_YEAR, MIN_YEAR, _check_title


def default_plan_title(year: int) -> str:
    return f"UN Network on Migration in Indonesia: work plan {year}"


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
    today = today or today_wib()
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
