"""The Action points page: every action point of every meeting (and those of none) in one list,
filtered and sorted in SQL; the selected one edited in a side panel with its history; a status
set for many at once; New action point; the Excel tracker exported with the current filter and
imported back through a preview (conflicts chosen there). The parts live in ``ui/actions/``.

Keys: Ctrl+N a new action point (while the page has the focus), Ctrl+S saves the panel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import ActionStatus
from ...core.errors import KnownError
from ...files.action_tracker import export_action_tracker
from ...services import action_points as service
from .. import desktop, dialogs
from ..actions.filters import ActionFilters
from ..actions.import_preview import ImportPreviewDialog
from ..actions.list_model import ActionListModel
from ..actions.new_dialog import NewActionPointDialog
from ..actions.side_panel import ActionPanel
from ..meetings.common import FAILED, attempt, enum_combo, enum_value, list_table, plural
from ..settings import app_settings
from ..tasks import Task, run_task
from ..widgets import Card, PageHeader, muted_label

SUBTITLE = "Every action point of every meeting, followed up with the counterparts responsible."
EXCEL_FILTER = "Excel workbooks (*.xlsx)"
TRACKER_FOLDER = "actions/tracker_folder"


def _plan_or_refusal(db: Database, path: Path) -> Any:
    """The import plan, or the refusal (a foreign workbook, a damaged file) to say in one line."""
    try:
        return service.plan_action_import(db, path)
    except KnownError as exc:
        return exc


class ActionPointsPage(QWidget):
    """``PageClass(db, parent)`` with ``refresh()``, as every page of the main window."""

    DESCRIPTION_MIN_WIDTH = 180
    DESCRIPTION_WIDE = 300

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The day "overdue" is judged on; None = today in WIB. Tests set it.
        self.today: dt.date | None = None
        self.new_dialog: NewActionPointDialog | None = None
        self.preview: ImportPreviewDialog | None = None
        self.last_task: Task | None = None
        self.last_result: service.ImportResult | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        self.header = PageHeader("Action points", SUBTITLE, self)
        top.addWidget(self.header, 1)
        self.new_button = QPushButton("&New action point…", self)
        self.new_button.setToolTip("An action point that comes from no meeting (Ctrl+N)")
        self.new_button.clicked.connect(self.new_action_point)
        self.export_button = QPushButton("&Export tracker…", self)
        self.export_button.setToolTip("Write an Excel tracker of the action points the filters show")
        self.export_button.clicked.connect(self.export_tracker)
        self.import_button = QPushButton("&Import tracker…", self)
        self.import_button.setToolTip("Read a tracker sent back by a field office: preview, then apply")
        self.import_button.clicked.connect(self.import_tracker)
        for button in (self.new_button, self.export_button, self.import_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.filters = ActionFilters(db, self)
        outer.addWidget(self.filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        self.model = ActionListModel(db, self)
        self.view = list_table(left, multi=True)
        self.view.setObjectName("actionList")
        self.view.setAccessibleName("Action points")
        self.view.setModel(self.model)
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        for column, sample in (
            (ActionListModel.MEETING, "2024-AH-01"),
            (ActionListModel.ORGANISATION, "UN Women"),
            (ActionListModel.PERSON, "Dewi Lestari"),
            (ActionListModel.DUE, "28 Nov 2024"),
            (ActionListModel.STATUS, "In progress"),
            (ActionListModel.CHANGED, "28 Nov 2024"),
            (ActionListModel.AGENDA, "Adoption of the Terms of"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setStretchLastSection(True)
        # The description takes what the window leaves (never less than a readable width).
        self.view.viewport().installEventFilter(self)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(ActionListModel.DUE, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort)
        self.empty = muted_label("", left)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack = QStackedWidget(left)
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty)
        left_layout.addWidget(self.list_stack, 1)

        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        self.count = muted_label("", left, wrap=False)
        bottom.addWidget(self.count, 1)
        self.bulk_label = QLabel("Set the status of the selection to", left)
        self.bulk_status = enum_combo(ActionStatus, left)
        self.bulk_status.setAccessibleName("Status for the selection")
        self.bulk_button = QPushButton("Set status", left)
        self.bulk_button.clicked.connect(self.set_status_of_selection)
        bottom.addWidget(self.bulk_label)
        bottom.addWidget(self.bulk_status)
        bottom.addWidget(self.bulk_button)
        left_layout.addLayout(bottom)

        self.panel_card = Card("Action point", self.splitter)
        self.panel = ActionPanel(db, self.panel_card)
        self.panel_card.body.addWidget(self.panel)
        self.panel.saved.connect(self._saved)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel_card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 330])
        self.panel_card.setMinimumWidth(300)
        outer.addWidget(self.splitter, 1)

        self.note = muted_label("", self)
        outer.addWidget(self.note)
        self.note.hide()

        self.filters.changed.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        QWidget.setTabOrder(self.filters.clear_button, self.view)
        self.refresh()

    # -- the list ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the database: the choices of the filters, the list, the panel."""
        self.filters.fill_choices()
        self.reload()

    def reload(self, select_ids: list[int] | None = None) -> None:
        """Query again with the filters and the order; keep (or move to) the selected rows."""
        keep = select_ids if select_ids is not None else self.selected_ids()
        self.model.today = self.today
        self.panel.today = self.today
        query = self.filters.query()
        if query == self.model.filters and self.model.rowCount():
            self.model.reload()  # after an edit: the rows read so far, again (the selection stays in sight)
        else:
            self.model.query(query)
        total = self.model.total
        if total:
            self.list_stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(
                "No action point matches these filters."
                if self.filters.is_filtered()
                else "No action points yet. They are recorded in the minutes of meetings, or with New action point."
            )
            self.list_stack.setCurrentWidget(self.empty)
        shown = plural(total, "action point")
        self.count.setText(shown + (" match the filters" if self.filters.is_filtered() else ""))
        self._select_ids(keep)
        self._on_selection()

    def _select_ids(self, ids: list[int]) -> None:
        selection = QItemSelection()
        for action_point_id in ids:
            row = self.model.row_of(action_point_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        selection_model = self.view.selectionModel()
        selection_model.blockSignals(True)
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not selection.isEmpty():
            selection_model.setCurrentIndex(selection.indexes()[0], QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(selection.indexes()[0])
        selection_model.blockSignals(False)
        self.view.viewport().update()

    def selected_ids(self) -> list[int]:
        selection_model = self.view.selectionModel()
        rows = sorted(index.row() for index in selection_model.selectedRows())
        return [self.model.record(row).id for row in rows]

    def select_ids(self, ids: list[int]) -> None:
        """Select these action points (those the list shows)."""
        self._select_ids(ids)
        self._on_selection()

    def _on_selection(self, *_args) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            if ids[0] != self.panel.action_point_id:
                self.panel.leave()
                self.panel.show_action(ids[0])
        elif ids:
            self.panel.leave()
            self.panel.show_many(len(ids))
        else:
            self.panel.leave()
            self.panel.show_action(None)
        self.bulk_button.setEnabled(bool(ids))
        self.bulk_status.setEnabled(bool(ids))
        self.bulk_button.setText(f"Set status of {len(ids)}" if len(ids) > 1 else "Set status")

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        keep = self.selected_ids()
        self.model.query(
            self.filters.query(),
            order_by=ActionListModel.ORDER_KEYS[column],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self._select_ids(keep)

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # -- editing ----------------------------------------------------------------------------

    def _saved(self, action_point_id: int) -> None:
        self.reload(select_ids=[action_point_id])
        self._say("The action point was saved.")

    def set_status_of_selection(self) -> None:
        ids = self.selected_ids()
        status = enum_value(self.bulk_status, ActionStatus)
        if not ids or status is None:
            return
        if len(ids) > 1 and self.panel.is_dirty():
            self.panel.leave()
        changed = attempt(self, "Status not changed", service.set_status_many, self.db, ids, status)
        if changed is FAILED:
            self.reload()
            return
        self.panel.detail = None  # shown again with its new status and history
        self.reload(select_ids=ids)
        self._say(
            f"Status set to {status.label} for {plural(len(ids), 'action point')}"
            + (f" ({changed} changed)." if changed != len(ids) else ".")
        )

    def new_action_point(self) -> NewActionPointDialog:
        """The New action point dialog (window-modal); the new one is selected once created."""
        dialog = NewActionPointDialog(self.db, self, today=self.today)
        dialog.accepted.connect(lambda: self._created(dialog.action_point_id))
        dialog.finished.connect(dialog.deleteLater)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _created(self, action_point_id: int | None) -> None:
        self.new_dialog = None
        if action_point_id is None:
            return
        if self.model.row_of(action_point_id) < 0 and self.filters.is_filtered():
            self.filters.clear()  # the new one must be seen
        self.reload(select_ids=[action_point_id])
        self._say("The action point was created.")

    # -- trackers ---------------------------------------------------------------------------

    def _folder(self) -> Path:
        saved = app_settings().value(TRACKER_FOLDER)
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    def _tracker_name(self) -> str:
        today = self.today or service.today_wib()
        parts = ["action-tracker"]
        organisation = self.filters.organisation.currentText() if self.filters.organisation.currentData() else ""
        if organisation:
            parts.append(organisation.split(" — ")[0].replace(" ", "-"))
        parts.append(f"{today:%Y-%m-%d}")
        return "-".join(parts) + ".xlsx"

    def export_tracker(self) -> Task | None:
        """Ask where, write the tracker of what the filters show in the background, offer to open it."""
        title = "Export tracker"
        if self.model.total == 0:
            dialogs.show_info(self, title, "No action point matches the filters: there is nothing to export.")
            return None
        path = dialogs.ask_save_path(self, title, self._folder() / self._tracker_name(), EXCEL_FILTER)
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        app_settings().setValue(TRACKER_FOLDER, str(path.parent))

        def finished(info) -> None:
            self._say(f"Tracker of {plural(info.rows, 'action point')} written: {path}")
            question = (
                f"The tracker of {plural(info.rows, 'action point')} was written in {path.parent}.\n\nOpen it now?"
            )
            if dialogs.confirm(self, title, question, default_yes=True) and not desktop.open_with_system(path):
                dialogs.show_warning(self, title, f"No program on this computer opens {path.name}.")

        self._say(f"Writing {path.name}…")
        self.last_task = run_task(
            self,
            "Writing the tracker…",
            export_action_tracker,
            self.db,
            path,
            on_done=finished,
            today=self.today,
            **self.filters.query(),
        )
        self.last_task.errored.connect(lambda _exc: self._say(f"{path.name} was not written."))
        return self.last_task

    def import_tracker(self) -> Task | None:
        """Ask for a tracker, read it in the background, then show the preview."""
        path = dialogs.ask_open_path(self, "Import tracker", self._folder(), EXCEL_FILTER)
        if path is None:
            return None
        app_settings().setValue(TRACKER_FOLDER, str(path.parent))
        self._say(f"Reading {path.name}…")
        self.last_task = run_task(
            self, "Reading the tracker…", _plan_or_refusal, self.db, path, on_done=self._show_preview
        )
        return self.last_task

    def _show_preview(self, plan: Any) -> None:
        if isinstance(plan, KnownError):
            self._say("")
            dialogs.show_error(self, "Tracker not imported", str(plan))
            return
        self._say("")
        dialog = ImportPreviewDialog(plan, self)
        dialog.accepted.connect(lambda: self._apply(dialog))
        dialog.rejected.connect(lambda: self._say(f"{plan.file_name} was not imported: nothing changed."))
        dialog.finished.connect(dialog.deleteLater)
        self.preview = dialog
        dialog.open()

    def _apply(self, dialog: ImportPreviewDialog) -> None:
        plan = dialog.plan
        self.preview = None
        self.last_task = run_task(
            self,
            "Applying the tracker…",
            service.apply_action_import,
            self.db,
            plan,
            dialog.resolutions(),
            skip_invalid=dialog.skip_invalid(),
            on_done=lambda result: self._applied(plan, result),
        )

    def _applied(self, plan: service.ActionImportPlan, result: service.ImportResult) -> None:
        self.last_result = result
        self.panel.detail = None
        self.refresh()
        parts = [f"{plural(result.updated, 'action point')} changed"]
        if result.created:
            parts.append(f"{plural(result.created, 'new action point')} created")
        if result.conflicts_incoming or result.conflicts_app:
            parts.append(
                f"conflicts: {result.conflicts_incoming} took the file's value, {result.conflicts_app} kept the app's"
            )
        if result.skipped:
            parts.append(f"{plural(result.skipped, 'row')} skipped")
        self._say(f"{plan.file_name} imported: " + "; ".join(parts) + ".")

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_description()
        return super().eventFilter(watched, event)

    def _fit_description(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(self.model.columnCount())
            if c not in (ActionListModel.DESCRIPTION, ActionListModel.AGENDA)
        )
        room = self.view.viewport().width() - others
        agenda = self.view.fontMetrics().horizontalAdvance("Adoption of the Terms") + 24
        # Room for the agenda item too when the window is wide; else it scrolls out of sight.
        width = room - agenda if room - agenda >= self.DESCRIPTION_WIDE else room
        header.resizeSection(ActionListModel.DESCRIPTION, max(self.DESCRIPTION_MIN_WIDTH, width))

    # -- Ctrl+N -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Ctrl+N is also the window's "New database"; on this page it makes an action point.
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.New):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.New):
            event.accept()
            self.new_action_point()
            return
        super().keyPressEvent(event)


__all__ = ["ActionPointsPage"]
