"""Keyed workbooks: Excel files sent out for editing and read back, each row keyed by a record's UUID.

Generic: nothing here knows about action points. A :class:`WorkbookKind` describes the data sheet
(a hidden key column, read-only context columns and editable columns with their types), the
Instructions in English and Bahasa Indonesia and an optional highlight rule (conditional
formatting). :func:`write_keyed_workbook` writes such a workbook; :func:`read_keyed_workbook`
reads one back and refuses, with one sentence, any file that is not of the expected kind.

What the workbook carries besides the rows:

* a very hidden ``_meta`` sheet (key/value rows): the kind marker, the format version, an
  export id (UUID), the export time (UTC, ISO), the data sheet title and a digest of every key
  written, so that a key that is not in the database any more can be told from a key typed in
  by hand (:meth:`KeyedWorkbook.was_exported`);
* the same kind, export id and time as workbook custom properties (File > Properties in Excel).

Writing uses openpyxl's write-only mode with ``WriteOnlyCell`` (:class:`_RowWriter`): each cell
made as openpyxl streams the row, with its column's style copied from a template, every text
through :func:`files.safety.set_text_cell` (never a formula); drop-downs, conditional
formatting, frozen header and autofilter are set on the write-only sheet.

Reading does not use openpyxl, whose read-only mode takes several seconds for 20,000 rows (its
inline-string parsing and a full pass to find the sheet's size dominate). The parts are read
from the zip and the sheet's cells scanned with regular expressions in the common, regular form
Excel, LibreOffice and openpyxl write, else by any well-formed layout, else with lxml (a
dependency of python-docx) for anything unusual (comments, CDATA, another encoding): the three
give the same cells (tested). It understands shared and inline strings (rich-text runs joined,
phonetic guides left out), numbers, booleans, dates by number format (1900 and 1904 systems),
ISO dates, and formulas, which are reported with their text and never evaluated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import posixpath
import re
import uuid
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import __version__
from ..core.errors import FileRefused
from ..core.timezone import format_wib
from .safety import atomic_path, clean_text, set_text_cell

META_SHEET = "_meta"
INSTRUCTIONS_SHEET = "Instructions"
#: Workbook custom property names (File > Properties > Custom in Excel).
PROP_KIND = "unnet_desktop kind"
PROP_EXPORT_ID = "unnet_desktop export id"
PROP_EXPORTED_AT = "unnet_desktop exported at"

EDITABLE_FILL = "FFF2CC"  # light yellow: type here
EDITABLE_HEADER_FILL = "FFD966"
READ_ONLY_HEADER_FILL = "D9D9D9"  # grey: for reference only
DATE_FORMAT = "dd mmm yyyy"
_DIGEST_CHARS = 12  # per key in the _meta digest list
_DIGESTS_PER_CELL = 2_500  # 30,000 characters: under Excel's 32,767 per cell

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls
ZIP_MAGIC = b"PK\x03\x04"


# --------------------------------------------------------------------------- description


@dataclass(frozen=True)
class Column:
    """One column of the data sheet.

    ``kind``: ``"text"``, ``"date"`` (a real date cell), ``"choice"`` (text with a drop-down
    list of ``choices`` through data validation) or ``"number"``. ``aliases``: other header
    texts accepted when reading (for instance the Indonesian one)."""

    id: str
    header: str
    kind: str = "text"
    editable: bool = False
    width: float = 18.0
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    required: bool = False  # reading refuses a workbook without it


@dataclass(frozen=True)
class Highlight:
    """A conditional-formatting rule over the data rows. ``formula`` refers to the first data
    row (row 2) with ``{column_id}`` placeholders for column letters, e.g.
    ``AND(${due_date}2<>"",${due_date}2<TODAY())``; ``columns``: the ids it colours (all when
    empty). A formula in a formatting rule is not a cell value: no cell becomes a formula."""

    formula: str
    font_colour: str = "9C0006"
    fill_colour: str | None = None
    bold: bool = False
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkbookKind:
    """Everything that makes one kind of keyed workbook (an action-point tracker, a work-plan
    tracker): its marker, its data sheet, its instructions."""

    kind: str  # marker stored in the workbook, e.g. "unnet_desktop/action-tracker"
    label: str  # for people: "action-point tracker"
    sheet_title: str
    key_header: str
    columns: tuple[Column, ...]  # after the key column, in order
    instructions_en: tuple[str, ...] = ()
    instructions_id: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    version: int = 1
    spare_rows: int = 500  # rows below the data with the drop-downs and formatting, for additions
    key_id: str = "key"
    #: Rows with a key are read for their editable columns only (faster: the context is the
    #: app's); rows without a key (added in the file) always with every column.
    keyed_rows_editable_only: bool = False

    def __post_init__(self) -> None:
        ids = [self.key_id, *(c.id for c in self.columns)]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate column ids in {self.kind}")
        for column in self.columns:
            # Excel's list validation: comma-separated, in quotes, at most 255 characters.
            if any("," in c or '"' in c for c in column.choices) or len(",".join(column.choices)) > 250:
                raise ValueError(f"the choices of {column.id} cannot make an Excel drop-down list")

    @property
    def all_columns(self) -> tuple[Column, ...]:
        key = Column(self.key_id, self.key_header, width=38.0, required=True)
        return (key, *self.columns)

    def letter(self, column_id: str) -> str:
        from openpyxl.utils import get_column_letter

        for index, column in enumerate(self.all_columns, 1):
            if column.id == column_id:
                return get_column_letter(index)
        raise KeyError(column_id)


@dataclass(frozen=True)
class ExportInfo:
    path: Path
    kind: str
    export_id: str
    exported_at: dt.datetime  # aware UTC
    rows: int


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector paused for a bulk read or write. Tens of thousands of rows make
    tens of thousands of small objects, none in a cycle, and each collection then walks them all
    again: a third of an import's time on 20,000 rows. Collected normally afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def key_digest(key: str) -> str:
    return hashlib.blake2b(key.strip().lower().encode(), digest_size=_DIGEST_CHARS // 2).hexdigest()


# --------------------------------------------------------------------------- writing

#: Whether to stream rows through _RowWriter (tests switch it off to check the plain path).
_USE_ROW_HOOK = True


class _RowWriter:
    """Turns a row of values into styled, formula-proof cells as openpyxl streams it.

    Installed as the write-only sheet's ``_values_to_row`` (what ``ws.append`` calls for each
    row): every text goes through ``set_text_cell``; a column's style is copied from its
    template; cells without a style reuse one scratch cell, as openpyxl itself does, since each
    cell is written before the next is made. Appending a list of ready ``WriteOnlyCell`` objects
    instead works through openpyxl's public path, but that first tries each cell as a value, which
    raises and formats an error per cell: a third slower. ``installed`` tells whether openpyxl
    called it (else the caller uses lists of cells: same file, slower)."""

    def __init__(self, ws, templates: Sequence):
        from openpyxl.cell import Cell, WriteOnlyCell
        from openpyxl.styles.cell_style import StyleArray

        self.ws = ws
        self.templates = templates
        self.installed = False
        self._classes = (Cell, WriteOnlyCell, StyleArray)

    def cells(self, values: Sequence, row_idx: int, reuse: bool = True) -> Iterator:
        Cell, WriteOnlyCell, StyleArray = self._classes  # noqa: N806
        ws, templates = self.ws, self.templates
        scratch = None
        for col, value in enumerate(values, 1):
            if value is None or value == "":
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                template = templates[col - 1]
                if template is None and reuse:
                    if scratch is None:
                        scratch = WriteOnlyCell(ws)
                    cell = scratch
                elif template is None:
                    cell = WriteOnlyCell(ws)
                else:
                    cell = WriteOnlyCell(ws)
                    cell._style = StyleArray(template)
                if isinstance(value, str):
                    set_text_cell(cell, value)
                elif isinstance(value, dt.datetime):
                    cell.value = value.replace(tzinfo=None) if value.tzinfo else value
                elif isinstance(value, dt.date | int | float | Decimal | bool):
                    cell.value = value
                else:
                    set_text_cell(cell, value)
            cell.row = row_idx
            cell.column = col
            yield cell
            if cell is scratch and cell.has_style:  # e.g. a quote prefix: not for the next one
                scratch = None

    def __call__(self, values: Sequence, row_idx: int) -> Iterator:
        self.installed = True
        return self.cells(values, row_idx)

    def cell_list(self, values: Sequence, row_idx: int) -> list:
        """The same cells as a list (one new cell each), for ``ws.append`` without the hook."""
        out = [None] * len(values)
        for cell in self.cells(values, row_idx, reuse=False):
            out[cell.column - 1] = cell
        return out


def write_keyed_workbook(
    target: str | Path,
    kind: WorkbookKind,
    rows: Iterable[Sequence[object]],
    *,
    exported_at: dt.datetime | None = None,
    export_id: str | None = None,
    meta: Mapping[str, str] | None = None,
    instructions_extra: Sequence[tuple[str, str]] = (),
) -> ExportInfo:
    """Write ``rows`` (each: the key, then one value per column of ``kind``; values are text,
    dates, numbers or None) to ``target`` atomically. ``meta``: more key/value pairs for the
    ``_meta`` sheet (e.g. the filter used). ``instructions_extra``: (label, value) lines shown
    at the top of the Instructions sheet."""
    from openpyxl import Workbook

    exported_at = (exported_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    export_id = export_id or str(uuid.uuid4())

    # The target's folder is checked first; the workbook is built into a temporary file beside it.
    with atomic_path(target) as tmp:
        wb = Workbook(write_only=True)
        try:
            with paused_gc():
                count = _build(wb, kind, rows, exported_at, export_id, meta or {}, instructions_extra)
                wb.save(tmp)
        except BaseException:
            _discard(wb)
            raise
    return ExportInfo(
        path=Path(target).expanduser().absolute(),
        kind=kind.kind,
        export_id=export_id,
        exported_at=exported_at,
        rows=count,
    )


def _discard(wb) -> None:
    """Close the streams of a write-only workbook that will not be saved (else they complain
    when garbage-collected) and remove its temporary files."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        with contextlib.suppress(Exception):
            if ws._writer is not None:
                ws._writer.cleanup()


