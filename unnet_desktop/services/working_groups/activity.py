"""A working group's meetings and its open action points."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES
from ...core.models import ActionPoint, Meeting, Organisation, Person
from .records import GroupActionRow, GroupMeetingRow, today_wib
from .rules import _group


def group_meetings(db: Database, group_id: int) -> list[GroupMeetingRow]:
    """The group's meetings, most recent first."""
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                Meeting.id,
                Meeting.reference,
                Meeting.title,
                Meeting.kind,
                Meeting.starts_at,
                Meeting.status,
                Meeting.minutes_status,
            )
            .where(Meeting.working_group_id == group_id)
            .order_by(Meeting.starts_at.desc(), Meeting.reference)
        ).all()
    return [GroupMeetingRow(*r) for r in rows]


def group_open_action_points(db: Database, group_id: int, today: dt.date | None = None) -> list[GroupActionRow]:
    """Open and in-progress action points of the group's meetings, soonest due first (no date last)."""
    today = today or today_wib()
    with db.session() as s:
        _group(s, group_id)
        rows = s.execute(
            sa.select(
                ActionPoint.id,
                ActionPoint.uuid,
                ActionPoint.description,
                Meeting.reference,
                sa.func.coalesce(Organisation.acronym, Organisation.name, ""),
                sa.func.coalesce(Person.full_name, ""),
                ActionPoint.due_date,
                ActionPoint.status,
            )
            .join(Meeting, Meeting.id == ActionPoint.meeting_id)
            .outerjoin(Organisation, Organisation.id == ActionPoint.responsible_organisation_id)
            .outerjoin(Person, Person.id == ActionPoint.responsible_person_id)
            .where(Meeting.working_group_id == group_id, ActionPoint.status.in_(OPEN_ACTION_STATUSES))
            .order_by(ActionPoint.due_date.is_(None), ActionPoint.due_date, Meeting.starts_at, ActionPoint.id)
        ).all()
    return [
        GroupActionRow(
            id=r[0],
            uuid=r[1],
            description=r[2],
            meeting_reference=r[3],
            responsible_organisation=r[4],
            responsible_person=r[5],
            due_date=r[6],
            status=r[7],
            overdue=r[6] is not None and r[6] < today,
        )
        for r in rows
    ]
