"""The command line of work plans and working groups: outputs and exit codes."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from unnet_desktop.cli.main import main
from unnet_desktop.core import models as m
from unnet_desktop.core.enums import Sex
from unnet_desktop.files import workplan_xlsx as wx
from unnet_desktop.services import working_groups as wg
from unnet_desktop.services import workplans as wp

COL = {c.key: i for i, c in enumerate(wx.COLUMNS, 1)}


@pytest.fixture
def filled(db):
    """A 2025 plan of three activities (RG1.1, RG1.2, RG3.1); returns {code: id}."""
    with db.session() as s:
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM")
        ilo = m.Organisation(name="International Labour Organization", acronym="ILO")
        s.add_all([iom, ilo])
        s.flush()
        iom_id, ilo_id = iom.id, ilo.id
    wp.create_work_plan(db, 2025)
    ids = {}
    for spec in (
        dict(title="Data", results_group=1, lead_agency_id=iom_id, objectives=(1,), budget_required=1000, budget_available=400),
        dict(title="Recruitment", results_group=1, lead_agency_id=ilo_id, objectives=(6,), budget_required=500, budget_available=900),
        dict(title="Climate mobility", results_group=3, lead_agency_id=iom_id, objectives=(2,), status="Completed"),
    ):
        saved = wp.create_activity(db, 2025, wp.ActivityData(**spec))
        ids[saved.code] = saved.id
    return ids


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "command",
    [["export", "workplan"], ["export", "group"], ["import", "workplan"], ["workplan", "show"],
     ["workplan", "coverage"], ["workplan", "copy"]],
)
def test_help(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: unnet-desktop" in capsys.readouterr().out


def test_export_workplan(db, filled, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    code, text, err = run(capsys, "export", "workplan", "2025", "--db", str(db.path), "-o", str(out))
    assert (code, err) == (0, "")
    assert text == f"Wrote the 2025 work plan (3 activities) to {out}\n"
    assert load_workbook(out).sheetnames[0] == "Work plan 2025"


def test_export_workplan_errors(db, filled, tmp_path, capsys):
    code, text, err = run(capsys, "export", "workplan", "2030", "--db", str(db.path), "-o", str(tmp_path / "x.xlsx"))
    assert (code, text, err) == (1, "", "unnet-desktop export: There is no work plan for 2030.\n")
    code, _, err = run(capsys, "export", "workplan", "2025", "--db", str(db.path), "-o", str(tmp_path / "nowhere" / "x.xlsx"))
    assert code == 1 and "does not exist" in err and err.count("\n") == 1
    code, _, err = run(capsys, "export", "workplan", "2025", "--db", str(db.path), "-o", str(tmp_path))
    assert code == 1 and "is a folder" in err


def _edit(path, target, changes):
    wb = load_workbook(path)
    ws = wb["Work plan 2025"]
    rows = {ws.cell(r, COL["code"]).value: r for r in range(2, ws.max_row + 1)}
    for code, fields in changes.items():
        for key, value in fields.items():
            ws.cell(rows[code], COL[key]).value = value
    wb.save(target)
    return target


def test_import_workplan_dry_run_then_for_real(db, filled, tmp_path, capsys):
    exported = tmp_path / "plan.xlsx"
    assert main(["export", "workplan", "2025", "--db", str(db.path), "-o", str(exported)]) == 0
    wp.update_activity(db, filled["RG1.2"], progress_pct=20)  # in the app after the export
    back = _edit(exported, tmp_path / "back.xlsx", {
        "RG1.1": {"progress_pct": 35, "budget_spent": 120.5},
        "RG1.2": {"status": "Terlambat", "progress_pct": 30},
    })
    capsys.readouterr()

    code, text, err = run(capsys, "import", "workplan", "--db", str(db.path), str(back), "--dry-run")
    lines = text.splitlines()
    assert (code, err) == (0, "")
    assert lines[0].startswith("back.xlsx: the 2025 work plan exported ") and lines[0].endswith(" WIB, 3 activity rows.")
    assert lines[1] == "row 3 RG1.1: would change Progress %: 0 -> 35; Spent (USD): (empty) -> 120.50"
    assert lines[2].startswith("row 4 RG1.2: conflict, changed in the app (")
    assert lines[2].endswith("not applied: Status: Not started -> Delayed; Progress %: 20 -> 30 (changed in the app too)")
    assert lines[3] == "Dry run, nothing written: 1 to change, 1 conflict(s), 1 unchanged, 0 with problems."
    assert wp.get_activity(db, filled["RG1.1"]).progress_pct == 0

    code, text, err = run(capsys, "import", "workplan", "--db", str(db.path), str(back))
    assert (code, err) == (0, "")
    assert text.splitlines()[1] == "row 3 RG1.1: changes Progress %: 0 -> 35; Spent (USD): (empty) -> 120.50"
    assert "conflict" in text.splitlines()[2]
    assert text.splitlines()[-1] == "Imported: 1 activities changed, 1 unchanged; 1 conflict(s) skipped."
    got = wp.get_activity(db, filled["RG1.1"])
    assert (got.progress_pct, got.budget_spent) == (35, Decimal("120.50"))

    code, text, _ = run(capsys, "import", "workplan", "--db", str(db.path), str(back))
    assert code == 0 and text.splitlines()[-1] == "Imported: 0 activities changed, 2 unchanged; 1 conflict(s) skipped."


def test_import_workplan_with_problems_exits_1(db, filled, tmp_path, capsys):
    exported = tmp_path / "plan.xlsx"
    assert main(["export", "workplan", "2025", "--db", str(db.path), "-o", str(exported)]) == 0
    back = _edit(exported, tmp_path / "back.xlsx", {"RG1.1": {"progress_pct": 150}, "RG3.1": {"budget_available": "=1+1"}})
    capsys.readouterr()
    code, text, err = run(capsys, "import", "workplan", "--db", str(db.path), str(back))
    assert (code, err) == (1, "")
    assert text.splitlines()[1:] == [
        "PROBLEM row 3 RG1.1: Progress % must be a whole number from 0 to 100, not '150'.",
        "PROBLEM row 7 RG3.1: Available (USD): a formula (=1+1) where a value is expected; type the value.",
        "Nothing was imported: 2 row(s) with problems. Correct them and import again.",
    ]
    assert wp.get_activity(db, filled["RG1.1"]).progress_pct == 0


def test_import_of_a_foreign_workbook_exits_1(db, filled, tmp_path, capsys):
    other = tmp_path / "contacts.xlsx"
    wb = Workbook()
    wb.active.append(["Name", "Email"])
    wb.save(other)
    code, text, err = run(capsys, "import", "workplan", "--db", str(db.path), str(other))
    assert (code, text) == (1, "")
    assert err.startswith("unnet-desktop import: contacts.xlsx is not a work plan workbook exported by unnet_desktop")
    assert err.count("\n") == 1


def test_workplan_show_coverage_copy(db, filled, capsys):
    code, text, _ = run(capsys, "workplan", "show", "2025", "--db", str(db.path), "--json")
    data = json.loads(text)
    assert code == 0
    assert data["total"] == {"label": "Total", "activities": 3, "required": "1500.00", "available": "1300.00",
                             "spent": "0.00", "funding_gap": "200.00"}
    assert [(g["label"], g["funding_gap"]) for g in data["by_lead_agency"]] == [("ILO", "-400.00"), ("IOM", "600.00")]
    code, text, _ = run(capsys, "workplan", "show", "2025", "--db", str(db.path))
    assert code == 0 and "UN Network on Migration in Indonesia: work plan 2025: Draft · 3 activities" in text
    assert "-400.00" in text

    code, text, _ = run(capsys, "workplan", "coverage", "2025", "--db", str(db.path), "--json")
    data = json.loads(text)
    assert code == 0 and data["uncovered"] == [n for n in range(3, 24) if n != 6]
    assert data["objectives"][5] == {"number": 6, "short_label": "Recruitment and decent work", "activities": 1,
                                     "agencies": 1, "agency_names": ["ILO"]}
    code, text, _ = run(capsys, "workplan", "coverage", "2025", "--db", str(db.path))
    assert text.splitlines()[-1] == "3 of 23 GCM objectives addressed; none address " + ", ".join(
        str(n) for n in range(3, 24) if n != 6) + "."

    code, text, err = run(capsys, "workplan", "copy", "2025", "--db", str(db.path))
    assert (code, err) == (0, "")
    assert text == ("Started the 2026 work plan with 2 unfinished activities of 2025 "
                    "(1 completed or cancelled left behind).\n")
    code, text, err = run(capsys, "workplan", "copy", "2025", "--db", str(db.path))
    assert (code, err) == (1, "unnet-desktop workplan: There is already a work plan for 2026; nothing was copied.\n")
    code, _, err = run(capsys, "workplan", "show", "2031", "--db", str(db.path))
    assert (code, err) == (1, "unnet-desktop workplan: There is no work plan for 2031.\n")


def test_export_group(db, tmp_path, capsys):
    with db.session() as s:
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM")
        care = m.Organisation(name="Migrant Care")
        s.add_all([
            iom, care,
            m.Person(title="Ms", full_name="Dewi Lestari", sex=Sex.FEMALE, organisation=iom,
                     position="Programme officer", email="dlestari@iom.int", phone="+62 21 1234 5678"),
            m.Person(full_name="=cmd|' /C calc'!A0", sex=Sex.MALE, organisation=care),
        ])
        s.flush()
        iom_id, care_id = iom.id, care.id
    group = wg.create_working_group(db, wg.WorkingGroupData(
        name="Working Group on Labour Migration", kind="ad_hoc", purpose="Fair recruitment",
        objectives=(6, 18), lead_organisation_id=iom_id, co_lead_organisation_id=care_id,
        established_on=dt.date(2024, 3, 18)))
    wg.add_members(db, group.id, [1, 2])
    out = tmp_path / "wglm.xlsx"
    code, text, err = run(capsys, "export", "group", "wglm", "--db", str(db.path), "-o", str(out))
    assert (code, err) == (0, "")
    assert text == f"Wrote the member list of Working Group on Labour Migration (2 members) to {out}\n"
    wb = load_workbook(out)
    assert wb.sheetnames == ["Members", "Group"]
    members = wb["Members"]  # printed on the width of an A4 page, the header on every page
    assert (members.page_setup.orientation, members.page_setup.paperSize) == ("landscape", 9)
    assert (members.page_setup.fitToWidth, members.page_setup.fitToHeight) == (1, 0)
    assert members.print_title_rows == "$1:$1"
    rows = [[c.value for c in row] for row in wb["Members"].iter_rows()]
    assert rows == [
        ["Name", "Sex", "Organisation", "Position", "Email", "Phone"],
        ["=cmd|' /C calc'!A0", "Male", "Migrant Care", None, None, None],
        ["Ms Dewi Lestari", "Female", "International Organization for Migration (IOM)", "Programme officer",
         "dlestari@iom.int", "+62 21 1234 5678"],
    ]
    assert wb["Members"]["A2"].data_type == "s"
    details = {row[0].value: row[1].value for row in wb["Group"].iter_rows()}
    assert details["Kind"] == "Ad-hoc" and details["Status"] == "Active"
    assert details["GCM objectives"] == "6. Recruitment and decent work; 18. Skills development and recognition"
    assert details["Lead"] == "International Organization for Migration (IOM)" and details["Co-lead"] == "Migrant Care"
    assert details["Established"] == dt.datetime(2024, 3, 18) and details["Members"] == 2
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)

    code, text, err = run(capsys, "export", "group", "Nobody", "--db", str(db.path), "-o", str(out))
    assert (code, text) == (1, "")
    assert err == ("unnet-desktop export: There is no working group named 'Nobody'; "
                   "the groups are: WGLM.\n")
