"""The people who are members of a working group."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.errors import ValidationError
from ...core.models import Organisation, Person, utcnow, working_group_members
from .records import MemberRow
from .rules import _group


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError(f"Person #{person_id} is not in the contact directory.")
    return person


def add_member(db: Database, group_id: int, person_id: int) -> None:
    with db.session() as s:
        group, person = _group(s, group_id), _person(s, person_id)
        if person in group.members:
            raise ValidationError(f"{person.display_name} is already a member of {group.name}.")
        if person.archived:
            raise ValidationError(f"{person.display_name} is archived; restore the contact before adding them.")
        group.members.append(person)
        group.updated_at = utcnow()


def add_members(db: Database, group_id: int, person_ids: Iterable[int]) -> int:
    """Add several people at once (those already members are passed over); returns how many were added."""
    with db.session() as s:
        group = _group(s, group_id)
        current = {p.id for p in group.members}
        added = 0
        for person_id in dict.fromkeys(person_ids):
            if person_id in current:
                continue
            person = _person(s, person_id)
            if person.archived:
                raise ValidationError(f"{person.display_name} is archived; restore the contact before adding them.")
            group.members.append(person)
            added += 1
        if added:
            group.updated_at = utcnow()
        return added


def remove_member(db: Database, group_id: int, person_id: int) -> None:
    with db.session() as s:
        group, person = _group(s, group_id), _person(s, person_id)
        if person not in group.members:
            raise ValidationError(f"{person.display_name} is not a member of {group.name}.")
        group.members.remove(person)
        group.updated_at = utcnow()


def group_members(db: Database, group_id: int) -> list[MemberRow]:
    """The members by name, with their organisations."""
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                Person.id,
                Person.title,
                Person.full_name,
                Person.sex,
                sa.func.coalesce(Organisation.acronym, Organisation.name, ""),
                sa.func.coalesce(Organisation.name, ""),
                Person.position,
                Person.email,
                Person.phone,
                Person.archived,
            )
            .join(working_group_members, working_group_members.c.person_id == Person.id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(working_group_members.c.working_group_id == group_id)
            .order_by(sa.func.lower(Person.full_name), Person.id)
        ).all()
    return [
        MemberRow(
            person_id=r[0],
            name=f"{r[1] or ''} {r[2]}".strip(),
            sex=r[3],
            organisation=r[4],
            organisation_name=r[5],
            position=r[6] or "",
            email=r[7] or "",
            phone=r[8] or "",
            archived=bool(r[9]),
        )
        for r in rows
    ]