def _build(wb, kind: WorkbookKind, rows, exported_at, export_id, meta, instructions_extra) -> int:
    """Fill the workbook: the data sheet, the Instructions, the _meta sheet, the custom
    properties. Returns the number of data rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import Rule
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = kind.all_columns
    width = len(columns)
    last_letter = get_column_letter(width)
    ws = wb.create_sheet(kind.sheet_title)
    editable_fill = PatternFill("solid", fgColor=EDITABLE_FILL)
    bold = Font(bold=True)

    # Column widths and styles go first: write-only mode writes them before the rows.
    for index, column in enumerate(columns, 1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = column.width
        if column.id == kind.key_id:
            dim.hidden = True
        if column.editable:
            # Cells left empty (and rows the reader adds below) show the editable colour too.
            dim.fill = editable_fill
            if column.kind == "date":
                dim.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"

    # One style per column, made once and copied into each cell (assigning fills and formats
    # cell by cell costs a registry look-up each time).
    templates = []
    for column in columns:
        probe = WriteOnlyCell(ws)
        if column.editable:
            probe.fill = editable_fill
        if column.kind == "date":
            probe.number_format = DATE_FORMAT
        templates.append(probe._style if probe.has_style else None)

    header = []
    for column in columns:
        cell = WriteOnlyCell(ws)
        set_text_cell(cell, column.header)
        cell.font = bold
        cell.fill = PatternFill(
            "solid", fgColor=EDITABLE_HEADER_FILL if column.editable else READ_ONLY_HEADER_FILL
        )
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    writer = _RowWriter(ws, templates)
    if _USE_ROW_HOOK:
        ws._values_to_row = writer
    ws.append(header)
    hooked = writer.installed

    digests: list[str] = []
    row_idx = 1
    for values in rows:
        row_idx += 1
        if len(values) != width:
            raise ValueError(f"row {row_idx}: {len(values)} values for {width} columns")
        if values[0]:
            digests.append(key_digest(str(values[0])))
        ws.append(values if hooked else writer.cell_list(values, row_idx))
    last_row = row_idx
    span_end = last_row + kind.spare_rows

    # Drop-downs and date checks (on the spare rows too, for rows added by the reader).
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        ref = f"{letter}2:{letter}{span_end}"
        if column.kind == "choice" and column.choices:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle=column.header[:32],
                error="Choose from the list. / Pilih dari daftar.",
            )
            dv.add(ref)
            ws.data_validations.append(dv)
        elif column.kind == "date" and column.editable:
            dv = DataValidation(
                type="date",
                operator="between",
                formula1="DATE(2000,1,1)",
                formula2="DATE(2100,12,31)",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle=column.header[:32],
                error="Type a date, e.g. 31/03/2025. / Ketik tanggal, mis. 31/03/2025.",
            )
            dv.add(ref)
            ws.data_validations.append(dv)

    letters = {column.id: get_column_letter(i) for i, column in enumerate(columns, 1)}
    for highlight in kind.highlights:
        style = DifferentialStyle(
            font=Font(color=highlight.font_colour, bold=highlight.bold),
            fill=PatternFill(bgColor=highlight.fill_colour, fill_type="solid") if highlight.fill_colour else None,
        )
        rule = Rule(type="expression", dxf=style, formula=[highlight.formula.format(**letters)])
        if highlight.columns:
            refs = " ".join(f"{letters[c]}2:{letters[c]}{span_end}" for c in highlight.columns)
        else:
            refs = f"A2:{last_letter}{span_end}"
        ws.conditional_formatting.add(refs, rule)
    ws.auto_filter.ref = f"A1:{last_letter}{max(last_row, 2)}"

    count = last_row - 1
    _instructions_sheet(wb, kind, exported_at, count, instructions_extra)
    _meta_sheet(wb, kind, export_id, exported_at, count, digests, meta)

    wb.custom_doc_props.append(StringProperty(name=PROP_KIND, value=kind.kind))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORT_ID, value=export_id))
    wb.custom_doc_props.append(StringProperty(name=PROP_EXPORTED_AT, value=exported_at.isoformat()))
    return count


def _text_row(ws, *values, bold=None) -> None:
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        cell = WriteOnlyCell(ws)
        set_text_cell(cell, value)
        if bold is not None:
            cell.font = bold
        cells.append(cell)
    ws.append(cells)


def _instructions_sheet(wb, kind: WorkbookKind, exported_at, count: int, extra) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(INSTRUCTIONS_SHEET)
    ws.column_dimensions["A"].width = 110
    title = Font(bold=True, size=13)
    heading = Font(bold=True)
    _text_row(ws, f"{kind.label[:1].upper()}{kind.label[1:]}", bold=title)
    _text_row(ws, f"Exported / Diekspor: {format_wib(exported_at)} · {count} rows / baris")
    for label, value in extra:
        _text_row(ws, f"{label}: {value}")
    ws.append([])
    _text_row(ws, "English", bold=heading)
    for line in kind.instructions_en:
        _text_row(ws, line)
    ws.append([])
    _text_row(ws, "Bahasa Indonesia", bold=heading)
    for line in kind.instructions_id:
        _text_row(ws, line)


def _meta_sheet(wb, kind, export_id, exported_at, count, digests, meta) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    pairs = [
        ("kind", kind.kind),
        ("kind_label", kind.label),
        ("format_version", str(kind.version)),
        ("export_id", export_id),
        ("exported_at", exported_at.isoformat()),
        ("data_sheet", kind.sheet_title),
        ("rows", str(count)),
        ("app_version", __version__),
        *((str(k), str(v)) for k, v in meta.items()),
    ]
    for name, value in pairs:
        _text_row(ws, name, value)
    for start in range(0, len(digests), _DIGESTS_PER_CELL):
        _text_row(ws, "key_digests", "".join(digests[start : start + _DIGESTS_PER_CELL]))


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class WorkbookRow:
    """One data row as read: ``values`` by column id (empty cells left out; for a row with a key
    only the editable columns when the kind says ``keyed_rows_editable_only``). ``formulas``: the
    ids of the cells holding a formula (their value is its text, ``"=..."``, never evaluated)."""

    row: int  # the Excel row number
    key: str  # "" for a row without a key (added in the file)
    values: dict[str, object]
    formulas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class KeyedWorkbook:
    path: Path
    kind: str
    version: int
    export_id: str
    exported_at: dt.datetime  # aware UTC
    meta: dict[str, str]
    columns: frozenset[str]  # the column ids found in the header
    rows: tuple[WorkbookRow, ...]
    key_digests: frozenset[str] = field(default=frozenset(), repr=False)

    def was_exported(self, key: str) -> bool:
        """Whether ``key`` was written into this workbook when it was exported."""
        return key_digest(key) in self.key_digests


def _refuse(path: Path, reason: str) -> FileRefused:
    return FileRefused(f"{path.name} {reason}")


def read_keyed_workbook(path: str | Path, kind: WorkbookKind) -> KeyedWorkbook:
    """Read a workbook written by :func:`write_keyed_workbook` for ``kind`` (and edited since).
    FileRefused, with one sentence, when the file is missing, damaged, protected, not a
    workbook, not of this kind, from a newer version, or without a required column."""
    path = Path(path).expanduser()
    if not path.exists():
        raise _refuse(path, "does not exist.")
    if not path.is_file():
        raise _refuse(path, "is a folder, not an Excel file.")
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise _refuse(path, f"cannot be read: {exc.strerror}.") from exc
    if not magic:
        raise _refuse(path, "is empty (0 bytes).")
    if magic.startswith(OLE_MAGIC):
        raise _refuse(
            path,
            "is password-protected or an old .xls file: save it in Excel as a workbook (.xlsx) "
            "without a password and try again.",
        )
    if not magic.startswith(ZIP_MAGIC):
        raise _refuse(path, f"is not an Excel workbook (.xlsx), so it is not {_a(kind.label)}.")
    try:
        with zipfile.ZipFile(path) as archive, paused_gc():
            return _read(path, archive, kind)
    except FileRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise _refuse(path, "is damaged (incomplete or corrupt); it cannot be read as an Excel workbook.") from exc
    except Exception as exc:  # malformed XML, missing parts, odd values
        raise _refuse(path, f"cannot be read as an Excel workbook: it is damaged or of another kind ({exc}).") from exc


# The two spellings of SpreadsheetML: transitional (what everyone writes) and strict.
_NS_MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_NS_REL_ATTR = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_BUILTIN_DATE_IDS = frozenset({*range(14, 23), *range(27, 37), 45, 46, 47, *range(50, 59)})
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _xml(archive: zipfile.ZipFile, name: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with archive.open(name) as fh:
        return etree.parse(fh, parser).getroot()


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name) of a part."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in archive.NameToInfo:
        return {}
    out = {}
    for rel in _xml(archive, rels_name).iter(f"{{{_NS_PKG}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type", ""), target)
    return out


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Book:
    """The workbook-level parts: sheets, shared strings, which styles are dates, the epoch."""

    def __init__(self, archive: zipfile.ZipFile):
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.archive = archive
        root_rels = _rels(archive, "")
        workbook_part = next(
            (target for kind, target in root_rels.values() if kind.endswith("/officeDocument")),
            "xl/workbook.xml",
        )
        if workbook_part not in archive.NameToInfo:
            raise FileRefused("no workbook part")
        root = _xml(archive, workbook_part)
        self.ns = root.tag[1:].partition("}")[0]
        rels = _rels(archive, workbook_part)
        pr = root.find(f"{{{self.ns}}}workbookPr")
        self.epoch = (
            CALENDAR_MAC_1904
            if pr is not None and pr.get("date1904") in ("1", "true")
            else CALENDAR_WINDOWS_1900
        )
        self.sheets: dict[str, str] = {}  # title -> part
        for sheet in root.iter(f"{{{self.ns}}}sheet"):
            rid = next((sheet.get(f"{{{ns}}}id") for ns in _NS_REL_ATTR if sheet.get(f"{{{ns}}}id")), None)
            if rid in rels:
                self.sheets[sheet.get("name", "")] = rels[rid][1]
        self.shared: list[str] = []
        self.date_styles: frozenset[int] = frozenset()
        for kind, target in rels.values():
            if kind.endswith("/sharedStrings") and target in archive.NameToInfo:
                self.shared = self._shared_strings(target)
            elif kind.endswith("/styles") and target in archive.NameToInfo:
                self.date_styles = self._date_styles(target)

    def _shared_strings(self, part: str) -> list[str]:
        data = self.archive.read(part)
        text = _text_for_scan(data)
        if text is not None:
            return [_string_item(content) for content in _SI_RE.findall(text)]
        import io

        from lxml import etree

        out = []
        for _, si in etree.iterparse(io.BytesIO(data), tag="{*}si", resolve_entities=False, huge_tree=True):
            out.append(_element_string(si))
            si.clear()
        return out

    def _date_styles(self, part: str) -> frozenset[int]:
        from openpyxl.styles.numbers import is_date_format

        root = _xml(self.archive, part)
        ns = self.ns
        custom = {}
        for fmt in root.iter(f"{{{ns}}}numFmt"):
            try:
                custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
            except (TypeError, ValueError):
                continue
        dates = set()
        cell_xfs = root.find(f"{{{ns}}}cellXfs")
        if cell_xfs is not None:
            for index, xf in enumerate(cell_xfs.findall(f"{{{ns}}}xf")):
                try:
                    fmt_id = int(xf.get("numFmtId", "0"))
                except ValueError:
                    continue
                if fmt_id in custom:
                    if is_date_format(custom[fmt_id]):
                        dates.add(index)
                elif fmt_id in _BUILTIN_DATE_IDS:
                    dates.add(index)
        return frozenset(dates)

    def rows(self, title: str, focus: _Focus | None = None) -> Iterator[tuple[int, dict[int, tuple[object, bool]]]]:
        """(row number, {column number: (value, is_formula)}) for every row with a cell.
        ``focus`` (may be set while reading): rows with a key need only some columns; the
        others may be left out of those rows."""
        from openpyxl.utils.datetime import from_excel

        data = self.archive.read(self.sheets[title])
        text = _text_for_scan(data)
        raw = _scan_sheet(text, focus) if text is not None else _scan_sheet_lxml(data)
        shared, date_styles, epoch = self.shared, self.date_styles, self.epoch
        dates: dict[object, object] = {}  # serial number -> datetime: trackers repeat their dates
        for row_number, cells in raw:
            out: dict[int, tuple[object, bool]] = {}
            for col, t, s, v, formula, inline in cells:
                if formula is not None:
                    out[col] = ("=" + formula, True)
                    continue
                if inline is not None:
                    out[col] = (inline, False)
                    continue
                if v is None or v == "":
                    continue
                if t == "n":
                    value: object = float(v) if ("." in v or "e" in v or "E" in v) else int(v)
                    if s is not None and s in date_styles:
                        serial = value
                        value = dates.get(serial)
                        if value is None:
                            try:
                                value = from_excel(serial, epoch)
                            except (OverflowError, ValueError):
                                value = serial  # an impossible date stays a number; the caller says why
                            dates[serial] = value
                elif t == "s":
                    value = shared[int(v)]
                elif t == "b":
                    value = v.strip() in ("1", "true")
                elif t == "d":
                    value = _iso_datetime(v)
                else:  # "str" (a formula's text result), "e" (an error such as #VALUE!)
                    value = v
                out[col] = (value, False)
            if out:
                yield row_number, out


# Scanning a sheet. SpreadsheetML from Excel, LibreOffice, openpyxl and the like is regular
# enough to be scanned with regular expressions, several times faster than building elements
# (20,000 rows: about 0.4 s against 1.5 s with lxml on the same machine). A part with anything
# unusual for a sheet (CDATA, comments, a DOCTYPE, another encoding) goes to lxml instead;
# both give the same raw cells: (column, type, style, <v> text, formula text, inline text).
_P = r"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix
_SHEET_DATA_RE = re.compile(rf"<{_P}sheetData\b[^>]*?(?:/>|>(.*)</{_P}sheetData\s*>)", re.S)
_ROW_RE = re.compile(rf"<{_P}row\b([^>]*?)(?:/>|>(.*?)</{_P}row\s*>)", re.S)
_CELL_RE = re.compile(rf"<{_P}c\b([^>]*?)(?:/>|>(.*?)</{_P}c\s*>)", re.S)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_V_RE = re.compile(rf"<{_P}v\b[^>]*?(?:/>|>(.*?)</{_P}v\s*>)", re.S)
_F_RE = re.compile(rf"<{_P}f\b[^>]*?(?:/>|>(.*?)</{_P}f\s*>)", re.S)
_IS_RE = re.compile(rf"<{_P}is\b[^>]*?(?:/>|>(.*?)</{_P}is\s*>)", re.S)
_SI_RE = re.compile(rf"<{_P}si\b[^>]*?(?:/>|>(.*?)</{_P}si\s*>)", re.S)
_T_RE = re.compile(rf"<{_P}t\b[^>]*?(?:/>|>(.*?)</{_P}t\s*>)", re.S)
_RPH_RE = re.compile(rf"<{_P}rPh\b.*?</{_P}rPh\s*>", re.S)
_ENTITY_RE = re.compile(r"&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_DECLARED_ENCODING = re.compile(r"""^<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)""")


def _entity(match: re.Match) -> str:
    number, hexa, name = match.groups()
    if name:
        return _NAMED[name]
    return chr(int(number) if number else int(hexa, 16))


def _unescape(text: str) -> str:
    return _ENTITY_RE.sub(_entity, text) if "&" in text else text


def _text_for_scan(data: bytes) -> str | None:
    """The part as text for the regular-expression scan, or None when lxml must read it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    declared = _DECLARED_ENCODING.match(text)
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return None
    if "<![CDATA[" in text or "<!--" in text or "<!DOCTYPE" in text:
        return None
    # What an XML parser does to line ends before anything else.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a start tag, by local name."""
    out = {}
    for name, double, single in _ATTR_RE.findall(text):
        out[name.rpartition(":")[2]] = double or single
    return out


