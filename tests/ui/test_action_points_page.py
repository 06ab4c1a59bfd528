"""The Action points page (issue 5): the list and its filters, the side panel with the history,
a status for many at once, New action point, and the trackers exported and imported through the
preview, with a conflict resolved there. Driven with qtbot on the real widgets; dialogs patched."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from sample_network import TODAY

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus, ChangeSource
from unnet_desktop.files.action_tracker import ACTION_TRACKER, export_action_tracker, read_action_tracker
from unnet_desktop.services import action_points as service
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.actions.import_preview import ConflictModel, ImportRowsModel
from unnet_desktop.ui.actions.list_model import OVERDUE_BACKGROUND, ActionListModel
from unnet_desktop.ui.actions.side_panel import HistoryModel
from unnet_desktop.ui.pages.action_points import ActionPointsPage

SHARE = "Share the draft referral pathway for returning migrant workers"
CIRCULATE = "Circulate the ILO brief on fair recruitment"
SEND = "Send the list of child protection focal points"
CONFIRM = "Confirm the venue of the Annual Network Meeting"
DRAFT = "Draft the 2027 work plan outline"
MAP = "Map the provinces with migrant resource centres"
APPROVE = "Approve the minutes of 2025-Q4"
TRANSLATE = "Translate the terms of reference"


@pytest.fixture
def page(qtbot, sample_db) -> ActionPointsPage:
    page = ActionPointsPage(sample_db)
    qtbot.addWidget(page)
    page.today = TODAY
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def descriptions(page) -> list[str]:
    return [page.model.record(row).description for row in range(page.model.rowCount())]


def action_id(db, description: str) -> int:
    with db.session() as s:
        return s.scalar(sa.select(m.ActionPoint.id).where(m.ActionPoint.description == description))


def action_uuid(db, description: str) -> str:
    with db.session() as s:
        return s.scalar(sa.select(m.ActionPoint.uuid).where(m.ActionPoint.description == description))


def status_of(db, description: str) -> ActionStatus:
    with db.session() as s:
        return s.scalar(sa.select(m.ActionPoint.status).where(m.ActionPoint.description == description))


def choose(qtbot, combo, text: str) -> None:
    """Pick an item of a combo with the arrow keys, as the officer can (the offscreen platform
    cannot show a combo's popup without warnings)."""
    combo.setFocus()
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)


def click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = page.view
    rect = view.visualRect(page.model.index(row, ActionListModel.DESCRIPTION))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


# --------------------------------------------------------------------------- the list


def test_every_action_point_in_one_list_sorted_by_due_date(page):
    assert descriptions(page) == [APPROVE, SHARE, TRANSLATE, CIRCULATE, SEND, CONFIRM, DRAFT, MAP]
    assert page.count.text() == "8 action points"
    model = page.model
    row = descriptions(page).index(SEND)
    texts = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert texts[: ActionListModel.STATUS + 1] == ["2026-Q2", SEND, "UNICEF", "Sari Wulandari", "14 Jun 2026", "Open"]
    assert texts[ActionListModel.AGENDA] == ""
    assert model.data(model.index(descriptions(page).index(MAP), ActionListModel.MEETING)) == "—"


def test_overdue_rows_are_marked(page):
    model = page.model
    for row, text in enumerate(descriptions(page)):
        background = model.data(model.index(row, ActionListModel.DESCRIPTION), Qt.ItemDataRole.BackgroundRole)
        overdue = text in (SHARE, CIRCULATE, SEND)
        assert (background is not None and background.name() == OVERDUE_BACKGROUND) is overdue, text
    tooltip = model.data(model.index(descriptions(page).index(SHARE), ActionListModel.DUE), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Overdue by 50 days"


def test_filter_by_status_overdue_and_organisation(qtbot, page):
    filters = page.filters
    choose(qtbot, filters.status, "Done")
    qtbot.waitUntil(lambda: descriptions(page) == [APPROVE])
    choose(qtbot, filters.status, "Open or in progress")
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE, CIRCULATE, SEND, CONFIRM, DRAFT, MAP])

    qtbot.mouseClick(filters.overdue, Qt.MouseButton.LeftButton, pos=QPoint(4, filters.overdue.height() // 2))
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE, CIRCULATE, SEND])
    assert page.count.text() == "3 action points match the filters"
    assert not filters.due_within.isEnabled()

    choose(qtbot, filters.organisation, "IOM")
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE])
    qtbot.mouseClick(filters.overdue, Qt.MouseButton.LeftButton, pos=QPoint(4, filters.overdue.height() // 2))
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE, DRAFT])
    choose(qtbot, filters.status, "Any status")
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE, TRANSLATE, DRAFT])

    qtbot.mouseClick(filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(descriptions(page)) == 8)
    assert not filters.clear_button.isEnabled()


