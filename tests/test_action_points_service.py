"""Action points across meetings: the list (filters and order in SQL), edits with their history,
the bulk status change, creating without a meeting, the dashboard figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus, ChangeSource, MeetingKind, MinutesStatus
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import action_points as ap

TODAY = dt.date(2024, 5, 1)


@dataclass
class Network:
    """Ids of the records of the small network the tests share."""

    iom: int
    unhcr: int
    ilo: int
    dewi: int
    siti: int
    budi: int
    group: int
    q1: int
    wg: int
    q1_items: tuple[int, int]
    a1: int  # 2024-Q1 item 1, IOM / Dewi, due 15 Apr 2024, open
    a2: int  # 2024-Q1 item 2, UNHCR / Siti, due 30 Jun 2024, in progress
    a3: int  # WG meeting, ILO / Budi, due 31 May 2024, done
    a4: int  # no meeting, IOM, no due date, open
    a5: int  # WG meeting, ILO, due 10 Dec 2024, dropped


def seed_network(db) -> Network:
    """Three organisations, three people, a working group, two meetings, five action points."""
    with db.session() as s:
        iom = m.Organisation(name="International Organization for Migration", acronym="IOM")
        unhcr = m.Organisation(name="UN Refugee Agency", acronym="UNHCR")
        ilo = m.Organisation(name="International Labour Organization", acronym="ILO")
        dewi = m.Person(full_name="Dewi Lestari", organisation=iom)
        siti = m.Person(full_name="Siti Rahma", organisation=unhcr)
        budi = m.Person(full_name="Budi Santoso", organisation=ilo)
        group = m.WorkingGroup(name="Working group on labour migration", short_name="WG-LM")
        q1 = m.Meeting(reference="2024-Q1", title="First quarterly meeting 2024", starts_at=wib(2024, 3, 18, 14))
        wg = m.Meeting(
            reference="WG-LM-2024-01",
            title="Labour migration working group",
            kind=MeetingKind.WORKING_GROUP,
            working_group=group,
            starts_at=wib(2024, 4, 2, 10),
        )
        item1 = m.AgendaItem(meeting=q1, position=1, title="Terms of reference")
        item2 = m.AgendaItem(meeting=q1, position=2, title="GCM review")
        item3 = m.AgendaItem(meeting=wg, position=1, title="Pre-departure training")
        s.add_all([iom, unhcr, ilo, dewi, siti, budi, group, q1, wg])
        s.flush()  # so that the action points below get their ids in order
        a1 = m.ActionPoint(
            meeting=q1,
            agenda_item=item1,
            description="Share the draft terms of reference",
            responsible_organisation=iom,
            responsible_person=dewi,
            due_date=dt.date(2024, 4, 15),
        )
        a2 = m.ActionPoint(
            meeting=q1,
            agenda_item=item2,
            description="Circulate the GCM review report",
            responsible_organisation=unhcr,
            responsible_person=siti,
            due_date=dt.date(2024, 6, 30),
            status=ActionStatus.IN_PROGRESS,
        )
        a3 = m.ActionPoint(
            meeting=wg,
            agenda_item=item3,
            description="Map pre-departure training providers",
            responsible_organisation=ilo,
            responsible_person=budi,
            due_date=dt.date(2024, 5, 31),
            status=ActionStatus.DONE,
            completion_note="Mapping shared on 20 May",
        )
        a4 = m.ActionPoint(description="Prepare the annual meeting concept note", responsible_organisation=iom)
        a5 = m.ActionPoint(
            meeting=wg,
            description="Draft a joint statement for 18 December",
            responsible_organisation=ilo,
            due_date=dt.date(2024, 12, 10),
            status=ActionStatus.DROPPED,
        )
        s.add_all([a1, a2, a3, a4, a5])
        s.flush()
        return Network(
            iom=iom.id,
            unhcr=unhcr.id,
            ilo=ilo.id,
            dewi=dewi.id,
            siti=siti.id,
            budi=budi.id,
            group=group.id,
            q1=q1.id,
            wg=wg.id,
            q1_items=(item1.id, item2.id),
            a1=a1.id,
            a2=a2.id,
            a3=a3.id,
            a4=a4.id,
            a5=a5.id,
        )


def changes(db, action_point_id: int, *, created: bool = False) -> list[tuple]:
    """(field, old, new, source, source_file) of an action point's history, oldest first;
    without the "created" row unless asked."""
    with db.session() as s:
        return [
            tuple(r)
            for r in s.execute(
                sa.select(
                    m.ActionPointChange.field,
                    m.ActionPointChange.old_value,
                    m.ActionPointChange.new_value,
                    m.ActionPointChange.source,
                    m.ActionPointChange.source_file,
                )
                .where(m.ActionPointChange.action_point_id == action_point_id)
                .order_by(m.ActionPointChange.id)
            )
            if created or r.field != "created"
        ]


@pytest.fixture
def net(db) -> Network:
    return seed_network(db)


def ids(rows) -> list[int]:
    return [r.id for r in rows]


# --------------------------------------------------------------------------- the list


def test_list_everything_by_due_date_empty_dates_last(db, net):
    rows = ap.list_action_points(db, today=TODAY)
    assert ids(rows) == [net.a1, net.a3, net.a2, net.a5, net.a4]
    assert tuple(rows[0]._fields) == ap.LIST_FIELDS


def test_light_row_fields(db, net):
    (row,) = ap.list_action_points(db, meeting_id=net.q1, status="open", today=TODAY)
    assert row._asdict() | {"uuid": None, "updated_at": None} == {
        "id": net.a1,
        "uuid": None,
        "meeting_id": net.q1,
        "meeting_reference": "2024-Q1",
        "agenda_item_id": net.q1_items[0],
        "agenda_item": "Terms of reference",
        "description": "Share the draft terms of reference",
        "organisation_id": net.iom,
        "organisation": "IOM",
        "person_id": net.dewi,
        "person": "Dewi Lestari",
        "due_date": dt.date(2024, 4, 15),
        "status": ActionStatus.OPEN,
        "completion_note": "",
        "updated_at": None,
        "overdue": True,
    }
    assert len(row.uuid) == 36 and row.updated_at.tzinfo is not None
    (no_meeting,) = ap.list_action_points(db, text="concept note", today=TODAY)
    assert (no_meeting.meeting_reference, no_meeting.agenda_item, no_meeting.person) == ("", "", "")
    assert no_meeting.overdue is False


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "open"}, ["a1", "a4"]),
        ({"status": {ActionStatus.OPEN, ActionStatus.IN_PROGRESS}}, ["a1", "a2", "a4"]),
        ({"status": ["Selesai", "dropped"]}, ["a3", "a5"]),
        ({"status": set()}, ["a1", "a3", "a2", "a5", "a4"]),
        ({"organisation": "iom"}, ["a1", "a4"]),
        ({"meeting": "q1"}, ["a1", "a2"]),
        ({"working_group": True}, ["a3", "a5"]),
        ({"overdue": True}, ["a1"]),
        ({"due_within_days": 60}, ["a2"]),
        ({"due_within_days": 14}, []),
        ({"text": "GCM"}, ["a2"]),
        ({"text": "dewi"}, ["a1"]),
        ({"text": "ilo"}, ["a3", "a5"]),
        ({"text": "%"}, []),
        ({"text": "Mapping shared"}, ["a3"]),
        ({"organisation": "ilo", "status": "done"}, ["a3"]),
    ],
)
def test_filters(db, net, filters, expected):
    kwargs = dict(filters)
    if "organisation" in kwargs:
        kwargs["organisation_id"] = getattr(net, kwargs.pop("organisation"))
    if "meeting" in kwargs:
        kwargs["meeting_id"] = getattr(net, kwargs.pop("meeting"))
    if kwargs.pop("working_group", False):
        kwargs["working_group_id"] = net.group
    rows = ap.list_action_points(db, today=TODAY, **kwargs)
    assert ids(rows) == [getattr(net, name) for name in expected]


@pytest.mark.parametrize(
    ("order_by", "descending", "expected"),
    [
        ("status", False, ["a1", "a4", "a2", "a3", "a5"]),
        ("organisation", False, ["a3", "a5", "a1", "a4", "a2"]),
        ("organisation", True, ["a2", "a4", "a1", "a5", "a3"]),
        ("meeting", False, ["a1", "a2", "a3", "a5", "a4"]),
        ("due_date", True, ["a5", "a2", "a3", "a1", "a4"]),
        ("person", False, ["a3", "a1", "a2", "a4", "a5"]),
        ("description", False, ["a2", "a5", "a3", "a4", "a1"]),
    ],
)
def test_order(db, net, order_by, descending, expected):
    rows = ap.list_action_points(db, order_by=order_by, descending=descending, today=TODAY)
    assert ids(rows) == [getattr(net, name) for name in expected]


def test_bad_order_and_filters(db, net):
    with pytest.raises(ValueError, match="order_by"):
        ap.list_action_points(db, order_by="colour")
    with pytest.raises(ValidationError, match="Unknown status"):
        ap.list_action_points(db, status="finished-ish")
    with pytest.raises(ValidationError, match="0 or more"):
        ap.list_action_points(db, due_within_days=-1)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Selesai", ActionStatus.DONE),
        ("SELESAI", ActionStatus.DONE),
        ("dalam proses", ActionStatus.IN_PROGRESS),
        ("Sedang berjalan", ActionStatus.IN_PROGRESS),
        ("Belum", ActionStatus.OPEN),
        ("belum dimulai", ActionStatus.OPEN),
        ("Terbuka", ActionStatus.OPEN),
        ("Dibatalkan", ActionStatus.DROPPED),
        ("In progress", ActionStatus.IN_PROGRESS),
        ("in_progress", ActionStatus.IN_PROGRESS),
        ("  DONE ", ActionStatus.DONE),
        ("Dropped", ActionStatus.DROPPED),
        ("open", ActionStatus.OPEN),
    ],
)
def test_statuses_in_english_and_bahasa_indonesia(text, status):
    assert ap.parse_action_status(text) is status


@pytest.mark.parametrize("text", ["", "Finished?", "sudah", None, "42"])
def test_unknown_status_words(text):
    with pytest.raises(ValueError):
        ap.parse_action_status(text)


# --------------------------------------------------------------------------- edits and history


def test_create_without_a_meeting_records_its_creation(db, net):
    new_id = ap.create_action_point(
        db,
        description="  Brief the new focal points  ",
        responsible_person_id=net.budi,
        due_date=dt.date(2024, 7, 1),
        status="Dalam proses",
    )
    detail = ap.get_action_point(db, new_id)
    assert detail.description == "Brief the new focal points"
    assert (detail.meeting_id, detail.meeting_reference) == (None, "")
    assert detail.organisation_id == net.ilo  # from the person
    assert detail.organisation == "International Labour Organization (ILO)"
    assert detail.status is ActionStatus.IN_PROGRESS
    assert detail.created_at == detail.updated_at
    assert changes(db, new_id, created=True) == [("created", "", "Brief the new focal points", ChangeSource.APP, "")]
    assert new_id in ids(ap.list_action_points(db, status="in_progress"))


def test_create_under_an_agenda_item_takes_its_meeting(db, net):
    new_id = ap.create_action_point(db, description="Follow up", agenda_item_id=net.q1_items[1])
    assert ap.get_action_point(db, new_id).meeting_reference == "2024-Q1"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"description": "  "}, "needs a description"),
        ({"description": "x", "status": "over and out"}, "is not a status"),
        ({"description": "x", "due_date": dt.datetime(2024, 1, 1)}, "must be a date"),
        ({"description": "x", "due_date": dt.date(1999, 1, 1)}, "not plausible"),
        ({"description": "x", "responsible_organisation_id": 999}, "no organisation with id 999"),
        ({"description": "x", "meeting_id": 999}, "no meeting with id 999"),
    ],
)
def test_create_refuses_bad_values(db, net, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        ap.create_action_point(db, **kwargs)


def test_update_writes_one_history_row_per_changed_field(db, net):
    changed = ap.update_action_point(
        db,
        net.a1,
        status=ActionStatus.DONE,
        due_date=dt.date(2024, 4, 30),
        completion_note="Shared on 29 April",
    )
    assert changed == ("status", "due_date", "completion_note")
    assert changes(db, net.a1) == [
        ("status", "open", "done", ChangeSource.APP, ""),
        ("due_date", "2024-04-15", "2024-04-30", ChangeSource.APP, ""),
        ("completion_note", "", "Shared on 29 April", ChangeSource.APP, ""),
    ]
    # The same values again change nothing and write nothing.
    assert ap.update_action_point(db, net.a1, status="Selesai", completion_note="Shared on 29 April") == ()
    assert len(changes(db, net.a1)) == 3


def test_update_responsible_and_clearing_the_due_date(db, net):
    ap.update_action_point(db, net.a4, responsible_organisation_id=net.unhcr, due_date=None)
    ap.update_action_point(db, net.a1, due_date=None, responsible_person_id=net.siti)
    assert changes(db, net.a4) == [
        (
            "responsible_organisation",
            "International Organization for Migration (IOM)",
            "UN Refugee Agency (UNHCR)",
            ChangeSource.APP,
            "",
        )
    ]
    assert changes(db, net.a1) == [
        ("due_date", "2024-04-15", "", ChangeSource.APP, ""),
        ("responsible_person", "Dewi Lestari", "Siti Rahma", ChangeSource.APP, ""),
    ]


def test_approved_minutes_allow_only_the_follow_up(db, net):
    with db.session() as s:
        s.get(m.Meeting, net.q1).minutes_status = MinutesStatus.APPROVED
    with pytest.raises(ValidationError, match="approved"):
        ap.update_action_point(db, net.a1, description="Something else")
    with pytest.raises(ValidationError, match="approved"):
        ap.delete_action_point(db, net.a1)
    assert ap.update_action_point(db, net.a1, status="done", due_date=dt.date(2024, 5, 2)) == ("status", "due_date")
    assert ap.get_action_point(db, net.a1).minutes_approved is True


def test_changes_made_through_any_session_are_recorded(db, net):
    """The history is written by one listener: code that edits the ORM object directly (another
    service, a script) cannot forget it."""
    with db.session() as s:
        point = s.get(m.ActionPoint, net.a2)
        point.status = ActionStatus.DONE
        point.responsible_organisation = s.get(m.Organisation, net.iom)
    assert changes(db, net.a2) == [
        ("status", "in_progress", "done", ChangeSource.APP, ""),
        ("responsible_organisation", "UN Refugee Agency (UNHCR)", "International Organization for Migration (IOM)", ChangeSource.APP, ""),
    ]
    with db.session() as s, ap.change_source(s, ChangeSource.IMPORT, "tracker.xlsx"):
        s.get(m.ActionPoint, net.a2).completion_note = "Report sent"
    assert changes(db, net.a2)[-1] == ("completion_note", "", "Report sent", ChangeSource.IMPORT, "tracker.xlsx")


def test_history_for_the_panel_newest_first_with_labels(db, net):
    ap.update_action_point(db, net.a1, status="in_progress")
    ap.update_action_point(db, net.a1, due_date=dt.date(2024, 6, 1))
    history = ap.action_point_history(db, net.a1)
    assert [(h.field_label, h.old_value, h.new_value, h.source_label) for h in history] == [
        ("Due date", "15 Apr 2024", "01 Jun 2024", "In the app"),
        ("Status", "Open", "In progress", "In the app"),
        ("Created", "", "Share the draft terms of reference", "In the app"),
    ]
    assert history[0].when.endswith("WIB")
    with pytest.raises(ValidationError):
        ap.action_point_history(db, 999)


def test_bulk_status_change(db, net):
    assert ap.set_status_many(db, [net.a1, net.a2, net.a3], "Selesai") == 2
    statuses = {r.id: r.status for r in ap.list_action_points(db)}
    assert statuses[net.a1] is statuses[net.a2] is statuses[net.a3] is ActionStatus.DONE
    assert changes(db, net.a1) == [("status", "open", "done", ChangeSource.APP, "")]
    assert changes(db, net.a2) == [("status", "in_progress", "done", ChangeSource.APP, "")]
    assert changes(db, net.a3) == []
    assert ap.set_status_many(db, [net.a4], "dropped", completion_note="Merged into the annual plan") == 1
    assert [c[0] for c in changes(db, net.a4)] == ["status", "completion_note"]


def test_bulk_status_change_is_all_or_nothing(db, net):
    with pytest.raises(ValidationError, match="1 of the selected"):
        ap.set_status_many(db, [net.a1, 999], "done")
    assert ap.get_action_point(db, net.a1).status is ActionStatus.OPEN
    assert changes(db, net.a1) == []
    with pytest.raises(ValidationError, match="is not a status"):
        ap.set_status_many(db, [net.a1], "over and out")


def test_delete(db, net):
    ap.update_action_point(db, net.a4, status="done")
    ap.delete_action_point(db, net.a4)
    assert net.a4 not in ids(ap.list_action_points(db))
    assert changes(db, net.a4, created=True) == []


def test_find_organisation_and_meeting(db, net):
    assert ap.find_organisation(db, "ilo") == net.ilo
    assert ap.find_organisation(db, "un refugee agency") == net.unhcr
    assert ap.find_organisation(db, "International Organization for Migration (IOM)") == net.iom
    with pytest.raises(ValidationError, match="No organisation"):
        ap.find_organisation(db, "WHO")
    assert ap.find_meeting(db, "2024-q1") == net.q1
    with pytest.raises(ValidationError, match="no meeting"):
        ap.find_meeting(db, "2023-Q4")


# --------------------------------------------------------------------------- dashboard


def test_dashboard_figures_per_organisation(db, net):
    today = ap.today_wib()
    with db.session() as s:
        for point in s.scalars(sa.select(m.ActionPoint)):
            s.delete(point)
        iom, ilo = s.get(m.Organisation, net.iom), s.get(m.Organisation, net.ilo)
        long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
        s.add_all(
            [
                m.ActionPoint(description="late 1", responsible_organisation=iom, due_date=today - dt.timedelta(days=3)),
                m.ActionPoint(
                    description="late 2",
                    responsible_organisation=iom,
                    due_date=today - dt.timedelta(days=1),
                    status=ActionStatus.IN_PROGRESS,
                ),
                m.ActionPoint(description="later", responsible_organisation=ilo, due_date=today + dt.timedelta(days=9)),
                m.ActionPoint(description="no org", due_date=today + dt.timedelta(days=2)),
                m.ActionPoint(
                    description="done long ago",
                    responsible_organisation=ilo,
                    status=ActionStatus.DONE,
                    created_at=long_ago,
                    updated_at=long_ago,
                ),
                m.ActionPoint(description="to finish", responsible_organisation=ilo, due_date=today + dt.timedelta(days=1)),
                *(
                    m.ActionPoint(description=f"soon {n}", responsible_organisation=iom, due_date=today + dt.timedelta(days=n))
                    for n in range(3, 9)
                ),
            ]
        )
    finish = ap.list_action_points(db, text="to finish")[0].id
    ap.update_action_point(db, finish, status="done")

    board = ap.action_dashboard(db, today=today)
    figures = [(f.organisation, f.open, f.overdue, f.done_this_quarter) for f in board.per_organisation]
    assert figures == [("IOM", 8, 2, 0), ("ILO", 1, 0, 1), ("(No organisation)", 1, 0, 0)]
    assert (board.totals.open, board.totals.overdue, board.totals.done_this_quarter) == (10, 2, 1)
    assert [r.description for r in board.next_due] == ["no org", "soon 3", "soon 4", "soon 5", "soon 6"]
    assert board.quarter_start <= today <= board.quarter_end
    assert board.quarter_start.day == 1 and board.quarter_start.month in (1, 4, 7, 10)


@pytest.mark.parametrize("order_by", ap.ORDER_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_the_full_order(db, net, order_by, descending):
    full = ids(ap.list_action_points(db, order_by=order_by, descending=descending, today=TODAY))
    pages = [
        ids(ap.list_action_points(db, order_by=order_by, descending=descending, today=TODAY, limit=2, offset=offset))
        for offset in (0, 2, 4, 6)
    ]
    assert pages[0] + pages[1] + pages[2] == full and pages[3] == []
    assert ap.list_action_points(db, order_by=order_by, descending=descending, today=TODAY, limit=2)[0]._asdict() == (
        ap.list_action_points(db, order_by=order_by, descending=descending, today=TODAY)[0]._asdict()
    )


@pytest.mark.parametrize(
    "filters",
    [{}, {"status": "open"}, {"overdue": True}, {"text": "ilo"}, {"text": "q1"}, {"due_within_days": 60}, {"text": "nothing"}],
)
def test_count_matches_the_list(db, net, filters):
    assert ap.count_action_points(db, today=TODAY, **filters) == len(ap.list_action_points(db, today=TODAY, **filters))
    assert ap.count_action_points(db, working_group_id=net.group, today=TODAY) == 2


def test_export_rows_are_plain_values(db, net):
    rows = ap.export_rows(db, status=None, today=TODAY)
    assert [r[3] for r in rows] == [
        "Share the draft terms of reference",
        "Circulate the GCM review report",
        "Map pre-departure training providers",
        "Draft a joint statement for 18 December",
        "Prepare the annual meeting concept note",
    ]
    first = rows[0]
    assert first[1:3] == ("2024-Q1", "Terms of reference")
    assert first[4:8] == ("IOM", "Dewi Lestari", "Open", dt.date(2024, 4, 15))
    assert isinstance(first[9], dt.date)
