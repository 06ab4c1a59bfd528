"""GCM coverage of a year's work plan: which of the 23 objectives its activities address,
by how many activities and how many distinct agencies (lead and participating), and which
objectives none address. Counted in SQL.

Cancelled activities address nothing and are left out unless asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..core.database import Database
from ..core.enums import ActivityStatus
from ..core.errors import ValidationError
from ..core.models import (
    Activity,
    GcmObjective,
    Organisation,
    WorkPlan,
    activity_objectives,
    activity_participating_agencies,
)


@dataclass(frozen=True)
class ObjectiveCoverage:
    number: int
    short_label: str
    title: str
    activities: int
    agencies: int
    agency_names: tuple[str, ...] = ()  # short names, sorted

    @property
    def covered(self) -> bool:
        return self.activities > 0

    @property
    def display(self) -> str:
        return f"{self.number}. {self.short_label}"


@dataclass(frozen=True)
class Coverage:
    year: int
    objectives: tuple[ObjectiveCoverage, ...]  # all 23, in number order
    activities: int  # activities counted (cancelled ones left out unless included)
    include_cancelled: bool = False

    @property
    def uncovered(self) -> tuple[ObjectiveCoverage, ...]:
        """The objectives no activity addresses."""
        return tuple(o for o in self.objectives if not o.covered)

    @property
    def covered_count(self) -> int:
        return sum(1 for o in self.objectives if o.covered)

    @property
    def summary(self) -> str:
        """``17 of 23 GCM objectives addressed; none address 8, 9, 13, 20, 21, 22.``"""
        text = f"{self.covered_count} of {len(self.objectives)} GCM objectives addressed"
        missing = self.uncovered
        if missing:
            text += "; none address " + ", ".join(str(o.number) for o in missing)
        return text + "."


def gcm_coverage(db: Database, year: int, *, include_cancelled: bool = False) -> Coverage:
    with db.session() as s:
        plan_id = s.scalar(sa.select(WorkPlan.id).where(WorkPlan.year == year))
        if plan_id is None:
            raise ValidationError(f"There is no work plan for {year}.")
        counted = sa.select(Activity.id).where(Activity.work_plan_id == plan_id)
        if not include_cancelled:
            counted = counted.where(Activity.status != ActivityStatus.CANCELLED)
        counted_ids = counted.scalar_subquery()
        links = (
            sa.select(activity_objectives.c.activity_id, activity_objectives.c.gcm_objective_id)
            .where(activity_objectives.c.activity_id.in_(counted_ids))
            .subquery("links")
        )
        # (activity, agency) pairs: the lead and each participating agency.
        agencies = sa.union(
            sa.select(Activity.id.label("activity_id"), Activity.lead_agency_id.label("organisation_id")).where(
                Activity.work_plan_id == plan_id, Activity.lead_agency_id.is_not(None)
            ),
            sa.select(
                activity_participating_agencies.c.activity_id,
                activity_participating_agencies.c.organisation_id,
            ).join(Activity, Activity.id == activity_participating_agencies.c.activity_id).where(
                Activity.work_plan_id == plan_id
            ),
        ).subquery("agencies")
        counts = {
            objective_id: (n_activities, n_agencies)
            for objective_id, n_activities, n_agencies in s.execute(
                sa.select(
                    links.c.gcm_objective_id,
                    sa.func.count(sa.distinct(links.c.activity_id)),
                    sa.func.count(sa.distinct(agencies.c.organisation_id)),
                )
                .outerjoin(agencies, agencies.c.activity_id == links.c.activity_id)
                .group_by(links.c.gcm_objective_id)
            )
        }
        names: dict[int, list[str]] = {}
        for objective_id, short in s.execute(
            sa.select(links.c.gcm_objective_id, sa.func.coalesce(Organisation.acronym, Organisation.name))
            .join(agencies, agencies.c.activity_id == links.c.activity_id)
            .join(Organisation, Organisation.id == agencies.c.organisation_id)
            .distinct()
            .order_by(links.c.gcm_objective_id, sa.func.lower(sa.func.coalesce(Organisation.acronym, Organisation.name)))
        ):
            names.setdefault(objective_id, []).append(short)
        objectives = tuple(
            ObjectiveCoverage(
                number=o.number,
                short_label=o.short_label,
                title=o.title,
                activities=counts.get(o.id, (0, 0))[0],
                agencies=counts.get(o.id, (0, 0))[1],
                agency_names=tuple(names.get(o.id, ())),
            )
            for o in s.scalars(sa.select(GcmObjective).order_by(GcmObjective.number))
        )
        total = s.scalar(sa.select(sa.func.count()).select_from(counted.subquery()))
        return Coverage(year=year, objectives=objectives, activities=total or 0, include_cancelled=include_cancelled)


__all__ = ["Coverage", "ObjectiveCoverage", "gcm_coverage"]
