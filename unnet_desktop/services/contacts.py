"""The contact directory's rules: organisations and people.

Lists are read with ``search_people`` / ``count_people`` and ``search_organisations`` /
``count_organisations``: filtered, sorted and paged in SQL, handing back light rows, so that a
table model can page through tens of thousands of people. Changes go through
``create_*`` / ``update_*`` / ``archive_*`` / ``delete_*``, which take plain data and raise
``ValidationError`` with one sentence when a rule is broken.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from ..core.database import Database
from ..core.enums import LabelledEnum, NetworkRole, OrganisationCategory, Sex
from ..core.errors import ValidationError
from ..core.models import (
    ActionPoint,
    Activity,
    AgendaItem,
    Meeting,
    Organisation,
    Participation,
    Person,
    WorkingGroup,
    activity_implementing_partners,
    activity_participating_agencies,
    distribution_list_members,
)

# Column sizes of the model, checked here so that the message is clear (SQLite would not complain).
MAX_NAME = 200
MAX_TITLE = 40
MAX_POSITION = 200
MAX_EMAIL = 254
MAX_PHONE = 60
MAX_ORG_NAME = 200
MAX_ACRONYM = 40

#: ``organisation_id=NO_ORGANISATION`` in the people filters: people attached to no organisation.
NO_ORGANISATION = 0

MEMBER_ROLES = (NetworkRole.CHAIR, NetworkRole.CO_CHAIR_SECRETARIAT, NetworkRole.MEMBER)

# --------------------------------------------------------------------------- text and email

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")

_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)


def tidy_text(value: object) -> str:
    """Trimmed text on one line: zero-width characters dropped, runs of spaces (non-breaking
    ones too) made one space; ``None`` as ''."""
    if value is None:
        return ""
    return _SPACES.sub(" ", _INVISIBLE.sub("", str(value))).strip()


def is_valid_email(text: str) -> bool:
    """A practical check of an address's syntax (RFC 5322 dot-atom, a domain with a TLD)."""
    if not text or len(text) > MAX_EMAIL:
        return False
    if not _EMAIL.match(text):
        return False
    return len(text.split("@", 1)[0]) <= 64


