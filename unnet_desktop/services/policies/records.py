"""The records of the library: field limits, the three tags, and the dataclasses a form, a list,
the minutes and the page of an entry use (``PolicyData``, ``PolicyRow``, ``PolicyRef``, ``Presentation``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath

from ...core.enums import PolicyStatus, PolicyType
from ...core.timezone import to_wib

TITLE_MAX = 500
NUMBER_MAX = 120
AUTHORITY_MAX = 300
LANGUAGE_MAX = 40
URL_MAX = 1000
EARLIEST_DATE = dt.date(1800, 1, 1)

#: The three tags of the Terms of Reference (B.3): column name -> label.
TAGS: dict[str, str] = {
    "human_rights_based": "Human rights-based",
    "age_appropriate": "Age-appropriate",
    "gender_responsive": "Gender-responsive",
}


@dataclass
class PolicyData:
    """Every field of an entry as a form edits it; objectives are GCM numbers. ``file_name`` is
    read-only here (``attach_file`` / ``detach_file`` change it)."""

    title: str = ""
    number: str = ""
    type: PolicyType = PolicyType.LAW
    issuing_authority: str = ""
    issued_on: dt.date | None = None
    status: PolicyStatus = PolicyStatus.IN_FORCE
    language: str = ""
    human_rights_based: bool = False
    age_appropriate: bool = False
    gender_responsive: bool = False
    summary: str = ""
    url: str = ""
    objectives: tuple[int, ...] = ()
    id: int | None = None
    uuid: str | None = None
    file_name: str = ""
    updated_at: dt.datetime | None = None

    @property
    def display(self) -> str:
        return display_name(self.number, self.title)

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(key for key in TAGS if getattr(self, key))


_PLAIN = (
    "title",
    "number",
    "type",
    "issuing_authority",
    "issued_on",
    "status",
    "language",
    "human_rights_based",
    "age_appropriate",
    "gender_responsive",
    "summary",
    "url",
)
EDITABLE_FIELDS = (*_PLAIN, "objectives")


@dataclass(frozen=True)
class PolicyRow:
    """A line of the library list (and of the report's policy updates)."""

    id: int
    uuid: str
    title: str
    number: str
    type: PolicyType
    issuing_authority: str
    issued_on: dt.date | None
    status: PolicyStatus
    language: str
    human_rights_based: bool
    age_appropriate: bool
    gender_responsive: bool
    summary: str
    url: str
    file_name: str
    objectives: tuple[int, ...]
    presentations: int  # agenda items it was presented under
    updated_at: dt.datetime | None = None

    @property
    def display(self) -> str:
        return display_name(self.number, self.title)

    @property
    def type_label(self) -> str:
        return self.type.label

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(key for key in TAGS if getattr(self, key))

    @property
    def tags_text(self) -> str:
        """``Human rights-based, Gender-responsive`` ('' when none)."""
        return ", ".join(TAGS[key] for key in self.tags)

    @property
    def objectives_text(self) -> str:
        return ", ".join(str(n) for n in self.objectives)

    @property
    def has_file(self) -> bool:
        return bool(self.file_name)

    @property
    def file_label(self) -> str:
        """The copied file's own name, without the folder."""
        return PurePosixPath(self.file_name).name if self.file_name else ""


@dataclass(frozen=True)
class PolicyRef:
    """A policy as a line of the minutes shows it."""

    id: int
    number: str
    title: str
    type: PolicyType
    status: PolicyStatus
    issued_on: dt.date | None
    url: str

    @property
    def display(self) -> str:
        return display_name(self.number, self.title)


@dataclass(frozen=True)
class Presentation:
    """One agenda item a policy was presented under."""

    meeting_id: int
    reference: str
    starts_at: dt.datetime
    item_id: int
    position: int
    item_title: str

    @property
    def date_wib(self) -> dt.date:
        return to_wib(self.starts_at).date()


def display_name(number: str, title: str) -> str:
    """``Law No. 18/2017: Protection of Indonesian Migrant Workers``; the title alone without a number."""
    return f"{number}: {title}" if number else title
