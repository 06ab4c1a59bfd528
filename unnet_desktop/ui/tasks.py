"""Long work (imports, exports, reports) off the UI thread, with a progress dialog.

    run_task(parent, "Exporting the tracker…", export_tracker, db, path, on_done=show_written)

The function runs on Qt's global thread pool (SQLite connections come from SQLAlchemy's pool,
one per thread). If it accepts a ``progress`` keyword it is given a callback
``progress(done, total, text)`` that moves the bar; otherwise the bar is busy. The result comes
back to ``on_done`` on the UI thread; a ``KnownError`` is shown as a message; any other error
goes to ``on_error`` or is raised again on the UI thread (so tests see it).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import KnownError
from . import dialogs


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, signals: _Signals):
        super().__init__()
        self.fn, self.args, self.kwargs, self.signals = fn, args, kwargs, signals

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # handed to the UI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """One background run; keeps itself alive until it reports."""

    finished = Signal(object)  # the result
    errored = Signal(object)  # the exception

    _running: set[Task] = set()

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ):
        super().__init__(parent)
        self._parent_widget = parent
        self._on_done, self._on_error = on_done, on_error
        self.signals = _Signals()
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle("Please wait")
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick work shows no dialog at all
        if "progress" in inspect.signature(fn).parameters:
            kwargs["progress"] = lambda done, total, text="": self.signals.progress.emit(done, total, text)
        self.signals.progress.connect(self._on_progress)
        self.signals.done.connect(self._on_finished)
        self.signals.failed.connect(self._on_failed)
        Task._running.add(self)
        QThreadPool.globalInstance().start(_Runnable(fn, args, kwargs, self.signals))

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()
        Task._running.discard(self)

    def _on_finished(self, result: Any) -> None:
        self._close()
        self.finished.emit(result)
        if self._on_done is not None:
            self._on_done(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._close()
        self.errored.emit(exc)
        if isinstance(exc, KnownError):
            dialogs.show_error(self._parent_widget, "Could not finish", str(exc))
        elif self._on_error is not None:
            self._on_error(exc)
        else:
            raise exc


def run_task(parent: QWidget | None, label: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task:
    return Task(parent, label, fn, *args, **kwargs)