def phone_text(value: object) -> str:
    """A phone number as text. A number that a spreadsheet stored as a number keeps its
    digits: 6281234567890.0 gives '6281234567890', never '6.28E+12'."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinity
            return ""
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").rstrip(".")
    return tidy_text(value)


def _email_or_none(value: object, what: str) -> str | None:
    text = tidy_text(value)
    if not text:
        return None
    if not is_valid_email(text):
        raise ValidationError(f"{what} '{text}' is not a valid email address.")
    return text


def _limit(text: str, size: int, what: str) -> str:
    if len(text) > size:
        raise ValidationError(f"{what} is too long: {len(text)} characters, at most {size}.")
    return text


def _enum(enum_cls: type[LabelledEnum], value, what: str):
    try:
        return enum_cls.from_value(value)
    except ValueError:
        raise ValidationError(f"'{value}' is not a known {what}.") from None


# How sheets from workshops write the sex of a person (English and Bahasa Indonesia).
_SEX_WORDS = {
    Sex.FEMALE: ("f", "female", "woman", "w", "p", "perempuan", "wanita", "pr", "pere", "ibu"),
    Sex.MALE: ("m", "male", "man", "l", "lk", "laki", "lakilaki", "pria", "bapak"),
    Sex.OTHER: ("other", "o", "lainnya", "lain", "nonbinary", "x"),
    Sex.NOT_RECORDED: ("", "notrecorded", "unknown", "na", "tidakdiketahui", "none"),
}
_SEX_LOOKUP = {word: sex for sex, words in _SEX_WORDS.items() for word in words}


def parse_sex(value: object) -> Sex | None:
    """A Sex from a member, a stored value, a label or what sheets write (F/M, P/L, Perempuan,
    Laki-laki, Wanita, Pria...); ``None`` or blank gives NOT_RECORDED; None when not understood."""
    if isinstance(value, Sex):
        return value
    if value is None:
        return Sex.NOT_RECORDED
    key = re.sub(r"[^a-z]", "", tidy_text(value).casefold())
    if key in _SEX_LOOKUP:
        return _SEX_LOOKUP[key]
    for member in Sex:
        if key in (re.sub(r"[^a-z]", "", member.value), re.sub(r"[^a-z]", "", member.label.casefold())):
            return member
    return None


# --------------------------------------------------------------------------- rows for lists


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the people list (what a table model shows), read in one SQL query."""

    id: int
    uuid: str
    title: str
    full_name: str
    sex: Sex
    organisation_id: int | None
    organisation_name: str | None
    organisation_acronym: str | None
    category: OrganisationCategory | None
    position: str
    email: str | None
    alt_email: str | None
    phone: str
    archived: bool

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    @property
    def organisation_short(self) -> str:
        return self.organisation_acronym or self.organisation_name or ""


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """One line of the organisations list."""

    id: int
    uuid: str
    name: str
    acronym: str | None
    category: OrganisationCategory
    network_role: NetworkRole
    member_since: dt.date | None
    archived: bool
    focal_point_id: int | None
    focal_point_name: str | None
    alternate_id: int | None
    alternate_name: str | None
    people_count: int

    @property
    def display(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short(self) -> str:
        return self.acronym or self.name

    @property
    def is_member(self) -> bool:
        """Chair, co-chair or member of the Network (shown marked in the list)."""
        return self.network_role in MEMBER_ROLES

    @property
    def is_observer(self) -> bool:
        return self.network_role == NetworkRole.OBSERVER


# --------------------------------------------------------------------------- searching people

_P = Person.__table__
_O = Organisation.__table__


def _label_order(column, enum_cls: type[LabelledEnum]):
    """Sort an enum column by the label people see, not by the stored value."""
    return sa.case({m.value: m.label.casefold() for m in enum_cls}, value=column, else_="")


def _nocase(column):
    return sa.collate(column, "NOCASE")


def _nulls_last(expr, empty, descending: bool) -> list:
    """Empty values at the end, whichever the direction (``empty``: the SQL test for one)."""
    key = expr.desc() if descending else expr.asc()
    return [empty.asc(), key]


def _blank(column):
    return sa.or_(column.is_(None), column == "")


PEOPLE_SORT_KEYS = (
    "name",
    "title",
    "sex",
    "organisation",
    "acronym",
    "category",
    "position",
    "email",
    "phone",
    "archived",
    "created",
    "updated",
)
_ORG_SORT_KEYS = {"organisation", "acronym", "category"}


def _people_order(order_by: str | None, descending: bool) -> list:
    if order_by is None:
        return []
    name = _nocase(_P.c.full_name)
    if order_by == "name":
        return [name.desc() if descending else name.asc(), _P.c.id.desc() if descending else _P.c.id.asc()]
    tail = [name.asc(), _P.c.id.asc()]
    simple = {
        "title": (_nocase(_P.c.title), _blank(_P.c.title)),
        "organisation": (_nocase(_O.c.name), _O.c.name.is_(None)),
        "acronym": (_nocase(sa.func.coalesce(_O.c.acronym, _O.c.name)), _O.c.name.is_(None)),
        "category": (_label_order(_O.c.category, OrganisationCategory), _O.c.category.is_(None)),
        "position": (_nocase(_P.c.position), _blank(_P.c.position)),
        "email": (_nocase(_P.c.email), _blank(_P.c.email)),
        "phone": (_P.c.phone, _blank(_P.c.phone)),
    }
    if order_by in simple:
        expr, empty = simple[order_by]
        return [*_nulls_last(expr, empty, descending), *tail]
    if order_by == "sex":
        expr = _label_order(_P.c.sex, Sex)
    elif order_by == "archived":
        expr = _P.c.archived
    elif order_by == "created":
        expr = _P.c.created_at
    elif order_by == "updated":
        expr = _P.c.updated_at
    else:
        raise ValueError(f"unknown sort key {order_by!r}; one of {', '.join(PEOPLE_SORT_KEYS)}")
    return [expr.desc() if descending else expr.asc(), *tail]


def _like_pattern(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_tokens(text: str | None) -> list[str]:
    """The words of a search box: each must be found somewhere in the row."""
    return [t for t in tidy_text(text).split(" ") if t]


def _enum_values(enum_cls: type[LabelledEnum], value, what: str) -> list[str] | None:
    """None (no filter) or the stored values for one member or several."""
    if value is None:
        return None
    if isinstance(value, str | LabelledEnum):
        return [_enum(enum_cls, value, what).value]
    return [_enum(enum_cls, v, what).value for v in value]


def _bare_phone():
    """The phone without the separators people put in it (each replace() costs a pass)."""
    bare = _P.c.phone
    for sep in (" ", "-", "."):
        bare = sa.func.replace(bare, sep, "")
    return bare


def _token_condition(token: str):
    """One word of the search: found in a column of the person or their organisation.

    SQLite's LIKE ignores ASCII case, so no lower() is needed; no index can serve '%x%', so
    the cost is one pass over the people table. The organisation's columns are searched in a
    subquery over the small organisations table instead of through a join on every row; the
    phone only for words with a digit (a phone holds no letters).
    """
    pattern = _like_pattern(token)
    alternatives = [
        _P.c.full_name.like(pattern, escape="\\"),
        _P.c.email.like(pattern, escape="\\"),
        _P.c.position.like(pattern, escape="\\"),
        _P.c.title.like(pattern, escape="\\"),
        _P.c.alt_email.like(pattern, escape="\\"),
        _P.c.organisation_id.in_(
            sa.select(_O.c.id).where(
                sa.or_(_O.c.name.like(pattern, escape="\\"), _O.c.acronym.like(pattern, escape="\\"))
            )
        ),
    ]
    if any(ch.isdigit() for ch in token):
        alternatives.append(_P.c.phone.like(pattern, escape="\\"))
        compact = re.sub(r"[.\-]", "", token)
        if len(compact) >= 5 and compact.lstrip("+").isdigit():
            # "0812-3456" and "08123456" find "0812 3456 789": compared without separators,
            # only for five digits or more (a group of a phone number has four at most).
            alternatives.append(_bare_phone().like(_like_pattern(compact), escape="\\"))
    return sa.or_(*alternatives)


def _people_where(
    text,
    organisation_id,
    category,
    sex,
    include_archived: bool,
    distribution_list_id: int | None,
) -> list:
    """The WHERE of a people list, on the people table alone (no join needed)."""
    where: list = []
    if not include_archived:
        where.append(_P.c.archived.is_(False))
    if organisation_id is not None:
        if organisation_id == NO_ORGANISATION:
            where.append(_P.c.organisation_id.is_(None))
        else:
            where.append(_P.c.organisation_id == organisation_id)
    categories = _enum_values(OrganisationCategory, category, "organisation category")
    if categories is not None:
        where.append(_P.c.organisation_id.in_(sa.select(_O.c.id).where(_O.c.category.in_(categories))))
    sexes = _enum_values(Sex, sex, "sex")
    if sexes is not None:
        where.append(_P.c.sex.in_(sexes))
    if distribution_list_id is not None:
        members = sa.select(distribution_list_members.c.person_id).where(
            distribution_list_members.c.distribution_list_id == distribution_list_id
        )
        where.append(_P.c.id.in_(members))
    where.extend(_token_condition(token) for token in search_tokens(text))
    return where


_PERSON_COLUMNS = (
    _P.c.id,
    _P.c.uuid,
    _P.c.title,
    _P.c.full_name,
    _P.c.sex,
    _P.c.organisation_id,
    _O.c.name,
    _O.c.acronym,
    _O.c.category,
    _P.c.position,
    _P.c.email,
    _P.c.alt_email,
    _P.c.phone,
    _P.c.archived,
)
_PEOPLE_FROM = _P.outerjoin(_O, _P.c.organisation_id == _O.c.id)


def _page(stmt, limit: int | None, offset: int):
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset) if limit is not None else stmt.limit(-1).offset(offset)
    return stmt


def search_people(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
    order_by: str | None = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[PersonRow]:
    """People matching every word of ``text`` (in name, title, position, email, phone,
    organisation name or acronym; case-insensitive) and the filters, sorted by ``order_by``
    (one of ``PEOPLE_SORT_KEYS``) then by name; ``limit``/``offset`` for one page.
    ``order_by=None``: in no particular order, for bulk reads (sorting wide rows is slow).

    Filters: ``organisation_id`` (``NO_ORGANISATION`` for people without one), ``category``
    of their organisation and ``sex`` (one value or several), ``distribution_list_id``."""
    stmt = (
        sa.select(*_PERSON_COLUMNS)
        .select_from(_PEOPLE_FROM)
        .where(*_people_where(text, organisation_id, category, sex, include_archived, distribution_list_id))
        .order_by(*_people_order(order_by, descending))
    )
    with db.engine.connect() as conn:
        return [PersonRow(*row) for row in conn.execute(_page(stmt, limit, offset))]


def count_people(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
) -> int:
    """How many people ``search_people`` gives with the same filters (no paging)."""
    where = _people_where(text, organisation_id, category, sex, include_archived, distribution_list_id)
    stmt = sa.select(sa.func.count()).select_from(_P).where(*where)
    with db.engine.connect() as conn:
        return conn.execute(stmt).scalar_one()


def search_people_ids(
    db: Database,
    text: str | None = "",
    *,
    organisation_id: int | None = None,
    category: OrganisationCategory | str | Iterable | None = None,
    sex: Sex | str | Iterable | None = None,
    include_archived: bool = False,
    distribution_list_id: int | None = None,
    order_by: str = "name",
    descending: bool = False,
) -> list[int]:
    """The ids of every person ``search_people`` gives, in its order, from one pass over the
    table: for a table model, the row count is ``len(ids)`` and the rows on screen come from
    ``people_rows(db, ids[first:last])`` (scrolling far costs no OFFSET scan)."""
    where = _people_where(text, organisation_id, category, sex, include_archived, distribution_list_id)
    source = _PEOPLE_FROM if order_by in _ORG_SORT_KEYS else _P
    stmt = sa.select(_P.c.id).select_from(source).where(*where).order_by(*_people_order(order_by, descending))
    with db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def people_rows(db: Database, ids: Iterable[int]) -> list[PersonRow]:
    """The rows of the people ``ids`` in that order (those no longer there are left out)."""
    ids = list(ids)
    found: dict[int, PersonRow] = {}
    with db.engine.connect() as conn:
        for start in range(0, len(ids), 900):  # SQLite's limit of bound parameters
            chunk = ids[start : start + 900]
            stmt = sa.select(*_PERSON_COLUMNS).select_from(_PEOPLE_FROM).where(_P.c.id.in_(chunk))
            found.update((row[0], PersonRow(*row)) for row in conn.execute(stmt))
    return [found[i] for i in ids if i in found]


def get_person(db: Database, person_id: int) -> PersonRow:
    """The list row of one person; ValidationError when there is none."""
    rows = people_rows(db, [person_id])
    if not rows:
        raise ValidationError("This person no longer exists in the directory.")
    return rows[0]


# --------------------------------------------------------------------------- changing people


@dataclass
class PersonData:
    """What a form (or an import) gives for a person. ``sex`` takes a Sex, a value or a label."""

    full_name: str = ""
    title: str = ""
    sex: Sex | str = Sex.NOT_RECORDED
    position: str = ""
    organisation_id: int | None = None
    email: str | None = None
    alt_email: str | None = None
    phone: str = ""
    notes: str = ""


_PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(PersonData))


def _person_data(data: PersonData | None, fields: dict) -> PersonData:
    unknown = set(fields) - set(_PERSON_FIELDS)
    if unknown:
        raise TypeError(f"unknown person field(s): {', '.join(sorted(unknown))}")
    return dataclasses.replace(data or PersonData(), **fields)


def _who(session: Session, person: Person) -> str:
    org = session.get(Organisation, person.organisation_id) if person.organisation_id else None
    name = person.display_name
    suffix = " (archived)" if person.archived else ""
    return f"{name} ({org.short}){suffix}" if org else f"{name}{suffix}"


def _same_text(column, text: str):
    """Case-insensitive equality done by SQLite on both sides: its lower() folds ASCII only,
    so a non-ASCII name equal byte for byte is still found (the unique index would refuse it)."""
    return sa.func.lower(column) == sa.func.lower(sa.literal(text))


def find_email_owner(session: Session, email: str, *, exclude_id: int | None = None) -> Person | None:
    """The person who has ``email`` as email or alternative email (case-insensitive)."""
    stmt = sa.select(Person).where(sa.or_(_same_text(Person.email, email), _same_text(Person.alt_email, email)))
    if exclude_id is not None:
        stmt = stmt.where(Person.id != exclude_id)
    return session.scalars(stmt.order_by(Person.id).limit(1)).first()


def _checked_person(session: Session, data: PersonData, person_id: int | None) -> dict:
    """The column values for ``data``, or ValidationError naming the first broken rule."""
    full_name = _limit(tidy_text(data.full_name), MAX_NAME, "The name")
    if not full_name:
        raise ValidationError("The name is required.")
    title = _limit(tidy_text(data.title), MAX_TITLE, "The title")
    position = _limit(tidy_text(data.position), MAX_POSITION, "The position")
    phone = _limit(phone_text(data.phone), MAX_PHONE, "The phone number")
    sex = parse_sex(data.sex)
    if sex is None:
        raise ValidationError(f"'{data.sex}' is not a known sex (female, male, other or not recorded).")
    email = _email_or_none(data.email, "The email")
    alt_email = _email_or_none(data.alt_email, "The alternative email")
    if email is None and alt_email is not None:
        email, alt_email = alt_email, None
    if email and alt_email and email.casefold() == alt_email.casefold():
        raise ValidationError("The alternative email is the same as the email.")
    for address in (email, alt_email):
        if address:
            owner = find_email_owner(session, address, exclude_id=person_id)
            if owner is not None:
                raise ValidationError(f"The email {address} is already used by {_who(session, owner)}.")
    if data.organisation_id is not None and session.get(Organisation, data.organisation_id) is None:
        raise ValidationError("The chosen organisation no longer exists.")
    return {
        "full_name": full_name,
        "title": title,
        "sex": sex,
        "position": position,
        "organisation_id": data.organisation_id,
        "email": email,
        "alt_email": alt_email,
        "phone": phone,
        "notes": str(data.notes or "").strip(),
    }


def create_person(db: Database, data: PersonData | None = None, /, **fields) -> int:
    """Add a person from ``data`` and/or keyword fields (those of PersonData); returns the id."""
    data = _person_data(data, fields)
    with db.session() as session:
        person = Person(**_checked_person(session, data, None))
        session.add(person)
        session.flush()
        return person.id


def get_person_data(db: Database, person_id: int) -> PersonData:
    """The editable fields of a person, for a form."""
    with db.session() as session:
        person = _person(session, person_id)
        return PersonData(**{name: getattr(person, name) for name in _PERSON_FIELDS})


def update_person(db: Database, person_id: int, data: PersonData | None = None, /, **changes) -> None:
    """Change a person: with ``data`` every field is replaced; keyword ``changes`` alone change
    only the fields they name. A person who moves to another organisation stops being the
    focal point or alternate of the previous one."""
    with db.session() as session:
        person = _person(session, person_id)
        current = PersonData(**{name: getattr(person, name) for name in _PERSON_FIELDS})
        values = _checked_person(session, _person_data(data or current, changes), person.id)
        moved = values["organisation_id"] != person.organisation_id
        for name, value in values.items():
            setattr(person, name, value)
        if moved:
            _drop_roles_elsewhere(session, person.id, values["organisation_id"])


def _drop_roles_elsewhere(session: Session, person_id: int, organisation_id: int | None) -> None:
    for column in (Organisation.focal_point_id, Organisation.alternate_id):
        session.execute(
            sa.update(Organisation)
            .where(column == person_id, Organisation.id != (organisation_id or -1))
            .values({column.key: None})
            .execution_options(synchronize_session="fetch")
        )


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError("This person no longer exists in the directory.")
    return person


def archive_person(db: Database, person_id: int, archived: bool = True) -> None:
    """Hide a person from lists (``archived=False`` brings them back). Meetings keep them."""
    with db.session() as session:
        _person(session, person_id).archived = archived


def restore_person(db: Database, person_id: int) -> None:
    archive_person(db, person_id, archived=False)


@dataclass(frozen=True)
class PersonReferences:
    """Where a person is used; any of the first four keeps them from being deleted."""

    participations: int = 0
    presentations: int = 0
    chaired_meetings: int = 0
    action_points: int = 0
    focal_point_of: tuple[str, ...] = ()

    @property
    def blocks_delete(self) -> bool:
        return bool(self.participations or self.presentations or self.chaired_meetings or self.action_points)

    def describe(self) -> str:
        parts = []
        for count, one, many in (
            (self.participations, "a meeting as participant", "{n} meetings as participant"),
            (self.presentations, "an agenda item as presenter", "{n} agenda items as presenter"),
            (self.chaired_meetings, "a meeting as chair", "{n} meetings as chair"),
            (self.action_points, "an action point", "{n} action points"),
        ):
            if count:
                parts.append(one if count == 1 else many.format(n=count))
        if len(parts) > 1:
            return ", ".join(parts[:-1]) + " and " + parts[-1]
        return parts[0] if parts else ""


def person_references(db: Database, person_id: int) -> PersonReferences:
    """What refers to a person: lets the page tell 'archive' from 'delete' before asking."""
    with db.session() as session:
        return _references(session, person_id)


def _references(session: Session, person_id: int) -> PersonReferences:
    def count(model, column) -> int:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(column == person_id))

    focal = session.scalars(
        sa.select(Organisation.name).where(
            sa.or_(Organisation.focal_point_id == person_id, Organisation.alternate_id == person_id)
        )
    ).all()
    return PersonReferences(
        participations=count(Participation, Participation.person_id),
        presentations=count(AgendaItem, AgendaItem.presenter_id),
        chaired_meetings=count(Meeting, Meeting.chair_id),
        action_points=count(ActionPoint, ActionPoint.responsible_person_id),
        focal_point_of=tuple(focal),
    )


