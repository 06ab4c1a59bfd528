"""The seven sections of the report, in order (``SECTIONS``)."""

from __future__ import annotations

from ...core.enums import ActionStatus, ActivityStatus, Sex
from ...services.annual_report import AnnualReport, money
from ...services.meeting_views import long_date
from .figures import Chart
from .layout import (
    ACTION_FIGURE_WIDTHS,
    ACTIVITY_WIDTHS,
    GROUP_TOTAL_WIDTHS,
    KEY_VALUE_WIDTHS,
    MEETING_WIDTHS,
    OBJECTIVE_WIDTHS,
    OPEN_ACTION_WIDTHS,
    SECTIONS,
    SEX_WORDS,
    SHARE_WIDTHS,
    TOTAL_FILL,
)
from .phrases import (
    _day,
    _list_and,
    _pct,
    _plural,
    _times,
    activities_phrase,
    attendance_phrase,
    budget_phrase,
    meetings_phrase,
)
from .writer import _Writer


def _meetings(w: _Writer, report: AnnualReport, charts: dict[str, Chart], figure: list[int]) -> None:
    w.heading(f"1. {SECTIONS[0]}")
    if not report.meetings:
        w.para(f"No meeting was held in {report.year}.")
    else:
        remote = report.participation.remote
        w.para(
            f"In {report.year} the Network held {meetings_phrase(report)}, with {attendance_phrase(report)}"
            + ("; one attendance was remote." if remote == 1 else f"; {remote:,} of the attendances were remote." if remote
               else ".")  # fmt: skip
        )
        right = (2, 3, 4, 5, 6, 7)
        headers = ("Date (WIB)", "Meeting", "Invited", "Present", "Women", "Men", "Other / n.r.", "Remote")
        table = w.table(headers, MEETING_WIDTHS, right=right)
        totals = [0] * 6

        def lines():
            for m in report.meetings:
                a = m.attendance
                figures = [
                    a.invited,
                    a.present,
                    a.present_by_sex.get(Sex.FEMALE, 0),
                    a.present_by_sex.get(Sex.MALE, 0),
                    a.present_by_sex.get(Sex.OTHER, 0) + a.present_by_sex.get(Sex.NOT_RECORDED, 0),
                    a.remote,
                ]
                totals[:] = [t + f for t, f in zip(totals, figures)]
                yield [(_day(m.date_wib), _times(m)), (f"{m.reference} · {m.kind.label}", m.title),
                       *(f"{n:,}" for n in figures)]  # fmt: skip

        w.rows(table, lines(), notes=(0, 1), right=right)
        w.row(table, ["Total", _plural(len(report.meetings), "meeting"), *(f"{t:,}" for t in totals)],
              bold=True, fill=TOTAL_FILL, right=right)  # fmt: skip
        w.note("Invited: everyone on the meeting's list of participants. Present: attendance marked present. "
               "Other / n.r.: sex other or not recorded.")  # fmt: skip
    if report.not_held:
        items = [f"{m.reference} ({_day(m.date_wib)}, {m.status.label.lower()})" for m in report.not_held]
        w.para(f"Also in the {report.year} calendar but not recorded as held: {'; '.join(items)}.")
    if not report.meetings:
        return
    p = report.participation
    right = (1, 2, 3)
    w.heading("Participation by sex", 2)
    table = w.table(("Sex", "Attendances", "Share", "People"), SHARE_WIDTHS, right=right)
    w.rows(table, ([SEX_WORDS[sex], f"{p.by_sex[sex]:,}", _pct(p.by_sex[sex], p.attendances), f"{p.people_by_sex[sex]:,}"]
                   for sex in Sex if p.by_sex[sex] or sex in (Sex.FEMALE, Sex.MALE)), right=right)  # fmt: skip
    w.row(table, ["Total", f"{p.attendances:,}", "100%" if p.attendances else "–", f"{p.people:,}"],
          bold=True, fill=TOTAL_FILL, right=right)  # fmt: skip
    w.note("People: each person counted once, however many meetings they attended.")
    w.heading("Participation by organisation category", 2)
    table = w.table(("Organisation category", "Attendances", "Share", "Organisations"), SHARE_WIDTHS, right=right)
    w.rows(table, ([category.label if category is not None else "No organisation", f"{n:,}", _pct(n, p.attendances),
                    f"{p.organisations_by_category.get(category, 0):,}"] for category, n in p.by_category.items()),
           right=right)  # fmt: skip
    w.row(table, ["Total", f"{p.attendances:,}", "100%" if p.attendances else "–", f"{p.organisations:,}"],
          bold=True, fill=TOTAL_FILL, right=right)  # fmt: skip
    w.note("Organisations: each organisation counted once.")
    figure[0] += 1
    w.picture(charts["attendance"], figure[0])


