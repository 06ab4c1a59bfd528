"""Creating, reading, changing and deleting entries (an entry that approved minutes record cannot be
deleted: mark it revoked)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import sqlalchemy as sa

from ...core.database import Database
from ...core.errors import ValidationError
from ...core.models import AgendaItem, Meeting, Policy, agenda_item_policies
from .attachments import _remove_folder
from .records import EDITABLE_FIELDS, PolicyData, display_name
from .rules import _clean_line, _data_of, _policy, _save, normalise_policy


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
    from ...core.enums import MinutesStatus

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
