"""Policy updates presented under a meeting's agenda item (``attach_to_agenda_item``), which then
appear in that item's minutes (``policies_by_item`` for the minutes writer); ``presentations`` of an entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.models import AgendaItem, Meeting, Policy, agenda_item_policies
from .records import PolicyRef, Presentation
from .rules import _policy


def _unlocked_item(session: Session, item_id: int) -> tuple[AgendaItem, Meeting]:
    from ..meeting_common import ensure_unlocked, item_meeting

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
