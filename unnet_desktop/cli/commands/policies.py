"""The library of regulations and policies on the command line:

    policies [TEXT] [--type T] [--status S] [--tag TAG] [--objective N] [--json]
    export policies -o OUT.xlsx [same filters]      the library (or the filtered part) as a workbook

TEXT is searched in title, number and summary (every word, any case). Heavy imports stay inside
the functions; no Qt is imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import KnownError
from ..common import add_db_option, group_subparsers, open_db, print_json

#: (header, width, value of a PolicyRow) of the workbook's columns.
COLUMNS = (
    ("Number", 24, lambda r: r.number),
    ("Title", 48, lambda r: r.title),
    ("Type", 22, lambda r: r.type_label),
    ("Issuing authority", 32, lambda r: r.issuing_authority),
    ("Date issued", 13, lambda r: r.issued_on),
    ("Status", 11, lambda r: r.status_label),
    ("Language", 16, lambda r: r.language),
    ("Human rights-based", 11, lambda r: "Yes" if r.human_rights_based else "No"),
    ("Age-appropriate", 11, lambda r: "Yes" if r.age_appropriate else "No"),
    ("Gender-responsive", 11, lambda r: "Yes" if r.gender_responsive else "No"),
    ("GCM objectives", 16, lambda r: r.objectives_text),
    ("Summary", 70, lambda r: r.summary),
    ("Web link", 40, lambda r: r.url),
    ("Local copy", 30, lambda r: r.file_label),
    ("Presented at meetings", 12, lambda r: r.presentations),
)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--type", help="law, government regulation, ..., international instrument")
    parser.add_argument("--status", help="draft, in force, amended or revoked")
    parser.add_argument("--tag", action="append", help="human rights-based, age-appropriate or gender-responsive "
                        "(repeat for several: all must hold)")  # fmt: skip
    parser.add_argument("--objective", type=int, metavar="N", help="GCM objective number (1-23)")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("policies", help="search the library of regulations and policies")
    p.add_argument("text", nargs="?", default="", metavar="TEXT", help="words to find in title, number, summary")
    add_db_option(p)
    _filters(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_policies)

    export = group_subparsers(subparsers, "export", "write a file")
    p = export.add_parser("policies", help="the library of regulations and policies as an Excel workbook")
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="file to write")
    p.add_argument("--search", default="", metavar="TEXT", help="only entries with these words")
    _filters(p)
    p.set_defaults(func=cmd_export_policies)


def _search(db, args: argparse.Namespace, text: str):
    from ...services.policies import search_policies

    return search_policies(
        db, text, type=args.type, status=args.status, tag=args.tag or None, objective=args.objective
    )


def cmd_policies(args: argparse.Namespace) -> int:
    with open_db(args, create=False) as db:
        rows = _search(db, args, args.text)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "uuid": r.uuid,
                    "number": r.number,
                    "title": r.title,
                    "type": r.type.value,
                    "issuing_authority": r.issuing_authority,
                    "issued_on": r.issued_on.isoformat() if r.issued_on else None,
                    "status": r.status.value,
                    "language": r.language,
                    "tags": list(r.tags),
                    "objectives": list(r.objectives),
                    "summary": r.summary,
                    "url": r.url,
                    "file": r.file_name,
                    "presentations": r.presentations,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("No entry in the library matches.")
        return 0
    width = min(34, max(len(r.number) for r in rows))
    for r in rows:
        issued = f"{r.issued_on:%Y}" if r.issued_on else "    "
        print(f"{r.number:<{width}}  {issued}  {r.status_label:<8}  {r.title}")
    return 0


def cmd_export_policies(args: argparse.Namespace) -> int:
    out = Path(args.output).expanduser()
    if out.is_dir():
        raise KnownError(f"{out} is a folder; give the file to write, e.g. {out / 'policies.xlsx'}")
    with open_db(args, create=False) as db:
        rows = _search(db, args, args.search)
    path = write_policies_workbook(rows, out)
    print(f"Wrote {len(rows):,} {'entry' if len(rows) == 1 else 'entries'} of the library to {path}")
    return 0


def write_policies_workbook(rows, target: Path) -> Path:
    """The rows (``PolicyRow``) as a one-sheet workbook; text cells never formulas; atomic write."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ...files.safety import atomic_path, set_text_cell

    wb = Workbook()
    ws = wb.active
    ws.title = "Library"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DCE6F0")
    for index, (header, width, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        set_text_cell(cell, header)
        cell.font, cell.fill = bold, fill
        ws.column_dimensions[get_column_letter(index)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for c, (_, _, value_of) in enumerate(COLUMNS, start=1):
            value = value_of(row)
            cell = ws.cell(row=r, column=c)
            if value is None or isinstance(value, str):
                set_text_cell(cell, value)
            else:
                cell.value = value
                if hasattr(value, "year"):
                    cell.number_format = "dd mmm yyyy"
            cell.alignment = wrap
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(rows) + 1)}"
    with atomic_path(target) as tmp:
        wb.save(tmp)
    return Path(target).expanduser().absolute()
