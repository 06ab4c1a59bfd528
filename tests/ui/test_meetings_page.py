"""The Meetings page driven like the officer does: clicks and keystrokes on the real widgets,
the dialogs patched, the database checked through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from unnet_desktop.core.enums import Attendance, MeetingKind, MinutesStatus
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import agenda as agenda_service
from unnet_desktop.services import contacts
from unnet_desktop.services import meetings as meetings_service
from unnet_desktop.services import minutes as minutes_service
from unnet_desktop.services import participants as participants_service
from unnet_desktop.services.distribution_lists import add_members, find_distribution_list
from unnet_desktop.services.meeting_views import meeting_detail, today_wib
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.meetings import prompts
from unnet_desktop.ui.meetings.common import pydate, qdate
from unnet_desktop.ui.meetings.meeting_list import MeetingListModel
from unnet_desktop.ui.meetings.meeting_view import MeetingView
from unnet_desktop.ui.pages.meetings import MeetingsPage

LEFT = Qt.MouseButton.LeftButton


# -- helpers -----------------------------------------------------------------------------------


@pytest.fixture
def make_page(qtbot):
    def make(db) -> MeetingsPage:
        page = MeetingsPage(db)
        qtbot.addWidget(page)
        page.resize(1000, 750)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text() if hasattr(widget, "text") else widget
    qtbot.mouseClick(widget, LEFT)


def click_tab(qtbot, page: MeetingsPage, index: int) -> None:
    bar = page.meeting.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert page.meeting.tabs.currentIndex() == index


def click_row(qtbot, view: QTableView, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), LEFT, modifier, rect.center())


def column(model, col: int) -> list[str]:
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def person_id(db, name: str) -> int:
    (row,) = contacts.search_people(db, name)
    return row.id


def past_quarterly(db, days_ago: int = 14, **kwargs) -> int:
    day = today_wib() - dt.timedelta(days=days_ago)
    starts_at, ends_at = meetings_service.default_times(day)
    return meetings_service.create_meeting(
        db, kind=MeetingKind.QUARTERLY, starts_at=starts_at, ends_at=ends_at, **kwargs
    )


# -- the whole meeting -------------------------------------------------------------------------


def test_a_whole_meeting_from_new_to_the_word_minutes(
    qtbot, make_page, sample_db, dialog_calls, monkeypatch, tmp_path
):
    db = sample_db
    team = find_distribution_list(db, "UN Country Team")
    members = [person_id(db, n) for n in ("Dewi Lestari", "Arief Nugroho", "Sari Wulandari", "Budi Santoso")]
    add_members(db, team.id, members)
    page = make_page(db)
    held_on = today_wib() - dt.timedelta(days=14)

    # 1. Ctrl+N on the list: the New meeting dialog, a quarterly meeting at 14:00-16:00 WIB.
    page.list.view.setFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.new_dialog
    assert dialog is not None and dialog.isVisible()
    fields = dialog.fields
    assert fields.kind_value() is MeetingKind.QUARTERLY
    assert (fields.start.time().toString("HH:mm"), fields.end.time().toString("HH:mm")) == ("14:00", "16:00")
    assert dialog.standing_items.isVisible() and dialog.standing_items.isChecked()
    fields.date.setDate(qdate(held_on))
    starts_at = wib(held_on.year, held_on.month, held_on.day, 14)
    expected_reference = meetings_service.propose_reference(db, MeetingKind.QUARTERLY, starts_at)
    assert fields.reference.text() == expected_reference
    qtbot.keyClicks(fields.title, "Quarterly meeting on fair recruitment")
    qtbot.keyClicks(fields.venue, "UN House, Jakarta")
    qtbot.keyClicks(fields.chair, "Yusuf Hakim")  # one person found: taken as the chair
    click(qtbot, dialog.ok_button)

    assert not dialog.isVisible()
    meeting_id = meetings_service.find_meeting(db, expected_reference)
    detail = meeting_detail(db, meeting_id)
    assert detail.title == "Quarterly meeting on fair recruitment"
    assert detail.venue == "UN House, Jakarta"
    assert detail.chair is not None and detail.chair.name == "Mr Yusuf Hakim"
    assert detail.when.endswith("14:00–16:00 WIB")
    assert [a.title for a in detail.agenda] == agenda_service.standing_items()
    # The new meeting is open on its agenda.
    assert page.showing_meeting() and page.meeting.tabs.currentIndex() == MeetingView.AGENDA

    # 2. Agenda: add an item (typed, Enter), move it above "Any other business", give it a duration and an objective.
    agenda = page.meeting.agenda
    qtbot.keyClicks(agenda.new_title, "Fair recruitment: the new placement rules")
    qtbot.keyClick(agenda.new_title, Qt.Key.Key_Return)
    assert agenda.model.rowCount() == 5
    assert agenda.current_item().title == "Fair recruitment: the new placement rules"
    click(qtbot, agenda.up_button)
    titles = [a.title for a in agenda_service.list_agenda(db, meeting_id)]
    assert titles[3:] == ["Fair recruitment: the new placement rules", "Any other business"]
    agenda.duration.selectAll()
    qtbot.keyClicks(agenda.duration, "45")
    qtbot.keyClick(agenda.duration, Qt.Key.Key_Return)
    agenda.objectives.item(5).setCheckState(Qt.CheckState.Checked)  # objective 6, as a click on its box
    item = agenda_service.list_agenda(db, meeting_id)[3]
    assert item.duration_minutes == 45
    assert [n for n, _label in item.objectives] == [6]
    assert "45 of 120 min" in agenda.timing.text()

    # 3. Participants: the whole UN Country Team list, then three of them marked present.
    click_tab(qtbot, page, MeetingView.PARTICIPANTS)
    tab = page.meeting.participants
    tab.lists.setCurrentIndex(tab.lists.findData(team.id))
    click(qtbot, tab.add_list_button)
    assert tab.model.rowCount() == 4
    assert "4 added" in tab.note.text()
    click_row(qtbot, tab.view, 0)
    click_row(qtbot, tab.view, 2, Qt.KeyboardModifier.ShiftModifier)
    assert "3 people selected" in tab.selection_label.text()
    click(qtbot, tab.present_button)
    summary = participants_service.attendance_summary(db, meeting_id)
    assert (summary.invited, summary.present, summary.unknown) == (4, 3, 1)
    assert "<b>3</b> present" in tab.summary.text()
    assert len(tab.selected_ids()) == 3  # the selection survives the change

    # 4. Minutes: typed into the discussion of the new item, saved by itself after a pause.
    click_tab(qtbot, page, MeetingView.MINUTES)
    minutes = page.meeting.minutes
    minutes.items.setCurrentRow(3)
    qtbot.mouseClick(minutes.discussion.viewport(), LEFT)
    qtbot.keyClicks(minutes.discussion, "BP2MI presented the new placement rules.")
    assert minutes.has_unsaved_text()
    qtbot.waitUntil(
        lambda: meeting_detail(db, meeting_id).agenda[3].discussion == "BP2MI presented the new placement rules.",
        timeout=3000,
    )
    qtbot.waitUntil(lambda: "Draft" in minutes.status_badge.text())
    assert meeting_detail(db, meeting_id).minutes_status is MinutesStatus.DRAFT

    # 5. An action point under the item.
    click(qtbot, minutes.add_action_button)
    action_dialog = minutes.action_dialog
    assert action_dialog is not None and action_dialog.isVisible()
    qtbot.keyClicks(action_dialog.description, "Share the placement rules with the members")
    action_dialog.organisation.setCurrentIndex(action_dialog.organisation.findText("IOM", Qt.MatchFlag.MatchStartsWith))
    click(qtbot, action_dialog.ok_button)
    (action,) = minutes_service.list_action_points(db, meeting_id)
    assert action.description == "Share the placement rules with the members"
    assert action.responsible_organisation == "IOM"
    assert action.agenda_item_id == item.id
    assert minutes.action_model.rowCount() == 1

    # 6. Circulated, then approved on a date asked for (patched): the editors lock.
    click(qtbot, minutes.circulate_button)
    assert meeting_detail(db, meeting_id).minutes_status is MinutesStatus.CIRCULATED
    asked = []
    approved_on = held_on + dt.timedelta(days=7)
    monkeypatch.setattr(prompts, "ask_date", lambda *a, **k: asked.append(k) or approved_on)
    click(qtbot, minutes.approve_button)
    assert asked and asked[0]["minimum"] == held_on
    detail = meeting_detail(db, meeting_id)
    assert detail.minutes_status is MinutesStatus.APPROVED and detail.approved_on == approved_on
    assert minutes.discussion.isReadOnly() and minutes.decisions.isReadOnly()
    assert minutes.banner.isVisible() and "locked" in minutes.banner.text()
    assert minutes.reopen_button.isVisible() and not minutes.approve_button.isVisible()
    assert not minutes.add_action_button.isEnabled()
    qtbot.keyClicks(minutes.discussion, " More.")
    assert not minutes.has_unsaved_text()
    assert meeting_detail(db, meeting_id).agenda[3].discussion == "BP2MI presented the new placement rules."

    # 7. The Word minutes: a path asked (patched), written in the background, offered to open.
    click_tab(qtbot, page, MeetingView.FILES)
    files = page.meeting.files
    target = tmp_path / "minutes.docx"
    saved_as, questions, opened = [], [], []
    monkeypatch.setattr(
        dialogs, "ask_save_path", lambda parent, title, suggested, *a, **k: saved_as.append(suggested) or target
    )
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: questions.append(text) or True)
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)
    with qtbot.waitSignal(files.exported, timeout=15000) as written:
        click(qtbot, files.minutes_button)
    assert written.args == [target]
    assert saved_as[0].name == f"Minutes {expected_reference}.docx"
    assert questions and "Open it now?" in questions[0]
    assert opened == [target]

    import docx

    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Minutes: Quarterly meeting {expected_reference}" in text
    assert f"Approved on {approved_on:%A} {approved_on.day} {approved_on:%B %Y}" in text
    assert "BP2MI presented the new placement rules." in text
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "For internal use only" in header and "DRAFT" not in header
    action_table = document.tables[-1]
    assert [c.text for c in action_table.rows[1].cells][:2] == ["1", "Share the placement rules with the members"]
    assert not [c for c in dialog_calls if c[0] == "show_error"]


# -- smaller pieces ----------------------------------------------------------------------------


def test_filters_and_sorting_change_the_rows(qtbot, make_page, sample_db, qtmodeltester):
    page = make_page(sample_db)
    model = page.list.model
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    # Newest first by default.
    assert column(model, MeetingListModel.REFERENCE)[0] == "2026-ANM"

    filters = page.list.filters
    filters.kind.setCurrentIndex(filters.kind.findData(MeetingKind.AD_HOC))
    assert sorted(column(model, MeetingListModel.REFERENCE)) == ["2026-AH-01", "2026-AH-02", "2026-AH-03"]
    assert set(column(model, MeetingListModel.KIND)) == {"Ad-hoc meeting"}
    filters.status.setCurrentIndex(filters.status.findText("Cancelled"))
    assert column(model, MeetingListModel.REFERENCE) == ["2026-AH-03"]
    assert page.list.count.text() == "1 meeting match the filters"

    filters.kind.setCurrentIndex(0)
    filters.status.setCurrentIndex(0)
    filters.year.setCurrentIndex(filters.year.findData(2025))
    assert column(model, MeetingListModel.REFERENCE) == ["2025-Q4"]
    filters.year.setCurrentIndex(0)

    qtbot.keyClicks(filters.search, "fishers")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert column(model, MeetingListModel.REFERENCE) == ["2026-AH-02"]
    filters.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 8)

    filters.search.setText("no such meeting")
    filters.apply_search_now()
    assert page.list.stack.currentWidget() is page.list.empty
    assert "No meeting matches" in page.list.empty.text()
    filters.search.clear()
    filters.apply_search_now()

    # A click on a header sorts by it, in SQL; a second click reverses.
    header = page.list.view.horizontalHeader()
    x = header.sectionViewportPosition(MeetingListModel.REFERENCE) + 10
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    references = column(model, MeetingListModel.REFERENCE)
    assert page.list.order_by == "reference"
    assert references in (sorted(references), sorted(references, reverse=True))
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))
    assert column(model, MeetingListModel.REFERENCE) == list(reversed(references))


def test_enter_opens_the_selected_meeting_and_back_returns_to_it(qtbot, make_page, sample_db):
    page = make_page(sample_db)
    row = page.list.model.row_of(meetings_service.find_meeting(sample_db, "2026-Q2"))
    click_row(qtbot, page.list.view, row)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    assert page.showing_meeting()
    assert page.meeting.title.text().startswith("2026-Q2")
    click(qtbot, page.meeting.back_button)
    assert not page.showing_meeting()
    assert page.list.current_id() == meetings_service.find_meeting(sample_db, "2026-Q2")


def test_the_reference_proposal_follows_kind_and_date_until_one_is_typed(qtbot, make_page, sample_db, dialog_calls):
    page = make_page(sample_db)
    click(qtbot, page.new_button)
    dialog = page.new_dialog
    fields = dialog.fields
    fields.date.setDate(qdate(dt.date(2031, 3, 12)))
    assert fields.reference.text() == "2031-Q1"
    fields.kind.setCurrentIndex(fields.kind.findData(MeetingKind.AD_HOC))
    assert fields.reference.text() == "2031-AH-01"
    assert not dialog.standing_items.isVisible()
    fields.kind.setCurrentIndex(fields.kind.findData(MeetingKind.ANNUAL))
    assert fields.reference.text() == "2031-ANM"
    # A working group meeting needs its group first: said under the field, not in a message box.
    fields.kind.setCurrentIndex(fields.kind.findData(MeetingKind.WORKING_GROUP))
    assert fields.reference.text() == "" and "working group" in fields.reference_note.text()
    fields.kind.setCurrentIndex(fields.kind.findData(MeetingKind.QUARTERLY))
    assert fields.reference.text() == "2031-Q1"

    # The officer's own reference stays when the date changes; emptied, the proposal returns.
    fields.reference.selectAll()
    qtbot.keyClicks(fields.reference, "2031-SPECIAL")
    fields.date.setDate(qdate(dt.date(2032, 5, 4)))
    assert fields.reference.text() == "2031-SPECIAL"
    fields.reference.selectAll()
    qtbot.keyClick(fields.reference, Qt.Key.Key_Backspace)
    assert fields.reference.text() == "2032-Q1"
    assert dialog_calls == []
    dialog.reject()


def test_a_refused_meeting_keeps_the_dialog_and_what_was_typed(qtbot, make_page, sample_db, dialog_calls):
    page = make_page(sample_db)
    click(qtbot, page.new_button)
    dialog = page.new_dialog
    fields = dialog.fields
    fields.reference.selectAll()
    qtbot.keyClicks(fields.reference, "2026-Q1")  # taken
    qtbot.keyClicks(fields.title, "My careful title")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible()
    assert dialog_calls == [
        ("show_error", "Meeting not created", "The reference 2026-Q1 is already used by another meeting.")
    ]
    assert fields.title.text() == "My careful title" and fields.reference.text() == "2026-Q1"

    dialog_calls.clear()
    fields.reference.setText("2026-Q9")
    fields.reference.textEdited.emit("2026-Q9")
    fields.end.setTime(fields.start.time().addSecs(-3600))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "must end after it starts" in dialog_calls[0][2]

    dialog_calls.clear()
    qtbot.keyClicks(fields.chair, "Nobody Atall")
    fields.end.setTime(fields.start.time().addSecs(7200))
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "Choose the chair" in dialog_calls[0][2]
    dialog.reject()


def test_plan_the_year_creates_four_quarterly_meetings(qtbot, make_page, sample_db, dialog_calls):
    page = make_page(sample_db)
    click(qtbot, page.plan_button)
    dialog = page.plan_dialog
    dialog.year.setValue(2031)
    assert [d.month for d in dialog.chosen_dates()] == [3, 6, 9, 12]
    assert all(d.year == 2031 and d.weekday() < 5 for d in dialog.chosen_dates())
    qtbot.keyClicks(dialog.venue, "UN House, Jakarta")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    rows = meetings_service.list_meetings(sample_db, year=2031)
    assert [r.reference for r in rows] == ["2031-Q1", "2031-Q2", "2031-Q3", "2031-Q4"]
    assert all(r.venue == "UN House, Jakarta" for r in rows)
    assert "4 quarterly meetings planned for 2031" in page.note.text()
    assert page.list.current_id() == rows[0].id

    # A second time: refused, said, the dialog stays.
    click(qtbot, page.plan_button)
    again = page.plan_dialog
    again.year.setValue(2031)
    click(qtbot, again.buttons.button(again.buttons.StandardButton.Ok))
    assert again.isVisible() and "already has quarterly meetings" in dialog_calls[-1][2]
    again.reject()


def test_an_agenda_that_runs_over_shows_a_warning(qtbot, make_page, sample_db):
    meeting_id = past_quarterly(sample_db)
    for title, minutes in (("Opening", 30), ("Recruitment", 60), ("Data", 30)):
        agenda_service.add_item(sample_db, meeting_id, title, duration_minutes=minutes)
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.AGENDA)
    agenda = page.meeting.agenda
    assert not agenda.timing_banner.isVisible()
    assert agenda.timing.text().startswith("Agenda time: 120 of 120 min")

    agenda.select_row(1)
    agenda.duration.selectAll()
    qtbot.keyClicks(agenda.duration, "75")
    qtbot.keyClick(agenda.duration, Qt.Key.Key_Return)
    assert agenda.timing_banner.isVisible()
    assert "runs 15 min over" in agenda.timing_banner.text()
    assert "15 min over" in agenda.timing.text()

    agenda.select_row(2)
    agenda.duration.selectAll()
    qtbot.keyClicks(agenda.duration, "15")
    qtbot.keyClick(agenda.duration, Qt.Key.Key_Return)
    assert not agenda.timing_banner.isVisible()


def test_agenda_items_move_by_buttons_and_by_drag(qtbot, make_page, sample_db, qtmodeltester):
    meeting_id = past_quarterly(sample_db)
    ids = [agenda_service.add_item(sample_db, meeting_id, t) for t in ("A", "B", "C")]
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.AGENDA)
    agenda = page.meeting.agenda
    qtmodeltester.check(agenda.model)
    assert not agenda.up_button.isEnabled()
    click(qtbot, agenda.down_button)
    assert [a.title for a in agenda_service.list_agenda(sample_db, meeting_id)] == ["B", "A", "C"]
    assert agenda.current_item().title == "A"

    # A drop of "C" before the first row: the order saved, read back.
    model = agenda.model
    data = model.mimeData([model.index(2, 0)])
    with qtbot.waitSignal(model.reorder_requested) as blocker:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1)) is False
    assert blocker.args == [[ids[2], ids[1], ids[0]]]
    qtbot.waitUntil(lambda: [a.title for a in agenda_service.list_agenda(sample_db, meeting_id)] == ["C", "B", "A"])
    qtbot.waitUntil(lambda: column(model, 1) == ["C", "B", "A"])
    assert agenda.view.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop


def test_reopening_asks_for_a_reason_and_unlocks(qtbot, make_page, sample_db, dialog_calls, monkeypatch):
    db = sample_db
    meeting_id = past_quarterly(db)
    item_id = agenda_service.add_item(db, meeting_id, "Opening")
    minutes_service.save_item_text(db, item_id, "discussion", "Opened by the chair.")
    minutes_service.circulate_minutes(db, meeting_id)
    minutes_service.approve_minutes(db, meeting_id)
    page = make_page(db)
    page.open_meeting(meeting_id, MeetingView.MINUTES)
    minutes = page.meeting.minutes
    assert minutes.discussion.isReadOnly() and minutes.banner.isVisible()

    # Cancelled: nothing changes.
    monkeypatch.setattr(prompts, "ask_reason", lambda *a, **k: None)
    click(qtbot, minutes.reopen_button)
    assert meeting_detail(db, meeting_id).minutes_status is MinutesStatus.APPROVED

    asked = []
    monkeypatch.setattr(
        prompts, "ask_reason", lambda parent, title, text, **k: asked.append(text) or "A name was misspelt."
    )
    click(qtbot, minutes.reopen_button)
    assert "reason is recorded" in asked[0]
    assert meeting_detail(db, meeting_id).minutes_status is MinutesStatus.DRAFT
    assert not minutes.discussion.isReadOnly()
    assert not minutes.banner.isVisible()
    assert minutes.approve_button.isVisible() and not minutes.reopen_button.isVisible()
    history = minutes_service.minutes_history(db, meeting_id)
    assert history[-1].reopened and history[-1].note == "A name was misspelt."
    # The Details tab shows the reopening in the history.
    assert "A name was misspelt." in page.meeting.details.history.text()

    # Editable again, and saved as typed.
    qtbot.mouseClick(minutes.discussion.viewport(), LEFT)
    qtbot.keyClick(minutes.discussion, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(minutes.discussion, " Corrected.")
    qtbot.waitUntil(lambda: meeting_detail(db, meeting_id).agenda[0].discussion == "Opened by the chair. Corrected.")
    assert dialog_calls == []


def test_typed_minutes_are_saved_when_another_item_is_shown(qtbot, make_page, sample_db):
    meeting_id = past_quarterly(sample_db)
    first = agenda_service.add_item(sample_db, meeting_id, "One")
    agenda_service.add_item(sample_db, meeting_id, "Two")
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.MINUTES)
    minutes = page.meeting.minutes
    minutes.decisions.setFocus()
    qtbot.keyClicks(minutes.decisions, "- Agreed")
    minutes.items.setCurrentRow(1)  # before the pause is over
    assert not minutes.has_unsaved_text()
    assert meeting_detail(sample_db, meeting_id).agenda[0].decisions == "- Agreed"
    assert minutes.decisions.toPlainText() == ""
    minutes.items.setCurrentRow(0)
    assert minutes.decisions.toPlainText() == "- Agreed"
    assert minutes.current_item_id() == first


def test_participants_added_by_searching_and_counted(qtbot, make_page, sample_db):
    meeting_id = past_quarterly(sample_db)
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.PARTICIPANTS)
    tab = page.meeting.participants
    qtbot.keyClicks(tab.person, "Maria")
    qtbot.keyClick(tab.person, Qt.Key.Key_Return)  # one match: added
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.person.text() == ""
    qtbot.keyClicks(tab.person, "IOM")
    qtbot.waitUntil(lambda: tab.person.results.rowCount() == 1)
    tab.person.choose_row(0)
    assert [r.name for r in participants_service.list_participants(sample_db, meeting_id)] == [
        "Ms Dewi Lestari",
        "Ms Maria Simanjuntak",
    ]
    tab.view.selectAll()
    click(qtbot, tab.apologies_button)
    summary = participants_service.attendance_summary(sample_db, meeting_id)
    assert summary.apologies == 2
    assert "<b>2</b> apologies" in tab.summary.text()
    tab.view.selectRow(0)
    click(qtbot, tab.remote_button)
    assert [p.remote for p in participants_service.list_participants(sample_db, meeting_id)] == [True, False]
    rows = participants_service.list_participants(sample_db, meeting_id)
    assert [p.attendance for p in rows] == [Attendance.APOLOGIES] * 2


def test_a_file_open_elsewhere_is_said_in_a_message(qtbot, make_page, sample_db, dialog_calls, monkeypatch, tmp_path):
    from unnet_desktop.core.errors import FileRefused
    from unnet_desktop.files import minutes_docx

    meeting_id = past_quarterly(sample_db)
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.FILES)
    files = page.meeting.files

    def refused(*args, **kwargs):
        raise FileRefused("Cannot replace minutes.docx: it is open in another program.")

    monkeypatch.setattr(minutes_docx, "export_minutes", refused)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "minutes.docx")
    click(qtbot, files.minutes_button)
    with qtbot.waitSignal(files.last_task.errored, timeout=10000):
        pass
    assert dialog_calls == [
        ("show_error", "Could not finish", "Cannot replace minutes.docx: it is open in another program.")
    ]
    assert "was not written" in files.note.text()


def test_the_other_files_are_written(qtbot, make_page, sample_db, dialog_calls, monkeypatch, tmp_path):
    meeting_id = past_quarterly(sample_db)
    dewi = person_id(sample_db, "Dewi Lestari")
    contacts.update_person(sample_db, dewi, email="dewi.lestari@iom.example.org")  # the invitation's organizer
    participants_service.add_people(sample_db, meeting_id, [dewi])
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.FILES)
    files = page.meeting.files
    targets = iter([tmp_path / "people", tmp_path / "invite.ics", tmp_path / "mail.eml"])
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: next(targets))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    files.no_personal.setChecked(True)
    for button in (files.participants_button, files.invitation_button, files.email_button):
        with qtbot.waitSignal(files.exported, timeout=15000):
            click(qtbot, button)
    # A name typed without its extension gets it.
    assert (tmp_path / "people.xlsx").is_file()
    assert (tmp_path / "invite.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert b"X-Unsent: 1" in (tmp_path / "mail.eml").read_bytes()


def test_ctrl_n_in_the_window_is_a_new_meeting_not_a_new_database(
    qtbot, make_window, sample_db, dialog_calls, monkeypatch
):
    from unnet_desktop.ui import main_window, pages

    specs = tuple(
        pages.PageSpec(s.key, s.title, "unnet_desktop.ui.pages.meetings:MeetingsPage") if s.key == "meetings" else s
        for s in pages.PAGES
    )
    monkeypatch.setattr(pages, "PAGES", specs)
    monkeypatch.setattr(main_window, "PAGES", specs)
    window = make_window(sample_db)
    page = window.show_page("meetings")
    assert isinstance(page, MeetingsPage)
    page.list.view.setFocus()
    qtbot.keyClick(page.list.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.new_dialog is not None and page.new_dialog.isVisible()  # no save dialog was asked
    page.new_dialog.reject()
    window.refresh_current_page()
    assert page.list.model.rowCount() == 8


def test_approved_meeting_details_are_locked_but_confidentiality_changes(qtbot, make_page, sample_db, dialog_calls):
    db = sample_db
    meeting_id = past_quarterly(db, title="Locked one")
    minutes_service.set_minutes_status(db, meeting_id, MinutesStatus.DRAFT)
    minutes_service.circulate_minutes(db, meeting_id)
    minutes_service.approve_minutes(db, meeting_id)
    page = make_page(db)
    page.open_meeting(meeting_id, MeetingView.DETAILS)
    details = page.meeting.details
    assert not details.fields.title.isEnabled() and details.fields.confidentiality.isEnabled()
    details.fields.confidentiality.setCurrentIndex(details.fields.confidentiality.findText("Public"))
    click(qtbot, details.save_button)
    assert meeting_detail(db, meeting_id).confidentiality.value == "public"
    assert details.save_note.text() == "Saved."
    assert page.meeting.confidentiality_badge.text() == "Public"
    assert dialog_calls == []


def test_moving_a_meeting_in_details_says_to_send_the_invitation_again(qtbot, make_page, sample_db):
    meeting_id = past_quarterly(sample_db, days_ago=-30)
    page = make_page(sample_db)
    page.open_meeting(meeting_id, MeetingView.DETAILS)
    details = page.meeting.details
    before = pydate(details.fields.date.date())
    details.fields.date.setDate(qdate(before + dt.timedelta(days=1)))
    click(qtbot, details.save_button)
    detail = meeting_detail(sample_db, meeting_id)
    assert detail.date_wib == before + dt.timedelta(days=1)
    assert detail.ics_sequence == 1
    assert "calendar invitation again" in details.save_note.text()
