"""The Working groups page: the Network's permanent and ad-hoc groups in a list; the chosen one's
purpose, GCM objectives, lead and co-lead, dates, members (added through a people search), its
meetings and its open action points; create, edit, close; the member list exported to Excel.

Everything goes through ``services.working_groups`` (the status, active or closed, is derived
there from the closing date)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.errors import KnownError
from ...core.timezone import format_wib
from ...services import working_groups as wg
from ...services import workplans as wp
from ...services.dashboard import today_wib
from .. import dialogs
from ..file_actions import export_with_progress, last_folder, written_to
from ..table_model import ID_ROLE, Column, RecordTableModel
from ..tasks import Task
from ..widgets import ALERT_COLOUR, GOOD_COLOUR, Badge, Card, PageHeader, muted_label, scaled_font, table_height_for_rows
from ..workplans.common import (
    WORKBOOK_NOT_OPENED,
    XLSX_FILTER,
    DateDialog,
    compact_table,
    date_text,
    open_tracked,
    plural,
    select_row,
)
from ..workplans.group_form import PeopleSearchDialog, WorkingGroupDialog

CLOSED_COLOUR = "#757575"
KIND_COLOUR = "#546e7a"
LAST_FOLDER = "workplans/last_folder"


class GroupsModel(RecordTableModel[wg.WorkingGroupRow]):
    NAME, KIND, STATUS, LEAD, CO_LEAD, MEMBERS = range(6)
    columns = (
        Column("Name", lambda g: g.name, tooltip=lambda g: f"{g.name} ({g.short_name})"),
        Column("Kind", lambda g: g.kind_label),
        Column(
            "Status",
            lambda g: g.status_label,
            colour=lambda g: GOOD_COLOUR if g.status == wg.ACTIVE else CLOSED_COLOUR,
            tooltip=lambda g: f"Closed on {g.closed_on:%d %b %Y}" if g.closed_on else None,
        ),
        Column("Lead", lambda g: g.lead_organisation),
        Column("Co-lead", lambda g: g.co_lead_organisation),
        Column("Members", lambda g: str(g.members), sort=lambda g: g.members, align_right=True),
    )


def _member_tooltip(m: wg.MemberRow) -> str:
    lines = [m.name, m.position, m.organisation_name, m.email, m.phone]
    if m.archived:
        lines.append("Archived in the contacts")
    return "\n".join(x for x in lines if x)


class MembersModel(RecordTableModel[wg.MemberRow]):
    NAME, ORGANISATION, POSITION = range(3)
    columns = (
        Column("Name", lambda m: m.name + (" (archived)" if m.archived else ""), tooltip=_member_tooltip),
        Column("Organisation", lambda m: m.organisation, tooltip=lambda m: m.organisation_name or None),
        Column("Position", lambda m: m.position, tooltip=_member_tooltip),
    )

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < self.rowCount():
            return self.record(index.row()).person_id
        return super().data(index, role)


class MeetingsModel(RecordTableModel[wg.GroupMeetingRow]):
    REFERENCE, WHEN, TITLE, STATUS = range(4)
    columns = (
        Column("Reference", lambda m: m.reference),
        Column("Date (WIB)", lambda m: format_wib(m.starts_at).removesuffix(" WIB"), sort=lambda m: m.starts_at),
        Column("Title", lambda m: m.title, tooltip=lambda m: m.title),
        Column("Status", lambda m: m.status_label, tooltip=lambda m: f"Minutes: {m.minutes_status.label}"),
    )


class ActionPointsModel(RecordTableModel[wg.GroupActionRow]):
    DUE, DESCRIPTION, RESPONSIBLE, MEETING = range(4)
    columns = (
        Column(
            "Due",
            lambda a: date_text(a.due_date, "no date"),
            sort=lambda a: a.due_date,
            colour=lambda a: ALERT_COLOUR if a.overdue else None,
            tooltip=lambda a: "Overdue" if a.overdue else None,
        ),
        Column("Action point", lambda a: a.description, tooltip=lambda a: f"{a.description}\n({a.status_label})"),
        Column(
            "Responsible",
            lambda a: " · ".join(x for x in (a.responsible_organisation, a.responsible_person) if x) or "Not assigned",
        ),
        Column("Meeting", lambda a: a.meeting_reference),
    )


class _ListCard(Card):
    """A card with a table, or a sentence when the table would be empty."""

    def __init__(self, title: str, model: RecordTableModel, stretch: int, empty: str, parent: QWidget):
        super().__init__(title, parent)
        self.base_title = title
        self.model = model
        self.view = compact_table(model, stretch, self)
        self.view.setMinimumHeight(80)
        self.empty = muted_label(empty, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.body.addWidget(self.stack, 1)

    def set_records(self, records) -> None:
        self.model.set_records(records)
        count = self.model.rowCount()
        self.title.setText(f"{self.base_title} ({count})" if count else self.base_title)
        self.stack.setCurrentWidget(self.view if count else self.empty)


class WorkingGroupsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.rows: list[wg.WorkingGroupRow] = []
        self.objective_labels = {c.id: c.label for c in wp.objective_choices(db)}
        #: The dialog and background task last started (tests look at them).
        self.group_dialog: WorkingGroupDialog | None = None
        self.people_dialog: PeopleSearchDialog | None = None
        self.date_dialog: DateDialog | None = None
        self.task: Task | None = None
        self._build()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 14)
        outer.setSpacing(10)
        self.header = PageHeader(
            "Working groups", "Permanent and ad-hoc groups of the Network on specific GCM objectives", self
        )
        outer.addWidget(self.header)

        bar = QHBoxLayout()
        self.new_button = QPushButton("&New group…", self)
        self.edit_button = QPushButton("&Edit…", self)
        self.close_button = QPushButton("Close group…", self)
        self.export_button = QPushButton("E&xport members…", self)
        self.export_button.setToolTip("The member list of the group as an Excel workbook")
        self.show_closed = QCheckBox("Show closed groups", self)
        self.show_closed.setChecked(True)
        for button in (self.new_button, self.edit_button, self.close_button, self.export_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.show_closed)
        outer.addLayout(bar)

        self.model = GroupsModel(self)
        self.view = compact_table(self.model, GroupsModel.NAME, self)
        self.view.setMinimumHeight(60)

        self.details_stack = QStackedWidget(self)
        self.nothing = muted_label("Choose a working group in the list to see its members, meetings and action points.", self)
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details_stack.addWidget(self.nothing)
        self.details_stack.addWidget(self._details())

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details_stack)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        outer.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.new_group)
        self.edit_button.clicked.connect(self.edit_group)
        self.close_button.clicked.connect(self.close_or_reopen)
        self.export_button.clicked.connect(self.export_members)
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.view.doubleClicked.connect(lambda _index: self.edit_group())

    def _details(self) -> QWidget:
        # No scroll area: the three lists share the height and scroll inside themselves.
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(10)

        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        self.name_label = QLabel(panel)
        self.name_label.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.short_label = muted_label("", panel, wrap=False)
        self.kind_badge = Badge("", KIND_COLOUR, panel)
        self.status_badge = Badge("", GOOD_COLOUR, panel)
        title_row.addWidget(self.name_label)
        title_row.addWidget(self.short_label)
        title_row.addWidget(self.kind_badge)
        title_row.addWidget(self.status_badge)
        title_row.addStretch(1)
        layout.addLayout(title_row)

        about = QHBoxLayout()
        about.setSpacing(24)
        self.purpose = QLabel(panel)
        self.purpose.setWordWrap(True)
        self.purpose.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.purpose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        about.addWidget(self.purpose, 3)
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(3)
        self.facts: dict[str, QLabel] = {}
        for row, caption in enumerate(("Lead", "Co-lead", "Established", "Closed", "GCM objectives")):
            label = muted_label(caption, panel, wrap=False)
            value = QLabel(panel)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
            self.facts[caption] = value
        facts.setColumnStretch(1, 1)
        about.addLayout(facts, 2)
        layout.addLayout(about)

        lists = QHBoxLayout()
        lists.setSpacing(12)
        self.members_card = _ListCard(
            "Members",
            MembersModel(self),
            MembersModel.POSITION,
            "No members yet. Add them with “Add members…”.",
            panel,
        )
        self.add_member_button = QPushButton("&Add members…", self.members_card)
        self.remove_member_button = QPushButton("Remove", self.members_card)
        self.remove_member_button.setToolTip("Remove the chosen person from the group (they stay in the contacts)")
        self.members_card.header.addWidget(self.add_member_button)
        self.members_card.header.addWidget(self.remove_member_button)
        self.members_card.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        right = QVBoxLayout()
        right.setSpacing(12)
        self.meetings_card = _ListCard(
            "Meetings", MeetingsModel(self), MeetingsModel.TITLE, "The group has held no meeting yet.", panel
        )
        self.actions_card = _ListCard(
            "Open action points",
            ActionPointsModel(self),
            ActionPointsModel.DESCRIPTION,
            "No open action point from the group's meetings.",
            panel,
        )
        self.actions_card.view.horizontalHeader().setSectionResizeMode(
            ActionPointsModel.RESPONSIBLE, QHeaderView.ResizeMode.Interactive
        )
        self.actions_card.view.setColumnWidth(ActionPointsModel.RESPONSIBLE, 120)
        right.addWidget(self.meetings_card, 1)
        right.addWidget(self.actions_card, 1)
        lists.addWidget(self.members_card, 1)
        lists.addLayout(right, 1)
        layout.addLayout(lists, 1)

        self.add_member_button.clicked.connect(self.add_members)
        self.remove_member_button.clicked.connect(self.remove_member)
        # Convenience aliases (tests).
        self.members_model: MembersModel = self.members_card.model
        self.meetings_model: MeetingsModel = self.meetings_card.model
        self.actions_model: ActionPointsModel = self.actions_card.model
        return panel

    # -- data -----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.selected_group_id()
        self.rows = wg.list_working_groups(self.db, include_closed=self.show_closed.isChecked())
        self.model.set_records(self.rows)
        self._fit_list()
        count_active = sum(1 for r in self.rows if r.status == wg.ACTIVE)
        self.header.set_subtitle(
            "Permanent and ad-hoc groups of the Network on specific GCM objectives · "
            f"{plural(count_active, 'active group')}"
            + (f", {len(self.rows) - count_active} closed" if len(self.rows) > count_active else "")
        )
        if chosen is None or not self.select_group(chosen):
            if self.rows:
                self.select_group(self.rows[0].id)
            else:
                self._show_selected()

    def _fit_list(self) -> None:
        """The list as tall as its groups (2 to 8 rows); the details take the rest."""
        total = sum(self.splitter.sizes()) or 600
        wanted = table_height_for_rows(self.view, min(max(self.model.rowCount(), 2), 8))
        self.splitter.setSizes([wanted, max(total - wanted, 200)])

    def selected_group_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).id if rows else None

    def selected_row(self) -> wg.WorkingGroupRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_group(self, group_id: int) -> bool:
        for row, record in enumerate(self.model.records()):
            if record.id == group_id:
                select_row(self.view, self.model.index(row, 0))
                return True
        return False

    def _show_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            if self.rows:
                text = "Choose a working group in the list to see its members, meetings and action points."
            elif self.show_closed.isChecked():
                text = "No working group yet. Create the first one with “New group…”."
            else:
                text = "No active working group. Tick “Show closed groups” to see the closed ones."
            self.nothing.setText(text)
            self.details_stack.setCurrentWidget(self.nothing)
            self._update_buttons()
            return
        self.details_stack.setCurrentIndex(1)
        self.name_label.setText(row.name)
        self.short_label.setText(row.short_name)
        self.kind_badge.set_badge(row.kind_label, KIND_COLOUR)
        self.status_badge.set_badge(row.status_label, GOOD_COLOUR if row.status == wg.ACTIVE else CLOSED_COLOUR)
        self.purpose.setText(row.purpose or "No purpose written yet.")
        self.facts["Lead"].setText(row.lead_organisation or "—")
        self.facts["Co-lead"].setText(row.co_lead_organisation or "—")
        self.facts["Established"].setText(date_text(row.established_on, "—"))
        self.facts["Closed"].setText(date_text(row.closed_on, "—"))
        objectives = [self.objective_labels.get(n, str(n)) for n in row.objectives]
        self.facts["GCM objectives"].setText("\n".join(objectives) or "—")
        self.members_card.set_records(wg.group_members(self.db, row.id))
        self.meetings_card.set_records(wg.group_meetings(self.db, row.id))
        self.actions_card.set_records(wg.group_open_action_points(self.db, row.id))
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        chosen = row is not None
        for button in (self.edit_button, self.close_button, self.export_button):
            button.setEnabled(chosen)
        closed = chosen and row.status == wg.CLOSED
        self.close_button.setText("Reopen…" if closed else "Close group…")
        self.add_member_button.setEnabled(chosen and not closed)
        self.add_member_button.setToolTip("Reopen the group to add members" if closed else "")
        self.remove_member_button.setEnabled(chosen and bool(self.members_card.view.selectionModel().selectedRows()))

    # -- groups ---------------------------------------------------------------------------

    def new_group(self) -> WorkingGroupDialog:
        return self._open_group(None)

    def edit_group(self) -> WorkingGroupDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        try:
            data = wg.get_working_group(self.db, row.id)
        except KnownError as exc:
            dialogs.show_error(self, "Cannot edit the group", str(exc))
            self.refresh()
            return None
        return self._open_group(data)

    def _open_group(self, data: wg.WorkingGroupData | None) -> WorkingGroupDialog:
        dialog = WorkingGroupDialog(self.db, data, self)
        dialog.saved.connect(self._group_saved)
        return open_tracked(self, "group_dialog", dialog)

    def _group_saved(self, data: wg.WorkingGroupData) -> None:
        if data.closed_on is not None and not self.show_closed.isChecked():
            self.show_closed.setChecked(True)  # refreshes
        self.refresh()
        self.select_group(data.id)

    def close_or_reopen(self) -> DateDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        if row.status == wg.CLOSED:
            if dialogs.confirm(
                self,
                "Reopen the working group",
                f"Reopen {row.name}? Its closing date ({date_text(row.closed_on)}) is cleared.",
            ):
                try:
                    wg.update_working_group(self.db, row.id, closed_on=None)
                except KnownError as exc:
                    dialogs.show_error(self, "Group not reopened", str(exc))
                self.refresh()
            return None
        group_id = row.id
        dialog = DateDialog(
            "Close the working group",
            f"The day {row.name} closes. It shows as closed from that day on; its members, meetings "
            "and action points stay on record.",
            lambda day: wg.close_working_group(self.db, group_id, day),
            self,
            initial=today_wib(),
            ok_text="Close group",
        )
        dialog.error_title = "Group not closed"
        dialog.saved.connect(self._group_saved)
        return open_tracked(self, "date_dialog", dialog)

    # -- members --------------------------------------------------------------------------

    def add_members(self) -> PeopleSearchDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = PeopleSearchDialog(self.db, row.id, row.name, self)
        group_id = row.id
        dialog.saved.connect(lambda _added: self._members_changed(group_id))
        return open_tracked(self, "people_dialog", dialog)

    def _members_changed(self, group_id: int) -> None:
        self.refresh()
        self.select_group(group_id)

    def remove_member(self) -> None:
        row = self.selected_row()
        chosen = self.members_card.view.selectionModel().selectedRows()
        if row is None or not chosen:
            return
        member = self.members_model.record(chosen[0].row())
        try:
            wg.remove_member(self.db, row.id, member.person_id)
        except KnownError as exc:
            dialogs.show_error(self, "Member not removed", str(exc))
        self._members_changed(row.id)

    # -- Excel ----------------------------------------------------------------------------

    def export_members(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        from ...files.working_group_xlsx import export_working_group

        task = export_with_progress(
            self,
            f"Export the members of {row.short_name}",
            last_folder(LAST_FOLDER) / f"Members {row.short_name}.xlsx",
            XLSX_FILTER,
            export_working_group,
            self.db,
            row.name,
            label=f"Writing the member list of {row.short_name}…",
            done_title="Member list exported",
            question=lambda result, _path: written_to(
                f"The member list of {result.group} ({plural(result.members, 'member')})", result.path
            ),
            folder_key=LAST_FOLDER,
            not_opened=WORKBOOK_NOT_OPENED,
        )
        if task is not None:
            self.task = task
