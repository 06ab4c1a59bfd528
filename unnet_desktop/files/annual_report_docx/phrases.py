"""Small formatting and the sentences of the key figures (``meetings_phrase`` ... ``objectives_phrase``),
used on the title page and in the sections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...core.enums import ActionStatus, MeetingKind, Sex
from ...core.timezone import to_wib
from ...services.annual_report import AnnualReport, money


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def _times(meeting) -> str:
    """``14:00–16:00`` in WIB (the end's date too when it is another day)."""
    start = to_wib(meeting.starts_at)
    if meeting.ends_at is None:
        return f"{start:%H:%M}"
    end = to_wib(meeting.ends_at)
    return f"{start:%H:%M}–{end:%H:%M}" if end.date() == start.date() else f"{start:%H:%M}–{_day(end.date())} {end:%H:%M}"


def _list_and(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _kind_phrase(kind: MeetingKind, n: int) -> str:
    words = {
        MeetingKind.QUARTERLY: ("quarterly meeting", "quarterly meetings"),
        MeetingKind.AD_HOC: ("ad-hoc meeting", "ad-hoc meetings"),
        MeetingKind.ANNUAL: ("Annual Network Meeting", "Annual Network Meetings"),
        MeetingKind.WORKING_GROUP: ("working group meeting", "working group meetings"),
        MeetingKind.OTHER: ("other meeting", "other meetings"),
    }[kind]
    return f"{n} {words[0] if n == 1 else words[1]}"


def meetings_phrase(report: AnnualReport) -> str:
    """``7 meetings (3 quarterly meetings, 1 ad-hoc meeting, ...)``."""
    n = len(report.meetings)
    if not n:
        return "no meeting"
    kinds = [_kind_phrase(kind, report.meetings_by_kind[kind]) for kind in MeetingKind if report.meetings_by_kind.get(kind)]
    return f"{_plural(n, 'meeting')} ({', '.join(kinds)})"


def attendance_phrase(report: AnnualReport) -> str:
    p = report.participation
    if not p.attendances:
        return "no attendance recorded"
    return (
        f"{_plural(p.attendances, 'attendance')} by {_plural(p.people, 'person', 'people')} from "
        f"{_plural(p.organisations, 'organisation')}; {_pct(p.by_sex[Sex.FEMALE], p.attendances)} women, "
        f"{_pct(p.by_sex[Sex.MALE], p.attendances)} men"
    )


def actions_phrase(report: AnnualReport) -> str:
    a = report.actions
    if not a.raised:
        return "none raised"
    text = (
        f"{a.raised:,} raised: {a.done:,} done, {a.open:,} open or in progress"
        f" ({a.overdue:,} overdue), {a.by_status[ActionStatus.DROPPED]:,} dropped"
    )
    return text


def activities_phrase(report: AnnualReport) -> str:
    if report.plan is None:
        return f"no work plan for {report.year}"
    parts = [f"{n:,} {status.label.lower()}" for status, n in report.activities_by_status.items() if n]
    return f"{_plural(report.activity_count, 'activity', 'activities')}" + (f": {', '.join(parts)}" if parts else "")


def budget_phrase(report: AnnualReport) -> str:
    b = report.budget
    if b is None:
        return ""
    return (
        f"USD {money(b.required)} required, {money(b.available)} available, {money(b.spent)} spent; "
        f"funding gap USD {money(b.funding_gap)}"
    )


def objectives_phrase(report: AnnualReport) -> str:
    by_activity = sum(1 for o in report.objectives if o.activities)
    return (
        f"{report.objectives_addressed} of {len(report.objectives)} addressed by an activity, a meeting or a "
        f"policy update; {by_activity} by work plan activities"
    )
