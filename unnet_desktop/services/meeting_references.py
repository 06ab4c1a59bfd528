"""Meeting references: ``2025-Q2``, ``2025-AH-03``, ``2025-ANM`` (``2025-ANM-2``), ``WG-FRDW-01``,
``2025-M-01``; proposed unique, and checked when the officer types one. No Qt."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.enums import MeetingKind
from ..core.errors import ValidationError
from ..core.models import Meeting, WorkingGroup
from ..core.timezone import to_wib
from .meeting_common import clean_line, require_aware, year_bounds
from .meeting_views import enum_or_error

REFERENCE_MAX = 40  # the column's length


def _taken_references(session: Session, exclude_meeting_id: int | None = None) -> set[str]:
    query = sa.select(Meeting.reference)
    if exclude_meeting_id is not None:
        query = query.where(Meeting.id != exclude_meeting_id)
    return {ref.casefold() for ref in session.scalars(query)}


def _working_group_prefix(short_name: str) -> str:
    short = re.sub(r"\s+", "-", short_name.strip()).upper()
    return short if short.startswith("WG") else f"WG-{short}"


def propose(
    session: Session,
    kind: MeetingKind,
    starts_at: dt.datetime,
    working_group_id: int | None,
    exclude_meeting_id: int | None = None,
) -> str:
    taken = _taken_references(session, exclude_meeting_id)
    year = to_wib(starts_at).year

    def count(*conditions) -> int:
        query = sa.select(sa.func.count()).select_from(Meeting).where(*conditions)
        if exclude_meeting_id is not None:
            query = query.where(Meeting.id != exclude_meeting_id)
        return session.scalar(query) or 0

    start, end = year_bounds(year)
    in_year = (Meeting.kind == kind, Meeting.starts_at >= start, Meeting.starts_at < end)

    if kind is MeetingKind.WORKING_GROUP:
        if working_group_id is None:
            raise ValidationError("A working group meeting needs its working group.")
        group = session.get(WorkingGroup, working_group_id)
        if group is None:
            raise ValidationError(f"There is no working group with id {working_group_id}.")
        prefix = _working_group_prefix(group.short_name)
        n = count(Meeting.kind == kind, Meeting.working_group_id == working_group_id) + 1
        candidates = (f"{prefix}-{i:02d}" for i in _from(n))
    elif kind is MeetingKind.QUARTERLY:
        candidates = (f"{year}-Q{i}" for i in _from(count(*in_year) + 1))
    elif kind is MeetingKind.AD_HOC:
        candidates = (f"{year}-AH-{i:02d}" for i in _from(count(*in_year) + 1))
    elif kind is MeetingKind.ANNUAL:
        # "2025-ANM" for the annual meeting; a second one the same year is "2025-ANM-2".
        if f"{year}-ANM".casefold() not in taken:
            return f"{year}-ANM"
        candidates = (f"{year}-ANM-{i}" for i in _from(max(2, count(*in_year) + 1)))
    else:
        candidates = (f"{year}-M-{i:02d}" for i in _from(count(*in_year) + 1))
    for candidate in candidates:
        if candidate.casefold() not in taken:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def _from(n: int) -> Iterable[int]:
    while True:
        yield n
        n += 1


def propose_reference(
    db: Database,
    kind: MeetingKind | str,
    starts_at: dt.datetime,
    working_group_id: int | None = None,
    *,
    exclude_meeting_id: int | None = None,
) -> str:
    """A unique reference for a new meeting: ``2025-Q2`` (the 2nd quarterly meeting of 2025),
    ``2025-AH-03``, ``2025-ANM`` (then ``2025-ANM-2``), ``WG-FRDW-01``, ``2025-M-01`` (other)."""
    kind = enum_or_error(MeetingKind, kind, "meeting kind")
    starts_at = require_aware(starts_at, "start")
    with db.session() as s:
        return propose(s, kind, starts_at, working_group_id, exclude_meeting_id)


def check_reference(session: Session, reference: str, exclude_meeting_id: int | None = None) -> str:
    reference = clean_line(reference, "reference", REFERENCE_MAX)
    if reference.isdigit():
        raise ValidationError(
            f"The reference {reference!r} is only digits; add a letter or a dash (it would be read as an id)."
        )
    if reference.casefold() in _taken_references(session, exclude_meeting_id):
        raise ValidationError(f"The reference {reference} is already used by another meeting.")
    return reference