def _string_item(content: str | None) -> str:
    """The text of an <is> or <si>'s content: its <t>, or its runs' <t>s, phonetic guides left out."""
    if not content:
        return ""
    if "rPh" in content:
        content = _RPH_RE.sub("", content)
    return "".join(_unescape(t) for t in _T_RE.findall(content))


def _column_of(ref: str, cache: dict[str, int]) -> int:
    letters = ref.rstrip("0123456789")
    col = cache.get(letters)
    if col is None:
        col = cache[letters] = _column_index(letters)
    return col


@dataclass
class _Focus:
    """Which cells a row with a key needs: the key's column and the columns kept."""

    key_column: int | None = None
    keep: frozenset[int] = frozenset()


# The cells as Excel, LibreOffice and openpyxl write them: no prefix, the reference first, then
# the style and type, double quotes. When every cell of the sheet has this form, one findall()
# gives them all as tuples.
_PLAIN_CELL_RE = re.compile(
    r'<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?((?: [\w:]+="[^"]*")*)\s*(?:/>|>(.*?)</c>)', re.S
)


def _scan_sheet(text: str, focus: _Focus | None = None) -> Iterator[tuple[int, list[tuple]]]:
    sheet_data = _SHEET_DATA_RE.search(text)
    if sheet_data is None or not sheet_data.group(1):
        return
    body = sheet_data.group(1)
    plain = _PLAIN_CELL_RE.findall(body)
    if len(plain) == body.count("<c ") and "<c>" not in body and "<c/>" not in body:
        yield from _scan_plain_cells(plain, focus or _Focus())
    else:
        yield from _scan_rows(body)


