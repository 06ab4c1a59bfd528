"""info, check, backup: the database itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..common import add_db_option, open_db, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="path, schema revision and row count per table")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_info)

    p = subparsers.add_parser("check", help="integrity and foreign-key checks; exit 1 on a problem")
    add_db_option(p)
    p.set_defaults(func=cmd_check)

    p = subparsers.add_parser("backup", help="consistent copy through SQLite's online backup API")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="file to write")
    p.set_defaults(func=cmd_backup)


def cmd_info(args: argparse.Namespace) -> int:
    from ...services.maintenance import database_info

    with open_db(args, create=False) as db:
        info = database_info(db)
    if args.json:
        print_json(info)
        return 0
    print(f"Database:  {info['path']}")
    print(f"Revision:  {info['revision']}")
    print(f"Size:      {info['size_bytes']:,} bytes")
    print("Rows:")
    width = max(len(name) for name in info["tables"])
    for name, count in info["tables"].items():
        print(f"  {name:<{width}}  {count:>9,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ...services.maintenance import check_database

    with open_db(args, create=False) as db:
        problems = check_database(db)
    if problems:
        for problem in problems:
            print(f"PROBLEM: {problem}")
        print(f"{len(problems)} problem(s) found in {db.path}")
        return 1
    print(f"OK: {db.path} passed the integrity and foreign-key checks.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ...services.maintenance import backup_to

    with open_db(args, create=False) as db:
        out = backup_to(db, Path(args.output))
    print(f"Backed up {db.path} to {out}")
    return 0
