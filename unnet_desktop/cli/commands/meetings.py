"""Meetings: ``export minutes|participants|invitation|email MEETING -o OUT`` and ``meetings`` (the list).

MEETING is a reference (``2025-Q2``, case-insensitive) or an id. Heavy imports stay inside the
functions so that ``unnet-desktop --help`` starts fast; no Qt is imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ...core.errors import KnownError
from ..common import add_db_option, group_subparsers, open_db, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    export = group_subparsers(subparsers, "export", "write a file")

    p = export.add_parser("minutes", help="a meeting's minutes as a Word document")
    _meeting_args(p, ".docx")
    p.add_argument("--template", metavar="FILE", help="Word template (default: the one in the settings)")
    p.set_defaults(func=cmd_export_minutes)

    p = export.add_parser("participants", help="a meeting's participant list as an Excel workbook")
    _meeting_args(p, ".xlsx")
    p.add_argument("--no-personal", action="store_true", help="leave out e-mail addresses and phone numbers")
    p.set_defaults(func=cmd_export_participants)

    p = export.add_parser("invitation", help="a meeting's calendar invitation (.ics)")
    _meeting_args(p, ".ics")
    p.set_defaults(func=cmd_export_invitation)

    p = export.add_parser("email", help="an unsent e-mail draft (.eml) with a meeting's file attached")
    _meeting_args(p, ".eml")
    p.add_argument(
        "--what", required=True, choices=("minutes", "invitation", "participants"), help="what to attach"
    )
    p.add_argument("--to", metavar="LIST", help="distribution list to address (default: the participants)")
    p.add_argument("--no-personal", action="store_true", help="participant list without e-mail and phone")
    p.set_defaults(func=cmd_export_email)

    p = subparsers.add_parser("meetings", help="list the meetings")
    add_db_option(p)
    p.add_argument("--year", type=int, help="only this year (WIB)")
    p.add_argument("--kind", help="quarterly, ad_hoc, annual, working_group or other")
    p.add_argument("--upcoming", action="store_true", help="only those not yet over")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_meetings)


def _meeting_args(parser: argparse.ArgumentParser, suffix: str) -> None:
    parser.add_argument("meeting", metavar="MEETING", help="reference (e.g. 2025-Q2) or id")
    add_db_option(parser)
    parser.add_argument("-o", "--output", required=True, metavar=f"OUT{suffix}", help="file to write")


def _find(db, text: str) -> tuple[int, str]:
    """(id, reference) of the meeting named on the command line; KnownError when there is none."""
    from ...services.meetings import find_meeting, meeting_reference

    meeting_id = find_meeting(db, text)
    return meeting_id, meeting_reference(db, meeting_id)


def _output(args: argparse.Namespace, suffix: str) -> Path:
    out = Path(args.output).expanduser()
    if out.is_dir():
        raise KnownError(f"{out} is a folder; give the file to write, e.g. {out / ('minutes' + suffix)}")
    return out


def cmd_export_minutes(args: argparse.Namespace) -> int:
    from ...files.minutes_docx import export_minutes

    out = _output(args, ".docx")
    with open_db(args, create=False) as db:
        meeting_id, reference = _find(db, args.meeting)
        path = export_minutes(db, meeting_id, out, template=args.template)
    print(f"Wrote the minutes of {reference} to {path}")
    return 0


def cmd_export_participants(args: argparse.Namespace) -> int:
    from ...files.participants_xlsx import export_participants

    out = _output(args, ".xlsx")
    with open_db(args, create=False) as db:
        meeting_id, reference = _find(db, args.meeting)
        path = export_participants(db, meeting_id, out, personal=not args.no_personal)
    print(f"Wrote the participant list of {reference} to {path}")
    return 0


def cmd_export_invitation(args: argparse.Namespace) -> int:
    from ...files.invitation_ics import export_invitation

    out = _output(args, ".ics")
    with open_db(args, create=False) as db:
        meeting_id, reference = _find(db, args.meeting)
        path = export_invitation(db, meeting_id, out)
    print(f"Wrote the invitation to {reference} to {path}")
    return 0


def cmd_export_email(args: argparse.Namespace) -> int:
    from ...files.email_draft import export_email

    out = _output(args, ".eml")
    with open_db(args, create=False) as db:
        meeting_id, reference = _find(db, args.meeting)
        result = export_email(db, meeting_id, args.what, out, to=args.to, personal=not args.no_personal)
    who = f"{len(result.recipients)} recipient(s)" if result.recipients else "no recipient with an e-mail address"
    print(f"Wrote an unsent e-mail about {reference} ({who}, attached: {result.attachment}) to {result.path}")
    return 0


def cmd_meetings(args: argparse.Namespace) -> int:
    from ...services.meetings import list_meetings

    with open_db(args, create=False) as db:
        rows = list_meetings(db, year=args.year, kind=args.kind, upcoming=True if args.upcoming else None)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "reference": r.reference,
                    "title": r.title,
                    "kind": r.kind.value,
                    "starts_at": r.starts_at.isoformat(),
                    "ends_at": r.ends_at.isoformat() if r.ends_at else None,
                    "when_wib": r.when,
                    "status": r.status.value,
                    "minutes_status": r.minutes_status.value,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("No meetings.")
        return 0
    width = max(len(r.reference) for r in rows)
    for r in rows:
        print(f"{r.reference:<{width}}  {r.when:<28}  {r.status_label:<9}  {r.minutes_status_label:<24}  {r.title}")
    return 0