def _scan_plain_cells(found: list[tuple], focus: _Focus) -> Iterator[tuple[int, list[tuple]]]:
    cache: dict[str, int] = {}
    row_number = None
    cells: list[tuple] = []
    keyed = False
    for letters, digits, s, t, rest, inner in found:
        if digits != row_number:
            if cells:
                yield int(row_number), cells
            row_number, cells, keyed = digits, [], False
        col = cache.get(letters)
        if col is None:
            col = cache[letters] = _column_index(letters)
        if keyed and col not in focus.keep:
            continue
        if rest:  # other attributes, or these in another order
            attrs = _attributes(rest)
            t = t or attrs.get("t", "")
            s = s or attrs.get("s", "")
        t = t or "n"
        s = int(s) if s else None
        v = formula = inline = None
        if inner:
            if inner.startswith("<v>") and inner.endswith("</v>"):
                v = _unescape(inner[3:-4])
            elif t == "inlineStr" and inner.startswith("<is><t>") and inner.endswith("</t></is>") and "<" not in inner[7:-9]:
                inline = _unescape(inner[7:-9])
            else:
                v, formula, inline = _cell_content(t, inner)
        if col == focus.key_column and ((inline or v or "").strip() or formula is not None):
            keyed = True
        cells.append((col, t, s, v, formula, inline))
    if cells:
        yield int(row_number), cells


