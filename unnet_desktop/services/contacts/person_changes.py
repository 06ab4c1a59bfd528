"""Changing people: the form's data, its rules (name, email syntax, duplicate email naming the
owner), archiving, and deleting only those nothing refers to."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import Sex
from ...core.errors import ValidationError
from ...core.models import (
    ActionPoint,
    AgendaItem,
    Meeting,
    Organisation,
    Participation,
    Person,
    distribution_list_members,
)
from .query import _same_text
from .rules import (
    MAX_NAME,
    MAX_PHONE,
    MAX_POSITION,
    MAX_TITLE,
    _email_or_none,
    _limit,
    parse_sex,
    phone_text,
    tidy_text,
)


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
