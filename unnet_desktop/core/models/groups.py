"""Working groups of the Network (Terms of Reference D.5)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import WorkingGroupKind
from ..timezone import today_wib
from .base import Base, Entity, enum_column, link_table
from .contacts import Organisation, Person
from .reference import GcmObjective

working_group_objectives = link_table(
    "working_group_objectives",
    ("working_group_id", "working_groups.id"),
    ("gcm_objective_id", "gcm_objectives.id"),
)
working_group_members = link_table(
    "working_group_members",
    ("working_group_id", "working_groups.id"),
    ("person_id", "people.id"),
)


class WorkingGroup(Entity, Base):
    __tablename__ = "working_groups"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(20), unique=True)  # used in meeting references
    kind: Mapped[WorkingGroupKind] = mapped_column(
        enum_column(WorkingGroupKind), default=WorkingGroupKind.PERMANENT
    )
    purpose: Mapped[str] = mapped_column(Text, default="")
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    co_lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    established_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)

    lead_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[lead_organisation_id])
    co_lead_organisation: Mapped[Organisation | None] = relationship(
        foreign_keys=[co_lead_organisation_id]
    )
    objectives: Mapped[list[GcmObjective]] = relationship(
        secondary=working_group_objectives, order_by="GcmObjective.number"
    )
    members: Mapped[list[Person]] = relationship(secondary=working_group_members)

    def is_active(self, on: dt.date | None = None) -> bool:
        on = on or today_wib()
        return self.closed_on is None or self.closed_on > on
