"""The very hidden ``_meta`` sheet and the custom properties: what marks a keyed workbook.

The ``_meta`` sheet holds key/value rows: the kind marker, the format version, an export id
(UUID), the export time (UTC, ISO), the data sheet title, the row count, the app version, any
extra pairs of the caller, and a digest of every key written (several keys per cell, under
Excel's cell limit), so that a key that is not in the database any more can be told from a key
typed in by hand. :func:`meta_rows` gives those rows (for any writer of such a workbook);
:func:`read_meta` and :func:`read_custom_props` read them back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from collections.abc import Mapping, Sequence

from ... import __version__
from .kinds import WorkbookKind
from .parts import _Book, _xml
from .xml_fast import _local

META_SHEET = "_meta"
#: Workbook custom property names (File > Properties > Custom in Excel).
PROP_KIND = "unnet_desktop kind"
PROP_EXPORT_ID = "unnet_desktop export id"
PROP_EXPORTED_AT = "unnet_desktop exported at"

_DIGEST_CHARS = 12  # per key in the _meta digest list
_DIGESTS_PER_CELL = 2_500  # 30,000 characters: under Excel's 32,767 per cell


def key_digest(key: str) -> str:
    return hashlib.blake2b(key.strip().lower().encode(), digest_size=_DIGEST_CHARS // 2).hexdigest()


def meta_rows(
    kind: WorkbookKind,
    export_id: str,
    exported_at: dt.datetime,
    count: int,
    digests: Sequence[str],
    meta: Mapping[str, str] | None = None,
    *,
    data_sheet: str | None = None,
) -> list[tuple[str, str]]:
    """The (name, value) rows of the ``_meta`` sheet, in order: the marker of ``kind``, the
    export, ``meta`` (extra pairs) and the key digests (:func:`key_digest` of each key written).
    ``data_sheet``: the data sheet's title when it is not ``kind.sheet_title``."""
    pairs = [
        ("kind", kind.kind),
        ("kind_label", kind.label),
        ("format_version", str(kind.version)),
        ("export_id", export_id),
        ("exported_at", exported_at.isoformat()),
        ("data_sheet", kind.sheet_title if data_sheet is None else data_sheet),
        ("rows", str(count)),
        ("app_version", __version__),
        *((str(k), str(v)) for k, v in (meta or {}).items()),
    ]
    for start in range(0, len(digests), _DIGESTS_PER_CELL):
        pairs.append(("key_digests", "".join(digests[start : start + _DIGESTS_PER_CELL])))
    return pairs


def read_meta(book: _Book) -> dict[str, str]:
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


def read_custom_props(archive: zipfile.ZipFile) -> dict[str, str]:
    name = "docProps/custom.xml"
    if name not in archive.NameToInfo:
        return {}
    out = {}
    for prop in _xml(archive, name):
        if _local(prop.tag) == "property" and len(prop):
            out[prop.get("name", "")] = prop[0].text or ""
    return out
