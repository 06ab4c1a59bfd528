"""The Work plans page driven as the officer drives it: the activity form, the totals that follow,
the GCM coverage, copy to next year, endorsement, and the Excel round trip with a conflict settled
in the preview. Message boxes and file dialogs are patched (``dialog_calls``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt

from unnet_desktop.core.enums import ActivityStatus, WorkPlanStatus
from unnet_desktop.files import workplan_xlsx as wx
from unnet_desktop.files.workplan_xlsx import export_workplan
from unnet_desktop.files.workplan_xlsx_import import Outcome
from unnet_desktop.services import workplans as wp
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.pages.workplans import WorkPlansPage
from unnet_desktop.ui.table_model import ID_ROLE
from unnet_desktop.ui.workplans.overview_model import LeadTotalsModel, OverviewModel

LEFT = Qt.MouseButton.LeftButton


def _tick(qtbot, box) -> None:
    """Click a check box on its box (a wide check box toggles only over its box and text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
YEAR = 2026  # the sample network's plan: RG1.1-RG1.3, each led by IOM, 25,000 USD required


def _page(qtbot, db, year: int = YEAR) -> WorkPlansPage:
    page = WorkPlansPage(db)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.select_year(year)
    return page


def _org(db, acronym: str) -> int:
    return next(c.id for c in wp.organisation_choices(db) if c.label.endswith(f"({acronym})"))


def _subtotal(page: WorkPlansPage, group: int, column: int) -> str:
    return page.model.text(page.model.row_of("subtotal", group), column)


def _total(page: WorkPlansPage, column: int) -> str:
    return page.model.text(page.model.row_of("total"), column)


def _click_row(qtbot, page: WorkPlansPage, row: int, *, double: bool = False) -> None:
    rect = page.view.visualRect(page.model.index(row, OverviewModel.TITLE))
    qtbot.mouseClick(page.view.viewport(), LEFT, pos=rect.center())
    if double:
        qtbot.mouseDClick(page.view.viewport(), LEFT, pos=rect.center())


# --------------------------------------------------------------------------- the overview


def test_the_plan_is_shown_by_results_group_with_subtotals_and_total(qtbot, sample_db):
    page = _page(qtbot, sample_db)
    kinds = [line.kind for line in page.model.lines()]
    assert kinds[:6] == ["group", "activity", "activity", "activity", "subtotal", "group"]
    assert kinds[-1] == "total"
    assert page.model.text(0, OverviewModel.CODE) == "RG1 Inclusive Human Development"
    assert page.view.columnSpan(0, 0) == page.model.columnCount()  # the heading across the table
    assert _subtotal(page, 1, OverviewModel.REQUIRED) == "75,000"
    assert _subtotal(page, 1, OverviewModel.CODE) == "Subtotal RG1 · 3 activities"
    assert _total(page, OverviewModel.GAP) == "75,000"
    gap = page.model.index(page.model.row_of("total"), OverviewModel.GAP)
    assert page.model.data(gap, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"  # a gap in red
    assert page.model.data(gap, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert page.required_figure.value.text() == "75,000"
    assert page.gap_figure.value.text() == "75,000"
    assert page.status_badge.text() == "Endorsed"
    assert "12 February 2026" in page.status_text.text()
    assert [t.label for t in page.lead_model.records()] == ["IOM"]
    assert page.lead_model.data(page.lead_model.index(0, LeadTotalsModel.REQUIRED)) == "75,000"


def test_a_database_without_plans_says_how_to_start(qtbot, db):
    page = WorkPlansPage(db)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert not page.year_combo.isEnabled()


# --------------------------------------------------------------------------- the activity form


def test_creating_an_activity_through_the_form_changes_subtotal_and_total(qtbot, sample_db, dialog_calls):
    page = _page(qtbot, sample_db)
    assert _subtotal(page, 1, OverviewModel.REQUIRED) == "75,000"
    assert page.model.row_of("subtotal", 2) is not None and _subtotal(page, 2, OverviewModel.REQUIRED) == "0"

    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.activity_dialog
    assert dialog.isVisible()
    assert dialog.code.text() == "RG1.4"  # proposed by the service
    dialog.results_group.setCurrentIndex(dialog.results_group.findData(2))
    assert dialog.code.text() == "RG2.1"  # follows the results group while not typed over
    qtbot.keyClicks(dialog.title_edit, "Pre-departure orientation for fishers")
    dialog.tabs.setCurrentIndex(dialog.TAB_AGENCIES)
    dialog.lead.setCurrentIndex(dialog.lead.findData(_org(sample_db, "ILO")))
    dialog.tabs.setCurrentIndex(dialog.TAB_OBJECTIVES)
    _tick(qtbot, dialog.objectives.boxes[6])
    dialog.tabs.setCurrentIndex(dialog.TAB_PROGRESS)
    qtbot.keyClicks(dialog.budget_required, "40,000")
    qtbot.keyClicks(dialog.budget_available, "15000.50")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.ok_button, LEFT)
    created = saved.args[0]
    assert created.code == "RG2.1" and created.objectives == (6,)

    assert _subtotal(page, 2, OverviewModel.REQUIRED) == "40,000"
    assert _subtotal(page, 2, OverviewModel.AVAILABLE) == "15,001"  # whole dollars, half up
    assert _subtotal(page, 2, OverviewModel.GAP) == "25,000"
    gap = page.model.index(page.model.row_of("subtotal", 2), OverviewModel.GAP)
    assert page.model.data(gap, Qt.ItemDataRole.ToolTipRole) == "24,999.50 USD"  # the exact figure
    assert _subtotal(page, 1, OverviewModel.REQUIRED) == "75,000"
    assert _total(page, OverviewModel.REQUIRED) == "115,000"
    assert _total(page, OverviewModel.CODE) == "Total · 4 activities"
    assert page.required_figure.value.text() == "115,000"
    assert page.activities_figure.value.text() == "4"
    assert {t.label: t.required for t in page.lead_model.records()} == {
        "ILO": Decimal("40000.00"),
        "IOM": Decimal("75000.00"),
    }
    assert page.selected_activity_id() == created.id  # the new activity is chosen in the table
    assert dialog_calls == []


def test_a_refusal_keeps_the_form_open_with_everything_typed(qtbot, sample_db, dialog_calls):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.activity_dialog
    qtbot.keyClicks(dialog.title_edit, "Returnee data")
    dialog.tabs.setCurrentIndex(dialog.TAB_PROGRESS)
    qtbot.keyClicks(dialog.budget_required, "12 thousand")
    dialog.tabs.setCurrentIndex(dialog.TAB_DESCRIPTION)
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert dialog_calls and dialog_calls[0][0] == "show_error"
    assert "budget required" in dialog_calls[0][2]
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == dialog.TAB_PROGRESS  # shows where the problem is
    assert dialog.title_edit.text() == "Returnee data"
    assert dialog.budget_required.text() == "12 thousand"
    assert page.model.row_of_activity(0) is None and _total(page, OverviewModel.CODE) == "Total · 3 activities"

    dialog.budget_required.clear()
    qtbot.keyClicks(dialog.budget_required, "12000")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert _total(page, OverviewModel.REQUIRED) == "87,000"


def test_a_code_already_used_is_refused(qtbot, sample_db, dialog_calls):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.new_button, LEFT)
    dialog = page.activity_dialog
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, "rg1.2")
    qtbot.keyClicks(dialog.title_edit, "Another activity")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "already used" in dialog_calls[0][2]
    assert dialog.isVisible() and dialog.focusWidget() is dialog.code


