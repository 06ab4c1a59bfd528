"""The dashboard's figures (no Qt): each equals what the database holds on a given day."""

from __future__ import annotations

import datetime as dt

from unnet_desktop.core.enums import (
    ActionStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    WorkPlanStatus,
)
from unnet_desktop.core.models import (
    ActionPoint,
    Activity,
    Meeting,
    Organisation,
    Person,
    ResultsGroup,
    WorkPlan,
)
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import dashboard as service

TODAY = dt.date(2026, 6, 15)


def _meeting(ref, starts_at, status=MeetingStatus.PLANNED, **kw):
    return Meeting(
        reference=ref, title=f"Meeting {ref} of the Network", starts_at=starts_at, status=status, **kw
    )


def test_empty_database_has_zero_figures_and_no_work_plan(db):
    figures = service.dashboard(db, today=TODAY)
    assert figures.today == TODAY
    assert figures.next_meetings == ()
    assert figures.upcoming_total == 0
    assert figures.action_points == service.ActionPointFigures(open=0, overdue=0, due_soon=0)
    assert figures.most_overdue == ()
    assert figures.minutes_in_progress == ()
    assert figures.minutes_to_finish == 0
    assert (figures.member_organisations, figures.people, figures.meetings_held_this_year) == (0, 0, 0)
    assert not figures.work_plan.exists
    assert figures.work_plan.year == 2026
    assert figures.work_plan.summary == "No work plan for 2026 yet."
    assert figures.work_plan.status_label == "Missing"


def test_next_meetings_are_planned_ones_from_today_by_start_time(db):
    with db.session() as s:
        s.add_all(
            [
                _meeting("2026-ANM", wib(2026, 11, 20, 9), kind=MeetingKind.ANNUAL, venue="Hotel Borobudur"),
                _meeting(
                    "2026-Q3",
                    wib(2026, 9, 17, 14),
                    ends_at=wib(2026, 9, 17, 16),
                    kind=MeetingKind.QUARTERLY,
                    venue="UN House, Jakarta",
                    online_link="https://meet.example.org/q3",
                ),
                # Today 06:00 WIB is still yesterday in UTC (23:00): listed, the day counts in Jakarta.
                _meeting(
                    "2026-AH-04",
                    wib(2026, 6, 15, 6),
                    kind=MeetingKind.AD_HOC,
                    online_link="https://x.example",
                ),
                # Yesterday 23:30 WIB: past, not listed although still planned.
                _meeting("2026-AH-03", wib(2026, 6, 14, 23, 30)),
                _meeting("2026-AH-05", wib(2026, 7, 1, 10), status=MeetingStatus.CANCELLED),
                _meeting("2026-Q2", wib(2026, 6, 1, 14), status=MeetingStatus.HELD),
            ]
        )
    meetings = service.next_meetings(db, today=TODAY)
    assert [m.reference for m in meetings] == ["2026-AH-04", "2026-Q3", "2026-ANM"]
    today_meeting, q3, anm = meetings
    assert today_meeting.days_away == 0 and today_meeting.in_days == "today"
    assert today_meeting.place == "Online"
    assert q3.when == "17 Sep 2026 14:00–16:00 WIB"
    assert q3.kind_label == "Quarterly meeting"
    assert q3.place == "UN House, Jakarta + online"
    assert q3.in_days == "in 94 days"
    assert anm.when == "20 Nov 2026 09:00 WIB"
    assert anm.kind_label == "Annual Network Meeting"
    assert anm.place == "Hotel Borobudur"
    assert [m.reference for m in service.next_meetings(db, today=TODAY, limit=2)] == ["2026-AH-04", "2026-Q3"]
    assert service.dashboard(db, today=TODAY, limit=2).upcoming_total == 3


def test_action_points_open_overdue_and_due_soon(db):
    with db.session() as s:
        org = Organisation(name="International Organization for Migration", acronym="IOM")
        person = Person(title="Ms", full_name="Dewi Lestari", organisation=org)
        meeting = _meeting("2026-Q1", wib(2026, 3, 18, 14), status=MeetingStatus.HELD)
        s.add_all([org, person, meeting])

        def add(description, days, status=ActionStatus.OPEN, **kw):
            date = None if days is None else TODAY + dt.timedelta(days=days)
            s.add(ActionPoint(description=description, due_date=date, status=status, **kw))

        add(
            "Overdue by 20 days",
            -20,
            responsible_organisation=org,
            responsible_person=person,
            meeting=meeting,
        )
        add("Overdue by 1 day, in progress", -1, ActionStatus.IN_PROGRESS)
        add("Due today", 0)
        add("Due in 13 days", 13, ActionStatus.IN_PROGRESS)
        add("Due in 14 days", 14)
        add("No due date", None)
        add("Done late", -30, ActionStatus.DONE)
        add("Dropped", -30, ActionStatus.DROPPED)

    assert service.action_point_figures(db, today=TODAY) == service.ActionPointFigures(
        open=6, overdue=2, due_soon=2
    )
    overdue = service.overdue_action_points(db, today=TODAY)
    assert [(a.description, a.days_late) for a in overdue] == [
        ("Overdue by 20 days", 20),
        ("Overdue by 1 day, in progress", 1),
    ]
    assert overdue[0].responsible == "IOM · Ms Dewi Lestari"
    assert overdue[0].meeting_reference == "2026-Q1"
    assert overdue[1].responsible == "" and overdue[1].meeting_reference == ""
    # A day later, the point due today is overdue too.
    later = service.action_point_figures(db, today=TODAY + dt.timedelta(days=1))
    assert later.overdue == 3


