"""Budget totals of a plan (required, available, spent, funding gap = required - available,
negative when over-funded) per results group, per lead agency and in all: summed in SQL, in cents."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.models import Activity, Organisation, ResultsGroup, WorkPlan
from .plans import _plan
from .values import CENT

NO_LEAD_LABEL = "No lead agency"


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
