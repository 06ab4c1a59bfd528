"""export contacts, import contacts: the directory to and from Excel."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..common import add_db_option, group_subparsers, open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    export = group_subparsers(subparsers, "export", "write a file")
    p = export.add_parser("contacts", help="people and organisations to an Excel workbook")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="workbook to write")
    p.add_argument("--list", metavar="NAME", help="only the people of this distribution list")
    p.add_argument(
        "--no-personal",
        action="store_true",
        help="leave out email and phone (for lists shared outside the Network)",
    )
    p.add_argument("--include-archived", action="store_true", help="archived people and organisations too")
    p.set_defaults(func=cmd_export_contacts)

    imports = group_subparsers(subparsers, "import", "read a file")
    p = imports.add_parser("contacts", help="people from an Excel sheet (attendance list, directory)")
    add_db_option(p)
    p.add_argument("file", metavar="IN.xlsx", help="workbook to read")
    p.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    p.set_defaults(func=cmd_import_contacts)


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from ...files.contacts_export import export_contacts
    from ...services.distribution_lists import find_distribution_list

    with open_db(args, create=False) as db:
        list_id = find_distribution_list(db, args.list).id if args.list else None
        result = export_contacts(
            db,
            Path(args.output),
            distribution_list_id=list_id,
            personal=not args.no_personal,
            include_archived=args.include_archived,
        )
    scope = f" of the list '{args.list}'" if args.list else ""
    personal = " (without email and phone)" if args.no_personal else ""
    print(
        f"Wrote {result.people} people{scope} and {result.organisations} organisations "
        f"to {result.path}{personal}"
    )
    return 0


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from ...files.contacts_import import apply_contacts_import, plan_contacts_import

    with open_db(args, create=not args.dry_run) as db:  # a dry run creates no database either
        plan = plan_contacts_import(db, Path(args.file))
        columns = ", ".join(f"{header} -> {name}" for name, header in plan.columns.items())
        print(f"{plan.path.name}: sheet '{plan.sheet}', header on row {plan.header_row} ({columns})")
        if plan.ignored_columns:
            print(f"Columns ignored: {', '.join(plan.ignored_columns)}")
        for row in plan.rows:
            who = row.who or "-"
            reason = f": {row.reason}" if row.reason else ""
            print(f"Row {row.row:>5}  {row.action:<8} {who}{reason}")
        if plan.new_organisations:
            names = [org["name"] for org in plan.new_organisations]
            more = f" and {len(names) - 20} more" if len(names) > 20 else ""
            print(f"New organisations ({len(names)}): " + "; ".join(names[:20]) + more)
        if not args.dry_run:
            apply_contacts_import(db, plan)
    print(plan.summary.line())
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 0
