"""Alembic environment: always driven from code (``migrations_runner.upgrade``) with an open
connection, or from a development shell with ``-x db=FILE``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from unnet_desktop.core.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite: ALTER through table rebuilds
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # pragma: no cover - developer use: alembic -x db=path/to/file.sqlite ...
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("give the database file with -x db=FILE")
    with create_engine(f"sqlite:///{db}").connect() as conn:
        _run(conn)
        conn.commit()
