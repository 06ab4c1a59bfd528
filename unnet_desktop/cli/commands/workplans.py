"""Work plans and working groups on the command line:

    export workplan YEAR -o OUT.xlsx       the plan as the workbook agencies fill in
    import workplan IN.xlsx [--dry-run]    that workbook back (keys, conflicts, all or nothing)
    export group NAME -o OUT.xlsx          a working group's member list
    workplan show YEAR [--json]            totals per results group and lead agency, funding gaps
    workplan coverage YEAR [--json]        GCM coverage
    workplan copy YEAR                     start YEAR+1 with the unfinished activities

Heavy imports stay inside the functions; no Qt is imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import KnownError
from ..common import add_db_option, group_subparsers, open_db, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    export = group_subparsers(subparsers, "export", "write a file")
    p = export.add_parser("workplan", help="a year's work plan as an Excel workbook to fill in")
    p.add_argument("year", type=int, metavar="YEAR")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="file to write")
    p.set_defaults(func=cmd_export_workplan)

    p = export.add_parser("group", help="a working group's member list as an Excel workbook")
    p.add_argument("name", metavar="NAME", help="the group's name or short name")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="file to write")
    p.set_defaults(func=cmd_export_group)

    imports = group_subparsers(subparsers, "import", "read a file into the database")
    p = imports.add_parser("workplan", help="a work plan workbook filled in by the agencies")
    p.add_argument("input", metavar="IN.xlsx")
    add_db_option(p)
    p.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    p.set_defaults(func=cmd_import_workplan)

    p = subparsers.add_parser("workplan", help="work plan figures: show, coverage, copy")
    actions = p.add_subparsers(dest="action", metavar="<action>", required=True)
    q = actions.add_parser("show", help="totals per results group and lead agency, with funding gaps")
    q.add_argument("year", type=int, metavar="YEAR")
    add_db_option(q)
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_show)
    q = actions.add_parser("coverage", help="which GCM objectives the year's activities address")
    q.add_argument("year", type=int, metavar="YEAR")
    add_db_option(q)
    q.add_argument("--json", action="store_true", help="print JSON")
    q.set_defaults(func=cmd_coverage)
    q = actions.add_parser("copy", help="start YEAR+1's plan with YEAR's unfinished activities")
    q.add_argument("year", type=int, metavar="YEAR")
    add_db_option(q)
    q.set_defaults(func=cmd_copy)


def _output(args: argparse.Namespace) -> Path:
    out = Path(args.output).expanduser()
    if out.is_dir():
        raise KnownError(f"{out} is a folder; give the file to write, e.g. {out / 'workplan.xlsx'}")
    return out


def _money(value) -> str:
    return f"{value:,.2f}"


def cmd_export_workplan(args: argparse.Namespace) -> int:
    from ...files.workplan_xlsx import export_workplan

    out = _output(args)
    with open_db(args, create=False) as db:
        result = export_workplan(db, args.year, out)
    print(f"Wrote the {result.year} work plan ({result.activities} activities) to {result.path}")
    return 0


def cmd_export_group(args: argparse.Namespace) -> int:
    from ...files.working_group_xlsx import export_working_group

    out = _output(args)
    with open_db(args, create=False) as db:
        result = export_working_group(db, args.name, out)
    print(f"Wrote the member list of {result.group} ({result.members} members) to {result.path}")
    return 0


def cmd_import_workplan(args: argparse.Namespace) -> int:
    from ...core.timezone import format_wib
    from ...files.workplan_xlsx_import import Outcome, apply_workplan_import, plan_workplan_import

    with open_db(args, create=False) as db:
        plan = plan_workplan_import(db, Path(args.input).expanduser())
        print(
            f"{plan.file_name}: the {plan.year} work plan exported {format_wib(plan.exported_at)}, "
            f"{len(plan.rows)} activity rows."
        )
        if not plan.ok:
            for row in plan.errors:
                print(f"PROBLEM {row.describe()}")
            print(f"Nothing was imported: {len(plan.errors)} row(s) with problems. Correct them and import again.")
            return 1
        for row in plan.of(Outcome.UPDATE, Outcome.CONFLICT, Outcome.DELETED):
            print(row.describe(dry_run=args.dry_run))
        if args.dry_run:
            print(f"Dry run, nothing written: {plan.summary}.")
            return 0
        result = apply_workplan_import(db, plan)
    skipped = f"; {result.conflicts_skipped} conflict(s) skipped" if result.conflicts_skipped else ""
    deleted = f"; {result.skipped} deleted since the export" if result.skipped else ""
    print(f"Imported: {result.updated} activities changed, {result.unchanged} unchanged{skipped}{deleted}.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ...services.workplans import get_work_plan, plan_totals

    with open_db(args, create=False) as db:
        info = get_work_plan(db, args.year)
        if info is None:
            raise KnownError(f"There is no work plan for {args.year}.")
        totals = plan_totals(db, args.year)

    def figures(t) -> dict:
        return {
            "label": t.label,
            "activities": t.activities,
            "required": t.required,
            "available": t.available,
            "spent": t.spent,
            "funding_gap": t.funding_gap,
        }

    if args.json:
        print_json(
            {
                "year": info.year,
                "title": info.title,
                "status": info.status.value,
                "endorsed_on": info.endorsed_on,
                "by_results_group": [figures(t) for t in totals.by_results_group],
                "by_lead_agency": [figures(t) for t in totals.by_lead_agency],
                "total": figures(totals.grand),
            }
        )
        return 0
    print(f"{info.title}: {info.summary}")
    header = f"{'':<44} {'activities':>10} {'required':>16} {'available':>16} {'spent':>16} {'funding gap':>16}"
    for title, rows in (("By results group", totals.by_results_group), ("By lead agency", totals.by_lead_agency)):
        print(f"\n{title}")
        print(header)
        for t in (*rows, totals.grand):
            label = t.label if len(t.label) <= 44 else t.label[:43] + "…"
            print(
                f"{label:<44} {t.activities:>10} {_money(t.required):>16} {_money(t.available):>16} "
                f"{_money(t.spent):>16} {_money(t.funding_gap):>16}"
            )
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from ...services.coverage import gcm_coverage

    with open_db(args, create=False) as db:
        coverage = gcm_coverage(db, args.year)
    if args.json:
        print_json(
            {
                "year": coverage.year,
                "activities": coverage.activities,
                "objectives": [
                    {
                        "number": o.number,
                        "short_label": o.short_label,
                        "activities": o.activities,
                        "agencies": o.agencies,
                        "agency_names": list(o.agency_names),
                    }
                    for o in coverage.objectives
                ],
                "uncovered": [o.number for o in coverage.uncovered],
            }
        )
        return 0
    print(f"GCM coverage of the {coverage.year} work plan ({coverage.activities} activities, cancelled ones left out)")
    for o in coverage.objectives:
        mark = " " if o.covered else "!"
        print(f"{mark} {o.display:<40} {o.activities:>4} activities {o.agencies:>3} agencies")
    print(coverage.summary)
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from ...services.workplans import copy_to_next_year

    with open_db(args, create=False) as db:
        result = copy_to_next_year(db, args.year)
    print(
        f"Started the {result.to_year} work plan with {result.copied} unfinished activities of {result.from_year} "
        f"({result.left_behind} completed or cancelled left behind)."
    )
    return 0
