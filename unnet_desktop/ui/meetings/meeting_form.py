"""The fields of a meeting (shared by the New meeting dialog and the Details tab), the New meeting
dialog and "Plan the year".

The dialogs call the service themselves when OK is clicked: a refusal is shown and the dialog
stays open with everything typed still in it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.enums import Confidentiality, MeetingKind
from ...core.errors import KnownError
from ...core.timezone import to_wib
from ...services import agenda as agenda_service
from ...services import meetings as meetings_service
from ...services.contacts import get_person
from ...services.meeting_views import MeetingDetail, today_wib
from .. import dialogs
from ..widgets import muted_label
from .choosers import PersonField, person_text, working_group_combo
from .common import enum_combo, enum_value, pydate, qdate, qtime_wib, select_data, wib_moment


class MeetingFields(QWidget):
    """Kind, working group, date, times (WIB), reference, title, venue, online link, chair and
    confidentiality. ``values()`` gives them as the services take them."""

    #: The kind, the date or the working group changed: the proposed reference may change.
    proposal_inputs_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, new: bool = True):
        super().__init__(parent)
        self.db = db
        self.new = new
        self._end_day_offset = 0  # a meeting loaded that ends on a later day keeps doing so
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form

        self.kind = enum_combo(MeetingKind, self)
        form.addRow("&Kind:", self.kind)
        self.working_group = working_group_combo(db, self)
        form.addRow("&Working group:", self.working_group)

        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd dd MMM yyyy")
        self.date.setDate(qdate(today_wib()))
        form.addRow("&Date:", self.date)

        times = QHBoxLayout()
        times.setSpacing(6)
        self.start = QTimeEdit(self)
        self.start.setDisplayFormat("HH:mm")
        self.start.setAccessibleName("Starts at")
        self.end = QTimeEdit(self)
        self.end.setDisplayFormat("HH:mm")
        self.end.setAccessibleName("Ends at")
        self.has_end = QCheckBox("ends at", self)
        self.has_end.setChecked(True)
        self.has_end.toggled.connect(self.end.setEnabled)
        times.addWidget(self.start)
        times.addWidget(self.has_end)
        times.addWidget(self.end)
        times.addWidget(QLabel("WIB", self))
        times.addStretch(1)
        form.addRow(self._label("&Time:", self.start), times)

        self.reference = QLineEdit(self)
        self.reference.setMaxLength(40)
        self.reference_note = muted_label("", self)
        reference_box = QVBoxLayout()
        reference_box.setSpacing(2)
        reference_box.addWidget(self.reference)
        reference_box.addWidget(self.reference_note)
        self.reference_note.hide()
        form.addRow(self._label("&Reference:", self.reference), reference_box)

        self.title = QLineEdit(self)
        self.title.setMaxLength(300)
        form.addRow("T&itle:", self.title)
        self.venue = QLineEdit(self)
        self.venue.setPlaceholderText("e.g. UN House, Jakarta")
        self.venue.setMaxLength(300)
        form.addRow("&Venue:", self.venue)
        self.online_link = QLineEdit(self)
        self.online_link.setPlaceholderText("https://… (leave empty for an in-person meeting)")
        self.online_link.setMaxLength(500)
        form.addRow("Online &link:", self.online_link)
        self.chair = PersonField(db, self, what="chair")
        form.addRow("C&hair:", self.chair)
        self.confidentiality = enum_combo(Confidentiality, self)
        form.addRow("Con&fidentiality:", self.confidentiality)

        self.kind.currentIndexChanged.connect(self._on_kind)
        self.date.dateChanged.connect(self.proposal_inputs_changed)
        self.working_group.currentIndexChanged.connect(self.proposal_inputs_changed)
        self._on_kind()
        if new:
            self.set_reference_note("Proposed from the kind and the date; you may change it.")
            self.title.setPlaceholderText("Left empty: the kind and the reference")
            self._apply_default_times()
            chair_id = meetings_service.default_chair_id(db)
            if chair_id is not None:
                self._set_chair(chair_id)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A row label whose mnemonic moves to ``buddy`` (rows holding a layout get none by themselves)."""
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def set_reference_note(self, text: str) -> None:
        self.reference_note.setText(text)
        self.reference_note.setVisible(bool(text))

    def _set_chair(self, person_id: int) -> None:
        try:
            self.chair.set_person(person_id, person_text(get_person(self.db, person_id)))
        except KnownError:
            self.chair.set_person(None)

    # -- kind and default times -----------------------------------------------------------

    def kind_value(self) -> MeetingKind:
        return enum_value(self.kind, MeetingKind)

    def _on_kind(self) -> None:
        is_group = self.kind_value() is MeetingKind.WORKING_GROUP
        self.form.setRowVisible(self.working_group, is_group)
        if self.new and self.kind_value() is MeetingKind.QUARTERLY:
            self._apply_default_times()
        self.proposal_inputs_changed.emit()

    def _apply_default_times(self) -> None:
        starts_at, ends_at = meetings_service.default_times(pydate(self.date.date()))
        self.start.setTime(qtime_wib(starts_at))
        self.end.setTime(qtime_wib(ends_at))
        self.has_end.setChecked(True)

    # -- values ---------------------------------------------------------------------------

    def starts_at(self) -> dt.datetime:
        return wib_moment(pydate(self.date.date()), self.start.time())

    def ends_at(self) -> dt.datetime | None:
        if not self.has_end.isChecked():
            return None
        day = pydate(self.date.date()) + dt.timedelta(days=self._end_day_offset)
        return wib_moment(day, self.end.time())

    def working_group_id(self) -> int | None:
        return self.working_group.currentData() if self.kind_value() is MeetingKind.WORKING_GROUP else None

    def values(self) -> dict:
        """Every field, as ``create_meeting`` / ``update_meeting`` take them (ValidationError
        when the chair typed is nobody in particular)."""
        return {
            "kind": self.kind_value(),
            "working_group_id": self.working_group_id(),
            "starts_at": self.starts_at(),
            "ends_at": self.ends_at(),
            "reference": self.reference.text().strip(),
            "title": self.title.text().strip(),
            "venue": self.venue.text().strip(),
            "online_link": self.online_link.text().strip(),
            "chair_id": self.chair.person_id(),
            "confidentiality": enum_value(self.confidentiality, Confidentiality),
        }

    def load(self, detail: MeetingDetail) -> None:
        """Show a meeting (Details tab)."""
        for widget in (self.kind, self.working_group, self.date):
            widget.blockSignals(True)
        select_data(self.kind, detail.kind)
        select_data(self.working_group, detail.working_group_id)
        self.date.setDate(qdate(detail.date_wib))
        for widget in (self.kind, self.working_group, self.date):
            widget.blockSignals(False)
        self.form.setRowVisible(self.working_group, detail.kind is MeetingKind.WORKING_GROUP)
        self.start.setTime(qtime_wib(detail.starts_at))
        self.has_end.setChecked(detail.ends_at is not None)
        self.end.setEnabled(detail.ends_at is not None)
        if detail.ends_at is not None:
            self.end.setTime(qtime_wib(detail.ends_at))
            self._end_day_offset = (to_wib(detail.ends_at).date() - detail.date_wib).days
        else:
            self._end_day_offset = 0
        self.reference.setText(detail.reference)
        self.title.setText(detail.title)
        self.venue.setText(detail.venue)
        self.online_link.setText(detail.online_link)
        chair = detail.chair
        self.chair.set_person(chair.id if chair else None, chair.with_organisation if chair else "")
        select_data(self.confidentiality, detail.confidentiality)
        for field in (self.title, self.reference, self.venue, self.online_link, self.chair):
            field.setCursorPosition(0)

    def changes(self, detail: MeetingDetail) -> dict:
        """The fields that differ from ``detail`` (what ``update_meeting`` should be given)."""
        values = self.values()
        current = {
            "kind": detail.kind,
            "working_group_id": detail.working_group_id,
            "starts_at": detail.starts_at,
            "ends_at": detail.ends_at,
            "reference": detail.reference,
            "title": detail.title,
            "venue": detail.venue,
            "online_link": detail.online_link,
            "chair_id": detail.chair.id if detail.chair else None,
            "confidentiality": detail.confidentiality,
        }
        return {name: value for name, value in values.items() if value != current[name]}

    def set_locked(self, locked: bool) -> None:
        """Approved minutes: only the confidentiality stays open."""
        for widget in (
            self.kind, self.working_group, self.date, self.start, self.end, self.has_end, self.reference,
            self.title, self.venue, self.online_link, self.chair,
        ):  # fmt: skip
            widget.setEnabled(not locked)
        if not locked:
            self.end.setEnabled(self.has_end.isChecked())


