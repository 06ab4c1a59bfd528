"""The library of migration regulations and policies (Terms of Reference B.3)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import PolicyStatus, PolicyType
from .base import Base, Entity, enum_column, link_table
from .meetings import AgendaItem
from .reference import GcmObjective

policy_objectives = link_table(
    "policy_objectives",
    ("policy_id", "policies.id"),
    ("gcm_objective_id", "gcm_objectives.id"),
)
# Policy updates presented under an agenda item; they appear in that item's minutes.
agenda_item_policies = link_table(
    "agenda_item_policies",
    ("agenda_item_id", "agenda_items.id"),
    ("policy_id", "policies.id"),
)


class Policy(Entity, Base):
    __tablename__ = "policies"

    title: Mapped[str] = mapped_column(String(500), index=True)
    number: Mapped[str] = mapped_column(String(120), default="")  # "Law No. 18/2017"
    type: Mapped[PolicyType] = mapped_column(enum_column(PolicyType), default=PolicyType.LAW)
    issuing_authority: Mapped[str] = mapped_column(String(300), default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[PolicyStatus] = mapped_column(enum_column(PolicyStatus), default=PolicyStatus.IN_FORCE)
    language: Mapped[str] = mapped_column(String(40), default="")
    human_rights_based: Mapped[bool] = mapped_column(Boolean, default=False)
    age_appropriate: Mapped[bool] = mapped_column(Boolean, default=False)
    gender_responsive: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    # A copy of the document kept by the app, relative to the database's attachments folder.
    file_name: Mapped[str] = mapped_column(String(500), default="")

    objectives: Mapped[list[GcmObjective]] = relationship(
        secondary=policy_objectives, order_by="GcmObjective.number"
    )
    agenda_items: Mapped[list[AgendaItem]] = relationship(secondary=agenda_item_policies)
