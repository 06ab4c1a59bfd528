"""SQL pieces shared by the people and organisation lists (SQLite: NOCASE, LIKE, LIMIT -1)."""

from __future__ import annotations

import sqlalchemy as sa

from ...core.enums import LabelledEnum


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


def _like_pattern(token: str) -> str:
    escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _page(stmt, limit: int | None, offset: int):
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset) if limit is not None else stmt.limit(-1).offset(offset)
    return stmt


def _same_text(column, text: str):
    """Case-insensitive equality done by SQLite on both sides: its lower() folds ASCII only,
    so a non-ASCII name equal byte for byte is still found (the unique index would refuse it)."""
    return sa.func.lower(column) == sa.func.lower(sa.literal(text))
