"""The entry points: ``build_document``, ``write_report`` and ``export_report`` (the CLI's and the
Reports page's call)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ...core.gc_pause import paused_gc
from ...services.annual_report import AnnualReport
from .. import docx_helpers as h
from .figures import report_charts
from .front import _header_and_footer, _title_page
from .sections import _actions, _decisions, _meetings, _objectives, _policies, _work_plan, _working_groups
from .writer import _Writer


@dataclass(frozen=True)
class ReportResult:
    path: Path
    year: int
    meetings: int
    action_points: int
    activities: int
    policy_updates: int
    charts: int


def default_filename(year: int) -> str:
    return f"Annual report {year}.docx"


def build_document(report: AnnualReport, template: str | os.PathLike | None = None):
    """The report as a python-docx Document (not yet saved)."""
    from ... import NETWORK_NAME

    if template is None:
        from ...services.preferences import word_template

        template = word_template()
    w = _Writer(h.load_template(template))
    _header_and_footer(w, report)
    charts = report_charts(report)
    figure = [0]
    _title_page(w, report)
    _meetings(w, report, charts, figure)
    _decisions(w, report)
    _actions(w, report)
    _work_plan(w, report, charts, figure)
    _objectives(w, report, charts, figure)
    _policies(w, report)
    _working_groups(w, report)
    h.set_properties(
        w.doc,
        title=f"Annual report {report.year}: {NETWORK_NAME}",
        subject="Annual report to the Resident Coordinator and the UN Country Team",
        author=f"Secretariat, {NETWORK_NAME}",
        keywords=f"annual report; {report.year}; internal use only",
    )
    return w.doc


def write_report(report: AnnualReport, target: str | os.PathLike, *, template: str | os.PathLike | None = None) -> Path:
    """Write the report to ``target`` atomically; FileRefused when it cannot be written."""
    return h.save(build_document(report, template), target)


def export_report(
    db, year: int, target: str | os.PathLike, *, template: str | os.PathLike | None = None, today: dt.date | None = None
) -> ReportResult:
    """Read the year's figures and write the report (the CLI's and the Reports page's call), with
    Python's cycle collector paused meanwhile (``core.gc_pause``)."""
    from ...services.annual_report import annual_report

    with paused_gc():
        report = annual_report(db, year, today=today)
        path = write_report(report, target, template=template)
    return ReportResult(
        path=path,
        year=year,
        meetings=len(report.meetings),
        action_points=report.actions.raised,
        activities=report.activity_count,
        policy_updates=len(report.policy_updates),
        charts=3,
    )
