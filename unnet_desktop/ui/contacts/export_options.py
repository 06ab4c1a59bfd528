"""The choices of an Excel export before the file name is asked: everyone or one distribution
list, archived people or not, and e-mail and phone left out for lists shared outside the Network."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ...services.distribution_lists import DistributionListRow
from ..widgets import muted_label
from .common import plural, select_data

EVERYONE = "Everyone in the directory"


@dataclass(frozen=True)
class ExportChoice:
    distribution_list_id: int | None
    list_name: str | None
    personal: bool  # e-mail and phone included
    include_archived: bool


class ExportOptions(QDialog):
    """Opened with ``open()``; read ``choice()`` once accepted."""

    def __init__(
        self,
        lists: list[DistributionListRow],
        parent: QWidget | None = None,
        *,
        list_id: int | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Export contacts to Excel")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.list_combo = QComboBox(self)
        self.list_combo.addItem(EVERYONE, None)
        for row in lists:
            self.list_combo.addItem(f"{row.name} ({plural(row.member_count, 'person', 'people')})", row.id)
        select_data(self.list_combo, list_id)
        self._names = {row.id: row.name for row in lists}
        self.no_personal_check = QCheckBox("Leave out e-mail and phone (for lists shared outside the Network)", self)
        self.archived_check = QCheckBox("Include archived people", self)
        form.addRow("&People", self.list_combo)
        form.addRow("", self.no_personal_check)
        form.addRow("", self.archived_check)
        layout.addLayout(form)
        layout.addWidget(
            muted_label(
                "One row per person (title, name, sex, organisation, category, position, e-mail, phone) and a "
                "sheet of the organisations.",
                self,
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        list_id = self.list_combo.currentData()
        return ExportChoice(
            distribution_list_id=list_id,
            list_name=self._names.get(list_id),
            personal=not self.no_personal_check.isChecked(),
            include_archived=self.archived_check.isChecked(),
        )
