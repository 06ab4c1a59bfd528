"""Distribution lists: named groups of people who receive the same mail (minutes, invitations).

Members are listed with ``contacts.search_people(db, distribution_list_id=...)`` (filter, sort
and page in SQL like any people list); ``list_members`` is the short form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.errors import ValidationError
from ..core.models import DistributionList, Person, distribution_list_members
from .contacts import PersonRow, search_people, tidy_text

MAX_LIST_NAME = 120
_M = distribution_list_members


@dataclass(frozen=True, slots=True)
class DistributionListRow:
    id: int
    uuid: str
    name: str
    description: str
    member_count: int


def list_distribution_lists(db: Database) -> list[DistributionListRow]:
    """Every list, by name, with its number of members (archived people included)."""
    members = (
        sa.select(sa.func.count())
        .where(_M.c.distribution_list_id == DistributionList.id)
        .correlate(DistributionList)
        .scalar_subquery()
    )
    stmt = sa.select(
        DistributionList.id,
        DistributionList.uuid,
        DistributionList.name,
        DistributionList.description,
        members,
    ).order_by(sa.collate(DistributionList.name, "NOCASE"), DistributionList.id)
    with db.session() as session:
        return [DistributionListRow(*row) for row in session.execute(stmt)]


def _list(session: Session, list_id: int) -> DistributionList:
    found = session.get(DistributionList, list_id)
    if found is None:
        raise ValidationError("This distribution list no longer exists.")
    return found


def find_distribution_list(db: Database, name: str) -> DistributionListRow:
    """The list called ``name`` (case-insensitive); ValidationError naming the lists there are."""
    wanted = tidy_text(name).casefold()
    rows = list_distribution_lists(db)
    for row in rows:
        if row.name.casefold() == wanted:
            return row
    known = "; ".join(r.name for r in rows) or "none"
    raise ValidationError(f"There is no distribution list named '{tidy_text(name)}' (lists: {known}).")


def _checked_name(session: Session, name: str, list_id: int | None) -> str:
    text = tidy_text(name)
    if not text:
        raise ValidationError("The list name is required.")
    if len(text) > MAX_LIST_NAME:
        raise ValidationError(f"The list name is too long: {len(text)} characters, at most {MAX_LIST_NAME}.")
    stmt = sa.select(DistributionList.name).where(
        sa.func.lower(DistributionList.name) == sa.func.lower(sa.literal(text))
    )
    if list_id is not None:
        stmt = stmt.where(DistributionList.id != list_id)
    other = session.scalars(stmt.limit(1)).first()
    if other is not None:
        raise ValidationError(f"A distribution list named '{other}' already exists.")
    return text


def create_distribution_list(db: Database, name: str, description: str = "") -> int:
    """A new, empty list; returns its id. Names are unique, case-insensitive."""
    with db.session() as session:
        new = DistributionList(name=_checked_name(session, name, None), description=str(description or "").strip())
        session.add(new)
        session.flush()
        return new.id


def rename_distribution_list(db: Database, list_id: int, name: str, description: str | None = None) -> None:
    """Give a list a new name (and, when given, a new description)."""
    with db.session() as session:
        found = _list(session, list_id)
        found.name = _checked_name(session, name, list_id)
        if description is not None:
            found.description = str(description).strip()


def delete_distribution_list(db: Database, list_id: int) -> None:
    """Delete a list; its people stay in the directory."""
    with db.session() as session:
        found = _list(session, list_id)
        session.execute(sa.delete(_M).where(_M.c.distribution_list_id == list_id))
        session.delete(found)


def _ids(person_ids: Iterable[int]) -> list[int]:
    return sorted({int(i) for i in person_ids})


def add_members(db: Database, list_id: int, person_ids: Iterable[int]) -> int:
    """Add people (any number at once); those already on the list are left as they are.
    Returns how many were added. All or nothing: an unknown person adds nobody."""
    ids = _ids(person_ids)
    with db.session() as session:
        _list(session, list_id)
        if not ids:
            return 0
        known: set[int] = set()
        present: set[int] = set()
        for chunk in _chunks(ids):
            known.update(session.scalars(sa.select(Person.id).where(Person.id.in_(chunk))))
            present.update(
                session.scalars(
                    sa.select(_M.c.person_id).where(_M.c.distribution_list_id == list_id, _M.c.person_id.in_(chunk))
                )
            )
        missing = [i for i in ids if i not in known]
        if missing:
            raise ValidationError(
                f"{len(missing)} of the chosen people no longer exist in the directory; nobody was added."
            )
        new = [{"distribution_list_id": list_id, "person_id": i} for i in ids if i not in present]
        if new:
            session.execute(sa.insert(_M), new)
        return len(new)


def remove_members(db: Database, list_id: int, person_ids: Iterable[int]) -> int:
    """Take people off a list (they stay in the directory). Returns how many were removed."""
    ids = _ids(person_ids)
    with db.session() as session:
        _list(session, list_id)
        removed = 0
        for chunk in _chunks(ids):
            result = session.execute(
                sa.delete(_M).where(_M.c.distribution_list_id == list_id, _M.c.person_id.in_(chunk))
            )
            removed += result.rowcount
        return removed


def list_members(
    db: Database, list_id: int, *, include_archived: bool = False, order_by: str = "name"
) -> list[PersonRow]:
    """The people on a list, sorted by name (archived ones only when asked)."""
    with db.session() as session:
        _list(session, list_id)
    return search_people(db, distribution_list_id=list_id, include_archived=include_archived, order_by=order_by)


def member_ids(db: Database, list_id: int) -> set[int]:
    """The ids of a list's people (to tick them in a multi-selection)."""
    with db.session() as session:
        return set(session.scalars(sa.select(_M.c.person_id).where(_M.c.distribution_list_id == list_id)))


def _chunks(ids: list[int], size: int = 900):
    """SQLite limits the number of bound parameters per statement."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