def test_work_plan_of_the_current_year(db):
    with db.session() as s:
        group = s.query(ResultsGroup).filter_by(number=2).one()
        plan = WorkPlan(
            year=2026,
            title="Work plan 2026",
            status=WorkPlanStatus.ENDORSED,
            endorsed_on=dt.date(2026, 2, 12),
        )
        plan.activities.extend(
            Activity(code=f"RG2.{n}", title=f"Activity {n} on safe migration", results_group=group)
            for n in (1, 2)
        )
        s.add_all([plan, WorkPlan(year=2027, title="Work plan 2027")])

    summary = service.work_plan_summary(db, 2026)
    assert summary.exists and summary.title == "Work plan 2026"
    assert summary.status is WorkPlanStatus.ENDORSED and summary.status_label == "Endorsed"
    assert summary.endorsed_on == dt.date(2026, 2, 12)
    assert summary.activity_count == 2
    assert summary.summary == "Endorsed on 12 Feb 2026 · 2 activities"

    draft = service.work_plan_summary(db, 2027)
    assert (draft.status, draft.activity_count, draft.summary) == (
        WorkPlanStatus.DRAFT,
        0,
        "Draft · 0 activities",
    )
    assert service.dashboard(db, today=dt.date(2027, 1, 5)).work_plan.year == 2027
    assert not service.work_plan_summary(db, 2028).exists


def test_counts_of_members_people_and_meetings_held_this_year(db):
    with db.session() as s:
        for name, role, archived in [
            ("Resident Coordinator's Office", NetworkRole.CHAIR, False),
            ("International Organization for Migration", NetworkRole.CO_CHAIR_SECRETARIAT, False),
            ("International Labour Organization", NetworkRole.MEMBER, False),
            ("Serikat Buruh Migran Indonesia", NetworkRole.OBSERVER, False),
            ("Ministry of Manpower", NetworkRole.NONE, False),
            ("UN Office for Project Services", NetworkRole.MEMBER, True),
        ]:
            s.add(Organisation(name=name, network_role=role, archived=archived))
        s.add_all(
            [
                Person(full_name="Dewi Lestari"),
                Person(full_name="Arief Nugroho"),
                Person(full_name="Hendra Gunawan", archived=True),
            ]
        )
        s.add_all(
            [
                # New Year's Day 2026 at 02:00 WIB is 31 Dec 2025 in UTC: still a 2026 meeting.
                _meeting("2026-AH-01", wib(2026, 1, 1, 2), status=MeetingStatus.HELD),
                _meeting("2026-Q1", wib(2026, 3, 18, 14), status=MeetingStatus.HELD),
                _meeting("2025-Q4", wib(2025, 12, 31, 23), status=MeetingStatus.HELD),
                _meeting("2026-AH-02", wib(2026, 4, 2, 10), status=MeetingStatus.CANCELLED),
                _meeting("2026-Q2", wib(2026, 6, 1, 14)),  # still planned
            ]
        )
    figures = service.dashboard(db, today=TODAY)
    assert figures.member_organisations == 3
    assert figures.people == 2
    assert figures.meetings_held_this_year == 2


def test_minutes_to_finish_are_held_meetings_not_approved_oldest_first(db):
    with db.session() as s:
        s.add_all(
            [
                _meeting(
                    "2026-Q2",
                    wib(2026, 6, 1, 14),
                    MeetingStatus.HELD,
                    minutes_status=MinutesStatus.CIRCULATED,
                ),
                _meeting(
                    "2026-Q1", wib(2026, 3, 18, 14), MeetingStatus.HELD, minutes_status=MinutesStatus.DRAFT
                ),
                _meeting(
                    "2025-Q4", wib(2025, 12, 3, 14), MeetingStatus.HELD, minutes_status=MinutesStatus.APPROVED
                ),
                _meeting("2026-Q3", wib(2026, 9, 1, 14), minutes_status=MinutesStatus.NOT_STARTED),
            ]
        )
    pending = service.minutes_in_progress(db)
    assert [(m.reference, m.minutes_status.label, m.held_on) for m in pending] == [
        ("2026-Q1", "Draft", "18 Mar 2026"),
        ("2026-Q2", "Circulated for comments", "01 Jun 2026"),
    ]
    assert [m.reference for m in service.minutes_in_progress(db, limit=1)] == ["2026-Q1"]
    assert service.dashboard(db, today=TODAY, limit=1).minutes_to_finish == 2


def test_today_defaults_to_the_date_in_jakarta(db):
    figures = service.dashboard(db)
    assert figures.today == service.today_wib()
    assert figures.work_plan.year == figures.today.year


def test_demo_database_has_a_dashboard(demo_db):
    figures = service.dashboard(demo_db, today=dt.date(2026, 1, 15))
    assert figures.member_organisations >= 10
    assert figures.work_plan.exists and figures.work_plan.activity_count > 0
    assert figures.next_meetings, "the demo plans meetings in 2026 and 2027"
    assert figures.action_points.overdue > 0
