"""Speed of the annual report: gather a year's figures and write the Word document with its charts.

    python benchmarks/bench_report.py [--meetings 200] [--action-points 2000] [--activities 500] [--repeat 3]
                                      [--fresh 5]

Builds a fresh database in a temporary folder with bulk inserts (SQLAlchemy Core executemany): one
year of N meetings (held; quarterly, ad-hoc, working group; 20 participants each, 5 agenda items
with GCM objectives, decisions on two of them), M action points spread over the meetings (mixed
statuses, due dates), a work plan of K activities over the four results groups (budgets, two
objectives each), 30 policies (some presented at the meetings) and 4 working groups. Then times:

- cold: ``export_report`` as the first thing done in --fresh new processes (python-docx and
  matplotlib imported on the way, as in ``unnet-desktop export report``): best and median;
  beside it, in other new processes taken in turn with those, the import of matplotlib's Figure
  and Agg canvas alone (the floor under the cold figure) and the whole ``unnet-desktop export
  report`` command (Python's start-up, the imports, the database check and the exit included);
- the first ``export_report`` in this process, then warm: best and median of --repeat further runs;
- the parts, warm, --repeat times: ``annual_report`` (SQL), the three charts, the document without its
  charts, saving.

Target (issue 7): the report of a year with 200 meetings, 2,000 action points and 500 activities
written in under 3 s, the first report in a fresh process included.
"""

from __future__ import annotations

import argparse
import os
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
sys.path.insert(0, ROOT)

import sqlalchemy as sa  # noqa: E402

from unnet_desktop.core import models as m  # noqa: E402
from unnet_desktop.core.database import open_database  # noqa: E402
from unnet_desktop.core.enums import (  # noqa: E402
    ActionStatus,
    ActivityStatus,
    Attendance,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    OrganisationCategory,
    PolicyStatus,
    PolicyType,
    Sex,
)
from unnet_desktop.core.timezone import wib  # noqa: E402

YEAR = 2025
NOW = dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
CATEGORIES = list(OrganisationCategory)


def _base() -> dict:
    return {"uuid": str(uuid.uuid4()), "created_at": NOW, "updated_at": NOW}


def _insert(conn, table, rows: list[dict]) -> list[int]:
    """Bulk insert; returns the new ids in order (SQLite hands them out consecutively here)."""
    if not rows:
        return []
    first = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar() + 1
    conn.execute(sa.insert(table), rows)
    return list(range(first, first + len(rows)))


