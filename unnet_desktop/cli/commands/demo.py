"""demo: write the sample network into a database file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import KnownError
from ..common import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("demo", help="write the sample network into FILE (a new file)")
    add_db_option(p)
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from ...services.demo import create_demo_database

    if not getattr(args, "db", None):
        raise KnownError("give the file to write with --db FILE")
    path = Path(args.db).expanduser()
    create_demo_database(path)
    print(f"Wrote the sample network to {path}")
    return 0
