"""Reading action points: the list (filtered and sorted in SQL, light rows), its count, the rows
of a tracker export, and one action point in full."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import OPEN_ACTION_STATUSES, ActionStatus, MinutesStatus
from ...core.errors import ValidationError
from ...core.models import ActionPoint, AgendaItem, Meeting, Organisation, Person
from ...core.timezone import today_wib
from .statuses import parse_action_status

# --------------------------------------------------------------------------- the list


#: The fields of a light row of :func:`list_action_points`.
LIST_FIELDS = (
    "id",
    "uuid",
    "meeting_id",
    "meeting_reference",  # "" when the action point belongs to no meeting
    "agenda_item_id",
    "agenda_item",  # the agenda item's title, ""
    "description",
    "organisation_id",
    "organisation",  # acronym, else name; ""
    "person_id",
    "person",  # full name; ""
    "due_date",  # date | None
    "status",  # ActionStatus
    "completion_note",
    "updated_at",  # aware UTC: the last change
    "overdue",  # bool: open or in progress and due before today
)
ORDER_KEYS = (
    "due_date",
    "status",
    "meeting",
    "agenda_item",
    "description",
    "organisation",
    "person",
    "updated_at",
    "created_at",
    "id",
)

_ORGANISATION_LABEL = sa.func.coalesce(sa.func.nullif(Organisation.acronym, ""), Organisation.name)
_STATUS_RANK = sa.case({s: i for i, s in enumerate(ActionStatus)}, value=ActionPoint.status)


def _overdue_condition(today: dt.date):
    return sa.and_(ActionPoint.status.in_(OPEN_ACTION_STATUSES), ActionPoint.due_date < today)


_JOINS = {
    "meeting": (Meeting, lambda: Meeting.id == ActionPoint.meeting_id),
    "agenda_item": (AgendaItem, lambda: AgendaItem.id == ActionPoint.agenda_item_id),
    "organisation": (Organisation, lambda: Organisation.id == ActionPoint.responsible_organisation_id),
    "person": (Person, lambda: Person.id == ActionPoint.responsible_person_id),
}
#: The tables an order needs joined.
_ORDER_JOINS = {
    "meeting": ("meeting", "agenda_item"),
    "agenda_item": ("agenda_item",),
    "organisation": ("organisation",),
    "person": ("person",),
}


def _with_joins(query: sa.Select, tables: Iterable[str]) -> sa.Select:
    for name in ("meeting", "agenda_item", "organisation", "person"):
        if name in tables:
            model, on = _JOINS[name]
            query = query.outerjoin(model, on())
    return query


def _list_select(today: dt.date) -> sa.Select:
    query = sa.select(
        ActionPoint.id,
        ActionPoint.uuid,
        ActionPoint.meeting_id,
        sa.func.coalesce(Meeting.reference, "").label("meeting_reference"),
        ActionPoint.agenda_item_id,
        sa.func.coalesce(AgendaItem.title, "").label("agenda_item"),
        ActionPoint.description,
        ActionPoint.responsible_organisation_id.label("organisation_id"),
        sa.func.coalesce(_ORGANISATION_LABEL, "").label("organisation"),
        ActionPoint.responsible_person_id.label("person_id"),
        sa.func.coalesce(Person.full_name, "").label("person"),
        ActionPoint.due_date,
        ActionPoint.status,
        ActionPoint.completion_note,
        ActionPoint.updated_at,
        sa.type_coerce(sa.case((_overdue_condition(today), 1), else_=0), sa.Boolean).label("overdue"),
    ).select_from(ActionPoint)
    return _with_joins(query, _JOINS)


def _status_set(status) -> set[ActionStatus] | None:
    if status is None:
        return None
    if isinstance(status, ActionStatus | str):
        status = [status]
    try:
        statuses = {parse_action_status(s) for s in status}
    except ValueError as exc:
        raise ValidationError(f"Unknown status: {exc}.") from None
    return statuses or None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class _Filters:
    status: object = None
    organisation_id: int | None = None
    meeting_id: int | None = None
    working_group_id: int | None = None
    overdue: bool = False
    due_within_days: int | None = None
    text: str | None = None

    @property
    def joins(self) -> set[str]:
        """The tables the filters need joined."""
        return {"meeting"} if self.working_group_id is not None else set()

    def apply(self, query: sa.Select, today: dt.date) -> sa.Select:
        statuses = _status_set(self.status)
        if statuses is not None:
            query = query.where(ActionPoint.status.in_(sorted(statuses, key=list(ActionStatus).index)))
        if self.organisation_id is not None:
            query = query.where(ActionPoint.responsible_organisation_id == self.organisation_id)
        if self.meeting_id is not None:
            query = query.where(ActionPoint.meeting_id == self.meeting_id)
        if self.working_group_id is not None:
            query = query.where(Meeting.working_group_id == self.working_group_id)
        if self.overdue:
            query = query.where(_overdue_condition(today))
        if self.due_within_days is not None:
            if self.due_within_days < 0:
                raise ValidationError("'Due within' takes a number of days from today, 0 or more.")
            query = query.where(
                ActionPoint.status.in_(OPEN_ACTION_STATUSES),
                ActionPoint.due_date >= today,
                ActionPoint.due_date <= today + dt.timedelta(days=self.due_within_days),
            )
        if self.text and self.text.strip():
            # The names are looked up in their (small) tables: no join needed.
            pattern = _like(self.text.strip())

            def like(*columns):
                return sa.or_(*(column.like(pattern, escape="\\") for column in columns))

            def ids_of(key, *columns):
                # correlate(None): a table of its own even when the outer query joins it too
                return sa.select(key).where(like(*columns)).correlate(None)

            query = query.where(
                sa.or_(
                    like(ActionPoint.description, ActionPoint.completion_note),
                    ActionPoint.meeting_id.in_(ids_of(Meeting.id, Meeting.reference)),
                    ActionPoint.agenda_item_id.in_(ids_of(AgendaItem.id, AgendaItem.title)),
                    ActionPoint.responsible_organisation_id.in_(
                        ids_of(Organisation.id, Organisation.name, Organisation.acronym)
                    ),
                    ActionPoint.responsible_person_id.in_(ids_of(Person.id, Person.full_name)),
                )
            )
        return query


# SQLite walks the due-date index for "NULLS LAST" (3.30+), not for "due_date IS NULL, due_date".
_NULLS_LAST = sqlite3.sqlite_version_info >= (3, 30, 0)


def _order_terms(order_by: str, descending: bool) -> list:
    keys = {
        "due_date": (ActionPoint.due_date,),
        "status": (_STATUS_RANK,),
        "meeting": (Meeting.starts_at, AgendaItem.position),
        "agenda_item": (AgendaItem.title,),
        "description": (ActionPoint.description,),
        "organisation": (_ORGANISATION_LABEL,),
        "person": (Person.full_name,),
        "updated_at": (ActionPoint.updated_at,),
        "created_at": (ActionPoint.created_at,),
        "id": (),
    }
    if order_by not in keys:
        raise ValueError(f"order_by must be one of {', '.join(ORDER_KEYS)}, not {order_by!r}")
    terms = []
    for column in keys[order_by]:
        term = column.desc() if descending else column.asc()
        if _NULLS_LAST:
            terms.append(term.nulls_last())  # empty values last, both ways
        else:
            terms.extend((column.is_(None), term))
    terms.append(ActionPoint.id.desc() if descending else ActionPoint.id)
    return terms


def list_action_points(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    order_by: str = "due_date",
    descending: bool = False,
    today: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[sa.Row]:
    """Every action point of every meeting (and those of no meeting), filtered and sorted in SQL.

    ``status``: one status or several (None or empty: all). ``overdue``: open or in progress and
    due before ``today``. ``due_within_days``: open or in progress and due from today to today + N.
    ``working_group_id``: of that group's meetings. ``text``: in the description, completion note,
    meeting reference, agenda item, organisation or person. ``order_by``: one of
    :data:`ORDER_KEYS` (empty values last). Rows have the fields of :data:`LIST_FIELDS`.

    ``limit``/``offset``: one page (what a table shows; :func:`count_action_points` gives the
    total). A page is found on the action points alone (joining only what the filter and order
    need), then its rows are read with their names: fast whatever the size of the table."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    terms = _order_terms(order_by, descending)
    with db.session() as s:
        if limit is None and not offset:
            query = filters.apply(_list_select(today), today).order_by(*terms)
            return list(s.execute(query).all())
        joins = filters.joins | set(_ORDER_JOINS.get(order_by, ()))
        page = _with_joins(sa.select(ActionPoint.id).select_from(ActionPoint), joins)
        page = filters.apply(page, today).order_by(*terms).offset(offset)
        if limit is not None:
            page = page.limit(limit)
        return _rows_in_order(s, list(s.scalars(page)), today)