def test_filter_by_meeting_due_within_and_text(qtbot, page):
    filters = page.filters
    choose(qtbot, filters.meeting, "2026-Q2")
    qtbot.waitUntil(lambda: descriptions(page) == [SEND, CONFIRM, DRAFT])
    choose(qtbot, filters.meeting, "All meetings")
    filters.due_within.setFocus()
    filters.due_within.selectAll()
    qtbot.keyClicks(filters.due_within, "45")
    qtbot.waitUntil(lambda: descriptions(page) == [CONFIRM, DRAFT])
    filters.due_within.selectAll()
    qtbot.keyClicks(filters.due_within, "0")
    qtbot.waitUntil(lambda: descriptions(page) == [CONFIRM])
    qtbot.mouseClick(filters.clear_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(filters.search, "wulandari")
    qtbot.keyClick(filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: descriptions(page) == [SEND])
    filters.search.clear()
    qtbot.keyClicks(filters.search, "nothing like this")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty)
    assert page.empty.text() == "No action point matches these filters."


def test_a_click_on_a_header_sorts_in_sql(qtbot, page):
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(ActionListModel.ORGANISATION) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert page.model.order_by == "organisation"
    organisations = [page.model.record(r).organisation for r in range(page.model.rowCount())]
    assert organisations == sorted(organisations, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert page.model.descending
    organisations = [page.model.record(r).organisation for r in range(page.model.rowCount())]
    assert organisations == sorted(organisations, key=str.casefold, reverse=True)


def test_the_list_is_read_page_by_page(qtbot, sample_db):
    model = ActionListModel(sample_db)
    model.PAGE = 3
    model.today = TODAY
    model.query({})
    assert (model.rowCount(), model.total, model.canFetchMore()) == (3, 8, True)
    model.fetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (8, False)
    assert [model.record(r).description for r in range(8)][:2] == [APPROVE, SHARE]


def test_list_model_passes_the_model_tester(qtmodeltester, sample_db):
    model = ActionListModel(sample_db)
    model.today = TODAY
    model.query({"status": ["open", "in_progress"]})
    qtmodeltester.check(model, force_py=True)


# --------------------------------------------------------------------------- the panel and the history


def test_edit_in_the_side_panel_and_see_the_history(qtbot, page, sample_db):
    click_row(qtbot, page, descriptions(page).index(DRAFT))
    panel = page.panel
    assert panel.description.text() == DRAFT
    assert "Meeting 2026-Q2" in panel.context.text()
    assert not panel.save_button.isEnabled()
    choose(qtbot, panel.status, "In progress")
    qtbot.keyClicks(panel.note, "Outline shared with the co-chairs")
    assert panel.unsaved.text() == "Unsaved changes"
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)

    detail = service.get_action_point(sample_db, action_id(sample_db, DRAFT))
    assert (detail.status, detail.completion_note) == (ActionStatus.IN_PROGRESS, "Outline shared with the co-chairs")
    assert page.selected_ids() == [detail.id]
    history = panel.history_model
    rows = [
        [history.data(history.index(r, c)) for c in (HistoryModel.WHAT, HistoryModel.CHANGE, HistoryModel.SOURCE)]
        for r in range(history.rowCount())
    ]
    assert ["Status", "Open → In progress", "In the app"] in rows
    assert ["Completion note", "(empty) → Outline shared with the co-chairs", "In the app"] in rows
    assert rows[-1] == ["Created", DRAFT, "In the app"]
    assert page.model.record(page.model.row_of(detail.id)).status is ActionStatus.IN_PROGRESS