def build(path: Path, meetings: int, action_points: int, activities: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    db = open_database(path)
    t = {name: m.Base.metadata.tables[name] for name in m.Base.metadata.tables}
    with db.engine.begin() as conn:
        objective_ids = [r[0] for r in conn.execute(sa.select(t["gcm_objectives"].c.id).order_by(t["gcm_objectives"].c.number))]
        group_ids = [r[0] for r in conn.execute(sa.select(t["results_groups"].c.id).order_by(t["results_groups"].c.number))]
        orgs = _insert(conn, t["organisations"], [
            {**_base(), "name": f"Organisation {i:03d}", "acronym": f"ORG{i:03d}", "category": CATEGORIES[i % len(CATEGORIES)],
             "network_role": "member" if i < 15 else "none", "notes": "", "archived": False}
            for i in range(60)
        ])  # fmt: skip
        sexes = [Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.NOT_RECORDED]
        people = _insert(conn, t["people"], [
            {**_base(), "title": "Ms" if i % 2 else "Mr", "full_name": f"Person Number {i:04d}", "sex": sexes[i % 5],
             "position": "Programme officer", "organisation_id": orgs[i % len(orgs)], "email": f"p{i}@example.org",
             "phone": "", "notes": "", "archived": False}
            for i in range(400)
        ])  # fmt: skip
        groups = _insert(conn, t["working_groups"], [
            {**_base(), "name": f"Working Group {i}", "short_name": f"WG{i}", "kind": "permanent",
             "purpose": "Coordination on a set of GCM objectives.", "lead_organisation_id": orgs[i],
             "co_lead_organisation_id": orgs[i + 1], "established_on": dt.date(YEAR - 1, 3, 1)}
            for i in range(4)
        ])  # fmt: skip
        kinds = [MeetingKind.QUARTERLY, MeetingKind.AD_HOC, MeetingKind.WORKING_GROUP, MeetingKind.WORKING_GROUP]
        meeting_rows = []
        for i in range(meetings):
            day = dt.date(YEAR, 1, 1) + dt.timedelta(days=int(i * 364 / meetings))
            kind = kinds[i % 4]
            meeting_rows.append({
                **_base(), "reference": f"{YEAR}-M{i + 1:03d}", "title": f"Meeting {i + 1} of the Network on migration issues",
                "kind": kind, "working_group_id": groups[i % 4] if kind is MeetingKind.WORKING_GROUP else None,
                "starts_at": wib(day.year, day.month, day.day, 14), "ends_at": wib(day.year, day.month, day.day, 16),
                "venue": "UN House, Jakarta", "online_link": "", "status": MeetingStatus.HELD,
                "confidentiality": "internal", "minutes_status": MinutesStatus.APPROVED, "ics_sequence": 0,
            })  # fmt: skip
        meeting_ids = _insert(conn, t["meetings"], meeting_rows)
        attendances = [Attendance.PRESENT] * 7 + [Attendance.APOLOGIES, Attendance.ABSENT, Attendance.UNKNOWN]
        participations = []
        for mid in meeting_ids:
            for pid in rnd.sample(people, 20):
                participations.append({**_base(), "meeting_id": mid, "person_id": pid, "role": "member",
                                       "invitation": "accepted", "attendance": rnd.choice(attendances),
                                       "remote": rnd.random() < 0.2})  # fmt: skip
        _insert(conn, t["participations"], participations)
        items = []
        for mid in meeting_ids:
            for pos in range(1, 6):
                items.append({
                    **_base(), "meeting_id": mid, "position": pos, "title": f"Agenda item {pos}: update on the work plan",
                    "discussion": "Members discussed progress and next steps. " * 3,
                    "decisions": "The Network agreed to follow up with the government counterpart." if pos in (2, 4) else "",
                })  # fmt: skip
        item_ids = _insert(conn, t["agenda_items"], items)
        _insert(conn, t["agenda_item_objectives"], [
            {**_base(), "agenda_item_id": iid, "gcm_objective_id": oid}
            for iid in item_ids for oid in rnd.sample(objective_ids, 2)
        ])  # fmt: skip
        statuses = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DONE, ActionStatus.DROPPED]
        _insert(conn, t["action_points"], [
            {**_base(), "meeting_id": meeting_ids[i % len(meeting_ids)],
             "agenda_item_id": item_ids[(i % len(meeting_ids)) * 5 + i % 5],
             "description": f"Share the follow-up note number {i + 1} on fair recruitment with the members.",
             "responsible_organisation_id": orgs[i % len(orgs)], "responsible_person_id": people[i % len(people)],
             "due_date": dt.date(YEAR, 1, 1) + dt.timedelta(days=rnd.randrange(0, 500)),
             "status": rnd.choice(statuses), "completion_note": ""}
            for i in range(action_points)
        ])  # fmt: skip
        plan_id = _insert(conn, t["work_plans"], [{**_base(), "year": YEAR, "title": f"Joint Work Plan {YEAR}",
                                                   "status": "endorsed", "endorsed_on": dt.date(YEAR, 3, 1)}])[0]
        counters = dict.fromkeys(range(4), 0)
        activity_rows = []
        for i in range(activities):
            g = i % 4
            counters[g] += 1
            required = Decimal(rnd.randrange(5_000, 500_000))
            available = (required * Decimal(rnd.choice(["0", "0.5", "0.8", "1"]))).quantize(Decimal("0.01"))
            activity_rows.append({
                **_base(), "work_plan_id": plan_id, "code": f"RG{g + 1}.{counters[g]}",
                "title": f"Activity {i + 1}: support to migrant workers and their families",
                "description": "", "results_group_id": group_ids[g], "lead_agency_id": orgs[i % 15],
                "location": "Jakarta", "start_date": dt.date(YEAR, 1, 1), "end_date": dt.date(YEAR, 12, 31),
                "status": rnd.choice(list(ActivityStatus)), "gender_marker": 2, "gender_marker_note": "",
                "human_rights_marker": 2, "human_rights_marker_note": "",
                "budget_required": required, "budget_available": available,
                "budget_spent": (available * Decimal("0.4")).quantize(Decimal("0.01")), "indicator": "", "baseline": "", "target": "",
                "progress_pct": rnd.randint(0, 100), "progress_note": "On schedule; training delivered in two provinces.",
            })  # fmt: skip
        activity_ids = _insert(conn, t["activities"], activity_rows)
        _insert(conn, t["activity_objectives"], [
            {**_base(), "activity_id": aid, "gcm_objective_id": oid}
            for aid in activity_ids for oid in rnd.sample(objective_ids, 2)
        ])  # fmt: skip
        _insert(conn, t["activity_participating_agencies"], [
            {**_base(), "activity_id": aid, "organisation_id": orgs[(aid + 3) % 15]} for aid in activity_ids
        ])  # fmt: skip
        policy_ids = _insert(conn, t["policies"], [
            {**_base(), "title": f"Regulation on the protection of migrant workers, part {i + 1}",
             "number": f"Regulation No. {i + 1}/{YEAR - i % 5}", "type": PolicyType.MINISTERIAL_REGULATION,
             "issuing_authority": "Ministry of Manpower", "issued_on": dt.date(YEAR - i % 5, 1 + i % 12, 1),
             "status": PolicyStatus.IN_FORCE, "language": "Bahasa Indonesia", "human_rights_based": i % 2 == 0,
             "age_appropriate": i % 3 == 0, "gender_responsive": i % 4 == 0,
             "summary": "Sets out duties of placement companies and local governments. " * 2, "url": "", "file_name": ""}
            for i in range(30)
        ])  # fmt: skip
        _insert(conn, t["policy_objectives"], [
            {**_base(), "policy_id": pid, "gcm_objective_id": oid} for pid in policy_ids for oid in rnd.sample(objective_ids, 3)
        ])  # fmt: skip
        _insert(conn, t["agenda_item_policies"], [
            {**_base(), "agenda_item_id": item_ids[k * 17], "policy_id": policy_ids[k % 30]} for k in range(40)
        ])  # fmt: skip
    db.close()


