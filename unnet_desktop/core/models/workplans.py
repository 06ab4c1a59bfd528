"""Annual work plans and their activities, mirroring UN INFO sub-outputs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import ActivityStatus, WorkPlanStatus
from .base import Base, Entity, Money, enum_column, link_table
from .contacts import Organisation
from .reference import GcmObjective, ResultsGroup

activity_objectives = link_table(
    "activity_objectives",
    ("activity_id", "activities.id"),
    ("gcm_objective_id", "gcm_objectives.id"),
)
activity_participating_agencies = link_table(
    "activity_participating_agencies",
    ("activity_id", "activities.id"),
    ("organisation_id", "organisations.id"),
)
activity_implementing_partners = link_table(
    "activity_implementing_partners",
    ("activity_id", "activities.id"),
    ("organisation_id", "organisations.id"),
)


class WorkPlan(Entity, Base):
    __tablename__ = "work_plans"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[WorkPlanStatus] = mapped_column(enum_column(WorkPlanStatus), default=WorkPlanStatus.DRAFT)
    endorsed_on: Mapped[dt.date | None] = mapped_column(Date)

    activities: Mapped[list[Activity]] = relationship(
        back_populates="work_plan", order_by="Activity.code", cascade="all, delete-orphan"
    )


class Activity(Entity, Base):
    __tablename__ = "activities"
    __table_args__ = (
        UniqueConstraint("work_plan_id", "code"),
        CheckConstraint("gender_marker BETWEEN 0 AND 3", name="gender_marker_range"),
        CheckConstraint("human_rights_marker BETWEEN 0 AND 3", name="human_rights_marker_range"),
        CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_pct_range"),
    )

    work_plan_id: Mapped[int] = mapped_column(ForeignKey("work_plans.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))  # "RG1.2"
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    results_group_id: Mapped[int] = mapped_column(ForeignKey("results_groups.id"), index=True)
    lead_agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str] = mapped_column(String(500), default="")  # provinces
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActivityStatus] = mapped_column(
        enum_column(ActivityStatus), default=ActivityStatus.NOT_STARTED
    )
    gender_marker: Mapped[int | None] = mapped_column(Integer)
    gender_marker_note: Mapped[str] = mapped_column(Text, default="")
    human_rights_marker: Mapped[int | None] = mapped_column(Integer)
    human_rights_marker_note: Mapped[str] = mapped_column(Text, default="")
    budget_required: Mapped[Decimal | None] = mapped_column(Money)
    budget_available: Mapped[Decimal | None] = mapped_column(Money)
    budget_spent: Mapped[Decimal | None] = mapped_column(Money)
    indicator: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(Text, default="")
    progress_pct: Mapped[int] = mapped_column(Integer, default=0)
    progress_note: Mapped[str] = mapped_column(Text, default="")

    work_plan: Mapped[WorkPlan] = relationship(back_populates="activities")
    results_group: Mapped[ResultsGroup] = relationship()
    lead_agency: Mapped[Organisation | None] = relationship(foreign_keys=[lead_agency_id])
    objectives: Mapped[list[GcmObjective]] = relationship(
        secondary=activity_objectives, order_by="GcmObjective.number"
    )
    participating_agencies: Mapped[list[Organisation]] = relationship(
        secondary=activity_participating_agencies
    )
    implementing_partners: Mapped[list[Organisation]] = relationship(
        secondary=activity_implementing_partners
    )
