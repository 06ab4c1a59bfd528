"""The Network's annual report as a Word document (issue 7, point 3; Terms of Reference D.4).

Written from ``services.annual_report.AnnualReport`` on the same Word template as the minutes
(``services.preferences.word_template()``), with the helpers of ``docx_helpers``: "For internal
use only" in the header of every page (ToR D.6), "Annual report YEAR · Page X of Y" in the footer,
a title page with the key figures, then the sections in this order:

1. Meetings (dates in WIB, kinds, attendance; participation by sex and by organisation category;
   chart: attendance by sex per meeting)
2. Main decisions
3. Action points (raised, done, open; the open ones listed)
4. Work plan progress by results group, with budget figures (chart: activities by status)
5. Progress against the GCM: the 23 objectives (chart: coverage)
6. Policy updates
7. Working groups

Every text goes through ``clean_text``; tables are filled row by row; the file is written
atomically. python-docx and matplotlib are imported only when a report is written.

The package: ``layout`` (marking, section titles, widths), ``phrases`` (the key figures in words),
``writer`` (the Word building blocks), ``figures`` (the charts), ``front`` (header, footer, title
page), ``sections`` (the seven sections), ``document`` (the entry points). Import from the package:
every public name is here.
"""

from __future__ import annotations

from .document import ReportResult, build_document, default_filename, export_report, write_report
from .figures import Chart, report_charts
from .layout import (
    ACTION_FIGURE_WIDTHS,
    ACTIVITY_WIDTHS,
    CHART_WIDTH_CM,
    GROUP_TOTAL_WIDTHS,
    HEADER_FILL,
    INTERNAL_MARKING,
    KEY_VALUE_WIDTHS,
    MEETING_WIDTHS,
    OBJECTIVE_WIDTHS,
    OPEN_ACTION_WIDTHS,
    SECTIONS,
    SEX_WORDS,
    SHARE_WIDTHS,
    TABLE_FONT_PT,
    TOTAL_FILL,
)
from .phrases import (
    actions_phrase,
    activities_phrase,
    attendance_phrase,
    budget_phrase,
    meetings_phrase,
    objectives_phrase,
)

__all__ = [
    "INTERNAL_MARKING",
    "SECTIONS",
    "Chart",
    "ReportResult",
    "actions_phrase",
    "activities_phrase",
    "attendance_phrase",
    "budget_phrase",
    "build_document",
    "default_filename",
    "export_report",
    "meetings_phrase",
    "objectives_phrase",
    "report_charts",
    "write_report",
]
