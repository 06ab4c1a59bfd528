"""Writing a file the user asked for, the same way on every page: ask where (the folder remembered
per page), write in the background (``tasks.run_task``: progress, a refusal shown as a message),
then offer to open the file in the system's program.

    export_with_progress(self, "Export the 2026 work plan", folder / "Work plan 2026.xlsx", XLSX_FILTER,
                         export_workplan, db, 2026, label="Writing…", question=lambda result, path: "…")

The writer is called as ``fn(*args, path, **kwargs)``. ``dialogs`` and ``desktop`` are used through
their modules so that tests patching ``dialogs.ask_save_path``, ``dialogs.confirm`` and
``desktop.open_with_system`` see every call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from . import desktop, dialogs
from .settings import app_settings
from .tasks import Task, run_task

#: What is said when no program opens the written file (``{name}``: its file name).
NOT_OPENED = "No program on this computer opens {name}."


def written_to(what: str, path: Path) -> str:
    """The usual offer: ``{what} was written to <path>. Open it now?``"""
    return f"{what} was written to\n{path}\n\nOpen it now?"


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def last_folder(key: str, fallback: Callable[[], Path] = documents_folder) -> Path:
    """The folder last written to or read from under the setting ``key``, else ``fallback()``."""
    folder = app_settings().value(key)
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return Path(folder)
    return fallback()


def remember_folder(key: str, path: Path) -> None:
    """Remember the folder of ``path`` under the setting ``key``."""
    app_settings().setValue(key, str(path.parent))


def choose_save_path(
    parent: QWidget, title: str, suggested: Path, name_filter: str, *, folder_key: str | None = None
) -> Path | None:
    """Where to write (None: cancelled). The suggested name's suffix is added when the name typed lacks
    it; with ``folder_key`` the folder is remembered."""
    path = dialogs.ask_save_path(parent, title, suggested, name_filter)
    if path is None:
        return None
    suffix = Path(suggested).suffix.lower()
    if suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if folder_key is not None:
        remember_folder(folder_key, path)
    return path


def offer_to_open(
    parent: QWidget,
    title: str,
    question: str,
    path: Path,
    *,
    not_opened_title: str | None = None,
    not_opened: str = NOT_OPENED,
    not_opened_error: bool = False,
) -> None:
    """Ask ``question`` (Yes by default); on Yes open ``path`` in the system's program, and say so when
    none could (a warning, or an error with ``not_opened_error``)."""
    if dialogs.confirm(parent, title, question, default_yes=True) and not desktop.open_with_system(path):
        show = dialogs.show_error if not_opened_error else dialogs.show_warning
        show(parent, not_opened_title or title, not_opened.format(name=path.name))


def write_then_offer(
    parent: QWidget,
    path: Path,
    label: str,
    fn: Callable[..., Any],
    *args: Any,
    title: str,
    question: Callable[[Any, Path], str],
    on_written: Callable[[Any, Path], None] | None = None,
    not_opened_title: str | None = None,
    not_opened: str = NOT_OPENED,
    not_opened_error: bool = False,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, path, **kwargs)`` in the background; when it is done, ``on_written(result, path)``
    and the offer to open ``path`` (``question(result, path)``). Other ``kwargs`` go to ``run_task``."""

    def done(result: Any) -> None:
        if on_written is not None:
            on_written(result, path)
        offer_to_open(
            parent,
            title,
            question(result, path),
            path,
            not_opened_title=not_opened_title,
            not_opened=not_opened,
            not_opened_error=not_opened_error,
        )

    return run_task(parent, label, fn, *args, path, on_done=done, **kwargs)


def export_with_progress(
    parent: QWidget,
    title: str,
    suggested: Path,
    name_filter: str,
    fn: Callable[..., Any],
    *args: Any,
    label: str | Callable[[Path], str],
    question: Callable[[Any, Path], str],
    done_title: str | None = None,
    folder_key: str | None = None,
    **kwargs: Any,
) -> Task | None:
    """Ask where (``title``, ``suggested``), write there in the background (``label``, or
    ``label(path)``), then offer to open the file (``done_title``, default ``title``). None when the
    user cancels. The other keywords are those of ``write_then_offer``."""
    path = choose_save_path(parent, title, suggested, name_filter, folder_key=folder_key)
    if path is None:
        return None
    text = label(path) if callable(label) else label
    return write_then_offer(
        parent, path, text, fn, *args, title=done_title or title, question=question, **kwargs
    )


__all__ = [
    "NOT_OPENED",
    "choose_save_path",
    "documents_folder",
    "export_with_progress",
    "last_folder",
    "offer_to_open",
    "remember_folder",
    "write_then_offer",
    "written_to",
]