def _cell_content(t: str, inner: str) -> tuple[str | None, str | None, str | None]:
    """(<v> text, formula text, inline text) of a cell's content."""
    f = _F_RE.search(inner) if "f" in inner else None
    if f is not None:
        return None, _unescape(f.group(1) or ""), None
    if t == "inlineStr":
        found = _IS_RE.search(inner)
        return None, None, (_string_item(found.group(1)) if found is not None else None)
    found = _V_RE.search(inner)
    if found is not None and found.group(1) is not None:
        return _unescape(found.group(1)), None, None
    return None, None, None


def _scan_rows(body: str) -> Iterator[tuple[int, list[tuple]]]:
    """Any well-formed sheetData: prefixes, attributes in any order, cells without reference."""
    cache: dict[str, int] = {}
    row_number = 0
    for row in _ROW_RE.finditer(body):
        attributes, content = row.groups()
        r = _attributes(attributes).get("r") if attributes else None
        row_number = int(r) if r else row_number + 1
        cells = []
        col = 0
        if content:
            for cell in _CELL_RE.finditer(content):
                attrs = _attributes(cell.group(1))
                ref = attrs.get("r")
                col = _column_of(ref, cache) if ref else col + 1
                t = attrs.get("t", "n")
                s = attrs.get("s")
                inner = cell.group(2)
                v, formula, inline = _cell_content(t, inner) if inner else (None, None, None)
                cells.append((col, t, int(s) if s else None, v, formula, inline))
        if cells:
            yield row_number, cells


