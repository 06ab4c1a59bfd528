"""The Library page (issue 7, point 1): the regulations and policies the secretariat collects and
shares with the members (Terms of Reference B.3).

Search as you type across title, number and summary; filters by type, status, tag and GCM
objective (all done in SQL by ``services.policies.search_policies``); the entry selected shown
beside the list with its web link and its kept file (opened with the system's programs) and the
meetings it was presented at; the form to add or change an entry."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import PolicyStatus, PolicyType
from ...core.errors import KnownError
from ...core.reference_data import GCM_OBJECTIVES
from ...services import policies
from ...services.policies import TAGS, PolicyRow
from .. import desktop, dialogs
from ..contacts.common import make_table, plural, set_column_widths, show_status
from ..library import common
from ..library.common import value_combo
from ..library.form import DOCUMENT_FILTER, PolicyForm
from ..library.model import STATUS_COLOURS, PolicyModel
from ..table_model import ID_ROLE
from ..widgets import Badge, Card, PageHeader, muted_label, scaled_font

TAG_COLOUR = "#5e35b1"
#: The tags as badges, short enough for three side by side (the tooltip says them in full).
TAG_SHORT_LABELS = {"human_rights_based": "Human rights", "age_appropriate": "Age", "gender_responsive": "Gender"}


class LibraryPage(QWidget):
    """The policy and regulation library."""

    SEARCH_DELAY_MS = 150

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The form opened last (tests drive it).
        self.form: PolicyForm | None = None
        self._build()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(12)

        top = QHBoxLayout()
        self.header = PageHeader(
            "Library",
            "Migration regulations and policies to share with the members: human rights-based, "
            "age-appropriate and gender-responsive",
            self,
        )
        top.addWidget(self.header, 1)
        self.new_button = QPushButton("&New entry…", self)
        self.new_button.setToolTip("Add a regulation or policy to the library (Ctrl+N)")
        self.new_button.clicked.connect(self.new_policy)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search title, number and summary")
        self.search.setToolTip("Every word typed must be found in the title, the number or the summary (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.type_filter = value_combo(PolicyType, self, any_label="Any type")
        self.status_filter = value_combo(PolicyStatus, self, any_label="Any status")
        self.tag_filter = QComboBox(self)
        self.tag_filter.addItem("Any tag", None)
        for key, label in TAGS.items():
            self.tag_filter.addItem(label, key)
        self.objective_filter = QComboBox(self)
        self.objective_filter.addItem("Any GCM objective", None)
        for number, text, short in GCM_OBJECTIVES:
            self.objective_filter.addItem(f"{number}. {short}", number)
            self.objective_filter.setItemData(self.objective_filter.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        for combo, chars in ((self.type_filter, 14), (self.objective_filter, 16)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
        self.objective_filter.setMaxVisibleItems(24)
        filters.addWidget(self.search, 1)
        for combo in (self.type_filter, self.status_filter, self.tag_filter, self.objective_filter):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setToolTip("Show every entry again")
        self.clear_button.clicked.connect(self.clear_filters)
        filters.addWidget(self.clear_button)
        layout.addLayout(filters)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_policy)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        self.model = PolicyModel(self)
        self.view = make_table(left, multi=False)
        self.view.setAccessibleName("Library entries")
        self.view.setModel(self.model)
        set_column_widths(
            self.view,
            {
                PolicyModel.NUMBER: 20,
                PolicyModel.TITLE: 40,
                PolicyModel.TYPE: 18,
                PolicyModel.STATUS: 9,
                PolicyModel.ISSUED: 12,
                PolicyModel.TAGS: 17,
                PolicyModel.OBJECTIVES: 9,
                PolicyModel.PRESENTED: 9,
            },
        )
        # The type, the objectives, the presentations and the document are in the panel beside the
        # list (and in the filters): the list keeps room for the titles.
        for column in (PolicyModel.TYPE, PolicyModel.OBJECTIVES, PolicyModel.PRESENTED, PolicyModel.DOCUMENT):
            self.view.setColumnHidden(column, True)
        self.view.horizontalHeader().setSectionResizeMode(PolicyModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.doubleClicked.connect(lambda _index: self.edit_policy())
        self.view.activated.connect(lambda _index: self.edit_policy())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        left_layout.addWidget(self.view, 1)
        self.count_label = muted_label("", left)
        left_layout.addWidget(self.count_label)
        self.detail = self._build_detail(splitter)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 320])
        layout.addWidget(splitter, 1)

    def _build_detail(self, parent: QWidget) -> Card:
        card = Card("", parent)
        card.setMinimumWidth(320)
        self.detail_status = Badge("", parent=card)
        card.header.addWidget(self.detail_status)
        self.detail_title = QLabel(card)
        self.detail_title.setWordWrap(True)
        self.detail_title.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_facts = QLabel(card)
        self.detail_facts.setWordWrap(True)
        self.detail_facts.setTextFormat(Qt.TextFormat.RichText)
        tags = QHBoxLayout()
        tags.setSpacing(6)
        self.tag_badges: dict[str, Badge] = {}
        for key, label in TAGS.items():
            badge = Badge(TAG_SHORT_LABELS[key], TAG_COLOUR, card)
            badge.setToolTip(label)
            tags.addWidget(badge)
            self.tag_badges[key] = badge
        tags.addStretch(1)
        self.detail_objectives = muted_label("", card)
        self.detail_summary = QLabel(card)
        self.detail_summary.setWordWrap(True)
        self.detail_summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        link = QHBoxLayout()
        self.link_label = muted_label("", card, wrap=False)
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_link_button = QPushButton("Open link", card)
        self.open_link_button.setToolTip("Open the web link in the browser")
        self.open_link_button.clicked.connect(self.open_link)
        link.addWidget(self.link_label, 1)
        link.addWidget(self.open_link_button)
        document = QHBoxLayout()
        self.file_label = muted_label("", card, wrap=False)
        self.open_file_button = QPushButton("Open", card)
        self.open_file_button.setToolTip("Open the kept copy with the system's program")
        self.open_file_button.clicked.connect(self.open_file)
        self.attach_button = QPushButton("Attach file…", card)
        self.attach_button.setToolTip("Keep a copy of the document beside the database")
        self.attach_button.clicked.connect(self.attach_file)
        document.addWidget(self.file_label, 1)
        document.addWidget(self.open_file_button)
        document.addWidget(self.attach_button)
        self.detail_presented = muted_label("", card)
        self.detail_presented.setTextFormat(Qt.TextFormat.RichText)

        buttons = QHBoxLayout()
        self.edit_button = QPushButton("&Edit…", card)
        self.edit_button.clicked.connect(self.edit_policy)
        self.delete_button = QPushButton("Delete…", card)
        self.delete_button.clicked.connect(self.delete_policy)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        self.detail_empty = muted_label("Select an entry to see it here.", card)
        self.detail_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._detail_widgets = [
            self.detail_title, self.detail_facts, self.detail_objectives, self.detail_summary, self.link_label,
            self.open_link_button, self.file_label, self.open_file_button, self.attach_button,
            self.detail_presented, self.edit_button, self.delete_button, self.detail_status,
            *self.tag_badges.values(),
        ]  # fmt: skip
        card.body.addWidget(self.detail_empty)
        card.body.addWidget(self.detail_title)
        card.body.addWidget(self.detail_facts)
        card.body.addLayout(tags)
        card.body.addWidget(self.detail_objectives)
        card.body.addWidget(self.detail_summary)
        card.body.addSpacing(4)
        card.body.addLayout(link)
        card.body.addLayout(document)
        card.body.addWidget(self.detail_presented)
        card.body.addStretch(1)
        card.body.addLayout(buttons)
        return card

    # -- data -----------------------------------------------------------------------------

    def filters(self) -> dict:
        return {
            "type": self.type_filter.currentData(),
            "status": self.status_filter.currentData(),
            "tag": self.tag_filter.currentData(),
            "objective": self.objective_filter.currentData(),
        }

    def refresh(self, select_id: int | None = None) -> None:
        self._timer.stop()
        keep = select_id if select_id is not None else self.current_id()
        rows = policies.search_policies(self.db, self.search.text(), **self.filters())
        self.model.set_records(rows)
        total = len(policies.search_policies(self.db)) if self._filtered() else len(rows)
        if self._filtered():
            self.count_label.setText(f"{plural(len(rows), 'entry', 'entries')} of {total} match.")
        else:
            self.count_label.setText(plural(total, "entry", "entries") + " in the library.")
        row = self.model.row_of(keep)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.select_row(row)
        self._show_selected()

    def _filtered(self) -> bool:
        return bool(self.search.text().strip()) or any(v is not None for v in self.filters().values())

    def clear_filters(self) -> None:
        for combo in (self.type_filter, self.status_filter, self.tag_filter, self.objective_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh()

    def select_row(self, row: int) -> None:
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def current_row(self) -> PolicyRow | None:
        index = self.view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _show_selected(self) -> None:
        row = self.current_row()
        self.detail_empty.setVisible(row is None)
        if row is None:
            self.detail.title.hide()
            self.detail_empty.setText(
                "No entry matches the search."
                if self._filtered()
                else "The library is empty. Add the first entry with New entry…"
            )
            for widget in self._detail_widgets:
                widget.hide()
            return
        for widget in self._detail_widgets:
            widget.show()
        self.detail.title.setText(row.type_label)
        self.detail.title.show()
        self.detail_status.set_badge(row.status_label, STATUS_COLOURS.get(row.status.value, "#546e7a"))
        self.detail_title.setText(row.display)
        facts = []
        if row.issuing_authority:
            facts.append(f"Issued by {escape(row.issuing_authority)}")
        if row.issued_on:
            facts.append(f"on {row.issued_on:%d %B %Y}" if facts else f"Issued on {row.issued_on:%d %B %Y}")
        line = " ".join(facts)
        if row.language:
            line = f"{line} · {escape(row.language)}" if line else escape(row.language)
        self.detail_facts.setText(line)
        self.detail_facts.setVisible(bool(line))
        for key, badge in self.tag_badges.items():
            badge.setVisible(key in row.tags)
        objectives = {n: short for n, _text, short in GCM_OBJECTIVES}
        self.detail_objectives.setText(
            "GCM objectives: " + "; ".join(f"{n}. {objectives.get(n, '')}" for n in row.objectives)
            if row.objectives
            else "No GCM objective recorded."
        )
        self.detail_summary.setText(row.summary or "No summary yet.")
        self.link_label.setText(row.url or "No web link")
        self.link_label.setToolTip(row.url)
        self.open_link_button.setEnabled(bool(row.url))
        self.file_label.setText(row.file_label or "No file kept")
        self.file_label.setToolTip(row.file_label)
        self.open_file_button.setEnabled(row.has_file)
        self.attach_button.setText("Replace file…" if row.has_file else "Attach file…")
        self._show_presentations(row)

    def _show_presentations(self, row: PolicyRow) -> None:
        if not row.presentations:
            self.detail_presented.setText("Not yet presented at a meeting.")
            return
        shown = policies.presentations(self.db, row.id)
        lines = [f"{escape(p.reference)} ({p.date_wib:%d %b %Y}): {escape(p.item_title)}" for p in shown[-5:]]
        more = len(shown) - len(lines)
        self.detail_presented.setText(
            "<b>Presented at</b><br>" + "<br>".join(lines) + (f"<br>and {more} earlier" if more > 0 else "")
        )

    # -- actions --------------------------------------------------------------------------

    def _open_form(self, form: PolicyForm) -> PolicyForm:
        self.form = form
        form.saved.connect(lambda policy_id: self.refresh(select_id=policy_id))
        form.open()
        return form

    def new_policy(self) -> PolicyForm:
        return self._open_form(PolicyForm(self.db, self))

    def edit_policy(self) -> PolicyForm | None:
        policy_id = self.current_id()
        if policy_id is None:
            return None
        try:
            form = PolicyForm(self.db, self, policy_id=policy_id)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot open the entry", str(exc))
            self.refresh()
            return None
        return self._open_form(form)

    def delete_policy(self) -> None:
        row = self.current_row()
        if row is None:
            return
        extra = ""
        if row.presentations:
            extra = f" It is taken off the {plural(row.presentations, 'agenda item')} it was presented under."
        if row.has_file:
            extra += " Its kept copy of the document is deleted."
        if not dialogs.confirm(self, "Delete the entry", f"Delete “{row.display}” from the library?{extra}"):
            return
        try:
            policies.delete_policy(self.db, row.id)
        except KnownError as exc:
            dialogs.show_error(self, "Entry not deleted", str(exc))
            return
        show_status(self, f"Deleted {row.display}.")
        self.refresh()

    def open_link(self) -> None:
        row = self.current_row()
        if row is not None and row.url and not common.open_link(row.url):
            dialogs.show_error(self, "Cannot open the link", f"No web browser could open {row.url}.")

    def open_file(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            path = policies.attachment_path(self.db, row.id)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot open the file", str(exc))
            return
        if path is not None and not desktop.open_with_system(path):
            dialogs.show_error(self, "Cannot open the file", f"No program on this computer opens {path.name}.")

    def attach_file(self) -> None:
        row = self.current_row()
        if row is None:
            return
        source = dialogs.ask_open_path(self, "Choose the document to keep", "", DOCUMENT_FILTER)
        if source is None:
            return
        try:
            policies.attach_file(self.db, row.id, source)
        except KnownError as exc:
            dialogs.show_error(self, "File not kept", str(exc))
            return
        show_status(self, f"A copy of {source.name} is kept with {row.display}.")
        self.refresh(select_id=row.id)


__all__ = ["LibraryPage"]
