"""The Contacts page: people, organisations and distribution lists, with Excel import and export.

Everything shown comes from ``services.contacts`` and ``services.distribution_lists`` (filtered
and sorted in SQL); every change goes through them, and their refusals (``ValidationError``)
are shown as they are. The tabs live in ``ui/contacts/``; this module holds them together:
the header, Excel in and out, what to read again after a change, and the keys.

Keys: Ctrl+F finds (the search of the tab shown), Ctrl+N creates (a person, an organisation or
a list), Enter or a double click opens the selected one, Delete archives (after asking).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core.database import Database
from ...services import contacts
from ...services import distribution_lists as lists
from .. import dialogs, file_actions
from ..contacts.common import EXCEL_FILTER, plural, show_status
from ..contacts.export_options import ExportOptions
from ..contacts.import_preview import ImportPreview
from ..contacts.lists_panel import DistributionListsPanel
from ..contacts.organisations_panel import OrganisationsPanel
from ..contacts.people_panel import PeoplePanel
from ..tasks import run_task
from ..widgets import PageHeader

LAST_FOLDER = "contacts/last_folder"


class ContactsPage(QWidget):
    """People, organisations and distribution lists in three tabs."""

    PEOPLE, ORGANISATIONS, LISTS = range(3)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.preview: ImportPreview | None = None
        self.export_options: ExportOptions | None = None
        #: Tabs to read again when next shown (the people tab is always read).
        self._stale: set[int] = {self.ORGANISATIONS, self.LISTS}
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.header = PageHeader("Contacts", "", self)
        top.addWidget(self.header, 1)
        self.import_button = QPushButton("Import from Excel…", self)
        self.import_button.setToolTip("Add or update people from an attendance sheet or a directory (.xlsx)")
        self.export_button = QPushButton("Export to Excel…", self)
        self.export_button.setToolTip("Write the people and organisations to an Excel workbook")
        top.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.people = PeoplePanel(self.db, self)
        self.organisations = OrganisationsPanel(self.db, self)
        self.lists_panel = DistributionListsPanel(self.db, self)
        self.tabs.addTab(self.people, "People")
        self.tabs.addTab(self.organisations, "Organisations")
        self.tabs.addTab(self.lists_panel, "Distribution lists")
        layout.addWidget(self.tabs, 1)

        self.tabs.currentChanged.connect(lambda _index: self._load_current_tab())
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(lambda: self.export_file())
        self.people.changed.connect(self._people_changed)
        self.people.lists_changed.connect(self._lists_changed)
        self.organisations.changed.connect(self._organisations_changed)
        self.organisations.show_people.connect(self.show_people_of)
        self.lists_panel.export_requested.connect(self.export_file)
        self.lists_panel.lists_changed.connect(self._update_header)
        views = (self.people.view, self.organisations.view, self.lists_panel.lists_view, self.lists_panel.members_view)
        for view in views:
            view.installEventFilter(self)

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (the page is shown again, F5, a change elsewhere)."""
        self.people.reload()
        self._invalidate(self.ORGANISATIONS, self.LISTS)
        self._update_header()

    def _invalidate(self, *tabs: int) -> None:
        """The data of ``tabs`` changed: read now if shown, else when next shown."""
        self._stale.update(tabs)
        self._load_current_tab()

    def _load_current_tab(self) -> None:
        tab = self.tabs.currentIndex()
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab == self.ORGANISATIONS:
            self.organisations.reload()
        elif tab == self.LISTS:
            self.lists_panel.refresh()

    def _update_header(self) -> None:
        active, _everyone = self.people.update_totals()
        organisations = contacts.count_organisations(self.db)
        list_count = len(lists.list_distribution_lists(self.db))
        self.header.set_subtitle(
            f"{plural(active, 'person', 'people')} in {plural(organisations, 'organisation')} · "
            f"{plural(list_count, 'distribution list')}"
        )

    def _people_changed(self) -> None:
        self._invalidate(self.ORGANISATIONS, self.LISTS)  # people counts, focal points, members
        self._update_header()

    def _lists_changed(self) -> None:
        self._invalidate(self.LISTS)
        self._update_header()

    def _organisations_changed(self) -> None:
        self.people.model.forget_rows()  # names and acronyms shown beside people, and searched
        self.people.fill_organisation_filter()  # (searches again if the one chosen is gone)
        self._invalidate(self.LISTS)  # the same beside the members of a list
        self._update_header()

    def show_people_of(self, organisation_id: int) -> None:
        """The People tab, showing the people of one organisation."""
        self.people.clear_filters(organisation_id=organisation_id)
        self.tabs.setCurrentIndex(self.PEOPLE)
        self.people.view.setFocus()

    # -- Excel ----------------------------------------------------------------------------

    def _folder(self) -> Path:
        return file_actions.last_folder(LAST_FOLDER, Path.home)

    def import_file(self) -> None:
        from ...files.contacts_import import plan_contacts_import

        path = dialogs.ask_open_path(self, "Import contacts from Excel", self._folder(), EXCEL_FILTER)
        if path is None:
            return
        file_actions.remember_folder(LAST_FOLDER, path)
        run_task(self, f"Reading {path.name}…", plan_contacts_import, self.db, path, on_done=self._show_preview)

    def _show_preview(self, plan) -> None:
        self.preview = ImportPreview(self.db, plan, self)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.imported.connect(lambda result: self._imported(plan, result))
        self.preview.open()

    def _imported(self, plan, result) -> None:
        self.refresh()
        orgs = f"; {plural(result.organisations_created, 'new organisation')}" if result.organisations_created else ""
        show_status(
            self,
            f"Imported {plan.path.name}: {plural(result.created, 'new person', 'new people')}, "
            f"{result.updated:,} updated{orgs}.",
            15000,
        )

    def export_file(self, list_id: int | None = None) -> ExportOptions:
        options = ExportOptions(lists.list_distribution_lists(self.db), self, list_id=list_id)
        options.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        options.accepted.connect(lambda: self._export_chosen(options))
        self.export_options = options
        options.open()
        return options

    def _export_chosen(self, options: ExportOptions) -> None:
        from ...files.contacts_export import export_contacts

        choice = options.choice()
        stem = "contacts"
        if choice.list_name:
            stem += "-" + (re.sub(r"[^A-Za-z0-9]+", "-", choice.list_name).strip("-").lower() or "list")
        file_actions.export_with_progress(
            self,
            "Export contacts to Excel",
            self._folder() / f"{stem}-{dt.date.today():%Y-%m-%d}.xlsx",
            "Excel workbooks (*.xlsx)",
            export_contacts,
            self.db,
            label=lambda path: f"Writing {path.name}…",
            done_title="Export written",
            question=lambda result, _path: (
                f"Wrote {plural(result.people, 'person', 'people')} and "
                f"{plural(result.organisations, 'organisation')} to\n{result.path}\n\nOpen it now?"
            ),
            folder_key=LAST_FOLDER,
            not_opened_title="Cannot open the file",
            not_opened="No program opened {name}.",
            distribution_list_id=choice.distribution_list_id,
            personal=choice.personal,
            include_archived=choice.include_archived,
        )

    # -- keys -----------------------------------------------------------------------------

    _PAGE_KEYS = (QKeySequence.StandardKey.Find, QKeySequence.StandardKey.New)

    def _page_key(self, event: QKeyEvent) -> QKeySequence.StandardKey | None:
        for key in self._PAGE_KEYS:
            if event.matches(key):
                return key
        return None

    def event(self, event: QEvent) -> bool:
        # Ctrl+N and Ctrl+F belong to this page while it has the focus (the File menu's Ctrl+N
        # "New database" stays in the menu): claimed here so that no window shortcut takes them.
        if event.type() == QEvent.Type.ShortcutOverride and self._page_key(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = self._page_key(event)
        if key == QKeySequence.StandardKey.Find:
            self.focus_search()
        elif key == QKeySequence.StandardKey.New:
            self.create_in_current_tab()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in a list: archive (people, organisations), delete a list, take off a list."""
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            if watched is self.people.view:
                self.people.archive_selected()
                return True
            if watched is self.organisations.view:
                self.organisations.archive_selected()
                return True
            if self.lists_panel.handle_delete_key():
                return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        tab = self.tabs.currentIndex()
        box = {self.PEOPLE: self.people.search, self.ORGANISATIONS: self.organisations.search}.get(
            tab, self.lists_panel.search
        )
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def create_in_current_tab(self):
        tab = self.tabs.currentIndex()
        if tab == self.ORGANISATIONS:
            return self.organisations.new_organisation()
        if tab == self.LISTS:
            return self.lists_panel.new_list()
        return self.people.new_person()
