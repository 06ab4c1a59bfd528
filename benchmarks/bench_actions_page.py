"""Speed of the Action points page itself (issue 5, point 7): with ACTIONS action points, how
long the page takes to show a filter — from a filter widget changing to the table holding its
first rows, the count written and the side panel updated (``ActionPointsPage.reload``: one
count and one page of 500 rows in SQL, the model reset, the selection kept). A script, not a test:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_actions_page.py [--actions 20000] [--runs 5]

The database is built as in ``bench_actions.py``. Target: under 100 ms per filter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_actions import TODAY, build  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from unnet_desktop.core.enums import ActionStatus  # noqa: E402


def bench_page_filters(db, runs: int) -> None:
    from unnet_desktop.ui.pages.action_points import ActionPointsPage

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = ActionPointsPage(db)
    page.today = TODAY
    page.resize(1000, 760)
    page.show()
    app.processEvents()
    print(f"Page built and shown over {page.model.total:,} action points: {(time.perf_counter() - start) * 1000:.0f} ms")
    filters = page.filters

    def status(*statuses):
        return lambda: filters.set_status(*statuses)

    def combo(widget, index):
        return lambda: widget.setCurrentIndex(index)

    steps = {
        "open or in progress": status(ActionStatus.OPEN, ActionStatus.IN_PROGRESS),
        "done": status(ActionStatus.DONE),
        "any status": status(),
        "one organisation": combo(filters.organisation, 17),
        "overdue (of that org)": lambda: filters.overdue.setChecked(True),
        "overdue, all orgs": combo(filters.organisation, 0),
        "not overdue": lambda: filters.overdue.setChecked(False),
        "one meeting": combo(filters.meeting, 120),
        "all meetings": combo(filters.meeting, 0),
        "one working group": combo(filters.working_group, 3),
        "all working groups": combo(filters.working_group, 0),
        "due within 14 days": lambda: filters.due_within.setValue(14),
        "due any time": lambda: filters.due_within.setValue(filters.NO_DAYS),
        "text 'surabaya'": lambda: (filters.search.setText("surabaya"), filters.apply_search_now()),
        "clear filters": filters.clear,
    }
    # Each step is undone by a later one; the whole round is repeated RUNS times.
    page.view.selectRow(0)
    app.processEvents()
    times: dict[str, list[float]] = {label: [] for label in steps}
    rows: dict[str, int] = {}
    for _ in range(runs):
        for label, step in steps.items():
            start = time.perf_counter()
            step()  # the widget's signal reloads the page synchronously
            app.processEvents()  # and the view lays out its rows
            times[label].append(time.perf_counter() - start)
            rows[label] = page.model.total
    print(f"Filters of the Action points page (widget change to rows shown, median of {runs} runs):")
    medians = []
    for label, values in times.items():
        medians.append(statistics.median(values))
        print(f"  {label:<24} {rows[label]:>6} rows   {medians[-1] * 1000:6.1f} ms")
    print(f"  median {statistics.median(medians) * 1000:.1f} ms, slowest {max(medians) * 1000:.1f} ms   target < 100 ms")
    sort_times = []
    header = page.view.horizontalHeader()
    for column in range(page.model.columnCount()):
        start = time.perf_counter()
        header.setSortIndicator(column, header.sortIndicatorOrder())
        app.processEvents()
        sort_times.append(time.perf_counter() - start)
    print(f"Sorting by a header (each column once): median {statistics.median(sort_times) * 1000:.1f} ms, "
          f"slowest {max(sort_times) * 1000:.1f} ms")
    page.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = build(Path(tmp) / "bench.sqlite", args.actions)
        try:
            bench_page_filters(db, args.runs)
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