def _decisions(w: _Writer, report: AnnualReport) -> None:
    w.heading(f"2. {SECTIONS[1]}")
    if not report.decisions:
        w.para("No decision was recorded in the minutes of the meetings held.")
        return
    w.para("The decisions recorded in the minutes, meeting by meeting.")
    current = None
    for d in report.decisions:
        if d.meeting_id != current:
            current = d.meeting_id
            w.heading(f"{d.reference} · {long_date(d.date_wib)}", 3)
        w.para(f"{d.item_position}. {d.item_title}", "Meta", bold=True, keep_with_next=True)
        w.text_block(d.decisions, "Decision")
        w.spacer()


def _actions(w: _Writer, report: AnnualReport) -> None:
    w.heading(f"3. {SECTIONS[2]}")
    a = report.actions
    if not a.raised:
        w.para(f"No action point was raised at the {report.year} meetings.")
        return
    w.para(f"Action points raised at the {report.year} meetings, with their status on {long_date(report.generated_on)}.")
    headers = ("Raised", "Done", "In progress", "Open", "Dropped", "Overdue")
    table = w.table(headers, ACTION_FIGURE_WIDTHS, right=range(6))
    w.rows(table, [[f"{a.raised:,}", f"{a.done:,}", f"{a.by_status[ActionStatus.IN_PROGRESS]:,}",
                    f"{a.by_status[ActionStatus.OPEN]:,}", f"{a.by_status[ActionStatus.DROPPED]:,}", f"{a.overdue:,}"]],
           right=range(6))  # fmt: skip
    w.note("Overdue: open or in progress, with a due date already past.")
    w.heading("Action points still open", 2)
    if not a.open_lines:
        w.para("Every action point raised in the year is done or dropped.")
        return
    table = w.table(("Meeting", "Action", "Responsible", "Due", "Status"), OPEN_ACTION_WIDTHS)
    w.rows(table, ([line.reference, line.description, line.responsible, _day(line.due_date),
                    line.status.label + (", overdue" if line.overdue else "")] for line in a.open_lines))  # fmt: skip


def _work_plan(w: _Writer, report: AnnualReport, charts: dict[str, Chart], figure: list[int]) -> None:
    w.heading(f"4. {SECTIONS[3]}")
    plan = report.plan
    if plan is None:
        w.para(f"There is no work plan for {report.year}.")
        return
    info = plan.plan
    state = f"endorsed on {_day(info.endorsed_on)}" if info.endorsed_on and info.status_label == "Endorsed" else "draft"
    shown = "" if state.split()[0] in info.title.lower() else f" ({state})"
    w.para(f"{info.title}{shown}: {activities_phrase(report)}.")
    w.para(f"Budget in US dollars: {budget_phrase(report)}.")
    w.heading("By results group", 2)
    headers = ("Results group", "Activities", "Completed", "Required", "Available", "Spent", "Funding gap")
    right = (1, 2, 3, 4, 5, 6)
    table = w.table(headers, GROUP_TOTAL_WIDTHS, right=right)
    completed = [sum(1 for a in group.activities if a.status is ActivityStatus.COMPLETED) for group in plan.groups]
    completed_total = sum(completed)
    w.rows(table, ([group.display, f"{group.totals.activities:,}", f"{done:,}", money(group.totals.required),
                    money(group.totals.available), money(group.totals.spent), money(group.totals.funding_gap)]
                   for group, done in zip(plan.groups, completed)), right=right)  # fmt: skip
    g = plan.totals.grand
    w.row(table, ["Total", f"{g.activities:,}", f"{completed_total:,}", money(g.required), money(g.available),
                  money(g.spent), money(g.funding_gap)], bold=True, fill=TOTAL_FILL, right=right)  # fmt: skip
    w.note("US dollars, rounded to the dollar. Funding gap: required minus available.")
    figure[0] += 1
    w.picture(charts["activities"], figure[0])
    headers = ("Code", "Activity", "Lead", "Status", "Progress", "Required", "Available", "Spent")
    right = (4, 5, 6, 7)
    for group in plan.groups:
        w.heading(group.display, 2)
        if not group.activities:
            w.para("No activity in this results group.")
            continue
        table = w.table(headers, ACTIVITY_WIDTHS, right=right)
        w.rows(
            table,
            ([a.code, (a.title, a.progress_note), a.lead_agency, a.status.label, f"{a.progress_pct}%",
              money(a.budget_required), money(a.budget_available), money(a.budget_spent)] for a in group.activities),
            notes=(1,), right=right,
        )  # fmt: skip


