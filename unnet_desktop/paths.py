"""Where files live: the user's database, the demo database, the resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import APP_NAME

DB_ENV_VAR = "UNNET_DB"
DATA_DIR_ENV_VAR = "UNNET_DATA_DIR"  # tests and portable installs point the data folder elsewhere


def data_dir(create: bool = True) -> Path:
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``$UNNET_DB`` if set, else ``unnet.sqlite`` in the user data folder."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    return data_dir() / "unnet.sqlite"


def demo_db_path() -> Path:
    """The sample database: a file of its own, never the user's database."""
    return data_dir() / "demo" / "unnet-demo.sqlite"


def demo_db_built() -> bool:
    """Whether the sample database has been built (a file that is not empty)."""
    path = demo_db_path()
    return path.is_file() and path.stat().st_size > 0


def resources_dir() -> Path:
    """``resources/``: beside the package in a checkout, under ``_MEIPASS`` when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
