"""A meeting's participants: who was invited, in what role, who came, and the counts.

No Qt; one session per action. Once the minutes are approved the attendance they record is
locked (role, attendance, remote, adding and removing people); the invitation status is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.enums import Attendance, InvitationStatus, ParticipantRole
from ..core.errors import ValidationError
from ..core.models import (
    DistributionList,
    Meeting,
    Organisation,
    Participation,
    Person,
    distribution_list_members,
)
from .meeting_views import AttendanceSummary, ParticipantRow, enum_or_error, participant_rows
from .meeting_common import UNSET, _Unset, ensure_unlocked, get_meeting


@dataclass(frozen=True)
class AddResult:
    added: int
    already: int = 0  # on the meeting already
    skipped_archived: int = 0

    @property
    def text(self) -> str:
        parts = [f"{self.added} added"]
        if self.already:
            parts.append(f"{self.already} already there")
        if self.skipped_archived:
            parts.append(f"{self.skipped_archived} archived skipped")
        return ", ".join(parts)


def _existing_person_ids(session: Session, meeting_id: int) -> set[int]:
    return set(session.scalars(sa.select(Participation.person_id).where(Participation.meeting_id == meeting_id)))


def _insert(session: Session, meeting: Meeting, person_ids: list[int], role: ParticipantRole) -> None:
    session.add_all(Participation(meeting_id=meeting.id, person_id=pid, role=role) for pid in person_ids)
    session.flush()


def add_people(
    db: Database, meeting_id: int, person_ids: Iterable[int], role: ParticipantRole | str = ParticipantRole.MEMBER
) -> AddResult:
    """Add people to the meeting (those already on it are left as they are)."""
    role = enum_or_error(ParticipantRole, role, "participant role")
    wanted = list(dict.fromkeys(int(p) for p in person_ids))
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the participants")
        found = set(s.scalars(sa.select(Person.id).where(Person.id.in_(wanted))))
        missing = [p for p in wanted if p not in found]
        if missing:
            raise ValidationError(f"There is no person with id {missing[0]}.")
        existing = _existing_person_ids(s, meeting_id)
        new = [p for p in wanted if p not in existing]
        _insert(s, meeting, new, role)
        return AddResult(added=len(new), already=len(wanted) - len(new))


def add_distribution_list(
    db: Database,
    meeting_id: int,
    distribution_list: int | str,
    role: ParticipantRole | str = ParticipantRole.MEMBER,
) -> AddResult:
    """Add everyone on a distribution list (by id or name), skipping people already on the meeting
    and archived people."""
    role = enum_or_error(ParticipantRole, role, "participant role")
    with db.session() as s:
        meeting = get_meeting(s, meeting_id)
        ensure_unlocked(meeting, "change the participants")
        list_id = find_distribution_list(s, distribution_list)
        rows = s.execute(
            sa.select(Person.id, Person.archived)
            .join(distribution_list_members, distribution_list_members.c.person_id == Person.id)
            .where(distribution_list_members.c.distribution_list_id == list_id)
            .order_by(Person.full_name, Person.id)
        ).all()
        existing = _existing_person_ids(s, meeting_id)
        new = [pid for pid, archived in rows if not archived and pid not in existing]
        archived = sum(1 for pid, a in rows if a and pid not in existing)
        _insert(s, meeting, new, role)
        return AddResult(added=len(new), already=sum(1 for pid, _ in rows if pid in existing), skipped_archived=archived)


def find_distribution_list(session: Session, distribution_list: int | str) -> int:
    if isinstance(distribution_list, int):
        found = session.scalar(sa.select(DistributionList.id).where(DistributionList.id == distribution_list))
    else:
        name = " ".join(str(distribution_list).split())
        found = session.scalar(
            sa.select(DistributionList.id).where(sa.func.lower(DistributionList.name) == name.lower())
        )
    if found is None:
        names = ", ".join(session.scalars(sa.select(DistributionList.name).order_by(DistributionList.name)))
        raise ValidationError(f"There is no distribution list {distribution_list!r} (there are: {names or 'none'}).")
    return found


def remove_participants(db: Database, participation_ids: Iterable[int]) -> int:
    """Take these participation rows off their meeting; returns how many were removed."""
    ids = list({int(i) for i in participation_ids})
    with db.session() as s:
        _check_locks(s, ids)
        result = s.execute(sa.delete(Participation).where(Participation.id.in_(ids)))
        return result.rowcount


def _check_locks(session: Session, participation_ids: list[int]) -> None:
    meetings = session.scalars(
        sa.select(Meeting).join(Participation, Participation.meeting_id == Meeting.id).where(
            Participation.id.in_(participation_ids)
        )
    ).unique()
    for meeting in meetings:
        ensure_unlocked(meeting, "change the attendance")


def set_participation(
    db: Database,
    participation_ids: Iterable[int],
    *,
    role: ParticipantRole | str | _Unset = UNSET,
    invitation: InvitationStatus | str | _Unset = UNSET,
    attendance: Attendance | str | _Unset = UNSET,
    remote: bool | _Unset = UNSET,
) -> int:
    """Set role, invitation status, attendance and/or remote for many rows at once (one UPDATE).
    Returns how many rows were changed."""
    ids = list({int(i) for i in participation_ids})
    values: dict = {}
    if role is not UNSET:
        values["role"] = enum_or_error(ParticipantRole, role, "participant role")
    if attendance is not UNSET:
        values["attendance"] = enum_or_error(Attendance, attendance, "attendance")
    if remote is not UNSET:
        values["remote"] = bool(remote)
    locked_fields = bool(values)
    if invitation is not UNSET:
        values["invitation"] = enum_or_error(InvitationStatus, invitation, "invitation status")
    if not ids or not values:
        return 0
    from ..core.models import utcnow

    with db.session() as s:
        if locked_fields:
            _check_locks(s, ids)
        result = s.execute(
            sa.update(Participation).where(Participation.id.in_(ids)).values(**values, updated_at=utcnow()),
            execution_options={"synchronize_session": False},
        )
        return result.rowcount


def list_participants(db: Database, meeting_id: int) -> list[ParticipantRow]:
    """The participants, by organisation then name."""
    with db.session() as s:
        get_meeting(s, meeting_id)
        return participant_rows(s, meeting_id)


def attendance_summary(db: Database, meeting_id: int) -> AttendanceSummary:
    """Live counts counted in SQL: invited, present, apologies, absent, remote; present and invited
    by sex and by organisation category."""
    with db.session() as s:
        get_meeting(s, meeting_id)
        rows = s.execute(
            sa.select(
                Participation.attendance,
                Participation.remote,
                Person.sex,
                Organisation.category,
                sa.func.count(),
            )
            .join(Person, Participation.person_id == Person.id)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .where(Participation.meeting_id == meeting_id)
            .group_by(Participation.attendance, Participation.remote, Person.sex, Organisation.category)
        ).all()
    return AttendanceSummary.from_counts((a, bool(r), sex, cat, n) for a, r, sex, cat, n in rows)


__all__ = [
    "AddResult",
    "add_distribution_list",
    "add_people",
    "attendance_summary",
    "list_participants",
    "remove_participants",
    "set_participation",
]
