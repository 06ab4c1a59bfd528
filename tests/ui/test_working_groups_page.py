"""The Working groups page driven as the officer drives it: create a group, add and remove members
through the people search, close and reopen the group, see its meetings and open action points,
export the member list. Message boxes and file dialogs are patched (``dialog_calls``)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt

from unnet_desktop.core.enums import ActionStatus, MeetingKind, WorkingGroupKind
from unnet_desktop.core.models import ActionPoint, Meeting
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import contacts
from unnet_desktop.services import working_groups as wg
from unnet_desktop.services import workplans as wp
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.pages.working_groups import GroupsModel, MembersModel, WorkingGroupsPage

LEFT = Qt.MouseButton.LeftButton


def _tick(qtbot, box) -> None:
    """Click a check box on its box (a wide check box toggles only over its box and text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def _org(db, acronym: str) -> int:
    return next(c.id for c in wp.organisation_choices(db) if c.label.endswith(f"({acronym})"))


@pytest.fixture
def group(sample_db) -> wg.WorkingGroupData:
    return wg.create_working_group(
        sample_db,
        wg.WorkingGroupData(
            name="Working Group on Fair Recruitment",
            kind=WorkingGroupKind.PERMANENT,
            purpose="Ethical recruitment in the main corridors.",
            objectives=(6, 22),
            lead_organisation_id=_org(sample_db, "ILO"),
            co_lead_organisation_id=_org(sample_db, "IOM"),
            established_on=dt.date(2025, 6, 6),
        ),
    )


def _page(qtbot, db) -> WorkingGroupsPage:
    page = WorkingGroupsPage(db)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _list_text(page: WorkingGroupsPage, column: int, row: int = 0) -> str:
    return page.model.data(page.model.index(row, column))


def test_the_list_and_the_details_of_a_group(qtbot, sample_db, group):
    page = _page(qtbot, sample_db)
    assert page.model.rowCount() == 1
    assert _list_text(page, GroupsModel.NAME) == "Working Group on Fair Recruitment"
    assert _list_text(page, GroupsModel.KIND) == "Permanent"
    assert _list_text(page, GroupsModel.STATUS) == "Active"
    assert (_list_text(page, GroupsModel.LEAD), _list_text(page, GroupsModel.CO_LEAD)) == ("ILO", "IOM")
    assert _list_text(page, GroupsModel.MEMBERS) == "0"
    assert page.selected_group_id() == group.id  # the first group is shown at once
    assert page.name_label.text() == group.name
    assert page.short_label.text() == "WGFR"
    assert page.status_badge.text() == "Active"
    assert page.purpose.text() == "Ethical recruitment in the main corridors."
    assert page.facts["Established"].text() == "06 Jun 2025"
    assert page.facts["GCM objectives"].text() == "6. Recruitment and decent work\n22. Social protection"
    assert page.members_card.stack.currentWidget() is page.members_card.empty


def test_adding_a_member_through_the_people_search(qtbot, sample_db, group, dialog_calls):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.add_member_button, LEFT)
    search = page.people_dialog
    assert search.isVisible() and not search.ok_button.isEnabled()
    qtbot.keyClicks(search.search, "dewi")
    qtbot.waitUntil(lambda: search.results.count() == 1)
    item = search.results.item(0)
    assert item.text().startswith("Ms Dewi Lestari")
    qtbot.mouseClick(search.results.viewport(), LEFT, pos=search.results.visualItemRect(item).center())
    assert search.ok_button.isEnabled()
    with qtbot.waitSignal(search.saved) as saved:
        qtbot.mouseClick(search.ok_button, LEFT)
    assert saved.args == [1]

    assert page.members_model.rowCount() == 1
    assert page.members_model.data(page.members_model.index(0, MembersModel.NAME)) == "Ms Dewi Lestari"
    assert page.members_model.data(page.members_model.index(0, MembersModel.ORGANISATION)) == "IOM"
    assert page.members_card.title.text() == "Members (1)"
    assert _list_text(page, GroupsModel.MEMBERS) == "1"  # the count in the list follows
    assert [m.name for m in wg.group_members(sample_db, group.id)] == ["Ms Dewi Lestari"]

    # A second search no longer offers her, nor the archived contact.
    qtbot.mouseClick(page.add_member_button, LEFT)
    again = page.people_dialog
    labels = [again.results.item(i).text() for i in range(again.results.count())]
    assert not any("Dewi Lestari" in label for label in labels)
    assert not any("Hendra Gunawan" in label for label in labels)
    again.reject()
    assert dialog_calls == []


def test_removing_a_member(qtbot, sample_db, group):
    people = {p.full_name: p.id for p in contacts.search_people(sample_db)}
    wg.add_members(sample_db, group.id, [people["Dewi Lestari"], people["Arief Nugroho"]])
    page = _page(qtbot, sample_db)
    assert page.members_model.rowCount() == 2
    assert not page.remove_member_button.isEnabled()
    view = page.members_card.view
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(page.members_model.index(0, 0)).center())
    assert page.remove_member_button.isEnabled()
    qtbot.mouseClick(page.remove_member_button, LEFT)
    assert [m.name for m in page.members_model.records()] == ["Ms Dewi Lestari"]
    assert _list_text(page, GroupsModel.MEMBERS) == "1"