class NewMeetingDialog(QDialog):
    """Kind, date and time, venue and/or link, chair, the proposed reference (refreshed when the
    kind or the date changes unless the officer typed one) and, for a quarterly meeting, the
    standing agenda items. ``meeting_id`` once created."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, day: dt.date | None = None):
        super().__init__(parent)
        self.db = db
        self.meeting_id: int | None = None
        self._reference_typed = False
        self.setWindowTitle("New meeting")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.fields = MeetingFields(db, self, new=True)
        if day is not None:
            self.fields.date.setDate(qdate(day))
        layout.addWidget(self.fields)
        standing = ", ".join(t.lower() for t in agenda_service.standing_items())
        self.standing_items = QCheckBox("Add the standing agenda items", self)
        self.standing_items.setToolTip(standing[:1].upper() + standing[1:])
        self.standing_items.setChecked(True)
        self.standing_note = muted_label(standing[:1].upper() + standing[1:] + ".", self)
        layout.addWidget(self.standing_items)
        layout.addWidget(self.standing_note)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create meeting")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.fields.reference.textEdited.connect(self._on_reference_edited)
        self.fields.proposal_inputs_changed.connect(self.propose_reference)
        self.fields.kind.currentIndexChanged.connect(self._show_standing_items)
        self._show_standing_items()
        self.propose_reference()
        f = self.fields
        chain = (
            f.kind, f.working_group, f.date, f.start, f.has_end, f.end, f.reference, f.title, f.venue,
            f.online_link, f.chair, f.confidentiality, self.standing_items,
        )  # fmt: skip
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        f.kind.setFocus()

    def _on_reference_edited(self, text: str) -> None:
        self._reference_typed = bool(text.strip())
        if not self._reference_typed:
            self.propose_reference()

    def _show_standing_items(self) -> None:
        quarterly = self.fields.kind_value() is MeetingKind.QUARTERLY
        self.standing_items.setVisible(quarterly)
        self.standing_note.setVisible(quarterly)

    def propose_reference(self) -> None:
        """The service's proposal for the kind, date and working group (unless one was typed)."""
        if self._reference_typed:
            return
        f = self.fields
        try:
            reference = meetings_service.propose_reference(
                self.db, f.kind_value(), f.starts_at(), f.working_group_id()
            )
        except KnownError as exc:  # e.g. a working group meeting before the group is chosen
            f.reference.clear()
            f.reference.setPlaceholderText("")
            f.set_reference_note(str(exc))
            return
        f.reference.setText(reference)
        f.set_reference_note("Proposed from the kind and the date; you may change it.")

    def accept(self) -> None:
        try:
            values = self.fields.values()
            self.meeting_id = meetings_service.create_meeting(
                self.db,
                standing_items=self.standing_items.isVisible() and self.standing_items.isChecked(),
                **values,
            )
        except KnownError as exc:
            dialogs.show_error(self, "Meeting not created", str(exc))
            return
        super().accept()


