"""info, check, backup: the database itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..common import add_db_option, db_path_from, print_json


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

    info = database_info(db_path_from(args))
    if args.json:
        print_json(info)
        return 0
    print(f"Database:  {info['path']}")
    note = "" if info["up_to_date"] else f" (older: upgraded to {info['head']} when the app opens it)"
    print(f"Revision:  {info['revision']}{note}")
    print(f"Size:      {info['size_bytes']:,} bytes")
    print("Rows:")
    width = max(len(name) for name in info["tables"])
    for name, count in info["tables"].items():
        print(f"  {name:<{width}}  {count:>9,}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ...services.maintenance import check_database

    path = db_path_from(args)
    problems = check_database(path)
    if problems:
        for problem in problems:
            print(f"PROBLEM: {problem}")
        print(f"{len(problems)} problem(s) found in {path}")
        return 1
    print(f"OK: {path} passed the integrity and foreign-key checks.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ...services.maintenance import backup_to

    path = db_path_from(args)
    out = backup_to(path, Path(args.output))
    print(f"Backed up {path} to {out}")
    return 0
