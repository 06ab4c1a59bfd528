"""Handing files to the system: open a written file in its default program, a mail draft in
the mail program. Goes through one function so tests can patch it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_with_system(path: Path) -> bool:
    """Open ``path`` in the program the system associates with it; False if none could."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).absolute())))
