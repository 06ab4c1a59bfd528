"""The history of one action point, for people (its side panel). The rows themselves are written
by the listener in core/models/history_tracking.py, whoever changes the action point."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ...core.database import Database
from ...core.enums import ActionStatus, ChangeSource
from ...core.errors import ValidationError
from ...core.models import ActionPoint, ActionPointChange
from ...core.timezone import format_wib

FIELD_LABELS = {
    "created": "Created",
    "description": "Description",
    "status": "Status",
    "due_date": "Due date",
    "completion_note": "Completion note",
    "responsible_organisation": "Responsible organisation",
    "responsible_person": "Responsible person",
    "meeting": "Meeting",
    "agenda_item": "Agenda item",
}


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: dt.datetime  # aware UTC
    field: str
    old_value: str  # for people: labels, "31 Mar 2025"
    new_value: str
    source: ChangeSource
    source_file: str

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field.replace("_", " ").capitalize())

    @property
    def when(self) -> str:
        return format_wib(self.changed_at)

    @property
    def source_label(self) -> str:
        if self.source is ChangeSource.IMPORT and self.source_file:
            return f"{self.source.label} ({self.source_file})"
        return self.source.label


def display_history_value(field_name: str, text: str) -> str:
    """A history value for people: status labels, dates as ``31 Mar 2025``."""
    if not text:
        return ""
    if field_name == "status":
        try:
            return ActionStatus(text).label
        except ValueError:
            return text
    if field_name == "due_date":
        try:
            return f"{dt.date.fromisoformat(text):%d %b %Y}"
        except ValueError:
            return text
    return text


def action_point_history(db: Database, action_point_id: int) -> list[HistoryEntry]:
    """Every recorded change of one action point, newest first (for its side panel)."""
    with db.session() as s:
        if s.get(ActionPoint, action_point_id) is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        rows = s.execute(
            sa.select(
                ActionPointChange.changed_at,
                ActionPointChange.field,
                ActionPointChange.old_value,
                ActionPointChange.new_value,
                ActionPointChange.source,
                ActionPointChange.source_file,
            )
            .where(ActionPointChange.action_point_id == action_point_id)
            .order_by(ActionPointChange.changed_at.desc(), ActionPointChange.id.desc())
        ).all()
    return [
        HistoryEntry(
            changed_at=r.changed_at,
            field=r.field,
            old_value=display_history_value(r.field, r.old_value),
            new_value=display_history_value(r.field, r.new_value),
            source=r.source,
            source_file=r.source_file,
        )
        for r in rows
    ]


__all__ = ["FIELD_LABELS", "HistoryEntry", "action_point_history", "display_history_value"]