def delete_person(db: Database, person_id: int) -> None:
    """Delete a person nobody refers to. Someone referenced by a meeting or an action point
    gives ValidationError (archive them instead). Their list memberships go with them; an
    organisation they were focal point of keeps no focal point."""
    with db.session() as session:
        person = _person(session, person_id)
        refs = _references(session, person_id)
        if refs.blocks_delete:
            raise ValidationError(
                f"{person.display_name} cannot be deleted: they are recorded in {refs.describe()}. "
                "Archive them instead."
            )
        session.execute(
            sa.update(Organisation).where(Organisation.focal_point_id == person_id).values(focal_point_id=None)
        )
        session.execute(
            sa.update(Organisation).where(Organisation.alternate_id == person_id).values(alternate_id=None)
        )
        links = distribution_list_members
        session.execute(sa.delete(links).where(links.c.person_id == person_id))
        session.execute(sa.delete(Person).where(Person.id == person_id).execution_options(synchronize_session=False))


# --------------------------------------------------------------------------- organisations

_FP = aliased(Person, name="focal")
_ALT = aliased(Person, name="alternate")

ORGANISATION_SORT_KEYS = ("name", "acronym", "category", "network_role", "member_since", "people", "archived")


def _organisations_where(text, category, network_role, include_archived) -> list:
    where: list = []
    if not include_archived:
        where.append(Organisation.archived.is_(False))
    categories = _enum_values(OrganisationCategory, category, "organisation category")
    if categories is not None:
        where.append(Organisation.category.in_(categories))
    roles = _enum_values(NetworkRole, network_role, "network role")
    if roles is not None:
        where.append(Organisation.network_role.in_(roles))
    for token in search_tokens(text):
        pattern = _like_pattern(token)
        where.append(
            sa.or_(
                Organisation.name.like(pattern, escape="\\"),
                Organisation.acronym.like(pattern, escape="\\"),
            )
        )
    return where


