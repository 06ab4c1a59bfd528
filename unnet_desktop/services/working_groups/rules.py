"""The rules of a group (``normalise_group``, ``initials``) and the helpers that load and save one
under them (unique name and short name, lead and co-lead organisations, objectives)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.enums import WorkingGroupKind
from ...core.errors import ValidationError
from ...core.models import GcmObjective, Organisation, WorkingGroup, utcnow
from .records import _PLAIN, NAME_MAX, SHORT_NAME_MAX, WorkingGroupData


_SHORT_NAME_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_.]*$")
_SMALL_WORDS = {"on", "of", "and", "the", "for", "to", "in", "a", "an", "&"}


def _clean_line(text: str | None) -> str:
    return " ".join((text or "").split())


def initials(name: str) -> str:
    """``Working Group on Labour Migration`` -> ``WGLM``."""
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w.casefold() not in _SMALL_WORDS]
    letters = "".join(w[0] for w in words if w[0].isalnum()).upper()
    return letters[:SHORT_NAME_MAX] or "WG"


def normalise_group(data: WorkingGroupData) -> WorkingGroupData:
    d = dataclasses.replace(data)
    d.name = _clean_line(d.name)
    if not d.name:
        raise ValidationError("The name of the working group is missing.")
    if len(d.name) > NAME_MAX:
        raise ValidationError(f"The name of the working group is too long: at most {NAME_MAX} characters.")
    d.short_name = _clean_line(d.short_name)
    if d.short_name:
        if len(d.short_name) > SHORT_NAME_MAX:
            raise ValidationError(f"The short name {d.short_name!r} is too long: at most {SHORT_NAME_MAX} characters.")
        if not _SHORT_NAME_OK.match(d.short_name):
            raise ValidationError(
                f"The short name {d.short_name!r} may hold only letters, digits, '-', '_' and '.', "
                "since it goes into meeting references."
            )
    try:
        d.kind = WorkingGroupKind.from_value(d.kind)
    except ValueError:
        raise ValidationError(f"{d.kind!r} is not a kind of working group; use Permanent or Ad-hoc.") from None
    d.purpose = (d.purpose or "").strip()
    for name in ("established_on", "closed_on"):
        value = getattr(d, name)
        if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
            raise ValidationError(f"The {name.replace('_on', '').replace('_', ' ')} date must be a date, not {value!r}.")
    if d.established_on and d.closed_on and d.closed_on < d.established_on:
        raise ValidationError(
            f"The closing date {d.closed_on:%d %b %Y} is before the date the group was established "
            f"({d.established_on:%d %b %Y})."
        )
    if d.lead_organisation_id is not None and d.lead_organisation_id == d.co_lead_organisation_id:
        raise ValidationError("The lead and the co-lead must be two different organisations.")
    objectives: dict[int, None] = {}
    for value in d.objectives or ():
        number = int(value)
        if not 1 <= number <= 23:
            raise ValidationError(f"There is no GCM objective {number}; the objectives are numbered 1 to 23.")
        objectives[number] = None
    d.objectives = tuple(sorted(objectives))
    return d


def _group(session: Session, group_id: int) -> WorkingGroup:
    group = session.get(WorkingGroup, group_id)
    if group is None:
        raise ValidationError(f"Working group #{group_id} does not exist (it may have been deleted).")
    return group


def _org(session: Session, org_id: int | None, role: str) -> Organisation | None:
    if org_id is None:
        return None
    org = session.get(Organisation, org_id)
    if org is None:
        raise ValidationError(f"The {role} #{org_id} is not in the contact directory.")
    return org


def _check_unique(session: Session, column, value: str, group_id: int | None, what: str) -> None:
    query = sa.select(WorkingGroup.name).where(sa.func.lower(column) == value.lower())
    if group_id is not None:
        query = query.where(WorkingGroup.id != group_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationError(f"The {what} {value!r} is already used by the working group {other!r}.")


def _free_short_name(session: Session, name: str, group_id: int | None) -> str:
    base = initials(name)
    taken = {
        s.lower()
        for s in session.scalars(
            sa.select(WorkingGroup.short_name).where(WorkingGroup.id != (group_id or -1))
        )
    }
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = str(n)
        candidate, n = base[: SHORT_NAME_MAX - len(suffix)] + suffix, n + 1
    return candidate


def _data_of(group: WorkingGroup) -> WorkingGroupData:
    return WorkingGroupData(
        **{name: getattr(group, name) for name in _PLAIN},
        objectives=tuple(o.number for o in group.objectives),
        id=group.id,
        uuid=group.uuid,
        updated_at=group.updated_at,
    )


def _save(session: Session, group: WorkingGroup, data: WorkingGroupData) -> bool:
    if not data.short_name:
        data.short_name = _free_short_name(session, data.name, group.id)
    _check_unique(session, WorkingGroup.name, data.name, group.id, "name")
    _check_unique(session, WorkingGroup.short_name, data.short_name, group.id, "short name")
    _org(session, data.lead_organisation_id, "lead organisation")
    _org(session, data.co_lead_organisation_id, "co-lead organisation")
    changed = group.id is None
    for name in _PLAIN:
        value = getattr(data, name)
        if getattr(group, name) != value:
            setattr(group, name, value)
            changed = True
    if {o.number for o in group.objectives} != set(data.objectives):
        group.objectives = (
            list(session.scalars(sa.select(GcmObjective).where(GcmObjective.number.in_(data.objectives))))
            if data.objectives
            else []
        )
        changed = True
    if changed:
        group.updated_at = utcnow()
    return changed
