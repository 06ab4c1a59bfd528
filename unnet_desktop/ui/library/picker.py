"""Choosing a library entry to present under a meeting's agenda item: type part of a title, a number
or a word of the summary; the library's own search (``search_policies``) finds the entries."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...services import policies
from ..widgets import muted_label


class PolicyPicker(QDialog):
    """Pick one entry (double-click, Enter or OK); ``chosen`` gives its id. Entries in ``exclude``
    (already presented under the item) are not offered."""

    chosen = Signal(int)
    DELAY_MS = 150

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, exclude: Iterable[int] = (), item_title: str = ""
    ):
        super().__init__(parent)
        self.db = db
        self.exclude = set(exclude)
        self.setWindowTitle("Add a policy update")
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        intro = "Choose the library entry presented"
        layout.addWidget(muted_label(f"{intro} under “{item_title}”." if item_title else f"{intro}.", self))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search title, number and summary…")
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.results = QListWidget(self)
        self.results.setAccessibleName("Library entries")
        self.results.itemDoubleClicked.connect(lambda _item: self.accept_choice())
        self.results.currentRowChanged.connect(lambda _row: self._enable())
        layout.addWidget(self.results, 1)
        self.empty = muted_label("", self)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add")
        self.buttons.accepted.connect(self.accept_choice)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.search_now)
        self.search_now()
        self.search.setFocus()

    def search_now(self) -> int:
        self._timer.stop()
        self.results.clear()
        for row in policies.search_policies(self.db, self.search.text()):
            if row.id in self.exclude:
                continue
            item = QListWidgetItem(row.display, self.results)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(f"{row.type_label} · {row.status_label}" + (f"\n{row.summary}" if row.summary else ""))
        if self.results.count():
            self.results.setCurrentRow(0)
        self.empty.setText(
            "" if self.results.count() else "No library entry matches. Entries are added on the Library page."
        )
        self.empty.setVisible(not self.results.count())
        self._enable()
        return self.results.count()

    def _enable(self) -> None:
        self.ok_button.setEnabled(self.results.currentItem() is not None)

    def current_id(self) -> int | None:
        item = self.results.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def accept_choice(self) -> None:
        policy_id = self.current_id()
        if policy_id is None:
            return
        self.chosen.emit(policy_id)
        self.accept()


__all__ = ["PolicyPicker"]
