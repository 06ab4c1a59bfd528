"""Working groups of the Network (Terms of Reference D.5): permanent or ad-hoc, on GCM objectives,
led by an organisation (and a co-lead), with people as members; their meetings and open action points.

No Qt. The status is derived: a group is active until its closing date, closed from that day on.

The package: ``records`` (limits, status, dataclasses), ``rules`` (checks; loading and saving a
group), ``crud`` (including ``list_working_groups``), ``members``, ``activity`` (meetings and open
action points). Import from the package: every public name is here.
"""

from __future__ import annotations

from .activity import group_meetings, group_open_action_points
from .crud import (
    close_working_group,
    create_working_group,
    delete_working_group,
    find_working_group,
    get_working_group,
    list_working_groups,
    update_working_group,
)
from .members import add_member, add_members, group_members, remove_member
from .records import (
    ACTIVE,
    CLOSED,
    EDITABLE_FIELDS,
    NAME_MAX,
    SHORT_NAME_MAX,
    STATUS_LABELS,
    GroupActionRow,
    GroupMeetingRow,
    MemberRow,
    WorkingGroupData,
    WorkingGroupRow,
    group_status,
)
from .rules import initials, normalise_group


__all__ = [
    "ACTIVE",
    "CLOSED",
    "GroupActionRow",
    "GroupMeetingRow",
    "MemberRow",
    "WorkingGroupData",
    "WorkingGroupRow",
    "add_member",
    "add_members",
    "close_working_group",
    "create_working_group",
    "delete_working_group",
    "find_working_group",
    "get_working_group",
    "group_meetings",
    "group_members",
    "group_open_action_points",
    "group_status",
    "initials",
    "list_working_groups",
    "normalise_group",
    "remove_member",
    "update_working_group",
]
