"""The main window: a sidebar of pages, the pages in a stack, the File and Help menus.

The window can be shown before its database is open (``MainWindow(path=...)``, then
:meth:`MainWindow.open_pending_database`): at start-up the frame, sidebar and menus appear while
SQLAlchemy and the models are still being imported, the way Anki shows its window before it loads
the collection. Nothing here imports SQLAlchemy at module level for that reason.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import QByteArray, QSize, Qt, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import NETWORK_NAME, __version__
from ..core.errors import KnownError
from . import dialogs
from .pages import PAGES, page_spec
from .settings import LAST_DATABASE, WINDOW_GEOMETRY, WINDOW_STATE, app_settings
from .widgets import STYLE_SHEET

if TYPE_CHECKING:
    from ..core.database import Database

APP_TITLE = "unnet_desktop"
DEFAULT_SIZE = QSize(1200, 800)
SIDEBAR_WIDTH = 200
BACKUP_FILTER = "SQLite databases (*.sqlite);;All files (*)"


def window_title(path: Path) -> str:
    return f"{APP_TITLE} — {path.name}"


class MainWindow(QMainWindow):
    """The window over one open database. ``switch_database()`` moves it to another file.

    ``MainWindow(db)`` shows an open database at once. ``MainWindow(path=...)`` builds the frame
    only and says it is opening ``path``; :meth:`open_pending_database` then opens it (or says
    why not) and shows the first page."""

    def __init__(
        self,
        db: Database | None = None,
        parent: QWidget | None = None,
        *,
        remember: bool = True,
        path: str | os.PathLike | None = None,
    ):
        super().__init__(parent)
        if db is None and path is None:
            raise TypeError("MainWindow needs an open database or the path of one to open")
        self.db: Database | None = None
        self._remember = remember
        self._pending_path = Path(path).expanduser().absolute() if db is None else None
        self._pages: dict[str, QWidget] = {}
        self._current_key = PAGES[0].key
        self.setStyleSheet(STYLE_SHEET)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        panel = QWidget(central)
        panel.setObjectName("sidebarPanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        panel.setFixedWidth(SIDEBAR_WIDTH)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 16, 0, 8)
        panel_layout.setSpacing(10)
        brand = QLabel("<b>UN Network on Migration</b><br>Indonesia · Secretariat", panel)
        brand.setContentsMargins(16, 0, 12, 6)
        brand.setWordWrap(True)
        panel_layout.addWidget(brand)
        self.sidebar = QListWidget(panel)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFont(self._sidebar_font())
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for spec in PAGES:
            item = QListWidgetItem(spec.title, self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        self.stack = QStackedWidget(central)
        panel_layout.addWidget(self.sidebar, 1)
        version = QLabel(f"{APP_TITLE} {__version__}", panel)
        version.setContentsMargins(16, 0, 12, 0)
        version.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        panel_layout.addWidget(version)
        layout.addWidget(panel)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel(self)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label, 1)

        self._build_menus()
        self._restore_window()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)
        if db is not None:
            self._database_opened(db)
        else:
            self._show_opening()

    # -- building -------------------------------------------------------------------------

    def _sidebar_font(self):
        font = self.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        return font

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        # Standard keys where the platform has them (Quit has none on Windows: Ctrl+Q there).
        quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)
        self.new_action = self._action(
            "&New database…", self.new_database, QKeySequence("Ctrl+Shift+N"), "Create an empty database file"
        )
        self.open_action = self._action(
            "&Open database…",
            self.open_database_file,
            QKeySequence.StandardKey.Open,
            "Open another database file",
        )
        self.backup_action = self._action(
            "&Back up now…", self.back_up_now, "Ctrl+Shift+B", "Write a copy of the open database"
        )
        self.quit_action = self._action(
            "&Quit", self.close, quit_keys if not quit_keys.isEmpty() else "Ctrl+Q"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu("&View")
        self.refresh_action = self._action(
            "&Refresh", self.refresh_current_page, QKeySequence.StandardKey.Refresh, "Read the page again"
        )
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        self.page_actions: list[QAction] = []
        for number, spec in enumerate(PAGES, start=1):
            action = self._action(
                spec.title, lambda _checked=False, key=spec.key: self.show_page(key), f"Ctrl+{number}"
            )
            view_menu.addAction(action)
            self.page_actions.append(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.about_action = self._action(f"&About {APP_TITLE}", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)

    # -- pages ----------------------------------------------------------------------------

    @property
    def current_key(self) -> str:
        return self._current_key

    def page(self, key: str) -> QWidget | None:
        """The page widget for ``key`` if it has been built."""
        return self._pages.get(key)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        """Show a page, building it on first use; a page shown again re-reads the database.
        While the database is still being opened, only notes which page to show then."""
        spec = page_spec(key)
        if self.db is None:
            self._current_key = spec.key
            self._select_sidebar_row(spec.key)
            return self.stack.currentWidget()
        page = self._pages.get(key)
        if page is None:
            page = spec.load()(self.db, self.stack)
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.show_page)
            self._pages[key] = page
            self.stack.addWidget(page)
        elif page is not self.stack.currentWidget():
            self._refresh(page)
        self._current_key = key
        self.stack.setCurrentWidget(page)
        self._select_sidebar_row(key)
        return page

    def _select_sidebar_row(self, key: str) -> None:
        row = [s.key for s in PAGES].index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)

    def _on_sidebar_row(self, row: int) -> None:
        if 0 <= row < len(PAGES) and PAGES[row].key != self._current_key:
            self.show_page(PAGES[row].key)

    def _refresh(self, page: QWidget) -> None:
        try:
            page.refresh()
        except KnownError as exc:
            dialogs.show_error(self, "Cannot show the page", str(exc))

    def refresh_current_page(self) -> None:
        self._refresh(self.current_page())

    def _rebuild_pages(self) -> None:
        """Drop every page (they hold the previous database) and build the current one again."""
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.show_page(self._current_key)

    # -- database -------------------------------------------------------------------------

    def _show_opening(self) -> None:
        """The frame while ``_pending_path`` is being opened: its name in the title and the
        status bar, a line where the page will be."""
        path = self._pending_path
        self.setWindowTitle(window_title(path))
        self.database_label.setText(f"Opening {path}…")
        for action in self._database_actions():  # nothing to act on yet
            action.setEnabled(False)
        self._opening_label = QLabel(f"Opening {path.name}…", self.stack)
        self._opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._opening_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack.addWidget(self._opening_label)
        self._select_sidebar_row(self._current_key)

    def open_pending_database(self, prepare: Callable[[], Path] | None = None) -> bool:
        """Open the database this window was made for (upgrading it first if it is older: see
        ``core.database.open_database``) and show the current page. ``prepare``: a step that
        makes the file first and returns its path (building the sample network). On a refusal,
        say why in a dialog, close the window and return False; the file is left untouched."""
        from ..core.database import open_database

        path, self._pending_path = self._pending_path, None
        if path is None:
            return self.db is not None
        try:
            if prepare is not None:
                self.database_label.setText(f"Building the sample network in {path}…")
                self.database_label.repaint()
                path = prepare()
            db = open_database(path)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot open the database", str(exc))
            self.close()
            return False
        self.stack.removeWidget(self._opening_label)
        self._opening_label.deleteLater()
        self._database_opened(db)
        return True

    def _database_actions(self) -> list[QAction]:
        """The menu commands that need an open database."""
        return [self.new_action, self.open_action, self.backup_action, self.refresh_action, self.about_action]

    def _database_opened(self, db: Database) -> None:
        self.db = db
        for action in self._database_actions():
            action.setEnabled(True)
        self._show_database()
        if self._remember:
            self._remember_database()
        self.show_page(self._current_key)

    def _show_database(self) -> None:
        path = self.db.path
        self.setWindowTitle(window_title(path))
        self.database_label.setText(f"Database: {path}")
        self.database_label.setToolTip(f"{path}\nSchema revision {self.db.revision}")
        if self.db.backup_path is not None:
            self.statusBar().showMessage(
                f"The database was upgraded; the previous version was kept in {self.db.backup_path}", 15000
            )

    def _remember_database(self) -> None:
        app_settings().setValue(LAST_DATABASE, str(self.db.path))

    def switch_database(self, path: str | os.PathLike, *, create: bool = False) -> bool:
        """Open ``path`` and show it; on a refusal say why and keep the current database."""
        from ..core.database import open_database

        path = Path(path).expanduser().absolute()
        if path == self.db.path:
            self.refresh_current_page()
            return True
        try:
            new_db = open_database(path, create=create)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot open the database", str(exc))
            return False
        old_db, self.db = self.db, new_db
        self._rebuild_pages()
        old_db.close()
        self._show_database()
        self._remember_database()
        return True

    def new_database(self) -> None:
        suggested = self.db.path.parent / "unnet.sqlite"
        path = dialogs.ask_save_path(self, "New database", suggested, confirm_overwrite=False)
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        if path.exists():
            dialogs.show_error(
                self,
                "New database",
                f"{path} already exists. Open it with File → Open database…, or choose another name.",
            )
            return
        self.switch_database(path, create=True)

    def open_database_file(self) -> None:
        path = dialogs.ask_open_path(self, "Open database", self.db.path.parent)
        if path is not None:
            self.switch_database(path, create=False)

    def back_up_now(self) -> None:
        from ..services.maintenance import backup_to

        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
        suggested = self.db.path.parent / f"unnet-backup-{stamp}.sqlite"
        path = dialogs.ask_save_path(self, "Back up the database", suggested, BACKUP_FILTER)
        if path is None:
            return
        try:
            written = backup_to(self.db, path)
        except KnownError as exc:
            dialogs.show_error(self, "Backup not written", str(exc))
            return
        self.statusBar().showMessage(f"Backup written to {written}", 10000)
        dialogs.show_info(self, "Backup written", f"A copy of the database was written to\n{written}")

    def about_text(self) -> str:
        return (
            f"<h3>{APP_TITLE} {escape(__version__)}</h3>"
            f"<p>The secretariat tool of the {escape(NETWORK_NAME)}.</p>"
            f"<p><b>Database:</b> {escape(str(self.db.path))}<br>"
            f"<b>Schema revision:</b> {escape(self.db.revision)}</p>"
            f"<p>Python {platform.python_version()} · PySide6 {PySide6.__version__} · Qt {qVersion()}</p>"
        )

    def show_about(self) -> None:
        dialogs.show_about(self, f"About {APP_TITLE}", self.about_text())

    # -- window state ---------------------------------------------------------------------

    def _restore_window(self) -> None:
        settings = app_settings()
        geometry = settings.value(WINDOW_GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(self._default_size())
        state = settings.value(WINDOW_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _default_size(self) -> QSize:
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry().size()
        return DEFAULT_SIZE.boundedTo(QSize(int(available.width() * 0.95), int(available.height() * 0.9)))

    def save_window_state(self) -> None:
        settings = app_settings()
        settings.setValue(WINDOW_GEOMETRY, self.saveGeometry())
        settings.setValue(WINDOW_STATE, self.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_window_state()
        super().closeEvent(event)
