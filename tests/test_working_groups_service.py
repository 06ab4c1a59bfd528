"""Working groups: rules, derived status, members, their meetings and open action points."""

from __future__ import annotations

import datetime as dt

import pytest

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus, MeetingKind, Sex, WorkingGroupKind
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import working_groups as wg


@pytest.fixture
def directory(db):
    """Organisation and person ids."""
    with db.session() as s:
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM")
        ilo = m.Organisation(name="International Labour Organization", acronym="ILO")
        care = m.Organisation(name="Migrant Care")
        dewi = m.Person(title="Ms", full_name="Dewi Lestari", sex=Sex.FEMALE, organisation=iom, position="Programme officer",
                        email="dlestari@iom.int", phone="+62 21 1234 5678")
        budi = m.Person(full_name="Budi Santoso", sex=Sex.MALE, organisation=care, email="budi@migrantcare.net")
        arif = m.Person(full_name="Arif Hidayat", organisation=ilo)
        gone = m.Person(full_name="Old Contact", archived=True)
        s.add_all([iom, ilo, care, dewi, budi, arif, gone])
        s.flush()
        return {"IOM": iom.id, "ILO": ilo.id, "Migrant Care": care.id,
                "dewi": dewi.id, "budi": budi.id, "arif": arif.id, "gone": gone.id}


def make(db, **fields) -> wg.WorkingGroupData:
    fields.setdefault("name", "Working Group on Labour Migration")
    return wg.create_working_group(db, wg.WorkingGroupData(**fields))


def test_create_with_derived_short_name_and_objectives(db, directory):
    group = make(db, kind="Ad-hoc", purpose=" Fair recruitment ", objectives=(18, 6, 6),
                 lead_organisation_id=directory["ILO"], co_lead_organisation_id=directory["IOM"],
                 established_on=dt.date(2024, 3, 18))
    assert (group.short_name, group.kind, group.purpose, group.objectives) == (
        "WGLM", WorkingGroupKind.AD_HOC, "Fair recruitment", (6, 18))
    assert group.status(dt.date(2030, 1, 1)) == wg.ACTIVE
    again = make(db, name="Working Group on Labour Markets")
    assert again.short_name == "WGLM2"
    assert wg.find_working_group(db, "wglm").id == group.id
    assert wg.find_working_group(db, "working group on labour migration").id == group.id
    with pytest.raises(ValidationError, match=r"^There is no working group named 'Counter-trafficking'; the groups are: WGLM, WGLM2\.$"):
        wg.find_working_group(db, "Counter-trafficking")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, r"^The name of the working group is missing\.$"),
        ({"short_name": "WG LM"}, r"^The short name 'WG LM' may hold only letters, digits"),
        ({"kind": "temporary"}, r"^'temporary' is not a kind of working group; use Permanent or Ad-hoc\.$"),
        ({"established_on": dt.date(2024, 5, 1), "closed_on": dt.date(2024, 4, 30)},
         r"^The closing date 30 Apr 2024 is before the date the group was established \(01 May 2024\)\.$"),
        ({"lead_organisation_id": 1, "co_lead_organisation_id": 1},
         r"^The lead and the co-lead must be two different organisations\.$"),
        ({"objectives": (0,)}, r"^There is no GCM objective 0"),
        ({"lead_organisation_id": 99}, r"^The lead organisation #99 is not in the contact directory\.$"),
    ],
)
def test_rules(db, directory, fields, message):
    with pytest.raises(ValidationError, match=message):
        make(db, **fields)
    assert wg.list_working_groups(db) == []


def test_names_and_short_names_are_unique(db, directory):
    make(db, short_name="LM")
    with pytest.raises(ValidationError, match=r"^The name 'working group on labour migration' is already used by the working group 'Working Group on Labour Migration'\.$"):
        make(db, name="working group on labour migration", short_name="X")
    with pytest.raises(ValidationError, match=r"^The short name 'lm' is already used"):
        make(db, name="Another", short_name="lm")


def test_status_is_derived_from_the_closing_date(db, directory):
    group = make(db, established_on=dt.date(2024, 1, 10))
    closed = wg.close_working_group(db, group.id, dt.date(2025, 6, 30))
    assert closed.status(dt.date(2025, 6, 29)) == wg.ACTIVE
    assert closed.status(dt.date(2025, 6, 30)) == wg.CLOSED
    make(db, name="Counter-trafficking task force", short_name="CTTF")
    rows = wg.list_working_groups(db, today=dt.date(2025, 7, 1))
    assert [(r.short_name, r.status_label) for r in rows] == [("CTTF", "Active"), ("WGLM", "Closed")]
    assert [r.short_name for r in wg.list_working_groups(db, include_closed=False, today=dt.date(2025, 7, 1))] == ["CTTF"]
    assert [r.status for r in wg.list_working_groups(db, today=dt.date(2025, 1, 1))] == ["active", "active"]
    with pytest.raises(ValidationError, match="closing date 09 Jan 2024 is before"):
        wg.close_working_group(db, group.id, dt.date(2024, 1, 9))


