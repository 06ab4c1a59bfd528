"""The action-point tracker as written: rows, key column, export time, editable columns, drop-down,
real dates, overdue formatting, frozen header, autofilter, instructions, no formula anywhere."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from test_action_points_service import seed_network

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActionStatus
from unnet_desktop.core.errors import FileRefused
from unnet_desktop.files.action_tracker import ACTION_TRACKER, export_action_tracker, read_action_tracker
from unnet_desktop.files.keyed_workbook import (
    DATE_FORMAT,
    EDITABLE_FILL,
    META_SHEET,
    Column,
    WorkbookKind,
    read_keyed_workbook,
    write_keyed_workbook,
)

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


def test_wrapped_headings_fit_and_the_sheet_prints_on_the_page_width(db, net, tmp_path):
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    ws = load_workbook(out)["Action points"]
    # "Last change / Perubahan terakhir" in a 14-character column: three lines of 15 points
    assert ws.row_dimensions[1].height == 45
    assert ws["J1"].alignment.wrap_text
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"


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


# --------------------------------------------------------------------------- the rows as streamed

# A keyed workbook of every kind of column, for the writer's cells.
ALL_KINDS = WorkbookKind(
    kind="tests/all-kinds",
    label="test workbook",
    sheet_title="Data",
    key_header="Key",
    columns=(
        Column("text", "Text"),
        Column("note", "Note", editable=True),
        Column("due", "Due", kind="date", editable=True),
        Column("seen", "Seen", kind="date"),
        Column("amount", "Amount", kind="number"),
        Column("choice", "Choice", kind="choice", editable=True, choices=("A", "B")),
    ),
)
TOO_LONG = "x" * 40_000
AWKWARD_ROWS = [
    ("k1", EVIL, EVIL, dt.date(2024, 4, 15), dt.datetime(2024, 4, 15, 10, 30), 1, "A"),
    ("k2", "a\x01b\x0bc\x00", "  leading", dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
     None, 1.5, "B"),
    ("k3", TOO_LONG, "line 1\r\nline 2\rline 3", None, dt.date(2020, 2, 29), Decimal("12.34"), ""),
    ("k4", "<tag> & 'single' \"double\"", "+62 812", "", "", True, "-minus"),
    ("k5", 12, dt.date(2024, 1, 2), "not a date", dt.time(10, 0), False, "@at"),
    (None, "no key", None, None, None, -3, None),
    ("k7", "\x01", "trailing ", None, None, 2**40, "A"),
    *((f"key{i}", "same", "=again", dt.date(2024, 1, 1 + i % 3), None, i, "AB"[i % 2]) for i in range(12)),
]


def cells_of(path, sheet="Data", read_only=False):
    """(coordinate, value, type, number format, fill colour, quote prefix) of every cell with a value."""
    wb = load_workbook(path, read_only=read_only)
    try:
        out = []
        for row in wb[sheet].iter_rows(min_row=2):
            for c in row:
                if c.value is not None:
                    quote = c.style_array.quotePrefix if read_only else c.quotePrefix
                    out.append((c.coordinate, c.value, c.data_type, c.number_format, c.fill.fgColor.rgb, bool(quote)))
        return out
    finally:
        wb.close()


def written_cell_by_cell(path, kind, rows):
    """The rows written the plain way, one openpyxl cell at a time (the writer's cells must be these)."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    from unnet_desktop.files.safety import set_text_cell

    wb = Workbook()
    ws = wb.active
    ws.title = kind.sheet_title
    for r, values in enumerate(rows, 2):
        for c, (column, value) in enumerate(zip(kind.all_columns, values), 1):
            if value is None or value == "":
                continue
            cell = ws.cell(r, c)
            if column.editable:
                cell.fill = PatternFill("solid", fgColor=EDITABLE_FILL)
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            if isinstance(value, str):
                set_text_cell(cell, value)
            elif isinstance(value, dt.datetime):
                cell.value = value.replace(tzinfo=None)
            elif isinstance(value, dt.date | int | float | Decimal | bool):
                cell.value = value
            else:
                set_text_cell(cell, value)
    wb.save(path)
    return path


def test_streamed_rows_are_the_cells_openpyxl_writes_one_by_one(tmp_path):
    out = tmp_path / "streamed.xlsx"
    info = write_keyed_workbook(out, ALL_KINDS, AWKWARD_ROWS, exported_at=NOW)
    assert info.rows == len(AWKWARD_ROWS)
    expected = cells_of(written_cell_by_cell(tmp_path / "plain.xlsx", ALL_KINDS, AWKWARD_ROWS))
    assert cells_of(out) == expected
    assert cells_of(out, read_only=True) == expected  # openpyxl's read-only mode, sized by <dimension>
    ro = load_workbook(out, read_only=True)
    try:
        assert (ro["Data"].max_row, ro["Data"].max_column) == (len(AWKWARD_ROWS) + 1, 7)
    finally:
        ro.close()
    # The app's reader reads back what was written.
    book = read_keyed_workbook(out, ALL_KINDS)
    assert [r.key for r in book.rows] == [r[0] or "" for r in AWKWARD_ROWS]
    assert all(book.was_exported(r[0]) for r in AWKWARD_ROWS if r[0])
    assert all(r.formulas == frozenset() for r in book.rows)


def test_a_formula_in_an_editable_column_is_text_with_the_column_colour(db, net, tmp_path):
    with db.session() as s:
        s.get(m.ActionPoint, net.a2).completion_note = EVIL
    out = tmp_path / "tracker.xlsx"
    export_action_tracker(db, out, now=NOW)
    ws = load_workbook(out)["Action points"]
    col = headers(ws)
    note = ws.cell(3, col["completion_note"])
    assert (note.value, note.data_type, note.quotePrefix) == (EVIL, "s", True)
    assert note.fill.fill_type == "solid" and note.fill.fgColor.rgb.endswith(EDITABLE_FILL)
    description = ws.cell(2, col["description"])  # read-only: the quote prefix and no colour
    assert (description.value, description.quotePrefix, description.fill.fill_type) == (EVIL, True, None)
    row = read_action_tracker(out).rows[1]
    assert (row.values["completion_note"], row.formulas) == (EVIL, frozenset())


def test_dates_numbers_texts_and_control_characters(tmp_path):
    out = tmp_path / "kinds.xlsx"
    write_keyed_workbook(out, ALL_KINDS, AWKWARD_ROWS, exported_at=NOW)
    ws = load_workbook(out)["Data"]
    due, seen = ws["D2"], ws["E2"]
    assert (due.value, due.is_date, due.number_format) == (dt.datetime(2024, 4, 15), True, "dd mmm yyyy")
    assert due.fill.fgColor.rgb.endswith(EDITABLE_FILL)
    assert (seen.value, seen.is_date, seen.number_format, seen.fill.fill_type) == (
        dt.datetime(2024, 4, 15, 10, 30), True, "dd mmm yyyy", None,
    )
    assert ws["D3"].value == dt.datetime(2024, 1, 1, 12, 0)  # the time as given, its time zone dropped
    assert ws["E4"].value == dt.datetime(2020, 2, 29)
    assert [(ws[f"F{r}"].value, ws[f"F{r}"].data_type) for r in (2, 3, 4, 7, 8)] == [
        (1, "n"), (1.5, "n"), (12.34, "n"), (-3, "n"), (2**40, "n"),
    ]
    assert [(ws[f"F{r}"].value, ws[f"F{r}"].data_type) for r in (5, 6)] == [(True, "b"), (False, "b")]
    assert ws["B3"].value == "abc"  # control characters cleaned
    assert ws["B8"].value is None  # nothing left of it
    assert ws["C3"].value == "  leading" and ws["C8"].value == "trailing "
    assert ws["C4"].value == "line 1\r\nline 2\rline 3"
    assert ws["B5"].value == "<tag> & 'single' \"double\""
    assert len(ws["B4"].value) == 32_767 and ws["B4"].value.endswith("[...cut: too long for Excel]")
    assert (ws["B6"].value, ws["B6"].data_type) == (12, "n")  # a number in a text column stays a number
    assert (ws["E6"].value, ws["E6"].data_type) == ("10:00:00", "s")  # neither a date nor a number: its text
    assert (ws["D6"].value, ws["D6"].data_type, ws["D6"].quotePrefix) == ("not a date", "s", False)
    for ref in ("C5", "G5", "G6"):
        assert ws[ref].quotePrefix is True and ws[ref].data_type == "s", ref
    assert ws["G5"].fill.fgColor.rgb.endswith(EDITABLE_FILL)
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert '<dimension ref="A1:G20"/>' in sheet


def test_a_failed_export_leaves_nothing_behind(tmp_path):
    with pytest.raises(ValueError, match="3 values for 10 columns"):
        write_keyed_workbook(tmp_path / "t.xlsx", ACTION_TRACKER, [("k", "a", "b")])
    assert list(tmp_path.iterdir()) == []