def test_editing_an_activity_by_double_click_updates_its_gap(qtbot, sample_db, dialog_calls):
    page = _page(qtbot, sample_db)
    row = 2  # RG1.2
    activity_id = page.model.data(page.model.index(row, 0), ID_ROLE)
    _click_row(qtbot, page, row, double=True)
    dialog = page.activity_dialog
    assert dialog.code.text() == "RG1.2"
    assert dialog.budget_required.text() == "25,000.00"
    dialog.tabs.setCurrentIndex(dialog.TAB_PROGRESS)
    qtbot.keyClicks(dialog.budget_available, "25000")
    dialog.status.setCurrentIndex(dialog.status.findData(ActivityStatus.ON_TRACK))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    row = page.model.row_of_activity(activity_id)
    assert page.model.text(row, OverviewModel.GAP) == "0"
    assert page.model.text(row, OverviewModel.STATUS) == "On track"
    assert _subtotal(page, 1, OverviewModel.GAP) == "50,000"
    assert page.selected_activity_id() == activity_id


def test_deleting_an_activity_asks_first(qtbot, sample_db, dialog_calls, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: asked.append(text) or True)
    page = _page(qtbot, sample_db)
    _click_row(qtbot, page, 1)
    assert page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, LEFT)
    assert "RG1.1" in asked[0]
    assert _total(page, OverviewModel.CODE) == "Total · 2 activities"
    assert _total(page, OverviewModel.REQUIRED) == "50,000"


