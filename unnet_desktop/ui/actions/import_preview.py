"""The preview of a tracker import (``plan_action_import``): what each row of the file would do,
and for each conflict (changed in the app after the export, and differently in the file) both
values with the officer's choice, the app's by default. Nothing is written here: once accepted,
``resolutions()`` and ``skip_invalid()`` go to ``apply_action_import``; Cancel writes nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.timezone import format_wib
from ...services import tracker_sync as sync
from ...services.action_points import FIELD_LABELS, ActionImportPlan, ImportRow, display_value
from ..meetings.common import INFO_COLOUR, MUTED_COLOUR, WARNING_COLOUR, banner, list_table, plural, set_column_widths
from ..table_model import Column, RecordTableModel
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, muted_label

O = sync.Outcome
_Index = QModelIndex | QPersistentModelIndex

#: How each outcome reads in the preview, its colour, and its place in the list.
OUTCOME_LABELS = {
    O.INVALID: ("Problem", ALERT_COLOUR),
    O.UNKNOWN_KEY: ("Unknown key", ALERT_COLOUR),
    O.CONFLICT: ("Conflict", WARNING_COLOUR),
    O.UPDATE: ("Change", INFO_COLOUR),
    O.NEW: ("New", GOOD_COLOUR),
    O.DELETED: ("Deleted since", MUTED_COLOUR),
    O.UNCHANGED: ("Unchanged", MUTED_COLOUR),
}
_ORDER = {outcome: n for n, outcome in enumerate(OUTCOME_LABELS)}


def _field(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def change_text(change: sync.FieldChange) -> str:
    return f"{_field(change.field)}: {display_value(change.field, change.app)} → {display_value(change.field, change.incoming)}"


def details_text(row: ImportRow) -> str:
    """What the row would do, in one line."""
    if row.outcome is O.UPDATE:
        return "; ".join(change_text(c) for c in row.changes)
    if row.outcome is O.CONFLICT:
        fields = ", ".join(_field(c.field).lower() for c in row.conflicts)
        others = [change_text(c) for c in row.changes if not c.conflict]
        text = f"Changed in the app too since the export ({fields}): choose below"
        return text + ("; also " + "; ".join(others) if others else "")
    if row.outcome is O.NEW and row.new is not None:
        new = row.new
        parts = [f"Status {new.status.label}"]
        if new.due_date is not None:
            parts.append(f"due {new.due_date:%d %b %Y}")
        if new.meeting_reference:
            parts.append(f"meeting {new.meeting_reference}")
        if new.person:
            parts.append(new.person)
        return "Will be created: " + ", ".join(parts) + "".join(f"; {r}" for r in row.reasons)
    text = "; ".join(row.reasons)
    return text[:1].upper() + text[1:]


class ImportRowsModel(RecordTableModel[ImportRow]):
    ROW, OUTCOME, DESCRIPTION, ORGANISATION, DETAILS = range(5)
    columns = (
        Column("Row", lambda r: str(r.row), sort=lambda r: r.row, align_right=True),
        Column(
            "Outcome",
            lambda r: OUTCOME_LABELS[r.outcome][0],
            colour=lambda r: OUTCOME_LABELS[r.outcome][1],
            tooltip=lambda r: r.outcome.label,
        ),
        Column("Action point", lambda r: r.description or "(no description)", tooltip=lambda r: r.description),
        Column("Organisation", lambda r: r.organisation),
        Column("What happens", details_text, tooltip=details_text),
    )


class ConflictModel(QAbstractTableModel):
    """One line per conflicting action point: the app's and the file's values, and which is kept."""

    ROW, DESCRIPTION, APP, INCOMING, KEEP = range(5)
    HEADERS = ("Row", "Action point", "In the app now", "In the file", "Keep")

    def __init__(self, rows: list[ImportRow], parent=None):
        super().__init__(parent)
        self.rows = rows
        self.choices: dict[str, str] = {row.key: sync.APP for row in rows}
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
        return None

    def _values(self, row: ImportRow, side: str) -> str:
        return "; ".join(
            f"{_field(c.field)}: {display_value(c.field, c.app if side == sync.APP else c.incoming)}"
            for c in row.conflicts
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, column = self.rows[index.row()], index.column()
        choice = self.choices[row.key]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.ROW:
                return str(row.row)
            if column == self.DESCRIPTION:
                return row.description
            if column == self.APP:
                return self._values(row, sync.APP)
            if column == self.INCOMING:
                return self._values(row, sync.INCOMING)
            if column == self.KEEP:
                return "The file's value" if choice == sync.INCOMING else "The app's value"
        if role == Qt.ItemDataRole.FontRole:
            chosen = self.INCOMING if choice == sync.INCOMING else self.APP
            return self._bold if column in (chosen, self.KEEP) else None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KEEP:
            return QColor(WARNING_COLOUR if choice == sync.INCOMING else INFO_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def choose(self, rows: list[int], choice: str) -> None:
        for n in rows:
            self.choices[self.rows[n].key] = choice
            self.dataChanged.emit(self.index(n, 0), self.index(n, self.KEEP))


class ImportPreviewDialog(QDialog):
    """The plan of one tracker; Apply (accept) or Cancel."""

    def __init__(self, plan: ActionImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import {plan.file_name}")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setText(self.summary_text())
        layout.addWidget(self.summary)

        self.problems = banner(self)
        errors = plan.errors
        self.skip = QCheckBox(self)
        if errors:
            self.problems.setText(
                f"<b>{plural(len(errors), 'row')} of the file cannot be imported</b> (the reasons are in the "
                "list). Fix them in the file and import it again, or skip them and apply the rest."
            )
            self.problems.show()
            self.skip.setText(f"Skip the {plural(len(errors), 'row')} with problems and apply the rest")
        else:
            self.skip.hide()
        layout.addWidget(self.problems)
        layout.addWidget(self.skip)

        rows = sorted(plan.rows, key=lambda r: (_ORDER[r.outcome], r.row))
        self._all_rows = rows
        self.rows_model = ImportRowsModel(self)
        self.rows_view = list_table(self)
        self.rows_view.setObjectName("importRows")
        self.rows_view.setAccessibleName("Rows of the tracker")
        self.rows_view.setModel(self.rows_model)
        set_column_widths(
            self.rows_view,
            {
                ImportRowsModel.ROW: "99999",
                ImportRowsModel.OUTCOME: "Deleted since",
                ImportRowsModel.DESCRIPTION: 280,
                ImportRowsModel.ORGANISATION: "UNICEF Indonesia",
            },
            stretch=ImportRowsModel.DETAILS,
        )
        unchanged = plan.counts.get(O.UNCHANGED, 0)
        self.show_unchanged = QCheckBox(f"Show the {plural(unchanged, 'unchanged row')}", self)
        self.show_unchanged.setVisible(unchanged > 0)
        self.show_unchanged.toggled.connect(self._fill_rows)
        self._fill_rows()
        rows_title = QLabel("Rows of the file", self)
        rows_title.setObjectName("sectionTitle")
        top = QHBoxLayout()
        top.addWidget(rows_title)
        top.addStretch(1)
        top.addWidget(self.show_unchanged)
        layout.addLayout(top)
        layout.addWidget(self.rows_view, 3)

        conflicts = plan.conflicts
        self.conflicts_model = ConflictModel(conflicts, self)
        self.conflicts_box = QWidget(self)
        box = QVBoxLayout(self.conflicts_box)
        box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"Conflicts ({len(conflicts)})", self.conflicts_box)
        title.setObjectName("sectionTitle")
        box.addWidget(title)
        box.addWidget(
            muted_label(
                "These action points were changed in the app after the tracker was exported, and the file "
                "says otherwise. Choose which value to keep; the app's is kept unless you choose the file's. "
                "Double-click a value to choose it.",
                self.conflicts_box,
            )
        )
        self.conflicts_view = list_table(self.conflicts_box, multi=True)
        self.conflicts_view.setObjectName("importConflicts")
        self.conflicts_view.setAccessibleName("Conflicts")
        self.conflicts_view.setModel(self.conflicts_model)
        set_column_widths(
            self.conflicts_view,
            {
                ConflictModel.ROW: "Row",
                ConflictModel.DESCRIPTION: 240,
                ConflictModel.KEEP: "The file's value",
            },
            stretch=ConflictModel.APP,
        )
        # Both values in full (a completion note runs long): wrapped, rows as tall as they need
        # (conflicts are few: sizing them to their text reads little).
        conflict_header = self.conflicts_view.horizontalHeader()
        conflict_header.setSectionResizeMode(ConflictModel.INCOMING, QHeaderView.ResizeMode.Stretch)
        self.conflicts_view.setWordWrap(True)
        if len(conflicts) <= 200:
            self.conflicts_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts_view.doubleClicked.connect(self._on_double_click)
        box.addWidget(self.conflicts_view)
        choices = QHBoxLayout()
        self.keep_app_button = QPushButton("Keep the app's value", self.conflicts_box)
        self.take_incoming_button = QPushButton("Take the file's value", self.conflicts_box)
        self.all_app_button = QPushButton("All: the app's", self.conflicts_box)
        self.all_incoming_button = QPushButton("All: the file's", self.conflicts_box)
        self.keep_app_button.clicked.connect(lambda: self._choose_selected(sync.APP))
        self.take_incoming_button.clicked.connect(lambda: self._choose_selected(sync.INCOMING))
        self.all_app_button.clicked.connect(lambda: self._choose_all(sync.APP))
        self.all_incoming_button.clicked.connect(lambda: self._choose_all(sync.INCOMING))
        choices.addWidget(self.keep_app_button)
        choices.addWidget(self.take_incoming_button)
        choices.addStretch(1)
        choices.addWidget(self.all_app_button)
        choices.addWidget(self.all_incoming_button)
        box.addLayout(choices)
        layout.addWidget(self.conflicts_box, 2)
        self.conflicts_box.setVisible(bool(conflicts))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.skip.toggled.connect(self._update_buttons)
        self.conflicts_view.selectionModel().selectionChanged.connect(self._update_buttons)
        if conflicts:
            self.conflicts_view.selectionModel().setCurrentIndex(
                self.conflicts_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    # -- what it says -----------------------------------------------------------------------

    def summary_text(self) -> str:
        plan, counts = self.plan, self.plan.counts
        parts = []
        for outcome, words in (
            (O.UPDATE, ("action point to change", "action points to change")),
            (O.NEW, ("new action point", "new action points")),
            (O.CONFLICT, ("conflict", "conflicts")),
            (O.INVALID, ("row with problems", "rows with problems")),
            (O.UNKNOWN_KEY, ("unknown key", "unknown keys")),
            (O.DELETED, ("action point deleted since the export", "action points deleted since the export")),
            (O.UNCHANGED, ("unchanged row", "unchanged rows")),
        ):
            n = counts.get(outcome, 0)
            if n:
                parts.append(f"{n} {words[0] if n == 1 else words[1]}")
        what = ", ".join(parts) if parts else "no rows"
        text = f"<b>{plan.file_name}</b>, exported {format_wib(plan.exported_at)}: {what}."
        if not plan.has_work and not plan.errors:
            text += " Nothing to apply: the file says what the app already holds."
        return text

    def resolutions(self) -> dict[str, str]:
        """{key: "app" | "incoming"} for every conflict."""
        return dict(self.conflicts_model.choices)

    def skip_invalid(self) -> bool:
        return self.skip.isChecked()

    # -- events -----------------------------------------------------------------------------

    def _fill_rows(self) -> None:
        show_all = self.show_unchanged.isChecked()
        self.rows_model.set_records(r for r in self._all_rows if show_all or r.outcome is not O.UNCHANGED)

    def _selected_conflicts(self) -> list[int]:
        return sorted(index.row() for index in self.conflicts_view.selectionModel().selectedRows())

    def _choose_selected(self, choice: str) -> None:
        self.conflicts_model.choose(self._selected_conflicts(), choice)

    def _choose_all(self, choice: str) -> None:
        self.conflicts_model.choose(list(range(self.conflicts_model.rowCount())), choice)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == ConflictModel.APP:
            self.conflicts_model.choose([index.row()], sync.APP)
        elif index.column() == ConflictModel.INCOMING:
            self.conflicts_model.choose([index.row()], sync.INCOMING)

    def _update_buttons(self, *_args) -> None:
        selected = bool(self._selected_conflicts())
        self.keep_app_button.setEnabled(selected)
        self.take_incoming_button.setEnabled(selected)
        blocked = bool(self.plan.errors) and not self.skip.isChecked()
        self.apply_button.setEnabled(self.plan.has_work and not blocked)
        self.apply_button.setToolTip(
            "Fix the rows with problems, or skip them" if blocked else "Write the changes in one go"
        )


__all__ = ["ConflictModel", "ImportPreviewDialog", "ImportRowsModel", "details_text"]
