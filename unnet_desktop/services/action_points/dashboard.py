"""The action points dashboard: open, overdue and done-this-quarter per organisation, and the
next action points due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES, ActionStatus
from ...core.models import ActionPoint, ActionPointChange, Organisation
from ...core.models.base import UTCDateTime
from ...core.timezone import wib
from .queries import _ORGANISATION_LABEL, _overdue_condition, _rows_in_order, today_wib


@dataclass(frozen=True)
class OrganisationActionFigures:
    organisation_id: int | None  # None: action points with no responsible organisation
    organisation: str
    open: int  # open or in progress
    overdue: int  # of those, due before today
    done_this_quarter: int  # set to done during the current quarter (WIB)


@dataclass(frozen=True)
class ActionDashboard:
    today: dt.date
    quarter_start: dt.date
    quarter_end: dt.date  # the last day of the quarter
    per_organisation: tuple[OrganisationActionFigures, ...]  # most overdue first
    totals: OrganisationActionFigures
    next_due: tuple[sa.Row, ...]  # light rows (LIST_FIELDS): open, due from today, soonest first


def _quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = dt.date(today.year, first_month, 1)
    end = dt.date(today.year + (first_month == 10), 1 if first_month == 10 else first_month + 3, 1)
    return start, end


def action_dashboard(db: Database, today: dt.date | None = None, next_limit: int = 5) -> ActionDashboard:
    """Open, overdue and done-this-quarter counts per responsible organisation, and the next
    ``next_limit`` action points due. "Done this quarter": the last change of the status to done
    (from the history; the last change of the record when it has none) falls in the quarter."""
    today = today or today_wib()
    q_start, q_next = _quarter(today)
    start, end = wib(q_start.year, q_start.month, 1), wib(q_next.year, q_next.month, 1)
    done_at = (
        sa.select(sa.func.max(ActionPointChange.changed_at))
        .where(
            ActionPointChange.action_point_id == ActionPoint.id,
            ActionPointChange.field == "status",
            ActionPointChange.new_value == ActionStatus.DONE.value,
        )
        .scalar_subquery()
    )
    done_when = sa.type_coerce(sa.func.coalesce(done_at, ActionPoint.updated_at), UTCDateTime)
    is_open = ActionPoint.status.in_(OPEN_ACTION_STATUSES)

    def count_when(condition) -> sa.ColumnElement:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    done_in_quarter = sa.and_(ActionPoint.status == ActionStatus.DONE, done_when >= start, done_when < end)
    query = (
        sa.select(
            ActionPoint.responsible_organisation_id,
            sa.func.max(_ORGANISATION_LABEL),
            count_when(is_open),
            count_when(_overdue_condition(today)),
            count_when(done_in_quarter),
        )
        .select_from(ActionPoint)
        .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
        .where(sa.or_(is_open, ActionPoint.status == ActionStatus.DONE))
        .group_by(ActionPoint.responsible_organisation_id)
    )
    next_query = (
        sa.select(ActionPoint.id)
        .where(is_open, ActionPoint.due_date >= today)
        .order_by(ActionPoint.due_date, ActionPoint.id)
        .limit(next_limit)
    )
    with db.session() as s:
        rows = s.execute(query).all()
        next_due = tuple(_rows_in_order(s, list(s.scalars(next_query)), today))
    figures = [
        OrganisationActionFigures(
            organisation_id=oid,
            organisation=label if oid is not None else "(No organisation)",
            open=open_,
            overdue=overdue,
            done_this_quarter=done,
        )
        for oid, label, open_, overdue, done in rows
        if open_ or done
    ]
    figures.sort(key=lambda f: (-f.overdue, -f.open, f.organisation_id is None, f.organisation.casefold()))
    totals = OrganisationActionFigures(
        organisation_id=None,
        organisation="All organisations",
        open=sum(f.open for f in figures),
        overdue=sum(f.overdue for f in figures),
        done_this_quarter=sum(f.done_this_quarter for f in figures),
    )
    return ActionDashboard(
        today=today,
        quarter_start=q_start,
        quarter_end=q_next - dt.timedelta(days=1),
        per_organisation=tuple(figures),
        totals=totals,
        next_due=next_due,
    )


__all__ = ["ActionDashboard", "OrganisationActionFigures", "action_dashboard"]
