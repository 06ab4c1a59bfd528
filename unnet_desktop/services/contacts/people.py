"""The people list: one light row per person, searched, filtered and sorted in SQL.

``search_people_ids`` + ``people_rows`` serve a table model (every matching id in one pass, the
rows on screen fetched by id); ``search_people`` / ``count_people`` give a page and a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import OrganisationCategory, Sex
from ...core.errors import ValidationError
from ...core.models import Organisation, Person, distribution_list_members
from .query import _blank, _label_order, _like_pattern, _nocase, _nulls_last, _page
from .rules import _enum_values, search_tokens

#: ``organisation_id=NO_ORGANISATION`` in the people filters: people attached to no organisation.
NO_ORGANISATION = 0


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the people list (what a table model shows), read in one SQL query."""

    id: int
    uuid: str
    title: str
    full_name: str
    sex: Sex
    organisation_id: int | None
    organisation_name: str | None
    organisation_acronym: str | None
    category: OrganisationCategory | None
    position: str
    email: str | None
    alt_email: str | None
    phone: str
    archived: bool

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    @property
    def organisation_short(self) -> str:
        return self.organisation_acronym or self.organisation_name or ""


# --------------------------------------------------------------------------- searching people

_P = Person.__table__
_O = Organisation.__table__


PEOPLE_SORT_KEYS = (
    "name",
    "title",
    "sex",
    "organisation",
    "acronym",
    "category",
    "position",
    "email",
    "phone",
    "archived",
    "created",
    "updated",
)
_ORG_SORT_KEYS = {"organisation", "acronym", "category"}


def _people_order(order_by: str | None, descending: bool) -> list:
    if order_by is None:
        return []
    name = _nocase(_P.c.full_name)
    if order_by == "name":
        return [name.desc() if descending else name.asc(), _P.c.id.desc() if descending else _P.c.id.asc()]
    tail = [name.asc(), _P.c.id.asc()]
    simple = {
        "title": (_nocase(_P.c.title), _blank(_P.c.title)),
        "organisation": (_nocase(_O.c.name), _O.c.name.is_(None)),
        "acronym": (_nocase(sa.func.coalesce(_O.c.acronym, _O.c.name)), _O.c.name.is_(None)),
        "category": (_label_order(_O.c.category, OrganisationCategory), _O.c.category.is_(None)),
        "position": (_nocase(_P.c.position), _blank(_P.c.position)),
        "email": (_nocase(_P.c.email), _blank(_P.c.email)),
        "phone": (_P.c.phone, _blank(_P.c.phone)),
    }
    if order_by in simple:
        expr, empty = simple[order_by]
        return [*_nulls_last(expr, empty, descending), *tail]
    if order_by == "sex":
        expr = _label_order(_P.c.sex, Sex)
    elif order_by == "archived":
        expr = _P.c.archived
    elif order_by == "created":
        expr = _P.c.created_at
    elif order_by == "updated":
        expr = _P.c.updated_at
    else:
        raise ValueError(f"unknown sort key {order_by!r}; one of {', '.join(PEOPLE_SORT_KEYS)}")
    return [expr.desc() if descending else expr.asc(), *tail]


def _bare_phone():
    """The phone without the separators people put in it (each replace() costs a pass)."""
    bare = _P.c.phone
    for sep in (" ", "-", "."):
        bare = sa.func.replace(bare, sep, "")
    return bare


def _token_condition(token: str):
    """One word of the search: found in a column of the person or their organisation.

    SQLite's LIKE ignores ASCII case, so no lower() is needed; no index can serve '%x%', so
    the cost is one pass over the people table. The organisation's columns are searched in a
    subquery over the small organisations table instead of through a join on every row; the
    phone only for words with a digit (a phone holds no letters).
    """
    pattern = _like_pattern(token)
    alternatives = [
        _P.c.full_name.like(pattern, escape="\\"),
        _P.c.email.like(pattern, escape="\\"),
        _P.c.position.like(pattern, escape="\\"),
        _P.c.title.like(pattern, escape="\\"),
        _P.c.alt_email.like(pattern, escape="\\"),
        _P.c.organisation_id.in_(
            sa.select(_O.c.id).where(
                sa.or_(_O.c.name.like(pattern, escape="\\"), _O.c.acronym.like(pattern, escape="\\"))
            )
        ),
    ]
    in_phone, compact = phone_token(token)
    if in_phone:
        alternatives.append(_P.c.phone.like(pattern, escape="\\"))
    if compact is not None:
        alternatives.append(_bare_phone().like(_like_pattern(compact), escape="\\"))
    return sa.or_(*alternatives)


