"""Entry point of ``unnet-desktop``: with a command, runs it headless; without one, opens the window.

Commands live in ``cli/commands/*.py``; each module has ``register(subparsers)`` and keeps
heavy imports inside its functions so that ``unnet-desktop info`` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys

from .. import __version__
from ..core.errors import KnownError
from . import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unnet-desktop",
        description="Secretariat tool of the UN Network on Migration in Indonesia. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"unnet-desktop {__version__}")
    parser.add_argument("--db", metavar="FILE", help="database file (default: $UNNET_DB or the user data folder)")
    parser.add_argument("--demo", action="store_true", help="open the sample database (built when missing)")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ..ui.app import run_gui

        return run_gui(db=args.db, demo=args.demo)
    try:
        return int(args.func(args) or 0)
    except KnownError as exc:
        print(f"unnet-desktop {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def run() -> None:
    """The program's entry point (``unnet-desktop``, ``python -m unnet_desktop``): :func:`main`,
    then exit with its code. Before exiting, every object is frozen out of the cycle collector:
    Python's last collection at exit would walk all the objects a command made (0.2-0.4 s after
    an annual report) for nothing, since the process ends. Databases and files are closed by the
    commands themselves (``with open_db(...)``), not left to that collection.

    Output piped into a program that stops reading (``| head``) stops the command with one line
    on stderr and exit code 1, instead of a traceback."""
    try:
        code = main()
        if sys.stdout is not None:  # None in a windowed program on Windows
            sys.stdout.flush()
    except BrokenPipeError:
        # Python's recipe: nothing more can be written; stop it flushing again at exit. (An
        # import stopped while it reports its rows has applied nothing: all or nothing.)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print("unnet-desktop: the output was closed; the command was stopped.", file=sys.stderr)
        code = 1
    gc.freeze()
    raise SystemExit(code)