# --------------------------------------------------------------------------- coverage


def test_the_coverage_view_marks_the_objectives_no_activity_addresses(qtbot, sample_db):
    ilo = _org(sample_db, "ILO")
    wp.create_activity(
        sample_db, YEAR, wp.ActivityData(title="Fair recruitment", results_group=2, lead_agency_id=ilo, objectives=(6, 7))
    )
    page = _page(qtbot, sample_db)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    assert page.tabs.currentWidget() is page.coverage_view
    assert page.tabs.tabText(1) == "GCM coverage (2/23)"
    view = page.coverage_view
    assert not view.tile(6).uncovered
    assert view.tile(6).figures.text() == "1 activity · 1 agency"
    assert view.tile(8).uncovered
    assert view.tile(8).figures.text() == "Not addressed"
    assert 8 in view.uncovered_numbers() and 6 not in view.uncovered_numbers()
    assert view.gaps.text().startswith("Not addressed: 1, 2, 3, 4, 5, 8,")
    assert "2 of 23 GCM objectives" in view.summary.text()


def test_cancelled_activities_count_only_when_asked(qtbot, sample_db):
    wp.create_activity(
        sample_db, YEAR, wp.ActivityData(title="Dropped idea", objectives=(23,), status=ActivityStatus.CANCELLED)
    )
    page = _page(qtbot, sample_db)
    page.tabs.setCurrentWidget(page.coverage_view)
    assert page.coverage_view.tile(23).uncovered
    qtbot.mouseClick(page.coverage_view.include_cancelled, LEFT)
    assert not page.coverage_view.tile(23).uncovered


# --------------------------------------------------------------------------- the plan


def test_copy_to_next_year_then_endorse_it(qtbot, sample_db, dialog_calls, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.copy_button, LEFT)
    assert page.year == YEAR + 1
    assert page.year_combo.currentText() == str(YEAR + 1)
    assert dialog_calls[-1][1] == "Copied to next year"
    assert "3 unfinished activities" in dialog_calls[-1][2]
    assert page.status_badge.text() == "Draft"
    assert _total(page, OverviewModel.CODE) == "Total · 3 activities"
    assert _total(page, OverviewModel.REQUIRED) == "0"  # budgets are yearly: they start empty

    qtbot.mouseClick(page.endorse_button, LEFT)
    dialog = page.date_dialog
    dialog.set_date(dt.date(2099, 1, 1))
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "future" in dialog_calls[-1][2] and dialog.isVisible()
    dialog.set_date(dt.date(2026, 3, 2))
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert page.status_badge.text() == "Endorsed"
    assert "02 March 2026" in page.status_text.text()
    assert wp.get_work_plan(sample_db, YEAR + 1).status is WorkPlanStatus.ENDORSED
    assert page.endorse_button.text() == "Back to draft…"

    qtbot.mouseClick(page.endorse_button, LEFT)
    assert page.status_badge.text() == "Draft"


