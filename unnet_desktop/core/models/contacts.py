"""The contact directory: organisations, people and distribution lists."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import NetworkRole, OrganisationCategory, Sex
from .base import Base, Entity, enum_column, link_table

distribution_list_members = link_table(
    "distribution_list_members",
    ("distribution_list_id", "distribution_lists.id"),
    ("person_id", "people.id"),
)


class Organisation(Entity, Base):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    acronym: Mapped[str | None] = mapped_column(String(40), index=True)
    category: Mapped[OrganisationCategory] = mapped_column(
        enum_column(OrganisationCategory), default=OrganisationCategory.OTHER
    )
    network_role: Mapped[NetworkRole] = mapped_column(enum_column(NetworkRole), default=NetworkRole.NONE)
    member_since: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Circular with people.organisation_id: use_alter names the constraint, post_update
    # lets the ORM write both rows in one flush.
    focal_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL", use_alter=True)
    )
    alternate_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL", use_alter=True)
    )

    people: Mapped[list[Person]] = relationship(
        back_populates="organisation", foreign_keys="Person.organisation_id"
    )
    focal_point: Mapped[Person | None] = relationship(foreign_keys=[focal_point_id], post_update=True)
    alternate: Mapped[Person | None] = relationship(foreign_keys=[alternate_id], post_update=True)

    @property
    def display(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short(self) -> str:
        return self.acronym or self.name


class Person(Entity, Base):
    __tablename__ = "people"

    title: Mapped[str] = mapped_column(String(40), default="")
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    sex: Mapped[Sex] = mapped_column(enum_column(Sex), default=Sex.NOT_RECORDED)
    position: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    alt_email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    organisation: Mapped[Organisation | None] = relationship(
        back_populates="people", foreign_keys=[organisation_id]
    )
    distribution_lists: Mapped[list[DistributionList]] = relationship(
        secondary=distribution_list_members, back_populates="people"
    )

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()


class DistributionList(Entity, Base):
    __tablename__ = "distribution_lists"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    people: Mapped[list[Person]] = relationship(
        secondary=distribution_list_members, back_populates="distribution_lists"
    )
