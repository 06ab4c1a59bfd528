"""Organisations: their list (filtered by category and network role, with focal point,
alternate and number of people), their rules and changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from ...core.database import Database
from ...core.enums import NetworkRole, OrganisationCategory
from ...core.errors import ValidationError
from ...core.models import (
    ActionPoint,
    Activity,
    Organisation,
    Person,
    WorkingGroup,
    activity_implementing_partners,
    activity_participating_agencies,
)
from .query import _label_order, _like_pattern, _nocase, _same_text
from .rules import MAX_ACRONYM, MAX_ORG_NAME, _enum, _enum_values, _limit, search_tokens, tidy_text

MEMBER_ROLES = (NetworkRole.CHAIR, NetworkRole.CO_CHAIR_SECRETARIAT, NetworkRole.MEMBER)


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


@dataclass(frozen=True, slots=True)
class OrganisationChoice:
    """An organisation in a picker: its id and names only."""

    id: int
    name: str
    acronym: str | None
    archived: bool

    @property
    def display(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def organisation_choices(db: Database, *, include_archived: bool = True) -> list[OrganisationChoice]:
    """Every organisation by name, for a filter or a form's picker: no counts, no joins, so it
    stays instant however many people there are (``search_organisations`` counts them)."""
    stmt = sa.select(Organisation.id, Organisation.name, Organisation.acronym, Organisation.archived).order_by(
        _nocase(Organisation.name), Organisation.id
    )
    if not include_archived:
        stmt = stmt.where(Organisation.archived.is_(False))
    with db.engine.connect() as conn:
        return [OrganisationChoice(*row) for row in conn.execute(stmt)]


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
