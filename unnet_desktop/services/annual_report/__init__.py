"""The Network's annual report to the Resident Coordinator and the UN Country Team (ToR D.4), as data.

``annual_report(db, year)`` gathers the year's figures into frozen dataclasses, read in a few
grouped queries; ``files.annual_report_docx`` turns them into Word and ``files.charts`` into charts.
No Word and no Qt here. What counts:

- *meetings held*: meetings of the year (by their WIB date) whose status is Held; those of the year
  still Planned or Cancelled are listed apart. Attendance is of those held: participations marked
  Present, by sex and by the organisation's category;
- *main decisions*: the decisions recorded under the agenda items of the meetings held;
- *action points raised*: those of the year's meetings (whatever their status), with their status
  as of the report's date; overdue = still open or in progress with a due date before that date;
- *work plan*: the year's plan (``services.workplans.plan_overview``: activities by results group,
  required, available, spent, funding gap); activities by status;
- *GCM objectives*: for each of the 23, the year's activities addressing it (cancelled ones left
  out, as ``services.coverage`` does), the meetings held whose agenda items address it, and the
  year's policy updates addressing it (an update on every objective, the GCM itself, is named once
  in ``policies_on_every_objective`` rather than in all 23 lines);
- *policy updates*: entries of the library presented under an agenda item of a meeting held that
  year, and entries issued that year;
- *working groups*: those active at some time in the year, with their meetings and action points.

A year with nothing at all (no meeting, no work plan, no policy update) is refused with a
ValidationError: it is far more likely a mistyped year than a report anyone wants.

The package: ``records`` (the dataclasses, ``money``), ``queries`` (the grouped queries),
``report`` (``annual_report``). Import from the package: every public name is here.
"""

from __future__ import annotations

from .records import (
    MAX_YEAR,
    MIN_YEAR,
    ActionFigures,
    ActionLine,
    AnnualReport,
    DecisionLine,
    GroupActivity,
    MeetingLine,
    ObjectiveLine,
    ParticipationFigures,
    PolicyUpdate,
    money,
)
from .report import annual_report

__all__ = [
    "ActionFigures",
    "ActionLine",
    "AnnualReport",
    "DecisionLine",
    "GroupActivity",
    "MeetingLine",
    "ObjectiveLine",
    "ParticipationFigures",
    "PolicyUpdate",
    "annual_report",
    "money",
]