_COLD = """
import datetime as dt, sys, time
sys.path.insert(0, {root!r})
from unnet_desktop.core.database import open_database
from unnet_desktop.files.annual_report_docx import export_report
db = open_database({db!r})
start, cpu = time.perf_counter(), time.process_time()
export_report(db, {year}, {out!r}, today=dt.date({year} + 1, 1, 15))
print(time.perf_counter() - start, time.process_time() - cpu)
"""
_IMPORT = """
import time
start, cpu = time.perf_counter(), time.process_time()
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
print(time.perf_counter() - start, time.process_time() - cpu)
"""


# The new processes may write bytecode (.pyc) even where $PYTHONDONTWRITEBYTECODE is set, as an
# installed app has its bytecode (the first run writes it).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _fresh(code: str) -> tuple[float, float]:
    """(wall, cpu) seconds printed by ``code`` run in a new Python process."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                          env=_ENV)  # fmt: skip
    wall, cpu = done.stdout.split()[-2:]
    return float(wall), float(cpu)


def _command(db: Path, out: Path) -> float:
    """Wall seconds of the whole ``unnet-desktop export report`` command, in a new process."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "unnet_desktop", "export", "report", str(YEAR), "--db", str(db), "-o",
                    str(out)], capture_output=True, check=True, cwd=ROOT, env=_ENV)  # fmt: skip
    return time.perf_counter() - start


