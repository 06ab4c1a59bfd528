"""Importing action-point trackers sent back by field offices: each kind of edit, conflicts,
Bahasa Indonesia statuses, new rows, idempotent re-import, bad rows, foreign and broken files."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from lxml import etree
from openpyxl import Workbook, load_workbook
from test_action_points_service import changes, seed_network

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus, ChangeSource
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.files.action_tracker import ACTION_TRACKER, export_action_tracker
from unnet_desktop.files.keyed_workbook import Column, WorkbookKind, write_keyed_workbook
from unnet_desktop.services import action_points as ap
from unnet_desktop.services.tracker_sync import Outcome

O = Outcome


@pytest.fixture
def net(db):
    return seed_network(db)


@pytest.fixture
def tracker(db, net, tmp_path) -> Path:
    """All five action points, exported now."""
    path = tmp_path / "tracker.xlsx"
    export_action_tracker(db, path, status=None)
    return path


def key(db, action_point_id: int) -> str:
    with db.session() as s:
        return s.get(m.ActionPoint, action_point_id).uuid


def edit(src: Path, dst: Path | None = None, rows=None, add=(), delete_keys=()) -> Path:
    """Edit a tracker as a field office would (openpyxl standing in for Excel): ``rows`` {key:
    {column id: value}}, ``add`` rows appended below the list, ``delete_keys`` rows removed."""
    dst = dst or src.with_name(f"edited-{src.name}")
    wb = load_workbook(src)
    ws = wb[ACTION_TRACKER.sheet_title]
    by_header = {c.header: c.id for c in ACTION_TRACKER.all_columns}
    col = {by_header[c.value]: c.column for c in ws[1]}
    rows = rows or {}
    for r in range(ws.max_row, 1, -1):
        k = ws.cell(r, col["key"]).value
        if k in delete_keys:
            ws.delete_rows(r)
        for cid, value in rows.get(k, {}).items():
            ws.cell(r, col[cid]).value = value
    next_row = ws.max_row + 1
    for offset, values in enumerate(add):
        for cid, value in values.items():
            ws.cell(next_row + offset, col[cid]).value = value
    wb.save(dst)
    return dst


def snapshot(db) -> tuple:
    """Everything an import could change."""
    with db.session() as s:
        points = s.execute(
            sa.select(
                m.ActionPoint.uuid,
                m.ActionPoint.status,
                m.ActionPoint.due_date,
                m.ActionPoint.completion_note,
                m.ActionPoint.description,
                m.ActionPoint.updated_at,
            ).order_by(m.ActionPoint.id)
        ).all()
        history = s.scalar(sa.select(sa.func.count()).select_from(m.ActionPointChange))
    return tuple(points), history


def outcomes(plan) -> dict[int, Outcome]:
    return {r.row: r.outcome for r in plan.rows}


def row_of(plan, db, action_point_id):
    k = key(db, action_point_id)
    (row,) = [r for r in plan.rows if r.key == k]
    return row


# --------------------------------------------------------------------------- each kind of edit


def test_untouched_tracker_changes_nothing(db, net, tracker):
    before = snapshot(db)
    plan = ap.plan_action_import(db, tracker)
    assert set(outcomes(plan).values()) == {O.UNCHANGED} and len(plan.rows) == 5
    result = ap.apply_action_import(db, plan)
    assert (result.updated, result.created, result.unchanged) == (0, 0, 5)
    assert snapshot(db) == before


def test_round_trip_status(db, net, tracker):
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    plan = ap.plan_action_import(db, edited)
    row = row_of(plan, db, net.a1)
    assert row.outcome is O.UPDATE
    assert [(c.field, c.app, c.incoming, c.conflict) for c in row.changes] == [
        ("status", ActionStatus.OPEN, ActionStatus.DONE, False)
    ]
    assert plan.counts[O.UPDATE] == 1 and plan.counts[O.UNCHANGED] == 4
    result = ap.apply_action_import(db, plan)
    assert (result.updated, result.fields_changed) == (1, 1)
    assert ap.get_action_point(db, net.a1).status is ActionStatus.DONE
    assert changes(db, net.a1) == [("status", "open", "done", ChangeSource.IMPORT, "edited-tracker.xlsx")]


def test_round_trip_completion_note(db, net, tracker):
    edited = edit(tracker, rows={key(db, net.a2): {"completion_note": "  Report sent to all members\non 2 May "}})
    plan = ap.plan_action_import(db, edited)
    row = row_of(plan, db, net.a2)
    assert [(c.field, c.app, c.incoming) for c in row.changes] == [
        ("completion_note", "", "Report sent to all members\non 2 May")
    ]
    ap.apply_action_import(db, plan)
    assert ap.get_action_point(db, net.a2).completion_note == "Report sent to all members\non 2 May"
    assert changes(db, net.a2) == [
        ("completion_note", "", "Report sent to all members\non 2 May", ChangeSource.IMPORT, "edited-tracker.xlsx")
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (dt.datetime(2024, 7, 31), dt.date(2024, 7, 31)),  # a real date cell
        ("31/07/2024", dt.date(2024, 7, 31)),  # typed as text, day first
        ("2024-07-31", dt.date(2024, 7, 31)),
        ("31 Juli 2024", dt.date(2024, 7, 31)),
        ("31 Jul 2024", dt.date(2024, 7, 31)),
        (None, None),  # cleared
    ],
)
def test_round_trip_due_date(db, net, tracker, typed, expected):
    edited = edit(tracker, rows={key(db, net.a1): {"due_date": typed}})
    plan = ap.plan_action_import(db, edited)
    row = row_of(plan, db, net.a1)
    assert [(c.field, c.app, c.incoming) for c in row.changes] == [("due_date", dt.date(2024, 4, 15), expected)]
    ap.apply_action_import(db, plan)
    assert ap.get_action_point(db, net.a1).due_date == expected
    assert changes(db, net.a1) == [
        ("due_date", "2024-04-15", expected.isoformat() if expected else "", ChangeSource.IMPORT, "edited-tracker.xlsx")
    ]


def test_all_three_edits_in_one_row(db, net, tracker):
    edited = edit(
        tracker,
        rows={key(db, net.a4): {"status": "In progress", "due_date": dt.datetime(2024, 9, 1), "completion_note": "Draft started"}},
    )
    result = ap.apply_action_import(db, ap.plan_action_import(db, edited))
    assert (result.updated, result.fields_changed) == (1, 3)
    detail = ap.get_action_point(db, net.a4)
    assert (detail.status, detail.due_date, detail.completion_note) == (
        ActionStatus.IN_PROGRESS,
        dt.date(2024, 9, 1),
        "Draft started",
    )
    assert [c[0] for c in changes(db, net.a4)] == ["status", "due_date", "completion_note"]


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Selesai", ActionStatus.DONE),
        ("selesai", ActionStatus.DONE),
        ("Dalam proses", ActionStatus.IN_PROGRESS),
        ("SEDANG BERJALAN", ActionStatus.IN_PROGRESS),
        ("Dibatalkan", ActionStatus.DROPPED),
        ("Belum dimulai", ActionStatus.OPEN),
        ("belum", ActionStatus.OPEN),
        ("Terbuka", ActionStatus.OPEN),
    ],
)
def test_bahasa_indonesia_statuses(db, net, tracker, typed, status):
    # a2 is in progress: every word above but the in-progress ones changes it.
    edited = edit(tracker, rows={key(db, net.a2): {"status": typed}})
    plan = ap.plan_action_import(db, edited)
    row = row_of(plan, db, net.a2)
    if status is ActionStatus.IN_PROGRESS:
        assert row.outcome is O.UNCHANGED
    else:
        assert [(c.app, c.incoming) for c in row.changes] == [(ActionStatus.IN_PROGRESS, status)]
    ap.apply_action_import(db, plan)
    assert ap.get_action_point(db, net.a2).status is status


# --------------------------------------------------------------------------- conflicts


def test_changed_in_the_app_after_export_and_differently_is_a_conflict(db, net, tracker):
    ap.update_action_point(db, net.a1, status="in_progress")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done", "completion_note": "Sent"}})
    plan = ap.plan_action_import(db, edited)
    row = row_of(plan, db, net.a1)
    assert row.outcome is O.CONFLICT
    assert [(c.field, c.app, c.incoming, c.conflict) for c in row.changes] == [
        ("status", ActionStatus.IN_PROGRESS, ActionStatus.DONE, True),
        ("completion_note", "", "Sent", False),
    ]
    assert plan.conflicts == [row]

    # Not resolved: nothing of the row is applied.
    result = ap.apply_action_import(db, plan)
    assert (result.updated, result.conflicts_skipped) == (0, 1)
    detail = ap.get_action_point(db, net.a1)
    assert (detail.status, detail.completion_note) == (ActionStatus.IN_PROGRESS, "")


def test_conflict_resolved_with_the_tracker_values(db, net, tracker):
    ap.update_action_point(db, net.a1, status="in_progress")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done", "completion_note": "Sent"}})
    plan = ap.plan_action_import(db, edited)
    result = ap.apply_action_import(db, plan, {key(db, net.a1): "incoming"})
    assert (result.updated, result.fields_changed, result.conflicts_incoming) == (1, 2, 1)
    detail = ap.get_action_point(db, net.a1)
    assert (detail.status, detail.completion_note) == (ActionStatus.DONE, "Sent")
    assert changes(db, net.a1)[-2:] == [
        ("status", "in_progress", "done", ChangeSource.IMPORT, "edited-tracker.xlsx"),
        ("completion_note", "", "Sent", ChangeSource.IMPORT, "edited-tracker.xlsx"),
    ]


def test_conflict_resolved_with_the_app_values_keeps_the_other_changes(db, net, tracker):
    ap.update_action_point(db, net.a1, status="in_progress")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done", "completion_note": "Sent"}})
    result = ap.apply_action_import(db, ap.plan_action_import(db, edited), {key(db, net.a1): "app"})
    assert (result.updated, result.fields_changed, result.conflicts_app) == (1, 1, 1)
    detail = ap.get_action_point(db, net.a1)
    assert (detail.status, detail.completion_note) == (ActionStatus.IN_PROGRESS, "Sent")


def test_same_value_in_the_app_and_the_tracker_is_not_a_conflict(db, net, tracker):
    ap.update_action_point(db, net.a1, status="done")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Selesai"}})
    assert row_of(ap.plan_action_import(db, edited), db, net.a1).outcome is O.UNCHANGED


def test_app_change_stands_when_the_tracker_left_the_field_as_exported(db, net, tracker):
    ap.update_action_point(db, net.a1, status="done", due_date=dt.date(2024, 5, 20))
    plan = ap.plan_action_import(db, tracker)  # the tracker still says Open, 15 Apr 2024
    assert row_of(plan, db, net.a1).outcome is O.UNCHANGED
    ap.apply_action_import(db, plan)
    assert ap.get_action_point(db, net.a1).status is ActionStatus.DONE


def test_app_change_of_another_field_is_not_a_conflict(db, net, tracker):
    ap.update_action_point(db, net.a1, completion_note="Asked IOM on 30 April")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    row = row_of(ap.plan_action_import(db, edited), db, net.a1)
    assert row.outcome is O.UPDATE
    assert [(c.field, c.incoming) for c in row.changes] == [("status", ActionStatus.DONE)]


def test_change_outside_the_history_is_judged_on_the_time(db, net, tracker):
    with db.engine.begin() as conn:  # a raw SQL edit: no history row, only a newer updated_at
        conn.execute(
            sa.text("UPDATE action_points SET status='dropped', updated_at=:t WHERE id=:id"),
            {"t": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(minutes=1), "id": net.a1},
        )
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    row = row_of(ap.plan_action_import(db, edited), db, net.a1)
    assert row.outcome is O.CONFLICT
    assert [(c.app, c.incoming) for c in row.changes] == [(ActionStatus.DROPPED, ActionStatus.DONE)]


def test_plan_gone_stale_is_refused(db, net, tracker):
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    plan = ap.plan_action_import(db, edited)
    ap.update_action_point(db, net.a1, status="dropped")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="preview the import again"):
        ap.apply_action_import(db, plan)
    assert snapshot(db) == before


def test_resolutions_must_name_conflicts(db, net, tracker):
    plan = ap.plan_action_import(db, edit(tracker, rows={key(db, net.a1): {"status": "Done"}}))
    with pytest.raises(ValidationError, match="not the key of a conflict"):
        ap.apply_action_import(db, plan, {key(db, net.a1): "incoming"})
    ap.update_action_point(db, net.a2, status="open")
    plan = ap.plan_action_import(db, edit(tracker, rows={key(db, net.a2): {"status": "Done"}}))
    with pytest.raises(ValidationError, match="'incoming' or 'app'"):
        ap.apply_action_import(db, plan, {key(db, net.a2): "mine"})


# --------------------------------------------------------------------------- new rows, idempotence


def test_rows_added_by_the_field_office_become_action_points(db, net, tracker):
    edited = edit(
        tracker,
        add=[
            {
                "description": "Organise a pre-departure training in Surabaya",
                "organisation": "ilo",
                "person": "Budi Santoso",
                "meeting": "WG-LM-2024-01",
                "status": "Dalam proses",
                "due_date": dt.datetime(2024, 8, 15),
                "completion_note": "Venue booked",
            },
            {"description": "Translate the leaflet", "organisation": "UN Refugee Agency", "person": "Pak Joko"},
        ],
    )
    plan = ap.plan_action_import(db, edited)
    assert outcomes(plan)[7] is O.NEW and outcomes(plan)[8] is O.NEW
    (first, second) = plan.of(O.NEW)
    assert first.new.organisation_id == net.ilo and first.new.person_id == net.budi
    assert first.new.meeting_id == net.wg
    assert second.reasons == ("the person 'Pak Joko' is not in the contacts; left empty",)
    result = ap.apply_action_import(db, plan)
    assert result.created == 2
    (row,) = ap.list_action_points(db, text="Surabaya")
    assert (row.organisation, row.person, row.meeting_reference, row.status, row.due_date, row.completion_note) == (
        "ILO",
        "Budi Santoso",
        "WG-LM-2024-01",
        ActionStatus.IN_PROGRESS,
        dt.date(2024, 8, 15),
        "Venue booked",
    )
    assert changes(db, row.id, created=True) == [
        ("created", "", "Organise a pre-departure training in Surabaya", ChangeSource.IMPORT, "edited-tracker.xlsx")
    ]
    (leaflet,) = ap.list_action_points(db, text="leaflet")
    assert (leaflet.organisation, leaflet.person, leaflet.status) == ("UNHCR", "", ActionStatus.OPEN)


def test_importing_the_same_file_twice_changes_nothing(db, net, tracker):
    edited = edit(
        tracker,
        rows={key(db, net.a1): {"status": "Done"}, key(db, net.a2): {"completion_note": "Sent"}},
        add=[{"description": "Translate the leaflet", "organisation": "UNHCR", "status": "Selesai"}],
    )
    first = ap.apply_action_import(db, ap.plan_action_import(db, edited))
    assert (first.updated, first.created) == (2, 1)
    before = snapshot(db)

    plan = ap.plan_action_import(db, edited)
    assert set(outcomes(plan).values()) == {O.UNCHANGED}
    assert len(plan.rows) == 6 and not plan.has_work
    second = ap.apply_action_import(db, plan)
    assert (second.updated, second.fields_changed, second.created, second.unchanged) == (0, 0, 0, 6)
    assert snapshot(db) == before
    assert len(ap.list_action_points(db, text="leaflet")) == 1


def test_a_later_edit_of_an_added_row_updates_the_action_point_it_created(db, net, tracker):
    first_version = edit(tracker, add=[{"description": "Translate the leaflet", "organisation": "UNHCR"}])
    ap.apply_action_import(db, ap.plan_action_import(db, first_version))
    second_version = edit(first_version, tracker.with_name("v2.xlsx"), add=[])
    wb = load_workbook(second_version)
    wb[ACTION_TRACKER.sheet_title]["G7"] = "Selesai"
    wb.save(second_version)
    plan = ap.plan_action_import(db, second_version)
    (row,) = [r for r in plan.rows if r.row == 7]
    assert row.outcome is O.UPDATE
    assert [(c.app, c.incoming) for c in row.changes] == [(ActionStatus.OPEN, ActionStatus.DONE)]
    ap.apply_action_import(db, plan)
    (leaflet,) = ap.list_action_points(db, text="leaflet")
    assert leaflet.status is ActionStatus.DONE


def test_resolved_conflict_imported_again_changes_nothing(db, net, tracker):
    ap.update_action_point(db, net.a1, status="in_progress")
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    ap.apply_action_import(db, ap.plan_action_import(db, edited), {key(db, net.a1): "incoming"})
    before = snapshot(db)
    plan = ap.plan_action_import(db, edited)
    assert row_of(plan, db, net.a1).outcome is O.UNCHANGED
    ap.apply_action_import(db, plan)
    assert snapshot(db) == before


# --------------------------------------------------------------------------- bad rows


def test_bad_rows_each_get_a_reason_and_nothing_is_applied(db, net, tracker):
    with db.session() as s:
        s.delete(s.get(m.ActionPoint, net.a5))
    edited = edit(
        tracker,
        rows={
            key(db, net.a1): {"status": "Finished-ish"},
            key(db, net.a2): {"due_date": "soon"},
            key(db, net.a3): {"completion_note": "=1+1"},
            key(db, net.a4): {"status": "Done"},  # a good row: not applied either
        },
        add=[
            {"key": "00000000-0000-4000-8000-000000000000", "status": "Done"},
            {"completion_note": "no description given"},
            {"description": "Visit Batam", "organisation": "WHO"},
        ],
    )
    before = snapshot(db)
    plan = ap.plan_action_import(db, edited)
    reasons = {r.row: (r.outcome, r.reasons) for r in plan.rows}
    assert reasons == {
        2: (O.INVALID, ("the status 'Finished-ish' is not one of Open, In progress, Done, Dropped (or Belum, Dalam proses, Selesai, Dibatalkan)",)),
        3: (O.INVALID, ("the due date 'soon' is not a date (type e.g. 31/03/2025)",)),
        4: (O.INVALID, ("the completion note is a formula (=1+1); type the value itself",)),
        5: (O.DELETED, ("deleted in the app since the tracker was exported; not imported",)),
        6: (O.UPDATE, ()),
        7: (
            O.UNKNOWN_KEY,
            (
                "its key is not one this database gave out (the hidden key column was changed, or the "
                "tracker comes from another database)",
            ),
        ),
        8: (O.INVALID, ("a new row needs a description (and leaves the key column empty)",)),
        9: (O.INVALID, ("no organisation is called 'WHO'; use the name or acronym of the contacts",)),
    }
    assert [r.row for r in plan.errors] == [2, 3, 4, 7, 8, 9]
    with pytest.raises(ValidationError, match=r"6 row\(s\) of edited-tracker.xlsx cannot be imported \(row 2: the status"):
        ap.apply_action_import(db, plan)
    assert snapshot(db) == before

    # Asked to skip them, the good row goes in.
    result = ap.apply_action_import(db, plan, skip_invalid=True)
    assert (result.updated, result.skipped) == (1, 7)
    assert ap.get_action_point(db, net.a4).status is ActionStatus.DONE


def test_deleted_rows_alone_do_not_stop_the_import(db, net, tracker):
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Done"}})
    with db.session() as s:
        s.delete(s.get(m.ActionPoint, net.a5))
    plan = ap.plan_action_import(db, edited)
    assert plan.counts[O.DELETED] == 1 and not plan.errors
    result = ap.apply_action_import(db, plan)
    assert (result.updated, result.skipped) == (1, 1)


def test_copied_row_with_the_same_key_is_invalid(db, net, tracker):
    k = key(db, net.a1)
    edited = edit(tracker, add=[{"key": k, "description": "copy", "status": "Done"}])
    plan = ap.plan_action_import(db, edited)
    assert {r.row: r.outcome for r in plan.rows if r.key == k} == {2: O.INVALID, 7: O.INVALID}
    assert row_of_row(plan, 7).reasons == ("the same key is also in row 2 (a copied row?); keep one of them",)


def row_of_row(plan, number):
    (row,) = [r for r in plan.rows if r.row == number]
    return row


def test_formula_typed_into_the_status_or_date(db, net, tracker):
    edited = edit(tracker, rows={key(db, net.a1): {"status": '=IF(1,"Done")', "due_date": "=TODAY()+7"}})
    row = row_of(ap.plan_action_import(db, edited), db, net.a1)
    assert row.outcome is O.INVALID
    assert row.reasons == (
        "the due date is a formula (=TODAY()+7); type the value itself",
        "the status is a formula (=IF(1,\"Done\")); type the value itself",
    )


# --------------------------------------------------------------------------- foreign and broken files


def contacts_like(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Name", "Organisation", "Email"])
    ws.append(["Dewi Lestari", "IOM", "dewi@example.org"])
    wb.save(path)
    return path


def other_kind(path: Path) -> Path:
    kind = WorkbookKind(
        kind="unnet_desktop/workplan-tracker",
        label="work-plan tracker",
        sheet_title="Activities",
        key_header="Key",
        columns=(Column("progress", "Progress", kind="number", editable=True),),
    )
    write_keyed_workbook(path, kind, [("1f0e2b5c-0000-4000-8000-000000000001", 50)])
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (contacts_like, "contacts.xlsx is not an action-point tracker exported by unnet_desktop"),
        (other_kind, "contacts.xlsx is a work-plan tracker, not an action-point tracker."),
        (lambda p: p.write_bytes(b"PK\x03\x04 this is not a zip file at all") and p, "is damaged"),
        (lambda p: p.write_text("Name;Email\nDewi;dewi@example.org\n") and p, "is not an Excel workbook"),
        (lambda p: p.write_bytes(b"") and p, "is empty"),
        (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) and p, "password-protected or an old .xls"),
        (lambda p: p, "does not exist"),
    ],
)
def test_foreign_and_broken_files_are_refused_and_nothing_changes(db, net, tmp_path, make, message):
    path = tmp_path / "contacts.xlsx"
    make(path)
    before = snapshot(db)
    with pytest.raises(FileRefused, match=message.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        ap.plan_action_import(db, path)
    assert snapshot(db) == before


def test_truncated_tracker_is_refused(db, net, tracker, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(tracker.read_bytes()[: tracker.stat().st_size // 2])
    with pytest.raises(FileRefused, match="is damaged"):
        ap.plan_action_import(db, broken)


def test_tracker_that_lost_a_column_is_refused(db, net, tracker):
    wb = load_workbook(tracker)
    wb[ACTION_TRACKER.sheet_title].delete_cols(7)  # the status column
    wb.save(tracker)
    with pytest.raises(FileRefused, match="has lost the column"):
        ap.plan_action_import(db, tracker)


def to_shared_strings(src: Path, dst: Path) -> Path:
    """Rewrite a workbook's inline strings as a shared-string table, as Excel does on saving
    (each string split into two formatted runs, which the reader must join)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(src) as zin:
        parts = {item.filename: zin.read(item.filename) for item in zin.infolist()}
    index: dict[str, int] = {}
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        root = etree.fromstring(parts[name])
        for c in root.iter(f"{{{main}}}c"):
            if c.get("t") == "inlineStr":
                inline = c.find(f"{{{main}}}is")
                text = "".join(inline.itertext())
                c.remove(inline)
                c.set("t", "s")
                etree.SubElement(c, f"{{{main}}}v").text = str(index.setdefault(text, len(index)))
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    sst = etree.Element(f"{{{main}}}sst", nsmap={None: main})
    for text in index:
        si = etree.SubElement(sst, f"{{{main}}}si")
        for piece in (text[:3], text[3:]):
            etree.SubElement(etree.SubElement(si, f"{{{main}}}r"), f"{{{main}}}t").text = piece
    parts["xl/sharedStrings.xml"] = etree.tostring(sst, xml_declaration=True, encoding="UTF-8")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


