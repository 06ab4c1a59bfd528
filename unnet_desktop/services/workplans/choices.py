"""Look-ups for the forms: organisations, results groups, GCM objectives."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ...core.database import Database
from ...core.models import GcmObjective, Organisation, ResultsGroup

@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def organisation_choices(db: Database, *, include_archived: bool = False) -> list[Choice]:
    """Organisations for the agency and partner pickers, as ``Name (ACRONYM)``."""
    with db.session() as s:
        query = sa.select(Organisation.id, Organisation.name, Organisation.acronym).order_by(
            sa.func.lower(Organisation.name)
        )
        if not include_archived:
            query = query.where(Organisation.archived.is_(False))
        return [Choice(i, f"{n} ({a})" if a else n) for i, n, a in s.execute(query)]


def results_group_choices(db: Database) -> list[Choice]:
    """Results groups as (number, ``RG1 Inclusive Human Development``)."""
    with db.session() as s:
        return [
            Choice(n, f"RG{n} {name}")
            for n, name in s.execute(sa.select(ResultsGroup.number, ResultsGroup.name).order_by(ResultsGroup.number))
        ]


def objective_choices(db: Database) -> list[Choice]:
    """GCM objectives as (number, ``7. Reduce vulnerabilities``)."""
    with db.session() as s:
        return [
            Choice(n, f"{n}. {label}")
            for n, label in s.execute(
                sa.select(GcmObjective.number, GcmObjective.short_label).order_by(GcmObjective.number)
            )
        ]
