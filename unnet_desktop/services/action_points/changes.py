"""Changing action points: create, update, set the status of many, delete (the rules of what can
change once the minutes are approved), and finding organisations and meetings by name."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import ActionStatus
from ...core.errors import ValidationError
from ...core.models import ActionPoint, AgendaItem, Meeting, Organisation, Person, utcnow
from .queries import _chunks, _minutes_approved
from .statuses import STATUS_HELP, parse_action_status

#: The fields a tracker edits.
EDITABLE_FIELDS = ("status", "due_date", "completion_note")


class _Unset:
    def __repr__(self) -> str:  # pragma: no cover
        return "UNSET"


UNSET = _Unset()


def _check_description(text: object) -> str:
    text = str(text or "").strip()
    if not text:
        raise ValidationError("An action point needs a description.")
    return text


def _check_status(value: object) -> ActionStatus:
    try:
        return parse_action_status(value)
    except ValueError:
        raise ValidationError(f"{value!r} is not a status; use one of {STATUS_HELP}.") from None


def _check_due(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError("The due date must be a date.")
    if not 2000 <= value.year <= 2100:
        raise ValidationError(f"The due date {value:%d %b %Y} is not plausible (years 2000 to 2100).")
    return value


def _check_note(value: object) -> str:
    return str(value or "").strip()


def _check_links(
    s: Session,
    *,
    meeting_id: int | None,
    agenda_item_id: int | None,
    organisation_id: int | None,
    person_id: int | None,
) -> tuple[int | None, int | None, int | None, int | None]:
    """The links checked; the meeting from the agenda item, the organisation from the person
    when not given."""
    if agenda_item_id is not None:
        item = s.get(AgendaItem, agenda_item_id)
        if item is None:
            raise ValidationError(f"There is no agenda item with id {agenda_item_id}.")
        if meeting_id is not None and meeting_id != item.meeting_id:
            raise ValidationError("The agenda item belongs to another meeting.")
        meeting_id = item.meeting_id
    if meeting_id is not None and s.get(Meeting, meeting_id) is None:
        raise ValidationError(f"There is no meeting with id {meeting_id}.")
    if organisation_id is not None and s.get(Organisation, organisation_id) is None:
        raise ValidationError(f"There is no organisation with id {organisation_id}.")
    if person_id is not None:
        person = s.get(Person, person_id)
        if person is None:
            raise ValidationError(f"There is no person with id {person_id}.")
        if organisation_id is None:
            organisation_id = person.organisation_id
    return meeting_id, agenda_item_id, organisation_id, person_id


def create_action_point(
    db: Database,
    *,
    description: str,
    meeting_id: int | None = None,
    agenda_item_id: int | None = None,
    responsible_organisation_id: int | None = None,
    responsible_person_id: int | None = None,
    due_date: dt.date | None = None,
    status: ActionStatus | str = ActionStatus.OPEN,
    completion_note: str = "",
) -> int:
    """A new action point, with or without a meeting. Returns its id."""
    with db.session() as s:
        meeting_id, agenda_item_id, organisation_id, person_id = _check_links(
            s,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            organisation_id=responsible_organisation_id,
            person_id=responsible_person_id,
        )
        now = utcnow()
        ap = ActionPoint(
            description=_check_description(description),
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            responsible_organisation_id=organisation_id,
            responsible_person_id=person_id,
            due_date=_check_due(due_date),
            status=_check_status(status),
            completion_note=_check_note(completion_note),
            created_at=now,
            updated_at=now,
        )
        s.add(ap)
        s.flush()
        return ap.id


def update_action_point(
    db: Database,
    action_point_id: int,
    *,
    status: ActionStatus | str | _Unset = UNSET,
    due_date: dt.date | None | _Unset = UNSET,
    completion_note: str | _Unset = UNSET,
    description: str | _Unset = UNSET,
    responsible_organisation_id: int | None | _Unset = UNSET,
    responsible_person_id: int | None | _Unset = UNSET,
    meeting_id: int | None | _Unset = UNSET,
    agenda_item_id: int | None | _Unset = UNSET,
) -> tuple[str, ...]:
    """Change the given fields of one action point; returns the names of those that changed.
    Status, due date and completion note (the follow-up) can always change; the rest not once
    the minutes of its meeting are approved."""
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        record_fields = {
            "description": description,
            "responsible_organisation_id": responsible_organisation_id,
            "responsible_person_id": responsible_person_id,
            "meeting_id": meeting_id,
            "agenda_item_id": agenda_item_id,
        }
        given_record = {k: v for k, v in record_fields.items() if v is not UNSET}
        new_values: dict[str, object] = {}
        if status is not UNSET:
            new_values["status"] = _check_status(status)
        if due_date is not UNSET:
            new_values["due_date"] = _check_due(due_date)
        if completion_note is not UNSET:
            new_values["completion_note"] = _check_note(completion_note)
        if "description" in given_record:
            new_values["description"] = _check_description(description)
        if given_record.keys() - {"description"}:

            def pick(name: str, current: int | None) -> int | None:
                return current if record_fields[name] is UNSET else record_fields[name]

            m, a, o, p = _check_links(
                s,
                meeting_id=pick("meeting_id", ap.meeting_id),
                agenda_item_id=pick("agenda_item_id", ap.agenda_item_id),
                organisation_id=pick("responsible_organisation_id", ap.responsible_organisation_id),
                person_id=pick("responsible_person_id", ap.responsible_person_id),
            )
            if meeting_id is not UNSET and agenda_item_id is UNSET and a is not None:
                item = s.get(AgendaItem, a)
                if item.meeting_id != m:
                    a = None  # moved to another meeting: the old agenda item does not follow
            new_values.update(meeting_id=m, agenda_item_id=a, responsible_organisation_id=o, responsible_person_id=p)
        changed = tuple(name for name, value in new_values.items() if getattr(ap, name) != value)
        if _minutes_approved(ap) and set(changed) - set(EDITABLE_FIELDS):
            raise ValidationError(
                f"The minutes of {ap.meeting.reference} are approved: only the status, due date and "
                "completion note of its action points can change."
            )
        for name in changed:
            setattr(ap, name, new_values[name])
        return changed


def set_status_many(
    db: Database, action_point_ids: Iterable[int], status: ActionStatus | str, *, completion_note: str | None = None
) -> int:
    """Set the status of many action points at once (the page's selection); with
    ``completion_note``, that note too. Returns how many changed. All or none: an id that does
    not exist refuses the whole change."""
    status = _check_status(status)
    note = None if completion_note is None else _check_note(completion_note)
    ids = sorted(set(action_point_ids))
    changed = 0
    with db.session() as s:
        found = []
        for chunk in _chunks(ids, 500):
            found.extend(s.scalars(sa.select(ActionPoint).where(ActionPoint.id.in_(chunk))))
        if len(found) != len(ids):
            missing = len(ids) - len(found)
            raise ValidationError(f"{missing} of the selected action points no longer exist; refresh the list.")
        for ap in found:
            touched = False
            if ap.status is not status:
                ap.status = status
                touched = True
            if note is not None and ap.completion_note != note:
                ap.completion_note = note
                touched = True
            changed += touched
    return changed


def delete_action_point(db: Database, action_point_id: int) -> None:
    """Delete an action point (and its history). Refused once its meeting's minutes are approved."""
    with db.session() as s:
        ap = s.get(ActionPoint, action_point_id)
        if ap is None:
            raise ValidationError(f"There is no action point with id {action_point_id}.")
        if _minutes_approved(ap):
            raise ValidationError(f"The minutes of {ap.meeting.reference} are approved: its action points stay.")
        s.delete(ap)


# --------------------------------------------------------------------------- names to ids


def find_organisation(db: Database, name: str) -> int:
    """The organisation with that name or acronym (case-insensitive); ValidationError when none
    or several match."""
    with db.session() as s:
        matches = _OrganisationIndex(s).find(name)
    if matches is None:
        raise ValidationError(f"No organisation is called {name!r} (name or acronym).")
    if isinstance(matches, list):
        raise ValidationError(f"Several organisations match {name!r}; give the full name.")
    return matches


def find_meeting(db: Database, reference: str) -> int:
    with db.session() as s:
        meeting_id = s.scalar(
            sa.select(Meeting.id).where(sa.func.lower(Meeting.reference) == reference.strip().lower())
        )
    if meeting_id is None:
        raise ValidationError(f"There is no meeting with the reference {reference!r}.")
    return meeting_id


def _name_key(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


class _OrganisationIndex:
    """Organisations by name, acronym and "Name (ACR)", case-insensitively."""

    def __init__(self, s: Session):
        self.by_key: dict[str, set[int]] = defaultdict(set)
        for oid, name, acronym in s.execute(sa.select(Organisation.id, Organisation.name, Organisation.acronym)):
            self.by_key[_name_key(name)].add(oid)
            if acronym:
                self.by_key[_name_key(acronym)].add(oid)
                self.by_key[_name_key(f"{name} ({acronym})")].add(oid)

    def find(self, text: str) -> int | list[int] | None:
        ids = self.by_key.get(_name_key(text))
        if not ids:
            return None
        return next(iter(ids)) if len(ids) == 1 else sorted(ids)


__all__ = [
    "EDITABLE_FIELDS",
    "UNSET",
    "create_action_point",
    "delete_action_point",
    "find_meeting",
    "find_organisation",
    "set_status_many",
    "update_action_point",
]