def test_new_plan_dialog_creates_an_empty_draft(qtbot, sample_db, dialog_calls):
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.new_plan_button, LEFT)
    dialog = page.plan_dialog
    dialog.year.setValue(YEAR)  # taken
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert "already a work plan" in dialog_calls[-1][2] and dialog.isVisible()
    dialog.year.setValue(2030)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert page.year == 2030
    assert page.header.subtitle.text() == wp.default_plan_title(2030)
    assert _total(page, OverviewModel.CODE) == "Total · 0 activities"


# --------------------------------------------------------------------------- Excel


def test_export_writes_the_workbook_and_offers_to_open_it(qtbot, sample_db, dialog_calls, monkeypatch, tmp_path):
    offered, opened = [], []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: tmp_path / "plan")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: offered.append(text) or True)
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)
    page = _page(qtbot, sample_db)
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened == [tmp_path / "plan.xlsx"]
    assert "3 activities" in offered[0]
    assert load_workbook(tmp_path / "plan.xlsx").sheetnames[0] == "Work plan 2026"


def _returned_workbook(db, tmp_path, changes: dict[str, dict[str, object]]):
    """The plan exported as the app does it, then edited by an agency in Excel."""
    source = export_workplan(db, YEAR, tmp_path / "exported.xlsx").path
    wb = load_workbook(source)
    ws = wb[wx.sheet_title(YEAR)]
    column = {c.key: i for i, c in enumerate(wx.COLUMNS, 1)}
    rows = {ws.cell(r, column["code"]).value: r for r in range(2, ws.max_row + 1)}
    for code, fields in changes.items():
        for key, value in fields.items():
            ws.cell(rows[code], column[key]).value = value
    target = tmp_path / "returned.xlsx"
    wb.save(target)
    return target


def _activity(db, code: str) -> wp.ActivityRow:
    return next(a for g in wp.plan_overview(db, YEAR).groups for a in g.activities if a.code == code)


def _open_preview(qtbot, page, monkeypatch, path):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: path)
    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible(), timeout=10000)
    return page.import_dialog


def test_a_conflict_settled_in_the_preview_with_the_workbook_value(
    qtbot, sample_db, dialog_calls, monkeypatch, tmp_path
):
    first, second = _activity(sample_db, "RG1.1"), _activity(sample_db, "RG1.2")
    path = _returned_workbook(
        sample_db, tmp_path, {"RG1.1": {"progress_pct": 60, "budget_available": 20000}, "RG1.2": {"progress_pct": 10}}
    )
    wp.update_activity(sample_db, first.id, progress_pct=30)  # the same field, changed in the app since
    page = _page(qtbot, sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, path)

    assert preview.apply_button.isEnabled()
    assert preview.badges[Outcome.CONFLICT].text() == "Conflict: 1"
    assert preview.badges[Outcome.UPDATE].text() == "Update: 1"
    outcomes = {r.code: preview.model.data(preview.model.index(i, 3)) for i, r in enumerate(preview.model.records())}
    assert outcomes == {"RG1.1": "Conflict", "RG1.2": "Update", "RG1.3": "Unchanged"}
    box = preview.conflict_box(first.uuid)
    app_value, incoming_value = box.value_labels["progress_pct"]
    assert (app_value.text(), incoming_value.text()) == ("30", "60")
    assert box.keep_app.isChecked()  # nothing is overwritten unless chosen
    qtbot.mouseClick(box.take_incoming, LEFT)
    assert preview.resolutions() == {first.uuid: "incoming"}

    qtbot.mouseClick(preview.apply_button, LEFT)
    qtbot.waitUntil(lambda: any(call[1] == "Work plan imported" for call in dialog_calls), timeout=10000)
    assert "1 conflict settled with the workbook's values" in dialog_calls[-1][2]
    assert wp.get_activity(sample_db, first.id).progress_pct == 60
    assert wp.get_activity(sample_db, first.id).budget_available == Decimal("20000.00")
    assert wp.get_activity(sample_db, second.id).progress_pct == 10
    row = page.model.row_of_activity(first.id)
    assert page.model.text(row, OverviewModel.PROGRESS) == "60%"
    assert _subtotal(page, 1, OverviewModel.AVAILABLE) == "20,000"  # the totals follow


