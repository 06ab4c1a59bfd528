"""export actions, import actions: the action-point trackers field offices fill in."""

from __future__ import annotations

import argparse
import textwrap

from ..common import add_db_option, group_subparsers, open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    export = group_subparsers(subparsers, "export", "write a file")
    p = export.add_parser(
        "actions",
        help="action-point tracker (.xlsx) to mail to the counterparts responsible",
        description="Write an Excel tracker of action points: status, due date and completion note "
        "editable, a hidden key per row; import it back with `import actions`.",
    )
    add_db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="file to write")
    p.add_argument(
        "--status",
        default="open",
        metavar="STATUS",
        help="open (open and in progress; the default), all, or one status (done, dropped, ...)",
    )
    p.add_argument("--organisation", metavar="NAME", help="only this responsible organisation (name or acronym)")
    p.add_argument("--meeting", metavar="REF", help="only this meeting (its reference, e.g. 2024-Q1)")
    p.set_defaults(func=cmd_export_actions)

    imp = group_subparsers(subparsers, "import", "read a file")
    p = imp.add_parser(
        "actions",
        help="an action-point tracker sent back by a field office",
        description="Apply the changes of a filled-in tracker: all or nothing. Conflicts (changed in "
        "the app since the export, differently) are listed and skipped; resolve them in the app.",
    )
    add_db_option(p)
    p.add_argument("file", metavar="IN.xlsx", help="the tracker to import")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the good rows even if some are invalid (they are listed and skipped)",
    )
    p.set_defaults(func=cmd_import_actions)


def _statuses(text: str):
    from ...core.enums import OPEN_ACTION_STATUSES
    from ...core.errors import ValidationError
    from ...services.action_points import parse_action_status

    word = text.strip().casefold()
    if word == "all":
        return None
    if word == "open":
        return tuple(OPEN_ACTION_STATUSES)
    try:
        return (parse_action_status(text),)
    except ValueError:
        raise ValidationError(f"--status takes open, all or a status, not {text!r}.") from None


def cmd_export_actions(args: argparse.Namespace) -> int:
    from ...core.timezone import format_wib
    from ...files.action_tracker import export_action_tracker
    from ...services.action_points import find_meeting, find_organisation

    statuses = _statuses(args.status)
    with open_db(args, create=False) as db:
        organisation_id = find_organisation(db, args.organisation) if args.organisation else None
        meeting_id = find_meeting(db, args.meeting) if args.meeting else None
        info = export_action_tracker(
            db, args.output, status=statuses, organisation_id=organisation_id, meeting_id=meeting_id
        )
    noun = "action point" if info.rows == 1 else "action points"
    print(f"Wrote {info.rows} {noun} to {info.path} (exported {format_wib(info.exported_at)}).")
    return 0


def _short(text: str, width: int = 60) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder="...")


def _change_text(change) -> str:
    from ...services.action_points import FIELD_LABELS, display_value

    label = FIELD_LABELS[change.field].lower()
    app, incoming = display_value(change.field, change.app), display_value(change.field, change.incoming)
    if change.conflict:
        return f"{label}: app {_short(app, 40)!r} (changed in the app since the export), tracker {_short(incoming, 40)!r}"
    return f"{label}: {_short(app, 40)!r} -> {_short(incoming, 40)!r}"


def _print_plan(plan) -> None:
    from ...services.tracker_sync import Outcome

    words = {
        Outcome.UPDATE: "update",
        Outcome.CONFLICT: "conflict",
        Outcome.NEW: "new",
        Outcome.UNKNOWN_KEY: "unknown key",
        Outcome.DELETED: "deleted",
        Outcome.INVALID: "invalid",
    }
    for row in plan.rows:
        if row.outcome is Outcome.UNCHANGED:
            continue
        what = " ".join(p for p in (row.meeting_reference, repr(_short(row.description, 50))) if p and p != "''")
        head = f"  row {row.row}: {words[row.outcome]}"
        if row.outcome in (Outcome.UPDATE, Outcome.CONFLICT):
            details = "; ".join(_change_text(c) for c in row.changes)
            suffix = " (not applied)" if row.outcome is Outcome.CONFLICT else ""
            print(f"{head}{suffix}: {what}: {details}")
        elif row.outcome is Outcome.NEW:
            notes = f" ({'; '.join(row.reasons)})" if row.reasons else ""
            print(f"{head}: {what}{notes}")
        else:
            print(f"{head}: {what + ': ' if what else ''}{'; '.join(row.reasons)}")


def cmd_import_actions(args: argparse.Namespace) -> int:
    from ...core.errors import KnownError
    from ...core.timezone import format_wib
    from ...services.action_points import apply_action_import, plan_action_import
    from ...services.tracker_sync import Outcome

    with open_db(args, create=False) as db:
        plan = plan_action_import(db, args.file)
        c = plan.counts
        total = len(plan.rows)
        print(f"{plan.file_name}: action-point tracker exported {format_wib(plan.exported_at)}, {total} rows.")
        _print_plan(plan)
        errors = plan.errors
        if errors and not args.skip_invalid:
            raise KnownError(
                f"{len(errors)} row(s) cannot be imported (listed above); nothing was changed. "
                "Fix them in the file and import again, or use --skip-invalid."
            )
        skipped_invalid = len(errors) if args.skip_invalid else 0
        conflicts = c[Outcome.CONFLICT]
        conflict_text = f"{conflicts} conflict{'s' if conflicts != 1 else ''} skipped (resolve them in the app)"
        if args.dry_run:
            print(
                f"Dry run, nothing written. Would update {c[Outcome.UPDATE]} and create {c[Outcome.NEW]} "
                f"action point(s); {conflict_text}; {c[Outcome.DELETED]} deleted since the export; "
                f"{skipped_invalid} invalid skipped; {c[Outcome.UNCHANGED]} unchanged."
            )
            return 0
        result = apply_action_import(db, plan, skip_invalid=args.skip_invalid)
    print(
        f"Updated {result.updated} action point(s) ({result.fields_changed} field(s)), created "
        f"{result.created}; {conflict_text}; {c[Outcome.DELETED]} deleted since the export; "
        f"{skipped_invalid} invalid skipped; {result.unchanged} unchanged."
    )
    return 0
