"""Start-up of the window: which database, open it, show the main window, run the event loop.

Kept lean: Qt widgets, SQLAlchemy and the models only; python-docx, openpyxl and Alembic are
imported later, when a file is written or a database must be upgraded.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__
from ..core.errors import KnownError
from ..paths import DB_ENV_VAR, default_db_path, demo_db_built, demo_db_path
from . import dialogs
from .settings import APPLICATION, LAST_DATABASE, ORGANISATION, app_settings

#: Set to 1 to quit as soon as the window is shown and drawn, printing when that was
#: (start-up benchmarks, smoke tests).
QUIT_AFTER_SHOWN_ENV = "UNNET_QUIT_AFTER_SHOWN"


def ensure_application() -> QApplication:
    """The QApplication (made once), named for QSettings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    return app


def _build_demo() -> Path:
    from ..services.demo import ensure_demo_database

    return Path(ensure_demo_database())


def resolve_db_path(db: str | os.PathLike | None = None, demo: bool = False) -> Path:
    """The database to open: the sample one with ``demo`` (built when missing); else ``db``;
    else ``$UNNET_DB``; else the last database opened, if it still exists; else the default file
    in the user data folder."""
    if demo:
        # Already built: no need to load the sample's content.
        return demo_db_path() if demo_db_built() else _build_demo()
    if db:
        return Path(db).expanduser()
    if not os.environ.get(DB_ENV_VAR):
        last = app_settings().value(LAST_DATABASE)
        if isinstance(last, str) and last and Path(last).is_file():
            return Path(last)
    return default_db_path()


def _window_for(db: str | os.PathLike | None, demo: bool):
    """The main window's frame for the chosen database, not yet opened, and the step that must
    come before opening it (building the sample network the first time), or None."""
    from .main_window import MainWindow

    prepare = None
    if demo and not demo_db_built():
        path, prepare = demo_db_path(), _build_demo  # built once the frame is on screen
    else:
        path = resolve_db_path(db, demo)
    # The sample database is never remembered as "the last database": the next plain start
    # opens the officer's own file again.
    return MainWindow(path=path, remember=not demo), prepare


def build_window(db: str | os.PathLike | None = None, demo: bool = False):
    """The main window over the chosen database, or None after telling the user why it cannot
    be opened (the file is left untouched)."""
    window, prepare = _window_for(db, demo)
    if not window.open_pending_database(prepare):
        return None
    return window


_showing_error = False


def _excepthook(exc_type, exc, tb) -> None:
    """A bug reaching the event loop: printed in full, and shown rather than lost (one dialog at
    a time, so an error repeating while the dialog is open cannot pile dialogs up)."""
    global _showing_error
    traceback.print_exception(exc_type, exc, tb)
    if _showing_error:
        return
    _showing_error = True
    try:
        if isinstance(exc, KnownError):
            dialogs.show_error(QApplication.activeWindow(), APPLICATION, str(exc))
        else:
            dialogs.show_error(
                QApplication.activeWindow(),
                "Unexpected error",
                f"Something went wrong: {exc_type.__name__}: {exc}\n\n"
                "What you were doing may not have been saved. The details were written to the console.",
            )
    finally:
        _showing_error = False


def _report_moment(window, what: str) -> None:
    """With $UNNET_QUIT_AFTER_SHOWN: the whole window drawn once, synchronously, and the moment
    printed (seconds since the epoch, for a benchmark that noted when it started the process)."""
    if os.environ.get(QUIT_AFTER_SHOWN_ENV):
        window.repaint()
        print(f"unnet-desktop: window {what} at {time.time():.6f}", flush=True)


def run_gui(db: str | None = None, demo: bool = False) -> int:
    """Open the window and run until it closes. 1 when the database is refused.

    The frame is shown and painted first, then the database is opened (SQLAlchemy and the models
    imported on the way: most of the start-up time) and the dashboard filled: the officer sees
    the window at once instead of nothing for a second."""
    app = ensure_application()
    window, prepare = _window_for(db, demo)
    previous_hook, sys.excepthook = sys.excepthook, _excepthook
    try:
        window.show()
        app.processEvents()  # the frame painted before the long part
        if not window.isVisible():  # closed at once (a quit queued meanwhile): nothing to open
            return 0
        _report_moment(window, "shown")
        if not window.open_pending_database(prepare):
            return 1
        _report_moment(window, "ready")
        if os.environ.get(QUIT_AFTER_SHOWN_ENV):
            QTimer.singleShot(0, window.close)
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        if window.db is not None:
            window.db.close()
