"""Keyed workbooks: Excel files sent out for editing and read back, each row keyed by a record's UUID.

Generic: nothing here knows about action points. A :class:`WorkbookKind` describes the data sheet
(a hidden key column, read-only context columns and editable columns with their types), the
Instructions in English and Bahasa Indonesia and an optional highlight rule (conditional
formatting). :func:`write_keyed_workbook` writes such a workbook; :func:`read_keyed_workbook`
reads one back and refuses, with one sentence, any file that is not of the expected kind.

What the workbook carries besides the rows:

* a very hidden ``_meta`` sheet (key/value rows, :func:`meta_rows`): the kind marker, the format
  version, an export id (UUID), the export time (UTC, ISO), the data sheet title and a digest of
  every key written, so that a key that is not in the database any more can be told from a key
  typed in by hand (:meth:`KeyedWorkbook.was_exported`);
* the same kind, export id and time as workbook custom properties (File > Properties in Excel).

Modules:

* ``kinds``: :class:`Column`, :class:`Highlight`, :class:`WorkbookKind`, :class:`ExportInfo`;
* ``meta``: the ``_meta`` sheet and custom properties (:func:`meta_rows`, :func:`key_digest`, reading them back);
* ``writer``: :func:`write_keyed_workbook` (openpyxl write-only builds the workbook; the data rows are
  streamed as XML by ``files.xlsx_stream``);
* ``reader``: :func:`read_keyed_workbook`, :class:`KeyedWorkbook`, :class:`WorkbookRow`;
* ``parts``: the workbook-level parts read back (sheets, shared strings, date styles);
* ``xml_fast``: a sheet's cells scanned with regular expressions, or lxml for anything unusual;
* ``values``: :func:`parse_date` for dates typed in a returned workbook.
"""

from __future__ import annotations

from .kinds import (
    INSTRUCTIONS_SHEET,
    Column,
    ExportInfo,
    Highlight,
    WorkbookKind,
)
from .meta import (
    META_SHEET,
    PROP_EXPORT_ID,
    PROP_EXPORTED_AT,
    PROP_KIND,
    key_digest,
    meta_rows,
    read_custom_props,
    read_meta,
)
from .reader import OLE_MAGIC, ZIP_MAGIC, KeyedWorkbook, WorkbookRow, read_keyed_workbook
from .values import parse_date
from .writer import (
    DATE_FORMAT,
    EDITABLE_FILL,
    EDITABLE_HEADER_FILL,
    READ_ONLY_HEADER_FILL,
    write_keyed_workbook,
)
from .xml_fast import (  # the three ways of scanning a sheet, compared by the tests
    _SHEET_DATA_RE,
    _scan_rows,
    _scan_sheet,
    _scan_sheet_lxml,
    _text_for_scan,
)

__all__ = [
    "Column",
    "ExportInfo",
    "Highlight",
    "KeyedWorkbook",
    "WorkbookKind",
    "WorkbookRow",
    "key_digest",
    "meta_rows",
    "parse_date",
    "read_keyed_workbook",
    "write_keyed_workbook",
]
