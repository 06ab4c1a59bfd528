"""The database file as a whole: what it holds, whether it is sound, copies of it.

These read the file with the standard library's sqlite3 only: they never upgrade or change
it (a file is checked *before* it is migrated), and the CLI commands built on them start fast.
Each takes the database path, or an open ``Database`` (its ``.path`` is used).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..core.errors import FileRefused
from ..core.migrations_runner import SCHEMA_HEAD
from ..core.sqlite_file import LOCK_TIMEOUT_S, backup_file, inspect_file, refuse_newer


def _path(db) -> Path:
    return Path(getattr(db, "path", db))


def _open_checked(db) -> tuple[Path, str | None]:
    path = _path(db)
    revision = inspect_file(path, for_writing=False)
    refuse_newer(path, revision, SCHEMA_HEAD)
    return path, revision


def database_info(db) -> dict:
    """Path, schema revision, size and row count per table (sorted by table name)."""
    path, revision = _open_checked(db)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_TIMEOUT_S)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()
    return {
        "path": str(path),
        "revision": revision,
        "head": SCHEMA_HEAD,
        "up_to_date": revision == SCHEMA_HEAD,
        "size_bytes": path.stat().st_size,
        "tables": counts,
    }


def check_database(db) -> list[str]:
    """SQLite's integrity check and foreign-key check; one readable line per problem."""
    path, _revision = _open_checked(db)
    problems: list[str] = []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_TIMEOUT_S)
    try:
        for (line,) in conn.execute("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity: {line}")
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    except sqlite3.DatabaseError as exc:
        problems.append(f"cannot be read: {exc}")
    finally:
        conn.close()
    return problems


def backup_to(db, target: Path) -> Path:
    """A consistent copy (online backup API, safe while the app has the file open), written atomically."""
    path, _revision = _open_checked(db)
    target = Path(target).expanduser().absolute()
    if not target.parent.is_dir():
        raise FileRefused(f"Cannot write {target}: the folder {target.parent} does not exist.")
    if target == path.absolute():
        raise FileRefused("The backup cannot overwrite the database itself.")
    if target.exists() and not os.access(target, os.W_OK):
        raise FileRefused(f"Cannot replace {target}: it is read-only.")
    try:
        return backup_file(path, target)
    except OSError as exc:
        raise FileRefused(f"Cannot write {target}: {exc.strerror}.") from exc
