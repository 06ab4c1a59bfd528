"""Small pieces shared by the work plan and working group screens: money and count texts, a
date that may be empty, a filterable list of check boxes, the 23 GCM objectives as check boxes,
forms that save through a service and stay open on a refusal, compact tables, the dialogs a page
keeps while they are open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.enums import ActivityStatus
from ...core.errors import KnownError
from .. import dialogs
from ..table_model import RecordTableModel

XLSX_FILTER = "Excel workbooks (*.xlsx);;All files (*)"
#: What the work plan and working group pages say when no program opens a workbook they wrote.
WORKBOOK_NOT_OPENED = "No program could open {name}; open it from its folder."
DATE_FORMAT = "dd MMM yyyy"

#: Activity statuses by colour (readable on light and dark palettes); None: the normal text colour.
STATUS_COLOURS: dict[ActivityStatus, str | None] = {
    ActivityStatus.NOT_STARTED: None,
    ActivityStatus.ON_TRACK: "#2e7d32",
    ActivityStatus.DELAYED: "#ef6c00",
    ActivityStatus.COMPLETED: "#1565c0",
    ActivityStatus.CANCELLED: "#757575",
}

#: The UN INFO marker codes as the forms show them (the code is what is stored).
MARKER_TEXTS = {
    0: "0 – no contribution",
    1: "1 – limited contribution",
    2: "2 – significant contribution",
    3: "3 – principal objective",
}


def money_text(value: Decimal | None) -> str:
    """``1,005,000.00``; empty for no figure."""
    return "" if value is None else f"{value:,.2f}"


def dollars_text(value: Decimal | None) -> str:
    """``1,005,000``: whole dollars (half up) for tables read at a glance; empty for no figure."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


def has_cents(value: Decimal | None) -> bool:
    return value is not None and value != value.to_integral_value()


def plural(number: int, singular: str, plural_form: str | None = None) -> str:
    return f"{number:,} {singular if number == 1 else (plural_form or singular + 's')}"


def date_text(value: dt.date | None, empty: str = "") -> str:
    return empty if value is None else f"{value:%d %b %Y}"


def tinted(role: QPalette.ColorRole, alpha: int, palette: QPalette | None = None) -> QColor:
    """A palette colour made translucent: a background that suits light and dark themes."""
    from PySide6.QtWidgets import QApplication

    colour = QColor((palette or QApplication.palette()).color(role))
    colour.setAlpha(alpha)
    return colour


