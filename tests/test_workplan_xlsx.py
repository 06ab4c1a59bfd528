"""The Excel work plan: the workbook's layout, and the round trip (edits, conflicts, problems,
idempotent re-import, foreign workbooks refused), against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActivityStatus
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.files import keyed_workbook as kw
from unnet_desktop.files import workplan_xlsx as wx
from unnet_desktop.files import workplan_xlsx_import as wi
from unnet_desktop.services import workplans as wp
from unnet_desktop.services.tracker_sync import Outcome as O

D = Decimal
COL = {c.key: i for i, c in enumerate(wx.COLUMNS, 1)}


@pytest.fixture
def plan(db):
    """The 2025 plan: RG1.1-RG1.3, RG2.1, RG4.1 (nothing in RG3). Returns {code: activity id}."""
    with db.session() as s:
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM")
        ilo = m.Organisation(name="International Labour Organization", acronym="ILO")
        s.add_all([iom, ilo])
        s.flush()
        ids = iom.id, ilo.id
    wp.create_work_plan(db, 2025)
    specs = [
        dict(title="Data on returning migrant workers", results_group=1, lead_agency_id=ids[0], objectives=(1,),
             status="On track", progress_pct=40, budget_required=100_000, budget_available=60_000, budget_spent=20_000,
             gender_marker=2, gender_marker_note="Data disaggregated by sex."),
        dict(title="=HYPERLINK(\"http://x\") awareness campaign", results_group=1, lead_agency_id=ids[1],
             participating_agency_ids=(ids[0],), objectives=(3, 6), budget_required="50000.50",
             progress_note="-5% of the target so far\nsecond line"),
        dict(title="Pre-departure orientation", results_group=1, lead_agency_id=ids[0], objectives=(6,),
             start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 11, 30)),
        dict(title="Skills recognition", results_group=2, lead_agency_id=ids[1], objectives=(18,), budget_required=25_000.25,
             budget_available=25_000.25),
        dict(title="Digital remittances", results_group=4, objectives=(20,), budget_available=1_000, status="Delayed"),
    ]
    return {wp.create_activity(db, 2025, wp.ActivityData(**spec)).code: None for spec in specs} and {
        a.code: a.id for g in wp.plan_overview(db, 2025).groups for a in g.activities
    }


def export(db, tmp_path, name="plan.xlsx") -> Path:
    return wx.export_workplan(db, 2025, tmp_path / name).path


def edit(source: Path, target: Path, changes: dict[str, dict[str, object]], extra_rows=()) -> Path:
    """Open the workbook as Excel would, change cells of rows found by code, add rows, save."""
    wb = load_workbook(source)
    ws = wb[wx.sheet_title(2025)]
    rows = {ws.cell(r, COL["code"]).value: r for r in range(2, ws.max_row + 1)}
    for code, fields in changes.items():
        for key, value in fields.items():
            ws.cell(rows[code], COL[key]).value = value
    for values in extra_rows:
        r = ws.max_row + 1
        for key, value in values.items():
            ws.cell(r, COL[key]).value = value
    wb.save(target)
    return target


def outcomes(plan_) -> dict[str, str]:
    return {r.code: r.outcome for r in plan_.rows}


# --------------------------------------------------------------------------- the workbook


def test_export_layout(db, plan, tmp_path):
    path = export(db, tmp_path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Work plan 2025", "GCM coverage", "Instructions", "_meta"]
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible", "visible", "visible", "veryHidden"]
    ws = wb["Work plan 2025"]
    assert [c.value for c in ws[1]] == [c.header for c in wx.COLUMNS]
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value) for r in range(2, ws.max_row + 1)]
    keys = {code: ws.cell(r, 1).value for r, (_, code, _) in enumerate(rows, 2)}
    assert [(k if k.startswith("#") else "key", code, title if k.startswith("#") else None) for k, code, title in rows] == [
        ("#group RG1", "RG1 Inclusive Human Development", None),
        ("key", "RG1.1", None),
        ("key", "RG1.2", None),
        ("key", "RG1.3", None),
        ("#subtotal RG1", None, "Subtotal RG1"),
        ("#group RG2", "RG2 Economic Transformation", None),
        ("key", "RG2.1", None),
        ("#subtotal RG2", None, "Subtotal RG2"),
        ("#group RG4", "RG4 Innovation to Accelerate Progress Towards the SDGs", None),
        ("key", "RG4.1", None),
        ("#subtotal RG4", None, "Subtotal RG4"),
        ("#total", None, "Total"),
    ]
    with db.session() as s:
        assert keys["RG1.1"] == s.get(m.Activity, plan["RG1.1"]).uuid
    # Formulas: SUMs in the total rows only; everything else a value.
    formulas = {
        c.coordinate: c.value for row in ws.iter_rows() for c in row if c.data_type == "f"
    }
    assert formulas == {
        "W6": "=SUM(W3:W5)", "X6": "=SUM(X3:X5)", "Y6": "=SUM(Y3:Y5)", "Z6": "=SUM(W3:W5)-SUM(X3:X5)",
        "W9": "=SUM(W8:W8)", "X9": "=SUM(X8:X8)", "Y9": "=SUM(Y8:Y8)", "Z9": "=SUM(W8:W8)-SUM(X8:X8)",
        "W12": "=SUM(W11:W11)", "X12": "=SUM(X11:X11)", "Y12": "=SUM(Y11:Y11)", "Z12": "=SUM(W11:W11)-SUM(X11:X11)",
        "W13": "=SUM(W6,W9,W12)", "X13": "=SUM(X6,X9,X12)", "Y13": "=SUM(Y6,Y9,Y12)",
        "Z13": "=SUM(W6,W9,W12)-SUM(X6,X9,X12)",
    }
    assert all(ws.cell(int(ref[1:]), 1).value.startswith(("#subtotal", "#total")) for ref in formulas)
    for sheet in wb.worksheets[1:]:
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    # A title that looks like a formula stays text.
    title = ws.cell(4, COL["title"])
    assert (title.value, title.data_type, title.quotePrefix) == ('=HYPERLINK("http://x") awareness campaign', "s", True)
    assert ws.cell(4, COL["progress_note"]).value == "-5% of the target so far\nsecond line"
    # Values: numbers and dates are real cells.
    assert ws.cell(3, COL["budget_required"]).value == 100_000 and ws.cell(3, COL["progress_pct"]).value == 40
    assert ws.cell(5, COL["start_date"]).value == dt.datetime(2025, 2, 1)
    assert ws.cell(3, COL["status"]).value == "On track"
    # Editable cells unlocked and shaded; context locked.
    assert not ws.cell(3, COL["status"]).protection.locked
    assert ws.cell(3, COL["status"]).fill.fgColor.rgb == "00" + wx.EDITABLE_FILL
    assert ws.cell(3, COL["title"]).protection.locked
    assert ws.cell(1, COL["budget_spent"]).fill.fgColor.rgb == "00" + wx.EDITABLE_HEADER_FILL
    assert ws.cell(1, COL["title"]).fill.fgColor.rgb == "00" + wx.READ_ONLY_HEADER_FILL
    # Drop-downs for the status and the markers.
    validations = {str(dv.sqref): (dv.type, dv.formula1) for dv in ws.data_validations.dataValidation}
    assert validations["P3:P11"] == ("list", '"Not started,On track,Delayed,Completed,Cancelled"')
    assert validations["S3:S11 U3:U11"] == ("list", '"0,1,2,3"')
    assert validations["Q3:Q11"] == ("whole", "0")
    # The coverage sheet.
    cov = wb["GCM coverage"]
    assert cov["A2"].value.startswith("5 of 23 GCM objectives addressed; none address 2, 4, 5, 7, 8,")
    assert [c.value for c in cov[10]] == [6, "Recruitment and decent work",
                                         "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
                                         2, 2, "ILO, IOM", "Yes"]
    assert cov["G6"].value == "No"
    # The marker the generic reader checks, and the export time.
    book = kw.read_keyed_workbook(path, wx.WORKPLAN_KIND)
    assert book.kind == "unnet_desktop/work-plan" and book.meta["year"] == "2025"
    assert book.was_exported(keys["RG1.1"]) and not book.was_exported("0" * 36)
    assert abs(book.exported_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)
    text = "\n".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row if c.value)
    assert "Fill in only the yellow columns" in text and "Isi hanya kolom berwarna kuning" in text


def test_export_of_an_empty_plan_and_of_a_missing_one(db, tmp_path):
    wp.create_work_plan(db, 2026)
    path = wx.export_workplan(db, 2026, tmp_path / "empty.xlsx").path
    ws = load_workbook(path)["Work plan 2026"]
    assert [c.value for c in ws[2]][:3] == ["#total", None, "Total"]
    assert ws.cell(2, COL["budget_required"]).value == 0
    with pytest.raises(ValidationError, match=r"^There is no work plan for 2027\.$"):
        wx.export_workplan(db, 2027, tmp_path / "none.xlsx")
    assert not (tmp_path / "none.xlsx").exists()


# --------------------------------------------------------------------------- the round trip


def test_own_export_imports_back_with_no_change(db, plan, tmp_path):
    before = {code: wp.get_activity(db, i) for code, i in plan.items()}
    path = export(db, tmp_path)
    result = wi.plan_workplan_import(db, path)
    assert result.ok and result.year == 2025 and result.skipped_lines == 7
    assert outcomes(result) == dict.fromkeys(plan, O.UNCHANGED)
    applied = wi.apply_workplan_import(db, result)
    assert (applied.updated, applied.unchanged, applied.fields_changed) == (0, 5, 0)
    assert {code: wp.get_activity(db, i) for code, i in plan.items()} == before
    # Saved again by "Excel" (openpyxl), still nothing to change.
    resaved = edit(path, tmp_path / "resaved.xlsx", {})
    assert outcomes(wi.plan_workplan_import(db, resaved)) == dict.fromkeys(plan, O.UNCHANGED)


def test_round_trip_with_edits_and_a_conflict(db, plan, tmp_path):
    path = export(db, tmp_path)
    # After the export the officer edits RG2.1 and RG4.1 in the app.
    wp.update_activity(db, plan["RG2.1"], progress_pct=55)
    wp.update_activity(db, plan["RG4.1"], progress_note="Waiting for the bank")
    edited = edit(path, tmp_path / "back.xlsx", {
        "RG1.1": {"status": "Selesai", "progress_pct": 100, "budget_spent": 1234.5, "progress_note": "Report published."},
        "RG1.2": {"gender_marker": 1, "gender_marker_note": "Messages for women workers.", "budget_available": "30,000"},
        "RG2.1": {"progress_pct": 70, "progress_note": "Half the districts done"},  # progress also changed in the app
        "RG4.1": {"budget_required": 15000},  # the app changed another field: no conflict
    })
    result = wi.plan_workplan_import(db, edited)
    assert result.ok
    assert outcomes(result) == {
        "RG1.1": O.UPDATE, "RG1.2": O.UPDATE, "RG1.3": O.UNCHANGED, "RG2.1": O.CONFLICT, "RG4.1": O.UPDATE,
    }
    rg11 = next(r for r in result.rows if r.code == "RG1.1")
    assert [(c.field, wi.display_value(c.app), wi.display_value(c.incoming), c.conflict) for c in rg11.changes] == [
        ("status", "On track", "Completed", False),
        ("progress_pct", "40", "100", False),
        ("progress_note", "", "Report published.", False),
        ("budget_spent", "20,000.00", "1,234.50", False),
    ]
    conflict = next(r for r in result.rows if r.code == "RG2.1")
    assert [(c.field, c.conflict) for c in conflict.changes] == [("progress_pct", True), ("progress_note", False)]
    assert conflict.describe().startswith(f"row {conflict.row} RG2.1: conflict, changed in the app (")
    assert conflict.describe().endswith(
        "; not applied: Progress %: 55 -> 70 (changed in the app too); Progress note: (empty) -> Half the districts done"
    )
    assert result.summary == "3 to change, 1 conflict(s), 1 unchanged, 0 with problems"

    applied = wi.apply_workplan_import(db, result)  # the conflict kept as the app has it
    assert (applied.updated, applied.conflicts_skipped, applied.unchanged, applied.fields_changed) == (3, 1, 1, 8)
    got = wp.get_activity(db, plan["RG1.1"])
    assert (got.status, got.progress_pct, got.budget_spent, got.progress_note) == (
        ActivityStatus.COMPLETED, 100, D("1234.50"), "Report published.")
    got = wp.get_activity(db, plan["RG1.2"])
    assert (got.gender_marker, got.gender_marker_note, got.budget_available) == (1, "Messages for women workers.", D("30000.00"))
    assert (wp.get_activity(db, plan["RG2.1"]).progress_pct, wp.get_activity(db, plan["RG2.1"]).progress_note) == (55, "")
    got = wp.get_activity(db, plan["RG4.1"])
    assert (got.budget_required, got.progress_note) == (D("15000.00"), "Waiting for the bank")  # the app's edit stays
    assert wp.plan_totals(db, 2025).grand.spent == D("1234.50")

    # Importing the same file again: the applied rows are unchanged, the conflict still a conflict.
    again = wi.plan_workplan_import(db, edited)
    assert outcomes(again) == {
        "RG1.1": O.UNCHANGED, "RG1.2": O.UNCHANGED, "RG1.3": O.UNCHANGED, "RG2.1": O.CONFLICT, "RG4.1": O.UNCHANGED,
    }
    # The officer takes the workbook's values for RG2.1.
    key = next(r.key for r in again.rows if r.code == "RG2.1")
    applied = wi.apply_workplan_import(db, again, {key: wi.INCOMING})
    assert (applied.updated, applied.conflicts_incoming, applied.conflicts_skipped, applied.fields_changed) == (1, 1, 0, 2)
    got = wp.get_activity(db, plan["RG2.1"])
    assert (got.progress_pct, got.progress_note) == (70, "Half the districts done")
    # Idempotent: a third import changes nothing.
    third = wi.plan_workplan_import(db, edited)
    assert set(outcomes(third).values()) == {O.UNCHANGED}
    assert wi.apply_workplan_import(db, third).updated == 0


def test_resolving_a_conflict_with_the_app_values_keeps_the_other_changes(db, plan, tmp_path):
    path = export(db, tmp_path)
    wp.update_activity(db, plan["RG1.1"], status="Delayed")
    edited = edit(path, tmp_path / "back.xlsx", {"RG1.1": {"status": "Completed", "budget_spent": 500}})
    result = wi.plan_workplan_import(db, edited)
    row = result.conflicts[0]
    assert [(c.field, c.conflict) for c in row.changes] == [("status", True), ("budget_spent", False)]
    with pytest.raises(ValidationError, match="is not the key of a conflict in this import"):
        wi.apply_workplan_import(db, result, {"not-a-key": wi.APP})
    with pytest.raises(ValidationError, match="resolved with 'incoming' or 'app'"):
        wi.apply_workplan_import(db, result, {row.key: "mine"})
    applied = wi.apply_workplan_import(db, result, {row.key: wi.APP})
    assert (applied.updated, applied.conflicts_app, applied.fields_changed) == (1, 1, 1)
    got = wp.get_activity(db, plan["RG1.1"])
    assert (got.status, got.budget_spent) == (ActivityStatus.DELAYED, D("500.00"))


def test_workbooks_of_several_agencies_do_not_undo_each_other(db, plan, tmp_path):
    exported = export(db, tmp_path)
    from_iom = edit(exported, tmp_path / "iom.xlsx", {"RG1.1": {"progress_pct": 60}, "RG1.3": {"progress_note": "Started"}})
    from_ilo = edit(exported, tmp_path / "ilo.xlsx", {"RG1.2": {"progress_pct": 25}, "RG2.1": {"status": "On track"}})
    wi.apply_workplan_import(db, wi.plan_workplan_import(db, from_iom))
    wp.update_activity(db, plan["RG2.1"], budget_spent=10)  # the officer meanwhile
    second = wi.plan_workplan_import(db, from_ilo)
    assert outcomes(second) == {
        "RG1.1": O.UNCHANGED, "RG1.2": O.UPDATE, "RG1.3": O.UNCHANGED, "RG2.1": O.UPDATE, "RG4.1": O.UNCHANGED,
    }
    wi.apply_workplan_import(db, second)
    got = {code: wp.get_activity(db, i) for code, i in plan.items()}
    assert (got["RG1.1"].progress_pct, got["RG1.3"].progress_note, got["RG1.2"].progress_pct) == (60, "Started", 25)
    assert (got["RG2.1"].status, got["RG2.1"].budget_spent) == (ActivityStatus.ON_TRACK, D("10.00"))


def test_without_the_exported_values_the_two_way_rule_applies(db, plan, tmp_path):
    path = export(db, tmp_path)
    wp.update_activity(db, plan["RG1.3"], progress_pct=15)  # in the app after the export
    wb = load_workbook(path)
    meta = wb["_meta"]
    for r in range(meta.max_row, 0, -1):
        if str(meta.cell(r, 1).value).startswith("exported:"):
            meta.delete_rows(r)
    ws = wb["Work plan 2025"]
    ws.cell(3, COL["progress_pct"]).value = 45  # RG1.1
    wb.save(tmp_path / "old.xlsx")
    result = wi.plan_workplan_import(db, tmp_path / "old.xlsx")
    assert {r.code: r.outcome for r in result.rows if r.outcome != O.UNCHANGED} == {
        "RG1.1": O.UPDATE,
        "RG1.3": O.CONFLICT,  # the stale 0 differs from the app's 15
    }
    assert [wi.describe_change(c) for c in result.conflicts[0].changes] == ["Progress %: 15 -> 0 (changed in the app too)"]


def test_an_edit_after_the_preview_is_not_overwritten(db, plan, tmp_path):
    edited = edit(export(db, tmp_path), tmp_path / "back.xlsx", {"RG1.3": {"progress_pct": 10}})
    preview = wi.plan_workplan_import(db, edited)
    assert outcomes(preview)["RG1.3"] == O.UPDATE
    wp.update_activity(db, plan["RG1.3"], progress_pct=30)  # while the preview is open
    result = wi.apply_workplan_import(db, preview)
    assert (result.updated, result.conflicts_skipped) == (0, 1)
    assert wp.get_activity(db, plan["RG1.3"]).progress_pct == 30


def test_every_problem_is_reported_and_nothing_is_imported(db, plan, tmp_path):
    path = export(db, tmp_path)
    wb = load_workbook(path)
    ws = wb["Work plan 2025"]
    deleted_key = ws.cell(5, 1).value  # RG1.3, deleted in the app below
    wb.close()
    edited = edit(path, tmp_path / "bad.xlsx", {
        "RG1.1": {"status": "Finished", "progress_pct": 100},
        "RG1.2": {"budget_spent": "a lot", "progress_pct": "=50+10"},
        "RG2.1": {"gender_marker": 5, "human_rights_marker": 2,
                  "human_rights_marker_note": "One. Two. Three. Four."},
        "RG4.1": {"progress_note": "Fine", "gender_marker_note": "Without a marker."},
    }, extra_rows=[
        {"code": "RG9.9", "title": "Added by an agency", "status": "On track"},
        {"key": "11111111-2222-3333-4444-555555555555", "code": "RG1.8", "status": "On track", "progress_pct": 5},
    ])
    wp.delete_activity(db, plan["RG1.3"])
    before = {code: wp.get_activity(db, i) for code, i in plan.items() if code != "RG1.3"}
    result = wi.plan_workplan_import(db, edited)
    assert not result.ok
    reasons = {r.code: list(r.reasons) for r in result.errors}
    assert reasons == {
        "RG1.1": ["'Finished' is not a status; use one of: Not started, On track, Delayed, Completed, Cancelled"],
        "RG1.2": [
            "Progress %: a formula (=50+10) where a value is expected; type the value",
            "Spent (USD) must be an amount in US dollars such as 12500 or 12500.50, not 'a lot'",
        ],
        "RG2.1": ["Gender equality marker (0-3) must be a whole number from 0 to 3, not '5'"],
        "RG4.1": ["The gender equality marker justification needs a marker (0-3)"],
        "RG9.9": ["no key: rows added in Excel are not imported; add new activities in the app"],
        "RG1.8": ["unknown key: no such activity (the key was typed or pasted in, or the workbook comes from "
                  "another database)"],
    }
    assert {r.code: r.outcome for r in result.errors}["RG1.8"] is O.UNKNOWN_KEY
    # A row whose activity was deleted since the export is listed, not blocking.
    deleted = result.of(O.DELETED)
    assert [(r.key, r.reasons) for r in deleted] == [
        (deleted_key, ("deleted in the app since the workbook was exported; not imported",))
    ]
    with pytest.raises(ValidationError, match=r"^bad.xlsx has 6 row\(s\) with problems \(row 3: 'Finished' is not a status"):
        wi.apply_workplan_import(db, result)
    assert {code: wp.get_activity(db, i) for code, i in plan.items() if code != "RG1.3"} == before


def test_rules_checked_on_the_whole_activity(db, plan, tmp_path):
    edited = edit(export(db, tmp_path), tmp_path / "bad.xlsx", {
        "RG1.1": {"gender_marker_note": "One. Two. Three. Four."},
        "RG1.3": {"budget_required": -5},
    })
    reasons = {r.code: r.reasons for r in wi.plan_workplan_import(db, edited).errors}
    assert reasons == {
        "RG1.1": ("The gender equality marker justification has 4 sentences; a marker justification has at most 3",),
        "RG1.3": ("Required (USD) cannot be negative (-5)",),
    }


def test_copied_row_and_edited_totals(db, plan, tmp_path):
    path = export(db, tmp_path)
    wb = load_workbook(path)
    ws = wb["Work plan 2025"]
    ws.cell(6, COL["budget_required"]).value = 999  # someone typed over a subtotal: ignored
    r = ws.max_row + 1
    for c in range(1, len(wx.COLUMNS) + 1):
        ws.cell(r, c).value = ws.cell(3, c).value
    wb.save(tmp_path / "copy.xlsx")
    result = wi.plan_workplan_import(db, tmp_path / "copy.xlsx")
    assert [(r.row, r.code, r.reasons) for r in result.errors] == [
        (3, "RG1.1", ("the same key is also in row 14 (a copied row?); keep one of them",)),
        (14, "RG1.1", ("the same key is also in row 3 (a copied row?); keep one of them",)),
    ]


def test_foreign_workbooks_are_refused(db, plan, tmp_path):
    plain = tmp_path / "plain.xlsx"
    wb = Workbook()
    wb.active.append(["Code", "Status"])
    wb.save(plain)
    with pytest.raises(FileRefused, match=r"^plain.xlsx is not a work plan workbook exported by unnet_desktop"):
        wi.plan_workplan_import(db, plain)
    text = tmp_path / "notes.xlsx"
    text.write_text("hello")
    with pytest.raises(FileRefused, match=r"^notes.xlsx is not an Excel workbook \(.xlsx\)"):
        wi.plan_workplan_import(db, text)
    tracker_kind = kw.WorkbookKind(
        kind="unnet_desktop/action-tracker", label="action-point tracker", sheet_title="Action points",
        key_header="Key", columns=(kw.Column("status", "Status", editable=True),),
    )
    tracker = kw.write_keyed_workbook(tmp_path / "tracker.xlsx", tracker_kind, [("abc", "Open")]).path
    with pytest.raises(FileRefused, match=r"^tracker.xlsx is an action-point tracker, not a work plan workbook\.$"):
        wi.plan_workplan_import(db, tracker)
    with pytest.raises(FileRefused, match="does not exist"):
        wi.plan_workplan_import(db, tmp_path / "absent.xlsx")


def test_a_workbook_of_another_database_is_refused(db, plan, tmp_path, db_path):
    from unnet_desktop.core.database import open_database

    path = export(db, tmp_path)
    other = open_database(tmp_path / "other.sqlite")
    try:
        with pytest.raises(FileRefused, match=r"^plan.xlsx holds the 2025 work plan, which is not in this database\.$"):
            wi.plan_workplan_import(other, path)
        wp.create_work_plan(other, 2025)
        with pytest.raises(FileRefused, match=r"^plan.xlsx was exported from another 2025 work plan"):
            wi.plan_workplan_import(other, path)
    finally:
        other.close()


def test_a_workbook_that_lost_a_column_is_refused(db, plan, tmp_path):
    path = export(db, tmp_path)
    wb = load_workbook(path)
    wb["Work plan 2025"].cell(1, COL["budget_spent"]).value = "Expenditure"
    wb.save(tmp_path / "renamed.xlsx")
    with pytest.raises(FileRefused, match=r"^renamed.xlsx has lost the column\(s\) 'Spent \(USD\)'"):
        wi.plan_workplan_import(db, tmp_path / "renamed.xlsx")
