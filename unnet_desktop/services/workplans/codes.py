"""Activity codes: ``RG<results group>.<n>`` proposed (n one more than the highest of that
group's codes in the plan), unique in the plan (case-insensitive), sorted naturally."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.errors import ValidationError
from ...core.models import Activity, WorkPlan
from .plans import _plan

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


def natural_key(code: str) -> tuple:
    """``RG1.2`` before ``RG1.10``."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", code or ""))
