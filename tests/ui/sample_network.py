"""A small network with known dashboard figures, made with the ORM (independent of the demo)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from unnet_desktop.core.enums import (
    ActionStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
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

#: The day the sample's figures are computed for (a Monday, mid-year: no year boundary nearby).
TODAY = dt.date(2026, 6, 15)


@dataclass(frozen=True)
class Expected:
    """What the dashboard must show for the sample on ``TODAY``."""

    open_actions: int = 6
    overdue_actions: int = 3
    due_soon: int = 1
    member_organisations: int = 5
    people: int = 6
    held_this_year: int = 2
    upcoming: tuple[str, ...] = ("2026-Q3", "2026-AH-02", "2026-ANM")
    work_plan_title: str = "Work plan 2026 of the UN Network on Migration in Indonesia"
    activities: int = 3
    minutes_to_finish: tuple[str, ...] = ("2026-Q2",)
    most_overdue_first: str = "Share the draft referral pathway for returning migrant workers"


def build_sample(db, today: dt.date = TODAY) -> Expected:
    """A small network around ``today``, with one record of each kind that must NOT be counted."""

    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    def at(offset: int, hour: int = 14) -> dt.datetime:
        d = day(offset)
        return wib(d.year, d.month, d.day, hour)

    with db.session() as s:
        rco = Organisation(
            name="United Nations Resident Coordinator's Office",
            acronym="RCO",
            category=OrganisationCategory.UN_AGENCY,
            network_role=NetworkRole.CHAIR,
        )
        iom = Organisation(
            name="International Organization for Migration",
            acronym="IOM",
            category=OrganisationCategory.UN_AGENCY,
            network_role=NetworkRole.CO_CHAIR_SECRETARIAT,
        )
        ilo = Organisation(
            name="International Labour Organization",
            acronym="ILO",
            category=OrganisationCategory.UN_AGENCY,
            network_role=NetworkRole.MEMBER,
        )
        unicef = Organisation(
            name="United Nations Children's Fund",
            acronym="UNICEF",
            category=OrganisationCategory.UN_AGENCY,
            network_role=NetworkRole.MEMBER,
        )
        unwomen = Organisation(
            name="UN Women", category=OrganisationCategory.UN_AGENCY, network_role=NetworkRole.MEMBER
        )
        # Not counted as members: an observer, an invitee, an archived former member.
        bp2mi = Organisation(
            name="Badan Pelindungan Pekerja Migran Indonesia",
            acronym="BP2MI",
            category=OrganisationCategory.GOVERNMENT,
            network_role=NetworkRole.NONE,
        )
        sbmi = Organisation(
            name="Serikat Buruh Migran Indonesia",
            acronym="SBMI",
            category=OrganisationCategory.MIGRANT_DIASPORA,
            network_role=NetworkRole.OBSERVER,
        )
        former = Organisation(
            name="United Nations Office for Project Services",
            acronym="UNOPS",
            category=OrganisationCategory.UN_AGENCY,
            network_role=NetworkRole.MEMBER,
            archived=True,
        )
        s.add_all([rco, iom, ilo, unicef, unwomen, bp2mi, sbmi, former])
        dewi = Person(title="Ms", full_name="Dewi Lestari", organisation=iom, position="Programme Officer")
        arief = Person(
            title="Mr", full_name="Arief Nugroho", organisation=ilo, position="Migration Specialist"
        )
        sari = Person(title="Ms", full_name="Sari Wulandari", organisation=unicef)
        budi = Person(title="Mr", full_name="Budi Santoso", organisation=bp2mi)
        maria = Person(title="Ms", full_name="Maria Simanjuntak", organisation=unwomen)
        yusuf = Person(title="Mr", full_name="Yusuf Hakim", organisation=rco)
        moved = Person(title="Mr", full_name="Hendra Gunawan", organisation=ilo, archived=True)
        s.add_all([dewi, arief, sari, budi, maria, yusuf, moved])

        q1 = Meeting(
            reference="2026-Q1",
            title="First quarterly meeting of 2026",
            kind=MeetingKind.QUARTERLY,
            starts_at=at(-90),
            ends_at=at(-90, 16),
            venue="UN House, Jakarta",
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.APPROVED,
            approved_on=day(-60),
        )
        q2 = Meeting(
            reference="2026-Q2",
            title="Second quarterly meeting of 2026",
            kind=MeetingKind.QUARTERLY,
            starts_at=at(-5),
            ends_at=at(-5, 16),
            venue="UN House, Jakarta",
            online_link="https://meet.example.org/unnm-q2",
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.DRAFT,
        )
        last_year = Meeting(
            reference="2025-Q4",
            title="Fourth quarterly meeting of 2025",
            starts_at=wib(today.year - 1, 12, 10, 14),
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.APPROVED,
        )
        q3 = Meeting(
            reference="2026-Q3",
            title="Third quarterly meeting of 2026",
            kind=MeetingKind.QUARTERLY,
            starts_at=at(30),
            ends_at=at(30, 16),
            venue="UN House, Jakarta",
            online_link="https://meet.example.org/unnm-q3",
        )
        ad_hoc = Meeting(
            reference="2026-AH-02",
            title="Ad-hoc meeting on the protection of migrant fishers",
            kind=MeetingKind.AD_HOC,
            starts_at=at(45, 10),
            ends_at=at(45, 12),
            online_link="https://meet.example.org/unnm-fishers",
        )
        annual = Meeting(
            reference="2026-ANM",
            title="Annual Network Meeting 2026",
            kind=MeetingKind.ANNUAL,
            starts_at=at(120, 9),
            ends_at=at(120, 17),
            venue="Hotel Borobudur, Jakarta",
        )
        # Not upcoming: a cancelled one ahead, and a planned one already past.
        cancelled = Meeting(
            reference="2026-AH-03",
            title="Ad-hoc meeting on labour migration data",
            kind=MeetingKind.AD_HOC,
            starts_at=at(20),
            status=MeetingStatus.CANCELLED,
        )
        stale = Meeting(
            reference="2026-AH-01",
            title="Ad-hoc meeting on the regional review",
            kind=MeetingKind.AD_HOC,
            starts_at=at(-40),
        )
        s.add_all([q1, q2, last_year, q3, ad_hoc, annual, cancelled, stale])

        def action(description, due_offset, status=ActionStatus.OPEN, org=None, person=None, meeting=q1):
            return ActionPoint(
                description=description,
                due_date=None if due_offset is None else day(due_offset),
                status=status,
                responsible_organisation=org,
                responsible_person=person,
                meeting=meeting,
            )

        s.add_all(
            [
                # Overdue (3): open or in progress, due before today.
                action(
                    "Share the draft referral pathway for returning migrant workers",
                    -50,
                    org=iom,
                    person=dewi,
                ),
                action("Circulate the ILO brief on fair recruitment", -10, ActionStatus.IN_PROGRESS, org=ilo),
                action(
                    "Send the list of child protection focal points", -1, org=unicef, person=sari, meeting=q2
                ),
                # Open, not overdue (3): due today (soon), due in 40 days, no due date.
                action(
                    "Confirm the venue of the Annual Network Meeting", 0, org=rco, person=yusuf, meeting=q2
                ),
                action("Draft the 2027 work plan outline", 40, org=iom, meeting=q2),
                action("Map the provinces with migrant resource centres", None, org=unwomen, meeting=None),
                # Not open: done and dropped, even though their dates are past.
                action("Approve the minutes of 2025-Q4", -80, ActionStatus.DONE, org=rco),
                action("Translate the terms of reference", -30, ActionStatus.DROPPED, org=iom),
            ]
        )

        results_group = s.query(ResultsGroup).filter_by(number=1).one()
        plan = WorkPlan(
            year=today.year,
            title=f"Work plan {today.year} of the UN Network on Migration in Indonesia",
            status=WorkPlanStatus.ENDORSED,
            endorsed_on=dt.date(today.year, 2, 12),
        )
        for code, title in (
            ("RG1.1", "Ethical recruitment training for placement agencies"),
            ("RG1.2", "Village migrant resource centres in East Nusa Tenggara"),
            ("RG1.3", "Data on returning migrant workers"),
        ):
            plan.activities.append(
                Activity(
                    code=code,
                    title=title,
                    results_group=results_group,
                    lead_agency=iom,
                    budget_required=Decimal("25000"),
                )
            )
        s.add(
            WorkPlan(
                year=today.year - 1, title="Work plan of the previous year", status=WorkPlanStatus.ENDORSED
            )
        )
        s.add(plan)
    return Expected()