def test_status_of_several_selected_rows_at_once(qtbot, page, sample_db):
    qtbot.mouseClick(page.filters.overdue, Qt.MouseButton.LeftButton, pos=QPoint(4, page.filters.overdue.height() // 2))
    qtbot.waitUntil(lambda: descriptions(page) == [SHARE, CIRCULATE, SEND])
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 2, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_ids() == [action_id(sample_db, SHARE), action_id(sample_db, SEND)]
    assert page.panel.stack.currentWidget() is page.panel.empty
    assert page.panel.empty.text().startswith("2 action points are selected")
    assert page.bulk_button.text() == "Set status of 2"

    choose(qtbot, page.bulk_status, "Done")
    qtbot.mouseClick(page.bulk_button, Qt.MouseButton.LeftButton)

    assert status_of(sample_db, SHARE) is ActionStatus.DONE
    assert status_of(sample_db, SEND) is ActionStatus.DONE
    assert status_of(sample_db, CIRCULATE) is ActionStatus.IN_PROGRESS
    for text in (SHARE, SEND):
        latest = service.action_point_history(sample_db, action_id(sample_db, text))[0]
        assert (latest.field, latest.old_value, latest.new_value, latest.source) == (
            "status",
            "Open",
            "Done",
            ChangeSource.APP,
        )
    assert descriptions(page) == [CIRCULATE]  # no longer overdue
    assert page.note.text() == "Status set to Done for 2 action points."


def test_new_action_point_without_a_meeting(qtbot, page, sample_db):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.new_dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.description, "Brief the new Resident Coordinator on the Network")
    choose(qtbot, dialog.organisation, "RCO")
    qtbot.mouseClick(dialog.no_due, Qt.MouseButton.LeftButton, pos=QPoint(4, dialog.no_due.height() // 2))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    new_id = action_id(sample_db, "Brief the new Resident Coordinator on the Network")
    detail = service.get_action_point(sample_db, new_id)
    assert (detail.meeting_id, detail.due_date, detail.status) == (None, None, ActionStatus.OPEN)
    assert detail.organisation.endswith("(RCO)") or "RCO" in detail.organisation
    assert page.selected_ids() == [new_id]
    assert page.panel.description.text() == detail.description


def test_new_action_point_needs_a_description(qtbot, page, dialog_calls):
    dialog = page.new_action_point()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog_calls == [("show_error", "Action point not created", "An action point needs a description.")]
    assert dialog.isVisible()
    dialog.reject()


# --------------------------------------------------------------------------- trackers


def test_export_tracker_with_the_current_filter(qtbot, page, sample_db, tmp_path, monkeypatch):
    target = tmp_path / "tracker-iom"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append(text) or True)
    opened = []
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)
    choose(qtbot, page.filters.organisation, "IOM")
    qtbot.waitUntil(lambda: len(descriptions(page)) == 3)

    task = page.export_tracker()
    with qtbot.waitSignal(task.finished, timeout=15000):
        pass
    written = tmp_path / "tracker-iom.xlsx"
    qtbot.waitUntil(lambda: opened == [written])
    book = read_action_tracker(written)
    assert sorted(row.key for row in book.rows) == sorted(action_uuid(sample_db, t) for t in (SHARE, TRANSLATE, DRAFT))
    assert "3 action points" in asked[0]


def _edited_tracker(db, tmp_path: Path) -> Path:
    """A tracker of every action point, edited as a field office would: SHARE done with a note,
    DRAFT's note filled in, a row added."""
    exported = tmp_path / "tracker.xlsx"
    export_action_tracker(db, exported, status=None, today=TODAY)
    wb = load_workbook(exported)
    ws = wb[ACTION_TRACKER.sheet_title]
    by_header = {c.header: c.id for c in ACTION_TRACKER.all_columns}
    col = {by_header[c.value]: c.column for c in ws[1]}
    edits = {
        action_uuid(db, SHARE): {"status": "Selesai", "completion_note": "Shared with BP2MI"},
        action_uuid(db, DRAFT): {"completion_note": "Outline circulated"},
    }
    for r in range(2, ws.max_row + 1):
        for cid, value in edits.get(ws.cell(r, col["key"]).value, {}).items():
            ws.cell(r, col[cid]).value = value
    new_row = ws.max_row + 1
    ws.cell(new_row, col["description"]).value = "Organise a briefing for the Batam field office"
    ws.cell(new_row, col["organisation"]).value = "ILO"
    ws.cell(new_row, col["status"]).value = "Belum"
    edited = tmp_path / "tracker-from-iom.xlsx"
    wb.save(edited)
    return edited


def _open_preview(qtbot, page, monkeypatch, path: Path):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=15000)
    return page.preview


