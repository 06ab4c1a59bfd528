"""The overview of a plan: its activities by results group (every group, code order), with
subtotals and the total, as sections and as the flat lines of a table."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from ...core.database import Database
from ...core.enums import ActivityStatus
from ...core.models import (
    Activity,
    GcmObjective,
    Organisation,
    ResultsGroup,
    activity_implementing_partners,
    activity_objectives,
    activity_participating_agencies,
)
from .codes import natural_key
from .plans import WorkPlanInfo, _plan, _plan_info
from .totals import BudgetTotals, PlanTotals, _totals
from .values import _gap

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