def _organisation_people_count():
    return (
        sa.select(sa.func.count())
        .where(Person.organisation_id == Organisation.id, Person.archived.is_(False))
        .correlate(Organisation)
        .scalar_subquery()
    )


def _organisation_select(people):
    return (
        sa.select(
            Organisation.id,
            Organisation.uuid,
            Organisation.name,
            Organisation.acronym,
            Organisation.category,
            Organisation.network_role,
            Organisation.member_since,
            Organisation.archived,
            Organisation.focal_point_id,
            _FP.full_name,
            Organisation.alternate_id,
            _ALT.full_name,
            people,
        )
        .outerjoin(_FP, Organisation.focal_point_id == _FP.id)
        .outerjoin(_ALT, Organisation.alternate_id == _ALT.id)
    )


def search_organisations(
    db: Database,
    text: str | None = "",
    *,
    category: OrganisationCategory | str | Iterable | None = None,
    network_role: NetworkRole | str | Iterable | None = None,
    include_archived: bool = False,
    order_by: str = "name",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[OrganisationRow]:
    """Organisations matching every word of ``text`` (name or acronym) and the filters
    (``category`` / ``network_role``: one value or several, e.g. ``MEMBER_ROLES``); sorted by
    ``order_by`` (one of ``ORGANISATION_SORT_KEYS``), then by name."""
    people = _organisation_people_count()
    name = _nocase(Organisation.name)
    keys = {
        "name": name,
        "acronym": _nocase(sa.func.coalesce(Organisation.acronym, Organisation.name)),
        "category": _label_order(Organisation.category, OrganisationCategory),
        "network_role": sa.case(
            {role.value: i for i, role in enumerate(NetworkRole)}, value=Organisation.network_role, else_=99
        ),
        "member_since": Organisation.member_since,
        "people": people,
        "archived": Organisation.archived,
    }
    if order_by not in keys:
        raise ValueError(f"unknown sort key {order_by!r}; one of {', '.join(ORGANISATION_SORT_KEYS)}")
    key = keys[order_by]
    order = [key.desc() if descending else key.asc(), name.asc(), Organisation.id.asc()]
    if order_by == "member_since":
        order.insert(0, Organisation.member_since.is_(None).asc())
    stmt = (
        _organisation_select(people)
        .where(*_organisations_where(text, category, network_role, include_archived))
        .order_by(*order)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset) if limit is not None else stmt.limit(-1).offset(offset)
    with db.session() as session:
        return [OrganisationRow(*row) for row in session.execute(stmt)]


def count_organisations(
    db: Database,
    text: str | None = "",
    *,
    category: OrganisationCategory | str | Iterable | None = None,
    network_role: NetworkRole | str | Iterable | None = None,
    include_archived: bool = False,
) -> int:
    """How many organisations ``search_organisations`` would give with the same arguments."""
    stmt = sa.select(sa.func.count(Organisation.id)).where(
        *_organisations_where(text, category, network_role, include_archived)
    )
    with db.session() as session:
        return session.scalar(stmt)


def get_organisation(db: Database, organisation_id: int) -> OrganisationRow:
    """The list row of one organisation; ValidationError when there is none."""
    stmt = _organisation_select(_organisation_people_count()).where(Organisation.id == organisation_id)
    with db.session() as session:
        row = session.execute(stmt).first()
    if row is None:
        raise ValidationError("This organisation no longer exists in the directory.")
    return OrganisationRow(*row)


@dataclass
class OrganisationData:
    """What a form gives for an organisation. Enums take a member, a value or a label."""

    name: str = ""
    acronym: str | None = None
    category: OrganisationCategory | str = OrganisationCategory.OTHER
    network_role: NetworkRole | str = NetworkRole.NONE
    member_since: dt.date | None = None
    notes: str = ""
    focal_point_id: int | None = None
    alternate_id: int | None = None


_ORG_FIELDS = tuple(f.name for f in dataclasses.fields(OrganisationData))


def _organisation_data(data: OrganisationData | None, fields: dict) -> OrganisationData:
    unknown = set(fields) - set(_ORG_FIELDS)
    if unknown:
        raise TypeError(f"unknown organisation field(s): {', '.join(sorted(unknown))}")
    return dataclasses.replace(data or OrganisationData(), **fields)


def _checked_organisation(session: Session, data: OrganisationData, organisation_id: int | None) -> dict:
    name = _limit(tidy_text(data.name), MAX_ORG_NAME, "The organisation name")
    if not name:
        raise ValidationError("The organisation name is required.")
    acronym = _limit(tidy_text(data.acronym), MAX_ACRONYM, "The acronym") or None
    for text, what in ((name, "name"), (acronym, "acronym")):
        if not text:
            continue
        column = Organisation.name if what == "name" else Organisation.acronym
        stmt = sa.select(Organisation).where(_same_text(column, text))
        if organisation_id is not None:
            stmt = stmt.where(Organisation.id != organisation_id)
        other = session.scalars(stmt.limit(1)).first()
        if other is not None:
            raise ValidationError(f"The {what} {text} is already used by the organisation {other.display}.")
    roles = {}
    for field, what in (("focal_point_id", "focal point"), ("alternate_id", "alternate")):
        person_id = getattr(data, field)
        if person_id is None:
            roles[field] = None
            continue
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(f"The chosen {what} no longer exists in the directory.")
        if organisation_id is None or person.organisation_id != organisation_id:
            raise ValidationError(
                f"{person.display_name} cannot be the {what} of {name}: they do not belong to it."
            )
        if person.archived:
            raise ValidationError(f"{person.display_name} is archived and cannot be the {what} of {name}.")
        roles[field] = person_id
    if roles["focal_point_id"] is not None and roles["focal_point_id"] == roles["alternate_id"]:
        raise ValidationError("The focal point and the alternate must be two different people.")
    return {
        "name": name,
        "acronym": acronym,
        "category": _enum(OrganisationCategory, data.category or OrganisationCategory.OTHER, "organisation category"),
        "network_role": _enum(NetworkRole, data.network_role or NetworkRole.NONE, "network role"),
        "member_since": data.member_since,
        "notes": str(data.notes or "").strip(),
        **roles,
    }


def create_organisation(db: Database, data: OrganisationData | None = None, /, **fields) -> int:
    """Add an organisation; returns its id. A new organisation has no people, hence no focal point yet."""
    data = _organisation_data(data, fields)
    with db.session() as session:
        org = Organisation(**_checked_organisation(session, data, None))
        session.add(org)
        session.flush()
        return org.id


def _organisation(session: Session, organisation_id: int) -> Organisation:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise ValidationError("This organisation no longer exists in the directory.")
    return org


def get_organisation_data(db: Database, organisation_id: int) -> OrganisationData:
    with db.session() as session:
        org = _organisation(session, organisation_id)
        return OrganisationData(**{name: getattr(org, name) for name in _ORG_FIELDS})


def update_organisation(
    db: Database, organisation_id: int, data: OrganisationData | None = None, /, **changes
) -> None:
    """Change an organisation (all fields with ``data``, only the named ones with ``changes``).
    The focal point and alternate must be people of the organisation."""
    with db.session() as session:
        org = _organisation(session, organisation_id)
        current = OrganisationData(**{name: getattr(org, name) for name in _ORG_FIELDS})
        values = _checked_organisation(session, _organisation_data(data or current, changes), org.id)
        for name, value in values.items():
            setattr(org, name, value)


def archive_organisation(db: Database, organisation_id: int, archived: bool = True) -> None:
    with db.session() as session:
        _organisation(session, organisation_id).archived = archived


def restore_organisation(db: Database, organisation_id: int) -> None:
    archive_organisation(db, organisation_id, archived=False)


def delete_organisation(db: Database, organisation_id: int) -> None:
    """Delete an organisation nothing refers to: no people, action points, working groups or
    work-plan activities (ValidationError otherwise: archive it instead)."""
    with db.session() as session:
        org = _organisation(session, organisation_id)

        def count(stmt) -> int:
            return session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))

        uses = [
            (count(sa.select(Person.id).where(Person.organisation_id == org.id)), "person", "people"),
            (
                count(sa.select(ActionPoint.id).where(ActionPoint.responsible_organisation_id == org.id)),
                "action point",
                "action points",
            ),
            (
                count(
                    sa.select(WorkingGroup.id).where(
                        sa.or_(
                            WorkingGroup.lead_organisation_id == org.id,
                            WorkingGroup.co_lead_organisation_id == org.id,
                        )
                    )
                ),
                "working group",
                "working groups",
            ),
            (
                count(sa.select(Activity.id).where(Activity.lead_agency_id == org.id))
                + count(
                    sa.select(activity_participating_agencies.c.id).where(
                        activity_participating_agencies.c.organisation_id == org.id
                    )
                )
                + count(
                    sa.select(activity_implementing_partners.c.id).where(
                        activity_implementing_partners.c.organisation_id == org.id
                    )
                ),
                "work-plan activity",
                "work-plan activities",
            ),
        ]
        used = [f"{n} {one if n == 1 else many}" for n, one, many in uses if n]
        if used:
            listed = ", ".join(used[:-1]) + " and " + used[-1] if len(used) > 1 else used[0]
            raise ValidationError(f"{org.name} cannot be deleted: it has {listed}. Archive it instead.")
        session.delete(org)