def _line(name: str, walls: list[float], cpus: list[float] | None = None, target: bool = False) -> None:
    cpu = f"{statistics.median(cpus):>8.3f}s" if cpus else " " * 9
    print(f"{name:<48} {min(walls):>8.3f}s {statistics.median(walls):>8.3f}s {cpu}"
          + ("  target < 3.000 s" if target else ""))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--action-points", type=int, default=2000)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fresh", type=int, default=5, help="new processes for the cold figures (0: none)")
    parser.add_argument("--keep", metavar="FILE", help="also copy the last report here")
    args = parser.parse_args()

    from unittest import mock

    from unnet_desktop.files.annual_report_docx import build_document, document, export_report, report_charts
    from unnet_desktop.services.annual_report import annual_report

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "bench.sqlite"
        start = time.perf_counter()
        build(path, args.meetings, args.action_points, args.activities)
        print(f"data: {args.meetings:,} meetings (20 participants, 5 agenda items each), {args.action_points:,} "
              f"action points, {args.activities:,} activities, 30 policies; built in {time.perf_counter() - start:.1f} s; "
              f"database {path.stat().st_size / 1e6:.1f} MB")  # fmt: skip
        out = folder / "report.docx"
        fresh: dict[str, tuple[list[float], list[float]]] = {"cold": ([], []), "import": ([], []), "command": ([], [])}
        for _ in range(args.fresh):  # the three kinds in turn, so that a busy moment does not fall on one kind only
            for kind, (walls, cpus) in fresh.items():
                if kind == "command":
                    walls.append(_command(path, folder / "command.docx"))
                    continue
                code = _COLD.format(root=ROOT, db=str(path), year=YEAR, out=str(out)) if kind == "cold" else _IMPORT
                wall, cpu = _fresh(code)
                walls.append(wall)
                cpus.append(cpu)
        db = open_database(path)
        today = dt.date(YEAR + 1, 1, 15)
        start, cpu = time.perf_counter(), time.process_time()
        result = export_report(db, YEAR, out, today=today)
        first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
        times, cpus = [], []
        for _ in range(args.repeat):
            start, cpu = time.perf_counter(), time.process_time()
            export_report(db, YEAR, out, today=today)
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        parts: dict[str, list[float]] = {}

        def timed(name: str, call):
            start = time.perf_counter()
            value = call()
            parts.setdefault(name, []).append(time.perf_counter() - start)
            return value

        for _ in range(max(1, args.repeat)):
            report = timed("  annual_report (SQL + grouping)", lambda: annual_report(db, YEAR, today=today))
            charts = timed("  the three charts (matplotlib)", lambda: report_charts(report))
            with mock.patch.object(document, "report_charts", lambda _report: charts):
                built = timed("  build_document, the charts already made", lambda: build_document(report))
            timed("  save", lambda: built.save(str(folder / "again.docx")))
        db.close()
        if args.keep:
            Path(args.keep).write_bytes(out.read_bytes())
        print(f"report: {result.meetings:,} meetings, {result.action_points:,} action points "
              f"({len(report.actions.open_lines):,} still open, listed), {result.activities:,} activities, "
              f"{len(report.decisions):,} decisions, {result.policy_updates} policy updates; "
              f"{out.stat().st_size / 1e3:.0f} kB")  # fmt: skip
        print(f"{'step':<48} {'best':>9} {'median':>9} {'cpu':>9}")
        if args.fresh:
            _line(f"export_report, cold: first in a new process (x{args.fresh})", *fresh["cold"], target=True)
            _line("  fresh process: import matplotlib Figure + Agg", *fresh["import"])
            _line("  fresh process: whole `export report` command", fresh["command"][0])
        _line("export_report, first in this process", [first], [first_cpu], target=True)
        _line("export_report, warm", times, cpus, target=True)
        for name, seconds in parts.items():
            _line(name, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
