"""Declarative base, the columns every table shares, and the column types of the domain."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    Column,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Alembic's batch mode on SQLite rebuilds tables and must find constraints by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """A timestamp stored as naive UTC text and handed back timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a timezone-aware one is required")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


class Money(TypeDecorator):
    """US dollars kept exactly: stored as integer cents, handed back as ``Decimal``."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(str(value)) * 100).to_integral_value())

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(value) / 100).quantize(Decimal("0.01"))


def enum_column(enum_cls, **kw):
    """A column type for a ``LabelledEnum``: its value strings, no CHECK constraint
    (new values then need no table rebuild), validated on the way in."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda cls: [m.value for m in cls],
        validate_strings=True,
        **kw,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Entity:
    """What every table has: an integer key, a stable UUID for exchange between laptops,
    and created / updated timestamps in UTC."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


def link_table(name: str, left: tuple[str, str], right: tuple[str, str]) -> Table:
    """A many-to-many table that is an entity too (UUID and timestamps), so links can be
    exchanged and merged like any record. ``left``/``right``: (column name, "table.id")."""
    (left_col, left_ref), (right_col, right_ref) = left, right
    return Table(
        name,
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("uuid", String(36), unique=True, nullable=False, default=new_uuid),
        Column("created_at", UTCDateTime, nullable=False, default=utcnow),
        Column("updated_at", UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow),
        Column(left_col, ForeignKey(left_ref, ondelete="CASCADE"), nullable=False, index=True),
        Column(right_col, ForeignKey(right_ref, ondelete="CASCADE"), nullable=False, index=True),
        UniqueConstraint(left_col, right_col),
    )
