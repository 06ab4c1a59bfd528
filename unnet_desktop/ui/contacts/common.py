"""Small helpers shared by the pieces of the Contacts page: tables, combos, status messages
(the inline error of a form is ``ui.forms.error_label``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QMainWindow,
    QTableView,
    QWidget,
)

from ...core.enums import LabelledEnum

#: Network roles shown with meaning: members in green, the chair and co-chair darker, observers amber.
ROLE_COLOURS = {
    "chair": "#1565c0",
    "co_chair_secretariat": "#1565c0",
    "member": "#2e7d32",
    "observer": "#ef6c00",
}

EXCEL_FILTER = "Excel workbooks (*.xlsx *.xlsm);;All files (*)"


def plural(number: int, singular: str, many: str | None = None) -> str:
    return f"{number:,} {singular if number == 1 else (many or singular + 's')}"


def make_table(parent: QWidget, *, multi: bool = True) -> QTableView:
    """A read-only list view: whole rows, no grid, uniform row heights (cheap for long lists)."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTabKeyNavigation(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


def set_column_widths(view: QTableView, widths: dict[int, int]) -> None:
    """Widths in average characters, so they follow the font (never measured over the rows)."""
    char = view.fontMetrics().averageCharWidth()
    for column, chars in widths.items():
        view.setColumnWidth(column, chars * char + 16)


def enum_combo(
    enum_cls: type[LabelledEnum],
    parent: QWidget,
    *,
    first: tuple[str, object] | None = None,
    members: Iterable[LabelledEnum] | None = None,
) -> QComboBox:
    """A combo of an enum's labels, the member as item data; ``first``: (text, data) on top."""
    combo = QComboBox(parent)
    if first is not None:
        combo.addItem(first[0], first[1])
    for member in members if members is not None else enum_cls:
        combo.addItem(member.label, member)
    return combo


def select_data(combo: QComboBox, data: object) -> None:
    """Select the item holding ``data`` (the first one when none does)."""
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def show_status(widget: QWidget, text: str, timeout_ms: int = 8000) -> None:
    """A passing message in the main window's status bar (nothing when the page stands alone)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)
