"""The database file as SQLite sees it, with the standard library only (no SQLAlchemy, no Alembic):
what revision it holds, whether it can be used, and consistent copies of it.

Read-only commands (`info`, `check`, `backup`) use this alone, so they start fast and never
change the file they look at.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import DatabaseRefused

SQLITE_MAGIC = b"SQLite format 3\x00"
LOCK_TIMEOUT_S = 2.0
VERSIONS_DIR = Path(__file__).with_name("migrations") / "versions"


def known_revisions() -> list[str]:
    """The revisions this version of the app ships, oldest first, read from the file names
    (``NNNN_what.py``) so that no Alembic import is needed; a test checks it against Alembic."""
    return sorted(p.name.split("_", 1)[0] for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def inspect_file(path: Path, *, for_writing: bool = True) -> str | None:
    """The Alembic revision stored in an existing file, or None for an empty database.

    Reads only. Raises DatabaseRefused (one sentence) when the file is missing, not SQLite,
    not one of ours, corrupt, or, when ``for_writing``, read-only or locked by another program.
    """
    if not path.exists():
        raise DatabaseRefused(f"{path} does not exist.")
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseRefused(f"Cannot read {path}: {exc.strerror}.") from exc
    if header and header != SQLITE_MAGIC:
        raise DatabaseRefused(f"{path} is not an unnet_desktop database (not a SQLite file).")
    if for_writing and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise DatabaseRefused(f"{path} is read-only: the app needs to write to the file and its folder.")
    if not header:
        return None
    conn = sqlite3.connect(path, timeout=LOCK_TIMEOUT_S, isolation_level=None)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if for_writing:
            # Take the write lock and give it back at once: tells whether another program holds it.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseRefused(f"{path} is a SQLite database, but not one of unnet_desktop.")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise DatabaseRefused(f"{path} is locked by another program; close it and try again.") from exc
        raise DatabaseRefused(f"{path} cannot be read as a database ({message}).") from exc
    finally:
        conn.close()
    if row is None:
        raise DatabaseRefused(f"{path} has no schema revision; it was not written by unnet_desktop.")
    return row[0]


def refuse_newer(path: Path, revision: str | None, head: str) -> None:
    """DatabaseRefused when ``revision`` is one this version of the app does not know."""
    if revision is not None and revision != head and revision not in known_revisions():
        raise DatabaseRefused(
            f"{path} was written by a newer version of unnet_desktop (schema {revision}); "
            f"this version knows schemas up to {head}. Install the newer version to open it."
        )


def backup_file(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the file is open
    elsewhere, in WAL mode too), written to a temporary name and renamed into place."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.part")
    src = sqlite3.connect(source, timeout=LOCK_TIMEOUT_S)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # A standalone copy: no -wal file needed beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(tmp, target)
    return target
