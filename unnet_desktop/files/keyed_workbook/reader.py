"""Reading a keyed workbook back: :func:`read_keyed_workbook`.

Refuses, with one sentence, any file that is not of the expected kind (missing, damaged,
protected, not a workbook, another kind, a newer format, a lost column). Understands shared and
inline strings, numbers, booleans, dates by number format (1900 and 1904 systems), ISO dates,
and formulas, which are reported with their text and never evaluated.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ...core.errors import FileRefused
from ...core.gc_pause import paused_gc
from ..safety import clean_text
from .kinds import INSTRUCTIONS_SHEET, WorkbookKind
from .meta import (
    _DIGEST_CHARS,
    META_SHEET,
    PROP_EXPORT_ID,
    PROP_EXPORTED_AT,
    PROP_KIND,
    key_digest,
    read_custom_props,
    read_meta,
)
from .parts import _Book
from .xml_fast import _Focus

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls
ZIP_MAGIC = b"PK\x03\x04"


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


def _header_key(text: object) -> str:
    return " ".join(clean_text(text).split()).casefold()


def _read(path: Path, archive: zipfile.ZipFile, kind: WorkbookKind) -> KeyedWorkbook:
    book = _Book(archive)
    meta = read_meta(book)
    props = read_custom_props(archive)
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


def _a(label: str) -> str:
    """``an action-point tracker``, ``a work-plan tracker``."""
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label}"