def phone_token(token: str) -> tuple[bool, str | None]:
    """How one word of the search is looked for in the phone: (whether it is at all: only a
    word with a digit, a phone holds no letters; the word without separators when the phone is
    also compared without its own, else None). That second comparison lets "0812-3456" and
    "08123456" find "0812 3456 789"; it is made for five digits or more only (a group of a
    phone number has four at most)."""
    if not any(ch.isdigit() for ch in token):
        return False, None
    compact = re.sub(r"[.\-]", "", token)
    return True, (compact if len(compact) >= 5 and compact.lstrip("+").isdigit() else None)


def _people_where(
    text,
    organisation_id,
    category,
    sex,
    include_archived: bool,
    distribution_list_id: int | None,
) -> list:
    """The WHERE of a people list, on the people table alone (no join needed)."""
    where: list = []
    if not include_archived:
        where.append(_P.c.archived.is_(False))
    if organisation_id is not None:
        if organisation_id == NO_ORGANISATION:
            where.append(_P.c.organisation_id.is_(None))
        else:
            where.append(_P.c.organisation_id == organisation_id)
    categories = _enum_values(OrganisationCategory, category, "organisation category")
    if categories is not None:
        where.append(_P.c.organisation_id.in_(sa.select(_O.c.id).where(_O.c.category.in_(categories))))
    sexes = _enum_values(Sex, sex, "sex")
    if sexes is not None:
        where.append(_P.c.sex.in_(sexes))
    if distribution_list_id is not None:
        members = sa.select(distribution_list_members.c.person_id).where(
            distribution_list_members.c.distribution_list_id == distribution_list_id
        )
        where.append(_P.c.id.in_(members))
    where.extend(_token_condition(token) for token in search_tokens(text))
    return where


_PERSON_COLUMNS = (
    _P.c.id,
    _P.c.uuid,
    _P.c.title,
    _P.c.full_name,
    _P.c.sex,
    _P.c.organisation_id,
    _O.c.name,
    _O.c.acronym,
    _O.c.category,
    _P.c.position,
    _P.c.email,
    _P.c.alt_email,
    _P.c.phone,
    _P.c.archived,
)
_PEOPLE_FROM = _P.outerjoin(_O, _P.c.organisation_id == _O.c.id)


def search_people(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
    order_by: str | None = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[PersonRow]:
    """People matching every word of ``text`` (in name, title, position, email, phone,
    organisation name or acronym; case-insensitive) and the filters, sorted by ``order_by``
    (one of ``PEOPLE_SORT_KEYS``) then by name; ``limit``/``offset`` for one page.
    ``order_by=None``: in no particular order, for bulk reads (sorting wide rows is slow).

    Filters: ``organisation_id`` (``NO_ORGANISATION`` for people without one), ``category``
    of their organisation and ``sex`` (one value or several), ``distribution_list_id``."""
    stmt = (
        sa.select(*_PERSON_COLUMNS)
        .select_from(_PEOPLE_FROM)
        .where(*_people_where(text, organisation_id, category, sex, include_archived, distribution_list_id))
        .order_by(*_people_order(order_by, descending))
    )
    with db.engine.connect() as conn:
        return [PersonRow(*row) for row in conn.execute(_page(stmt, limit, offset))]


def count_people(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
) -> int:
    """How many people ``search_people`` gives with the same filters (no paging)."""
    where = _people_where(text, organisation_id, category, sex, include_archived, distribution_list_id)
    stmt = sa.select(sa.func.count()).select_from(_P).where(*where)
    with db.engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def search_people_ids(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
    order_by: str = "name",
    descending: bool = False,
) -> list[int]:
    """The ids of every person ``search_people`` gives, in its order, from one pass over the
    table: for a table model, the row count is ``len(ids)`` and the rows on screen come from
    ``people_rows(db, ids[first:last])`` (scrolling far costs no OFFSET scan)."""
    where = _people_where(text, organisation_id, category, sex, include_archived, distribution_list_id)
    source = _PEOPLE_FROM if order_by in _ORG_SORT_KEYS else _P
    stmt = sa.select(_P.c.id).select_from(source).where(*where).order_by(*_people_order(order_by, descending))
    with db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def people_rows(db: Database, ids: Iterable[int]) -> list[PersonRow]:
    """The rows of the people ``ids`` in that order (those no longer there are left out)."""
    ids = list(ids)
    found: dict[int, PersonRow] = {}
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 900):  # SQLite's limit of bound parameters
            chunk = ids[start : start + 900]
            stmt = sa.select(*_PERSON_COLUMNS).select_from(_PEOPLE_FROM).where(_P.c.id.in_(chunk))
            found.update((row[0], PersonRow(*row)) for row in conn.execute(stmt))
    return [found[i] for i in ids if i in found]


def get_person(db: Database, person_id: int) -> PersonRow:
    """The list row of one person; ValidationError when there is none."""
    rows = people_rows(db, [person_id])
    if not rows:
        raise ValidationError("This person no longer exists in the directory.")
    return rows[0]