def test_members_add_remove_and_list(db, directory):
    group = make(db)
    wg.add_member(db, group.id, directory["dewi"])
    wg.add_member(db, group.id, directory["budi"])
    with pytest.raises(ValidationError, match=r"^Ms Dewi Lestari is already a member of Working Group on Labour Migration\.$"):
        wg.add_member(db, group.id, directory["dewi"])
    with pytest.raises(ValidationError, match=r"^Old Contact is archived"):
        wg.add_member(db, group.id, directory["gone"])
    assert wg.add_members(db, group.id, [directory["dewi"], directory["arif"], directory["arif"]]) == 1
    members = wg.group_members(db, group.id)
    assert [(p.name, p.sex_label, p.organisation, p.position, p.email, p.phone) for p in members] == [
        ("Arif Hidayat", "Not recorded", "ILO", "", "", ""),
        ("Budi Santoso", "Male", "Migrant Care", "", "budi@migrantcare.net", ""),
        ("Ms Dewi Lestari", "Female", "IOM", "Programme officer", "dlestari@iom.int", "+62 21 1234 5678"),
    ]
    wg.remove_member(db, group.id, directory["budi"])
    with pytest.raises(ValidationError, match=r"^Budi Santoso is not a member of"):
        wg.remove_member(db, group.id, directory["budi"])
    assert [p.name for p in wg.group_members(db, group.id)] == ["Arif Hidayat", "Ms Dewi Lestari"]
    assert wg.list_working_groups(db)[0].members == 2


def test_meetings_and_open_action_points(db, directory):
    group = make(db)
    other = make(db, name="Other group", short_name="OG")
    with db.session() as s:
        q1 = m.Meeting(reference="2025-WGLM-1", title="First meeting", kind=MeetingKind.WORKING_GROUP,
                       working_group_id=group.id, starts_at=wib(2025, 2, 3, 10))
        q2 = m.Meeting(reference="2025-WGLM-2", title="Second meeting", kind=MeetingKind.WORKING_GROUP,
                       working_group_id=group.id, starts_at=wib(2025, 5, 6, 10))
        elsewhere = m.Meeting(reference="2025-OG-1", title="Other", working_group_id=other.id, starts_at=wib(2025, 3, 1))
        s.add_all([q1, q2, elsewhere])
        s.add_all([
            m.ActionPoint(meeting=q1, description="Map recruitment agencies", due_date=dt.date(2025, 3, 1),
                          responsible_organisation_id=directory["ILO"], responsible_person_id=directory["arif"]),
            m.ActionPoint(meeting=q2, description="Draft the brief", status=ActionStatus.IN_PROGRESS,
                          due_date=dt.date(2025, 6, 30)),
            m.ActionPoint(meeting=q2, description="No date yet"),
            m.ActionPoint(meeting=q1, description="Done already", status=ActionStatus.DONE),
            m.ActionPoint(meeting=elsewhere, description="Not this group"),
        ])
    meetings = wg.group_meetings(db, group.id)
    assert [mt.reference for mt in meetings] == ["2025-WGLM-2", "2025-WGLM-1"]
    points = wg.group_open_action_points(db, group.id, today=dt.date(2025, 4, 1))
    assert [(p.description, p.meeting_reference, p.responsible_organisation, p.responsible_person, p.status_label, p.overdue)
            for p in points] == [
        ("Map recruitment agencies", "2025-WGLM-1", "ILO", "Arif Hidayat", "Open", True),
        ("Draft the brief", "2025-WGLM-2", "", "", "In progress", False),
        ("No date yet", "2025-WGLM-2", "", "", "Open", False),
    ]
    row = next(r for r in wg.list_working_groups(db) if r.id == group.id)
    assert (row.meetings, row.open_action_points) == (2, 3)
    with pytest.raises(ValidationError, match=r"has 2 meeting\(s\) on record; close it"):
        wg.delete_working_group(db, group.id)


def test_update_and_delete(db, directory):
    group = make(db)
    saved = wg.update_working_group(db, group.id, purpose="Decent work", objectives=(6,))
    assert (saved.purpose, saved.objectives) == ("Decent work", (6,))
    assert saved.updated_at > group.updated_at
    same = wg.update_working_group(db, group.id, purpose="Decent work")
    assert same.updated_at == saved.updated_at
    wg.delete_working_group(db, group.id)
    with pytest.raises(ValidationError, match="does not exist"):
        wg.get_working_group(db, group.id)
