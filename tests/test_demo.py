"""The sample network (issue 2, point 5): what it holds, and how it is written."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from unnet_desktop.core.enums import (
    OPEN_ACTION_STATUSES,
    ActionStatus,
    ActivityStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
    ParticipantRole,
    Sex,
    WorkingGroupKind,
    WorkPlanStatus,
)
from unnet_desktop.core.errors import KnownError
from unnet_desktop.core.models import (
    ActionPoint,
    DistributionList,
    Meeting,
    Organisation,
    Person,
    WorkingGroup,
    WorkPlan,
)
from unnet_desktop.core.timezone import to_wib

TODAY = dt.date(2026, 11, 25)  # the date the sample is written around
UN_MEMBERS = {"ILO", "UNDP", "UNICEF", "UN Women", "UNODC", "WHO", "UNFPA", "UNAIDS", "UNHCR", "OHCHR"}
GOVERNMENT = {"Kemlu", "Kemnaker", "BP2MI", "Ditjen Imigrasi", "Bappenas", "KemenPPPA"}


def org(s, acronym: str) -> Organisation:
    return s.scalars(select(Organisation).where(Organisation.acronym == acronym)).one()


def meeting(s, reference: str) -> Meeting:
    return s.scalars(select(Meeting).where(Meeting.reference == reference)).one()


# ------------------------------------------------------------------------------------ contacts
def test_chair_is_the_rco_and_iom_is_co_chair_and_secretariat(demo_db):
    with demo_db.session() as s:
        chairs = s.scalars(select(Organisation).where(Organisation.network_role == NetworkRole.CHAIR)).all()
        co_chairs = s.scalars(
            select(Organisation).where(Organisation.network_role == NetworkRole.CO_CHAIR_SECRETARIAT)
        ).all()
        assert [o.acronym for o in chairs] == ["RCO"]
        assert [o.acronym for o in co_chairs] == ["IOM"]
        rco, iom = chairs[0], co_chairs[0]
        assert rco.name == "United Nations Resident Coordinator's Office"
        assert rco.category is OrganisationCategory.UN_AGENCY
        assert iom.name == "International Organization for Migration"
        assert iom.category is OrganisationCategory.UN_AGENCY
        rc = [p for p in rco.people if p.position == "United Nations Resident Coordinator in Indonesia"]
        assert len(rc) == 1
        assert iom.focal_point.organisation is iom
        assert "Secretariat" in iom.focal_point.position


def test_member_agencies_each_have_a_focal_point_of_their_own(demo_db):
    with demo_db.session() as s:
        members = s.scalars(select(Organisation).where(Organisation.network_role == NetworkRole.MEMBER)).all()
        acronyms = {o.acronym for o in members}
        assert len(members) >= 10
        assert UN_MEMBERS <= acronyms
        with_alternate = 0
        for o in members:
            assert o.category is OrganisationCategory.UN_AGENCY, o.name
            assert o.member_since is not None and o.member_since.year == 2024, o.name
            assert o.focal_point is not None, o.name
            assert o.focal_point.organisation is o, o.name
            assert not o.focal_point.archived, o.name
            assert o.focal_point.email and "@" in o.focal_point.email
            if o.alternate is not None:
                with_alternate += 1
                assert o.alternate.organisation is o
                assert o.alternate is not o.focal_point
        assert with_alternate > len(members) // 2


def test_government_invitees_each_have_a_contact(demo_db):
    with demo_db.session() as s:
        for acronym in GOVERNMENT:
            ministry = org(s, acronym)
            assert ministry.category is OrganisationCategory.GOVERNMENT
            assert ministry.network_role is NetworkRole.NONE
            assert len(ministry.people) >= 1, acronym
        assert org(s, "Kemlu").name == "Ministry of Foreign Affairs"
        assert org(s, "Kemnaker").name == "Ministry of Manpower"
        assert "Immigration" in org(s, "Ditjen Imigrasi").name


def test_other_stakeholders_of_the_gcm_are_present(demo_db):
    wanted = {
        OrganisationCategory.CIVIL_SOCIETY,
        OrganisationCategory.MIGRANT_DIASPORA,
        OrganisationCategory.FAITH_BASED,
        OrganisationCategory.TRADE_UNION,
        OrganisationCategory.ACADEMIA,
        OrganisationCategory.MEDIA,
        OrganisationCategory.NHRI,
        OrganisationCategory.RED_CROSS,
        OrganisationCategory.DEVELOPMENT_PARTNER,
        OrganisationCategory.PRIVATE_SECTOR,
        OrganisationCategory.LOCAL_AUTHORITY,
        OrganisationCategory.PARLIAMENT,
    }
    with demo_db.session() as s:
        rows = s.execute(
            select(Organisation.category, func.count(Person.id))
            .join(Person, Person.organisation_id == Organisation.id)
            .group_by(Organisation.category)
        ).all()
        with_people = {category for category, n in rows if n > 0}
        assert wanted <= with_people
        assert org(s, "Komnas HAM").category is OrganisationCategory.NHRI
        assert org(s, "PMI").category is OrganisationCategory.RED_CROSS
        assert org(s, "SBMI").category is OrganisationCategory.MIGRANT_DIASPORA


def test_people_mix_sexes_and_one_is_archived(demo_db):
    with demo_db.session() as s:
        by_sex = dict(s.execute(select(Person.sex, func.count()).group_by(Person.sex)).all())
        assert by_sex[Sex.FEMALE] >= 20
        assert by_sex[Sex.MALE] >= 20
        assert by_sex[Sex.NOT_RECORDED] >= 2
        archived = s.scalars(select(Person).where(Person.archived.is_(True))).all()
        assert [p.full_name for p in archived] == ["Gregory Hall"]
        emails = s.scalars(select(Person.email)).all()
        assert all(e and "@" in e for e in emails)
        assert len(set(emails)) == len(emails)
        titles = set(s.scalars(select(Person.title)))
        assert {"Mr", "Ms", "Dr"} <= titles


def test_no_placeholder_text(demo_db):
    placeholder = re.compile(r"\b(test|lorem|foo|dummy)\b", re.IGNORECASE)
    with demo_db.session() as s:
        texts = [*s.scalars(select(Organisation.name)), *s.scalars(select(Person.full_name)),
                 *s.scalars(select(Meeting.title))]
        for plan in s.scalars(select(WorkPlan)):
            texts += [a.title for a in plan.activities]
        assert len(texts) > 100
        assert [t for t in texts if placeholder.search(t)] == []


def test_distribution_lists_are_filled_sensibly(demo_db):
    with demo_db.session() as s:
        lists = {d.name: d for d in s.scalars(select(DistributionList))}
        assert set(lists) == {"Network members (focal points)", "UN Country Team", "SDG working group"}
        for d in lists.values():
            assert d.people, d.name
            assert not [p for p in d.people if p.archived], d.name
        focal_list = set(lists["Network members (focal points)"].people)
        for o in s.scalars(select(Organisation).where(Organisation.network_role == NetworkRole.MEMBER)):
            assert o.focal_point in focal_list, o.acronym
        unct = lists["UN Country Team"].people
        assert any(p.position == "United Nations Resident Coordinator in Indonesia" for p in unct)
        assert len(unct) >= 10
        assert len(lists["SDG working group"].people) >= 5


# ------------------------------------------------------------------------------------ meetings
@pytest.mark.parametrize(
    ("reference", "day", "status", "minutes"),
    [
        ("2024-Q1", dt.date(2024, 3, 18), MeetingStatus.HELD, MinutesStatus.APPROVED),
        ("2024-Q2", dt.date(2024, 6, 6), MeetingStatus.HELD, MinutesStatus.CIRCULATED),
        ("2024-Q3", dt.date(2024, 9, 5), MeetingStatus.HELD, MinutesStatus.DRAFT),
        ("2024-Q4", dt.date(2024, 12, 5), MeetingStatus.PLANNED, MinutesStatus.NOT_STARTED),
    ],
)
def test_quarterly_meetings_on_the_annex_1_dates(demo_db, reference, day, status, minutes):
    with demo_db.session() as s:
        m = meeting(s, reference)
        assert m.kind is MeetingKind.QUARTERLY
        start, end = to_wib(m.starts_at), to_wib(m.ends_at)
        assert (start.date(), start.hour, start.minute) == (day, 14, 0)
        assert (end.date(), end.hour, end.minute) == (day, 16, 0)
        assert m.starts_at.utcoffset() == dt.timedelta(0)
        assert m.starts_at.hour == 7  # 14:00 WIB is 07:00 UTC
        assert (m.status, m.minutes_status) == (status, minutes)
        assert m.chair.position == "United Nations Resident Coordinator in Indonesia"
        assert m.confidentiality is Confidentiality.INTERNAL
        assert m.agenda_items


def test_first_quarterly_meeting_is_complete(demo_db):
    with demo_db.session() as s:
        q1 = meeting(s, "2024-Q1")
        assert to_wib(q1.starts_at).replace(tzinfo=None) == dt.datetime(2024, 3, 18, 14, 0)
        assert q1.approved_on is not None and (q1.approved_on.year, q1.approved_on.month) == (2024, 4)

        parts = q1.participations
        assert len(parts) >= 15
        attendance = {p.attendance for p in parts}
        assert {Attendance.PRESENT, Attendance.APOLOGIES, Attendance.ABSENT} <= attendance
        assert Attendance.UNKNOWN not in attendance
        assert any(p.remote for p in parts)
        assert {p.role for p in parts} >= {ParticipantRole.MEMBER, ParticipantRole.GUEST_SPEAKER,
                                           ParticipantRole.SECRETARIAT}
        for p in parts:
            if p.attendance is Attendance.PRESENT:
                assert p.invitation is InvitationStatus.ACCEPTED
            if p.attendance is Attendance.APOLOGIES:
                assert p.invitation is InvitationStatus.DECLINED
        guests = {p.person.organisation.acronym for p in parts if p.role is ParticipantRole.GUEST_SPEAKER}
        assert "BP2MI" in guests

        items = q1.agenda_items
        assert 5 <= len(items) <= 7
        assert [i.position for i in items] == list(range(1, len(items) + 1))
        assert all(i.presenter is not None and i.duration_minutes for i in items)
        assert sum(i.duration_minutes for i in items) <= 120
        assert "Opening" in items[0].title and "Any other business" == items[-1].title
        law = [i for i in items if "18/2017" in i.title and "9/2020" in i.title]
        assert len(law) == 1
        assert law[0].presenter.organisation.acronym == "BP2MI"
        assert 6 in [o.number for o in law[0].objectives]
        assert law[0].discussion and law[0].decisions
        assert any("Terms of Reference" in i.title and "adopted" in i.decisions for i in items)

        actions = q1.action_points
        assert len(actions) >= 5
        for a in actions:
            assert a.agenda_item is not None and a.agenda_item.meeting is q1
            assert a.responsible_organisation is not None and a.responsible_person is not None
            assert a.responsible_person.organisation is a.responsible_organisation
            assert a.due_date is not None and a.due_date > q1.starts_at.date()
        statuses = {a.status for a in actions}
        assert ActionStatus.DONE in statuses
        assert statuses & set(OPEN_ACTION_STATUSES)
        assert any(a.completion_note for a in actions if a.status is ActionStatus.DONE)


def test_later_meetings_are_at_other_stages(demo_db):
    with demo_db.session() as s:
        q4 = meeting(s, "2024-Q4")
        assert q4.participations
        assert all(p.attendance is Attendance.UNKNOWN for p in q4.participations)
        assert all(p.invitation is not InvitationStatus.NOT_SENT for p in q4.participations)
        assert q4.action_points == []
        assert meeting(s, "2024-Q3").approved_on is None
        assert meeting(s, "2024-Q2").action_points


def test_annual_network_meeting_and_ad_hoc_meeting(demo_db):
    with demo_db.session() as s:
        anm = meeting(s, "2024-ANM")
        adhoc = meeting(s, "2024-AH-01")
        assert anm.kind is MeetingKind.ANNUAL and adhoc.kind is MeetingKind.AD_HOC
        assert to_wib(anm.starts_at).date() == dt.date(2024, 11, 28)
        assert to_wib(adhoc.starts_at).year == 2024
        assert anm.status is adhoc.status is MeetingStatus.HELD
        # The annual meeting brings in the wider membership and stakeholders (ToR D.2).
        categories = {p.person.organisation.category for p in anm.participations}
        assert len(categories) >= 8
        assert adhoc.agenda_items and adhoc.action_points
        assert all(p.remote for p in adhoc.participations if p.attendance is Attendance.PRESENT)
        public = s.scalars(select(Meeting.reference).where(Meeting.confidentiality == Confidentiality.PUBLIC)).all()
        assert public == ["2024-ANM"]


def test_dashboard_has_next_meetings_and_due_and_overdue_actions(demo_db):
    with demo_db.session() as s:
        after_today = s.scalars(
            select(Meeting).where(Meeting.starts_at > dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc))
            .order_by(Meeting.starts_at)
        ).all()
        assert [m.reference for m in after_today] == ["2026-Q4", "2027-Q1"]
        assert all(m.status is MeetingStatus.PLANNED for m in after_today)
        assert to_wib(after_today[0].starts_at).replace(tzinfo=None) == dt.datetime(2026, 12, 3, 14, 0)

        open_actions = s.scalars(select(ActionPoint).where(ActionPoint.status.in_(OPEN_ACTION_STATUSES))).all()
        due_december = [a for a in open_actions if a.due_date and (a.due_date.year, a.due_date.month) == (2026, 12)]
        overdue = [a for a in open_actions if a.due_date and a.due_date < TODAY]
        assert len(due_december) >= 2
        assert len(overdue) >= 3
        assert {a.status for a in s.scalars(select(ActionPoint))} == set(ActionStatus)


# ------------------------------------------------------------------------------------ work plans
def test_2024_work_plan_covers_all_four_results_groups(demo_db):
    with demo_db.session() as s:
        plan = s.scalars(select(WorkPlan).where(WorkPlan.year == 2024)).one()
        assert plan.status is WorkPlanStatus.ENDORSED
        assert plan.endorsed_on == dt.date(2024, 6, 6)
        activities = plan.activities
        assert {a.results_group.number for a in activities} == {1, 2, 3, 4}
        assert {a.status for a in activities} == set(ActivityStatus)
        for a in activities:
            assert re.fullmatch(rf"RG{a.results_group.number}\.\d", a.code), a.code
            assert a.lead_agency.network_role in (NetworkRole.MEMBER, NetworkRole.CO_CHAIR_SECRETARIAT)
            assert a.participating_agencies and a.implementing_partners and a.objectives
            assert a.gender_marker in range(4) and a.gender_marker_note
            assert a.human_rights_marker in range(4) and a.human_rights_marker_note
            assert isinstance(a.budget_required, Decimal)
            assert Decimal(0) <= a.budget_spent <= a.budget_available <= a.budget_required
            assert a.indicator and a.baseline and a.target and a.location
            assert a.start_date < a.end_date
            assert 0 <= a.progress_pct <= 100
        by_code = {a.code: a for a in activities}
        assert by_code["RG2.1"].lead_agency.acronym == "ILO"
        assert [o.number for o in by_code["RG2.1"].objectives] == [6, 22]
        completed = [a for a in activities if a.status is ActivityStatus.COMPLETED]
        assert completed and all(a.progress_pct == 100 for a in completed)
        assert sum(a.budget_required for a in activities) == Decimal("3335000.00")


def test_later_work_plans(demo_db):
    with demo_db.session() as s:
        plans = {p.year: p for p in s.scalars(select(WorkPlan))}
        assert sorted(plans) == [2024, 2025, 2026]
        assert plans[2025].status is WorkPlanStatus.ENDORSED and plans[2025].activities
        assert plans[2026].status is WorkPlanStatus.DRAFT
        assert plans[2026].endorsed_on is None
        assert plans[2026].activities


# ------------------------------------------------------------------------------------ working groups
def test_two_working_groups_with_members_and_a_meeting_each(demo_db):
    with demo_db.session() as s:
        groups = {g.short_name: g for g in s.scalars(select(WorkingGroup))}
        assert set(groups) == {"WG-FRDW", "WG-TIP"}
        frdw, tip = groups["WG-FRDW"], groups["WG-TIP"]
        assert frdw.kind is WorkingGroupKind.PERMANENT
        assert [o.number for o in frdw.objectives] == [6, 22]
        assert (frdw.lead_organisation.acronym, frdw.co_lead_organisation.acronym) == ("ILO", "IOM")
        assert tip.kind is WorkingGroupKind.AD_HOC
        assert 10 in [o.number for o in tip.objectives]
        assert (tip.lead_organisation.acronym, tip.co_lead_organisation.acronym) == ("UNODC", "IOM")
        for g in (frdw, tip):
            assert len(g.members) >= 5
            assert any(p.organisation.category is not OrganisationCategory.UN_AGENCY for p in g.members)
            assert g.established_on is not None and g.is_active(TODAY)
            wg_meetings = s.scalars(select(Meeting).where(Meeting.working_group_id == g.id)).all()
            assert [m.reference for m in wg_meetings] == [f"{g.short_name}-01"]
            assert wg_meetings[0].kind is MeetingKind.WORKING_GROUP
            assert wg_meetings[0].action_points


# ------------------------------------------------------------------------------------ the file
def test_demo_database_is_sound_and_at_head(demo_db):
    from unnet_desktop.core.migrations_runner import SCHEMA_HEAD
    from unnet_desktop.services.maintenance import check_database

    assert demo_db.revision == SCHEMA_HEAD
    assert demo_db.backup_path is None
    assert check_database(demo_db) == []


def test_create_refuses_an_existing_file_and_leaves_it_alone(tmp_path):
    from unnet_desktop.services.demo import create_demo_database

    target = tmp_path / "mine.sqlite"
    target.write_bytes(b"the secretariat's own notes\n")
    before = target.read_bytes()
    with pytest.raises(KnownError, match="already exists"):
        create_demo_database(target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.sqlite"]


def test_create_accepts_an_empty_file(tmp_path):
    from unnet_desktop.core.database import open_database
    from unnet_desktop.services.demo import create_demo_database

    target = tmp_path / "empty.sqlite"
    target.touch()
    create_demo_database(target)
    with open_database(target) as db, db.session() as s:
        assert meeting(s, "2024-Q1").status is MeetingStatus.HELD
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["empty.sqlite"]


def test_a_failed_fill_leaves_no_file(tmp_path, monkeypatch):
    from unnet_desktop.services import demo

    def broken(db):
        with db.session() as s:
            s.add(Organisation(name="International Labour Organization", acronym="ILO"))
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "populate_demo", broken)
    target = tmp_path / "demo.sqlite"
    with pytest.raises(RuntimeError, match="disk full"):
        demo.create_demo_database(target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_populate_refuses_a_database_that_holds_data(demo_db):
    from unnet_desktop.services.demo import populate_demo

    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(Meeting))
    with pytest.raises(KnownError, match="new, empty database"):
        populate_demo(demo_db)
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Meeting)) == before


def test_ensure_demo_database_builds_once(_isolated_data_dir):
    from unnet_desktop.paths import demo_db_path
    from unnet_desktop.services.demo import ensure_demo_database

    expected = demo_db_path()
    assert not expected.exists()
    path = ensure_demo_database()
    assert path == expected
    assert path.is_relative_to(_isolated_data_dir)
    first = os.stat(path)
    assert first.st_size > 0
    again = ensure_demo_database()
    assert again == path
    second = os.stat(path)
    assert (second.st_mtime_ns, second.st_ino, second.st_size) == (first.st_mtime_ns, first.st_ino, first.st_size)


def test_cli_demo_writes_the_sample_into_a_file(tmp_path, capsys):
    from unnet_desktop.cli.main import main
    from unnet_desktop.core.database import open_database

    target = tmp_path / "sample.sqlite"
    assert main(["demo", "--db", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with open_database(target) as db, db.session() as s:
        references = set(s.scalars(select(Meeting.reference)))
        assert {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-ANM", "2024-AH-01"} <= references
        assert s.scalar(select(func.count()).select_from(Organisation)) >= 30

    before = target.read_bytes()
    assert main(["demo", "--db", str(target)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert target.read_bytes() == before


def test_sample_action_points_carry_their_own_times_not_the_build_time(demo_db):
    """Raised at their meeting, done by their due date: the dashboard's "done this quarter" must
    not count every sample action point as done on the day the sample was written."""
    import datetime as dt

    from sqlalchemy import select

    from unnet_desktop.core.enums import ActionStatus
    from unnet_desktop.core.models import ActionPoint, ActionPointChange, Meeting

    with demo_db.session() as s:
        rows = s.execute(
            select(ActionPoint.status, ActionPoint.due_date, ActionPoint.created_at, ActionPoint.updated_at,
                   Meeting.starts_at).join(Meeting, Meeting.id == ActionPoint.meeting_id)
        ).all()
        latest_history = s.scalar(select(ActionPointChange.changed_at).order_by(ActionPointChange.changed_at.desc()))
    assert rows
    for status, due, created, updated, starts in rows:
        assert created == starts + dt.timedelta(hours=2)
        if status is ActionStatus.DONE:
            assert updated.date() <= due
    assert latest_history <= max(r[2] for r in rows)
