"""The activity form (create and edit): every field UN INFO asks for a sub-output.

The code is proposed by ``services.workplans.propose_code`` (and proposed again when the results
group changes, as long as the officer has not typed one of their own); every check is the
service's: a refusal is shown and the form stays open with everything typed.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import ActivityStatus
from ...services import workplans as wp
from ..widgets import muted_label
from .common import MARKER_TEXTS, CheckList, FormDialog, ObjectivesPicker, OptionalDateEdit

NO_MARKER = "Not set"
NO_LEAD = "— No lead agency yet —"


def _text_box(parent: QWidget, height: int = 70, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setPlaceholderText(placeholder)
    return box


class ActivityDialog(FormDialog):
    """Create (``activity`` None) or edit an activity of the plan of ``year``."""

    error_title = "Activity not saved"

    # The tabs, in order (also where a refusal sends the officer).
    TAB_DESCRIPTION, TAB_AGENCIES, TAB_OBJECTIVES, TAB_PROGRESS, TAB_MARKERS = range(5)

    def __init__(self, db: Database, year: int, activity: wp.ActivityData | None = None, parent: QWidget | None = None):
        title = f"New activity · work plan {year}" if activity is None else f"Activity {activity.code} · work plan {year}"
        super().__init__(title, parent)
        self.db, self.year = db, year
        self.original = activity
        self._proposed = ""
        self.resize(900, 640)
        self._build()
        if activity is None:
            self._propose()
        else:
            self._fill(activity)
        self._update_tab_titles()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        top = QGridLayout()
        top.setHorizontalSpacing(10)
        top.setVerticalSpacing(8)
        self.results_group = QComboBox(self)
        for choice in wp.results_group_choices(self.db):
            self.results_group.addItem(choice.label, choice.id)
        self.code = QLineEdit(self)
        self.code.setMaximumWidth(120)
        self.code.setToolTip("Proposed by the app; you may change it. It must be unique in the plan.")
        self.propose_button = QPushButton("Propose", self)
        self.propose_button.setToolTip("Propose the next free code of the results group")
        self.propose_button.setAutoDefault(False)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("What the activity does, in one line")
        group_label, code_label, title_label = (
            QLabel("Results &group", self),
            QLabel("&Code", self),
            QLabel("&Title", self),
        )
        group_label.setBuddy(self.results_group)
        code_label.setBuddy(self.code)
        title_label.setBuddy(self.title_edit)
        top.addWidget(group_label, 0, 0)
        top.addWidget(self.results_group, 0, 1)
        code_row = QHBoxLayout()
        code_row.addWidget(code_label)
        code_row.addWidget(self.code)
        code_row.addWidget(self.propose_button)
        top.addLayout(code_row, 0, 2)
        top.addWidget(title_label, 1, 0)
        top.addWidget(self.title_edit, 1, 1, 1, 2)
        top.setColumnStretch(1, 1)
        self.content.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._description_tab(), "Description")
        self.tabs.addTab(self._agencies_tab(), "Agencies")
        self.tabs.addTab(self._objectives_tab(), "GCM objectives")
        self.tabs.addTab(self._progress_tab(), "Progress and budget")
        self.tabs.addTab(self._markers_tab(), "Markers")
        self.content.addWidget(self.tabs, 1)

        self.results_group.currentIndexChanged.connect(self._on_group_changed)
        self.propose_button.clicked.connect(self._propose)
        self.participating.changed.connect(self._update_tab_titles)
        self.partners.changed.connect(self._update_tab_titles)
        self.objectives.changed.connect(self._update_tab_titles)
        self.title_edit.setFocus()

    def _description_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.description = _text_box(page, 90, "What will be done, with whom, for whom")
        self.location = QLineEdit(page)
        self.location.setPlaceholderText("Provinces, e.g. East Nusa Tenggara; West Java")
        self.start_date = OptionalDateEdit("set", page)
        self.end_date = OptionalDateEdit("set", page)
        self.indicator = QLineEdit(page)
        self.baseline = QLineEdit(page)
        self.target = QLineEdit(page)
        form.addRow("Description", self.description)
        form.addRow("Location", self.location)
        form.addRow("Start date", self.start_date)
        form.addRow("End date", self.end_date)
        form.addRow("Indicator", self.indicator)
        form.addRow("Baseline", self.baseline)
        form.addRow("Target", self.target)
        return page

    def _agencies_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        organisations = wp.organisation_choices(self.db)
        lead_row = QFormLayout()
        self.lead = QComboBox(page)
        self.lead.addItem(NO_LEAD, None)
        for choice in organisations:
            self.lead.addItem(choice.label, choice.id)
        lead_row.addRow("Lead agency (one)", self.lead)
        layout.addLayout(lead_row)
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel("<b>Participating agencies</b>", page))
        self.participating = CheckList(organisations, page, placeholder="Filter organisations…")
        left.addWidget(self.participating, 1)
        right.addWidget(QLabel("<b>Implementing partners</b>", page))
        self.partners = CheckList(organisations, page, placeholder="Filter organisations…")
        right.addWidget(self.partners, 1)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        layout.addLayout(lists, 1)
        layout.addWidget(muted_label("The lead agency is not listed again among the participating agencies.", page))
        return page

    def _objectives_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(muted_label("The objectives of the Global Compact for Migration the activity addresses.", page))
        self.objectives = ObjectivesPicker(wp.objective_choices(self.db), page)
        layout.addWidget(self.objectives, 1)
        return page

    def _progress_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.status = QComboBox(page)
        for status in ActivityStatus:
            self.status.addItem(status.label, status)
        self.progress = QSpinBox(page)
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.setMaximumWidth(110)
        self.status.setMaximumWidth(240)
        self.progress_note = _text_box(page, 80, "What happened in the period reported on")
        self.budget_required = self._money_edit(page)
        self.budget_available = self._money_edit(page)
        self.budget_spent = self._money_edit(page)
        form.addRow("Status", self.status)
        form.addRow("Progress", self.progress)
        form.addRow("Progress note", self.progress_note)
        form.addRow(muted_label("Budget for the year, in US dollars (e.g. 125,000 or 125000.50)", page))
        form.addRow("Required (USD)", self.budget_required)
        form.addRow("Available (USD)", self.budget_available)
        form.addRow("Spent (USD)", self.budget_spent)
        return page

    def _money_edit(self, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(200)
        edit.setPlaceholderText("not known yet")
        return edit

    def _marker_combo(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setMaximumWidth(280)
        combo.addItem(NO_MARKER, None)
        for code, text in MARKER_TEXTS.items():
            combo.addItem(text, code)
        return combo

    def _markers_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.gender_marker = self._marker_combo(page)
        self.gender_note = _text_box(page, 70, "At most three sentences")
        self.human_rights_marker = self._marker_combo(page)
        self.human_rights_note = _text_box(page, 70, "At most three sentences")
        for box in (self.gender_note, self.human_rights_note):
            box.setMaximumHeight(130)
        form.addRow("Gender equality marker", self.gender_marker)
        form.addRow("Justification", self.gender_note)
        form.addRow("Human rights marker", self.human_rights_marker)
        form.addRow("Justification ", self.human_rights_note)
        form.addRow(muted_label("UN INFO asks for each marker code with a short justification (three sentences at most).", page))
        return page

    # -- behaviour ------------------------------------------------------------------------

    def _update_tab_titles(self) -> None:
        agencies = len(self.participating.checked_ids()) + len(self.partners.checked_ids())
        self.tabs.setTabText(self.TAB_AGENCIES, f"Agencies ({agencies})" if agencies else "Agencies")
        objectives = len(self.objectives.checked())
        self.tabs.setTabText(self.TAB_OBJECTIVES, f"GCM objectives ({objectives})" if objectives else "GCM objectives")

    def _group_number(self) -> int:
        return self.results_group.currentData()

    def _propose(self) -> None:
        self._proposed = wp.propose_code(self.db, self.year, self._group_number())
        self.code.setText(self._proposed)

    def _on_group_changed(self, _index: int) -> None:
        # A code the officer typed is theirs; the proposed one follows the group.
        if self.original is None and self.code.text().strip() in ("", self._proposed):
            self._propose()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    @staticmethod
    def _money(value) -> str:
        return "" if value is None else f"{value:,.2f}"

    def _fill(self, a: wp.ActivityData) -> None:
        self.results_group.blockSignals(True)
        self._select(self.results_group, a.results_group)
        self.results_group.blockSignals(False)
        self.code.setText(a.code)
        self.title_edit.setText(a.title)
        self.description.setPlainText(a.description)
        self.location.setText(a.location)
        self.start_date.set_date(a.start_date)
        self.end_date.set_date(a.end_date)
        self.indicator.setText(a.indicator)
        self.baseline.setText(a.baseline)
        self.target.setText(a.target)
        index = self.lead.findData(a.lead_agency_id)
        if index < 0 and a.lead_agency_id is not None:  # an archived organisation: keep it
            self.lead.addItem(f"Organisation #{a.lead_agency_id} (archived)", a.lead_agency_id)
            index = self.lead.count() - 1
        self.lead.setCurrentIndex(max(index, 0))
        self.participating.set_checked(a.participating_agency_ids)
        self.partners.set_checked(a.implementing_partner_ids)
        self.objectives.set_checked(a.objectives)
        self._select(self.status, a.status)
        self.progress.setValue(a.progress_pct or 0)
        self.progress_note.setPlainText(a.progress_note)
        self.budget_required.setText(self._money(a.budget_required))
        self.budget_available.setText(self._money(a.budget_available))
        self.budget_spent.setText(self._money(a.budget_spent))
        self._select(self.gender_marker, a.gender_marker)
        self.gender_note.setPlainText(a.gender_marker_note)
        self._select(self.human_rights_marker, a.human_rights_marker)
        self.human_rights_note.setPlainText(a.human_rights_marker_note)

    def data(self) -> wp.ActivityData:
        """The form as the service takes it (amounts as typed: the service reads and checks them)."""
        values = dict(
            title=self.title_edit.text(),
            results_group=self._group_number(),
            code=self.code.text(),
            description=self.description.toPlainText(),
            lead_agency_id=self.lead.currentData(),
            participating_agency_ids=self.participating.checked_ids(),
            implementing_partner_ids=self.partners.checked_ids(),
            objectives=self.objectives.checked(),
            location=self.location.text(),
            start_date=self.start_date.date(),
            end_date=self.end_date.date(),
            status=self.status.currentData(),
            progress_pct=self.progress.value(),
            indicator=self.indicator.text(),
            baseline=self.baseline.text(),
            target=self.target.text(),
            progress_note=self.progress_note.toPlainText(),
            gender_marker=self.gender_marker.currentData(),
            gender_marker_note=self.gender_note.toPlainText(),
            human_rights_marker=self.human_rights_marker.currentData(),
            human_rights_marker_note=self.human_rights_note.toPlainText(),
            budget_required=self.budget_required.text(),
            budget_available=self.budget_available.text(),
            budget_spent=self.budget_spent.text(),
        )
        if self.original is None:
            return wp.ActivityData(**values)
        return dataclasses.replace(self.original, **values)

    def save(self) -> wp.ActivityData:
        data = self.data()
        if self.original is None or self.original.id is None:
            return wp.create_activity(self.db, self.year, data)
        return wp.update_activity(self.db, self.original.id, data)

    #: Words of a refusal -> the tab holding the field concerned.
    _TAB_WORDS = (
        ("justification", TAB_MARKERS),
        ("marker", TAB_MARKERS),
        ("budget", TAB_PROGRESS),
        ("progress", TAB_PROGRESS),
        ("status", TAB_PROGRESS),
        ("date", TAB_DESCRIPTION),
        ("location", TAB_DESCRIPTION),
        ("agency", TAB_AGENCIES),
        ("partner", TAB_AGENCIES),
        ("objective", TAB_OBJECTIVES),
    )

    def on_refused(self, message: str) -> None:
        text = message.casefold()
        if text.startswith("the code"):
            self.code.setFocus()
            return
        if text.startswith("the title"):
            self.title_edit.setFocus()
            return
        for word, tab in self._TAB_WORDS:
            if word in text:
                self.tabs.setCurrentIndex(tab)
                return
