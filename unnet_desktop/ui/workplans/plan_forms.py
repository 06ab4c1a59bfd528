"""The small forms of a work plan itself: a new plan (year and title)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from ...core.database import Database
from ...services import workplans as wp
from ..widgets import muted_label
from .common import FormDialog


class NewPlanDialog(FormDialog):
    """A new draft plan; the title may stay empty (the service gives the usual one)."""

    error_title = "Work plan not created"
    ok_text = "Create"

    def __init__(self, db: Database, year: int, parent: QWidget | None = None):
        super().__init__("New work plan", parent)
        self.db = db
        form = QFormLayout()
        self.year = QSpinBox(self)
        self.year.setRange(wp.MIN_YEAR, wp.MAX_YEAR)
        self.year.setValue(year)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(wp.default_plan_title(year))
        self.year.valueChanged.connect(lambda y: self.title_edit.setPlaceholderText(wp.default_plan_title(y)))
        form.addRow("Year", self.year)
        form.addRow("Title", self.title_edit)
        self.content.addLayout(form)
        self.content.addWidget(
            muted_label(
                "The plan starts as a draft. To start it with last year's unfinished activities, "
                "use “Copy to next year” on last year's plan instead.",
                self,
            )
        )
        self.setMinimumWidth(520)

    def save(self) -> wp.WorkPlanInfo:
        return wp.create_work_plan(self.db, self.year.value(), self.title_edit.text())
