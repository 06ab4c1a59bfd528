"""The files of a meeting: Word minutes, participant list (Excel), calendar invitation (.ics) and
an unsent e-mail draft (.eml). Each asks where to write (``dialogs.ask_save_path``), writes in the
background (``ui.tasks.run_task``: a file open in another program is said in a message), then
offers to open what it wrote in the system's program (``ui.desktop.open_with_system``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.errors import KnownError
from ...files import invitation_ics, minutes_docx, participants_xlsx
from ...files.email_draft import DraftResult, What, export_email
from ...services import preferences
from ...services.distribution_lists import list_distribution_lists
from ...services.meeting_views import MeetingDetail
from .. import dialogs, file_actions
from ..tasks import Task
from ..widgets import Card, muted_label, scrolled_content
from .common import FAILED, attempt, plural

EXPORT_FOLDER = "meetings/export_folder"
WORD_FILTER = "Word documents (*.docx)"
EXCEL_FILTER = "Excel workbooks (*.xlsx)"
CALENDAR_FILTER = "Calendar files (*.ics)"
EMAIL_FILTER = "E-mail drafts (*.eml)"
TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"
WHAT_LABELS = {
    What.MINUTES: "The minutes",
    What.INVITATION: "The invitation",
    What.PARTICIPANTS: "The participant list",
}


def _safe(reference: str) -> str:
    """A reference as part of a file name (as the file writers name their files)."""
    return "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in reference).strip(" .") or "meeting"


def email_filename(detail: MeetingDetail, what: What) -> str:
    return f"E-mail {what.value} {_safe(detail.reference)}.eml"


def _home_documents() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class ExportsTab(QWidget):
    """Four cards, one per file. ``exported`` gives the path of each file written."""

    exported = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: MeetingDetail | None = None
        self.last_task: Task | None = None
        content = scrolled_content(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)

        # Word minutes
        self.minutes_card = Card("Word minutes", content)
        self.minutes_text = QLabel(self.minutes_card)
        self.minutes_text.setWordWrap(True)
        self.minutes_card.body.addWidget(self.minutes_text)
        self.template_text = muted_label("", self.minutes_card)
        self.minutes_card.body.addWidget(self.template_text)
        template_row = QHBoxLayout()
        self.template_button = QPushButton("Office template…", self.minutes_card)
        self.template_button.setToolTip("Write the minutes on your office's own Word template (letterhead)")
        self.template_button.clicked.connect(self.choose_template)
        self.default_template_button = QPushButton("Use the default template", self.minutes_card)
        self.default_template_button.clicked.connect(self.default_template)
        template_row.addWidget(self.template_button)
        template_row.addWidget(self.default_template_button)
        template_row.addStretch(1)
        self.minutes_card.body.addLayout(template_row)
        self.minutes_card.body.addStretch(1)
        self.minutes_button = QPushButton("Write the &Word minutes…", self.minutes_card)
        self.minutes_button.clicked.connect(self.export_minutes)
        self.minutes_card.body.addWidget(self.minutes_button)
        grid.addWidget(self.minutes_card, 0, 0)

        # Participant list
        self.participants_card = Card("Participant list", content)
        self.participants_text = QLabel(self.participants_card)
        self.participants_text.setWordWrap(True)
        self.participants_card.body.addWidget(self.participants_text)
        self.no_personal = QCheckBox("Leave out e-mail and phone", self.participants_card)
        self.no_personal.setToolTip("For a list shared beyond the secretariat")
        self.participants_card.body.addWidget(self.no_personal)
        self.participants_card.body.addStretch(1)
        self.participants_button = QPushButton("Write the &participant list…", self.participants_card)
        self.participants_button.clicked.connect(self.export_participants)
        self.participants_card.body.addWidget(self.participants_button)
        grid.addWidget(self.participants_card, 0, 1)

        # Calendar invitation
        self.invitation_card = Card("Calendar invitation", content)
        self.invitation_text = QLabel(self.invitation_card)
        self.invitation_text.setWordWrap(True)
        self.invitation_card.body.addWidget(self.invitation_text)
        self.invitation_card.body.addStretch(1)
        self.invitation_button = QPushButton("Write the &invitation…", self.invitation_card)
        self.invitation_button.clicked.connect(self.export_invitation)
        self.invitation_card.body.addWidget(self.invitation_button)
        grid.addWidget(self.invitation_card, 1, 0)

        # E-mail draft
        self.email_card = Card("E-mail draft", content)
        self.email_text = QLabel(
            "An unsent message with the file attached, to open in your mail program. Nothing is sent from here.",
            self.email_card,
        )
        self.email_text.setWordWrap(True)
        self.email_card.body.addWidget(self.email_text)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.email_what = QComboBox(self.email_card)
        for what, label in WHAT_LABELS.items():
            self.email_what.addItem(label, what)
        self.email_what.currentIndexChanged.connect(self._show_email_options)
        form.addRow("&Send:", self.email_what)
        self.email_to = QComboBox(self.email_card)
        form.addRow("&To:", self.email_to)
        self.email_card.body.addLayout(form)
        self.email_no_personal = QCheckBox("Leave out e-mail and phone in the attached list", self.email_card)
        self.email_card.body.addWidget(self.email_no_personal)
        self.email_card.body.addStretch(1)
        self.email_button = QPushButton("Write the &e-mail draft…", self.email_card)
        self.email_button.clicked.connect(self.export_email)
        self.email_card.body.addWidget(self.email_button)
        grid.addWidget(self.email_card, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.note = muted_label("", content)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._show_email_options()

    # -- showing --------------------------------------------------------------------------

    def set_detail(self, detail: MeetingDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        self.detail = detail
        if not same:
            self.note.clear()
        marking = minutes_docx.marking_text(detail)
        self.minutes_text.setText(
            f"{minutes_docx.status_line(detail)}."
            + (f" Each page is marked “{marking}”." if marking else "")
            + f" {plural(len(detail.agenda), 'agenda item')}, {plural(len(detail.action_points), 'action point')}."
        )
        self._show_template()
        summary = detail.summary
        self.participants_text.setText(
            f"{plural(summary.invited, 'participant')} ({summary.present} present), with a summary sheet of the "
            "counts by sex, attendance and organisation category; printable on landscape pages."
        )
        self.participants_button.setEnabled(bool(detail.participants))
        with_email = sum(1 for p in detail.participants if p.email)
        self.invitation_text.setText(
            f"{detail.long_when}, Asia/Jakarta time. For Outlook, Google Calendar and Thunderbird, "
            f"{plural(with_email, 'invited person', 'invited people')} as attendees."
            + (" Write it again after the meeting moves: calendars replace the old one." if detail.ics_sequence else "")
        )
        current = self.email_to.currentData()
        self.email_to.clear()
        self.email_to.addItem(f"The participants ({with_email} with an e-mail address)", None)
        for row in list_distribution_lists(self.db):
            self.email_to.addItem(f"{row.name} ({row.member_count})", row.name)
        self.email_to.setCurrentIndex(max(self.email_to.findData(current), 0))

    def _show_template(self) -> None:
        try:
            template = preferences.word_template()
        except KnownError as exc:
            self.template_text.setText(str(exc))
            self.default_template_button.setEnabled(True)
            return
        default = template == preferences.default_word_template()
        self.template_text.setText(
            "Template: the one shipped with the app." if default else f"Template: {template}"
        )
        self.template_text.setToolTip(str(template))
        self.default_template_button.setEnabled(not default)

    def _show_email_options(self) -> None:
        self.email_no_personal.setVisible(What(self.email_what.currentData()) is What.PARTICIPANTS)

    # -- writing --------------------------------------------------------------------------

    def _folder(self) -> Path:
        return file_actions.last_folder(EXPORT_FOLDER, _home_documents)

    def _write(
        self, title: str, name: str, name_filter: str, label: str, fn: Callable[..., Any], *args: Any,
        done: Callable[[Any, Path], str], **kwargs: Any,
    ) -> Task | None:  # fmt: skip
        """Ask where, write in the background (``fn(*args, path, **kwargs)``), then offer to open the file."""
        path = file_actions.choose_save_path(self, title, self._folder() / name, name_filter, folder_key=EXPORT_FOLDER)
        if path is None:
            return None

        def written(_result: Any, path: Path) -> None:
            self.note.setText(f"Written: {path}")
            self.exported.emit(path)

        self.note.setText(f"Writing {path.name}…")
        self.last_task = file_actions.write_then_offer(
            self, path, label, fn, *args, title=title, question=done, on_written=written, **kwargs
        )
        self.last_task.errored.connect(lambda _exc: self.note.setText(f"{path.name} was not written."))
        return self.last_task

    @staticmethod
    def _open_question(_result: Any, path: Path) -> str:
        return f"{path.name} was written in {path.parent}.\n\nOpen it now?"

    def export_minutes(self) -> Task | None:
        if self.detail is None:
            return None
        return self._write(
            "Word minutes", minutes_docx.default_filename(self.detail), WORD_FILTER, "Writing the minutes…",
            minutes_docx.export_minutes, self.db, self.detail.id, done=self._open_question,
        )  # fmt: skip

    def export_participants(self) -> Task | None:
        if self.detail is None:
            return None
        return self._write(
            "Participant list", participants_xlsx.default_filename(self.detail), EXCEL_FILTER,
            "Writing the participant list…", participants_xlsx.export_participants, self.db, self.detail.id,
            personal=not self.no_personal.isChecked(), done=self._open_question,
        )  # fmt: skip

    def export_invitation(self) -> Task | None:
        if self.detail is None:
            return None
        return self._write(
            "Calendar invitation", invitation_ics.default_filename(self.detail), CALENDAR_FILTER,
            "Writing the invitation…", invitation_ics.export_invitation, self.db, self.detail.id,
            done=self._open_question,
        )  # fmt: skip

    def export_email(self) -> Task | None:
        if self.detail is None:
            return None
        what = What(self.email_what.currentData())

        def question(result: DraftResult, path: Path) -> str:
            to = plural(len(result.recipients), "recipient")
            return (
                f"The draft to {to}, with {result.attachment} attached, was written in {path.parent}."
                "\n\nOpen it in your mail program?"
            )

        return self._write(
            "E-mail draft", email_filename(self.detail, what), EMAIL_FILTER, "Writing the e-mail draft…",
            export_email, self.db, self.detail.id, what, to=self.email_to.currentData(),
            personal=not (what is What.PARTICIPANTS and self.email_no_personal.isChecked()), done=question,
        )  # fmt: skip

    # -- template -------------------------------------------------------------------------

    def choose_template(self) -> None:
        path = dialogs.ask_open_path(self, "Word template for the minutes", self._folder(), TEMPLATE_FILTER)
        if path is None:
            return
        if attempt(self, "Template not set", preferences.set_word_template, path) is FAILED:
            return
        self._show_template()

    def default_template(self) -> None:
        preferences.set_word_template(None)
        self._show_template()


__all__ = ["ExportsTab", "email_filename"]
