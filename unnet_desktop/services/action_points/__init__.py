"""Action points across meetings: the list, edits and their history, the dashboard figures, and
importing the Excel trackers that field offices send back. No Qt.

One package, one public API: import from ``services.action_points``, not from its modules.

- statuses.py        parse_action_status (English and Bahasa Indonesia words), STATUS_HELP
- queries.py         list_action_points, count_action_points, export_rows, get_action_point
- changes.py         create / update / set_status_many / delete, find_organisation, find_meeting
- history.py         action_point_history and how its values are shown
- dashboard.py       action_dashboard
- tracker_import.py  the plan's dataclasses, new-row keys, reading one tracker row
- tracker_plan.py    plan_action_import
- tracker_apply.py   apply_action_import

History. Every change to an action point, whoever makes it, is written as ActionPointChange rows
by one session listener in core/models/history_tracking.py, registered when the models load: for
each tracked field that changed, the old and new value as text, the time, and the source —
``APP``, or ``IMPORT`` with the tracker's file name (set with :func:`change_source`). Creating an
action point writes one row with field ``"created"``. Callers never write history themselves.

Light rows. :func:`list_action_points` filters and sorts in SQL and hands back SQLAlchemy
``Row`` objects (named-tuple like) with the fields of :data:`LIST_FIELDS`.

Import. :func:`plan_action_import` reads the tracker and decides, row by row, what it would do
(services/tracker_sync.py); nothing is written. :func:`apply_action_import` applies a plan in one
transaction, with the officer's choice per conflict. Rows the field office added (no key) get a
key derived from the tracker's export id and their description, so a second import of the same
file finds the action point the first one created instead of creating it twice.
"""

from __future__ import annotations

from ...core.models.history_tracking import change_source, history_text, history_values
from .. import tracker_sync as sync  # noqa: F401  (action_points.sync, as before)
from .changes import (
    EDITABLE_FIELDS,
    UNSET,
    create_action_point,
    delete_action_point,
    find_meeting,
    find_organisation,
    set_status_many,
    update_action_point,
)
from .dashboard import ActionDashboard, OrganisationActionFigures, action_dashboard
from .history import FIELD_LABELS, HistoryEntry, action_point_history, display_history_value
from .queries import (
    LIST_FIELDS,
    ORDER_KEYS,
    ActionPointDetail,
    count_action_points,
    export_rows,
    get_action_point,
    list_action_points,
    today_wib,
)
from .statuses import STATUS_HELP, parse_action_status
from .tracker_apply import apply_action_import
from .tracker_import import (
    ActionImportPlan,
    ImportResult,
    ImportRow,
    NewActionPoint,
    as_exported_text,
    display_value,
    new_row_key,
)
from .tracker_plan import plan_action_import

__all__ = [
    "EDITABLE_FIELDS",
    "FIELD_LABELS",
    "LIST_FIELDS",
    "ORDER_KEYS",
    "STATUS_HELP",
    "UNSET",
    "ActionDashboard",
    "ActionImportPlan",
    "ActionPointDetail",
    "HistoryEntry",
    "ImportResult",
    "ImportRow",
    "NewActionPoint",
    "OrganisationActionFigures",
    "action_dashboard",
    "action_point_history",
    "apply_action_import",
    "as_exported_text",
    "count_action_points",
    "change_source",
    "create_action_point",
    "delete_action_point",
    "display_history_value",
    "display_value",
    "export_rows",
    "find_meeting",
    "find_organisation",
    "get_action_point",
    "history_text",
    "history_values",
    "list_action_points",
    "new_row_key",
    "parse_action_status",
    "plan_action_import",
    "set_status_many",
    "today_wib",
    "update_action_point",
]
