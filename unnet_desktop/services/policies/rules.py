"""The rules of an entry (``normalise_policy``) and the helpers that load and save one under them.

A title; a number, when given, that no other entry has (compared without regard to case or spacing);
a date of issue that is not in the future unless the entry is a draft; a web link that is an
http(s) address; GCM objectives numbered 1 to 23.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.enums import PolicyStatus, PolicyType
from ...core.errors import ValidationError
from ...core.models import GcmObjective, Policy, utcnow
from ..meeting_views import today_wib
from .records import (
    _PLAIN,
    AUTHORITY_MAX,
    EARLIEST_DATE,
    LANGUAGE_MAX,
    NUMBER_MAX,
    TAGS,
    TITLE_MAX,
    URL_MAX,
    PolicyData,
)

_TAG_ALIASES = {
    "human rights": "human_rights_based",
    "hr": "human_rights_based",
    "hrb": "human_rights_based",
    "rights": "human_rights_based",
    "age": "age_appropriate",
    "child": "age_appropriate",
    "gender": "gender_responsive",
}
_HOST = re.compile(r"^(localhost|\[[0-9a-fA-F:.]+\]|[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff\-]*[A-Za-z0-9\u00a1-\uffff])?"
                   r"(\.[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff\-]*[A-Za-z0-9\u00a1-\uffff])?)+)$")  # fmt: skip


def _clean_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _line(value: object, what: str, max_length: int, required: bool = False) -> str:
    text = _clean_line(value)
    if required and not text:
        raise ValidationError(f"The {what} is missing.")
    if len(text) > max_length:
        raise ValidationError(f"The {what} is too long ({len(text)} characters; at most {max_length}).")
    return text


def parse_type(value: object) -> PolicyType:
    try:
        return PolicyType.from_value(value)
    except ValueError:
        choices = ", ".join(m.label.lower() for m in PolicyType)
        raise ValidationError(f"{value!r} is not a type of document (one of: {choices}).") from None


def parse_status(value: object) -> PolicyStatus:
    try:
        return PolicyStatus.from_value(value)
    except ValueError:
        choices = ", ".join(m.label.lower() for m in PolicyStatus)
        raise ValidationError(f"{value!r} is not a status of a document (one of: {choices}).") from None


def parse_tag(value: object) -> str:
    """The column name of a tag given as its name, its label or a short form ("gender")."""
    text = str(value or "").strip().casefold().replace("-", " ").replace("_", " ")
    text = " ".join(text.split())
    for key, label in TAGS.items():
        if text in (key.replace("_", " "), label.casefold().replace("-", " ")):
            return key
    if text in _TAG_ALIASES:
        return _TAG_ALIASES[text]
    raise ValidationError(f"{value!r} is not a tag (one of: {', '.join(TAGS.values())}).")


def normalise_url(value: object) -> str:
    """'' or an http(s) address; ``www.example.org/x`` gets ``https://`` in front."""
    text = str(value or "").strip()
    if not text:
        return ""
    if re.search(r"\s", text):
        raise ValidationError(f"The web link {text!r} contains spaces; paste the address as the browser shows it.")
    if text.lower().startswith("www."):
        text = "https://" + text
    if len(text) > URL_MAX:
        raise ValidationError(f"The web link is too long ({len(text)} characters; at most {URL_MAX}).")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValidationError(f"The web link {text!r} is not a valid address.") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValidationError(
            f"The web link {text!r} must begin with http:// or https:// (for a file on this computer, "
            "attach the file instead)."
        )
    if not host or not _HOST.match(host):
        raise ValidationError(f"The web link {text!r} has no valid site name after {parts.scheme}://.")
    return text


def _check_date(value, status: PolicyStatus, today: dt.date) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(f"The date of issue must be a date, not {value!r}.")
    if value < EARLIEST_DATE:
        raise ValidationError(f"The date of issue {value:%d %b %Y} is too far in the past.")
    if value > today and status is not PolicyStatus.DRAFT:
        raise ValidationError(
            f"The date of issue {value:%d %b %Y} is in the future; only a draft can have a date still to come "
            f"(this entry is marked {status.label.lower()})."
        )
    return value


def normalise_policy(data: PolicyData, today: dt.date | None = None) -> PolicyData:
    """A checked and tidied copy of ``data``; ValidationError (one sentence) on the first broken rule."""
    today = today or today_wib()
    d = dataclasses.replace(data)
    d.title = _line(d.title, "title", TITLE_MAX, required=True)
    d.number = _line(d.number, "number", NUMBER_MAX)
    d.type = parse_type(d.type)
    d.status = parse_status(d.status)
    d.issuing_authority = _line(d.issuing_authority, "issuing authority", AUTHORITY_MAX)
    d.language = _line(d.language, "language", LANGUAGE_MAX)
    d.issued_on = _check_date(d.issued_on, d.status, today)
    for key in TAGS:
        setattr(d, key, bool(getattr(d, key)))
    d.summary = (d.summary or "").strip()
    d.url = normalise_url(d.url)
    objectives: dict[int, None] = {}
    for value in d.objectives or ():
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ValidationError(f"{value!r} is not a GCM objective number (1 to 23).") from None
        if not 1 <= number <= 23:
            raise ValidationError(f"There is no GCM objective {number}; the objectives are numbered 1 to 23.")
        objectives[number] = None
    d.objectives = tuple(sorted(objectives))
    return d


def _policy(session: Session, policy_id: int) -> Policy:
    policy = session.get(Policy, policy_id)
    if policy is None:
        raise ValidationError(f"Library entry #{policy_id} does not exist (it may have been deleted).")
    return policy


def _check_number_free(session: Session, number: str, policy_id: int | None) -> None:
    """Numbers are stored whitespace-collapsed, so comparing them without regard to case is enough."""
    if not number:
        return
    query = sa.select(Policy.title).where(Policy.number != "", sa.func.lower(Policy.number) == number.lower())
    if policy_id is not None:
        query = query.where(Policy.id != policy_id)
    other = session.scalar(query.limit(1))
    if other is not None:
        raise ValidationError(f"The number {number!r} is already that of {other!r} in the library.")


def _objectives(session: Session, numbers: Iterable[int]) -> list[GcmObjective]:
    numbers = list(numbers)
    if not numbers:
        return []
    found = list(session.scalars(sa.select(GcmObjective).where(GcmObjective.number.in_(numbers))))
    if len(found) != len(set(numbers)):
        raise ValidationError("The GCM objectives are missing from this database; it cannot be used as it is.")
    return found


def _data_of(policy: Policy) -> PolicyData:
    return PolicyData(
        **{name: getattr(policy, name) for name in _PLAIN},
        objectives=tuple(o.number for o in policy.objectives),
        id=policy.id,
        uuid=policy.uuid,
        file_name=policy.file_name or "",
        updated_at=policy.updated_at,
    )


def _save(session: Session, policy: Policy, data: PolicyData) -> bool:
    _check_number_free(session, data.number, policy.id)
    changed = policy.id is None
    for name in _PLAIN:
        value = getattr(data, name)
        if getattr(policy, name) != value:
            setattr(policy, name, value)
            changed = True
    if {o.number for o in policy.objectives} != set(data.objectives):
        policy.objectives = _objectives(session, data.objectives)
        changed = True
    if changed:
        policy.updated_at = utcnow()
    return changed