def _scan_sheet_lxml(data: bytes) -> Iterator[tuple[int, list[tuple]]]:
    """The same raw cells as :func:`_scan_sheet` (rows without a cell left out), with lxml, for
    parts the scan does not take."""
    import io

    from lxml import etree

    cache: dict[str, int] = {}
    row_number = 0
    for _, row_el in etree.iterparse(io.BytesIO(data), tag="{*}row", resolve_entities=False, huge_tree=True):
        r = row_el.get("r")
        row_number = int(r) if r else row_number + 1
        cells = []
        col = 0
        for c in row_el:
            if not isinstance(c.tag, str) or _local(c.tag) != "c":
                continue
            ref = c.get("r")
            col = _column_of(ref, cache) if ref else col + 1
            t = c.get("t", "n")
            s = c.get("s")
            children = {_local(child.tag): child for child in c if isinstance(child.tag, str)}
            v = formula = inline = None
            if "f" in children:
                formula = children["f"].text or ""
            elif t == "inlineStr":
                if "is" in children:
                    inline = _element_string(children["is"])
            elif "v" in children and children["v"].text is not None:
                v = children["v"].text
            cells.append((col, t, int(s) if s else None, v, formula, inline))
        row_el.clear()
        while row_el.getprevious() is not None:
            del row_el.getparent()[0]
        if cells:
            yield row_number, cells