def _weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


class PlanYearDialog(QDialog):
    """The four quarterly meetings of a year on four dates, 14:00-16:00 WIB, each with the
    standing agenda items (``services.meetings.plan_year``). ``meeting_ids`` once created."""

    MONTHS = (3, 6, 9, 12)

    def __init__(self, db: Database, parent: QWidget | None = None, *, year: int | None = None):
        super().__init__(parent)
        self.db = db
        self.meeting_ids: list[int] = []
        self.setWindowTitle("Plan the year")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Create the four quarterly meetings of a year. Each is planned 14:00–16:00 WIB with the "
            "standing agenda items; change any of them afterwards.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        today = today_wib()
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year or (today.year + 1 if today.month >= 10 else today.year))
        form.addRow("&Year:", self.year)
        grid = QGridLayout()
        self.dates: list[QDateEdit] = []
        for n in range(4):
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd dd MMM yyyy")
            edit.setAccessibleName(f"Quarterly meeting {n + 1}")
            grid.addWidget(QLabel(f"Q{n + 1}:", self), n // 2, (n % 2) * 2)
            grid.addWidget(edit, n // 2, (n % 2) * 2 + 1)
            self.dates.append(edit)
        form.addRow("Dates:", grid)
        self.venue = QLineEdit(self)
        self.venue.setPlaceholderText("e.g. UN House, Jakarta")
        form.addRow("&Venue:", self.venue)
        self.online_link = QLineEdit(self)
        self.online_link.setPlaceholderText("https://…")
        form.addRow("Online &link:", self.online_link)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create the four meetings")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(self._default_dates)
        self._default_dates()

    def _default_dates(self) -> None:
        """The middle of March, June, September and December (a weekday), in the year chosen."""
        year = self.year.value()
        for edit, month in zip(self.dates, self.MONTHS):
            edit.setDate(qdate(_weekday_on_or_after(dt.date(year, month, 15))))

    def chosen_dates(self) -> list[dt.date]:
        return [pydate(edit.date()) for edit in self.dates]

    def accept(self) -> None:
        try:
            self.meeting_ids = meetings_service.plan_year(
                self.db,
                self.year.value(),
                self.chosen_dates(),
                venue=self.venue.text(),
                online_link=self.online_link.text(),
            )
        except KnownError as exc:
            dialogs.show_error(self, "Year not planned", str(exc))
            return
        super().accept()


__all__ = ["MeetingFields", "NewMeetingDialog", "PlanYearDialog"]
