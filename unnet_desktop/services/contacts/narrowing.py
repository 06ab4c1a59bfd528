"""Searching again within the last result, for search as you type.

Each key typed in a search box usually narrows the search: "sit" after "si", "siti r" after
"siti". Everyone the new text finds was then found by the old one, so the new result is the
old one (in its order) less those the new text leaves out: ``narrows`` says when that holds,
``narrow_people_ids`` keeps the matching ids of a list without sorting anything again. Both
follow ``search_people_ids`` to the letter (its words, its LIKE, its phone rules), so the
answer is the one a full search would give.
"""

from __future__ import annotations

import json
import sqlite3
import string
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import OrganisationCategory, Sex
from .people import _P, _people_where, phone_token
from .rules import search_tokens

#: Up to this many ids, the people are looked up by id (a JSON array bound as one parameter);
#: beyond it one pass over the table costs less than the lookups.
LOOKUP_LIMIT = 10_000
# json_each() is part of SQLite from 3.38 (an option before): without it, always one pass.
_HAS_JSON = sqlite3.sqlite_version_info >= (3, 38, 0)

# SQLite's LIKE folds the case of ASCII letters only: so do these comparisons.
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _word(token: str) -> tuple[str, bool, bool]:
    """A search word as LIKE compares it: (ASCII lower case, searched in the phone, searched in
    the phone without separators)."""
    in_phone, compact = phone_token(token)
    return token.translate(_ASCII_LOWER), in_phone, compact is not None


def _implies(new: tuple[str, bool, bool], old: tuple[str, bool, bool]) -> bool:
    """Whether a row that the word ``new`` finds is always found by ``old``: ``old`` inside
    ``new`` (so inside every value holding ``new``; without separators too) and searched in
    every column ``new`` is searched in."""
    return old[0] in new[0] and (old[1] or not new[1]) and (old[2] or not new[2])


def narrows(text: str | None, previous: str | None) -> bool:
    """Whether everyone that ``search_people_ids`` finds for ``text`` is also found for
    ``previous`` (the filters being the same): each word of ``previous`` lies inside a word of
    ``text`` that is searched in no more columns. Any text narrows the empty one; a text
    narrows itself (and its own spacing or ASCII case)."""
    new = [_word(t) for t in search_tokens(text)]
    return all(any(_implies(n, o) for n in new) for o in (_word(t) for t in search_tokens(previous)))


def narrow_people_ids(
    db: Database,
    ids: Sequence[int],
    text: str | None,
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
) -> list[int]:
    """The ids of ``ids`` (kept in their order) of the people that match ``text`` and the
    filters, as ``search_people_ids`` matches them; ids of people no longer there are left out.

    With ``ids`` a result of ``search_people_ids`` and ``narrows(text, its text)``, this is
    what ``search_people_ids`` gives for ``text`` with the same filters and order (if nobody
    was added or changed since ``ids`` were read), without the sort. Up to ``LOOKUP_LIMIT`` ids
    the people are looked up by id, else the table is read in one pass, in no order; the ids come
    back as one text (no row per person to fetch and parse).
    """
    if not ids:
        return []
    where = _people_where(text, organisation_id, category, sex, include_archived, distribution_list_id)
    if _HAS_JSON and len(ids) <= LOOKUP_LIMIT:
        within = sa.func.json_each(sa.bindparam("within", type_=sa.String)).table_valued("value")
        source = within.join(_P, _P.c.id == within.c.value)
        params = {"within": json.dumps(sorted(ids))}  # in rowid order: the lookups walk forward
    else:
        source, params = _P, {}
    stmt = sa.select(sa.func.group_concat(_P.c.id)).select_from(source).where(*where)
    with db.engine.connect() as conn:
        found = conn.execute(stmt, params).scalar()
    if not found:
        return []
    keep = set(json.loads(f"[{found}]"))  # ids joined by commas: a JSON array once bracketed
    return list(filter(keep.__contains__, ids))
