"""The database as a whole: what it holds, whether it is sound, copies of it."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.database import Database, backup_file
from ..core.errors import FileRefused
from ..core.models import Base


def database_info(db: Database) -> dict:
    """Path, schema revision, size and row count per table (sorted by table name)."""
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        for name in sorted(Base.metadata.tables):
            counts[name] = conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()
    return {
        "path": str(db.path),
        "revision": db.revision,
        "size_bytes": db.path.stat().st_size,
        "tables": counts,
    }


def check_database(db: Database) -> list[str]:
    """SQLite's integrity check and foreign-key check; one readable line per problem."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity: {line}")
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    return problems


def backup_to(db: Database, target: Path) -> Path:
    """A consistent copy of the open database (online backup API), written atomically."""
    target = Path(target).expanduser().absolute()
    if not target.parent.is_dir():
        raise FileRefused(f"Cannot write {target}: the folder {target.parent} does not exist.")
    if target == db.path:
        raise FileRefused("The backup cannot overwrite the database itself.")
    if target.exists() and not os.access(target, os.W_OK):
        raise FileRefused(f"Cannot replace {target}: it is read-only.")
    try:
        return backup_file(db.path, target)
    except OSError as exc:
        raise FileRefused(f"Cannot write {target}: {exc.strerror}.") from exc
