"""The report's three charts (PNG, made by ``files.charts``) with their captions and alt texts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...core.enums import Sex
from ...services.annual_report import AnnualReport
from .layout import SEX_WORDS


@dataclass(frozen=True)
class Chart:
    key: str  # "attendance" | "activities" | "coverage"
    title: str  # the caption, without "Figure N."
    alt_text: str  # what a screen reader says
    png: bytes


def report_charts(report: AnnualReport) -> dict[str, Chart]:
    """The three charts of the report (PNG), made by ``files.charts``."""
    from .. import charts

    year = report.year
    out: dict[str, Chart] = {}
    meetings = report.meetings
    if len(meetings) <= charts.MAX_BARS:
        labels = [m.reference for m in meetings]
        counts = [{sex.value: m.attendance.present_by_sex.get(sex, 0) for sex in Sex} for m in meetings]
        title = f"People present at each meeting held in {year}, by sex"
    else:
        months: dict[int, dict[str, int]] = {}
        for m in meetings:
            bucket = months.setdefault(m.date_wib.month, {})
            for sex in Sex:
                bucket[sex.value] = bucket.get(sex.value, 0) + m.attendance.present_by_sex.get(sex, 0)
        labels = [dt.date(year, month, 1).strftime("%b") for month in sorted(months)]
        counts = [months[month] for month in sorted(months)]
        title = f"People present at the meetings held in {year}, by month and sex"
    totals = {sex: sum(c.get(sex.value, 0) for c in counts) for sex in Sex}
    sex_labels = {sex.value: SEX_WORDS[sex] for sex in Sex if totals[sex] or sex in (Sex.FEMALE, Sex.MALE)}
    alt = f"Bar chart. {title}. " + "; ".join(
        f"{label}: {sum(c.values())} ({', '.join(f'{SEX_WORDS[Sex(k)].lower()} {v}' for k, v in c.items() if v)})"
        for label, c in zip(labels, counts)
    )
    out["attendance"] = Chart("attendance", title, alt, charts.attendance_by_sex(labels, counts, sex_labels, title=title))

    title = f"Work plan {year}: activities by status"
    rows = [(status.value, status.label, n) for status, n in report.activities_by_status.items()]
    alt = f"Bar chart. {title}. " + "; ".join(f"{label}: {n}" for _, label, n in rows)
    out["activities"] = Chart("activities", title, alt, charts.activities_by_status(rows, title=title))

    title = f"GCM objectives addressed in {year} by work plan activities, meetings and policy updates"
    rows = [(o.display, len(o.activities), len(o.meetings), len(o.policies)) for o in report.objectives]
    alt = f"Bar chart. {title}. " + "; ".join(
        f"objective {o.number}: {len(o.activities)} activities, {len(o.meetings)} meetings, {len(o.policies)} policy updates"
        for o in report.objectives
    )
    out["coverage"] = Chart("coverage", title, alt, charts.gcm_coverage(rows, title=f"GCM objectives addressed in {year}"))
    return out
