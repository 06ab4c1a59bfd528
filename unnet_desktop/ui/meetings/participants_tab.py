"""The participants: add people one by one (a search over the contact directory) or a whole
distribution list; set role, invitation, attendance and remote for every selected row at once;
live counts by attendance, by sex and by organisation category (``attendance_summary``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import Attendance, InvitationStatus, ParticipantRole
from ...services import participants as participants_service
from ...services.meeting_views import AttendanceSummary, MeetingDetail, ParticipantRow
from .. import dialogs
from ..table_model import Column, RecordTableModel
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, Card, muted_label
from .choosers import PersonField, distribution_list_combo, fill_distribution_lists
from .common import (
    FAILED,
    MUTED_COLOUR,
    WARNING_COLOUR,
    attempt,
    enum_combo,
    list_table,
    plural,
    set_column_widths,
    set_note,
)

ATTENDANCE_COLOURS = {
    Attendance.PRESENT: GOOD_COLOUR,
    Attendance.APOLOGIES: WARNING_COLOUR,
    Attendance.ABSENT: ALERT_COLOUR,
    Attendance.UNKNOWN: MUTED_COLOUR,
}


LOCKED_NOTE = "The minutes are approved: who attended is locked. The invitation status can still be changed."


class ParticipantModel(RecordTableModel[ParticipantRow]):
    NAME, ORGANISATION, SEX, ROLE, INVITATION, ATTENDANCE = range(6)
    columns = (
        Column("Name", lambda p: p.name, tooltip=lambda p: "\n".join(x for x in (p.name, p.position, p.email) if x)),
        Column(
            "Organisation",
            lambda p: p.organisation_short,
            tooltip=lambda p: f"{p.organisation}\n{p.category_label}" if p.organisation else p.category_label,
        ),
        Column("Sex", lambda p: p.sex.label),
        Column("Role", lambda p: p.role.label, tooltip=lambda p: p.role.label),
        Column("Invitation", lambda p: p.invitation.label),
        Column(
            "Attendance",
            lambda p: f"{p.attendance.label} · remote" if p.remote else p.attendance.label,
            sort=lambda p: (p.attendance.value, p.remote),
            colour=lambda p: ATTENDANCE_COLOURS.get(p.attendance),
        ),
    )

    def rows_of(self, ids: set[int]) -> list[int]:
        return [row for row, record in enumerate(self._records) if record.id in ids]


def summary_html(summary: AttendanceSummary) -> str:
    """The counts as a few lines and a small table (rich text for one QLabel)."""
    if not summary.invited:
        return "<i>No participants yet.</i>"
    remote = f" ({summary.remote} remotely)" if summary.remote else ""
    lines = [
        f"<b>{summary.invited}</b> invited",
        f"<b>{summary.present}</b> present{remote}",
        f"<b>{summary.apologies}</b> apologies",
        f"<b>{summary.absent}</b> absent",
    ]
    if summary.unknown:
        lines.append(f"<b>{summary.unknown}</b> not yet recorded")
    sexes = "".join(
        f"<tr><td>{escape(sex.label)}</td><td align='right'>{summary.present_by_sex.get(sex, 0)}</td>"
        f"<td align='right'>{n}</td></tr>"
        for sex, n in summary.invited_by_sex.items()
        if n
    )
    categories = "".join(
        f"<tr><td>{escape(category.label if category else 'No organisation')}</td>"
        f"<td align='right'>{summary.present_by_category.get(category, 0)}</td><td align='right'>{n}</td></tr>"
        for category, n in summary.invited_by_category.items()
    )
    head = "<tr><th align='left'>{}</th><th align='right'>&nbsp;Present</th><th align='right'>&nbsp;Invited</th></tr>"
    table = "<table cellspacing='0' cellpadding='2' width='100%'>{}</table>"
    return (
        "<br>".join(lines)
        + f"<p><b>Present:</b> {escape(summary.sex_text)}</p>"
        + table.format(head.format("By sex") + sexes)
        + "<p></p>"
        + table.format(head.format("By category") + categories)
    )


class ParticipantsTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.detail: MeetingDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)

        self.add_row = QWidget(self)
        add = QHBoxLayout(self.add_row)
        add.setContentsMargins(0, 0, 0, 0)
        add.setSpacing(6)
        self.person = PersonField(
            db, self, pick_and_clear=True, placeholder="Add a person: type a name or an organisation…"
        )
        self.person.setAccessibleName("Add a person")
        self.person.person_chosen.connect(self.add_person)
        self.role = enum_combo(ParticipantRole, self)
        self.role.setToolTip("The role of the people added")
        self.lists = distribution_list_combo(db, self)
        self.lists.setAccessibleName("Distribution list")
        self.add_list_button = QPushButton("Add the &list", self)
        self.add_list_button.setToolTip("Add everyone on the distribution list (archived people left out)")
        self.add_list_button.clicked.connect(self.add_list)
        add.addWidget(self.person, 3)
        add.addWidget(QLabel("as", self))
        add.addWidget(self.role)
        add.addSpacing(12)
        add.addWidget(QLabel("or everyone on", self))
        add.addWidget(self.lists, 2)
        add.addWidget(self.add_list_button)
        layout.addWidget(self.add_row)
        self.note = muted_label("", self)
        self.note.hide()
        layout.addWidget(self.note)

        middle = QHBoxLayout()
        middle.setSpacing(16)
        self.model = ParticipantModel(self)
        self.view = list_table(self, multi=True)
        self.view.setAccessibleName("Participants")
        self.view.setModel(self.model)
        set_column_widths(
            self.view,
            {
                ParticipantModel.ORGANISATION: "Kemnaker",
                ParticipantModel.SEX: "Female",
                ParticipantModel.ROLE: "Guest speaker",
                ParticipantModel.INVITATION: "Not sent",
                ParticipantModel.ATTENDANCE: "Present · remote",
            },
            stretch=ParticipantModel.NAME,
        )
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selection())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        middle.addWidget(self.view, 1)
        self.summary_card = Card("Counts", self)
        self.summary_card.setFixedWidth(260)
        self.summary = QLabel(self.summary_card)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary_card.body.addWidget(self.summary)
        self.summary_card.body.addStretch(1)
        middle.addWidget(self.summary_card)
        layout.addLayout(middle, 1)

        bulk = QHBoxLayout()
        bulk.setSpacing(6)
        self.selection_label = muted_label("", self, wrap=False)
        bulk.addWidget(self.selection_label)
        self.present_button = QPushButton("&Present", self)
        self.apologies_button = QPushButton("Apolo&gies", self)
        self.absent_button = QPushButton("A&bsent", self)
        self.present_button.clicked.connect(lambda: self.set_selected(attendance=Attendance.PRESENT))
        self.apologies_button.clicked.connect(lambda: self.set_selected(attendance=Attendance.APOLOGIES))
        self.absent_button.clicked.connect(lambda: self.set_selected(attendance=Attendance.ABSENT))
        self.remote_button = QPushButton("Remote", self)
        self.remote_button.setToolTip("Joined online")
        self.remote_button.clicked.connect(lambda: self.set_selected(remote=True))
        self.in_person_button = QPushButton("In person", self)
        self.in_person_button.clicked.connect(lambda: self.set_selected(remote=False))
        self.role_button = QPushButton("Role", self)
        self.role_button.setMenu(self._menu("role", ParticipantRole))
        self.invitation_button = QPushButton("Invitation", self)
        self.invitation_button.setMenu(self._menu("invitation", InvitationStatus))
        self.remove_button = QPushButton("Remove…", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.bulk_buttons = (
            self.present_button, self.apologies_button, self.absent_button, self.remote_button,
            self.in_person_button, self.role_button, self.invitation_button, self.remove_button,
        )  # fmt: skip
        for button in self.bulk_buttons:
            bulk.addWidget(button)
        bulk.addStretch(1)
        layout.addLayout(bulk)
        self.remove_action = QAction("Remove from the meeting…", self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.view.addAction(self.remove_action)

    def _menu(self, field: str, enum_cls) -> QMenu:
        menu = QMenu(self)
        for member in enum_cls:
            action = menu.addAction(member.label)
            action.setData(member)
            action.triggered.connect(lambda _checked=False, m=member: self.set_selected(**{field: m}))
        return menu

    # -- showing --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.detail is not None and self.detail.locked

    def set_detail(self, detail: MeetingDetail) -> None:
        same = self.detail is not None and self.detail.id == detail.id
        keep = set(self.selected_ids()) if same else set()
        self.detail = detail
        if not same:
            set_note(self.note, "")
            fill_distribution_lists(self.db, self.lists)
        self.model.set_records(detail.participants)
        self._reselect(keep)
        self.summary.setText(summary_html(participants_service.attendance_summary(self.db, detail.id)))
        self.add_row.setVisible(not detail.locked)
        if detail.locked:
            set_note(self.note, LOCKED_NOTE)
        elif self.note.text() == LOCKED_NOTE:
            set_note(self.note, "")
        self._show_selection()

    def _reselect(self, ids: set[int]) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        rows = self.model.rows_of(ids)
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.record(row).id for row in rows]

    def _show_selection(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.selection_label.setText(
            f"{plural(count, 'person', 'people')} selected:" if count else "Select people to set:"
        )
        for button in self.bulk_buttons:
            button.setEnabled(bool(count) and (button is self.invitation_button or not self.locked))
        self.remove_action.setEnabled(bool(count) and not self.locked)

    # -- changes --------------------------------------------------------------------------

    def add_person(self, person_id: int) -> None:
        if self.detail is None:
            return
        result = attempt(
            self, "Participant not added", participants_service.add_people,
            self.db, self.detail.id, [person_id], self.role.currentData(),
        )  # fmt: skip
        if result is FAILED:
            return
        set_note(self.note, "Added." if result.added else "That person is already on the meeting.")
        self.changed.emit()

    def add_list(self) -> None:
        list_id = self.lists.currentData()
        if self.detail is None or list_id is None:
            return
        result = attempt(
            self, "List not added", participants_service.add_distribution_list,
            self.db, self.detail.id, int(list_id), self.role.currentData(),
        )  # fmt: skip
        if result is FAILED:
            return
        set_note(self.note, f"{self.lists.currentText()}: {result.text}.")
        self.changed.emit()

    def set_selected(self, **values) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        done = attempt(self, "Participants not changed", participants_service.set_participation, self.db, ids, **values)
        if done is FAILED:
            return
        self.changed.emit()

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if not dialogs.confirm(
            self, "Remove participants", f"Take {plural(len(ids), 'person', 'people')} off this meeting?"
        ):
            return
        if attempt(self, "Participants not removed", participants_service.remove_participants, self.db, ids) is FAILED:
            return
        self.changed.emit()

    def _context_menu(self, pos) -> None:
        if not self.selected_ids():
            return
        menu = QMenu(self)
        for member in Attendance:
            action = menu.addAction(member.label)
            action.setEnabled(not self.locked)
            action.triggered.connect(lambda _checked=False, m=member: self.set_selected(attendance=m))
        menu.addSeparator()
        for text, remote in (("Joined remotely", True), ("Joined in person", False)):
            action = menu.addAction(text)
            action.setEnabled(not self.locked)
            action.triggered.connect(lambda _checked=False, r=remote: self.set_selected(remote=r))
        menu.addSeparator()
        role_menu = menu.addMenu("Role")
        role_menu.setEnabled(not self.locked)
        for member in ParticipantRole:
            role_menu.addAction(member.label).triggered.connect(
                lambda _checked=False, m=member: self.set_selected(role=m)
            )
        invitation_menu = menu.addMenu("Invitation")
        for member in InvitationStatus:
            invitation_menu.addAction(member.label).triggered.connect(
                lambda _checked=False, m=member: self.set_selected(invitation=m)
            )
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))


__all__ = ["ParticipantModel", "ParticipantsTab", "summary_html"]
