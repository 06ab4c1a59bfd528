"""The library of migration regulations and policies (Terms of Reference B.3).

The secretariat collects human rights-based, age-appropriate and gender-responsive regulations
and policies and shares them with the members in meetings and minutes. Here:

- the rules of an entry (``normalise_policy``): a title; a number, when given, that no other entry
  has (compared without regard to case or spacing: the number is the full citation, "Law No.
  18/2017", so two instruments never share it); a date of issue that is not in the future unless
  the entry is a draft; a web link that is an http(s) address;
- CRUD (an entry that approved minutes record cannot be deleted: mark it revoked), and
  ``search_policies``: words searched in title, number and summary (case-insensitive, in
  SQL; every word must be found), filtered by type, status, tag and GCM objective;
- a local copy of the document: ``attach_file`` copies it (atomically) into the attachments folder
  beside the database, ``<db folder>/<db stem>-attachments/<policy uuid>/<file name>``, and keeps the
  relative name in ``Policy.file_name``; ``attachment_path`` gives the absolute path to open;
- policy updates presented under a meeting's agenda item (``attach_to_agenda_item``), which then
  appear in that item's minutes (``policies_by_item`` for the minutes writer).

No Qt. Errors are ``ValidationError`` (rules) or ``FileRefused`` (files), one sentence each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..core.database import Database
from ..core.enums import PolicyStatus, PolicyType
from ..core.errors import FileRefused, ValidationError
from ..core.models import (
    AgendaItem,
    GcmObjective,
    Meeting,
    Policy,
    agenda_item_policies,
    policy_objectives,
    utcnow,
)
from ..core.timezone import to_wib
from .meeting_views import today_wib

TITLE_MAX = 500
NUMBER_MAX = 120
AUTHORITY_MAX = 300
LANGUAGE_MAX = 40
URL_MAX = 1000
FILE_NAME_MAX = 150  # of the copied file's own name; the stored value adds "<uuid>/"
ATTACHMENT_MAX_BYTES = 200 * 1024 * 1024
EARLIEST_DATE = dt.date(1800, 1, 1)

#: The three tags of the Terms of Reference (B.3): column name -> label.
TAGS: dict[str, str] = {
    "human_rights_based": "Human rights-based",
    "age_appropriate": "Age-appropriate",
    "gender_responsive": "Gender-responsive",
}
_TAG_ALIASES = {
    "human rights": "human_rights_based",
    "hr": "human_rights_based",
    "hrb": "human_rights_based",
    "rights": "human_rights_based",
    "age": "age_appropriate",
    "child": "age_appropriate",
    "gender": "gender_responsive",
}
#: Sort keys of ``search_policies``.
ORDER_KEYS = ("title", "number", "type", "status", "issued_on", "updated_at")

_LIKE_SPECIALS = re.compile(r"[%_\\]")
_BAD_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_HOST = re.compile(r"^(localhost|\[[0-9a-fA-F:.]+\]|[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff\-]*[A-Za-z0-9\u00a1-\uffff])?"
                   r"(\.[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff\-]*[A-Za-z0-9\u00a1-\uffff])?)+)$")  # fmt: skip


# --------------------------------------------------------------------------- data


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


# --------------------------------------------------------------------------- checks


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


# --------------------------------------------------------------------------- CRUD


def create_policy(db: Database, data: PolicyData, *, today: dt.date | None = None) -> PolicyData:
    data = normalise_policy(data, today)
    with db.session() as s:
        policy = Policy(file_name="")
        _save(s, policy, data)
        s.add(policy)
        s.flush()
        return _data_of(policy)


def get_policy(db: Database, policy_id: int) -> PolicyData:
    with db.session() as s:
        return _data_of(_policy(s, policy_id))


def update_policy(
    db: Database, policy_id: int, data: PolicyData | None = None, *, today: dt.date | None = None, **changes
) -> PolicyData:
    """Save a form (``data``) or change some fields (``title="..."``, ``objectives=[6, 7]``)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"A library entry has no field {sorted(unknown)[0]!r} that can be changed.")
    with db.session() as s:
        policy = _policy(s, policy_id)
        base = data if data is not None else _data_of(policy)
        merged = normalise_policy(dataclasses.replace(base, **changes), today)
        _save(s, policy, merged)
        s.flush()
        return _data_of(policy)