def test_import_through_the_preview_resolving_a_conflict_with_the_file(qtbot, page, sample_db, tmp_path, monkeypatch):
    edited = _edited_tracker(sample_db, tmp_path)
    # Changed in the app after the export, differently: a conflict.
    share_id = action_id(sample_db, SHARE)
    service.update_action_point(sample_db, share_id, status="in_progress")

    preview = _open_preview(qtbot, page, monkeypatch, edited)
    assert "tracker-from-iom.xlsx" in preview.summary.text()
    assert "1 action point to change, 1 new action point, 1 conflict" in preview.summary.text()
    rows = preview.rows_model
    outcomes = {
        rows.data(rows.index(r, ImportRowsModel.DESCRIPTION)): rows.data(rows.index(r, ImportRowsModel.OUTCOME))
        for r in range(rows.rowCount())
    }
    assert outcomes == {
        SHARE: "Conflict",
        DRAFT: "Change",
        "Organise a briefing for the Batam field office": "New",
    }
    draft_row = [r for r in range(rows.rowCount()) if rows.record(r).description == DRAFT][0]
    assert rows.data(rows.index(draft_row, ImportRowsModel.DETAILS)) == "Completion note: (empty) → Outline circulated"

    conflicts = preview.conflicts_model
    assert conflicts.rowCount() == 1
    assert conflicts.data(conflicts.index(0, ConflictModel.APP)) == "Status: In progress"
    assert conflicts.data(conflicts.index(0, ConflictModel.INCOMING)) == "Status: Done"
    assert conflicts.data(conflicts.index(0, ConflictModel.KEEP)) == "The app's value"  # the default
    view = preview.conflicts_view
    rect = view.visualRect(conflicts.index(0, ConflictModel.DESCRIPTION))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(preview.take_incoming_button, Qt.MouseButton.LeftButton)
    assert conflicts.data(conflicts.index(0, ConflictModel.KEEP)) == "The file's value"
    assert preview.resolutions() == {action_uuid(sample_db, SHARE): "incoming"}

    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)

    share = service.get_action_point(sample_db, share_id)
    assert (share.status, share.completion_note) == (ActionStatus.DONE, "Shared with BP2MI")
    assert service.get_action_point(sample_db, action_id(sample_db, DRAFT)).completion_note == "Outline circulated"
    new_id = action_id(sample_db, "Organise a briefing for the Batam field office")
    assert service.get_action_point(sample_db, new_id).meeting_id is None
    assert page.note.text().startswith("tracker-from-iom.xlsx imported: 2 action points changed; 1 new action point created")

    # The history in the panel says where the change came from.
    page.select_ids([share_id])
    history = page.panel.history_model
    first = [history.data(history.index(0, c)) for c in (HistoryModel.WHAT, HistoryModel.CHANGE, HistoryModel.SOURCE)]
    assert first in (
        ["Status", "In progress → Done", "tracker-from-iom.xlsx"],
        ["Completion note", "(empty) → Shared with BP2MI", "tracker-from-iom.xlsx"],
    )
    sources = {history.data(history.index(r, HistoryModel.SOURCE)) for r in range(history.rowCount())}
    assert sources == {"In the app", "tracker-from-iom.xlsx"}
    # The panel's list shows each entry in two lines: what, then when and from where.
    entry = page.panel.history.model().data(page.panel.history.model().index(0, page.panel.history.modelColumn()))
    assert entry.splitlines()[1].endswith("WIB · tracker-from-iom.xlsx")


