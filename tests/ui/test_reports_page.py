"""The Reports page: the summary of what the report will hold, the charts, and the annual report
written from the page (save path patched, the task waited for, the document read back)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from unnet_desktop.core.enums import ActionStatus, Sex
from unnet_desktop.services.annual_report import annual_report
from unnet_desktop.ui import desktop, dialogs
from unnet_desktop.ui.pages.reports import ReportsPage

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def make_page(qtbot):
    def make(db) -> ReportsPage:
        page = ReportsPage(db)
        qtbot.addWidget(page)
        page.resize(1000, 800)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def test_the_summary_and_charts_of_the_demo_year(qtbot, make_page, demo_db):
    page = make_page(demo_db)
    assert page.year == 2024  # the last year with meetings held before this one
    report = annual_report(demo_db, 2024)
    values = {key: label.text() for key, label in page.summary_values.items()}
    assert values["meetings"].startswith(f"{len(report.meetings)} meetings (")
    women = report.participation.by_sex[Sex.FEMALE]
    assert f"{women} female" in values["sex"]
    assert f"{report.actions.raised} raised: {report.actions.by_status[ActionStatus.DONE]} done" in values["actions"]
    assert values["activities"].startswith(f"{report.activity_count} activities")
    assert values["objectives"].startswith(f"{report.objectives_addressed} of 23")
    assert page.write_button.isEnabled()
    # The four charts: four quarters, a bar per meeting held, a bar per status.
    assert [c.bar_count for c in page.chart_widgets()] == [4, len(report.meetings), 4, 5]
    for chart in page.chart_widgets():
        assert not chart.grab().isNull()
        assert chart._bar_rects  # bars painted


def test_a_year_with_nothing_says_so(qtbot, make_page, db):
    page = make_page(db)
    assert not page.write_button.isEnabled()
    assert page.summary_note.isVisible() and "year" in page.summary_note.text()
    assert all(c.chart.is_empty for c in page.chart_widgets())


def test_write_the_annual_report_from_the_page(qtbot, make_page, demo_db, tmp_path, monkeypatch, dialog_calls):
    page = make_page(demo_db)
    page.set_year(2024)
    target = tmp_path / "Annual report 2024"  # no suffix typed: .docx added
    suggested, questions, opened = [], [], []
    monkeypatch.setattr(
        dialogs, "ask_save_path", lambda parent, title, path, *a, **k: suggested.append(path) or target
    )
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, **k: questions.append(text) or True)
    monkeypatch.setattr(desktop, "open_with_system", lambda path: opened.append(path) or True)
    with qtbot.waitSignal(page.exported, timeout=30000) as written:
        qtbot.mouseClick(page.write_button, LEFT)
    path = written.args[0]
    assert path == tmp_path / "Annual report 2024.docx" and path.is_file()
    assert suggested[0].name == "Annual report 2024.docx"
    assert questions and "Open it now?" in questions[0]
    assert opened == [path]
    assert page.write_button.isEnabled()
    assert not dialog_calls

    import docx

    report = annual_report(demo_db, 2024)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "1. Meetings" in headings
    assert "6. Policy updates" in headings
    # The key figures on the title page, and the action points' table, against the database.
    key_figures = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert key_figures["Meetings held"].startswith(f"{len(report.meetings)} meetings")
    (action_table,) = [t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Raised", "Done"]]
    raised, done = (int(c.text) for c in action_table.rows[1].cells[:2])
    assert (raised, done) == (report.actions.raised, report.actions.done) and raised > 0
    meetings_table = document.tables[1]
    assert [row.cells[1].text.split()[0] for row in meetings_table.rows[1 : len(report.meetings) + 1]] == [
        m.reference for m in report.meetings
    ]
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "For internal use only" in header
    assert len(document.inline_shapes) == 3  # the three charts