def _rows_in_order(s: Session, ids: list[int], today: dt.date) -> list[sa.Row]:
    """The light rows of these action points, in this order."""
    position = {id_: n for n, id_ in enumerate(ids)}
    rows = []
    for chunk in _chunks(ids, 500):
        rows.extend(s.execute(_list_select(today).where(ActionPoint.id.in_(chunk))).all())
    rows.sort(key=lambda row: position[row.id])
    return rows


def export_rows(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    today: dt.date | None = None,
) -> list[tuple]:
    """The action points :func:`list_action_points` selects, ordered by meeting and agenda, as
    plain tuples for a tracker: (uuid, meeting reference, agenda item, description,
    organisation, person, status label, due date, completion note, date of the last change in
    WIB). Read raw and converted here: a 20,000-row export spends its time writing, not reading."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    raw = sa.String()
    query = sa.select(
        ActionPoint.uuid,
        sa.func.coalesce(Meeting.reference, ""),
        sa.func.coalesce(AgendaItem.title, ""),
        ActionPoint.description,
        sa.func.coalesce(_ORGANISATION_LABEL, ""),
        sa.func.coalesce(Person.full_name, ""),
        sa.type_coerce(ActionPoint.status, raw),
        sa.type_coerce(ActionPoint.due_date, raw),
        ActionPoint.completion_note,
        sa.type_coerce(ActionPoint.updated_at, raw),
    ).select_from(ActionPoint)
    query = filters.apply(_with_joins(query, _JOINS), today).order_by(*_order_terms("meeting", False))
    labels = {s.value: s.label for s in ActionStatus}
    wib_offset = dt.timedelta(hours=7)  # WIB has no daylight saving time
    with db.session() as s:
        found = s.execute(query).all()
    out = []
    fromisoformat, from_datetime = dt.date.fromisoformat, dt.datetime.fromisoformat
    for uuid_, meeting, item, description, organisation, person, status_, due, note, updated in found:
        out.append(
            (
                uuid_,
                meeting,
                item,
                description,
                organisation,
                person,
                labels.get(status_, status_),
                fromisoformat(due) if due else None,
                note,
                (from_datetime(updated) + wib_offset).date() if updated else None,
            )
        )
    return out


def count_action_points(
    db: Database,
    status: ActionStatus | str | Iterable[ActionStatus | str] | None = None,
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    today: dt.date | None = None,
) -> int:
    """How many action points :func:`list_action_points` gives for the same filters."""
    today = today or today_wib()
    filters = _Filters(status, organisation_id, meeting_id, working_group_id, overdue, due_within_days, text)
    query = _with_joins(sa.select(sa.func.count(ActionPoint.id)).select_from(ActionPoint), filters.joins)
    with db.session() as s:
        return s.scalar(filters.apply(query, today)) or 0

# --------------------------------------------------------------------------- one action point


@dataclass(frozen=True)
class ActionPointDetail:
    id: int
    uuid: str
    description: str
    meeting_id: int | None
    meeting_reference: str
    agenda_item_id: int | None
    agenda_item: str
    organisation_id: int | None
    organisation: str  # display: "Name (ACR)"
    person_id: int | None
    person: str
    due_date: dt.date | None
    status: ActionStatus
    completion_note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    minutes_approved: bool  # then only status, due date and completion note can change

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or today_wib()
        return self.status in OPEN_ACTION_STATUSES and self.due_date is not None and self.due_date < today


def get_action_point(db: Database, action_point_id: int) -> ActionPointDetail:
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        return ActionPointDetail(
            id=ap.id,
            uuid=ap.uuid,
            description=ap.description,
            meeting_id=ap.meeting_id,
            meeting_reference=ap.meeting.reference if ap.meeting else "",
            agenda_item_id=ap.agenda_item_id,
            agenda_item=ap.agenda_item.title if ap.agenda_item else "",
            organisation_id=ap.responsible_organisation_id,
            organisation=ap.responsible_organisation.display if ap.responsible_organisation else "",
            person_id=ap.responsible_person_id,
            person=ap.responsible_person.display_name if ap.responsible_person else "",
            due_date=ap.due_date,
            status=ap.status,
            completion_note=ap.completion_note or "",
            created_at=ap.created_at,
            updated_at=ap.updated_at,
            minutes_approved=_minutes_approved(ap),
        )


def _minutes_approved(ap: ActionPoint) -> bool:
    return ap.meeting is not None and ap.meeting.minutes_status is MinutesStatus.APPROVED


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = [
    "LIST_FIELDS",
    "ORDER_KEYS",
    "ActionPointDetail",
    "count_action_points",
    "export_rows",
    "get_action_point",
    "list_action_points",
    "today_wib",
]
