"""The Network's annual report on the command line:

    export report YEAR -o OUT.docx [--template FILE]   the Word report for the RC and the UNCT
    report YEAR [--json]                              its key figures, without writing a file

A year with nothing at all to report (no meeting, no work plan, no policy update) is refused:
exit 1 with one sentence. Heavy imports stay inside the functions; no Qt is imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import KnownError
from ..common import add_db_option, group_subparsers, open_db, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    export = group_subparsers(subparsers, "export", "write a file")
    p = export.add_parser("report", help="the annual report of a year as a Word document (with charts)")
    p.add_argument("year", type=int, metavar="YEAR")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="file to write")
    p.add_argument("--template", metavar="FILE", help="Word template (default: the one in the settings)")
    p.set_defaults(func=cmd_export_report)

    p = subparsers.add_parser("report", help="the key figures of a year's annual report")
    p.add_argument("year", type=int, metavar="YEAR")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_report)


def cmd_export_report(args: argparse.Namespace) -> int:
    from ...files.annual_report_docx import default_filename, export_report

    out = Path(args.output).expanduser()
    if out.is_dir():
        raise KnownError(f"{out} is a folder; give the file to write, e.g. {out / default_filename(args.year)}")
    with open_db(args, create=False) as db:
        result = export_report(db, args.year, out, template=args.template)
    print(
        f"Wrote the {result.year} annual report ({_n(result.meetings, 'meeting')}, "
        f"{_n(result.action_points, 'action point')}, {_n(result.activities, 'activity', 'activities')}, "
        f"{_n(result.policy_updates, 'policy update')}) to {result.path}"
    )
    return 0


def _n(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def cmd_report(args: argparse.Namespace) -> int:
    from ...files import annual_report_docx as words
    from ...services.annual_report import annual_report

    with open_db(args, create=False) as db:
        report = annual_report(db, args.year)
    if args.json:
        budget = report.budget
        print_json(
            {
                "year": report.year,
                "as_of": report.generated_on.isoformat(),
                "meetings_held": len(report.meetings),
                "meetings_by_kind": {kind.value: n for kind, n in report.meetings_by_kind.items()},
                "meetings_not_held": [m.reference for m in report.not_held],
                "attendances": report.participation.attendances,
                "people": report.participation.people,
                "organisations": report.participation.organisations,
                "attendances_by_sex": {sex.value: n for sex, n in report.participation.by_sex.items()},
                "attendances_by_category": {
                    (c.value if c is not None else "none"): n for c, n in report.participation.by_category.items()
                },
                "decisions": len(report.decisions),
                "action_points": {
                    "raised": report.actions.raised,
                    **{status.value: n for status, n in report.actions.by_status.items()},
                    "overdue": report.actions.overdue,
                },
                "activities_by_status": {status.value: n for status, n in report.activities_by_status.items()},
                "budget": None
                if budget is None
                else {
                    "required": str(budget.required),
                    "available": str(budget.available),
                    "spent": str(budget.spent),
                    "funding_gap": str(budget.funding_gap),
                },
                "objectives_addressed": report.objectives_addressed,
                "objectives": [
                    {"number": o.number, "activities": list(o.activities), "meetings": list(o.meetings),
                     "policies": list(o.policies)}
                    for o in report.objectives
                ],  # fmt: skip
                "policy_updates": [u.policy.display for u in report.policy_updates],
                "working_groups": [
                    {"name": g.name, "meetings": [m.reference for m in g.meetings],
                     "action_points_raised": g.action_points_raised, "action_points_open": g.action_points_open}
                    for g in report.working_groups
                ],  # fmt: skip
            }
        )
        return 0
    lines = [
        ("Meetings held", words.meetings_phrase(report)),
        ("Attendance", words.attendance_phrase(report)),
        ("Action points", words.actions_phrase(report)),
        ("Work plan", words.activities_phrase(report)),
    ]
    if report.budget is not None:
        lines.append(("Budget", words.budget_phrase(report)))
    lines.append(("GCM objectives", words.objectives_phrase(report)))
    lines.append(("Policy updates", str(len(report.policy_updates))))
    lines.append(("Working groups", str(len(report.working_groups))))
    print(f"Annual report {report.year} (as of {report.generated_on:%d %b %Y})")
    for label, text in lines:
        print(f"  {label + ':':<16} {text}")
    return 0