def delete_policy(db: Database, policy_id: int) -> None:
    """Remove the entry, its links to agenda items and objectives, and its copied file. Refused when
    approved minutes record it (they are locked): such an entry can be marked revoked instead."""
    from ..core.enums import MinutesStatus

    with db.session() as s:
        policy = _policy(s, policy_id)
        locked = list(
            s.scalars(
                sa.select(Meeting.reference)
                .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                .join(agenda_item_policies, agenda_item_policies.c.agenda_item_id == AgendaItem.id)
                .where(agenda_item_policies.c.policy_id == policy_id, Meeting.minutes_status == MinutesStatus.APPROVED)
                .distinct()
                .order_by(Meeting.reference)
            )
        )
        if locked:
            raise ValidationError(
                f"{display_name(policy.number, policy.title)} is recorded in the approved minutes of "
                f"{', '.join(locked)}; it cannot be deleted (mark it as revoked or amended instead)."
            )
        uuid = policy.uuid
        s.delete(policy)
    _remove_folder(db, uuid)


def find_policy(db: Database, number_or_id: str | int) -> PolicyData:
    """The entry with this number (any case, any spacing) or id; ValidationError when none."""
    text = _clean_line(number_or_id)
    with db.session() as s:
        policy = None
        if text.isdigit():
            policy = s.get(Policy, int(text))
        if policy is None and text:
            for candidate in s.scalars(sa.select(Policy).where(sa.func.lower(Policy.number) == text.lower())):
                policy = candidate
                break
        if policy is None:
            raise ValidationError(f"There is no library entry numbered or with id {text!r}.")
        return _data_of(policy)


# --------------------------------------------------------------------------- search


def _words(text: str) -> list[str]:
    return [w for w in str(text or "").split() if w]


def _like(word: str) -> str:
    return "%" + _LIKE_SPECIALS.sub(r"\\\g<0>", word) + "%"


def search_policies(
    db: Database,
    text: str = "",
    *,
    type: PolicyType | str | None = None,  # noqa: A002 - the field's name
    status: PolicyStatus | str | None = None,
    tag: str | Iterable[str] | None = None,
    objective: int | None = None,
    order_by: str = "title",
    descending: bool = False,
) -> list[PolicyRow]:
    """Entries whose title, number or summary hold every word of ``text`` (case-insensitive), with
    the given type, status, tag(s) (all of them) and GCM objective; filtered and sorted in SQL."""
    if order_by not in ORDER_KEYS:
        raise ValidationError(f"The library cannot be sorted by {order_by!r}.")
    presentations = (
        sa.select(sa.func.count())
        .select_from(agenda_item_policies)
        .where(agenda_item_policies.c.policy_id == Policy.id)
        .scalar_subquery()
    )
    query = sa.select(Policy, presentations)
    for word in _words(text):
        pattern = _like(word)
        query = query.where(
            sa.or_(
                Policy.title.ilike(pattern, escape="\\"),
                Policy.number.ilike(pattern, escape="\\"),
                Policy.summary.ilike(pattern, escape="\\"),
            )
        )
    if type is not None and type != "":
        query = query.where(Policy.type == parse_type(type))
    if status is not None and status != "":
        query = query.where(Policy.status == parse_status(status))
    if tag:
        tags = [tag] if isinstance(tag, str) else list(tag)
        for key in {parse_tag(t) for t in tags}:
            query = query.where(getattr(Policy, key).is_(True))
    if objective is not None and objective != "":
        try:
            number = int(objective)
        except (TypeError, ValueError):
            raise ValidationError(f"{objective!r} is not a GCM objective number (1 to 23).") from None
        if not 1 <= number <= 23:
            raise ValidationError(f"There is no GCM objective {number}; the objectives are numbered 1 to 23.")
        query = query.where(
            sa.exists(
                sa.select(policy_objectives.c.id)
                .join(GcmObjective, GcmObjective.id == policy_objectives.c.gcm_objective_id)
                .where(policy_objectives.c.policy_id == Policy.id, GcmObjective.number == number)
            )
        )
    column = {
        "title": sa.func.lower(Policy.title),
        "number": sa.func.lower(Policy.number),
        "type": Policy.type,
        "status": Policy.status,
        "issued_on": Policy.issued_on,
        "updated_at": Policy.updated_at,
    }[order_by]
    ordering = [column.desc() if descending else column.asc()]
    if order_by == "issued_on":
        ordering.insert(0, Policy.issued_on.is_(None))  # undated last either way
    ordering += [sa.func.lower(Policy.title), Policy.id]
    query = query.order_by(*ordering)
    with db.session() as s:
        rows = s.execute(query).all()
        objectives = _objective_numbers(s, [policy.id for policy, _ in rows])
        return [_row(policy, n, objectives.get(policy.id, ())) for policy, n in rows]