def test_closing_and_reopening_a_group(qtbot, sample_db, group, dialog_calls, monkeypatch):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.close_button, LEFT)
    dialog = page.date_dialog
    dialog.set_date(dt.date(2024, 1, 1))  # before the group was established: refused
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog_calls[-1][0] == "show_error" and "before the date the group was established" in dialog_calls[-1][2]
    assert dialog.isVisible()
    dialog.set_date(dt.date(2026, 1, 31))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, LEFT)

    assert _list_text(page, GroupsModel.STATUS) == "Closed"
    assert page.status_badge.text() == "Closed"
    assert page.facts["Closed"].text() == "31 Jan 2026"
    assert page.close_button.text() == "Reopen…"
    assert not page.add_member_button.isEnabled()
    qtbot.mouseClick(page.show_closed, LEFT)
    assert page.model.rowCount() == 0
    assert page.details_stack.currentWidget() is page.nothing
    assert page.nothing.text().startswith("No active working group")
    qtbot.mouseClick(page.show_closed, LEFT)
    assert page.selected_group_id() == group.id

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    qtbot.mouseClick(page.close_button, LEFT)
    assert _list_text(page, GroupsModel.STATUS) == "Active"
    assert wg.get_working_group(sample_db, group.id).closed_on is None


def test_creating_a_group_through_the_form(qtbot, sample_db, group, dialog_calls):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.group_dialog
    qtbot.keyClicks(form.name, "working group on fair recruitment")  # the same name, other case
    qtbot.mouseClick(form.ok_button, LEFT)
    assert "already used" in dialog_calls[-1][2] and form.isVisible()
    form.name.clear()
    qtbot.keyClicks(form.name, "Ad-hoc Working Group on Online Scams")
    form.kind.setCurrentIndex(form.kind.findData(WorkingGroupKind.AD_HOC))
    form.lead.setCurrentIndex(form.lead.findData(_org(sample_db, "IOM")))
    _tick(qtbot, form.objectives.boxes[10])
    with qtbot.waitSignal(form.saved) as saved:
        qtbot.mouseClick(form.ok_button, LEFT)
    created = saved.args[0]
    assert created.objectives == (10,) and created.short_name == "AHWGOS"
    assert page.model.rowCount() == 2
    assert page.selected_group_id() == created.id
    assert page.kind_badge.text() == "Ad-hoc"
    assert page.facts["Lead"].text() == "IOM"


def test_meetings_and_open_action_points_of_the_group(qtbot, sample_db, group):
    with sample_db.session() as s:
        meeting = Meeting(
            reference="2026-WGFR-01",
            title="First meeting of the working group",
            kind=MeetingKind.WORKING_GROUP,
            working_group_id=group.id,
            starts_at=wib(2026, 3, 10, 10),
        )
        s.add(meeting)
        s.add_all(
            [
                ActionPoint(description="Map the recruitment agencies", due_date=dt.date(2020, 1, 1), meeting=meeting),
                ActionPoint(description="Already done", status=ActionStatus.DONE, meeting=meeting),
            ]
        )
    page = _page(qtbot, sample_db)
    assert [m.reference for m in page.meetings_model.records()] == ["2026-WGFR-01"]
    assert page.meetings_model.data(page.meetings_model.index(0, 1)) == "10 Mar 2026 10:00"
    assert [a.description for a in page.actions_model.records()] == ["Map the recruitment agencies"]
    due = page.actions_model.index(0, 0)
    assert page.actions_model.data(due, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"  # overdue
    assert page.actions_card.title.text() == "Open action points (1)"


def test_export_of_the_member_list(qtbot, sample_db, group, dialog_calls, monkeypatch, tmp_path):
    offered = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "members.xlsx")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: offered.append(text) or False)
    monkeypatch.setattr(desktop, "open_with_system", lambda path: pytest.fail("opened although declined"))
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert "0 members" in offered[0]
    assert "Members" in load_workbook(tmp_path / "members.xlsx").sheetnames


def test_the_demo_groups_show(qtbot, demo_db):
    page = _page(qtbot, demo_db)
    assert page.model.rowCount() == len(wg.list_working_groups(demo_db))
    row = page.selected_row()
    assert page.members_model.rowCount() == row.members
    assert page.meetings_model.rowCount() == row.meetings
    assert page.actions_model.rowCount() == row.open_action_points


def test_models_pass_the_model_tester(qtmodeltester, sample_db, group):
    model = GroupsModel()
    model.set_records(wg.list_working_groups(sample_db))
    qtmodeltester.check(model, force_py=True)
