"""The meetings services: references, "plan the year", agenda order and timing, participants and
their counts, minutes status with approval locking and recorded reopening, the list query.

``make_network`` and ``make_meeting`` build a small network with the ORM; the files' and the CLI's
tests import them from here.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import sqlalchemy as sa

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import (
    ActionStatus,
    Attendance,
    Confidentiality,
    InvitationStatus,
    MeetingEventKind,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
    ParticipantRole,
    Sex,
)
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.core.timezone import UTC, WIB, wib
from unnet_desktop.services import agenda, meetings, minutes, participants
from unnet_desktop.services.meeting_views import AttendanceSummary, meeting_detail

FORMULA_NAME = "=cmd|' /C calc'!A0"


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


def make_network(db) -> SimpleNamespace:
    """Five organisations, nine people, two distribution lists, a working group; returns the ids."""
    with db.session() as s:
        rco = m.Organisation(name="Office of the UN Resident Coordinator", acronym="RCO",
                             network_role=NetworkRole.CHAIR, category=OrganisationCategory.UN_AGENCY)  # fmt: skip
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM",
                             network_role=NetworkRole.CO_CHAIR_SECRETARIAT, category=OrganisationCategory.UN_AGENCY)  # fmt: skip
        ilo = m.Organisation(name="International Labour Organization", acronym="ILO",
                             network_role=NetworkRole.MEMBER, category=OrganisationCategory.UN_AGENCY)  # fmt: skip
        bp2mi = m.Organisation(name="Badan Pelindungan Pekerja Migran Indonesia", acronym="BP2MI",
                               category=OrganisationCategory.GOVERNMENT)  # fmt: skip
        cso = m.Organisation(name="Migrant CARE", category=OrganisationCategory.CIVIL_SOCIETY)
        s.add_all([rco, iom, ilo, bp2mi, cso])
        s.flush()

        def person(name, org, sex, email=None, **kw):
            p = m.Person(full_name=name, organisation_id=org.id if org else None, sex=sex, email=email, **kw)
            s.add(p)
            s.flush()
            return p

        chair = person("Gita Sabharwal", rco, Sex.FEMALE, "gita.sabharwal@un.org", title="Ms")
        dewi = person("Dewi Lestari", iom, Sex.FEMALE, "dlestari@iom.int", position="Programme Officer")
        budi = person("Budi Santoso", iom, Sex.MALE, "bsantoso@iom.int")
        siti = person("Siti Rahma", ilo, Sex.FEMALE, "rahma@ilo.org")
        andi = person("Andi Pratama", ilo, Sex.MALE, "pratama@ilo.org", phone="+62 21 5555 0101")
        agus = person("Agus Wijaya", bp2mi, Sex.MALE, "agus.wijaya@bp2mi.go.id", position="Director")
        nur = person("Nur Hidayah", cso, Sex.NOT_RECORDED, None)
        formula = person(FORMULA_NAME, cso, Sex.MALE, "formula@example.org", phone="-1")
        archived = person("Former Colleague", ilo, Sex.FEMALE, "former@ilo.org", archived=True)
        rco.focal_point_id = chair.id
        iom.focal_point_id = dewi.id

        unct = s.scalar(sa.select(m.DistributionList).where(m.DistributionList.name == "UN Country Team"))
        unct.people = [chair, siti, archived]
        members = s.scalar(
            sa.select(m.DistributionList).where(m.DistributionList.name == "Network members (focal points)")
        )
        members.people = [dewi, budi, siti, andi]
        group = m.WorkingGroup(name="Fair recruitment and decent work", short_name="FRDW")
        s.add(group)
        s.flush()
        return SimpleNamespace(
            rco=rco.id, iom=iom.id, ilo=ilo.id, bp2mi=bp2mi.id, cso=cso.id,
            chair=chair.id, dewi=dewi.id, budi=budi.id, siti=siti.id, andi=andi.id, agus=agus.id,
            nur=nur.id, formula=formula.id, archived=archived.id,
            unct=unct.id, members=members.id, group=group.id,
        )  # fmt: skip


def make_meeting(db, net: SimpleNamespace, *, day: dt.date = dt.date(2025, 6, 6), **kw) -> SimpleNamespace:
    """A quarterly meeting with standing items plus two, seven participants with attendance,
    minutes and three action points. Returns the ids."""
    mid = meetings.create_meeting(
        db,
        kind=MeetingKind.QUARTERLY,
        starts_at=wib(day.year, day.month, day.day, 14),
        title=kw.pop("title", "Second quarterly meeting"),
        venue="UN House, Menara Thamrin, Jakarta",
        online_link="https://meet.example.org/unnm-q2",
        standing_items=True,
        **kw,
    )
    bp2mi_item = agenda.add_item(db, mid, "Update from BP2MI on placement costs", presenter_id=net.agus,
                                 duration_minutes=30, objectives=[6, 7], position=4)  # fmt: skip
    plan_item = agenda.add_item(db, mid, "Work plan 2025: progress", presenter_id=net.dewi,
                                duration_minutes=25, objectives=[1, 23], position=5)  # fmt: skip
    participants.add_people(db, mid, [net.chair, net.dewi, net.budi, net.siti, net.andi, net.agus, net.nur])
    participants.add_people(db, mid, [net.formula], role=ParticipantRole.OBSERVER)
    rows = {r.person_id: r.id for r in participants.list_participants(db, mid)}
    participants.set_participation(
        db, [rows[p] for p in (net.chair, net.dewi, net.budi, net.siti, net.agus, net.formula)], attendance="present"
    )
    participants.set_participation(db, [rows[net.budi]], remote=True)
    participants.set_participation(db, [rows[net.andi], rows[net.nur]], attendance=Attendance.APOLOGIES)
    participants.set_participation(db, [rows[net.agus]], role=ParticipantRole.GUEST_SPEAKER)
    items = agenda.list_agenda(db, mid)
    minutes.save_item_text(db, items[0].id, "discussion", "The Chair opened the meeting and welcomed the members.")
    minutes.save_item_text(
        db, bp2mi_item, "discussion",
        "BP2MI presented the enforcement of Perka BP2MI No. 9/2020.\n- 120 complaints of overcharging in 2024\n"
        "* Most from Central Java\nMembers asked about data sharing.",
    )  # fmt: skip
    minutes.save_item_text(db, bp2mi_item, "decisions", "The Network will prepare a joint brief.\n- ILO and IOM lead")
    a1 = minutes.add_action_point(db, agenda_item_id=bp2mi_item, description="Draft a joint brief on placement costs",
                                  responsible_organisation_id=net.ilo, due_date=dt.date(2025, 7, 15))  # fmt: skip
    a2 = minutes.add_action_point(db, agenda_item_id=bp2mi_item, description="Share the complaint data with members",
                                  responsible_person_id=net.agus, due_date=dt.date(2025, 6, 30))  # fmt: skip
    a3 = minutes.add_action_point(db, agenda_item_id=plan_item, description="Update the work plan in UN INFO",
                                  responsible_person_id=net.dewi)  # fmt: skip
    return SimpleNamespace(id=mid, bp2mi_item=bp2mi_item, plan_item=plan_item, actions=[a1, a2, a3], rows=rows)


@pytest.fixture
def net(db):
    return make_network(db)


def quarterly(db, day: dt.date, **kw) -> int:
    return meetings.create_meeting(db, kind="quarterly", starts_at=wib(day.year, day.month, day.day, 14), **kw)


# ---------------------------------------------------------------------------------------------
# References and creation
# ---------------------------------------------------------------------------------------------


def test_quarterly_references_count_the_year(db, net):
    assert meetings.propose_reference(db, "quarterly", wib(2025, 3, 18, 14)) == "2025-Q1"
    quarterly(db, dt.date(2025, 3, 18))
    quarterly(db, dt.date(2024, 12, 5))  # another year: not counted
    assert meetings.propose_reference(db, MeetingKind.QUARTERLY, wib(2025, 6, 6, 14)) == "2025-Q2"


def test_reference_never_repeats_an_existing_one(db, net):
    # The officer named the first one "2025-Q2" by hand: the next proposal skips it.
    quarterly(db, dt.date(2025, 3, 18), reference="2025-Q2")
    assert meetings.propose_reference(db, "quarterly", wib(2025, 6, 6, 14)) == "2025-Q3"


def test_year_boundary_in_wib(db, net):
    # 1 January 2025 at 05:00 WIB is still 31 December 2024 in UTC: it is a 2025 meeting.
    start = wib(2025, 1, 1, 5)
    assert start.astimezone(UTC).year == 2024
    meetings.create_meeting(db, kind="quarterly", starts_at=start)
    assert [r.reference for r in meetings.list_meetings(db, year=2025)] == ["2025-Q1"]
    assert meetings.list_meetings(db, year=2024) == []


def test_ad_hoc_annual_working_group_and_other_references(db, net):
    for day in (1, 2):
        meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 4, day, 10))
    assert meetings.propose_reference(db, "ad_hoc", wib(2025, 5, 1, 10)) == "2025-AH-03"
    assert meetings.propose_reference(db, "annual", wib(2025, 11, 20, 9)) == "2025-ANM"
    meetings.create_meeting(db, kind="annual", starts_at=wib(2025, 11, 20, 9))
    assert meetings.propose_reference(db, "annual", wib(2025, 12, 20, 9)) == "2025-ANM-2"
    assert meetings.propose_reference(db, "working_group", wib(2025, 2, 1, 9), net.group) == "WG-FRDW-01"
    meetings.create_meeting(db, kind="working_group", starts_at=wib(2025, 2, 1, 9), working_group_id=net.group)
    assert meetings.propose_reference(db, "working_group", wib(2026, 2, 1, 9), net.group) == "WG-FRDW-02"
    assert meetings.propose_reference(db, "other", wib(2025, 2, 1, 9)) == "2025-M-01"
    with pytest.raises(ValidationError, match="needs its working group"):
        meetings.propose_reference(db, "working_group", wib(2025, 2, 1, 9))


def test_reference_override_must_be_unique(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18), reference="Q1 special")
    assert meetings.find_meeting(db, "q1 SPECIAL") == mid
    with pytest.raises(ValidationError, match="already used"):
        quarterly(db, dt.date(2025, 6, 6), reference="q1 special")
    with pytest.raises(ValidationError, match="only digits"):
        quarterly(db, dt.date(2025, 6, 6), reference="2025")
    other = quarterly(db, dt.date(2025, 6, 6))
    with pytest.raises(ValidationError, match="already used"):
        meetings.update_meeting(db, other, reference="Q1 SPECIAL")
    meetings.update_meeting(db, mid, reference="Q1 special")  # its own reference is fine


def test_plan_the_year(db, net):
    dates = [dt.date(2025, 12, 4), dt.date(2025, 3, 18), dt.date(2025, 6, 5), dt.date(2025, 9, 4)]
    ids = meetings.plan_year(db, 2025, dates, venue="UN House")
    rows = meetings.list_meetings(db, year=2025)
    assert [r.id for r in rows] == ids
    assert [r.reference for r in rows] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    for row, day in zip(rows, sorted(dates)):
        assert row.starts_at.astimezone(WIB) == dt.datetime(day.year, day.month, day.day, 14, tzinfo=WIB)
        assert row.ends_at.astimezone(WIB).hour == 16
        assert row.venue == "UN House"
    detail = meeting_detail(db, ids[0])
    assert detail.chair is not None and detail.chair.id == net.chair
    assert [i.title for i in detail.agenda] == agenda.standing_items()
    with pytest.raises(ValidationError, match="already has quarterly meetings"):
        meetings.plan_year(db, 2025, dates)
    with pytest.raises(ValidationError, match="four dates"):
        meetings.plan_year(db, 2026, dates[:3])
    with pytest.raises(ValidationError, match="not in 2026"):
        meetings.plan_year(db, 2026, dates)


def test_create_meeting_defaults_and_checks(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    detail = meeting_detail(db, mid)
    assert detail.chair.id == net.chair  # the focal point of the Chair organisation
    assert detail.confidentiality is Confidentiality.INTERNAL
    assert detail.length_minutes == 120
    assert detail.title == "Quarterly meeting 2025-Q1"
    no_chair = quarterly(db, dt.date(2025, 6, 6), chair_id=None)
    assert meeting_detail(db, no_chair).chair is None
    with pytest.raises(ValidationError, match="time zone"):
        meetings.create_meeting(db, kind="quarterly", starts_at=dt.datetime(2025, 3, 18, 14))
    with pytest.raises(ValidationError, match="end after it starts"):
        meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 3, 18, 14), ends_at=wib(2025, 3, 18, 13))
    with pytest.raises(ValidationError, match="not a meeting kind"):
        meetings.create_meeting(db, kind="party", starts_at=wib(2025, 3, 18, 14))
    with pytest.raises(ValidationError, match="working group"):
        meetings.create_meeting(db, kind="working_group", starts_at=wib(2025, 3, 18, 14))


def test_moving_a_meeting_raises_the_sequence(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    meetings.update_meeting(db, mid, title="Renamed")
    assert meeting_detail(db, mid).ics_sequence == 0
    meetings.update_meeting(db, mid, starts_at=wib(2025, 3, 19, 14), ends_at=wib(2025, 3, 19, 16))
    assert meeting_detail(db, mid).ics_sequence == 1
    meetings.update_meeting(db, mid, starts_at=wib(2025, 3, 19, 14))  # unchanged: no new sequence
    assert meeting_detail(db, mid).ics_sequence == 1
    meetings.set_meeting_status(db, mid, "cancelled")
    assert meeting_detail(db, mid).ics_sequence == 2


def test_meeting_status_rules(db, net):
    future = quarterly(db, dt.date(2030, 3, 18))
    with pytest.raises(ValidationError, match="cannot be marked held"):
        meetings.set_meeting_status(db, future, MeetingStatus.HELD)
    past = quarterly(db, dt.date(2025, 3, 18))
    meetings.set_meeting_status(db, past, "held")
    assert meeting_detail(db, past).status is MeetingStatus.HELD


# ---------------------------------------------------------------------------------------------
# Agenda
# ---------------------------------------------------------------------------------------------


def titles(db, mid) -> list[str]:
    return [i.title for i in agenda.list_agenda(db, mid)]


def positions(db, mid) -> list[int]:
    return [i.position for i in agenda.list_agenda(db, mid)]


def test_standing_items_frame_the_agenda(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    agenda.add_item(db, mid, "Work plan")
    assert agenda.add_standing_items(db, mid) == 4
    assert titles(db, mid) == [
        "Opening and welcome",
        "Adoption of the minutes of the previous meeting",
        "Review of action points",
        "Work plan",
        "Any other business",
    ]
    assert agenda.add_standing_items(db, mid) == 0


def test_agenda_order_move_and_reorder(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    a, b, c = (agenda.add_item(db, mid, t) for t in ("A", "B", "C"))
    d = agenda.add_item(db, mid, "D", position=2)
    assert titles(db, mid) == ["A", "D", "B", "C"]
    assert agenda.move_item(db, c, "up") is True
    assert titles(db, mid) == ["A", "D", "C", "B"]
    assert agenda.move_item(db, a, "up") is False
    assert agenda.move_item(db, b, "down") is False
    assert agenda.move_item(db, a, "down") is True
    assert titles(db, mid) == ["D", "A", "C", "B"]
    agenda.reorder(db, mid, [b, c, a, d])
    assert titles(db, mid) == ["B", "C", "A", "D"]
    assert positions(db, mid) == [1, 2, 3, 4]
    with pytest.raises(ValidationError, match="exactly once"):
        agenda.reorder(db, mid, [b, c, a])
    with pytest.raises(ValidationError, match="exactly once"):
        agenda.reorder(db, mid, [b, c, a, a])
    agenda.remove_item(db, c)
    assert titles(db, mid) == ["B", "A", "D"]
    assert positions(db, mid) == [1, 2, 3]


def test_agenda_timing_and_objectives(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))  # 120 minutes
    first = agenda.add_item(db, mid, "Opening", duration_minutes=10, presenter_id=net.chair)
    agenda.add_item(db, mid, "Briefing", duration_minutes=80, objectives=[10, 6, 6])
    agenda.add_item(db, mid, "Any other business")
    timing = agenda.agenda_timing(db, mid)
    assert (timing.total_minutes, timing.meeting_minutes, timing.items_without_duration) == (90, 120, 1)
    assert not timing.overrun and timing.text == "90 of 120 min"
    agenda.update_item(db, first, duration_minutes=45)
    timing = agenda.agenda_timing(db, mid)
    assert timing.overrun and timing.over_by == 5
    assert timing.text == "125 of 120 min: 5 min over"
    items = agenda.list_agenda(db, mid)
    assert items[1].objectives == ((6, "Recruitment and decent work"), (10, "Eradicate trafficking"))
    assert items[0].presenter == "Ms Gita Sabharwal (RCO)"
    with pytest.raises(ValidationError, match="no GCM objective 24"):
        agenda.set_item_objectives(db, first, [1, 24])
    with pytest.raises(ValidationError, match="between 1 and"):
        agenda.update_item(db, first, duration_minutes=-5)
    with pytest.raises(ValidationError, match="cannot be empty"):
        agenda.update_item(db, first, title="   ")


def test_copy_the_previous_agenda(db, net):
    first = quarterly(db, dt.date(2025, 3, 18))
    with pytest.raises(ValidationError, match="no earlier quarterly meeting"):
        agenda.copy_previous_agenda(db, first)
    agenda.add_item(db, first, "Opening and welcome", duration_minutes=5)
    agenda.add_item(db, first, "Briefing on recruitment", presenter_id=net.siti, duration_minutes=30, objectives=[6])
    minutes.save_item_text(db, agenda.list_agenda(db, first)[1].id, "discussion", "Not copied")
    meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 4, 1, 9))  # another kind: not the source
    second = quarterly(db, dt.date(2025, 6, 6))
    agenda.add_item(db, second, "Opening and welcome")
    assert agenda.copy_previous_agenda(db, second) == 1
    items = agenda.list_agenda(db, second)
    assert [i.title for i in items] == ["Opening and welcome", "Briefing on recruitment"]
    assert items[1].presenter_id == net.siti and items[1].duration_minutes == 30
    assert items[1].objectives == ((6, "Recruitment and decent work"),)
    assert items[1].discussion == ""
    assert agenda.copy_previous_agenda(db, second) == 0


# ---------------------------------------------------------------------------------------------
# Participants
# ---------------------------------------------------------------------------------------------


def test_add_people_and_lists_skip_those_already_there(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    assert participants.add_people(db, mid, [net.chair, net.siti]).added == 2
    result = participants.add_distribution_list(db, mid, "un country team")
    assert (result.added, result.already, result.skipped_archived) == (0, 2, 1)
    result = participants.add_distribution_list(db, mid, net.members, role="secretariat")
    assert (result.added, result.already) == (3, 1)
    assert result.text == "3 added, 1 already there"
    rows = participants.list_participants(db, mid)
    assert len(rows) == 5
    assert {r.person_id for r in rows if r.role is ParticipantRole.SECRETARIAT} == {net.dewi, net.budi, net.andi}
    with pytest.raises(ValidationError, match="no distribution list 'Donors'"):
        participants.add_distribution_list(db, mid, "Donors")
    with pytest.raises(ValidationError, match="no person with id 999"):
        participants.add_people(db, mid, [999])


def test_attendance_for_many_rows_and_counts(db, net):
    data = make_meeting(db, net)
    summary = participants.attendance_summary(db, data.id)
    assert (summary.invited, summary.present, summary.apologies, summary.absent, summary.unknown) == (8, 6, 2, 0, 0)
    assert summary.remote == 1
    assert summary.present_by_sex == {Sex.FEMALE: 3, Sex.MALE: 3, Sex.OTHER: 0, Sex.NOT_RECORDED: 0}
    assert summary.invited_by_sex[Sex.NOT_RECORDED] == 1
    assert summary.present_by_category == {
        OrganisationCategory.UN_AGENCY: 4,
        OrganisationCategory.CIVIL_SOCIETY: 1,
        OrganisationCategory.GOVERNMENT: 1,
    }
    assert summary.sex_text == "3 women, 3 men"
    # The same figures from the rows the page holds.
    assert AttendanceSummary.from_participants(participants.list_participants(db, data.id)) == summary
    changed = participants.set_participation(db, data.rows.values(), invitation=InvitationStatus.SENT)
    assert changed == 8
    assert {r.invitation for r in participants.list_participants(db, data.id)} == {InvitationStatus.SENT}
    assert participants.remove_participants(db, [data.rows[net.nur]]) == 1
    assert participants.attendance_summary(db, data.id).invited == 7


# ---------------------------------------------------------------------------------------------
# Minutes
# ---------------------------------------------------------------------------------------------


def test_saving_text_starts_a_draft(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    item = agenda.add_item(db, mid, "Briefing")
    assert meeting_detail(db, mid).minutes_status is MinutesStatus.NOT_STARTED
    minutes.save_item_text(db, item, "discussion", "Typed so far")
    minutes.save_item_text(db, item, "decisions", "Agreed")
    detail = meeting_detail(db, mid)
    assert detail.minutes_status is MinutesStatus.DRAFT
    assert (detail.agenda[0].discussion, detail.agenda[0].decisions) == ("Typed so far", "Agreed")
    with pytest.raises(ValueError):
        minutes.save_item_text(db, item, "title", "x")


def test_action_points(db, net):
    data = make_meeting(db, net)
    rows = minutes.list_action_points(db, data.id)
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[1].responsible == "BP2MI / Agus Wijaya"  # the organisation completed from the person
    assert rows[0].responsible == "ILO"
    minutes.update_action_point(db, data.actions[2], due_date=dt.date(2025, 9, 1), responsible_organisation_id=net.iom)
    assert minutes.list_action_points(db, data.id)[2].responsible == "IOM / Dewi Lestari"
    with pytest.raises(ValidationError, match="before the meeting"):
        minutes.update_action_point(db, data.actions[2], due_date=dt.date(2025, 1, 1))
    with pytest.raises(ValidationError, match="needs a description"):
        minutes.add_action_point(db, meeting_id=data.id, description="  ")
    meeting_level = minutes.add_action_point(db, meeting_id=data.id, description="Circulate the minutes")
    assert minutes.list_action_points(db, data.id)[-1].id == meeting_level
    minutes.delete_action_point(db, meeting_level)
    assert len(minutes.list_action_points(db, data.id)) == 3


def test_status_transitions(db, net):
    data = make_meeting(db, net)
    today = dt.date(2025, 7, 1)
    with pytest.raises(ValidationError, match="circulate them for comments first"):
        minutes.approve_minutes(db, data.id, dt.date(2025, 6, 20), today=today)
    minutes.circulate_minutes(db, data.id)
    assert meeting_detail(db, data.id).status is MeetingStatus.HELD
    with pytest.raises(ValidationError, match="before the meeting"):
        minutes.approve_minutes(db, data.id, dt.date(2025, 6, 5), today=today)
    with pytest.raises(ValidationError, match="in the future"):
        minutes.approve_minutes(db, data.id, dt.date(2025, 7, 2), today=today)
    minutes.set_minutes_status(db, data.id, "draft")  # back for more work
    minutes.circulate_minutes(db, data.id)
    minutes.approve_minutes(db, data.id, dt.date(2025, 6, 20), today=today)
    detail = meeting_detail(db, data.id)
    assert (detail.minutes_status, detail.approved_on, detail.locked) == (MinutesStatus.APPROVED, dt.date(2025, 6, 20), True)
    with pytest.raises(ValidationError, match="reopen them"):
        minutes.set_minutes_status(db, data.id, "circulated")


def test_minutes_of_a_future_meeting_cannot_be_circulated(db, net):
    mid = quarterly(db, dt.date(2030, 3, 18))
    agenda.add_item(db, mid, "Briefing")
    minutes.set_minutes_status(db, mid, "draft")
    with pytest.raises(ValidationError, match="has not taken place"):
        minutes.circulate_minutes(db, mid)


def test_approved_minutes_are_locked(db, net):
    data = make_meeting(db, net)
    minutes.circulate_minutes(db, data.id)
    minutes.approve_minutes(db, data.id, dt.date(2025, 6, 20), today=dt.date(2025, 7, 1))
    item = data.bp2mi_item
    locked_edits = [
        lambda: minutes.save_item_text(db, item, "discussion", "changed"),
        lambda: minutes.save_item_text(db, item, "decisions", "changed"),
        lambda: minutes.add_action_point(db, agenda_item_id=item, description="New"),
        lambda: minutes.update_action_point(db, data.actions[0], description="Changed"),
        lambda: minutes.update_action_point(db, data.actions[0], responsible_person_id=net.siti),
        lambda: minutes.delete_action_point(db, data.actions[0]),
        lambda: agenda.add_item(db, data.id, "Late item"),
        lambda: agenda.update_item(db, item, title="Changed"),
        lambda: agenda.move_item(db, item, "up"),
        lambda: agenda.reorder(db, data.id, [i.id for i in reversed(agenda.list_agenda(db, data.id))]),
        lambda: agenda.remove_item(db, item),
        lambda: participants.set_participation(db, [data.rows[net.nur]], attendance="present"),
        lambda: participants.add_people(db, data.id, [net.archived]),
        lambda: participants.remove_participants(db, [data.rows[net.nur]]),
        lambda: meetings.update_meeting(db, data.id, starts_at=wib(2025, 6, 7, 14)),
        lambda: meetings.delete_meeting(db, data.id),
    ]
    for edit in locked_edits:
        with pytest.raises(ValidationError, match="approved and locked"):
            edit()
    # The follow-up of action points and the invitation status stay open.
    changed = minutes.update_action_point(
        db, data.actions[0], status=ActionStatus.DONE, completion_note="Brief shared", due_date=dt.date(2025, 8, 1)
    )
    assert set(changed) == {"status", "completion_note", "due_date"}
    participants.set_participation(db, [data.rows[net.nur]], invitation="declined")
    meetings.update_meeting(db, data.id, confidentiality="public")
    detail = meeting_detail(db, data.id)
    assert detail.action_points[0].status is ActionStatus.DONE
    assert detail.agenda[3].discussion.startswith("BP2MI presented")


def test_reopening_is_explicit_and_recorded(db, net):
    data = make_meeting(db, net)
    with pytest.raises(ValidationError, match="nothing to reopen"):
        minutes.reopen_minutes(db, data.id, "typo")
    circulated = minutes.circulate_minutes(db, data.id)
    assert circulated.kind is MeetingEventKind.MINUTES_CIRCULATED
    minutes.approve_minutes(db, data.id, dt.date(2025, 6, 20), today=dt.date(2025, 7, 1))
    with pytest.raises(ValidationError, match="reason"):
        minutes.reopen_minutes(db, data.id, "   ")
    event = minutes.reopen_minutes(db, data.id, "The BP2MI figures were corrected.", by="dlestari")
    assert event.reopened and event.by == "dlestari"
    detail = meeting_detail(db, data.id)
    assert (detail.minutes_status, detail.approved_on) == (MinutesStatus.DRAFT, None)
    minutes.save_item_text(db, data.bp2mi_item, "discussion", "Corrected figures.")
    history = minutes.minutes_history(db, data.id)
    assert [(e.kind, e.note) for e in history] == [
        (MeetingEventKind.MINUTES_CIRCULATED, ""),
        (MeetingEventKind.MINUTES_APPROVED, "Approved on 20 Jun 2025"),
        (MeetingEventKind.MINUTES_REOPENED, "The BP2MI figures were corrected."),
    ]
    assert history[-1].at.tzinfo is not None and history[-1].label == "Approved minutes reopened"
    assert history[-1].by == "dlestari"
    # Approved again after the correction: the full story is kept.
    minutes.circulate_minutes(db, data.id)
    minutes.approve_minutes(db, data.id, dt.date(2025, 6, 27), today=dt.date(2025, 7, 1))
    assert len(minutes.minutes_history(db, data.id)) == 5
    # Another meeting's history is its own.
    other = quarterly(db, dt.date(2025, 9, 5))
    assert minutes.minutes_history(db, other) == []


def test_a_move_is_recorded(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18), venue="UN House")
    meetings.update_meeting(db, mid, starts_at=wib(2025, 3, 19, 10), ends_at=wib(2025, 3, 19, 12))
    meetings.update_meeting(db, mid, title="Not a move")
    (event,) = minutes.minutes_history(db, mid)
    assert event.kind is MeetingEventKind.MOVED
    assert event.note == "From 18 Mar 2025 14:00–16:00 WIB (UN House) to 19 Mar 2025 10:00–12:00 WIB (UN House)"


def test_action_point_changes_keep_their_history(db, net):
    """Changes made from the minutes go through services.action_points and its history."""
    from unnet_desktop.services.action_points import action_point_history

    data = make_meeting(db, net)
    minutes.update_action_point(db, data.actions[0], description="Draft and share a joint brief")
    fields = [entry.field for entry in action_point_history(db, data.actions[0])]
    assert fields == ["description", "created"]


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------


def test_list_meetings_filters_and_sorts_in_sql(db, net):
    meetings.plan_year(db, 2025, [dt.date(2025, 3, 18), dt.date(2025, 6, 5), dt.date(2025, 9, 4), dt.date(2025, 12, 4)])
    adhoc = meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 7, 1, 9), title="Flood response",
                                    venue="Surabaya")  # fmt: skip
    meetings.create_meeting(db, kind="annual", starts_at=wib(2026, 11, 20, 9))
    meetings.set_meeting_status(db, adhoc, "cancelled")
    assert len(meetings.list_meetings(db)) == 6
    assert [r.reference for r in meetings.list_meetings(db, kind="ad_hoc")] == ["2025-AH-01"]
    assert [r.reference for r in meetings.list_meetings(db, status=MeetingStatus.CANCELLED)] == ["2025-AH-01"]
    assert len(meetings.list_meetings(db, year=2025, kind="quarterly")) == 4
    now = wib(2025, 9, 4, 15)  # during the third quarterly meeting
    upcoming = meetings.list_meetings(db, upcoming=True, now=now)
    assert [r.reference for r in upcoming] == ["2025-Q3", "2025-Q4", "2026-ANM"]
    assert [r.reference for r in meetings.list_meetings(db, upcoming=False, now=now)] == ["2025-Q1", "2025-Q2", "2025-AH-01"]
    newest = meetings.list_meetings(db, order_by="starts_at", descending=True)
    assert newest[0].reference == "2026-ANM"
    assert [r.reference for r in meetings.list_meetings(db, search="surab")] == ["2025-AH-01"]
    assert [r.reference for r in meetings.list_meetings(db, search="100%")] == []
    assert meetings.list_meetings(db, order_by="title")[0].title == "Annual Network Meeting 2026-ANM"
    row = newest[-1]
    assert row.when == "18 Mar 2025 14:00–16:00 WIB" and row.kind_label == "Quarterly meeting"
    assert meetings.meeting_years(db) == [2026, 2025]
    with pytest.raises(ValidationError, match="cannot be sorted"):
        meetings.list_meetings(db, order_by="id; drop table meetings")


def test_find_meeting_by_reference_or_id(db, net):
    mid = quarterly(db, dt.date(2025, 3, 18))
    assert meetings.find_meeting(db, "2025-q1") == mid
    assert meetings.find_meeting(db, str(mid)) == mid
    assert meetings.find_meeting(db, mid) == mid
    with pytest.raises(ValidationError, match="no meeting with the reference or id '2025-Q9'"):
        meetings.find_meeting(db, "2025-Q9")


def test_delete_meeting(db, net):
    data = make_meeting(db, net)
    with pytest.raises(ValidationError, match="cancel the meeting instead"):
        meetings.delete_meeting(db, data.id)
    empty = quarterly(db, dt.date(2025, 9, 5))
    agenda.add_standing_items(db, empty)
    participants.add_people(db, empty, [net.chair])
    meetings.delete_meeting(db, empty)
    assert [r.id for r in meetings.list_meetings(db)] == [data.id]


def test_detail_holds_everything_the_files_need(db, net):
    data = make_meeting(db, net)
    nxt = quarterly(db, dt.date(2025, 9, 5))
    meetings.create_meeting(db, kind="working_group", starts_at=wib(2025, 7, 1, 9), working_group_id=net.group)
    detail = meeting_detail(db, data.id)
    assert detail.next_meeting.id == nxt  # working group meetings are not the Network's next meeting
    assert detail.secretariat.email == "dlestari@iom.int"
    assert [a.number for a in detail.agenda[3].action_points] == [1, 2]
    assert detail.agenda[4].action_points[0].number == 3
    assert detail.participants[0].organisation == "Badan Pelindungan Pekerja Migran Indonesia"
    assert detail.when == "06 Jun 2025 14:00–16:00 WIB"
    assert detail.long_when == "Friday 6 June 2025, 14:00–16:00 WIB"
    assert detail.internal