def _objective_numbers(session: Session, policy_ids: list[int] | None = None) -> dict[int, tuple[int, ...]]:
    query = (
        sa.select(policy_objectives.c.policy_id, GcmObjective.number)
        .join(GcmObjective, GcmObjective.id == policy_objectives.c.gcm_objective_id)
        .order_by(policy_objectives.c.policy_id, GcmObjective.number)
    )
    if policy_ids is not None:
        if not policy_ids:
            return {}
        if len(policy_ids) < 900:
            query = query.where(policy_objectives.c.policy_id.in_(policy_ids))
    found: dict[int, list[int]] = {}
    for policy_id, number in session.execute(query):
        found.setdefault(policy_id, []).append(number)
    return {k: tuple(v) for k, v in found.items()}


def _row(policy: Policy, presentations: int, objectives: tuple[int, ...]) -> PolicyRow:
    return PolicyRow(
        id=policy.id,
        uuid=policy.uuid,
        title=policy.title,
        number=policy.number or "",
        type=policy.type,
        issuing_authority=policy.issuing_authority or "",
        issued_on=policy.issued_on,
        status=policy.status,
        language=policy.language or "",
        human_rights_based=bool(policy.human_rights_based),
        age_appropriate=bool(policy.age_appropriate),
        gender_responsive=bool(policy.gender_responsive),
        summary=policy.summary or "",
        url=policy.url or "",
        file_name=policy.file_name or "",
        objectives=objectives,
        presentations=int(presentations or 0),
        updated_at=policy.updated_at,
    )


def policy_rows(db: Database, policy_ids: Iterable[int]) -> list[PolicyRow]:
    """These entries as list rows, in title order (for the report and the page's selection)."""
    ids = sorted(set(policy_ids))
    if not ids:
        return []
    presentations = (
        sa.select(sa.func.count())
        .select_from(agenda_item_policies)
        .where(agenda_item_policies.c.policy_id == Policy.id)
        .scalar_subquery()
    )
    with db.session() as s:
        rows = s.execute(
            sa.select(Policy, presentations).where(Policy.id.in_(ids)).order_by(sa.func.lower(Policy.title), Policy.id)
        ).all()
        objectives = _objective_numbers(s, ids)
        return [_row(policy, n, objectives.get(policy.id, ())) for policy, n in rows]


# --------------------------------------------------------------------------- local copies


def attachments_dir(db: Database) -> Path:
    """``<db folder>/<db stem>-attachments``: the copies belong to this database (and travel with it)."""
    path = Path(db.path)
    return path.parent / f"{path.stem}-attachments"


def safe_file_name(name: str) -> str:
    """A file name every file system accepts: no folder, no reserved characters or names, not too long."""
    name = PurePosixPath(str(name).replace("\\", "/")).name
    name = _BAD_FILE_CHARS.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.upper() in _WINDOWS_RESERVED or name.upper() in _WINDOWS_RESERVED:
        name = "_" + name
        stem = "_" + stem
    if len(name) > FILE_NAME_MAX:
        suffix = suffix[:20]
        keep = FILE_NAME_MAX - (len(suffix) + 1 if suffix else 0)
        name = stem[:keep].rstrip(" .") + (f".{suffix}" if suffix else "")
    return name or "document"


