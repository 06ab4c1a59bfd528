"""Pages whose full screens arrive in later releases: each says what it will hold, and what the
open database already contains for it, so the sidebar never leads to an empty screen."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...core.database import Database
from ...services.maintenance import database_info
from ..widgets import Card, PageHeader, muted_label


class PlaceholderPage(QWidget):
    """A page that describes itself. Subclasses set the class attributes."""

    title = ""
    intro = ""
    features: tuple[str, ...] = ()
    #: (table name, singular, plural): the records already in the database for this page.
    counts: tuple[tuple[str, str, str], ...] = ()
    MAX_WIDTH = 900

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        page = QWidget(scroll)
        scroll.setWidget(page)
        row = QHBoxLayout(page)
        row.setContentsMargins(28, 20, 28, 20)
        # Lines of a readable length on a wide screen.
        content = QWidget(page)
        content.setMaximumWidth(self.MAX_WIDTH)
        row.addWidget(content, 1)
        row.addStretch(0)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(PageHeader(self.title, self.intro, content))

        self.holdings = Card("Already in this database", content)
        self.holdings_text = QLabel(self.holdings)
        self.holdings_text.setWordWrap(True)
        self.holdings.body.addWidget(self.holdings_text)
        layout.addWidget(self.holdings)

        plan = Card("What this page will hold", content)
        items = "".join(f"<li style='margin-bottom:6px'>{escape(f)}</li>" for f in self.features)
        self.features_text = QLabel(f"<ul style='margin-left:-20px'>{items}</ul>", plan)
        self.features_text.setTextFormat(Qt.TextFormat.RichText)
        self.features_text.setWordWrap(True)
        plan.body.addWidget(self.features_text)
        plan.body.addWidget(
            muted_label(
                "The full screen arrives in a later release of unnet_desktop. The records it works "
                "on are already kept in this database.",
                plan,
            )
        )
        layout.addWidget(plan)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if not self.counts:
            self.holdings.hide()
            return
        tables = database_info(self.db)["tables"]
        parts = []
        for table, singular, plural in self.counts:
            number = tables.get(table, 0)
            parts.append(f"<b>{number:,}</b> {singular if number == 1 else plural}")
        self.holdings_text.setText(", ".join(parts) + ".")


class ContactsPlaceholderPage(PlaceholderPage):
    title = "Contacts"
    intro = (
        "The directory of everyone the Network works with: member agencies and their focal points, "
        "government counterparts, civil society, migrant and diaspora organisations, academia, media "
        "and development partners."
    )
    features = (
        "Organisations filtered by category and network role, members and observers marked, with their "
        "focal point and alternate.",
        "People searched as you type across name, organisation, position, email and phone; archived "
        "people hidden unless asked for.",
        "Distribution lists such as “Network members (focal points)” and “UN Country Team”.",
        "Contact lists exported to Excel, and attendance sheets imported from Excel with a preview first.",
    )
    counts = (
        ("organisations", "organisation", "organisations"),
        ("people", "person", "people"),
        ("distribution_lists", "distribution list", "distribution lists"),
    )


class MeetingsPlaceholderPage(PlaceholderPage):
    title = "Meetings"
    intro = (
        "Quarterly, ad-hoc and annual meetings of the Network and of its working groups: agenda, "
        "invitations, attendance, minutes and decisions."
    )
    features = (
        "Meetings by year, kind and status, with their reference (2025-Q2), date and time in WIB and "
        "minutes status.",
        "Agendas with presenters, durations and GCM objectives; participants with invitation and attendance.",
        "Minutes typed per agenda item and saved as you type, from draft to approved.",
        "Minutes in Word, participant lists in Excel, calendar invitations and e-mail drafts.",
    )
    counts = (
        ("meetings", "meeting", "meetings"),
        ("agenda_items", "agenda item", "agenda items"),
        ("participations", "participant record", "participant records"),
    )


class ActionPointsPlaceholderPage(PlaceholderPage):
    title = "Action points"
    intro = (
        "Every action point agreed at every meeting, followed up with the organisations and people "
        "responsible."
    )
    features = (
        "One list across meetings, filtered by status, responsible organisation, meeting and working "
        "group; overdue points marked.",
        "Status, due date and completion note edited in place, for many points at once if needed.",
        "Excel trackers for field offices, imported back with conflicts shown before anything changes.",
    )
    counts = (("action_points", "action point", "action points"),)


class WorkPlansPlaceholderPage(PlaceholderPage):
    title = "Work plans"
    intro = (
        "The Network's annual work plans, built from the migration-related parts of the four UNSDCF "
        "results groups and shared with the Resident Coordinator's Office."
    )
    features = (
        "Activities by results group with lead and participating agencies, GCM objectives, markers, "
        "budget and progress, in the fields UN INFO asks for.",
        "Totals per results group and per lead agency, and the funding gap.",
        "GCM coverage: which of the 23 objectives the year's activities address, and which none do.",
        "Work plans exported to Excel for the agencies and imported back with their updates.",
    )
    counts = (
        ("work_plans", "work plan", "work plans"),
        ("activities", "activity", "activities"),
    )


class WorkingGroupsPlaceholderPage(PlaceholderPage):
    title = "Working groups"
    intro = "The Network's permanent and ad-hoc working groups on specific GCM objectives."
    features = (
        "Each group's purpose, GCM objectives, lead and co-lead organisations, members and dates.",
        "The group's meetings and its open action points.",
        "Member lists exported to Excel.",
    )
    counts = (
        ("working_groups", "working group", "working groups"),
        ("working_group_members", "group member", "group members"),
    )