def test_keeping_the_app_value_still_takes_the_rows_other_changes(
    qtbot, sample_db, dialog_calls, monkeypatch, tmp_path
):
    first = _activity(sample_db, "RG1.1")
    path = _returned_workbook(sample_db, tmp_path, {"RG1.1": {"progress_pct": 60, "budget_available": 20000}})
    wp.update_activity(sample_db, first.id, progress_pct=30)
    page = _page(qtbot, sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, path)
    qtbot.mouseClick(preview.apply_button, LEFT)
    qtbot.waitUntil(lambda: any(call[1] == "Work plan imported" for call in dialog_calls), timeout=10000)
    after = wp.get_activity(sample_db, first.id)
    assert (after.progress_pct, after.budget_available) == (30, Decimal("20000.00"))


def test_cancelling_the_preview_changes_nothing(qtbot, sample_db, dialog_calls, monkeypatch, tmp_path):
    first = _activity(sample_db, "RG1.1")
    path = _returned_workbook(sample_db, tmp_path, {"RG1.1": {"progress_pct": 60}})
    wp.update_activity(sample_db, first.id, progress_pct=30)
    before = wp.get_activity(sample_db, first.id)
    page = _page(qtbot, sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, path)
    qtbot.mouseClick(preview.conflict_box(first.uuid).take_incoming, LEFT)
    qtbot.mouseClick(preview.cancel_button, LEFT)
    qtbot.wait(50)
    assert wp.get_activity(sample_db, first.id) == before
    assert dialog_calls == []


def test_rows_with_problems_block_the_whole_import(qtbot, sample_db, dialog_calls, monkeypatch, tmp_path):
    path = _returned_workbook(
        sample_db, tmp_path, {"RG1.1": {"progress_pct": 70}, "RG1.2": {"progress_pct": "most of it"}}
    )
    page = _page(qtbot, sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, path)
    assert not preview.apply_button.isEnabled()
    assert "nothing can be imported" in preview.message.text()
    assert preview.model.data(preview.model.index(0, 3)) == "Problem"  # problems listed first
    assert "Progress %" in preview.model.data(preview.model.index(0, 4))
    qtbot.mouseClick(preview.cancel_button, LEFT)
    assert _activity(sample_db, "RG1.1").progress_pct == 0


def test_the_apps_own_export_imports_back_with_nothing_to_apply(qtbot, sample_db, dialog_calls, monkeypatch, tmp_path):
    path = export_workplan(sample_db, YEAR, tmp_path / "same.xlsx").path
    page = _page(qtbot, sample_db)
    preview = _open_preview(qtbot, page, monkeypatch, path)
    assert not preview.apply_button.isEnabled()
    assert preview.message.text().startswith("Nothing to import")
    assert preview.conflict_boxes == []


# --------------------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester, sample_db):
    overview = wp.plan_overview(sample_db, YEAR)
    model = OverviewModel()
    model.set_overview(overview)
    qtmodeltester.check(model, force_py=True)
    lead = LeadTotalsModel()
    lead.set_records(overview.totals.by_lead_agency)
    qtmodeltester.check(lead, force_py=True)


def test_the_demo_plan_opens(qtbot, demo_db):
    page = _page(qtbot, demo_db, 2024)
    assert _total(page, OverviewModel.CODE) == "Total · 10 activities"
    assert page.coverage_view.uncovered_numbers() == [o.number for o in page.coverage.uncovered]
    assert page.status_badge.text() == "Endorsed"


@pytest.mark.parametrize("hidden", [("participating_text", "location")])
def test_columns_hidden_by_default_can_be_shown(qtbot, sample_db, hidden):
    page = _page(qtbot, sample_db)
    for key in hidden:
        assert page.view.isColumnHidden(OverviewModel.KEYS.index(key))
    column = OverviewModel.KEYS.index("location")
    page.show_column(column, True)
    again = _page(qtbot, sample_db)
    assert not again.view.isColumnHidden(column)  # remembered
