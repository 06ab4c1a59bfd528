"""Opening the one SQLite file: checks first, then create / back up and upgrade, then a Database.

A file that cannot be used (not SQLite, from a newer version, read-only, locked, in a
missing folder) is refused with ``DatabaseRefused`` before anything writes to it, so it
stays byte-for-byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from . import sqlite_file
from .errors import DatabaseRefused
from .migrations_runner import SCHEMA_HEAD
from .sqlite_file import backup_file, inspect_file, refuse_newer


class Database:
    """An open database: the engine and a session factory. One session per user action."""

    def __init__(self, path: Path, engine: sa.Engine, revision: str, backup_path: Path | None = None):
        self.path = path
        self.engine = engine
        self.revision = revision
        #: the copy made before an upgrade at this opening, if any
        self.backup_path = backup_path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back on an exception."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _on_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(sqlite_file.LOCK_TIMEOUT_S * 1000)}")
    cursor.close()


def make_engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": sqlite_file.LOCK_TIMEOUT_S})
    event.listen(engine, "connect", _on_connect)
    return engine


def backup_before_upgrade(path: Path, revision: str) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return backup_file(path, folder / f"{path.stem}-rev{revision}-{stamp}{path.suffix or '.sqlite'}")


def _create_schema(engine: sa.Engine) -> None:
    from . import models
    from .reference_data import seed_default_distribution_lists, seed_reference_data

    with engine.begin() as conn:
        models.Base.metadata.create_all(conn)
        # What `alembic stamp head` writes, without importing Alembic.
        conn.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (SCHEMA_HEAD,))
        seed_reference_data(conn)
        seed_default_distribution_lists(conn)


def open_database(path: str | os.PathLike, *, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``."""
    path = Path(path).expanduser().absolute()
    if not path.parent.is_dir():
        raise DatabaseRefused(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file.")
    exists = path.exists()
    if not exists and not create:
        raise DatabaseRefused(f"{path} does not exist.")
    if not exists and not os.access(path.parent, os.W_OK):
        raise DatabaseRefused(f"Cannot create {path}: the folder is read-only.")
    revision = inspect_file(path) if exists else None
    refuse_newer(path, revision, SCHEMA_HEAD)

    backup_path = None
    if revision is not None and revision != SCHEMA_HEAD:
        backup_path = backup_before_upgrade(path, revision)

    engine = make_engine(path)
    try:
        if revision is None:
            _create_schema(engine)
        elif revision != SCHEMA_HEAD:
            from .migrations_runner import upgrade

            with engine.connect() as conn:
                upgrade(conn)
    except Exception:
        engine.dispose()
        raise
    return Database(path, engine, SCHEMA_HEAD, backup_path)
