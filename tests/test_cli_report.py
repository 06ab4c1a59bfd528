"""The headless commands of issue 7: ``export report``, ``report``, ``policies``, ``export policies``."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
import pytest
from docx import Document

from unnet_desktop.cli.main import main
from unnet_desktop.files import docx_helpers


@pytest.fixture
def demo_file(demo_db_path):
    return str(demo_db_path)


def test_help(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "report", "--help"])
    assert exit_info.value.code == 0
    assert "YEAR" in capsys.readouterr().out


def test_export_report(demo_file, tmp_path, capsys):
    out = tmp_path / "Annual report 2024.docx"
    assert main(["export", "report", "2024", "--db", demo_file, "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.strip() == (
        f"Wrote the 2024 annual report (7 meetings, 20 action points, 10 activities, 4 policy updates) to {out}"
    )
    doc = Document(out)
    assert doc.paragraphs[1].text == "Annual report 2024"
    assert all("For internal use only" in h for h in docx_helpers.header_texts(doc))
    assert len(doc.inline_shapes) == 3


def test_export_report_in_a_fresh_process(demo_file, tmp_path):
    """As ``unnet-desktop export report`` runs: the charts through matplotlib's Agg canvas only
    (pyplot, which picks a GUI backend, never imported) and the garbage collector back on after."""
    out = tmp_path / "fresh.docx"
    code = (
        "import gc, sys; from unnet_desktop.cli.main import main; "
        f"status = main(['export', 'report', '2024', '--db', {demo_file!r}, '-o', {str(out)!r}]); "
        "print('STATUS', status, 'PYPLOT', 'matplotlib.pyplot' in sys.modules, 'GC', gc.isenabled())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "STATUS 0 PYPLOT False GC True" in result.stdout, result.stdout + result.stderr
    assert len(Document(out).inline_shapes) == 3


def test_export_report_with_db_before_the_command(demo_file, tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(["--db", demo_file, "export", "report", "2026", "-o", str(out)]) == 0
    assert "(1 meeting, 6 action points, 3 activities, 0 policy updates)" in capsys.readouterr().out


def test_a_year_with_nothing_exits_1(demo_file, tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(["export", "report", "1999", "--db", demo_file, "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "unnet-desktop export: There is nothing to report for 1999: no meeting, no work plan and no policy update "
        "in that year."
    )
    assert not out.exists()


def test_refusals_exit_1(demo_file, tmp_path, capsys):
    assert main(["export", "report", "2024", "--db", str(tmp_path / "none.sqlite"), "-o", str(tmp_path / "r.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()
    assert main(["export", "report", "2024", "--db", demo_file, "-o", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["export", "report", "2024", "--db", demo_file, "-o", str(tmp_path / "no" / "r.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", "report", "2024", "--db", demo_file, "-o", str(tmp_path / "r.docx"),
                 "--template", str(tmp_path / "missing.dotx")]) == 1  # fmt: skip
    assert "Cannot read the Word template" in capsys.readouterr().err


def test_report_figures(demo_file, capsys):
    assert main(["report", "2024", "--db", demo_file]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Annual report 2024 (as of ")
    assert "Meetings held:   7 meetings (3 quarterly meetings, 1 ad-hoc meeting, 1 Annual Network Meeting, " in out
    assert "Budget:          USD 3,335,000 required, 2,105,000 available, 1,391,391 spent; funding gap USD 1,230,000" in out


def test_report_json(demo_file, capsys):
    assert main(["report", "2024", "--db", demo_file, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2024 and data["meetings_held"] == 7 and data["meetings_not_held"] == ["2024-Q4"]
    assert data["meetings_by_kind"] == {"quarterly": 3, "ad_hoc": 1, "working_group": 2, "annual": 1}
    assert data["action_points"]["raised"] == 20 and data["action_points"]["done"] == 13
    assert sum(data["attendances_by_sex"].values()) == data["attendances"]
    assert data["budget"] == {"required": "3335000.00", "available": "2105000.00", "spent": "1391390.50",
                              "funding_gap": "1230000.00"}  # fmt: skip
    assert len(data["objectives"]) == 23 and data["objectives"][9]["meetings"] == ["2024-Q1", "2024-AH-01",
                                                                                    "WG-TIP-01", "2024-ANM"]  # fmt: skip
    assert data["policy_updates"][0] == "A/RES/73/195: Global Compact for Safe, Orderly and Regular Migration"


def test_policies_list_and_filters(demo_file, capsys):
    assert main(["policies", "--db", demo_file]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8
    assert lines[-1].split() == ["Law", "No.", "18/2017", "2017", "In", "force", "Protection", "of", "Indonesian",
                                 "Migrant", "Workers"]  # fmt: skip
    assert main(["policies", "migrant", "--tag", "gender", "--db", demo_file]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Law No. 18/2017")
    assert main(["policies", "nothing-like-this", "--db", demo_file]) == 0
    assert capsys.readouterr().out.strip() == "No entry in the library matches."
    assert main(["policies", "--objective", "10", "--status", "in force", "--json", "--db", demo_file]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["number"] for d in data] == ["Law No. 21/2007", "A/RES/73/195"]
    assert data[0]["tags"] == ["human_rights_based", "age_appropriate", "gender_responsive"]
    assert data[0]["issued_on"] == "2007-04-19"


def test_policies_bad_filter_exits_1(demo_file, capsys):
    assert main(["policies", "--type", "decree", "--db", demo_file]) == 1
    assert capsys.readouterr().err.startswith("unnet-desktop policies: 'decree' is not a type of document")
    assert main(["policies", "--objective", "30", "--db", demo_file]) == 1
    assert "no GCM objective 30" in capsys.readouterr().err


def test_export_policies(demo_file, tmp_path, capsys):
    out = tmp_path / "library.xlsx"
    assert main(["export", "policies", "--db", demo_file, "-o", str(out), "--type", "law"]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 4 entries of the library to {out}"
    ws = openpyxl.load_workbook(out)["Library"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Number", "Title", "Type")
    assert [r[0] for r in rows[1:]] == ["Law No. 21/2007", "Law No. 6/2011", "Law No. 39/2004", "Law No. 18/2017"]
    law18 = rows[4]
    assert law18[4].date().isoformat() == "2017-11-22"
    assert law18[7:10] == ("Yes", "No", "Yes") and law18[10] == "3, 6, 7, 21, 22" and law18[14] == 2
    assert main(["export", "policies", "--db", demo_file, "-o", str(tmp_path / "one.xlsx"), "--search", "189"]) == 0
    assert "Wrote 1 entry of the library" in capsys.readouterr().out