def _snapshot(db) -> tuple:
    with db.session() as s:
        points = s.execute(
            sa.select(m.ActionPoint.uuid, m.ActionPoint.status, m.ActionPoint.completion_note).order_by(m.ActionPoint.id)
        ).all()
        history = s.scalar(sa.select(sa.func.count()).select_from(m.ActionPointChange))
    return tuple(points), history


def test_cancel_in_the_preview_writes_nothing(qtbot, page, sample_db, tmp_path, monkeypatch):
    edited = _edited_tracker(sample_db, tmp_path)
    before = _snapshot(sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, edited)
    qtbot.mouseClick(preview.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not preview.isVisible())
    assert _snapshot(sample_db) == before
    assert page.note.text() == "tracker-from-iom.xlsx was not imported: nothing changed."


def test_rows_with_problems_block_apply_until_skipped(qtbot, page, sample_db, tmp_path, monkeypatch):
    exported = tmp_path / "tracker.xlsx"
    export_action_tracker(sample_db, exported, status=None, today=TODAY)
    wb = load_workbook(exported)
    ws = wb[ACTION_TRACKER.sheet_title]
    by_header = {c.header: c.id for c in ACTION_TRACKER.all_columns}
    col = {by_header[c.value]: c.column for c in ws[1]}
    for r in range(2, ws.max_row + 1):
        key = ws.cell(r, col["key"]).value
        if key == action_uuid(sample_db, SEND):
            ws.cell(r, col["status"]).value = "Finished maybe"
        if key == action_uuid(sample_db, DRAFT):
            ws.cell(r, col["status"]).value = "Dalam proses"
    wb.save(exported)
    preview = _open_preview(qtbot, page, monkeypatch, exported)
    assert preview.problems.isVisible()
    assert not preview.apply_button.isEnabled()
    rows = preview.rows_model
    assert rows.data(rows.index(0, ImportRowsModel.OUTCOME)) == "Problem"
    assert "Finished maybe" in rows.data(rows.index(0, ImportRowsModel.DETAILS))
    qtbot.mouseClick(preview.skip, Qt.MouseButton.LeftButton, pos=QPoint(4, preview.skip.height() // 2))
    assert preview.apply_button.isEnabled()
    qtbot.mouseClick(preview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15000)
    assert status_of(sample_db, DRAFT) is ActionStatus.IN_PROGRESS
    assert status_of(sample_db, SEND) is ActionStatus.OPEN


def test_a_foreign_workbook_is_refused_in_one_line(qtbot, page, sample_db, tmp_path, monkeypatch, dialog_calls):
    foreign = tmp_path / "contacts.xlsx"
    wb = Workbook()
    wb.active.append(["Name", "E-mail"])
    wb.active.append(["Dewi", "dewi@example.org"])
    wb.save(foreign)
    before = _snapshot(sample_db)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: foreign)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog_calls), timeout=15000)
    ((kind, title, text),) = dialog_calls
    assert (kind, title) == ("show_error", "Tracker not imported")
    assert "contacts.xlsx is not an action-point tracker" in text
    assert "\n" not in text
    assert page.preview is None
    assert _snapshot(sample_db) == before


def test_the_page_in_the_main_window(db, make_window, monkeypatch):
    from sample_network import build_sample

    build_sample(db, today=service.today_wib())
    window = make_window(db)
    page = window.show_page("action_points")
    assert isinstance(page, ActionPointsPage)
    assert page.model.total == 8
    window.show_page("dashboard")
    first = page.model.record(0).id
    service.set_status_many(db, [first], "dropped")
    assert window.show_page("action_points") is page  # shown again: read again
    assert page.model.record(page.model.row_of(first)).status is ActionStatus.DROPPED
