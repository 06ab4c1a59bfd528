"""``search_policies``: words searched in title, number and summary (case-insensitive, in SQL; every
word must be found), filtered by type, status, tag and GCM objective; ``policy_rows`` for given ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ...core.database import Database
from ...core.enums import PolicyStatus, PolicyType
from ...core.errors import ValidationError
from ...core.models import GcmObjective, Policy, agenda_item_policies, policy_objectives
from .records import PolicyRow
from .rules import parse_status, parse_tag, parse_type

#: Sort keys of ``search_policies``.
ORDER_KEYS = ("title", "number", "type", "status", "issued_on", "updated_at")

_LIKE_SPECIALS = re.compile(r"[%_\\]")


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
