"""The Library page driven like the officer does: the form typed and ticked, the search typed,
the filters chosen; and a library entry presented under an agenda item, then in the Word minutes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

from unnet_desktop.core.enums import MeetingKind, PolicyStatus, PolicyType
from unnet_desktop.services import agenda as agenda_service
from unnet_desktop.services import meetings as meetings_service
from unnet_desktop.services import policies
from unnet_desktop.services.meeting_views import meeting_detail, today_wib
from unnet_desktop.services.policies import PolicyData
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.library import common
from unnet_desktop.ui.library.model import PolicyModel
from unnet_desktop.ui.meetings.meeting_view import MeetingView
from unnet_desktop.ui.pages.library import LibraryPage
from unnet_desktop.ui.pages.meetings import MeetingsPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_page(qtbot):
    def make(db, cls=LibraryPage):
        page = cls(db)
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, LEFT)


def titles(page) -> list[str]:
    return [page.model.record(r).title for r in range(page.model.rowCount())]


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_add_a_policy_through_the_form_then_find_it(qtbot, make_page, db, dialog_calls, tmp_path, monkeypatch):
    policies.create_policy(db, PolicyData(title="Immigration", number="Law No. 6/2011", type=PolicyType.LAW))
    page = make_page(db)
    assert page.model.rowCount() == 1
    assert "1 entry in the library" in page.count_label.text()

    click(qtbot, page.new_button)
    form = page.form
    assert form is not None and form.isVisible() and form.windowTitle() == "New library entry"
    qtbot.keyClicks(form.title_edit, "Protection of Indonesian Migrant Workers")
    qtbot.keyClicks(form.number_edit, "Law No.  18/2017")
    choose(form.type_combo, PolicyType.LAW.value)
    qtbot.keyClicks(form.authority_edit, "DPR and the President")
    click(qtbot, form.issued_check)
    form.issued_edit.setDate(QDate(2017, 11, 22))
    choose(form.status_combo, PolicyStatus.IN_FORCE.value)
    qtbot.keyClicks(form.language_edit, "Indonesian")
    for key in ("human_rights_based", "gender_responsive"):
        check = form.tag_checks[key]
        qtbot.mouseClick(check, LEFT, pos=QPoint(10, check.height() // 2))  # on the box
        assert check.isChecked()
    form.objectives.item(5).setCheckState(Qt.CheckState.Checked)  # objective 6, as a click on its box
    qtbot.mouseClick(form.summary_edit.viewport(), LEFT)
    qtbot.keyClicks(form.summary_edit, "Replaces Law No. 39/2004; placement fees borne by employers.")
    qtbot.keyClicks(form.url_edit, "www.example.org/uu-18-2017")
    # A local file, chosen (patched) and copied beside the database on save.
    source = tmp_path / "UU 18 2017.pdf"
    source.write_bytes(b"%PDF-1.4 law")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: source)
    click(qtbot, form.choose_file_button)
    assert "UU 18 2017.pdf" in form.file_label.text()
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert not dialog_calls

    saved = policies.find_policy(db, "law no. 18/2017")
    assert saved.title == "Protection of Indonesian Migrant Workers"
    assert saved.number == "Law No. 18/2017"  # spacing tidied by the service
    assert saved.issued_on == dt.date(2017, 11, 22) and saved.status is PolicyStatus.IN_FORCE
    assert saved.tags == ("human_rights_based", "gender_responsive")
    assert saved.objectives == (6,)
    assert saved.url == "https://www.example.org/uu-18-2017"
    copy = policies.attachment_path(db, saved.id)
    assert copy is not None and copy.read_bytes() == b"%PDF-1.4 law" and copy != source
    # The new entry is listed and selected, shown beside the list.
    assert page.current_id() == saved.id
    assert "Law No. 18/2017: Protection" in page.detail_title.text()
    assert page.tag_badges["gender_responsive"].isVisible() and not page.tag_badges["age_appropriate"].isVisible()
    opened, links = [], []
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)
    monkeypatch.setattr(common, "open_link", lambda url: links.append(url) or True)
    click(qtbot, page.open_file_button)
    click(qtbot, page.open_link_button)
    assert opened == [copy] and links == ["https://www.example.org/uu-18-2017"]

    # Search by typing: every word in title, number or summary.
    qtbot.keyClicks(page.search, "placement fees")
    qtbot.waitUntil(lambda: titles(page) == ["Protection of Indonesian Migrant Workers"])
    assert "1 entry of 2 match" in page.count_label.text()
    page.search.clear()
    qtbot.keyClicks(page.search, "18/2017")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    # A filter narrows; another that nothing matches empties the list and says so.
    choose(page.tag_filter, "gender_responsive")
    assert titles(page) == ["Protection of Indonesian Migrant Workers"]
    choose(page.objective_filter, 7)
    assert page.model.rowCount() == 0
    assert page.detail_empty.isVisible() and "No entry matches" in page.detail_empty.text()
    click(qtbot, page.clear_button)
    assert page.model.rowCount() == 2


def test_the_form_keeps_what_was_typed_when_refused(qtbot, make_page, db, dialog_calls):
    policies.create_policy(db, PolicyData(title="Immigration", number="Law No. 6/2011"))
    page = make_page(db)
    form = page.new_policy()
    qtbot.keyClicks(form.title_edit, "Another")
    qtbot.keyClicks(form.number_edit, "LAW NO. 6/2011")
    click(qtbot, form.save_button)
    assert form.isVisible() and form.error.isVisible()
    assert "already that of 'Immigration'" in form.error.text()
    assert form.title_edit.text() == "Another"
    form.number_edit.clear()
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert page.model.rowCount() == 2


def test_filters_on_the_demo_library(qtbot, make_page, demo_db, qtmodeltester):
    page = make_page(demo_db)
    qtmodeltester.check(page.model)
    everything = page.model.rowCount()
    assert everything >= 5 and "Protection of Indonesian Migrant Workers" in titles(page)
    choose(page.type_filter, PolicyType.LAW.value)
    laws = titles(page)
    assert 0 < len(laws) < everything
    assert all(page.model.record(r).type is PolicyType.LAW for r in range(page.model.rowCount()))
    choose(page.status_filter, PolicyStatus.REVOKED.value)
    assert all(page.model.record(r).status is PolicyStatus.REVOKED for r in range(page.model.rowCount()))
    assert page.model.rowCount() < len(laws)
    click(qtbot, page.clear_button)
    assert page.model.rowCount() == everything
    # Edit from the list: double-click opens the form on the entry.
    page.select_row(0)
    form = page.edit_policy()
    assert form.windowTitle().startswith("Edit ") and form.title_edit.text() == page.model.record(0).title
    form.reject()
    assert page.model.data(page.model.index(0, PolicyModel.STATUS))


def test_a_policy_presented_under_an_agenda_item_appears_in_the_minutes(qtbot, make_page, sample_db, tmp_path, monkeypatch, dialog_calls):
    db = sample_db
    policy = policies.create_policy(
        db,
        PolicyData(title="Protection of Indonesian Migrant Workers", number="Law No. 18/2017", url="https://peraturan.bpk.go.id/Details/64508"),
    )
    policies.create_policy(db, PolicyData(title="Immigration", number="Law No. 6/2011"))
    day = today_wib() - dt.timedelta(days=10)
    starts_at, ends_at = meetings_service.default_times(day)
    meeting_id = meetings_service.create_meeting(db, kind=MeetingKind.QUARTERLY, starts_at=starts_at, ends_at=ends_at)
    agenda_service.add_item(db, meeting_id, "Opening")
    item_id = agenda_service.add_item(db, meeting_id, "Policy updates")

    page = make_page(db, MeetingsPage)
    page.open_meeting(meeting_id, MeetingView.AGENDA)
    agenda = page.meeting.agenda
    agenda.select_row(1)
    assert agenda.current_item().title == "Policy updates"
    assert agenda.policies_list.count() == 0 and not agenda.remove_policy_button.isEnabled()
    click(qtbot, agenda.add_policy_button)
    picker = agenda.policy_picker
    assert picker is not None and picker.isVisible()
    assert picker.results.count() == 2
    qtbot.keyClicks(picker.search, "18/2017")
    qtbot.waitUntil(lambda: picker.results.count() == 1)
    click(qtbot, picker.ok_button)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert [p.id for p in policies.item_policies(db, item_id)] == [policy.id]
    assert agenda.current_item().title == "Policy updates"
    assert [agenda.policies_list.item(i).text() for i in range(agenda.policies_list.count())] == [
        "Law No. 18/2017: Protection of Indonesian Migrant Workers"
    ]
    # Added once only: the picker does not offer it again under this item.
    click(qtbot, agenda.add_policy_button)
    assert agenda.policy_picker.results.count() == 1
    agenda.policy_picker.reject()

    # The Word minutes list it under the item.
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    page.meeting.tabs.setCurrentIndex(MeetingView.FILES)
    files = page.meeting.files
    with qtbot.waitSignal(files.exported, timeout=15000):
        click(qtbot, files.minutes_button)
    import docx

    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    heading = next(i for i, text in enumerate(paragraphs) if text.endswith("Policy updates") and i > 0 and "Opening" not in text)
    after = paragraphs[heading + 1 :]
    line = next(text for text in after if "Law No. 18/2017" in text)
    assert "Protection of Indonesian Migrant Workers" in line and "https://peraturan.bpk.go.id/Details/64508" in line
    assert after.index(line) < next((i for i, t in enumerate(after) if t.startswith("Action points")), len(after))
    assert not any("Law No. 6/2011" in text for text in paragraphs)

    # Taken off the item again.
    page.meeting.tabs.setCurrentIndex(MeetingView.AGENDA)
    agenda.select_row(1)
    agenda.policies_list.setCurrentRow(0)
    click(qtbot, agenda.remove_policy_button)
    assert policies.item_policies(db, item_id) == []
    assert agenda.policies_list.count() == 0
    assert meeting_detail(db, meeting_id).agenda[1].policies == ()
    assert not dialog_calls
