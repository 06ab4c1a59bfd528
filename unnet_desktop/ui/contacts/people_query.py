"""What a people list shows (``PeopleQuery``) and the last few answers (``RecentSearches``).

Search as you type asks a new query at each key. Most of them narrow the one before ("sit"
after "si"), return to one asked a moment ago (a letter rubbed out) or only change the spacing
("siti " after "siti"): ``RecentSearches`` answers those from the results it keeps, by
``services.contacts.narrow_people_ids`` (no sort, no full pass for a short list) or with no SQL
at all. Results are kept for one set of filters and order at a time, and are only as fresh as
the full search they come from: the model forgets them after any change (``clear``), and they
expire after ``MAX_AGE_S`` (another program may write to the file meanwhile).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

from ...core.database import Database
from ...core.enums import OrganisationCategory, Sex
from ...services import contacts


@dataclass(frozen=True)
class PeopleQuery:
    """What the list shows: the search box, the filters and the order (all done in SQL)."""

    text: str = ""
    organisation_id: int | None = None
    category: OrganisationCategory | None = None
    sex: Sex | None = None
    include_archived: bool = False
    distribution_list_id: int | None = None
    order_by: str = "name"
    descending: bool = False

    def filter_kwargs(self) -> dict:
        """The filters, as ``services.contacts`` takes them."""
        return {
            "organisation_id": self.organisation_id,
            "category": self.category,
            "sex": self.sex,
            "include_archived": self.include_archived,
            "distribution_list_id": self.distribution_list_id,
        }

    def search_kwargs(self) -> dict:
        """The filters and the order, for ``services.contacts.search_people_ids``."""
        return {**self.filter_kwargs(), "order_by": self.order_by, "descending": self.descending}


@dataclass(frozen=True)
class _Result:
    ids: list[int]  # never changed once kept
    read_at: float  # the clock's time of the full search these ids come from


class RecentSearches:
    """The ids of the last ``SIZE`` texts searched with one set of filters and order, to answer
    the next text without a full search. Another set of filters or order starts afresh. The
    result of the empty text (everyone) is kept longest: every text narrows it."""

    SIZE = 12
    MAX_AGE_S = 60.0

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        # By the query with its words only (its spacing does not change who is found).
        self._results: OrderedDict[PeopleQuery, _Result] = OrderedDict()

    def clear(self) -> None:
        """Forget every result (the people changed)."""
        self._results.clear()

    def now(self) -> float:
        return self._clock()

    def keep(self, query: PeopleQuery, ids: list[int], read_at: float) -> None:
        """Keep the answer to ``query``, read by a full search at ``read_at`` (``now()``)."""
        key = _words_only(query)
        self._results[key] = _Result(ids, read_at)
        self._results.move_to_end(key)
        while len(self._results) > self.SIZE:
            oldest = next((q for q in self._results if q.text), key)
            del self._results[oldest]

    def answer(self, db: Database, query: PeopleQuery) -> list[int] | None:
        """The ids ``search_people_ids`` would give for ``query``, from a result kept: the same
        words; else the shortest result whose text ``query``'s narrows (the same people when
        each narrows the other). None: a full search is needed (then ``keep`` its result)."""
        key, now = _words_only(query), self._clock()
        for old in list(self._results):
            if replace(old, text=key.text) != key or now - self._results[old].read_at > self.MAX_AGE_S:
                del self._results[old]
        found = self._results.get(key)
        if found is not None:
            self._results.move_to_end(key)
            return found.ids
        wider = [(old, result) for old, result in self._results.items() if contacts.narrows(key.text, old.text)]
        if not wider:
            return None
        old, base = min(wider, key=lambda candidate: len(candidate[1].ids))
        if contacts.narrows(old.text, key.text):
            ids = base.ids  # each narrows the other: the same people
        else:
            ids = contacts.narrow_people_ids(db, base.ids, key.text, **key.filter_kwargs())
        self.keep(key, ids, base.read_at)
        return ids


def _words_only(query: PeopleQuery) -> PeopleQuery:
    return replace(query, text=" ".join(contacts.search_tokens(query.text)))
