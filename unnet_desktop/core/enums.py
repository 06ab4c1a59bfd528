"""Every enumeration of the domain, in one place, with the human label the UI shows.

Values are stored as their lowercase ``value`` strings; labels are for people.
"""

from __future__ import annotations

import enum


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry a human label: ``Member("value", "Label")``."""

    label: str

    def __new__(cls, value: str, label: str | None = None):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label if label is not None else value.replace("_", " ").capitalize()
        return obj

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value

    @classmethod
    def from_value(cls, value: str | LabelledEnum) -> LabelledEnum:
        """The member for a stored value or a label, case-insensitive; ValueError otherwise."""
        if isinstance(value, cls):
            return value
        text = str(value).strip().casefold()
        for member in cls:
            if text in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(f"{value!r} is not a valid {cls.__name__}")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]


class OrganisationCategory(LabelledEnum):
    UN_AGENCY = ("un_agency", "UN agency")
    GOVERNMENT = ("government", "Government")
    CIVIL_SOCIETY = ("civil_society", "Civil society organisation")
    MIGRANT_DIASPORA = ("migrant_diaspora", "Migrant or diaspora organisation")
    FAITH_BASED = ("faith_based", "Faith-based organisation")
    LOCAL_AUTHORITY = ("local_authority", "Local authority")
    PRIVATE_SECTOR = ("private_sector", "Private sector")
    TRADE_UNION = ("trade_union", "Trade union")
    PARLIAMENT = ("parliament", "Parliament")
    NHRI = ("nhri", "National human rights institution")
    RED_CROSS = ("red_cross", "Red Cross / Red Crescent")
    ACADEMIA = ("academia", "Academia")
    MEDIA = ("media", "Media")
    DEVELOPMENT_PARTNER = ("development_partner", "Development partner")
    OTHER = ("other", "Other")


class NetworkRole(LabelledEnum):
    CHAIR = ("chair", "Chair")
    CO_CHAIR_SECRETARIAT = ("co_chair_secretariat", "Co-chair and secretariat")
    MEMBER = ("member", "Member")
    OBSERVER = ("observer", "Observer")
    NONE = ("none", "None")


class Sex(LabelledEnum):
    FEMALE = ("female", "Female")
    MALE = ("male", "Male")
    OTHER = ("other", "Other")
    NOT_RECORDED = ("not_recorded", "Not recorded")


class MeetingKind(LabelledEnum):
    QUARTERLY = ("quarterly", "Quarterly meeting")
    AD_HOC = ("ad_hoc", "Ad-hoc meeting")
    ANNUAL = ("annual", "Annual Network Meeting")
    WORKING_GROUP = ("working_group", "Working group meeting")
    OTHER = ("other", "Other")


class MeetingStatus(LabelledEnum):
    PLANNED = ("planned", "Planned")
    HELD = ("held", "Held")
    CANCELLED = ("cancelled", "Cancelled")


class Confidentiality(LabelledEnum):
    INTERNAL = ("internal", "Internal use only")
    PUBLIC = ("public", "Public")


class MinutesStatus(LabelledEnum):
    NOT_STARTED = ("not_started", "Not started")
    DRAFT = ("draft", "Draft")
    CIRCULATED = ("circulated", "Circulated for comments")
    APPROVED = ("approved", "Approved")


class ParticipantRole(LabelledEnum):
    MEMBER = ("member", "Member")
    GUEST_SPEAKER = ("guest_speaker", "Guest speaker")
    OBSERVER = ("observer", "Observer / invitee")
    SECRETARIAT = ("secretariat", "Secretariat")


class InvitationStatus(LabelledEnum):
    NOT_SENT = ("not_sent", "Not sent")
    SENT = ("sent", "Sent")
    ACCEPTED = ("accepted", "Accepted")
    DECLINED = ("declined", "Declined")


class Attendance(LabelledEnum):
    PRESENT = ("present", "Present")
    APOLOGIES = ("apologies", "Apologies")
    ABSENT = ("absent", "Absent")
    UNKNOWN = ("unknown", "Unknown")


class ActionStatus(LabelledEnum):
    OPEN = ("open", "Open")
    IN_PROGRESS = ("in_progress", "In progress")
    DONE = ("done", "Done")
    DROPPED = ("dropped", "Dropped")


class WorkPlanStatus(LabelledEnum):
    DRAFT = ("draft", "Draft")
    ENDORSED = ("endorsed", "Endorsed")


class ActivityStatus(LabelledEnum):
    NOT_STARTED = ("not_started", "Not started")
    ON_TRACK = ("on_track", "On track")
    DELAYED = ("delayed", "Delayed")
    COMPLETED = ("completed", "Completed")
    CANCELLED = ("cancelled", "Cancelled")


class WorkingGroupKind(LabelledEnum):
    PERMANENT = ("permanent", "Permanent")
    AD_HOC = ("ad_hoc", "Ad-hoc")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class MeetingEventKind(LabelledEnum):
    MINUTES_CIRCULATED = ("minutes_circulated", "Minutes circulated for comments")
    MINUTES_APPROVED = ("minutes_approved", "Minutes approved")
    MINUTES_REOPENED = ("minutes_reopened", "Approved minutes reopened")
    MINUTES_WITHDRAWN = ("minutes_withdrawn", "Circulated minutes taken back to draft")
    MOVED = ("moved", "Meeting moved")


class ChangeSource(LabelledEnum):
    APP = ("app", "In the app")
    IMPORT = ("import", "Imported tracker")


class PolicyType(LabelledEnum):
    LAW = ("law", "Law")
    GOVERNMENT_REGULATION = ("government_regulation", "Government regulation")
    PRESIDENTIAL_REGULATION = ("presidential_regulation", "Presidential regulation")
    MINISTERIAL_REGULATION = ("ministerial_regulation", "Ministerial regulation")
    AGENCY_REGULATION = ("agency_regulation", "Agency regulation")
    REGIONAL_REGULATION = ("regional_regulation", "Regional regulation")
    POLICY_STRATEGY = ("policy_strategy", "Policy or strategy")
    GUIDELINE = ("guideline", "Guideline")
    INTERNATIONAL_INSTRUMENT = ("international_instrument", "International instrument")


class PolicyStatus(LabelledEnum):
    DRAFT = ("draft", "Draft")
    IN_FORCE = ("in_force", "In force")
    AMENDED = ("amended", "Amended")
    REVOKED = ("revoked", "Revoked")
