"""What the library's screens share: opening a web link in the browser (one function, so tests
can patch it), the GCM objectives as a checkable list, and the type and status combos."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from ...core.enums import LabelledEnum
from ...core.reference_data import GCM_OBJECTIVES


def open_link(url: str) -> bool:
    """Open a web address in the system's browser; False when nothing could."""
    return QDesktopServices.openUrl(QUrl(url))


def value_combo(enum_cls: type[LabelledEnum], parent: QWidget, *, any_label: str | None = None) -> QComboBox:
    """A combo of an enumeration's labels with its values (plain strings) as item data; first
    ``any_label`` with None when given."""
    combo = QComboBox(parent)
    if any_label is not None:
        combo.addItem(any_label, None)
    for member in enum_cls:
        combo.addItem(member.label, member.value)
    return combo


def select_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(getattr(value, "value", value))
    combo.setCurrentIndex(max(index, 0))


def objective_list(parent: QWidget, checked: tuple[int, ...] = ()) -> QListWidget:
    """The 23 GCM objectives, each checkable, its number as item data."""
    widget = QListWidget(parent)
    widget.setAccessibleName("GCM objectives")
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    for number, text, short in GCM_OBJECTIVES:
        item = QListWidgetItem(f"{number}. {short}", widget)
        item.setData(Qt.ItemDataRole.UserRole, number)
        item.setToolTip(f"Objective {number}: {text}")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if number in checked else Qt.CheckState.Unchecked)
    return widget


def checked_objectives(widget: QListWidget) -> tuple[int, ...]:
    return tuple(
        int(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )
