"""The figures behind the app's charts, checked against the database (demo year 2024) and on
small hand-made data."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from unnet_desktop.core.enums import ActionStatus, ActivityStatus, Attendance, MeetingKind, MeetingStatus, Sex
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.core.models import ActionPoint, Activity, Meeting, Participation, Person, WorkPlan
from unnet_desktop.core.timezone import to_wib, wib
from unnet_desktop.services import charts_data as charts
from unnet_desktop.services import meetings as meetings_service
from unnet_desktop.services.annual_report import annual_report


def _meetings_of(db, year):
    with db.session() as s:
        return s.execute(
            sa.select(Meeting.id, Meeting.reference, Meeting.starts_at, Meeting.status)
            .where(Meeting.starts_at >= wib(year, 1, 1), Meeting.starts_at < wib(year + 1, 1, 1))
            .order_by(Meeting.starts_at)
        ).all()


def test_meetings_per_quarter_of_the_demo_year(demo_db):
    chart = charts.meetings_per_quarter(demo_db, 2024)
    assert [b.label for b in chart.bars] == ["Q1", "Q2", "Q3", "Q4"]
    assert [s.key for s in chart.series] == [s.value for s in MeetingStatus]
    expected = {q: [0, 0, 0] for q in range(1, 5)}
    statuses = list(MeetingStatus)
    for _id, _ref, starts_at, status in _meetings_of(demo_db, 2024):
        expected[(to_wib(starts_at).month - 1) // 3 + 1][statuses.index(status)] += 1
    assert [list(b.values) for b in chart.bars] == [expected[q] for q in range(1, 5)]
    assert chart.total == len(_meetings_of(demo_db, 2024)) > 0
    assert chart.stacked


def test_attendance_by_sex_matches_the_annual_report(demo_db):
    chart = charts.attendance_by_sex(demo_db, 2024)
    report = annual_report(demo_db, 2024)
    assert [b.label for b in chart.bars] == [m.reference for m in report.meetings]
    for bar, meeting in zip(chart.bars, report.meetings):
        assert bar.values == tuple(meeting.attendance.present_by_sex.get(sex, 0) for sex in Sex)
    for sex in Sex:
        assert chart.series_total(sex.value) == report.participation.by_sex[sex]
    assert chart.total == report.participation.attendances > 0


def test_action_points_and_activities_by_status_match_the_annual_report(demo_db):
    report = annual_report(demo_db, 2024)
    actions = charts.action_points_by_status(demo_db, 2024)
    assert [b.label for b in actions.bars] == [s.label for s in ActionStatus]
    assert [b.values[0] for b in actions.bars] == [report.actions.by_status[s] for s in ActionStatus]
    assert actions.total == report.actions.raised > 0
    assert not actions.stacked
    activities = charts.activities_by_status(demo_db, 2024)
    assert [b.label for b in activities.bars] == [s.label for s in ActivityStatus]
    assert [b.values[0] for b in activities.bars] == [report.activities_by_status[s] for s in ActivityStatus]
    assert activities.total == report.activity_count > 0


def test_an_empty_year_says_so(db):
    year_charts = charts.year_charts(db, 2031)
    for chart in year_charts.all:
        assert chart.is_empty and chart.total == 0
    assert year_charts.attendance_by_sex.bars == ()
    assert year_charts.activities_by_status.empty_text == "No work plan for 2031."
    assert year_charts.meetings_per_quarter.empty_text == "No meeting in 2031."
    assert charts.years_with_data(db) == []
    assert charts.last_year_held(db, 2031) is None


def _person(s, name, sex):
    person = Person(full_name=name, sex=sex)
    s.add(person)
    s.flush()
    return person.id


def test_counts_on_hand_made_data(db):
    """Quarters by the WIB date (1 Apr 06:00 WIB is Q2 though it is still 31 Mar in UTC), only people
    present counted, only held meetings in the attendance, only action points of the year's meetings."""
    q1_late = meetings_service.create_meeting(
        db, kind=MeetingKind.QUARTERLY, starts_at=wib(2030, 3, 31, 23, 30), ends_at=wib(2030, 3, 31, 23, 59)
    )
    q2_early = meetings_service.create_meeting(
        db, kind=MeetingKind.AD_HOC, starts_at=wib(2030, 4, 1, 6, 0), ends_at=wib(2030, 4, 1, 8, 0)
    )
    with db.session() as s:
        s.get(Meeting, q1_late).status = MeetingStatus.HELD
        s.get(Meeting, q2_early).status = MeetingStatus.CANCELLED
        ids = [_person(s, n, sex) for n, sex in (("A", Sex.FEMALE), ("B", Sex.FEMALE), ("C", Sex.MALE), ("D", None))]
        for person_id, attendance in zip(ids, (Attendance.PRESENT, Attendance.PRESENT, Attendance.APOLOGIES, Attendance.PRESENT)):
            s.add(Participation(meeting_id=q1_late, person_id=person_id, attendance=attendance))
            s.add(Participation(meeting_id=q2_early, person_id=person_id, attendance=Attendance.PRESENT))
        s.add(ActionPoint(meeting_id=q1_late, description="x", status=ActionStatus.DONE))
        s.add(ActionPoint(meeting_id=q1_late, description="y", status=ActionStatus.OPEN))
        s.add(ActionPoint(description="no meeting", status=ActionStatus.OPEN))
    quarters = charts.meetings_per_quarter(db, 2030)
    assert [b.values for b in quarters.bars] == [(0, 1, 0), (0, 0, 1), (0, 0, 0), (0, 0, 0)]
    attendance = charts.attendance_by_sex(db, 2030)
    assert len(attendance.bars) == 1
    assert attendance.bars[0].values == (2, 0, 0, 1)  # the man sent apologies; D has no sex recorded
    assert "3 people present" in attendance.bars[0].tooltip
    actions = charts.action_points_by_status(db, 2030)
    assert {b.label: b.values[0] for b in actions.bars} == {"Open": 1, "In progress": 0, "Done": 1, "Dropped": 0}
    assert charts.years_with_data(db) == [2030]
    assert charts.last_year_held(db, 2031) == 2030
    assert charts.last_year_held(db, 2030) is None


def test_many_meetings_are_counted_by_month(db):
    ids = []
    for i in range(charts.MAX_MEETING_BARS + 2):
        day = dt.date(2030, 1 + i % 6, 10 + i // 6)
        ids.append(
            meetings_service.create_meeting(
                db, kind=MeetingKind.AD_HOC, starts_at=wib(day.year, day.month, day.day, 9), ends_at=wib(day.year, day.month, day.day, 10)
            )
        )
    with db.session() as s:
        person = _person(s, "A", Sex.MALE)
        for meeting_id in ids:
            s.get(Meeting, meeting_id).status = MeetingStatus.HELD
            s.add(Participation(meeting_id=meeting_id, person_id=person, attendance=Attendance.PRESENT))
    chart = charts.attendance_by_sex(db, 2030)
    assert [b.label for b in chart.bars] == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    assert chart.total == len(ids)
    assert "by month" in chart.title


def test_activities_of_the_year_only(db):
    from unnet_desktop.core.models import ResultsGroup

    with db.session() as s:
        group = s.scalars(sa.select(ResultsGroup)).first()
        for year, statuses in ((2030, (ActivityStatus.ON_TRACK, ActivityStatus.ON_TRACK, ActivityStatus.DELAYED)), (2031, (ActivityStatus.COMPLETED,))):
            plan = WorkPlan(year=year, title=f"Plan {year}")
            s.add(plan)
            s.flush()
            for i, status in enumerate(statuses):
                s.add(Activity(work_plan_id=plan.id, code=f"A{i}", title="t", results_group_id=group.id, status=status))
    chart = charts.activities_by_status(db, 2030)
    assert {b.label: b.values[0] for b in chart.bars}["On track"] == 2
    assert chart.total == 3
    assert charts.activities_by_status(db, 2032).empty_text == "No work plan for 2032."


@pytest.mark.parametrize("year", [1899, 3000, "2024", True])
def test_a_bad_year_is_refused(db, year):
    with pytest.raises(ValidationError):
        charts.meetings_per_quarter(db, year)
