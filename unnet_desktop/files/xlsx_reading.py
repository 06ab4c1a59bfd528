"""Reading tables out of Excel workbooks that people made by hand (attendance sheets, trackers).

Generic: nothing here knows about contacts. ``read_table(path, columns)`` opens the workbook
(refusing with one sentence a file that is not one, is damaged, encrypted or empty), finds the
header row even below title rows and merged title cells, matches the columns by name
(synonyms in several languages; case, spaces and punctuation ignored) and hands back the data
rows as cleaned text. openpyxl is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import FileRefused

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls are OLE compound files
ZIP_MAGIC = b"PK\x03\x04"
HEADER_SCAN_ROWS = 30

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HEADER_PARTS = re.compile(r"[/|\n]")
_NON_ALNUM = re.compile(r"[\W_]+")


def tidy(text: str) -> str:
    """One line of text: zero-width characters dropped, runs of spaces (non-breaking ones
    too) made one space, trimmed."""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text.strip()  # the common case, without the regular expressions
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def cell_text(value: object) -> str:
    """What a cell holds, as clean text. A formula is its text ("=A1&B1"), never evaluated; a
    number keeps its digits (6281234567890.0 gives '6281234567890', never '6.28E+12'); a date
    is written ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return tidy(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").rstrip(".")
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    text = getattr(value, "text", None)  # openpyxl's ArrayFormula / DataTableFormula
    return tidy(text if isinstance(text, str) else str(value))


def normalise_header(text: str) -> str:
    """A header as a key: case, accents, spaces and punctuation ignored ("No. HP" -> "nohp")."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKD", text.casefold()))


def header_keys(text: str) -> list[str]:
    """The keys a header cell can match, best first: the whole text, the text without its
    parenthesised notes ("Jenis Kelamin (L/P)"), then each half of a bilingual header
    ("Nama / Name")."""
    keys = [normalise_header(text)]
    bare = _PARENTHESES.sub(" ", text)
    keys.append(normalise_header(bare))
    keys.extend(normalise_header(part) for part in _HEADER_PARTS.split(bare))
    seen: list[str] = []
    for key in keys:
        if key and key not in seen:
            seen.append(key)
    return seen


# --------------------------------------------------------------------------- opening


def _refuse(path: Path, reason: str) -> FileRefused:
    return FileRefused(f"{path.name} {reason}")


def open_workbook(path: str | Path):
    """The workbook at ``path`` (read-only, formulas as their text), or FileRefused saying why
    not: missing, empty, password-protected or old .xls, not a workbook, damaged. The caller
    closes it (``wb.close()``)."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.exists():
        raise _refuse(path, "does not exist.")
    if not path.is_file():
        raise _refuse(path, "is a folder, not an Excel file.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(path, f"cannot be read: {exc.strerror}.") from exc
    if not data:
        raise _refuse(path, "is empty (0 bytes).")
    if data.startswith(OLE_MAGIC):
        raise _refuse(
            path,
            "is password-protected or an old .xls file: save it in Excel as a workbook (.xlsx) "
            "without a password and try again.",
        )
    if not data.startswith(ZIP_MAGIC):
        raise _refuse(path, "is not an Excel workbook (.xlsx).")
    try:
        # From memory: no file handle stays open, and any file name extension is accepted.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise _refuse(path, "is damaged (incomplete or corrupt); it cannot be read as an Excel workbook.") from exc
    except Exception as exc:  # openpyxl raises KeyError, ValueError, TypeError, XML errors on odd files
        raise _refuse(path, "cannot be read as an Excel workbook: it is damaged or of another kind.") from exc


def sheet_rows(worksheet) -> Iterator[tuple]:
    """Every row's values from row 1 (missing rows as ()), whatever dimension the file claims."""
    worksheet.reset_dimensions()  # some programs write a wrong <dimension>: read what is there
    yield from worksheet.iter_rows(values_only=True)


# --------------------------------------------------------------------------- finding the table


@dataclass
class Header:
    """Where the header is and which columns hold what (0-based indexes; a field may have
    several columns, e.g. two email columns)."""

    row: int  # 1-based, as Excel shows it
    columns: dict[str, list[int]]
    titles: dict[int, str]  # column index -> header text as written
    ignored: list[str] = field(default_factory=list)  # headers of columns that matched nothing


def _synonym_index(columns: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """normalised synonym -> the fields it can mean, in the order of ``columns``."""
    index: dict[str, list[str]] = {}
    for name, synonyms in columns.items():
        for synonym in (name, *synonyms):
            key = normalise_header(synonym)
            if key and name not in index.setdefault(key, []):
                index[key].append(name)
    return index


def match_header(values: Sequence, columns: Mapping[str, Iterable[str]]) -> Header | None:
    """Which field each cell of a candidate header row means, or None if none matches.

    A header that can mean several fields ("Title": a position, or an honorific when a
    Position column is there too) goes to the first of them that no other cell claims."""
    index = _synonym_index(columns)
    candidates: list[tuple[int, list[str]]] = []
    titles: dict[int, str] = {}
    ignored: list[str] = []
    for col, value in enumerate(values):
        text = cell_text(value)
        if not text:
            continue
        titles[col] = text
        for key in header_keys(text):
            if key in index:
                candidates.append((col, index[key]))
                break
        else:
            ignored.append(text)
    if not candidates:
        return None
    claimed = {fields[0] for _col, fields in candidates if len(fields) == 1}
    result: dict[str, list[int]] = {}
    for col, fields in candidates:
        if len(fields) == 1:
            choice = fields[0]
        else:
            free = [f for f in fields if f not in claimed and f not in result]
            choice = free[0] if free else fields[0]
        result.setdefault(choice, []).append(col)
    ordered = {name: result[name] for name in columns if name in result}
    return Header(row=0, columns=ordered, titles=titles, ignored=ignored)


@dataclass
class Table:
    """A table found in a workbook: its sheet, header, and data rows (row number, raw values)."""

    path: Path
    sheet: str
    header: Header
    rows: list[tuple[int, tuple]]

    def __post_init__(self) -> None:
        self._fields = list(self.header.columns.items())

    def record(self, values: tuple) -> dict[str, str]:
        """The cleaned text of each field in a row ('' when empty); several columns of the
        same field are joined with '; '."""
        out: dict[str, str] = {}
        width = len(values)
        for name, cols in self._fields:
            if len(cols) == 1:
                out[name] = cell_text(values[cols[0]]) if cols[0] < width else ""
            else:
                out[name] = "; ".join(t for t in (cell_text(values[c]) for c in cols if c < width) if t)
        return out

    def is_blank(self, values: tuple) -> bool:
        """True when no recognised column holds anything (a numbered but empty line counts)."""
        return not any(self.record(values).values())


def read_table(
    path: str | Path,
    columns: Mapping[str, Iterable[str]],
    *,
    required: Sequence[str],
    hint: str = "",
    scan_rows: int = HEADER_SCAN_ROWS,
) -> Table:
    """The first sheet (the active one first) with a header row in its first ``scan_rows``
    rows that has one of the ``required`` fields (``hint`` names them for the message, e.g.
    "a name column (Name or Nama)"); among candidate rows of a sheet, the one
    that matches the most fields. FileRefused when the workbook cannot be read, holds nothing,
    has no such header, or nothing below it."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        sheets = list(wb.worksheets)
        active = wb.active
        if active in sheets:
            sheets.remove(active)
            sheets.insert(0, active)
        anything = False
        for ws in sheets:
            rows = list(enumerate(sheet_rows(ws), start=1))
            if any(cell_text(v) for _n, values in rows for v in values):
                anything = True
            best: Header | None = None
            for number, values in rows[:scan_rows]:
                header = match_header(values, columns)
                if header is None or not any(r in header.columns for r in required):
                    continue
                if best is None or len(header.columns) > len(best.columns):
                    header.row = number
                    best = header
            if best is not None:
                data = [(n, tuple(v)) for n, v in rows if n > best.row]
                table = Table(path=path, sheet=ws.title, header=best, rows=data)
                if not any(not table.is_blank(values) for _n, values in data):
                    raise _refuse(path, f"has a header on sheet '{ws.title}' (row {best.row}) but no rows below it.")
                return table
    except FileRefused:
        raise
    except Exception as exc:  # damaged sheet XML shows only while reading the rows
        raise _refuse(path, "cannot be read as an Excel workbook: it is damaged or of another kind.") from exc
    finally:
        wb.close()
    if not anything:
        raise _refuse(path, "is empty: no sheet holds any data.")
    wanted = hint or "a " + " or ".join(f"'{r}'" for r in required) + " column"
    raise _refuse(path, f"has no header row with {wanted} in the first {scan_rows} rows of any sheet.")
