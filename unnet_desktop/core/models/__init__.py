"""The data model. Importing this package registers every table on ``Base.metadata`` and the
action-point history listener (history_tracking)."""

from .base import Base, Entity, new_uuid, utcnow
from .contacts import DistributionList, Organisation, Person, distribution_list_members
from .history import ActionPointChange, MeetingEvent
from .groups import WorkingGroup, working_group_members, working_group_objectives
from .meetings import ActionPoint, AgendaItem, Meeting, Participation, agenda_item_objectives
from .policies import Policy, agenda_item_policies, policy_objectives
from .reference import GcmObjective, GuidingPrinciple, ResultsGroup
from .workplans import (
    Activity,
    WorkPlan,
    activity_implementing_partners,
    activity_objectives,
    activity_participating_agencies,
)

# Registers the listener that records every change to an action point (after the models it needs).
from . import history_tracking  # noqa: F401  isort: skip

__all__ = [
    "Activity",
    "ActionPoint",
    "ActionPointChange",
    "AgendaItem",
    "Base",
    "DistributionList",
    "Entity",
    "GcmObjective",
    "GuidingPrinciple",
    "Meeting",
    "MeetingEvent",
    "Organisation",
    "Participation",
    "Person",
    "Policy",
    "ResultsGroup",
    "WorkPlan",
    "WorkingGroup",
    "activity_implementing_partners",
    "activity_objectives",
    "activity_participating_agencies",
    "agenda_item_objectives",
    "agenda_item_policies",
    "distribution_list_members",
    "new_uuid",
    "policy_objectives",
    "utcnow",
    "working_group_members",
    "working_group_objectives",
]
