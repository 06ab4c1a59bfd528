"""What the meeting screens share: a service call with its refusal shown, status colours, WIB
dates and times from Qt's date and time widgets, small layout helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from ...core.enums import LabelledEnum, MeetingStatus, MinutesStatus
from ...core.errors import KnownError
from ...core.timezone import to_wib, wib
from .. import dialogs
from ..widgets import ALERT_COLOUR, GOOD_COLOUR

#: What ``attempt`` gives back when the service refused (the refusal has been shown).
FAILED: Any = object()

WARNING_COLOUR = "#ef6c00"
INFO_COLOUR = "#1565c0"
MUTED_COLOUR = "#757575"

MINUTES_COLOURS = {
    MinutesStatus.NOT_STARTED: "#78909c",
    MinutesStatus.DRAFT: WARNING_COLOUR,
    MinutesStatus.CIRCULATED: INFO_COLOUR,
    MinutesStatus.APPROVED: GOOD_COLOUR,
}
STATUS_COLOURS = {
    MeetingStatus.PLANNED: INFO_COLOUR,
    MeetingStatus.HELD: GOOD_COLOUR,
    MeetingStatus.CANCELLED: MUTED_COLOUR,
}

#: A banner across a panel: approved minutes locked, an agenda that runs over.
BANNER_STYLE = (
    "QLabel {{ background: {background}; color: {colour}; border: 1px solid {colour};"
    " border-radius: 6px; padding: 8px 12px; }}"
)


def attempt(parent: QWidget | None, title: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``; a refusal (``KnownError``) is shown with ``title`` and gives ``FAILED``."""
    try:
        return fn(*args, **kwargs)
    except KnownError as exc:
        dialogs.show_error(parent, title, str(exc))
        return FAILED


def banner(parent: QWidget, colour: str = ALERT_COLOUR, background: str = "#fdecea") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(BANNER_STYLE.format(colour=colour, background=background))
    label.hide()
    return label


def lock_banner(parent: QWidget) -> QLabel:
    """The banner shown over approved (locked) minutes."""
    return banner(parent, GOOD_COLOUR, "#e8f5e9")


def set_note(label: QLabel, text: str) -> None:
    """A line of information that takes no room when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


def enum_combo(enum_cls: type[LabelledEnum], parent: QWidget, *, any_label: str | None = None) -> QComboBox:
    """A combo of an enumeration's labels; first "any" when given (None). Qt hands the item data
    back as the plain value string: read the member with ``enum_value(combo, enum_cls)``."""
    combo = QComboBox(parent)
    if any_label is not None:
        combo.addItem(any_label, None)
    for member in enum_cls:
        combo.addItem(member.label, member)
    return combo


def enum_value(combo: QComboBox, enum_cls: type[LabelledEnum]):
    """The member chosen in an ``enum_combo`` (None for its "any" item)."""
    value = combo.currentData()
    return None if value is None else enum_cls.from_value(value)


def select_data(combo: QComboBox, value: Any) -> None:
    """Make the item holding ``value`` current (no change when there is none)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def list_table(parent: QWidget, *, multi: bool = False) -> QTableView:
    """A read-only table of records: whole rows selected, no grid, headers on the left."""
    view = QTableView(parent)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next field
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    return view


def set_column_widths(view: QTableView, widths: dict[int, str | int], stretch: int) -> None:
    """Columns as wide as a sample text (or a number of pixels); ``stretch`` takes the rest.
    Never ResizeToContents on a long list: that reads every row."""
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    for column, sample in widths.items():
        width = sample if isinstance(sample, int) else metrics.horizontalAdvance(sample) + 24
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def selected_ids(view: QTableView, id_of: Callable[[int], int]) -> list[int]:
    """The ids of the selected rows, in row order."""
    model = view.selectionModel()
    if model is None:
        return []
    return [id_of(index.row()) for index in sorted(model.selectedRows(), key=lambda i: i.row())]


# -- WIB dates and times -----------------------------------------------------------------------


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qtime_wib(moment: dt.datetime) -> QTime:
    local = to_wib(moment)
    return QTime(local.hour, local.minute)


def wib_moment(day: dt.date, time: QTime) -> dt.datetime:
    """``day`` at ``time`` on the Jakarta clock, as aware UTC (what the services take)."""
    return wib(day.year, day.month, day.day, time.hour(), time.minute())


def plural(number: int, singular: str, plural_form: str | None = None) -> str:
    return f"{number} {singular if number == 1 else (plural_form or singular + 's')}"


__all__ = [
    "FAILED",
    "MINUTES_COLOURS",
    "STATUS_COLOURS",
    "attempt",
    "banner",
    "enum_combo",
    "enum_value",
    "list_table",
    "lock_banner",
    "plural",
    "pydate",
    "qdate",
    "qtime_wib",
    "select_data",
    "selected_ids",
    "set_note",
    "set_column_widths",
    "wib_moment",
]
