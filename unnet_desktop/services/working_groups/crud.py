"""Creating, reading, changing, closing and deleting working groups, and ``list_working_groups``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES
from ...core.errors import ValidationError
from ...core.models import (
    ActionPoint,
    GcmObjective,
    Meeting,
    Organisation,
    WorkingGroup,
    working_group_members,
    working_group_objectives,
)
from .records import ACTIVE, EDITABLE_FIELDS, WorkingGroupData, WorkingGroupRow, today_wib, group_status
from .rules import _clean_line, _data_of, _group, _save, normalise_group


def create_working_group(db: Database, data: WorkingGroupData) -> WorkingGroupData:
    data = normalise_group(data)
    with db.session() as s:
        group = WorkingGroup()
        _save(s, group, data)
        s.add(group)
        s.flush()
        return _data_of(group)


def get_working_group(db: Database, group_id: int) -> WorkingGroupData:
    with db.session() as s:
        return _data_of(_group(s, group_id))


def find_working_group(db: Database, name: str) -> WorkingGroupData:
    """The group whose name or short name is ``name`` (any case); ValidationError when none."""
    text = _clean_line(name)
    with db.session() as s:
        group = s.scalar(
            sa.select(WorkingGroup).where(
                sa.or_(
                    sa.func.lower(WorkingGroup.name) == text.lower(),
                    sa.func.lower(WorkingGroup.short_name) == text.lower(),
                )
            )
        )
        if group is None:
            known = ", ".join(s.scalars(sa.select(WorkingGroup.short_name).order_by(WorkingGroup.short_name)))
            raise ValidationError(
                f"There is no working group named {text!r}" + (f"; the groups are: {known}." if known else ".")
            )
        return _data_of(group)


def update_working_group(
    db: Database, group_id: int, data: WorkingGroupData | None = None, **changes
) -> WorkingGroupData:
    """Save a whole form (``data``) or a few fields (``changes``)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown working group fields: {', '.join(sorted(unknown))}")
    with db.session() as s:
        group = _group(s, group_id)
        merged = normalise_group(dataclasses.replace(data or _data_of(group), **changes))
        _save(s, group, merged)
        s.flush()
        return _data_of(group)


def close_working_group(db: Database, group_id: int, on: dt.date) -> WorkingGroupData:
    return update_working_group(db, group_id, closed_on=on)


def delete_working_group(db: Database, group_id: int) -> None:
    """Delete a group that has no meetings; one with meetings is closed instead, keeping its record."""
    with db.session() as s:
        group = _group(s, group_id)
        meetings = s.scalar(
            sa.select(sa.func.count()).select_from(Meeting).where(Meeting.working_group_id == group_id)
        )
        if meetings:
            raise ValidationError(
                f"The working group {group.name!r} has {meetings} meeting(s) on record; "
                "close it (give a closing date) rather than delete it."
            )
        s.delete(group)


def list_working_groups(
    db: Database, *, include_closed: bool = True, today: dt.date | None = None
) -> list[WorkingGroupRow]:
    """Every group (active first, then by name), with counts of members, meetings, open action points."""
    today = today or today_wib()
    lead, co_lead = aliased(Organisation), aliased(Organisation)
    members = (
        sa.select(sa.func.count())
        .select_from(working_group_members)
        .where(working_group_members.c.working_group_id == WorkingGroup.id)
        .scalar_subquery()
    )
    meetings = (
        sa.select(sa.func.count()).where(Meeting.working_group_id == WorkingGroup.id).scalar_subquery()
    )
    open_points = (
        sa.select(sa.func.count())
        .select_from(ActionPoint)
        .join(Meeting, Meeting.id == ActionPoint.meeting_id)
        .where(Meeting.working_group_id == WorkingGroup.id, ActionPoint.status.in_(OPEN_ACTION_STATUSES))
        .scalar_subquery()
    )
    query = (
        sa.select(
            WorkingGroup.id,
            WorkingGroup.uuid,
            WorkingGroup.name,
            WorkingGroup.short_name,
            WorkingGroup.kind,
            WorkingGroup.purpose,
            sa.func.coalesce(lead.acronym, lead.name, ""),
            sa.func.coalesce(co_lead.acronym, co_lead.name, ""),
            WorkingGroup.established_on,
            WorkingGroup.closed_on,
            members,
            meetings,
            open_points,
        )
        .outerjoin(lead, lead.id == WorkingGroup.lead_organisation_id)
        .outerjoin(co_lead, co_lead.id == WorkingGroup.co_lead_organisation_id)
        .order_by(sa.func.lower(WorkingGroup.name))
    )
    if not include_closed:
        query = query.where(sa.or_(WorkingGroup.closed_on.is_(None), WorkingGroup.closed_on > today))
    with db.session() as s:
        rows = s.execute(query).all()
        objectives: dict[int, list[int]] = {}
        for group_id, number in s.execute(
            sa.select(working_group_objectives.c.working_group_id, GcmObjective.number)
            .join(GcmObjective, GcmObjective.id == working_group_objectives.c.gcm_objective_id)
            .order_by(GcmObjective.number)
        ):
            objectives.setdefault(group_id, []).append(number)
    out = [
        WorkingGroupRow(
            id=r[0],
            uuid=r[1],
            name=r[2],
            short_name=r[3],
            kind=r[4],
            purpose=r[5] or "",
            lead_organisation=r[6],
            co_lead_organisation=r[7],
            objectives=tuple(objectives.get(r[0], ())),
            established_on=r[8],
            closed_on=r[9],
            members=r[10],
            meetings=r[11],
            open_action_points=r[12],
            status=group_status(r[9], today),
        )
        for r in rows
    ]
    out.sort(key=lambda g: g.status != ACTIVE)  # stable: by name within each status
    return out
