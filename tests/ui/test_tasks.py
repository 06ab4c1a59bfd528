"""Background tasks: results come back on the UI thread, progress moves, errors are not lost."""

from __future__ import annotations

import threading

import pytest

from unnet_desktop.core.errors import FileRefused
from unnet_desktop.ui.tasks import run_task


def test_result_comes_back_on_the_ui_thread(qtbot):
    seen = {}
    main_thread = threading.get_ident()

    def work(a, b):
        seen["worker"] = threading.get_ident()
        return a + b

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    task = run_task(None, "Adding…", work, 2, 3, on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == 5
    assert seen["worker"] != main_thread
    assert seen["done_thread"] == main_thread


def test_progress_callback_moves_the_bar(qtbot):
    def work(progress):
        for i in range(1, 4):
            progress(i, 3, f"row {i}")
        return "ok"

    task = run_task(None, "Importing…", work)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == ["ok"]


def test_known_error_is_shown_as_a_message(qtbot, monkeypatch):
    from unnet_desktop.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))

    def work():
        raise FileRefused("Cannot replace tracker.xlsx: it is open in another program.")

    task = run_task(None, "Exporting…", work)
    with qtbot.waitSignal(task.errored, timeout=5000):
        pass
    assert shown == ["Cannot replace tracker.xlsx: it is open in another program."]


def test_unexpected_error_reaches_on_error(qtbot):
    errors = []

    def work():
        raise ZeroDivisionError("boom")

    task = run_task(None, "Working…", work, on_error=errors.append)
    with qtbot.waitSignal(task.errored, timeout=5000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)


def test_unexpected_error_without_handler_is_raised_on_the_ui_thread(qtbot):
    def work():
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        with qtbot.captureExceptions() as exceptions:
            task = run_task(None, "Working…", work)
            with qtbot.waitSignal(task.errored, timeout=5000):
                pass
        if exceptions:
            raise exceptions[0][1]
