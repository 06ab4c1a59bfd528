"""The report's fixed words and measures: the marking, the section titles, column widths (cm), fills."""

from __future__ import annotations

from ...core.enums import Sex


INTERNAL_MARKING = "For internal use only"
SECTIONS = (
    "Meetings",
    "Main decisions",
    "Action points",
    "Work plan progress",
    "Progress against the GCM objectives",
    "Policy updates",
    "Working groups",
)
CHART_WIDTH_CM = 16.0
TABLE_FONT_PT = 8.5
MEETING_WIDTHS = (2.3, 4.9, 1.55, 1.55, 1.55, 1.55, 1.55, 1.55)
SHARE_WIDTHS = (7.5, 3.0, 3.0, 3.0)
ACTION_FIGURE_WIDTHS = (2.75,) * 6
OPEN_ACTION_WIDTHS = (2.0, 6.9, 3.4, 2.0, 2.2)
GROUP_TOTAL_WIDTHS = (4.5, 1.85, 1.95, 2.0, 2.05, 2.0, 2.15)
ACTIVITY_WIDTHS = (1.2, 4.3, 1.5, 2.0, 1.7, 1.9, 1.95, 1.95)
OBJECTIVE_WIDTHS = (4.4, 3.1, 5.0, 4.0)
KEY_VALUE_WIDTHS = (4.0, 12.5)
SEX_WORDS = {Sex.FEMALE: "Women", Sex.MALE: "Men", Sex.OTHER: "Other", Sex.NOT_RECORDED: "Not recorded"}
HEADER_FILL = "DCE6F0"
TOTAL_FILL = "F2F2F2"
