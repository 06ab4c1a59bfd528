"""Start-up figures (issue 2, point 10).

    python benchmarks/bench_startup.py

- process start to main window shown, on the demo database (target < 1.0 s): the window's
  frame (sidebar, menus, status bar naming the database) painted; and, beside it, start to the
  window ready: the database opened (SQLAlchemy and the models imported) and the dashboard
  filled and painted;
- `unnet-desktop info` on a database of 50,000 people (target < 0.5 s).

Each figure is the median of several runs of a fresh process, measured from outside
(spawn to exit for `info`; spawn to the moments the app reports for the window). The processes
may write bytecode (.pyc) even where $PYTHONDONTWRITEBYTECODE is set, as an installed app has
its bytecode: the warm-up run writes it.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7


def time_process(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_to_window(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Spawn to the moments the app reports its window shown and ready (it then quits by itself)."""
    start = time.time()
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout

    def moment(what: str) -> float:
        line = next(line for line in out.splitlines() if f"window {what} at" in line)
        return float(line.rsplit(" ", 1)[1]) - start

    return moment("shown"), moment("ready")


def make_people_db(path: Path, count: int) -> None:
    import sqlalchemy as sa

    from unnet_desktop.core import models as m
    from unnet_desktop.core.database import open_database
    from unnet_desktop.core.models.base import new_uuid, utcnow

    with open_database(path) as db, db.engine.begin() as conn:
        now = utcnow()
        conn.execute(
            sa.insert(m.Organisation),
            [{"name": f"Organisation {i}", "acronym": f"ORG{i}", "uuid": new_uuid(), "created_at": now,
              "updated_at": now, "notes": "", "archived": False} for i in range(1, 201)],
        )
        conn.execute(
            sa.insert(m.Person),
            [{"full_name": f"Person {i}", "organisation_id": i % 200 + 1, "email": f"p{i}@example.org",
              "uuid": new_uuid(), "created_at": now, "updated_at": now, "title": "", "position": "",
              "phone": "", "notes": "", "archived": False} for i in range(count)],
        )


def main() -> None:
    exe = [sys.executable, "-m", "unnet_desktop"]  # what the unnet-desktop script runs
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, UNNET_DATA_DIR=tmp, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.system()} {platform.release()}")

        window_env = dict(env, UNNET_QUIT_AFTER_SHOWN="1")
        time_process([*exe, "--demo"], window_env)  # builds the demo database, warms the disk cache
        moments = [time_to_window([*exe, "--demo"], window_env) for _ in range(RUNS)]
        for what, times in zip(("shown", "ready"), zip(*moments)):
            target = " (target < 1000 ms)" if what == "shown" else " (database open, dashboard filled)"
            print(f"start to main window {what} (demo database): median {statistics.median(times) * 1000:.0f} ms, "
                  f"min {min(times) * 1000:.0f} ms over {RUNS} runs{target}")

        db = Path(tmp) / "people.sqlite"
        make_people_db(db, 50_000)
        time_process([*exe, "info", "--db", str(db)], env)
        times = [time_process([*exe, "info", "--db", str(db)], env) for _ in range(RUNS)]
        print(f"unnet-desktop info, 50,000 people: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms over {RUNS} runs (target < 500 ms)")


if __name__ == "__main__":
    main()
