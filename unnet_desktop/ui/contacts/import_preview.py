"""The preview of an Excel import: what each row of the sheet would do (new, updated, skipped,
and why), the summary, and Apply or Cancel. Nothing is written before Apply; Apply writes all
of it in one transaction (``apply_contacts_import``) or nothing."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...files.contacts_import import NEW, SKIPPED, UPDATED, ImportPlan, ImportResult, ImportRow, apply_contacts_import
from ..table_model import Column, RecordTableModel
from ..tasks import run_task
from ..widgets import GOOD_COLOUR, muted_label, scaled_font
from .common import make_table, plural

ACTION_LABELS = {NEW: "New", UPDATED: "Updated", SKIPPED: "Skipped"}
SKIPPED_COLOUR = "#ef6c00"  # amber: worth a look, not an error
ACTION_COLOURS = {NEW: GOOD_COLOUR, UPDATED: "#1565c0", SKIPPED: SKIPPED_COLOUR}


class ImportRowsModel(RecordTableModel[ImportRow]):
    ROW, ACTION, WHO, REASON = range(4)
    columns = (
        Column("Row", lambda r: str(r.row), sort=lambda r: r.row, align_right=True),
        Column(
            "What happens",
            lambda r: ACTION_LABELS.get(r.action, r.action),
            colour=lambda r: ACTION_COLOURS.get(r.action),
        ),
        Column("Person", lambda r: r.who or "—", tooltip=lambda r: r.who or None),
        Column("Why / what changes", lambda r: r.reason, tooltip=lambda r: r.reason or None),
    )


class ImportPreview(QDialog):
    """``ImportPreview(db, plan, parent)``; ``imported`` gives the ImportResult after Apply."""

    imported = Signal(object)

    def __init__(self, db: Database, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.plan = plan
        self.setWindowTitle(f"Import {plan.path.name}")
        self.resize(900, 600)
        summary = plan.summary

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        heading = QLabel(f"Import of {escape(plan.path.name)}", self)
        heading.setFont(scaled_font(self.font(), 1.3, bold=True))
        layout.addWidget(heading)
        columns = ", ".join(f"{header} → {field.replace('_', ' ')}" for field, header in plan.columns.items())
        lines = [f"Sheet “{plan.sheet}”, headings on row {plan.header_row}.", f"Columns read: {columns}."]
        if plan.ignored_columns:
            lines.append(f"Columns left out: {', '.join(plan.ignored_columns)}")
        self.source_label = muted_label("\n".join(lines), self)
        layout.addWidget(self.source_label)

        parts = [
            f"<b style='color:{GOOD_COLOUR}'>{summary.created:,}</b> new",
            f"<b style='color:#1565c0'>{summary.updated:,}</b> updated",
            f"<b style='color:{SKIPPED_COLOUR}'>{summary.skipped:,}</b> skipped",
        ]
        if summary.organisations_created:
            names = [org["name"] for org in plan.new_organisations]
            shown = ", ".join(escape(n) for n in names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
            parts.append(f"<b>{summary.organisations_created:,}</b> new organisation(s): {shown}")
        self.summary_label = QLabel(" · ".join(parts), self)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        filters = QHBoxLayout()
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str | None, QRadioButton] = {}
        counts = {None: len(plan.rows), NEW: summary.created, UPDATED: summary.updated, SKIPPED: summary.skipped}
        for action, text in ((None, "All rows"), (NEW, "New"), (UPDATED, "Updated"), (SKIPPED, "Skipped")):
            button = QRadioButton(f"{text} ({counts[action]:,})", self)
            self.filter_group.addButton(button)
            self.filter_buttons[action] = button
            button.toggled.connect(lambda on, a=action: on and self.show_rows(a))
            filters.addWidget(button)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.model = ImportRowsModel(self)
        self.view = make_table(self, multi=False)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.view.fontMetrics().averageCharWidth()
        self.view.setColumnWidth(ImportRowsModel.ROW, 7 * char + 16)
        self.view.setColumnWidth(ImportRowsModel.ACTION, 14 * char + 16)
        self.view.setColumnWidth(ImportRowsModel.WHO, 34 * char + 16)
        header.setSectionResizeMode(ImportRowsModel.REASON, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        self.note = muted_label(
            "Nothing has been written yet. Apply adds and updates these people in one step; Cancel leaves the "
            "directory as it is.",
            self,
        )
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(self)
        writes = summary.created + summary.updated
        self.apply_button = self.buttons.addButton(
            f"Apply ({plural(writes, 'change')})", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.setEnabled(writes > 0 or summary.organisations_created > 0)
        if not self.apply_button.isEnabled():
            self.note.setText("Nothing to import: every row is skipped or already in the directory.")
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.filter_buttons[None].setChecked(True)

    def show_rows(self, action: str | None) -> None:
        rows = self.plan.rows if action is None else [r for r in self.plan.rows if r.action == action]
        self.model.set_records(rows)

    def apply(self) -> None:
        """Write the plan off the UI thread; the dialog closes once it is written."""
        self.apply_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.note.setText("Importing…")
        run_task(
            self,
            f"Importing {self.plan.path.name}…",
            apply_contacts_import,
            self.db,
            self.plan,
            on_done=self._applied,
        ).errored.connect(self._failed)

    def _applied(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()

    def _failed(self, _exc: BaseException) -> None:
        # A refusal (the directory changed since the file was read) was shown by run_task.
        self.cancel_button.setEnabled(True)
        self.note.setText("Nothing was written. Close this preview and import the file again.")