def open_tracked(owner: QWidget, name: str, dialog: QDialog) -> QDialog:
    """Open ``dialog`` window-modal, deleted when closed, and kept in ``owner.<name>`` (tests drive it)
    until it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    setattr(owner, name, dialog)

    def forget(_result: int) -> None:
        if getattr(owner, name) is dialog:
            setattr(owner, name, None)

    dialog.finished.connect(forget)
    dialog.open()
    return dialog


def select_row(view: QTableView, index: QModelIndex) -> None:
    """Make ``index``'s row the only one selected, current and in view."""
    view.selectionModel().select(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.setCurrentIndex(index)
    view.scrollTo(index)


def compact_table(model: RecordTableModel, stretch_column: int, parent: QWidget) -> QTableView:
    """A read-only list: whole-row selection, no grid, the text column stretched."""
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a check box turns the date on."""

    def __init__(self, label: str = "", parent: QWidget | None = None, *, default: dt.date | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setDate(to_qdate(default or dt.date.today()))
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def date(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_date(self, value: dt.date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


class CheckList(QWidget):
    """A long list of choices to tick, with a filter box over it. ``choices``: (id, label)."""

    changed = Signal()

    def __init__(self, choices: Iterable, parent: QWidget | None = None, *, placeholder: str = "Filter…"):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.count = QLabel(self)
        self.count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.count.setWordWrap(True)
        # A long list of names wraps; it never widens the form.
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for choice in choices:
            item = QListWidgetItem(choice.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setToolTip(choice.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.itemPressed.connect(self._forget_change)
        self.list.itemClicked.connect(self._toggle_on_click)
        self._just_changed: QListWidgetItem | None = None
        self._show_count()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def item(self, choice_id: int) -> QListWidgetItem | None:
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) == choice_id:
                return item
        return None

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._items():
            label = item.text().casefold()
            item.setHidden(not all(w in label for w in words))

    def _forget_change(self, _item: QListWidgetItem) -> None:
        self._just_changed = None

    def _toggle_on_click(self, item: QListWidgetItem) -> None:
        # A click on the text (not only on the box) ticks it too. A click on the box has
        # already toggled it (itemChanged comes before itemClicked): leave that one alone.
        if self._just_changed is item:
            self._just_changed = None
            return
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
        self._just_changed = None

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        self._just_changed = item
        self._show_count()
        self.changed.emit()

    def _show_count(self) -> None:
        n = len(self.checked_ids())
        self.count.setText("None chosen" if n == 0 else f"{n} chosen: " + ", ".join(self.checked_labels()))
        self.count.setToolTip(self.count.text())

    def checked_ids(self) -> tuple[int, ...]:
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def checked_labels(self) -> list[str]:
        return [item.text() for item in self._items() if item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self.list.blockSignals(True)
        for item in self._items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted else Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)
        self._just_changed = None
        self._show_count()
        self.changed.emit()


class ObjectivesPicker(QWidget):
    """The 23 GCM objectives as check boxes in columns. ``choices``: (number, label)."""

    changed = Signal()

    def __init__(self, choices: Sequence, parent: QWidget | None = None, *, columns: int = 2):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.boxes: dict[int, QCheckBox] = {}
        rows = -(-len(choices) // columns)
        for index, choice in enumerate(choices):
            box = QCheckBox(choice.label, self)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[choice.id] = box
            grid.addWidget(box, index % rows, index // rows)
        grid.setRowStretch(rows, 1)

    def checked(self) -> tuple[int, ...]:
        return tuple(n for n, box in self.boxes.items() if box.isChecked())

    def set_checked(self, numbers: Iterable[int]) -> None:
        wanted = set(numbers)
        for n, box in self.boxes.items():
            box.setChecked(n in wanted)


class FormDialog(QDialog):
    """A form whose OK saves through a service (``save()``, overridden). A refusal
    (``KnownError``) is shown and the form stays open with everything typed; on success
    ``saved`` carries what ``save()`` returned and the dialog closes."""

    saved = Signal(object)
    error_title = "Not saved"
    ok_text = "Save"

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value: object = None
        outer = QVBoxLayout(self)
        self.content = QVBoxLayout()
        outer.addLayout(self.content, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ok_text)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def save(self) -> object:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_refused(self, message: str) -> None:
        """After a refusal: subclasses may show the part of the form concerned."""

    def submit(self) -> bool:
        try:
            result = self.save()
        except KnownError as exc:
            self.on_refused(str(exc))
            dialogs.show_error(self, self.error_title, str(exc))
            return False
        self.result_value = result
        self.saved.emit(result)
        self.accept()
        return True


class DateDialog(FormDialog):
    """Asks one date (endorsement, closing) and hands it to ``action``, which may refuse."""

    def __init__(
        self,
        title: str,
        text: str,
        action: Callable[[dt.date], object],
        parent: QWidget | None = None,
        *,
        initial: dt.date | None = None,
        ok_text: str = "OK",
    ):
        super().__init__(title, parent)
        self._action = action
        self.ok_button.setText(ok_text)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_FORMAT)
        self.edit.setDate(to_qdate(initial or dt.date.today()))
        self.content.addWidget(label)
        self.content.addWidget(self.edit)
        self.setMinimumWidth(380)

    def date(self) -> dt.date:
        return from_qdate(self.edit.date())

    def set_date(self, value: dt.date) -> None:
        self.edit.setDate(to_qdate(value))

    def save(self) -> object:
        return self._action(self.date())