def _resolve(db: Database, relative: str) -> Path:
    """The absolute path of a stored relative name, refused when it would leave the attachments folder."""
    base = attachments_dir(db).absolute()
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(p in ("..", "") for p in parts):
        raise FileRefused(f"The stored file name {relative!r} is not inside the attachments folder.")
    return base.joinpath(*parts)


def attach_file(db: Database, policy_id: int, source: str | os.PathLike) -> PolicyData:
    """Copy ``source`` into the attachments folder as the entry's document (replacing any earlier one)."""
    source = Path(source).expanduser()
    if not source.exists():
        raise FileRefused(f"The file {source} does not exist.")
    if not source.is_file():
        raise FileRefused(f"{source} is not a file.")
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise FileRefused(f"Cannot read {source}: {exc.strerror}.") from exc
    if size > ATTACHMENT_MAX_BYTES:
        raise FileRefused(
            f"{source.name} is too large to keep in the library ({size // (1024 * 1024)} MB; at most "
            f"{ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB); give its web link instead."
        )
    with db.session() as s:
        policy = _policy(s, policy_id)
        uuid, old = policy.uuid, policy.file_name or ""
    relative = f"{uuid}/{safe_file_name(source.name)}"
    target = _resolve(db, relative)
    same = target.exists() and _same_file(source, target)
    if not same:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FileRefused(f"Cannot create the attachments folder {target.parent}: {exc.strerror}.") from exc
        try:
            with _atomic(target) as tmp:
                shutil.copyfile(source, tmp)
        except OSError as exc:
            raise FileRefused(f"Cannot copy {source}: {exc.strerror or exc}.") from exc
    try:
        with db.session() as s:
            policy = _policy(s, policy_id)
            if policy.file_name != relative:
                policy.file_name = relative
                policy.updated_at = utcnow()
            s.flush()
            data = _data_of(policy)
    except BaseException:
        if relative != old and not same:
            target.unlink(missing_ok=True)
        raise
    if old and old != relative:
        _remove_file(db, old)
    return data