def _objectives(w: _Writer, report: AnnualReport, charts: dict[str, Chart], figure: list[int]) -> None:
    w.heading(f"5. {SECTIONS[4]}")
    if report.coverage is not None:
        w.para(f"Work plan {report.year}: {report.coverage.summary}")
    w.para(
        f"In all, {report.objectives_addressed} of the {len(report.objectives)} GCM objectives were addressed in "
        f"{report.year} by a work plan activity, a meeting held or a policy update. Cancelled activities are left "
        "out; a meeting counts under the objectives of its agenda items."
    )
    if report.policies_on_every_objective:
        general = report.policies_on_every_objective
        names = _list_and([u.policy.display for u in general])
        verb = "addresses every objective and is" if len(general) == 1 else "address every objective and are"
        w.para(f"{names} {verb} not repeated in the table.")
    table = w.table(("GCM objective", "Work plan activities", "Meetings", "Policy updates"), OBJECTIVE_WIDTHS)
    w.rows(table, ([o.display, ", ".join(o.activities) or "–", ", ".join(o.meetings) or "–", "; ".join(o.policies) or "–"]
                   for o in report.objectives))  # fmt: skip
    w.spacer()
    figure[0] += 1
    w.picture(charts["coverage"], figure[0])


def _policies(w: _Writer, report: AnnualReport) -> None:
    from docx.shared import Pt

    w.heading(f"6. {SECTIONS[5]}")
    if not report.policy_updates:
        w.para(f"No regulation or policy was presented at a meeting or issued in {report.year}.")
        return
    w.para(
        f"Human rights-based, age-appropriate and gender-responsive regulations and policies shared with the "
        f"members in {report.year} (Terms of Reference B.3): those presented at a meeting held in the year and "
        "those issued in the year."
    )
    for u in report.policy_updates:
        p = u.policy
        w.heading(p.display, 3)
        meta = [p.type_label, p.status_label]
        if p.issued_on:
            meta.append(f"issued {_day(p.issued_on)}" + (f" by {p.issuing_authority}" if p.issuing_authority else ""))
        elif p.issuing_authority:
            meta.append(p.issuing_authority)
        w.para(" · ".join(meta), "Meta", italic=True)
        if p.tags_text:
            w.labelled("Tags: ", p.tags_text)
        if p.objectives:
            w.labelled("GCM objectives: ", p.objectives_text)
        if u.presented_at:
            w.labelled("Presented at: ", "; ".join(f"{ref} ({_day(day)}), {title}" for ref, day, title in u.presented_at))
        if u.issued_in_year:
            w.labelled("Issued in the year: ", _day(p.issued_on))
        if p.url:
            w.labelled("Link: ", p.url)
        if p.summary:
            w.para(p.summary).paragraph_format.space_before = Pt(3)


def _working_groups(w: _Writer, report: AnnualReport) -> None:
    w.heading(f"7. {SECTIONS[6]}")
    if not report.working_groups:
        w.para(f"No working group was active in {report.year}.")
        return
    w.para("Working groups on specific GCM objectives (Terms of Reference D.5) active in the year.")
    for g in report.working_groups:
        w.heading(f"{g.name} ({g.short_name})", 2)
        leads = " with ".join(x for x in (g.lead, g.co_lead) if x)
        pairs = [("Kind", g.kind_label)]
        if leads:
            pairs.append(("Lead and co-lead" if g.co_lead else "Lead", leads))
        if g.objectives:
            pairs.append(("GCM objectives", ", ".join(str(n) for n in g.objectives)))
        pairs.append(("Members", f"{g.members:,}"))
        if g.established_on:
            pairs.append(("Established", _day(g.established_on)))
        if g.closed_on:
            pairs.append(("Closed", _day(g.closed_on)))
        held = "; ".join(f"{m.reference} ({_day(m.date_wib)}, {m.attendance.present} present)" for m in g.meetings)
        pairs.append((f"Meetings in {report.year}", held or "None"))
        pairs.append(("Action points", f"{g.action_points_raised:,} raised, {g.action_points_open:,} still open"))
        w.key_values(pairs, KEY_VALUE_WIDTHS)