def _element_string(element) -> str:
    """The text of an <is> or <si> element: its <t>, or its runs' <t>s (phonetic guides left out)."""
    parts = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if isinstance(t.tag, str) and _local(t.tag) == "t")
    return "".join(parts)


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index


def _iso_datetime(text: str) -> object:
    try:
        return dt.datetime.fromisoformat(text.strip().rstrip("Z"))
    except ValueError:
        return text


def _header_key(text: object) -> str:
    return " ".join(clean_text(text).split()).casefold()


def _read(path: Path, archive: zipfile.ZipFile, kind: WorkbookKind) -> KeyedWorkbook:
    book = _Book(archive)
    meta = _read_meta(book)
    props = _read_custom_props(archive)
    found_kind = meta.get("kind") or props.get(PROP_KIND, "")
    if not found_kind:
        raise _refuse(
            path,
            f"is not {_a(kind.label)} exported by unnet_desktop (it has no tracker information). "
            f"Import the {kind.label} the app exported, as filled in and sent back.",
        )
    if found_kind != kind.kind:
        other = meta.get("kind_label") or f"workbook of another kind ({found_kind})"
        raise _refuse(path, f"is {_a(other)}, not {_a(kind.label)}.")
    try:
        version = int(meta.get("format_version", "1"))
    except ValueError:
        version = 1
    if version > kind.version:
        raise _refuse(path, f"was written by a newer version of unnet_desktop (format {version}); update the app.")
    export_id = meta.get("export_id") or props.get(PROP_EXPORT_ID, "")
    stamp = meta.get("exported_at") or props.get(PROP_EXPORTED_AT, "")
    try:
        exported_at = dt.datetime.fromisoformat(stamp)
        if exported_at.tzinfo is None:
            raise ValueError
    except ValueError:
        raise _refuse(path, "has lost its export time; export a new tracker.") from None
    if not export_id:
        raise _refuse(path, "has lost its export id; export a new tracker.")

    title = meta.get("data_sheet") or kind.sheet_title
    if title not in book.sheets:
        visible = [t for t in book.sheets if t not in (META_SHEET, INSTRUCTIONS_SHEET)]
        if len(visible) != 1:
            raise _refuse(path, f"has no sheet named {title!r}.")
        title = visible[0]

    by_header: dict[str, str] = {}
    for column in kind.all_columns:
        for text in (column.header, column.id, *column.aliases):
            by_header[_header_key(text)] = column.id

    focus = _Focus()
    rows_iter = book.rows(title, focus)
    position: dict[int, str] = {}
    for row_number, cells in rows_iter:
        for col, (value, _formula) in cells.items():
            column_id = by_header.get(_header_key(value)) if isinstance(value, str) else None
            if column_id is not None and column_id not in position.values():
                position[col] = column_id
        break
    found = frozenset(position.values())
    missing = [c.header for c in kind.all_columns if c.required and c.id not in found]
    if missing:
        names = ", ".join(repr(m) for m in missing)
        raise _refuse(path, f"has lost the column(s) {names} of the {kind.label}; export a new tracker.")

    key_id = kind.key_id
    keyed_ids = {key_id} | {c.id for c in kind.columns if c.editable}
    if kind.keyed_rows_editable_only:
        focus.key_column = next((col for col, cid in position.items() if cid == key_id), None)
        focus.keep = frozenset(col for col, cid in position.items() if cid in keyed_ids)
    rows = []
    for row_number, cells in rows_iter:
        values: dict[str, object] = {}
        formulas = set()
        for col, (value, is_formula) in cells.items():
            column_id = position.get(col)
            if column_id is None:
                continue
            if isinstance(value, str):
                # (XML cannot hold the control characters clean_text() removes.)
                value = value.strip() or None
                if value is None:
                    continue
            values[column_id] = value
            if is_formula:
                formulas.add(column_id)
        if not values:
            continue
        key = values.pop(key_id, None)
        # A formula in the key column stays "=..." and so matches no record: the caller says why.
        key_text = "" if key is None else str(key).strip().lower()
        formulas.discard(key_id)
        if key_text and kind.keyed_rows_editable_only:
            values = {k: v for k, v in values.items() if k in keyed_ids}
            formulas &= keyed_ids
        rows.append(WorkbookRow(row=row_number, key=key_text, values=values, formulas=frozenset(formulas)))

    digests = "".join(v for k, v in meta.items() if k.startswith("key_digests"))
    return KeyedWorkbook(
        path=path,
        kind=found_kind,
        version=version,
        export_id=export_id,
        exported_at=exported_at.astimezone(dt.timezone.utc),
        meta={k: v for k, v in meta.items() if not k.startswith("key_digests")},
        columns=found,
        rows=tuple(rows),
        key_digests=frozenset(digests[i : i + _DIGEST_CHARS] for i in range(0, len(digests), _DIGEST_CHARS)),
    )


