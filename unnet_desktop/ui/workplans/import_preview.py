"""The preview of a work plan workbook sent back by the agencies, before anything is written.

Every row with what it would do (change, conflict, unchanged, problem, deleted since the export)
and why; each conflict with the app's value and the workbook's value side by side and a choice.
Apply is offered only when no row has a problem (all or nothing) and something would change;
cancelling writes nothing. The plan comes from ``files.workplan_xlsx_import.plan_workplan_import``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.timezone import format_wib
from ...files.workplan_xlsx_import import (
    APP,
    HEADERS,
    INCOMING,
    Outcome,
    WorkplanImportPlan,
    WorkplanImportRow,
    describe_change,
    display_value,
)
from ..table_model import Column, RecordTableModel
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, Badge, muted_label, scaled_font
from .common import compact_table, plural

#: Outcome -> (what the preview calls it, colour).
OUTCOME_LOOK: dict[Outcome, tuple[str, str]] = {
    Outcome.INVALID: ("Problem", ALERT_COLOUR),
    Outcome.UNKNOWN_KEY: ("Unknown key", ALERT_COLOUR),
    Outcome.CONFLICT: ("Conflict", "#ef6c00"),
    Outcome.UPDATE: ("Update", "#1565c0"),
    Outcome.NEW: ("New", GOOD_COLOUR),
    Outcome.DELETED: ("Deleted in the app", "#757575"),
    Outcome.UNCHANGED: ("Unchanged", "#757575"),
}
_ORDER = list(OUTCOME_LOOK)


def row_details(row: WorkplanImportRow) -> str:
    """What the row would do, in one line."""
    if row.outcome in (Outcome.UPDATE, Outcome.CONFLICT) and row.changes:
        return "; ".join(describe_change(c) for c in row.changes)
    if row.reasons:
        return "; ".join(row.reasons)
    return "No change"


class ImportRowsModel(RecordTableModel[WorkplanImportRow]):
    ROW, CODE, TITLE, OUTCOME, DETAILS = range(5)
    columns = (
        Column("Row", lambda r: str(r.row), sort=lambda r: r.row, align_right=True),
        Column("Code", lambda r: r.code),
        Column("Activity", lambda r: r.title, tooltip=lambda r: r.title),
        Column(
            "Outcome",
            lambda r: OUTCOME_LOOK[r.outcome][0],
            sort=lambda r: _ORDER.index(r.outcome),
            colour=lambda r: OUTCOME_LOOK[r.outcome][1],
        ),
        Column("What happens", row_details, tooltip=lambda r: row_details(r).replace("; ", "\n")),
    )


class ConflictBox(QGroupBox):
    """One conflict: each changed field with both values; the choice of the app's or the workbook's."""

    def __init__(self, row: WorkplanImportRow, parent: QWidget | None = None):
        super().__init__(f"Row {row.row} · {row.code} {row.title}", parent)
        self.row = row
        layout = QVBoxLayout(self)
        when = format_wib(row.app_updated_at) if row.app_updated_at else "after the export"
        layout.addWidget(muted_label(f"Changed in the app ({when}) and in the workbook.", self))
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        bold = scaled_font(self.font(), 1.0, bold=True)
        for column, text in enumerate(("Field", "In the app now", "In the workbook")):
            label = QLabel(text, self)
            label.setFont(bold)
            grid.addWidget(label, 0, column)
        self.value_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for line, change in enumerate(row.changes, start=1):
            field = QLabel(HEADERS[change.field] + (" (changed in both)" if change.conflict else ""), self)
            app = QLabel(display_value(change.app) or "(empty)", self)
            incoming = QLabel(display_value(change.incoming) or "(empty)", self)
            for label in (app, incoming):
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if change.conflict:
                field.setStyleSheet("color: #ef6c00; font-weight: 600;")
            grid.addWidget(field, line, 0)
            grid.addWidget(app, line, 1)
            grid.addWidget(incoming, line, 2)
            self.value_labels[change.field] = (app, incoming)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        choice = QHBoxLayout()
        self.keep_app = QRadioButton("Keep the app's values", self)
        self.take_incoming = QRadioButton("Take the workbook's values", self)
        self.keep_app.setToolTip("The fields changed in both keep the app's value; the row's other changes are taken.")
        self.take_incoming.setToolTip("Every change of this row is taken from the workbook.")
        self.group = QButtonGroup(self)
        self.group.addButton(self.keep_app)
        self.group.addButton(self.take_incoming)
        self.keep_app.setChecked(True)
        choice.addWidget(self.keep_app)
        choice.addWidget(self.take_incoming)
        choice.addStretch(1)
        layout.addLayout(choice)
        others = [HEADERS[c.field] for c in row.changes if not c.conflict]
        if others:
            layout.addWidget(
                muted_label(
                    f"Either way, the workbook's {', '.join(others)} {'is' if len(others) == 1 else 'are'} taken "
                    "(not changed in the app since the export).",
                    self,
                )
            )

    def resolution(self) -> str:
        return INCOMING if self.take_incoming.isChecked() else APP


class ImportPreviewDialog(QDialog):
    """Accepted with Apply; ``resolutions()`` then gives the officer's choices for the conflicts."""

    def __init__(self, plan: WorkplanImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import the {plan.year} work plan from Excel")
        self.resize(1020, 700)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        title = QLabel(f"{plan.file_name}: the {plan.year} work plan, exported {format_wib(plan.exported_at)}", self)
        title.setFont(scaled_font(self.font(), 1.2, bold=True))
        title.setWordWrap(True)
        layout.addWidget(title)

        badges = QHBoxLayout()
        badges.setSpacing(6)
        self.badges: dict[Outcome, Badge] = {}
        for outcome in (
            Outcome.UPDATE,
            Outcome.CONFLICT,
            Outcome.UNCHANGED,
            Outcome.NEW,
            Outcome.INVALID,
            Outcome.UNKNOWN_KEY,
            Outcome.DELETED,
        ):
            count = plan.counts.get(outcome, 0)
            if not count and outcome not in (Outcome.UPDATE, Outcome.CONFLICT, Outcome.UNCHANGED, Outcome.INVALID):
                continue
            text, colour = OUTCOME_LOOK[outcome]
            badge = Badge(f"{text}: {count}", colour if count else "#9e9e9e", self)
            self.badges[outcome] = badge
            badges.addWidget(badge)
        badges.addStretch(1)
        layout.addLayout(badges)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.model = ImportRowsModel(self)
        self.model.set_records(sorted(plan.rows, key=lambda r: (_ORDER.index(r.outcome), r.row)))
        self.view = compact_table(self.model, ImportRowsModel.DETAILS, self)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(ImportRowsModel.TITLE, header.ResizeMode.Interactive)
        self.view.setColumnWidth(ImportRowsModel.TITLE, 260)

        self.conflict_boxes: list[ConflictBox] = []
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        conflicts = plan.conflicts
        if conflicts:
            panel = QWidget(self)
            panel_layout = QVBoxLayout(panel)
            panel_layout.setContentsMargins(0, 6, 0, 0)
            heading = QLabel(
                f"{plural(len(conflicts), 'conflict')}: changed in the app since the export and in the workbook. "
                "Choose which values to keep.",
                panel,
            )
            heading.setFont(scaled_font(self.font(), 1.05, bold=True))
            heading.setWordWrap(True)
            panel_layout.addWidget(heading)
            scroll = QScrollArea(panel)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            boxes = QWidget(scroll)
            boxes_layout = QVBoxLayout(boxes)
            boxes_layout.setContentsMargins(0, 0, 0, 0)
            for row in conflicts:
                box = ConflictBox(row, boxes)
                self.conflict_boxes.append(box)
                boxes_layout.addWidget(box)
            boxes_layout.addStretch(1)
            scroll.setWidget(boxes)
            panel_layout.addWidget(scroll, 1)
            splitter.addWidget(panel)
            splitter.setSizes([280, 360])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._explain()

    def _explain(self) -> None:
        plan = self.plan
        if not plan.ok:
            errors = plan.errors
            first = errors[0]
            self.message.setText(
                f"{plural(len(errors), 'row has', 'rows have')} problems, so nothing can be imported "
                f"(row {first.row}: {'; '.join(first.reasons)}). Correct the workbook and import it again."
            )
            self.message.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: 600;")
            self.apply_button.setEnabled(False)
            self.apply_button.setToolTip("The workbook has rows with problems: nothing is imported.")
            for box in self.conflict_boxes:
                box.setEnabled(False)
        elif not plan.has_work:
            self.message.setText("Nothing to import: the workbook holds no change to the plan.")
            self.message.setStyleSheet("")
            self.apply_button.setEnabled(False)
        else:
            text = "Nothing is written until you choose Apply."
            if plan.conflicts:
                text += " For each conflict below, choose the app's or the workbook's values."
            self.message.setText(text)
            self.message.setStyleSheet("")
            self.apply_button.setEnabled(True)
            self.apply_button.setDefault(True)

    def conflict_box(self, key: str) -> ConflictBox:
        for box in self.conflict_boxes:
            if box.row.key == key:
                return box
        raise KeyError(key)

    def resolutions(self) -> dict[str, str]:
        return {box.row.key: box.resolution() for box in self.conflict_boxes}
