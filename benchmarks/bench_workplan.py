"""Speed of the work plan: open the overview, export the workbook, import an edited one.

    python benchmarks/bench_workplan.py [--activities 1000] [--repeat 5]

Builds a fresh database in a temporary folder with one plan of N activities spread over the
four results groups (each with a lead, two participating agencies, a partner, two GCM
objectives, budgets and marker justifications), then times (best and median of --repeat runs):
- overview: ``plan_overview(db, year)`` (the query and the grouping the Work plans page does);
- totals: ``plan_totals`` alone;
- coverage: ``gcm_coverage``;
- export: ``export_workplan`` to an .xlsx file;
- import: reading and checking an edited workbook (every 10th row changed) and applying it.
Targets (issue 6): the overview under 300 ms, the export under 1 s, for 1,000 activities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from unnet_desktop.core import models as m  # noqa: E402
from unnet_desktop.core.database import open_database  # noqa: E402
from unnet_desktop.core.enums import ActivityStatus  # noqa: E402

YEAR = 2025
AGENCIES = [
    ("International Organization for Migration", "IOM"),
    ("International Labour Organization", "ILO"),
    ("UN Women", "UN Women"),
    ("United Nations Children's Fund", "UNICEF"),
    ("United Nations Development Programme", "UNDP"),
    ("UN Office on Drugs and Crime", "UNODC"),
    ("UN High Commissioner for Refugees", "UNHCR"),
    ("World Health Organization", "WHO"),
    ("UN Population Fund", "UNFPA"),
    ("Office of the High Commissioner for Human Rights", "OHCHR"),
]
PARTNERS = [f"Partner organisation {i}" for i in range(1, 31)]
PROVINCES = ["Jakarta", "West Java", "East Java", "NTB", "NTT", "North Sumatra", "Riau Islands", "Central Java"]


def build(path: Path, n: int, seed: int = 6) -> None:
    rnd = random.Random(seed)
    db = open_database(path)
    with db.session() as s:
        agencies = [m.Organisation(name=name, acronym=acr) for name, acr in AGENCIES]
        partners = [m.Organisation(name=name) for name in PARTNERS]
        s.add_all(agencies + partners)
        objectives = list(s.scalars(m.GcmObjective.__table__.select().with_only_columns(m.GcmObjective.id)))
        groups = list(s.scalars(m.ResultsGroup.__table__.select().with_only_columns(m.ResultsGroup.id)))
        plan = m.WorkPlan(year=YEAR, title=f"UN Network on Migration in Indonesia: work plan {YEAR}")
        s.add(plan)
        s.flush()
        objective_rows = {o.id: o for o in s.query(m.GcmObjective)}
        counters = dict.fromkeys(range(1, 5), 0)
        statuses = list(ActivityStatus)
        for i in range(n):
            g = i % 4 + 1
            counters[g] += 1
            required = Decimal(rnd.randrange(5_000, 500_000))
            available = (required * Decimal(rnd.choice([0, 0.25, 0.5, 0.8, 1, 1.2]))).quantize(Decimal("0.01"))
            lead = agencies[rnd.randrange(len(agencies))]
            others = [a for a in rnd.sample(agencies, 3) if a is not lead][:2]
            a = m.Activity(
                work_plan=plan,
                code=f"RG{g}.{counters[g]}",
                title=f"Activity {i + 1}: support to migrant workers and their families, phase {i % 7 + 1}",
                description="Capacity building for local authorities on the protection of migrant workers. " * 2,
                results_group_id=groups[g - 1],
                lead_agency=lead,
                location=", ".join(rnd.sample(PROVINCES, 2)),
                start_date=dt.date(YEAR, rnd.randint(1, 6), 1),
                end_date=dt.date(YEAR, rnd.randint(7, 12), 28),
                status=rnd.choice(statuses),
                gender_marker=rnd.randint(0, 3),
                gender_marker_note="Targets women migrant workers. Data are disaggregated by sex.",
                human_rights_marker=rnd.randint(0, 3),
                human_rights_marker_note="Applies a rights-based approach.",
                budget_required=required,
                budget_available=available,
                budget_spent=(available * Decimal("0.4")).quantize(Decimal("0.01")),
                indicator="Number of officials trained",
                baseline="0",
                target="120",
                progress_pct=rnd.randint(0, 100),
                progress_note="On schedule.",
            )
            a.participating_agencies = others
            a.implementing_partners = [partners[rnd.randrange(len(partners))]]
            a.objectives = [objective_rows[o] for o in rnd.sample(objectives, 2)]
            s.add(a)
    db.close()


def timed(fn, repeat: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def edit_workbook(source: Path, target: Path) -> int:
    """Change progress % and the spent figure on every 10th activity row; returns rows changed."""
    from openpyxl import load_workbook

    from unnet_desktop.files.workplan_xlsx import COLUMNS, FIRST_DATA_ROW, sheet_title

    wb = load_workbook(source)
    ws = wb[sheet_title(YEAR)]
    col = {c.key: i for i, c in enumerate(COLUMNS, 1)}
    changed = seen = 0
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        key = ws.cell(r, 1).value
        if not key or str(key).startswith("#"):
            continue
        seen += 1
        if seen % 10 == 0:
            ws.cell(r, col["progress_pct"]).value = (ws.cell(r, col["progress_pct"]).value + 1) % 101
            spent = ws.cell(r, col["budget_spent"]).value or 0
            ws.cell(r, col["budget_spent"]).value = round(float(spent) + 1000.5, 2)
            changed += 1
    wb.save(target)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from unnet_desktop.files.workplan_xlsx import export_workplan
    from unnet_desktop.services.coverage import gcm_coverage
    from unnet_desktop.services.workplans import plan_overview, plan_totals

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = folder / "bench.sqlite"
        start = time.perf_counter()
        build(path, args.activities)
        print(f"data: 1 plan, {args.activities:,} activities (2 GCM objectives, 2 participating agencies and "
              f"1 partner each), {len(AGENCIES) + len(PARTNERS)} organisations; built in "
              f"{time.perf_counter() - start:.1f} s; database {path.stat().st_size / 1e6:.1f} MB")
        db = open_database(path)
        results = []
        best, med, overview = timed(lambda: plan_overview(db, YEAR), args.repeat)
        results.append(("overview (query + grouping)", best, med, "target < 0.300 s"))
        best, med, _ = timed(lambda: plan_totals(db, YEAR), args.repeat)
        results.append(("totals only", best, med, ""))
        best, med, _ = timed(lambda: gcm_coverage(db, YEAR), args.repeat)
        results.append(("GCM coverage", best, med, ""))
        out = folder / "plan.xlsx"
        best, med, _ = timed(lambda: export_workplan(db, YEAR, out), args.repeat)
        results.append(("export .xlsx", best, med, "target < 1.000 s"))
        size = out.stat().st_size
        try:
            from unnet_desktop.files.workplan_xlsx_import import apply_workplan_import, plan_workplan_import
        except ImportError:
            plan_workplan_import = None
        if plan_workplan_import is not None:
            edited = folder / "edited.xlsx"
            changed = edit_workbook(out, edited)
            best, med, plan = timed(lambda: plan_workplan_import(db, edited), args.repeat)
            results.append((f"import: read + check ({changed} rows changed)", best, med, ""))
            start = time.perf_counter()
            applied = apply_workplan_import(db, plan)
            results.append(("import: apply", time.perf_counter() - start, time.perf_counter() - start,
                            f"{applied.updated} activities changed"))
            best, med, _ = timed(lambda: plan_workplan_import(db, edited), args.repeat)
            results.append(("re-import of the same file (no change)", best, med, ""))
        db.close()
        print(f"overview rows: {overview.activity_count:,}; workbook {size / 1e3:.0f} kB")
        print(f"{'step':<46} {'best':>9} {'median':>9}")
        for name, best, med, note in results:
            print(f"{name:<46} {best:>8.3f}s {med:>8.3f}s  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
