"""The Reports page (issue 7, points 3 and 4): the Network's annual report to the Resident
Coordinator and the UN Country Team (Terms of Reference D.4), and the year's charts.

Choose a year: the page says what the report will hold (from ``services.annual_report``, in the
report's own words) and draws four charts (``services.charts_data``): meetings per quarter,
attendance by sex, action points by status, activities by status. "Write annual report…" asks
where, writes the Word document in the background and offers to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.database import Database
from ...core.errors import KnownError
from ...services import charts_data
from ...services.annual_report import AnnualReport, annual_report
from ...services.meeting_views import today_wib
from .. import file_actions
from ..charts import BarChart, StackedBarChart
from ..widgets import Card, PageHeader, muted_label, scrolled_content

WORD_FILTER = "Word documents (*.docx);;All files (*)"


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


class ReportsPage(QWidget):
    """The annual report of a year, and the year's charts."""

    #: A report was written (its path).
    exported = Signal(Path)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        #: The figures of the year shown (None when the year has nothing to report).
        self.report: AnnualReport | None = None
        self.charts: charts_data.YearCharts | None = None
        self._build()
        self._fill_years()
        self.refresh()

    # -- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        content = scrolled_content(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(16)

        top = QHBoxLayout()
        self.header = PageHeader(
            "Reports", "The Network's annual report to the Resident Coordinator and the UN Country Team", content
        )
        top.addWidget(self.header, 1)
        year_label = QLabel("&Year:", content)
        self.year_combo = QComboBox(content)
        self.year_combo.setAccessibleName("Year")
        self.year_combo.setMinimumContentsLength(6)
        year_label.setBuddy(self.year_combo)
        self.write_button = QPushButton("&Write annual report…", content)
        self.write_button.setToolTip("Write the year's report as a Word document, with its charts")
        self.write_button.clicked.connect(self.write_report)
        self.write_button.setDefault(True)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        for widget in (year_label, self.year_combo, self.write_button):
            tools.addWidget(widget)
        top.addLayout(tools)
        top.setAlignment(tools, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.summary_card = Card("What the report will hold", content)
        self.summary_grid = QGridLayout()
        self.summary_grid.setHorizontalSpacing(18)
        self.summary_grid.setVerticalSpacing(6)
        self.summary_grid.setColumnStretch(1, 1)
        self.summary_values: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (
                ("meetings", "Meetings held"),
                ("attendance", "Participants"),
                ("sex", "By sex"),
                ("actions", "Action points"),
                ("activities", "Work plan activities"),
                ("objectives", "GCM objectives"),
                ("policies", "Policy updates"),
            )
        ):
            name = QLabel(caption, self.summary_card)
            name.setObjectName("cardTitle")
            value = QLabel(self.summary_card)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.summary_grid.addWidget(value, row, 1)
            self.summary_values[key] = value
        self.summary_card.body.addLayout(self.summary_grid)
        self.summary_note = muted_label("", self.summary_card)
        self.summary_card.body.addWidget(self.summary_note)
        layout.addWidget(self.summary_card)

        self.charts_title = QLabel("Charts", content)
        self.charts_title.setObjectName("sectionTitle")
        layout.addWidget(self.charts_title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        self.meetings_chart = StackedBarChart(content)
        self.attendance_chart = StackedBarChart(content)
        self.actions_chart = BarChart(content)
        self.activities_chart = BarChart(content)
        for i, chart in enumerate(self.chart_widgets()):
            card = Card("", content)
            card.body.addWidget(chart)
            chart.setMinimumHeight(220)
            grid.addWidget(card, i // 2, i % 2)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def chart_widgets(self) -> tuple[BarChart, ...]:
        return (self.meetings_chart, self.attendance_chart, self.actions_chart, self.activities_chart)

    def _fill_years(self) -> None:
        this_year = today_wib().year
        years = set(charts_data.years_with_data(self.db)) | {this_year}
        keep = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in sorted(years, reverse=True):
            self.year_combo.addItem(str(year), year)
        # The year shown first: the one asked for again, else the last year with meetings held
        # (the report is written once the year is over), else this year.
        default = keep if keep in years else self._default_year(years, this_year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(default), 0))
        self.year_combo.blockSignals(False)

    def _default_year(self, years: set[int], this_year: int) -> int:
        last = charts_data.last_year_held(self.db, this_year)
        return last if last in years else this_year

    # -- data -----------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return int(self.year_combo.currentData())

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(str(year), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)
        self.refresh()

    def refresh(self) -> None:
        year = self.year
        try:
            self.report = annual_report(self.db, year)
            note = ""
        except KnownError as exc:
            self.report = None
            note = str(exc)
        self._show_summary(note)
        self.charts = charts_data.year_charts(self.db, year)
        for widget, chart in zip(self.chart_widgets(), self.charts.all):
            widget.set_chart(chart)
        self.charts_title.setText(f"Charts of {year}")
        self.write_button.setEnabled(self.report is not None)

    def _show_summary(self, note: str) -> None:
        from ...files import annual_report_docx as words

        report = self.report
        self.summary_card.title.setText(f"What the {self.year} report will hold")
        if report is None:
            for value in self.summary_values.values():
                value.setText("—")
            self.summary_note.setText(note)
            self.summary_note.show()
            return
        p = report.participation
        sexes = [(sex.label.lower(), n) for sex, n in p.by_sex.items() if n]
        texts = {
            "meetings": words.meetings_phrase(report)
            + (f"; {_plural(len(report.not_held), 'other')} planned or cancelled" if report.not_held else ""),
            "attendance": words.attendance_phrase(report),
            "sex": ", ".join(f"{n:,} {label} ({round(100 * n / p.attendances)}%)" for label, n in sexes)
            if p.attendances
            else "no attendance recorded",
            "actions": words.actions_phrase(report),
            "activities": words.activities_phrase(report),
            "objectives": words.objectives_phrase(report),
            "policies": _plural(len(report.policy_updates), "entry", "entries") + " of the library presented or issued"
            if report.policy_updates
            else "none presented or issued in the year",
        }
        for key, text in texts.items():
            self.summary_values[key].setText(text)
        self.summary_note.setText(
            f"Statuses as of {report.generated_on:%d %B %Y}. The report also lists the main decisions, the work "
            "plan by results group with its budget, and the working groups' activity."
        )
        self.summary_note.show()

    # -- writing --------------------------------------------------------------------------

    def write_report(self) -> None:
        from ...files.annual_report_docx import default_filename, export_report

        year = self.year
        task = file_actions.export_with_progress(
            self,
            f"Write the annual report {year}",
            Path(self.db.path).parent / default_filename(year),
            WORD_FILTER,
            export_report,
            self.db,
            year,
            label=f"Writing the annual report {year}…",
            done_title="Annual report written",
            question=lambda result, _path: file_actions.written_to(
                f"The annual report {result.year} ({_plural(result.meetings, 'meeting')}, "
                f"{_plural(result.action_points, 'action point')}, "
                f"{_plural(result.activities, 'activity', 'activities')})",
                result.path,
            ),
            on_written=self._written,
            not_opened_title="Cannot open the report",
            not_opened_error=True,
        )
        if task is not None:
            self.write_button.setEnabled(False)
            task.errored.connect(lambda _exc: self.write_button.setEnabled(True))

    def _written(self, result, _path: Path) -> None:
        self.write_button.setEnabled(True)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status) and window is not self:
            status().showMessage(f"Annual report written to {result.path}", 10000)
        self.exported.emit(Path(result.path))

__all__ = ["ReportsPage"]