def test_tracker_saved_with_shared_strings_as_excel_does(db, net, tracker, tmp_path):
    edited = edit(tracker, rows={key(db, net.a1): {"status": "Selesai", "completion_note": "Shared"}})
    excel_like = to_shared_strings(edited, tmp_path / "from-excel.xlsx")
    assert b"inlineStr" not in zipfile.ZipFile(excel_like).read("xl/worksheets/sheet1.xml")
    plan = ap.plan_action_import(db, excel_like)
    assert [(c.field, c.incoming) for c in row_of(plan, db, net.a1).changes] == [
        ("status", ActionStatus.DONE),
        ("completion_note", "Shared"),
    ]
    assert plan.counts[O.UNCHANGED] == 4


# --------------------------------------------------------------------------- the reader's paths


def sheet_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")}


def test_the_three_ways_of_scanning_a_sheet_agree(db, net, tracker, tmp_path):
    from unnet_desktop.files import keyed_workbook as kw

    edited = edit(tracker, rows={key(db, net.a1): {"status": "Selesai", "completion_note": "a < b & c"}})
    for path in (tracker, edited, to_shared_strings(edited, tmp_path / "excel.xlsx")):
        for name, data in sheet_parts(path).items():
            text = kw._text_for_scan(data)
            body = kw._SHEET_DATA_RE.search(text).group(1)
            fast = list(kw._scan_sheet(text))
            assert fast == list(kw._scan_rows(body)) == list(kw._scan_sheet_lxml(data)), (path.name, name)


def rewrite_sheet(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin:
        parts = {item.filename: zin.read(item.filename) for item in zin.infolist()}
    parts["xl/worksheets/sheet1.xml"] = change(parts["xl/worksheets/sheet1.xml"].decode()).encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst


@pytest.mark.parametrize(
    "change",
    [
        # A comment and a CDATA section: read by lxml instead.
        lambda xml: xml.replace("<sheetData>", "<sheetData><!-- edited -->").replace(
            "<t>Open</t>", "<t><![CDATA[Done]]></t>", 1
        ),
        # Cells without their reference (allowed): placed after the cell before them.
        lambda xml: re.sub(r'<c r="A\d+"', "<c", xml).replace("<t>Open</t>", "<t>Done</t>", 1),
    ],
    ids=["comment-and-cdata", "cells-without-reference"],
)
def test_unusual_but_valid_sheets_are_read(db, net, tracker, tmp_path, change):
    odd = rewrite_sheet(tracker, tmp_path / "odd.xlsx", change)
    plan = ap.plan_action_import(db, odd)
    assert [(c.field, c.incoming) for c in row_of(plan, db, net.a1).changes] == [("status", ActionStatus.DONE)]
    assert plan.counts[O.UNCHANGED] == 4
