"""Annual work plans and their activities (UN INFO sub-outputs): the rules, the totals, the overview.

No Qt. Every public function opens one session (one user action) and returns plain frozen
dataclasses; the ``_functions`` taking a session (in the modules below) apply the same rules
wherever a plan or activity is written.

Rules kept here:
- one plan per year; a plan is a draft or endorsed, and endorsing needs the date (not in the
  future, plan not empty); back to draft clears the date;
- an activity's code is proposed as ``RG<results group>.<n>`` (n = one more than the highest
  n of that group's codes in the plan), may be edited, and is unique in the plan (case-insensitive);
- one lead agency (never also listed as participating), dates in order, progress 0-100,
  markers 0-3 each with a justification of at most three sentences, budgets in USD to the cent,
  never negative;
- totals (required, available, spent, funding gap = required - available, negative when an
  activity or group is over-funded) are summed in SQL, in cents.

Modules (everything is re-exported here: ``from unnet_desktop.services import workplans as wp``):

- ``values``: limits, statuses, money, whole numbers, markers, justifications, titles (no database);
- ``plans``: :class:`WorkPlanInfo`, listing, creating, renaming, endorsing, deleting plans;
- ``codes``: proposing activity codes, their uniqueness, :func:`natural_key`;
- ``activities``: :class:`ActivityData`, :func:`normalise_activity`, creating, updating, deleting activities;
- ``totals``: :class:`BudgetTotals`, :class:`PlanTotals`, :func:`plan_totals`;
- ``overview``: :class:`PlanOverview` and its lines, :func:`plan_overview`;
- ``next_year``: :func:`copy_to_next_year`;
- ``choices``: look-ups for the forms.
"""

from __future__ import annotations

from .activities import (
    EDITABLE_FIELDS,
    ActivityData,
    create_activity,
    delete_activity,
    get_activity,
    normalise_activity,
    update_activity,
)
from .choices import Choice, objective_choices, organisation_choices, results_group_choices
from .codes import natural_key, propose_code
from .next_year import CARRIED_FIELDS, FINISHED_STATUSES, CopyResult, copy_to_next_year
from .overview import (
    OVERVIEW_COLUMNS,
    ActivityRow,
    OverviewLine,
    PlanOverview,
    ResultsGroupSection,
    plan_overview,
)
from .plans import (
    WorkPlanInfo,
    create_work_plan,
    default_plan_title,
    delete_work_plan,
    get_work_plan,
    list_work_plans,
    rename_work_plan,
    set_plan_status,
)
from .totals import NO_LEAD_LABEL, BudgetTotals, PlanTotals, plan_totals
from .values import (
    CENT,
    CODE_MAX,
    JUSTIFICATION_MAX_CHARS,
    JUSTIFICATION_MAX_SENTENCES,
    LOCATION_MAX,
    MAX_YEAR,
    MIN_YEAR,
    MONEY_MAX,
    STATUS_SYNONYMS,
    TITLE_MAX,
    check_justification,
    count_sentences,
    parse_marker,
    parse_money,
    parse_progress,
    parse_status,
    parse_whole_number,
)

__all__ = [
    "ActivityData",
    "ActivityRow",
    "BudgetTotals",
    "CARRIED_FIELDS",
    "Choice",
    "CopyResult",
    "EDITABLE_FIELDS",
    "FINISHED_STATUSES",
    "OVERVIEW_COLUMNS",
    "OverviewLine",
    "PlanOverview",
    "PlanTotals",
    "ResultsGroupSection",
    "WorkPlanInfo",
    "check_justification",
    "copy_to_next_year",
    "count_sentences",
    "create_activity",
    "create_work_plan",
    "delete_activity",
    "delete_work_plan",
    "get_activity",
    "get_work_plan",
    "list_work_plans",
    "natural_key",
    "normalise_activity",
    "objective_choices",
    "organisation_choices",
    "parse_marker",
    "parse_money",
    "parse_progress",
    "parse_status",
    "plan_overview",
    "plan_totals",
    "propose_code",
    "rename_work_plan",
    "results_group_choices",
    "set_plan_status",
    "update_activity",
]
