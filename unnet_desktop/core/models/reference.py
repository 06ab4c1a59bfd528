"""Reference tables: GCM objectives, GCM guiding principles, UNSDCF results groups."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Entity


class GcmObjective(Entity, Base):
    __tablename__ = "gcm_objectives"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)
    short_label: Mapped[str] = mapped_column(String(80))

    @property
    def display(self) -> str:
        return f"{self.number}. {self.short_label}"


class GuidingPrinciple(Entity, Base):
    __tablename__ = "guiding_principles"

    position: Mapped[int] = mapped_column(Integer, unique=True)
    paragraph: Mapped[str] = mapped_column(String(8))  # "15 (a)"
    name: Mapped[str] = mapped_column(String(80))


class ResultsGroup(Entity, Base):
    __tablename__ = "results_groups"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))

    @property
    def display(self) -> str:
        return f"RG{self.number} {self.name}"
