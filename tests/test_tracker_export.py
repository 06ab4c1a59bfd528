"""The action-point tracker as written: rows, key column, export time, editable columns, drop-down,
real dates, overdue formatting, frozen header, autofilter, instructions, no formula anywhere."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from test_action_points_service import seed_network

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus
from unnet_desktop.core.errors import FileRefused
from unnet_desktop.files.action_tracker import ACTION_TRACKER, export_action_tracker, read_action_tracker
from unnet_desktop.files.keyed_workbook import META_SHEET

NOW = dt.datetime(2024, 5, 1, 3, 0, tzinfo=dt.timezone.utc)
EVIL = "=cmd|' /C calc'!A0"


@pytest.fixture
def net(db):
    network = seed_network(db)
    with db.session() as s:
        s.get(m.ActionPoint, network.a1).description = EVIL
    return network


def headers(ws) -> dict[str, int]:
    """Column id -> column number, from the header row."""
    by_header = {c.header: c.id for c in ACTION_TRACKER.all_columns}
    return {by_header[c.value]: c.column for c in ws[1]}


def uuid_of(db, action_point_id: int) -> str:
    with db.session() as s:
        return s.get(m.ActionPoint, action_point_id).uuid


def test_rows_keys_and_context(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    info = export_action_tracker(db, out, now=NOW)
    assert (info.rows, info.exported_at, info.path) == (3, NOW, out)

    wb = load_workbook(out)
    assert wb.sheetnames == ["Action points", "Instructions", META_SHEET]
    ws = wb["Action points"]
    col = headers(ws)
    rows = [[ws.cell(r, col[c]).value for c in ("key", "meeting", "agenda_item", "description", "organisation", "person", "status", "due_date", "completion_note")] for r in range(2, ws.max_row + 1)]
    assert rows == [
        [uuid_of(db, net.a1), "2024-Q1", "Terms of reference", EVIL, "IOM", "Dewi Lestari", "Open", dt.datetime(2024, 4, 15), None],
        [uuid_of(db, net.a2), "2024-Q1", "GCM review", "Circulate the GCM review report", "UNHCR", "Siti Rahma", "In progress", dt.datetime(2024, 6, 30), None],
        [uuid_of(db, net.a4), None, None, "Prepare the annual meeting concept note", "IOM", None, "Open", None, None],
    ]
    assert ws.column_dimensions["A"].hidden is True
    assert ws.cell(1, col["key"]).value.startswith("Key (do not change)")


def test_export_time_kind_and_id_are_stored(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    info = export_action_tracker(db, out, now=NOW)
    wb = load_workbook(out)
    meta = {row[0].value: row[1].value for row in wb[META_SHEET].iter_rows()}
    assert wb[META_SHEET].sheet_state == "veryHidden"
    assert meta["kind"] == "unnet_desktop/action-tracker"
    assert meta["exported_at"] == "2024-05-01T03:00:00+00:00"
    assert meta["export_id"] == info.export_id
    assert meta["rows"] == "3"
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["unnet_desktop kind"] == "unnet_desktop/action-tracker"
    assert props["unnet_desktop exported at"] == "2024-05-01T03:00:00+00:00"
    book = read_action_tracker(out)
    assert (book.export_id, book.exported_at, len(book.rows)) == (info.export_id, NOW, 3)
    assert all(book.was_exported(r.key) for r in book.rows)
    assert not book.was_exported("00000000-0000-4000-8000-000000000000")


def test_no_cell_value_is_a_formula(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    wb = load_workbook(out)
    types = {cell.data_type for ws in wb for row in ws.iter_rows() for cell in row}
    assert "f" not in types
    ws = wb["Action points"]
    cell = ws.cell(2, headers(ws)["description"])
    assert (cell.value, cell.data_type, cell.quotePrefix) == (EVIL, "s", True)
    # In the file itself: no <f> element in any sheet (formulas live only in formatting rules).
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    # And it reads back as text, not as a formula.
    assert read_action_tracker(out).rows[0].formulas == frozenset()


def test_editable_columns_look_different_and_dates_are_dates(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    ws = load_workbook(out)["Action points"]
    col = headers(ws)
    for cid in ("status", "due_date", "completion_note"):
        assert ws.cell(1, col[cid]).fill.fgColor.rgb.endswith("FFD966")
        assert ws.column_dimensions[ws.cell(1, col[cid]).column_letter].fill.fgColor.rgb.endswith("FFF2CC")
    for cid in ("status", "due_date"):
        assert ws.cell(2, col[cid]).fill.fgColor.rgb.endswith("FFF2CC")
    for cid in ("key", "meeting", "agenda_item", "description", "organisation", "person", "last_change"):
        assert ws.cell(1, col[cid]).fill.fgColor.rgb.endswith("D9D9D9")
        assert ws.cell(2, col[cid]).fill.fill_type is None
    due = ws.cell(2, col["due_date"])
    assert due.is_date and due.data_type == "d" and due.number_format == "dd mmm yyyy"
    assert ws.cell(2, col["last_change"]).is_date


def test_drop_down_date_check_overdue_rule_frozen_header_filter(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    ws = load_workbook(out)["Action points"]
    validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert validations["list"].formula1 == '"Open,In progress,Done,Dropped"'
    assert str(validations["list"].sqref) == "G2:G504"
    assert str(validations["date"].sqref) == "H2:H504"
    rules = {str(cf.sqref): [r.formula[0] for r in cf.rules] for cf in ws.conditional_formatting}
    assert set(rules) == {"A2:J504", "H2:H504"}
    formula = rules["A2:J504"][0]
    assert formula.startswith("AND(ISNUMBER($H2),$H2<TODAY(),")
    assert 'LOWER(TRIM($G2))="selesai"' in formula
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:J4"


def test_instructions_in_english_and_bahasa_indonesia(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    text = "\n".join(str(r[0].value) for r in load_workbook(out)["Instructions"].iter_rows() if r[0].value)
    assert "English" in text and "Bahasa Indonesia" in text
    assert "Please update the yellow columns" in text
    assert "Mohon perbarui kolom berwarna kuning" in text
    assert "Exported / Diekspor: 01 May 2024 10:00 WIB · 3 rows / baris" in text


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"status": None}, ["a1", "a2", "a3", "a5", "a4"]),
        ({"status": [ActionStatus.DONE]}, ["a3"]),
        ({"organisation": "ilo", "status": None}, ["a3", "a5"]),
        ({"meeting": "wg", "status": None}, ["a3", "a5"]),
        ({"organisation": "unhcr", "status": ["done"]}, []),
    ],
)
def test_filters(db, net, tmp_path, kwargs, expected):
    if "organisation" in kwargs:
        kwargs["organisation_id"] = getattr(net, kwargs.pop("organisation"))
    if "meeting" in kwargs:
        kwargs["meeting_id"] = getattr(net, kwargs.pop("meeting"))
    out = tmp_path / "tracker.xlsx"
    info = export_action_tracker(db, out, now=NOW, **kwargs)
    assert info.rows == len(expected)
    assert [r.key for r in read_action_tracker(out).rows] == [uuid_of(db, getattr(net, n)) for n in expected]


def test_written_atomically(db, net, tmp_path):
    with pytest.raises(FileRefused, match="does not exist"):
        export_action_tracker(db, tmp_path / "missing" / "tracker.xlsx")
    out = tmp_path / "tracker.xlsx"
    out.write_bytes(b"old")
    export_action_tracker(db, out)
    assert zipfile.is_zipfile(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.xlsx", "unnet.sqlite", "unnet.sqlite-shm", "unnet.sqlite-wal"]


def test_the_row_hook_and_the_plain_path_write_the_same_workbook(db, net, tmp_path, monkeypatch):
    from unnet_desktop.files import keyed_workbook as kw

    def cells(path):
        wb = load_workbook(path)
        return [
            (ws.title, c.coordinate, c.value, c.data_type, c.number_format, c.fill.fgColor.rgb, c.quotePrefix)
            for ws in wb
            for row in ws.iter_rows()
            for c in row
            if ws.title != META_SHEET and c.value is not None
        ]

    export_action_tracker(db, tmp_path / "hook.xlsx", status=None, now=NOW)
    monkeypatch.setattr(kw, "_USE_ROW_HOOK", False)
    export_action_tracker(db, tmp_path / "plain.xlsx", status=None, now=NOW)
    assert cells(tmp_path / "hook.xlsx") == cells(tmp_path / "plain.xlsx")


def test_a_failed_export_leaves_nothing_behind(tmp_path):
    from unnet_desktop.files.keyed_workbook import write_keyed_workbook

    with pytest.raises(ValueError, match="3 values for 10 columns"):
        write_keyed_workbook(tmp_path / "t.xlsx", ACTION_TRACKER, [("k", "a", "b")])
    assert list(tmp_path.iterdir()) == []