def _atomic(target: Path):
    from ..files.safety import atomic_path

    return atomic_path(target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def detach_file(db: Database, policy_id: int, *, delete_copy: bool = True) -> PolicyData:
    """Forget the entry's document; its copy in the attachments folder is deleted unless asked not to."""
    with db.session() as s:
        policy = _policy(s, policy_id)
        old = policy.file_name or ""
        if old:
            policy.file_name = ""
            policy.updated_at = utcnow()
        s.flush()
        data = _data_of(policy)
    if old and delete_copy:
        _remove_file(db, old)
    return data


def attachment_path(db: Database, policy_id: int) -> Path | None:
    """The absolute path of the entry's copied document to open with the system's program; None when
    it has none; FileRefused when the copy has gone missing from the attachments folder."""
    with db.session() as s:
        relative = _policy(s, policy_id).file_name or ""
    if not relative:
        return None
    path = _resolve(db, relative)
    if not path.is_file():
        raise FileRefused(
            f"The copy of {PurePosixPath(relative).name} is missing from {path.parent}; attach the file again."
        )
    return path


def _remove_file(db: Database, relative: str) -> None:
    """Best effort: a copy that cannot be deleted now is only wasted space."""
    try:
        path = _resolve(db, relative)
        path.unlink(missing_ok=True)
        folder = path.parent
        if folder != attachments_dir(db).absolute() and not any(folder.iterdir()):
            folder.rmdir()
    except (OSError, FileRefused):
        pass


def _remove_folder(db: Database, uuid: str) -> None:
    if not uuid or "/" in uuid or "\\" in uuid or uuid in (".", ".."):
        return
    folder = attachments_dir(db).absolute() / uuid
    if folder.is_dir():
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- agenda items


def _unlocked_item(session: Session, item_id: int) -> tuple[AgendaItem, Meeting]:
    from .meeting_common import ensure_unlocked, item_meeting

    item, meeting = item_meeting(session, item_id)
    ensure_unlocked(meeting, "change the policy updates presented")
    return item, meeting


def attach_to_agenda_item(db: Database, policy_id: int, item_id: int) -> bool:
    """Present the entry under the agenda item (it then appears in the minutes). False when it already was."""
    with db.session() as s:
        _policy(s, policy_id)
        _unlocked_item(s, item_id)
        exists = s.scalar(
            sa.select(agenda_item_policies.c.id).where(
                agenda_item_policies.c.policy_id == policy_id, agenda_item_policies.c.agenda_item_id == item_id
            )
        )
        if exists is not None:
            return False
        s.execute(sa.insert(agenda_item_policies).values(policy_id=policy_id, agenda_item_id=item_id))
        return True


def detach_from_agenda_item(db: Database, policy_id: int, item_id: int) -> bool:
    """Take the entry off the agenda item. False when it was not there."""
    with db.session() as s:
        _unlocked_item(s, item_id)
        result = s.execute(
            sa.delete(agenda_item_policies).where(
                agenda_item_policies.c.policy_id == policy_id, agenda_item_policies.c.agenda_item_id == item_id
            )
        )
        return bool(result.rowcount)


def policies_by_item(session: Session, item_ids: Iterable[int]) -> Mapping[int, tuple[PolicyRef, ...]]:
    """The policies presented under each of these agenda items (for the minutes), by number then title."""
    ids = list(set(item_ids))
    if not ids:
        return {}
    found: dict[int, list[PolicyRef]] = {}
    for item_id, pid, number, title, type_, status, issued_on, url in session.execute(
        sa.select(
            agenda_item_policies.c.agenda_item_id,
            Policy.id,
            Policy.number,
            Policy.title,
            Policy.type,
            Policy.status,
            Policy.issued_on,
            Policy.url,
        )
        .join(Policy, Policy.id == agenda_item_policies.c.policy_id)
        .where(agenda_item_policies.c.agenda_item_id.in_(ids))
        .order_by(agenda_item_policies.c.agenda_item_id, Policy.number == "", sa.func.lower(Policy.title))
    ):
        found.setdefault(item_id, []).append(PolicyRef(pid, number or "", title, type_, status, issued_on, url or ""))
    return {k: tuple(v) for k, v in found.items()}


def item_policies(db: Database, item_id: int) -> list[PolicyRef]:
    """The policies presented under one agenda item."""
    with db.session() as s:
        return list(policies_by_item(s, [item_id]).get(item_id, ()))


def presentations(db: Database, policy_id: int) -> list[Presentation]:
    """Where the entry was presented: meeting and agenda item, oldest first."""
    with db.session() as s:
        _policy(s, policy_id)
        rows = s.execute(
            sa.select(Meeting.id, Meeting.reference, Meeting.starts_at, AgendaItem.id, AgendaItem.position, AgendaItem.title)
            .select_from(agenda_item_policies)
            .join(AgendaItem, AgendaItem.id == agenda_item_policies.c.agenda_item_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(agenda_item_policies.c.policy_id == policy_id)
            .order_by(Meeting.starts_at, AgendaItem.position)
        ).all()
    return [Presentation(*r) for r in rows]


__all__ = [
    "ATTACHMENT_MAX_BYTES",
    "EDITABLE_FIELDS",
    "ORDER_KEYS",
    "TAGS",
    "PolicyData",
    "PolicyRef",
    "PolicyRow",
    "Presentation",
    "attach_file",
    "attach_to_agenda_item",
    "attachment_path",
    "attachments_dir",
    "create_policy",
    "delete_policy",
    "detach_file",
    "detach_from_agenda_item",
    "display_name",
    "find_policy",
    "get_policy",
    "item_policies",
    "normalise_policy",
    "normalise_url",
    "parse_status",
    "parse_tag",
    "parse_type",
    "policies_by_item",
    "policy_rows",
    "presentations",
    "safe_file_name",
    "search_policies",
    "update_policy",
]
