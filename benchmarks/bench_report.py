"""Speed of the annual report: gather a year's figures and write the Word document with its charts.

    python benchmarks/bench_report.py [--meetings 200] [--action-points 2000] [--activities 500] [--repeat 3]

Builds a fresh database in a temporary folder with bulk inserts (SQLAlchemy Core executemany): one
year of N meetings (held; quarterly, ad-hoc, working group; 20 participants each, 5 agenda items
with GCM objectives, decisions on two of them), M action points spread over the meetings (mixed
statuses, due dates), a work plan of K activities over the four results groups (budgets, two
objectives each), 30 policies (some presented at the meetings) and 4 working groups. Then times,
in this process:

- cold: the first ``export_report`` (python-docx and matplotlib imported on the way, as in a fresh
  ``unnet-desktop export report`` run);
- warm: best and median of --repeat further runs;
- the parts: ``annual_report`` (SQL), the three charts, building the document, saving it.

Target (issue 7): the report of a year with 200 meetings, 2,000 action points and 500 activities
written in under 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--action-points", type=int, default=2000)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="FILE", help="also copy the last report here")
    args = parser.parse_args()

    from unnet_desktop.files.annual_report_docx import build_document, export_report, report_charts
    from unnet_desktop.services.annual_report import annual_report

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "bench.sqlite"
        start = time.perf_counter()
        build(path, args.meetings, args.action_points, args.activities)
        print(f"data: {args.meetings:,} meetings (20 participants, 5 agenda items each), {args.action_points:,} "
              f"action points, {args.activities:,} activities, 30 policies; built in {time.perf_counter() - start:.1f} s; "
              f"database {path.stat().st_size / 1e6:.1f} MB")  # fmt: skip
        db = open_database(path)
        out = folder / "report.docx"
        today = dt.date(YEAR + 1, 1, 15)
        start, cpu = time.perf_counter(), time.process_time()
        result = export_report(db, YEAR, out, today=today)
        cold, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
        times, cpus = [], []
        for _ in range(args.repeat):
            start, cpu = time.perf_counter(), time.process_time()
            export_report(db, YEAR, out, today=today)
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
        parts = []
        start = time.perf_counter()
        report = annual_report(db, YEAR, today=today)
        parts.append(("  annual_report (SQL + grouping)", time.perf_counter() - start))
        start = time.perf_counter()
        report_charts(report)
        parts.append(("  the three charts (matplotlib)", time.perf_counter() - start))
        start = time.perf_counter()
        document = build_document(report)
        parts.append(("  build_document (charts included)", time.perf_counter() - start))
        start = time.perf_counter()
        document.save(str(folder / "again.docx"))
        parts.append(("  save", time.perf_counter() - start))
        db.close()
        if args.keep:
            Path(args.keep).write_bytes(out.read_bytes())
        print(f"report: {result.meetings:,} meetings, {result.action_points:,} action points "
              f"({len(report.actions.open_lines):,} still open, listed), {result.activities:,} activities, "
              f"{len(report.decisions):,} decisions, {result.policy_updates} policy updates; "
              f"{out.stat().st_size / 1e3:.0f} kB")  # fmt: skip
        print(f"{'step':<44} {'best':>9} {'median':>9} {'cpu':>9}")
        print(f"{'export_report, first run (cold imports)':<44} {cold:>8.3f}s {cold:>8.3f}s {cold_cpu:>8.3f}s"
              "  target < 3.000 s")  # fmt: skip
        print(f"{'export_report, warm':<44} {min(times):>8.3f}s {statistics.median(times):>8.3f}s "
              f"{min(cpus):>8.3f}s  target < 3.000 s")  # fmt: skip
        for name, seconds in parts:
            print(f"{name:<44} {seconds:>8.3f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
