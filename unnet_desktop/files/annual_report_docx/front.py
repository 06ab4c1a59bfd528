"""The header and footer of every page and the title page with the key figures."""

from __future__ import annotations

from ...services.annual_report import AnnualReport
from ...services.meeting_views import long_date
from .. import docx_helpers as h
from .layout import INTERNAL_MARKING, KEY_VALUE_WIDTHS, SECTIONS
from .phrases import (
    _plural,
    actions_phrase,
    activities_phrase,
    attendance_phrase,
    budget_phrase,
    meetings_phrase,
    objectives_phrase,
)
from .writer import _Writer


def _header_and_footer(w: _Writer, report: AnnualReport) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    def build(paragraph) -> None:
        w.style(paragraph, "Marking")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(INTERNAL_MARKING)

    h.add_to_every_header(w.doc, build)
    h.add_page_numbers(w.doc, prefix=f"Annual report {report.year}  ·  ")


def _title_page(w: _Writer, report: AnnualReport) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    w.para(report.network, "Title")
    w.para(f"Annual report {report.year}", "Subtitle")
    w.para("To the United Nations Resident Coordinator and the UN Country Team in Indonesia", bold=True)
    if report.secretariat:
        w.para(f"Prepared by the Network's coordinator and secretariat, {report.secretariat}.")
    w.para(
        f"Period: 1 January to 31 December {report.year}. Figures and statuses as recorded on "
        f"{long_date(report.generated_on)}; dates and times are Western Indonesia Time (WIB)."
    )
    w.para(
        "Under its Terms of Reference (D.4) the Network reports once a year on its main achievements, the "
        "action it took and its progress against the Global Compact for Safe, Orderly and Regular Migration "
        "(GCM). Everything exchanged within the Network is for internal use only unless explicitly agreed "
        "otherwise (D.6)."
    )
    w.heading("Key figures", 2)
    pairs = [("Meetings held", meetings_phrase(report)), ("Attendance", attendance_phrase(report)),
             ("Action points", actions_phrase(report)), ("Work plan", activities_phrase(report))]  # fmt: skip
    if report.budget is not None:
        pairs.append(("Budget", budget_phrase(report)))
    pairs.append(("GCM objectives", objectives_phrase(report)))
    pairs.append(("Policy updates", _plural(len(report.policy_updates), "regulation or policy", "regulations and policies")))
    pairs.append(("Working groups", _plural(len(report.working_groups), "working group") + " active"))
    w.key_values(pairs, KEY_VALUE_WIDTHS)
    w.heading("Contents", 2)
    for number, name in enumerate(SECTIONS, start=1):
        w.para(f"{number}. {name}", "Meta").paragraph_format.space_after = Pt(2)
    w.para().add_run().add_break(WD_BREAK.PAGE)