def _read_meta(book: _Book) -> dict[str, str]:
    """The _meta sheet's key/value pairs; the key digests (several rows) numbered."""
    if META_SHEET not in book.sheets:
        return {}
    meta: dict[str, str] = {}
    digest_rows = 0
    for _row, cells in book.rows(META_SHEET):
        name, value = cells.get(1, (None, False))[0], cells.get(2, ("", False))[0]
        if not isinstance(name, str):
            continue
        if name == "key_digests":
            name = f"key_digests.{digest_rows:05d}"
            digest_rows += 1
        meta[name] = "" if value is None else str(value)
    return meta


def _read_custom_props(archive: zipfile.ZipFile) -> dict[str, str]:
    name = "docProps/custom.xml"
    if name not in archive.NameToInfo:
        return {}
    out = {}
    for prop in _xml(archive, name):
        if _local(prop.tag) == "property" and len(prop):
            out[prop.get("name", "")] = prop[0].text or ""
    return out


def _a(label: str) -> str:
    """``an action-point tracker``, ``a work-plan tracker``."""
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"


# --------------------------------------------------------------------------- value helpers

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januari"),
            ("feb", "february", "februari", "peb", "pebruari"),
            ("mar", "march", "maret"),
            ("apr", "april"),
            ("may", "mei"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august", "agu", "agt", "agus", "agustus"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november", "nop", "nopember"),
            ("dec", "december", "des", "desember"),
        ),
        1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_WORD_DATE = re.compile(r"(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{4})")


def parse_date(value: object) -> dt.date | None:
    """A date cell's date, or a date typed as text: ``2025-03-31``, ``31/03/2025``
    (day first, as in Indonesia), ``31-03-2025``, ``31.03.2025``, ``31 Mar 2025``,
    ``31 Maret 2025``. None for empty; ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        # A date that lost its date format shows as Excel's day number.
        if 1 <= value < 2_958_466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()
        raise ValueError(value)
    text = str(value).strip()
    match = _NUMERIC_DATE.fullmatch(text)
    if match:
        a, b, c = match.groups()
        if len(a) == 4:
            return dt.date(int(a), int(b), int(c))
        if len(c) == 4:
            return dt.date(int(c), int(b), int(a))
        raise ValueError(text)
    match = _WORD_DATE.fullmatch(text)
    if match and match.group(2).casefold() in _MONTHS:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2).casefold()], int(match.group(1)))
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(text) from None


__all__ = [
    "Column",
    "ExportInfo",
    "Highlight",
    "KeyedWorkbook",
    "WorkbookKind",
    "WorkbookRow",
    "key_digest",
    "parse_date",
    "paused_gc",
    "read_keyed_workbook",
    "write_keyed_workbook",
]
