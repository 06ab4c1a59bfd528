"""The annual report (issue 7, point 3): the demo year 2024 written to Word and read back section by
section with python-docx, each figure checked against the database by SQL written here, apart
from the service's own queries. Also: the charts, the header marking, page numbers, empty years."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
import sqlalchemy as sa
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from unnet_desktop import NETWORK_NAME
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.files import docx_helpers
from unnet_desktop.files.annual_report_docx import SECTIONS, default_filename, export_report, report_charts
from unnet_desktop.services.annual_report import annual_report, money
from unnet_desktop.services.preferences import default_word_template

YEAR = 2024
TODAY = dt.date(2026, 11, 25)  # the day the sample network is written around
# 2024 in WIB, as the naive UTC text the database stores
START, END = "2023-12-31 17:00:00", "2024-12-31 17:00:00"
SEX = {"female": "Women", "male": "Men", "other": "Other", "not_recorded": "Not recorded"}
STATUS = {"not_started": "Not started", "on_track": "On track", "delayed": "Delayed", "completed": "Completed",
          "cancelled": "Cancelled"}  # fmt: skip
CATEGORY_LABELS = {
    "un_agency": "UN agency", "government": "Government", "civil_society": "Civil society organisation",
    "migrant_diaspora": "Migrant or diaspora organisation", "faith_based": "Faith-based organisation",
    "local_authority": "Local authority", "private_sector": "Private sector", "trade_union": "Trade union",
    "parliament": "Parliament", "nhri": "National human rights institution", "red_cross": "Red Cross / Red Crescent",
    "academia": "Academia", "media": "Media", "development_partner": "Development partner", "other": "Other",
}  # fmt: skip


# ------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def written(_demo_master, tmp_path_factory):
    """The demo database (a private copy, as ``demo_db`` gives) and its 2024 report, written once
    for this module: (database path, report path, python-docx Document)."""
    from unnet_desktop.core.database import open_database

    folder = tmp_path_factory.mktemp("report")
    path = folder / "demo.sqlite"
    shutil.copyfile(_demo_master, path)
    out = folder / default_filename(YEAR)
    with open_database(path) as db:
        result = export_report(db, YEAR, out, template=default_word_template(), today=TODAY)
    assert result.path == out and result.year == YEAR and result.charts == 3
    return path, out, Document(out)


@pytest.fixture(scope="module")
def sql(written):
    conn = sqlite3.connect(written[0])
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def sections(written):
    """Heading 1 text -> the paragraphs and tables under it, in order."""
    doc = written[2]
    out: dict[str, list] = {"": []}
    current = ""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            block = Paragraph(child, doc)
            if block.style.name == "Heading 1":
                current = block.text
                out[current] = []
                continue
        elif child.tag == qn("w:tbl"):
            block = Table(child, doc)
        else:
            continue
        out[current].append(block)
    return out


def tables(blocks) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in b.rows] for b in blocks if isinstance(b, Table)]


def texts(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def day(text: str) -> str:
    d = dt.date.fromisoformat(text[:10])
    return f"{d.day} {d:%b %Y}"


def held_meetings(sql):
    return sql.execute(
        "SELECT id, reference, title, kind, starts_at, ends_at FROM meetings "
        "WHERE status = 'held' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, reference",
        (START, END),
    ).fetchall()


# ------------------------------------------------------------------------------------ the whole
def test_marking_page_numbers_and_sections(written, sections):
    doc = written[2]
    headers = docx_helpers.header_texts(doc)
    assert headers and all("For internal use only" in h for h in headers)
    footer = doc.sections[0].footer._element
    instructions = " ".join(i.text for i in footer.iter(qn("w:instrText")))
    assert "PAGE" in instructions.split() and "NUMPAGES" in instructions.split()
    assert "Annual report 2024" in "".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert list(sections)[1:] == [f"{n}. {name}" for n, name in enumerate(SECTIONS, start=1)]
    assert doc.core_properties.title == f"Annual report 2024: {NETWORK_NAME}"
    assert "internal use only" in doc.core_properties.keywords


def test_title_page(sections, sql):
    title = sections[""]
    lines = texts(title)
    assert lines[0] == NETWORK_NAME and lines[1] == "Annual report 2024"
    assert "To the United Nations Resident Coordinator and the UN Country Team in Indonesia" in lines
    assert any("International Organization for Migration" in line for line in lines)
    assert any("Wednesday 25 November 2026" in line and "(WIB)" in line for line in lines)
    (key_figures,) = tables(title)
    figures = dict(key_figures)
    n_held = len(held_meetings(sql))
    assert figures["Meetings held"].startswith(f"{n_held} meetings (3 quarterly meetings, 1 ad-hoc meeting, "
                                               "1 Annual Network Meeting, 2 working group meetings)")  # fmt: skip
    raised = sql.execute(
        "SELECT COUNT(*) FROM action_points a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.starts_at >= ? AND m.starts_at < ?", (START, END)).fetchone()[0]  # fmt: skip
    assert figures["Action points"].startswith(f"{raised} raised: ")
    assert figures["Policy updates"] == "4 regulations and policies"
    assert figures["Working groups"] == "2 working groups active"
    assert [line for line in lines if line[:2] in {f"{n}." for n in range(1, 8)}] == [
        f"{n}. {name}" for n, name in enumerate(SECTIONS, start=1)
    ]


# ------------------------------------------------------------------------------------ 1. meetings
def test_meetings_table(sections, sql):
    blocks = sections["1. Meetings"]
    meetings_table = tables(blocks)[0]
    assert meetings_table[0] == ["Date (WIB)", "Meeting", "Invited", "Present", "Women", "Men", "Other / n.r.", "Remote"]
    expected, totals = [], Counter()
    for mid, reference, title, kind, starts_at, _ in held_meetings(sql):
        invited, present, women, men, other, remote = sql.execute(
            "SELECT COUNT(*), "
            "SUM(p.attendance = 'present'), "
            "SUM(p.attendance = 'present' AND pe.sex = 'female'), "
            "SUM(p.attendance = 'present' AND pe.sex = 'male'), "
            "SUM(p.attendance = 'present' AND pe.sex IN ('other', 'not_recorded')), "
            "SUM(p.attendance = 'present' AND p.remote) "
            "FROM participations p JOIN people pe ON pe.id = p.person_id WHERE p.meeting_id = ?",
            (mid,),
        ).fetchone()
        local = dt.datetime.fromisoformat(starts_at) + dt.timedelta(hours=7)
        kind_label = {"quarterly": "Quarterly meeting", "ad_hoc": "Ad-hoc meeting", "annual": "Annual Network Meeting",
                      "working_group": "Working group meeting"}[kind]  # fmt: skip
        figures = [invited, present, women, men, other, remote]
        totals.update(dict(enumerate(figures)))
        expected.append([f"{local.day} {local:%b %Y}\n{local:%H:%M}–", f"{reference} · {kind_label}\n{title}",
                         *map(str, figures)])  # fmt: skip
    body = meetings_table[1:-1]
    assert len(body) == len(expected) == 7
    for got, want in zip(body, expected):
        assert got[0].startswith(want[0]) and got[1:] == want[1:]
    assert meetings_table[-1] == ["Total", "7 meetings", *(str(totals[i]) for i in range(6))]
    assert any("not recorded as held: 2024-Q4 (5 Dec 2024, planned)" in t for t in texts(blocks))


def test_participation_by_sex_and_category(sections, sql):
    blocks = sections["1. Meetings"]
    by_sex_table, by_category_table = tables(blocks)[1:3]
    held = "SELECT id FROM meetings WHERE status = 'held' AND starts_at >= ? AND starts_at < ?"
    rows = sql.execute(
        "SELECT pe.sex, COUNT(*), COUNT(DISTINCT pe.id) FROM participations p JOIN people pe ON pe.id = p.person_id "
        f"WHERE p.attendance = 'present' AND p.meeting_id IN ({held}) GROUP BY pe.sex", (START, END)).fetchall()  # fmt: skip
    total = sum(n for _, n, _ in rows)
    people = sum(k for _, _, k in rows)
    want = {SEX[sex]: [str(n), f"{round(100 * n / total)}%", str(k)] for sex, n, k in rows}
    assert {r[0]: r[1:] for r in by_sex_table[1:-1]} == want
    assert by_sex_table[-1] == ["Total", str(total), "100%", str(people)]
    rows = sql.execute(
        "SELECT o.category, COUNT(*), COUNT(DISTINCT o.id) FROM participations p JOIN people pe ON pe.id = p.person_id "
        "JOIN organisations o ON o.id = pe.organisation_id "
        f"WHERE p.attendance = 'present' AND p.meeting_id IN ({held}) GROUP BY o.category", (START, END)).fetchall()  # fmt: skip
    want = {CATEGORY_LABELS[c]: [str(n), f"{round(100 * n / total)}%", str(k)] for c, n, k in rows}
    assert {r[0]: r[1:] for r in by_category_table[1:-1]} == want
    assert [int(r[1]) for r in by_category_table[1:-1]] == sorted((int(r[1]) for r in by_category_table[1:-1]), reverse=True)
    assert by_category_table[-1] == ["Total", str(total), "100%", str(sum(k for _, _, k in rows))]


# ------------------------------------------------------------------------------------ 2. decisions
def test_main_decisions(sections, sql):
    lines = texts(sections["2. Main decisions"])
    rows = sql.execute(
        "SELECT m.reference, a.position, a.title, a.decisions FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
        "WHERE m.status = 'held' AND m.starts_at >= ? AND m.starts_at < ? AND TRIM(a.decisions) != '' "
        "ORDER BY m.starts_at, a.position", (START, END)).fetchall()  # fmt: skip
    assert len(rows) == 13
    for reference, position, title, decisions in rows:
        assert any(line.startswith(f"{reference} · ") for line in lines), reference
        assert f"{position}. {title}" in lines
        for line in decisions.splitlines():
            assert line.strip() in lines
    assert lines.index("2. Adoption of the Terms of Reference and the 2024 meeting calendar") < lines.index(
        "6. Priorities for 2025 and closing"
    )


# ------------------------------------------------------------------------------------ 3. action points
def test_action_points(sections, sql):
    blocks = sections["3. Action points"]
    figures_table, open_table = tables(blocks)
    of_year = "SELECT id FROM meetings WHERE starts_at >= ? AND starts_at < ?"
    by_status = dict(sql.execute(
        f"SELECT status, COUNT(*) FROM action_points WHERE meeting_id IN ({of_year}) GROUP BY status", (START, END)))  # fmt: skip
    overdue = sql.execute(
        f"SELECT COUNT(*) FROM action_points WHERE meeting_id IN ({of_year}) AND status IN ('open', 'in_progress') "
        "AND due_date < ?", (START, END, TODAY.isoformat())).fetchone()[0]  # fmt: skip
    assert figures_table == [
        ["Raised", "Done", "In progress", "Open", "Dropped", "Overdue"],
        [str(sum(by_status.values())), str(by_status.get("done", 0)), str(by_status.get("in_progress", 0)),
         str(by_status.get("open", 0)), str(by_status.get("dropped", 0)), str(overdue)],
    ]  # fmt: skip
    still_open = sql.execute(
        "SELECT m.reference, a.description, a.due_date, a.status FROM action_points a JOIN meetings m ON m.id = a.meeting_id "
        f"WHERE a.meeting_id IN ({of_year}) AND a.status IN ('open', 'in_progress') "
        "ORDER BY a.due_date IS NULL, a.due_date, m.starts_at, a.id", (START, END)).fetchall()  # fmt: skip
    assert open_table[0] == ["Meeting", "Action", "Responsible", "Due", "Status"]
    assert [(r[0], r[1], r[4]) for r in open_table[1:]] == [
        (ref, " ".join(text.split()),
         {"open": "Open", "in_progress": "In progress"}[status] + (", overdue" if due < TODAY.isoformat() else ""))
        for ref, text, due, status in still_open
    ]  # fmt: skip
    assert open_table[1][2] == "UN Women (Ayu Lestari)" and open_table[1][3] == "31 Jul 2024"


# ------------------------------------------------------------------------------------ 4. work plan
def test_work_plan_by_results_group(sections, sql):
    blocks = sections["4. Work plan progress"]
    groups_table = tables(blocks)[0]
    assert groups_table[0] == ["Results group", "Activities", "Completed", "Required", "Available", "Spent", "Funding gap"]
    rows = sql.execute(
        "SELECT g.number, g.name, COUNT(a.id), COALESCE(SUM(a.status = 'completed'), 0), "
        "COALESCE(SUM(a.budget_required), 0), COALESCE(SUM(a.budget_available), 0), COALESCE(SUM(a.budget_spent), 0) "
        "FROM results_groups g LEFT JOIN activities a ON a.results_group_id = g.id "
        "AND a.work_plan_id = (SELECT id FROM work_plans WHERE year = ?) GROUP BY g.id ORDER BY g.number", (YEAR,)).fetchall()  # fmt: skip

    def usd(cents: int) -> str:
        return money(Decimal(cents) / 100)

    want = [[f"RG{n} {name}", str(k), str(done), usd(req), usd(av), usd(sp), usd(req - av)]
            for n, name, k, done, req, av, sp in rows]  # fmt: skip
    assert groups_table[1:-1] == want
    total = [sum(r[i] for r in rows) for i in range(2, 7)]
    assert groups_table[-1] == ["Total", str(total[0]), str(total[1]), usd(total[2]), usd(total[3]), usd(total[4]),
                                usd(total[2] - total[3])]  # fmt: skip
    assert groups_table[-1][3:] == ["3,335,000", "2,105,000", "1,391,391", "1,230,000"]
    lines = texts(blocks)
    assert "UN Network on Migration in Indonesia: Joint Work Plan 2024 (endorsed on 6 Jun 2024): 10 activities: 1 not started, 4 on track, 2 delayed, 2 completed, 1 cancelled." in lines
    assert any(line.startswith("Budget in US dollars: USD 3,335,000 required") for line in lines)


def test_work_plan_activity_tables(sections, sql):
    blocks = sections["4. Work plan progress"]
    activity_tables = tables(blocks)[1:]
    assert len(activity_tables) == 4  # every results group has activities in 2024
    got = {row[0]: row for t in activity_tables for row in t[1:]}
    rows = sql.execute(
        "SELECT a.code, a.title, a.progress_note, COALESCE(o.acronym, o.name), a.status, a.progress_pct, "
        "a.budget_required, a.budget_available, a.budget_spent FROM activities a "
        "LEFT JOIN organisations o ON o.id = a.lead_agency_id "
        "WHERE a.work_plan_id = (SELECT id FROM work_plans WHERE year = ?)", (YEAR,)).fetchall()  # fmt: skip
    assert set(got) == {r[0] for r in rows}
    for code, title, note, lead, status, pct, req, av, sp in rows:
        assert got[code] == [code, f"{title}\n{note}" if note else title, lead, STATUS[status], f"{pct}%",
                             money(Decimal(req) / 100), money(Decimal(av) / 100), money(Decimal(sp) / 100)]  # fmt: skip
    for t in activity_tables:
        assert t[0] == ["Code", "Activity", "Lead", "Status", "Progress", "Required", "Available", "Spent"]


# ------------------------------------------------------------------------------------ 5. GCM
def test_gcm_objectives_table(sections, sql):
    blocks = sections["5. Progress against the GCM objectives"]
    (table,) = tables(blocks)
    assert table[0] == ["GCM objective", "Work plan activities", "Meetings", "Policy updates"]
    assert len(table) == 24
    activities, meetings, policies = defaultdict(list), defaultdict(list), defaultdict(list)
    for number, code in sql.execute(
        "SELECT g.number, a.code FROM activity_objectives ao JOIN activities a ON a.id = ao.activity_id "
        "JOIN gcm_objectives g ON g.id = ao.gcm_objective_id JOIN results_groups r ON r.id = a.results_group_id "
        "WHERE a.work_plan_id = (SELECT id FROM work_plans WHERE year = ?) AND a.status != 'cancelled' "
        "ORDER BY r.number, a.code", (YEAR,)):  # fmt: skip
        activities[number].append(code)
    for number, reference in sql.execute(
        "SELECT g.number, m.reference FROM agenda_item_objectives x JOIN agenda_items i ON i.id = x.agenda_item_id "
        "JOIN meetings m ON m.id = i.meeting_id JOIN gcm_objectives g ON g.id = x.gcm_objective_id "
        "WHERE m.status = 'held' AND m.starts_at >= ? AND m.starts_at < ? "
        "GROUP BY g.number, m.id ORDER BY g.number, m.starts_at", (START, END)):  # fmt: skip
        meetings[number].append(reference)
    updates = {pid for (pid,) in sql.execute(
        "SELECT DISTINCT x.policy_id FROM agenda_item_policies x JOIN agenda_items i ON i.id = x.agenda_item_id "
        "JOIN meetings m ON m.id = i.meeting_id WHERE m.status = 'held' AND m.starts_at >= ? AND m.starts_at < ? "
        "UNION SELECT id FROM policies WHERE issued_on BETWEEN '2024-01-01' AND '2024-12-31'", (START, END))}  # fmt: skip
    every = {pid for (pid,) in sql.execute(
        "SELECT policy_id FROM policy_objectives GROUP BY policy_id HAVING COUNT(*) = 23")}  # fmt: skip
    for pid, number, label in sql.execute(
        "SELECT p.id, g.number, p.number FROM policy_objectives x JOIN policies p ON p.id = x.policy_id "
        "JOIN gcm_objectives g ON g.id = x.gcm_objective_id"):  # fmt: skip
        if pid in updates and pid not in every:
            policies[number].append(label)
    labels = dict(sql.execute("SELECT number, short_label FROM gcm_objectives"))
    for row, number in zip(table[1:], range(1, 24)):
        assert row[0] == f"{number}. {labels[number]}"
        assert row[1] == (", ".join(activities[number]) or "–")
        assert row[2] == (", ".join(meetings[number]) or "–")
        assert sorted(row[3].split("; ")) == sorted(policies[number] or ["–"])
    lines = texts(blocks)
    assert any("A/RES/73/195: Global Compact for Safe, Orderly and Regular Migration addresses every objective" in line
               for line in lines)  # fmt: skip
    addressed = sum(1 for n in range(1, 24) if activities[n] or meetings[n] or policies[n])
    assert any(f"In all, {addressed} of the 23 GCM objectives" in line for line in lines)
    assert any(line.startswith("Work plan 2024: 14 of 23 GCM objectives addressed") for line in lines)


# ------------------------------------------------------------------------------------ 6, 7
def test_policy_updates(sections):
    blocks = sections["6. Policy updates"]
    headings = [b.text for b in blocks if isinstance(b, Paragraph) and b.style.name == "Heading 3"]
    assert headings == [
        "A/RES/73/195: Global Compact for Safe, Orderly and Regular Migration",
        "BP2MI Regulation No. 9/2020: Exemption of Placement Costs for Indonesian Migrant Workers",
        "Law No. 18/2017: Protection of Indonesian Migrant Workers",
        "Government Regulation No. 59/2021: Implementation of the Protection of Indonesian Migrant Workers",
    ]
    text = "\n".join(texts(blocks))
    assert "Presented at: 2024-Q1 (18 Mar 2024), Protection of Indonesian migrant workers" in text
    assert "2024-Q2 (6 Jun 2024), Placement and protection" in text
    assert "Tags: Human rights-based, Gender-responsive" in text
    assert "Link: https://undocs.org/A/RES/73/195" in text
    assert "Law · In force · issued 22 Nov 2017 by President of the Republic of Indonesia" in text


def test_working_groups(sections, sql):
    blocks = sections["7. Working groups"]
    headings = [b.text for b in blocks if isinstance(b, Paragraph) and b.style.name == "Heading 2"]
    assert headings == ["Ad-hoc Working Group on Trafficking in Online Scams (WG-TIP)",
                        "Working Group on Fair Recruitment and Decent Work (WG-FRDW)"]  # fmt: skip
    groups = [dict(t) for t in tables(blocks)]
    for group, (short,) in zip(groups, [("WG-TIP",), ("WG-FRDW",)]):
        members = sql.execute(
            "SELECT COUNT(*) FROM working_group_members x JOIN working_groups g ON g.id = x.working_group_id "
            "WHERE g.short_name = ?", (short,)).fetchone()[0]  # fmt: skip
        assert group["Members"] == str(members)
        raised, still_open = sql.execute(
            "SELECT COUNT(*), COALESCE(SUM(a.status IN ('open', 'in_progress')), 0) FROM action_points a "
            "JOIN meetings m ON m.id = a.meeting_id JOIN working_groups g ON g.id = m.working_group_id "
            "WHERE g.short_name = ? AND m.starts_at >= ? AND m.starts_at < ?", (short, START, END)).fetchone()  # fmt: skip
        assert group["Action points"] == f"{raised} raised, {still_open} still open"
    assert groups[1]["Meetings in 2024"] == "WG-FRDW-01 (10 Jul 2024, 8 present)"
    assert groups[1]["Lead and co-lead"] == "ILO with IOM" and groups[1]["Kind"] == "Permanent"


# ------------------------------------------------------------------------------------ charts
def test_three_charts_as_inline_images(written):
    doc = written[2]
    shapes = doc.inline_shapes
    assert len(shapes) == 3
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = doc.part.related_parts[blip.embed]
        assert image.content_type == "image/png" and image.blob[:8] == b"\x89PNG\r\n\x1a\n"
        assert shape.width > 0 and abs(shape.width.cm - 16.0) < 0.05
    descriptions = [s._inline.docPr.get("descr") for s in shapes]
    assert descriptions[0].startswith("Bar chart. People present at each meeting held in 2024, by sex. 2024-Q1: 17")
    assert "Work plan 2024: activities by status" in descriptions[1] and "On track: 4" in descriptions[1]
    assert "objective 10:" in descriptions[2]
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Figure ")]
    assert captions == [
        "Figure 1. People present at each meeting held in 2024, by sex",
        "Figure 2. Work plan 2024: activities by status",
        "Figure 3. GCM objectives addressed in 2024 by work plan activities, meetings and policy updates",
    ]


def test_charts_group_by_month_when_there_are_many_meetings(demo_db, monkeypatch):
    from unnet_desktop.files import charts

    monkeypatch.setattr(charts, "MAX_BARS", 3)
    made = report_charts(annual_report(demo_db, YEAR, today=TODAY))
    assert made["attendance"].title == "People present at the meetings held in 2024, by month and sex"
    assert "Mar: 17" in made["attendance"].alt_text and "Nov: 38" in made["attendance"].alt_text
    assert all(c.png.startswith(b"\x89PNG") for c in made.values())


def test_chart_bars_are_drawn_in_their_colours(written):
    """The bars are drawn (one collection per series), each series in its colour, a series of
    zeros left out; the images are 6.3 in wide at 150 dpi."""
    import io

    from PIL import Image

    from unnet_desktop.files import charts

    doc = written[2]
    images = []
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        images.append(Image.open(io.BytesIO(doc.part.related_parts[blip.embed].blob)).convert("RGB"))
    assert [im.width for im in images] == [945, 945, 945]

    def pixels(image, color: str) -> int:
        counts = {rgb: n for n, rgb in image.getcolors(image.width * image.height)}
        return counts.get(tuple(int(color[i : i + 2], 16) for i in (1, 3, 5)), 0)

    attendance, activities, coverage = images
    # 2024: women, men and "not recorded" present; nobody of sex "other"
    assert pixels(attendance, charts.VERMILLION) > 2000 and pixels(attendance, charts.BLUE) > 2000
    assert pixels(attendance, charts.GREY) > 200 and pixels(attendance, charts.GREEN) == 0
    for status in ("not_started", "on_track", "delayed", "completed", "cancelled"):
        assert pixels(activities, charts.STATUS_COLORS[status]) > 1000, status
    for color in (charts.BLUE, charts.ORANGE, charts.GREEN):
        assert pixels(coverage, color) > 1000, color


def test_the_writer_copies_are_what_python_docx_writes(tmp_path):
    """The report's fast paths (copies of a prototype paragraph or row, their texts set in place)
    write the same XML as python-docx's own calls, including texts with spaces at either end,
    tabs, line breaks and empty values (which go through python-docx)."""
    from lxml import etree

    from unnet_desktop.files.annual_report_docx.writer import _Writer

    def xml(element) -> bytes:
        return etree.tostring(element)

    pairs = [("Lead ", " UNHCR "), ("Kind", "Permanent"), ("Tab", "a\tb"), ("Lines", "one\ntwo"),
             ("Empty", ""), ("Kind", "Permanent"), ("Members", 12)]  # fmt: skip
    fast = _Writer(docx_helpers.load_template(default_word_template()))
    slow = _Writer(docx_helpers.load_template(default_word_template()))
    for label, text in pairs:
        made = fast.labelled(f"{label}: ", text)
        reference = slow.para(style="Meta")
        reference.add_run(f"{label}: ").bold = True
        reference.add_run(str(text))
        assert xml(made._p) == xml(reference._p)
    table = fast.key_values(pairs, (4.0, 12.5))
    reference = docx_helpers.add_key_value_table(slow.doc, pairs, widths_cm=(4.0, 12.5), cell_style="Meta")
    assert xml(table._tbl) == xml(reference._tbl)
    assert [[c.text for c in row.cells] for row in table.rows][2:5] == [["Tab", "a\tb"], ["Lines", "one\ntwo"],
                                                                        ["Empty", ""]]  # fmt: skip


def test_the_collector_is_paused_only_while_a_report_is_written(demo_db, tmp_path, monkeypatch):
    import gc

    from unnet_desktop.files.annual_report_docx import document

    seen = []
    build = document.build_document
    monkeypatch.setattr(document, "build_document", lambda *a, **k: seen.append(gc.isenabled()) or build(*a, **k))
    assert gc.isenabled()
    export_report(demo_db, YEAR, tmp_path / "a.docx", template=default_word_template(), today=TODAY)
    assert seen == [False] and gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(FileRefused):
        export_report(demo_db, YEAR, tmp_path / "missing" / "b.docx", template=default_word_template(), today=TODAY)
    assert gc.isenabled() and gc.get_freeze_count() == 0  # back on after a refusal too
    gc.disable()
    try:
        export_report(demo_db, YEAR, tmp_path / "c.docx", template=default_word_template(), today=TODAY)
        assert not gc.isenabled()  # the caller's choice is left alone
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        export_report(demo_db, YEAR, tmp_path / "d.docx", template=default_word_template(), today=TODAY)
        # the caller's frozen objects stay frozen (a few may have been freed), and none are added
        assert gc.isenabled() and 0.9 * frozen < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


# ------------------------------------------------------------------------------------ other years, files
def test_the_report_through_the_settings_template(demo_db, tmp_path):
    """With the ``demo_db`` fixture and the template of the (isolated) settings."""
    result = export_report(demo_db, 2026, tmp_path / "r.docx", today=TODAY)
    assert (result.meetings, result.action_points, result.activities, result.policy_updates) == (1, 6, 3, 0)
    doc = Document(result.path)
    assert all("For internal use only" in h for h in docx_helpers.header_texts(doc))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "No regulation or policy was presented at a meeting or issued in 2026." in text
    assert "Also in the 2026 calendar but not recorded as held: 2026-Q4 (3 Dec 2026, planned)." in text
    assert "Work plan 2026: " in text


def test_a_year_with_nothing_is_refused(demo_db, db):
    with pytest.raises(ValidationError, match="nothing to report for 2023"):
        annual_report(demo_db, 2023, today=TODAY)
    with pytest.raises(ValidationError, match="nothing to report"):
        annual_report(db, 2024, today=TODAY)
    for year in (1850, 3000, "2024", True):
        with pytest.raises(ValidationError, match="not a year"):
            annual_report(db, year)


def test_a_year_with_only_a_work_plan(db, tmp_path):
    from unnet_desktop.services.workplans import create_work_plan

    create_work_plan(db, 2025)
    result = export_report(db, 2025, tmp_path / "r.docx", template=default_word_template(), today=TODAY)
    assert (result.meetings, result.activities) == (0, 0)
    text = "\n".join(p.text for p in Document(result.path).paragraphs)
    assert "No meeting was held in 2025." in text
    assert "No action point was raised at the 2025 meetings." in text
    assert "No working group was active in 2025." in text


def test_control_characters_are_cleaned_and_writes_are_atomic(demo_db, tmp_path):
    with demo_db.session() as s:
        s.execute(sa.text("UPDATE agenda_items SET decisions = 'Agreed\x07 with\x0b a bell.' WHERE id = 2"))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.docx"
    target.write_bytes(b"old report")
    export_report(demo_db, YEAR, target, template=default_word_template(), today=TODAY)
    assert "Agreed with a bell." in [p.text for p in Document(target).paragraphs]
    assert sorted(p.name for p in folder.iterdir()) == ["report.docx"]  # replaced; no temporary file left
    with pytest.raises(FileRefused, match="does not exist"):
        export_report(demo_db, YEAR, tmp_path / "missing" / "r.docx", template=default_word_template(), today=TODAY)


def test_service_figures_match(demo_db):
    report = annual_report(demo_db, YEAR, today=TODAY)
    assert [m.reference for m in report.meetings] == [
        "2024-Q1", "2024-AH-01", "WG-TIP-01", "2024-Q2", "WG-FRDW-01", "2024-Q3", "2024-ANM",
    ]  # fmt: skip
    p = report.participation
    assert p.attendances == sum(m.attendance.present for m in report.meetings)
    assert sum(p.by_sex.values()) == p.attendances == sum(p.by_category.values())
    assert report.actions.raised == sum(report.actions.by_status.values()) == 20
    assert report.actions.open == len(report.actions.open_lines)
    assert report.activity_count == 10 and report.budget.required == Decimal("3335000.00")
    assert [u.policy.number for u in report.policies_on_every_objective] == ["A/RES/73/195"]
    assert report.objectives_addressed == sum(1 for o in report.objectives if o.addressed)


def test_an_office_template_without_the_apps_styles(demo_db, tmp_path):
    """A bare Word document as the template: the styles the report needs are created."""
    template = tmp_path / "office.docx"
    Document().save(template)
    result = export_report(demo_db, YEAR, tmp_path / "r.docx", template=template, today=TODAY)
    doc = Document(result.path)
    assert all("For internal use only" in h for h in docx_helpers.header_texts(doc))
    styles = {s.name for s in doc.styles}
    assert {"Report Table", "Report Table Head", "Report Note", "Marking", "Decision"} <= styles
    assert len(doc.inline_shapes) == 3
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [
        f"{n}. {name}" for n, name in enumerate(SECTIONS, start=1)
    ]


def test_people_without_an_organisation_and_meetings_in_wib(db, tmp_path):
    """A meeting at 06:00 WIB on 1 January 2025 is in 2025 (still 2024 in UTC); a participant without an
    organisation counts under "No organisation"; a cancelled meeting is listed apart."""
    from unnet_desktop.core.enums import Attendance, MeetingStatus, Sex
    from unnet_desktop.core.models import Meeting, Participation, Person
    from unnet_desktop.core.timezone import wib

    with db.session() as s:
        alone = Person(full_name="Independent Expert", sex=Sex.FEMALE)
        s.add_all([
            Meeting(reference="2025-AH-01", title="Early", starts_at=wib(2025, 1, 1, 6), status=MeetingStatus.HELD,
                    participations=[Participation(person=alone, attendance=Attendance.PRESENT)]),
            Meeting(reference="2025-Q4", title="Late", starts_at=wib(2025, 12, 31, 23, 30), status=MeetingStatus.CANCELLED),
            Meeting(reference="2026-Q1", title="Next year", starts_at=wib(2026, 1, 1, 0, 0), status=MeetingStatus.HELD),
        ])  # fmt: skip
    report = annual_report(db, 2025, today=TODAY)
    assert [m.reference for m in report.meetings] == ["2025-AH-01"]
    assert [m.reference for m in report.not_held] == ["2025-Q4"]
    assert report.participation.by_category == {None: 1}
    assert report.participation.organisations == 0 and report.participation.people == 1
    assert report.plan is None and report.coverage is None and report.activity_count == 0
    result = export_report(db, 2025, tmp_path / "r.docx", template=default_word_template(), today=TODAY)
    doc = Document(result.path)
    rows = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["No organisation", "1", "100%", "0"] in rows
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "There is no work plan for 2025." in text
    assert "Also in the 2025 calendar but not recorded as held: 2025-Q4 (31 Dec 2025, cancelled)." in text
