"""Alembic, driven from code: the revisions shipped in ``core/migrations`` and the upgrade step.

Alembic is imported only when a database must be migrated, to keep start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest revision; tests check it equals Alembic's head, so it cannot drift.
SCHEMA_HEAD = "0005"


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def known_revisions() -> list[str]:
    """All revisions this version of the app knows, oldest first, as Alembic sees them."""
    return [s.revision for s in reversed(list(script_directory().walk_revisions()))]


def upgrade(connection: sa.Connection, target: str = "head") -> None:
    """Run the migrations on an open connection. Foreign keys are switched off around it
    (batch mode rebuilds tables; SQLite cannot change the pragma inside a transaction)."""
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = connection
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        command.upgrade(cfg, target)
        connection.commit()
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
