"""The form of one library entry: create or edit. The rules (title required, number unique, a date
of issue not in the future unless a draft, an http(s) link...) are the service's: a refusal is shown
at the top of the form, which stays open with what was typed.

The local document is chosen here and copied into the attachments folder when the form is saved
(``attach_file``); "Remove" forgets it (its copy is deleted on save)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import PolicyStatus, PolicyType
from ...core.errors import KnownError
from ...services import policies
from ...services.policies import TAGS, PolicyData
from .. import desktop, dialogs
from ..forms import date_toggle, form_frame, save_cancel_buttons, show_form_error, toggled_date
from ..widgets import muted_label
from . import common
from .common import checked_objectives, objective_list, select_value, value_combo

DOCUMENT_FILTER = "Documents (*.pdf *.doc *.docx *.odt *.rtf *.txt *.html *.htm);;All files (*)"


class PolicyForm(QDialog):
    """``PolicyForm(db, parent)`` creates; ``policy_id=`` edits. ``saved`` gives the id."""

    saved = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None, *, policy_id: int | None = None):
        super().__init__(parent)
        self.db = db
        self.policy_id = policy_id
        data = policies.get_policy(db, policy_id) if policy_id is not None else PolicyData()
        self.data = data
        #: The file chosen to attach on save (None: keep what there is).
        self.pending_file: Path | None = None
        #: True when "Remove" was clicked: the document is detached on save.
        self.remove_file = False
        title = f"Edit {data.display}" if policy_id is not None else "New library entry"
        layout, self.error, form = form_frame(self, title, 860)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        self.title_edit = QLineEdit(data.title, self)
        self.title_edit.setPlaceholderText("e.g. Protection of Indonesian Migrant Workers (required)")
        self.title_edit.setMaxLength(policies.TITLE_MAX)
        self.number_edit = QLineEdit(data.number, self)
        self.number_edit.setPlaceholderText("e.g. Law No. 18/2017")
        self.number_edit.setMaxLength(policies.NUMBER_MAX)
        self.type_combo = value_combo(PolicyType, self)
        select_value(self.type_combo, data.type)
        self.authority_edit = QLineEdit(data.issuing_authority, self)
        self.authority_edit.setPlaceholderText("e.g. House of Representatives (DPR) and the President")
        self.authority_edit.setMaxLength(policies.AUTHORITY_MAX)

        issued, self.issued_check, self.issued_edit = date_toggle("Issued on", data.issued_on, self)

        self.status_combo = value_combo(PolicyStatus, self)
        select_value(self.status_combo, data.status)
        self.language_edit = QLineEdit(data.language, self)
        self.language_edit.setPlaceholderText("e.g. Indonesian, English")
        self.language_edit.setMaxLength(policies.LANGUAGE_MAX)

        self.summary_edit = QPlainTextEdit(data.summary, self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText("What it says on migration, in a few lines for the members")
        self.summary_edit.setMinimumHeight(self.fontMetrics().height() * 6 + 12)

        link = QHBoxLayout()
        self.url_edit = QLineEdit(data.url, self)
        self.url_edit.setPlaceholderText("https://peraturan.bpk.go.id/…")
        self.url_edit.setMaxLength(policies.URL_MAX)
        self.open_link_button = QPushButton("Open link", self)
        self.open_link_button.setToolTip("Open the address in the web browser")
        self.open_link_button.clicked.connect(self.open_link)
        self.url_edit.textChanged.connect(lambda text: self.open_link_button.setEnabled(bool(text.strip())))
        self.open_link_button.setEnabled(bool(data.url))
        link.addWidget(self.url_edit, 1)
        link.addWidget(self.open_link_button)

        document = QHBoxLayout()
        self.file_label = QLabel(self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_file_button = QPushButton("Choose file…", self)
        self.choose_file_button.setToolTip("A copy is kept beside the database, so it travels with it")
        self.choose_file_button.clicked.connect(self.choose_file)
        self.open_file_button = QPushButton("Open", self)
        self.open_file_button.setToolTip("Open the kept copy with the system's program")
        self.open_file_button.clicked.connect(self.open_file)
        self.remove_file_button = QPushButton("Remove", self)
        self.remove_file_button.clicked.connect(self.forget_file)
        document.addWidget(self.file_label, 1)
        for button in (self.choose_file_button, self.open_file_button, self.remove_file_button):
            document.addWidget(button)

        form.addRow("&Title", self.title_edit)
        form.addRow("&Number", self.number_edit)
        form.addRow("T&ype", self.type_combo)
        form.addRow("Issuing &authority", self.authority_edit)
        form.addRow("", issued)
        form.addRow("&Status", self.status_combo)
        form.addRow("&Language", self.language_edit)
        form.addRow("Su&mmary", self.summary_edit)
        form.addRow(_buddy("&Web link", self.url_edit), link)
        form.addRow(_buddy("Local &file", self.choose_file_button), document)
        columns.addLayout(form, 3)

        right = QVBoxLayout()
        tags = QGroupBox("Tags (Terms of Reference B.3)", self)
        tags_layout = QVBoxLayout(tags)
        self.tag_checks: dict[str, QCheckBox] = {}
        for key, label in TAGS.items():
            check = QCheckBox(label, tags)
            check.setChecked(bool(getattr(data, key)))
            tags_layout.addWidget(check)
            self.tag_checks[key] = check
        right.addWidget(tags)
        right.addWidget(muted_label("GCM objectives it addresses:", self))
        self.objectives = objective_list(self, data.objectives)
        right.addWidget(self.objectives, 1)
        columns.addLayout(right, 2)
        layout.addLayout(columns, 1)

        self.buttons, self.save_button = save_cancel_buttons(self, layout)
        self._show_file()
        for edit in (self.title_edit, self.number_edit, self.authority_edit, self.language_edit, self.url_edit):
            edit.setCursorPosition(0)
        self.title_edit.setFocus()

    # -- the document ---------------------------------------------------------------------

    def _show_file(self) -> None:
        if self.pending_file is not None:
            self.file_label.setText(f"{self.pending_file.name} (copied when saved)")
        elif self.data.file_name and not self.remove_file:
            self.file_label.setText(Path(self.data.file_name).name)
        else:
            self.file_label.setText("No file kept")
        has_copy = bool(self.data.file_name) and not self.remove_file and self.pending_file is None
        self.open_file_button.setEnabled(has_copy or self.pending_file is not None)
        self.remove_file_button.setEnabled(has_copy or self.pending_file is not None)
        self.choose_file_button.setText("Replace file…" if has_copy else "Choose file…")

    def choose_file(self) -> None:
        path = dialogs.ask_open_path(self, "Choose the document to keep", Path.home(), DOCUMENT_FILTER)
        if path is None:
            return
        self.pending_file = Path(path)
        self.remove_file = False
        self._show_file()

    def forget_file(self) -> None:
        if self.pending_file is not None:
            self.pending_file = None
        else:
            self.remove_file = True
        self._show_file()

    def open_file(self) -> None:
        if self.pending_file is not None:
            path = self.pending_file
        else:
            try:
                path = policies.attachment_path(self.db, self.policy_id) if self.policy_id is not None else None
            except KnownError as exc:
                dialogs.show_error(self, "Cannot open the file", str(exc))
                return
        if path is not None and not desktop.open_with_system(path):
            dialogs.show_error(self, "Cannot open the file", f"No program on this computer opens {path.name}.")

    def open_link(self) -> None:
        try:
            url = policies.normalise_url(self.url_edit.text())
        except KnownError as exc:
            dialogs.show_error(self, "Cannot open the link", str(exc))
            return
        if url and not common.open_link(url):
            dialogs.show_error(self, "Cannot open the link", f"No web browser could open {url}.")

    # -- saving ---------------------------------------------------------------------------

    def form_data(self) -> PolicyData:
        return PolicyData(
            title=self.title_edit.text(),
            number=self.number_edit.text(),
            type=PolicyType.from_value(self.type_combo.currentData()),
            issuing_authority=self.authority_edit.text(),
            issued_on=toggled_date(self.issued_check, self.issued_edit),
            status=PolicyStatus.from_value(self.status_combo.currentData()),
            language=self.language_edit.text(),
            summary=self.summary_edit.toPlainText(),
            url=self.url_edit.text(),
            objectives=checked_objectives(self.objectives),
            **{key: check.isChecked() for key, check in self.tag_checks.items()},
        )

    def _fail(self, text: str) -> None:
        show_form_error(self.error, text)

    def save(self) -> None:
        data = self.form_data()
        try:
            if self.policy_id is None:
                self.data = policies.create_policy(self.db, data)
                self.policy_id = self.data.id
                self.setWindowTitle(f"Edit {self.data.display}")
            else:
                self.data = policies.update_policy(self.db, self.policy_id, data)
        except KnownError as exc:
            self._fail(str(exc))
            return
        try:
            if self.pending_file is not None:
                self.data = policies.attach_file(self.db, self.policy_id, self.pending_file)
                self.pending_file = None
            elif self.remove_file and self.data.file_name:
                self.data = policies.detach_file(self.db, self.policy_id)
            self.remove_file = False
        except KnownError as exc:
            # The entry itself is saved: say so, and keep the form open on the file.
            self._show_file()
            self.saved.emit(self.policy_id)
            self._fail(f"The entry is saved, but not its file: {exc}")
            return
        self.saved.emit(self.policy_id)
        self.accept()


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose shortcut letter goes to ``widget`` (rows holding a layout have none)."""
    label = QLabel(text, widget.parentWidget())
    label.setBuddy(widget)
    return label


__all__ = ["DOCUMENT_FILTER", "PolicyForm"]
