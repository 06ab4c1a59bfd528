"""Meetings with their agenda, participants and action points."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import (
    ActionStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    ParticipantRole,
)
from .base import Base, Entity, UTCDateTime, enum_column, link_table
from .contacts import Organisation, Person
from .groups import WorkingGroup
from .reference import GcmObjective

agenda_item_objectives = link_table(
    "agenda_item_objectives",
    ("agenda_item_id", "agenda_items.id"),
    ("gcm_objective_id", "gcm_objectives.id"),
)


class Meeting(Entity, Base):
    __tablename__ = "meetings"

    reference: Mapped[str] = mapped_column(String(40), unique=True)  # "2024-Q1"
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind), default=MeetingKind.QUARTERLY)
    working_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("working_groups.id", ondelete="SET NULL"), index=True
    )
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)  # UTC; shown in WIB
    ends_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    venue: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(500), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus), default=MeetingStatus.PLANNED)
    confidentiality: Mapped[Confidentiality] = mapped_column(
        enum_column(Confidentiality), default=Confidentiality.INTERNAL
    )
    minutes_status: Mapped[MinutesStatus] = mapped_column(
        enum_column(MinutesStatus), default=MinutesStatus.NOT_STARTED
    )
    approved_on: Mapped[dt.date | None] = mapped_column(Date)
    # RFC 5545 SEQUENCE of the calendar invitation: grows each time the meeting is moved.
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)

    working_group: Mapped[WorkingGroup | None] = relationship()
    chair: Mapped[Person | None] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    participations: Mapped[list[Participation]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    action_points: Mapped[list[ActionPoint]] = relationship(back_populates="meeting")


class AgendaItem(Entity, Base):
    __tablename__ = "agenda_items"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    discussion: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter: Mapped[Person | None] = relationship()
    objectives: Mapped[list[GcmObjective]] = relationship(
        secondary=agenda_item_objectives, order_by="GcmObjective.number"
    )
    action_points: Mapped[list[ActionPoint]] = relationship(back_populates="agenda_item")


class Participation(Entity, Base):
    __tablename__ = "participations"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="RESTRICT"), index=True)
    role: Mapped[ParticipantRole] = mapped_column(
        enum_column(ParticipantRole), default=ParticipantRole.MEMBER
    )
    invitation: Mapped[InvitationStatus] = mapped_column(
        enum_column(InvitationStatus), default=InvitationStatus.NOT_SENT
    )
    attendance: Mapped[Attendance] = mapped_column(enum_column(Attendance), default=Attendance.UNKNOWN)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="participations")
    person: Mapped[Person] = relationship()


class ActionPoint(Entity, Base):
    __tablename__ = "action_points"

    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    responsible_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    responsible_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.OPEN, index=True
    )
    completion_note: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting | None] = relationship(back_populates="action_points")
    agenda_item: Mapped[AgendaItem | None] = relationship(back_populates="action_points")
    responsible_organisation: Mapped[Organisation | None] = relationship()
    responsible_person: Mapped[Person | None] = relationship()
