"""What the commands share: the ``--db`` option and opening the database it names."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from ..paths import default_db_path

if TYPE_CHECKING:
    from ..core.database import Database


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the command is not overwritten by this one's default.
    parser.add_argument(
        "--db",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="database file (default: $UNNET_DB or the user data folder)",
    )


def db_path_from(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()


def open_db(args: argparse.Namespace, *, create: bool = True) -> Database:
    """The database named by --db / $UNNET_DB / the default, opened (and upgraded) for writing."""
    from ..core.database import open_database

    return open_database(db_path_from(args), create=create)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def group_subparsers(subparsers: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:
    """The sub-commands of a group such as ``export`` or ``import``, made on first use, so that
    several command modules can each add their kinds (``export contacts``, ``export minutes``)."""
    groups = subparsers.__dict__.setdefault("_unnet_groups", {})
    if name not in groups:
        parser = subparsers.add_parser(name, help=help)
        groups[name] = parser.add_subparsers(dest="kind", metavar="<what>", required=True)
    return groups[name]
