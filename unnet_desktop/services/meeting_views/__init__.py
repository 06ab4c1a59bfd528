"""Read-only views of meetings: light list rows and the full detail of one meeting.

Frozen dataclasses, read in one session, safe to hand to the UI or to the file writers (no lazy
loading after the session is closed). The Word minutes, the participant list, the invitation and
the e-mail draft are all written from a ``MeetingDetail``.

The package: ``formatting`` (today in WIB, dates and times in words), ``rows`` (list rows,
``MinutesEvent``), ``detail`` (the dataclasses of ``MeetingDetail``), ``loading`` (``load_detail``,
``meeting_detail``). Import from the package: every public name is here.
"""

from __future__ import annotations

from .detail import ActionRow, AgendaRow, AttendanceSummary, MeetingDetail, ParticipantRow, PersonRef
from ...core.timezone import today_wib
from .formatting import enum_or_error, long_date, long_when, when_text
from .loading import action_rows, load_detail, meeting_detail, participant_rows, secretariat_person
from .rows import MeetingRow, MinutesEvent, meeting_row_columns, meeting_row_from, next_meeting


__all__ = [
    "ActionRow",
    "AgendaRow",
    "AttendanceSummary",
    "MeetingDetail",
    "MeetingRow",
    "MinutesEvent",
    "ParticipantRow",
    "PersonRef",
    "long_date",
    "long_when",
    "meeting_detail",
    "today_wib",
    "when_text",
]
