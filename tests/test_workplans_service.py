"""Work plans: plan rules, activity rules, codes, totals and funding gaps, the overview,
copy to next year and GCM coverage, against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from unnet_desktop.core import models as m
from unnet_desktop.core.enums import ActivityStatus, WorkPlanStatus
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.services import workplans as wp
from unnet_desktop.services.coverage import gcm_coverage

D = Decimal


@pytest.fixture
def orgs(db):
    """Organisation ids by acronym."""
    with db.session() as s:
        items = [
            m.Organisation(name="International Organization for Migration", acronym="IOM"),
            m.Organisation(name="International Labour Organization", acronym="ILO"),
            m.Organisation(name="UN Women", acronym="UN Women"),
            m.Organisation(name="United Nations Children's Fund", acronym="UNICEF"),
            m.Organisation(name="Migrant Care"),
        ]
        s.add_all(items)
        s.flush()
        return {o.acronym or o.name: o.id for o in items}


@pytest.fixture
def plan(db):
    return wp.create_work_plan(db, 2025)


def new(db, year=2025, **fields) -> wp.ActivityData:
    fields.setdefault("title", "An activity")
    return wp.create_activity(db, year, wp.ActivityData(**fields))


# --------------------------------------------------------------------------- plans


def test_create_plan_defaults_and_one_plan_per_year(db):
    info = wp.create_work_plan(db, 2025)
    assert (info.year, info.status, info.endorsed_on, info.activity_count) == (2025, WorkPlanStatus.DRAFT, None, 0)
    assert info.title == "UN Network on Migration in Indonesia: work plan 2025"
    with pytest.raises(ValidationError, match=r"^There is already a work plan for 2025\.$"):
        wp.create_work_plan(db, 2025, "Another")
    with pytest.raises(ValidationError, match="between 2000 and 2100"):
        wp.create_work_plan(db, 1999)
    wp.create_work_plan(db, 2024, "  Plan   2024 ")
    assert [(p.year, p.title) for p in wp.list_work_plans(db)] == [
        (2025, "UN Network on Migration in Indonesia: work plan 2025"),
        (2024, "Plan 2024"),
    ]
    assert wp.get_work_plan(db, 2030) is None


def test_endorsing_needs_a_date_not_in_the_future_and_activities(db, plan):
    today = dt.date(2025, 2, 20)
    with pytest.raises(ValidationError, match=r"^The 2025 work plan has no activities; add them before endorsing it\.$"):
        wp.set_plan_status(db, 2025, WorkPlanStatus.ENDORSED, dt.date(2025, 2, 12), today=today)
    new(db)
    with pytest.raises(ValidationError, match=r"^Endorsing the 2025 work plan needs the date it was endorsed\.$"):
        wp.set_plan_status(db, 2025, "endorsed", today=today)
    with pytest.raises(ValidationError, match=r"^The endorsement date 21 Feb 2025 is in the future\.$"):
        wp.set_plan_status(db, 2025, "Endorsed", dt.date(2025, 2, 21), today=today)
    info = wp.set_plan_status(db, 2025, "Endorsed", dt.date(2025, 2, 12), today=today)
    assert (info.status, info.endorsed_on) == (WorkPlanStatus.ENDORSED, dt.date(2025, 2, 12))
    assert info.summary == "Endorsed on 12 Feb 2025 · 1 activity"
    info = wp.set_plan_status(db, 2025, WorkPlanStatus.DRAFT, dt.date(2025, 2, 12), today=today)
    assert (info.status, info.endorsed_on, info.summary) == (WorkPlanStatus.DRAFT, None, "Draft · 1 activity")
    with pytest.raises(ValidationError, match="no work plan for 2026"):
        wp.set_plan_status(db, 2026, "draft")


def test_delete_plan_takes_its_activities(db, plan):
    new(db)
    new(db)
    assert wp.delete_work_plan(db, 2025) == 2
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Activity)) == 0


# --------------------------------------------------------------------------- codes


def test_code_is_proposed_per_results_group(db, plan):
    assert wp.propose_code(db, 2025, 1) == "RG1.1"
    assert new(db, results_group=1).code == "RG1.1"
    assert new(db, results_group=1).code == "RG1.2"
    assert new(db, results_group=2).code == "RG2.1"
    assert new(db, results_group=1, code="RG1.7").code == "RG1.7"
    assert wp.propose_code(db, 2025, 1) == "RG1.8"
    assert wp.propose_code(db, 2025, 2) == "RG2.2"
    assert wp.propose_code(db, 2025, 3) == "RG3.1"
    # Codes of other groups and free-form codes do not disturb the numbering.
    new(db, results_group=1, code="RG11.40")
    new(db, results_group=1, code="Special-1")
    assert wp.propose_code(db, 2025, 1) == "RG1.8"


def test_code_is_editable_and_unique_in_the_plan(db, plan):
    first = new(db, title="Data on returnees")
    second = new(db)
    with pytest.raises(
        ValidationError,
        match=r"^The code RG1.1 is already used in the 2025 work plan \(by 'Data on returnees'\); choose another\.$",
    ):
        wp.update_activity(db, second.id, code="rg1.1")
    with pytest.raises(ValidationError, match="already used"):
        new(db, code=" RG1.1 ")
    assert wp.update_activity(db, first.id, code=" RG1.9 ").code == "RG1.9"
    assert wp.update_activity(db, second.id, code="RG1.1").code == "RG1.1"
    # Another year's plan may use the same code.
    wp.create_work_plan(db, 2026)
    assert new(db, year=2026, code="RG1.1").code == "RG1.1"
    with pytest.raises(ValidationError, match="too long"):
        wp.update_activity(db, first.id, code="RG1." + "9" * 20)


# --------------------------------------------------------------------------- activity rules


def test_activity_round_trip_with_links(db, plan, orgs):
    saved = new(
        db,
        title="  Safe migration   information in NTB ",
        results_group=3,
        lead_agency_id=orgs["IOM"],
        participating_agency_ids=(orgs["ILO"], orgs["IOM"], orgs["ILO"], orgs["UN Women"]),
        implementing_partner_ids=(orgs["Migrant Care"],),
        objectives=(7, 3, 3),
        location="NTB, NTT",
        start_date=dt.date(2025, 1, 15),
        end_date=dt.date(2025, 12, 15),
        status="On track",
        progress_pct="40%",
        gender_marker=2,
        gender_marker_note="Targets women migrant workers. Data are disaggregated by sex.",
        budget_required="USD 120,000.50",
        budget_available=80000,
        budget_spent=12345.67,
    )
    got = wp.get_activity(db, saved.id)
    assert got.title == "Safe migration information in NTB"
    assert (got.code, got.results_group, got.year) == ("RG3.1", 3, 2025)
    assert got.lead_agency_id == orgs["IOM"]
    assert sorted(got.participating_agency_ids) == sorted([orgs["ILO"], orgs["UN Women"]])  # lead left out
    assert got.implementing_partner_ids == (orgs["Migrant Care"],)
    assert got.objectives == (3, 7)
    assert (got.status, got.progress_pct) == (ActivityStatus.ON_TRACK, 40)
    assert (got.budget_required, got.budget_available, got.budget_spent) == (D("120000.50"), D("80000.00"), D("12345.67"))
    assert got.funding_gap == D("40000.50")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, r"^The title of the activity is missing\.$"),
        (
            {"start_date": dt.date(2025, 6, 1), "end_date": dt.date(2025, 5, 31)},
            r"^The end date 31 May 2025 is before the start date 01 Jun 2025\.$",
        ),
        ({"progress_pct": 101}, r"^Progress % must be a whole number from 0 to 100, not '101'\.$"),
        ({"progress_pct": 50.5}, r"^Progress % must be a whole number from 0 to 100, not '50.5'\.$"),
        ({"gender_marker": 4}, r"^The gender equality marker must be a whole number from 0 to 3, not '4'\.$"),
        ({"human_rights_marker": "high"}, r"^The human rights marker must be a whole number from 0 to 3, not 'high'\.$"),
        (
            {"gender_marker": 2, "gender_marker_note": "One. Two. Three. Four."},
            r"^The gender equality marker justification has 4 sentences; a marker justification has at most 3\.$",
        ),
        (
            {"human_rights_marker_note": "Rights-based."},
            r"^The human rights marker justification needs a marker \(0-3\)\.$",
        ),
        ({"budget_required": -1}, r"^The budget required cannot be negative \(-1\)\.$"),
        ({"budget_available": "12.345"}, r"^The budget available cannot have fractions of a cent \(12.345\)\.$"),
        (
            {"budget_spent": "lots"},
            r"^The budget spent must be an amount in US dollars such as 12500 or 12500.50, not 'lots'\.$",
        ),
        ({"status": "finished"}, r"^'finished' is not a status; use one of: Not started, On track, Delayed, "),
        ({"objectives": (24,)}, r"^There is no GCM objective 24; the objectives are numbered 1 to 23\.$"),
        ({"results_group": 9}, r"^There is no results group 9\.$"),
        ({"lead_agency_id": 999}, r"^The lead agency #999 is not in the contact directory\.$"),
    ],
)
def test_activity_rules(db, plan, fields, message):
    with pytest.raises(ValidationError, match=message):
        new(db, **fields)
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Activity)) == 0


def test_justification_of_three_sentences_is_accepted(db, plan):
    note = "Targets women migrant workers, e.g. domestic workers. Data are disaggregated by sex. 5.5 million reached!"
    assert wp.count_sentences(note) == 3
    assert new(db, gender_marker=3, gender_marker_note=note).gender_marker_note == note


def test_statuses_in_bahasa_indonesia(db, plan):
    assert wp.parse_status("Selesai") is ActivityStatus.COMPLETED
    assert wp.parse_status(" belum   DIMULAI ") is ActivityStatus.NOT_STARTED
    assert wp.parse_status("Terlambat") is ActivityStatus.DELAYED
    assert wp.parse_status("dibatalkan") is ActivityStatus.CANCELLED
    assert wp.parse_status("on_track") is ActivityStatus.ON_TRACK


def test_saving_the_same_values_keeps_updated_at_and_links_bump_it(db, plan, orgs):
    saved = new(db, lead_agency_id=orgs["IOM"], participating_agency_ids=(orgs["ILO"], orgs["UN Women"]))
    again = wp.update_activity(db, saved.id, participating_agency_ids=(orgs["UN Women"], orgs["ILO"]))
    assert again.updated_at == saved.updated_at
    again = wp.update_activity(db, saved.id, wp.get_activity(db, saved.id))
    assert again.updated_at == saved.updated_at
    linked = wp.update_activity(db, saved.id, objectives=(1,))
    assert linked.updated_at > saved.updated_at
    with pytest.raises(TypeError):
        wp.update_activity(db, saved.id, colour="red")


def test_delete_activity(db, plan):
    saved = new(db)
    wp.delete_activity(db, saved.id)
    with pytest.raises(ValidationError, match=rf"^Activity #{saved.id} does not exist"):
        wp.get_activity(db, saved.id)


# --------------------------------------------------------------------------- totals


@pytest.fixture
def budgeted(db, plan, orgs):
    """Five activities with known figures."""
    new(db, results_group=1, lead_agency_id=orgs["IOM"], budget_required=100_000, budget_available=60_000, budget_spent=20_000)
    new(db, results_group=1, lead_agency_id=orgs["ILO"], budget_required="50000.50", budget_available=70_000, budget_spent="70000")
    new(db, results_group=1, lead_agency_id=orgs["IOM"])  # no figures yet
    new(db, results_group=2, lead_agency_id=orgs["IOM"], budget_required=25_000.25, budget_available=25_000.25)
    new(db, results_group=4, budget_available=1_000)  # no lead, nothing required: over-funded


def test_totals_and_funding_gaps(db, budgeted):
    totals = wp.plan_totals(db, 2025)
    rows = [(t.key, t.activities, t.required, t.available, t.spent, t.funding_gap, t.without_required) for t in totals.by_results_group]
    assert rows == [
        (1, 3, D("150000.50"), D("130000.00"), D("90000.00"), D("20000.50"), 1),
        (2, 1, D("25000.25"), D("25000.25"), D("0.00"), D("0.00"), 0),
        (3, 0, D("0.00"), D("0.00"), D("0.00"), D("0.00"), 0),
        (4, 1, D("0.00"), D("1000.00"), D("0.00"), D("-1000.00"), 1),
    ]
    assert [t.label for t in totals.by_results_group][0] == "RG1 Inclusive Human Development"
    leads = [(t.label, t.activities, t.required, t.available, t.funding_gap) for t in totals.by_lead_agency]
    assert leads == [
        ("ILO", 1, D("50000.50"), D("70000.00"), D("-19999.50")),  # negative gap shown as it is
        ("IOM", 3, D("125000.25"), D("85000.25"), D("40000.00")),
        ("No lead agency", 1, D("0.00"), D("1000.00"), D("-1000.00")),
    ]
    g = totals.grand
    assert (g.activities, g.required, g.available, g.spent, g.funding_gap) == (
        5,
        D("175000.75"),
        D("156000.25"),
        D("90000.00"),
        D("19000.50"),
    )


def test_totals_follow_edits(db, budgeted):
    first = wp.plan_overview(db, 2025).groups[0].activities[0]
    wp.update_activity(db, first.id, budget_available=100_000)
    assert wp.plan_totals(db, 2025).by_results_group[0].funding_gap == D("-19999.50")
    assert wp.plan_totals(db, 2025).grand.funding_gap == D("-20999.50")


def test_overview_groups_in_code_order(db, plan, orgs, budgeted):
    for n in (10, 2, 9):
        new(db, results_group=2, code=f"RG2.{n}0")
    overview = wp.plan_overview(db, 2025)
    assert overview.activity_count == 8
    assert [g.number for g in overview.groups] == [1, 2, 3, 4]
    assert [a.code for a in overview.groups[1].activities] == ["RG2.1", "RG2.20", "RG2.90", "RG2.100"]
    first = overview.groups[0].activities[0]
    assert (first.code, first.lead_agency, first.funding_gap, first.status_label) == (
        "RG1.1",
        "IOM",
        D("40000.00"),
        "Not started",
    )
    lines = overview.lines()
    assert [(line.kind, line.label) for line in lines[:6]] == [
        ("group", "RG1 Inclusive Human Development"),
        ("activity", "RG1.1"),
        ("activity", "RG1.2"),
        ("activity", "RG1.3"),
        ("subtotal", "Subtotal RG1"),
        ("group", "RG2 Economic Transformation"),
    ]
    assert lines[4].value("funding_gap") == D("20000.50")
    assert lines[4].value("title") == "Subtotal RG1"
    assert lines[-1].kind == "total" and lines[-1].value("budget_spent") == D("90000.00")
    assert [line.kind for line in overview.lines(include_empty_groups=False)].count("group") == 3
    keys = [key for key, _header in wp.OVERVIEW_COLUMNS]
    assert all(lines[1].value(k) is not None or k in ("location", "participating_text") for k in keys)


# --------------------------------------------------------------------------- copy to next year


def test_copy_to_next_year_carries_unfinished_activities(db, plan, orgs):
    kept = new(
        db,
        title="Pre-departure orientation",
        results_group=2,
        code="RG2.5",
        lead_agency_id=orgs["ILO"],
        participating_agency_ids=(orgs["IOM"],),
        implementing_partner_ids=(orgs["Migrant Care"],),
        objectives=(3, 6),
        status="Delayed",
        progress_pct=60,
        progress_note="Training postponed to March.",
        indicator="Workers oriented",
        baseline="0",
        target="500",
        gender_marker=2,
        gender_marker_note="Sessions for women workers.",
        budget_required=10_000,
        budget_available=5_000,
        budget_spent=4_000,
        start_date=dt.date(2025, 3, 1),
        end_date=dt.date(2026, 6, 30),
    )
    new(db, title="Not started yet", results_group=1)
    new(db, title="Done", status=ActivityStatus.COMPLETED)
    new(db, title="Dropped", status=ActivityStatus.CANCELLED)

    result = wp.copy_to_next_year(db, 2025)
    assert (result.from_year, result.to_year, result.copied, result.left_behind) == (2025, 2026, 2, 2)
    assert result.plan.title == "UN Network on Migration in Indonesia: work plan 2026"
    assert result.plan.status is WorkPlanStatus.DRAFT
    rows = wp.plan_overview(db, 2026)
    assert [(a.code, a.title) for g in rows.groups for a in g.activities] == [
        ("RG1.1", "Not started yet"),
        ("RG2.5", "Pre-departure orientation"),
    ]
    copy = wp.get_activity(db, rows.groups[1].activities[0].id)
    assert copy.uuid != kept.uuid
    assert (copy.lead_agency_id, copy.participating_agency_ids, copy.implementing_partner_ids) == (
        orgs["ILO"],
        (orgs["IOM"],),
        (orgs["Migrant Care"],),
    )
    assert copy.objectives == (3, 6)
    assert (copy.status, copy.progress_pct, copy.progress_note) == (ActivityStatus.DELAYED, 60, "")
    assert (copy.indicator, copy.baseline, copy.target) == ("Workers oriented", "0", "500")
    assert (copy.gender_marker, copy.gender_marker_note) == (2, "Sessions for women workers.")
    assert (copy.budget_required, copy.budget_available, copy.budget_spent) == (None, None, None)
    assert (copy.start_date, copy.end_date) == (dt.date(2025, 3, 1), dt.date(2026, 6, 30))
    # The 2025 plan is as it was.
    assert wp.get_activity(db, kept.id).progress_note == "Training postponed to March."
    assert wp.get_work_plan(db, 2025).activity_count == 4
    # Once only.
    with pytest.raises(ValidationError, match=r"^There is already a work plan for 2026; nothing was copied\.$"):
        wp.copy_to_next_year(db, 2025)
    with pytest.raises(ValidationError, match=r"^There is no work plan for 2030\.$"):
        wp.copy_to_next_year(db, 2030)


# --------------------------------------------------------------------------- GCM coverage


def test_gcm_coverage(db, plan, orgs):
    new(db, lead_agency_id=orgs["IOM"], participating_agency_ids=(orgs["ILO"],), objectives=(1, 6))
    new(db, lead_agency_id=orgs["ILO"], participating_agency_ids=(orgs["IOM"], orgs["UN Women"]), objectives=(6,))
    new(db, lead_agency_id=orgs["UNICEF"], objectives=(6, 7), status="Completed")
    new(db, objectives=(23,))  # no agency at all
    new(db, lead_agency_id=orgs["UNICEF"], objectives=(10,), status="Cancelled")
    coverage = gcm_coverage(db, 2025)
    counts = {o.number: (o.activities, o.agencies) for o in coverage.objectives if o.covered}
    assert counts == {1: (1, 2), 6: (3, 4), 7: (1, 1), 23: (1, 0)}
    assert coverage.objectives[5].agency_names == ("ILO", "IOM", "UN Women", "UNICEF")
    assert len(coverage.objectives) == 23 and coverage.activities == 4
    assert [o.number for o in coverage.uncovered] == [n for n in range(1, 24) if n not in (1, 6, 7, 23)]
    assert coverage.summary.startswith("4 of 23 GCM objectives addressed; none address 2, 3, 4, 5, 8, 9, 10, ")
    with_cancelled = gcm_coverage(db, 2025, include_cancelled=True)
    assert with_cancelled.objectives[9].activities == 1 and with_cancelled.activities == 5
    with pytest.raises(ValidationError, match="no work plan for 2024"):
        gcm_coverage(db, 2024)
