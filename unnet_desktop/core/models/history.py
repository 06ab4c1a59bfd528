"""What happened to records over time: meeting events and action point changes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..enums import ChangeSource, MeetingEventKind
from .base import Base, Entity, UTCDateTime, enum_column, utcnow
from .meetings import ActionPoint, Meeting


class MeetingEvent(Entity, Base):
    """A recorded step in a meeting's life: minutes circulated, approved, reopened (with why)."""

    __tablename__ = "meeting_events"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MeetingEventKind] = mapped_column(enum_column(MeetingEventKind))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(120), default="", server_default="")  # login name

    meeting: Mapped[Meeting] = relationship()


class ActionPointChange(Entity, Base):
    """One field of one action point changed: when, from what to what, in the app or by which file."""

    __tablename__ = "action_point_changes"

    action_point_id: Mapped[int] = mapped_column(
        ForeignKey("action_points.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[ChangeSource] = mapped_column(enum_column(ChangeSource), default=ChangeSource.APP)
    source_file: Mapped[str] = mapped_column(String(500), default="")

    action_point: Mapped[ActionPoint] = relationship()
