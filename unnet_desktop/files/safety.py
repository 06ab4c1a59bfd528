"""What every file writer shares: atomic writes, text cleaning, formula-proof Excel cells."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import FileRefused

# XML 1.0 forbids these; python-docx raises ValueError and openpyxl IllegalCharacterError on them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_CELL_LIMIT = 32_767
FORMULA_PREFIXES = ("=", "+", "-", "@")
# mkstemp makes files readable by their owner only; a written export gets the ordinary mode.
# (Read once, at import, while no other thread can be changing it.)
_UMASK = os.umask(0)
os.umask(_UMASK)


def clean_text(value: object) -> str:
    """Text that Word and Excel can hold: control characters dropped, ``None`` as ''."""
    if value is None:
        return ""
    return _ILLEGAL_XML.sub("", str(value))


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one rename.

    A target that is open in another program (Excel, Word keep a lock on Windows) or in a
    read-only folder gives ``FileRefused`` with a clear message, and the old file stays as it was.
    """
    target = Path(target).expanduser().absolute()
    if not target.parent.is_dir():
        raise FileRefused(f"Cannot write {target}: the folder {target.parent} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise FileRefused(f"Cannot write in {target.parent}: {exc.strerror}.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_UMASK)
            os.replace(tmp, target)
        except PermissionError as exc:
            raise FileRefused(
                f"Cannot replace {target}: it is open in another program or read-only. "
                "Close it and try again."
            ) from exc
        except OSError as exc:
            raise FileRefused(f"Cannot write {target}: {exc.strerror}.") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def set_text_cell(cell, value: object) -> None:
    """Put text in an openpyxl cell as text, never as a formula, control characters cleaned,
    cut to Excel's limit (with a visible marker rather than silently)."""
    text = clean_text(value)
    if len(text) > EXCEL_CELL_LIMIT:
        marker = " [...cut: too long for Excel]"
        text = text[: EXCEL_CELL_LIMIT - len(marker)] + marker
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
