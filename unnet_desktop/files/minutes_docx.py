"""The minutes of a meeting as a Word document (issue 4, point 5).

Written on the Word template of the settings (``services.preferences.word_template()``) so that an
office's letterhead is used; "For internal use only" in the header of every page unless the
meeting is public; DRAFT until approved, "Approved on <date>" after; page numbers in the footer.
python-docx is imported only when a document is written.
"""

from __future__ import annotations

import os
from itertools import groupby
from pathlib import Path

from .. import NETWORK_NAME
from ..core.enums import Attendance, MeetingStatus, MinutesStatus, ParticipantRole
from ..services.meeting_views import MeetingDetail, ParticipantRow, long_date, long_when
from . import docx_helpers as h

INTERNAL_MARKING = "For internal use only"
DRAFT_MARKING = "DRAFT"
# Column widths (cm) for an A4 page with 2.5 + 2.0 cm margins (16.5 cm of text).
ACTION_WIDTHS = (1.0, 6.6, 3.9, 2.6, 2.4)
DETAIL_WIDTHS = (4.0, 12.5)
PARTICIPANT_WIDTHS = (6.0, 10.5)


def marking_text(detail: MeetingDetail) -> str:
    """What the header of every page says: ``For internal use only · DRAFT``, either part alone, or ''."""
    parts = []
    if detail.internal:
        parts.append(INTERNAL_MARKING)
    if detail.minutes_status is not MinutesStatus.APPROVED:
        parts.append(DRAFT_MARKING)
    return "  ·  ".join(parts)


def status_line(detail: MeetingDetail) -> str:
    """The line under the title."""
    if detail.minutes_status is MinutesStatus.APPROVED and detail.approved_on is not None:
        return f"Approved on {long_date(detail.approved_on)}"
    if detail.minutes_status is MinutesStatus.CIRCULATED:
        return "DRAFT circulated for comments: not yet approved"
    return "DRAFT: not yet approved"


def default_filename(detail: MeetingDetail) -> str:
    """``Minutes 2025-Q2.docx`` (characters that no file system accepts replaced)."""
    safe = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in detail.reference).strip(" .")
    return f"Minutes {safe or detail.id}.docx"


def _ensure_styles(doc) -> None:
    h.ensure_paragraph_style(doc, "Marking", base="Header", bold=True, size_pt=9, color="C00000")
    h.ensure_paragraph_style(doc, "Meta", base="Normal", size_pt=10, space_after_pt=0)
    h.ensure_paragraph_style(
        doc, "Decision Heading", base="Normal", bold=True, size_pt=10, color="2E74B5", space_before_pt=6,
        space_after_pt=0, left_indent_cm=0.3, keep_with_next=True, fill="EEF3F8", border_color="2E74B5",
    )  # fmt: skip
    h.ensure_paragraph_style(
        doc, "Decision", base="Normal", space_after_pt=0, left_indent_cm=0.3, fill="EEF3F8", border_color="2E74B5"
    )


def _write_header_and_footer(doc, detail: MeetingDetail) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    marking = marking_text(detail)
    if marking:

        def build(paragraph) -> None:
            h.set_style(paragraph, doc, "Marking")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(marking)

        h.add_to_every_header(doc, build)
    h.add_page_numbers(doc, prefix=f"Minutes {detail.reference}  ·  ")


def _title_block(doc, detail: MeetingDetail) -> None:
    h.add_paragraph(doc, NETWORK_NAME, h.style_or(doc, "Title"))
    h.add_paragraph(doc, f"Minutes: {detail.kind.label} {detail.reference}", h.style_or(doc, "Subtitle"))
    default_title = f"{detail.kind.label} {detail.reference}"
    if detail.title and detail.title != default_title:
        h.add_paragraph(doc, detail.title, bold=True)
    from docx.shared import RGBColor

    run = doc.add_paragraph().add_run(status_line(detail))
    run.bold = True
    if detail.minutes_status is not MinutesStatus.APPROVED:
        run.font.color.rgb = RGBColor.from_string("C00000")

    pairs: list[tuple[str, str]] = [("Date and time", long_when(detail.starts_at, detail.ends_at))]
    if detail.status is MeetingStatus.CANCELLED:
        pairs.append(("Status", "Cancelled"))
    if detail.venue:
        pairs.append(("Venue", detail.venue))
    if detail.online_link:
        pairs.append(("Online", detail.online_link))
    if not detail.venue and not detail.online_link:
        pairs.append(("Venue", "To be confirmed"))
    if detail.working_group:
        pairs.append(("Working group", detail.working_group))
    pairs.append(("Chair", detail.chair.with_organisation if detail.chair else "Not recorded"))
    pairs.append(("Reference", detail.reference))
    h.add_key_value_table(doc, pairs, widths_cm=DETAIL_WIDTHS, cell_style="Meta")


def _name_with_notes(row: ParticipantRow) -> str:
    notes = []
    if row.role is not ParticipantRole.MEMBER:
        notes.append(row.role.label.lower())
    if row.remote:
        notes.append("remote")
    return f"{row.name} ({', '.join(notes)})" if notes else row.name


def _participants(doc, detail: MeetingDetail) -> None:
    h.add_paragraph(doc, "Participants", h.style_or(doc, "Heading 1"))
    summary = detail.summary
    present = [p for p in detail.participants if p.attendance is Attendance.PRESENT]
    if not present:
        h.add_paragraph(doc, "No attendance has been recorded.", italic=True)
    else:
        line = f"Present: {summary.present} ({summary.sex_text})"
        if summary.remote:
            line += f", of whom {summary.remote} joined remotely"
        h.add_paragraph(doc, line + ".")
        categories = "; ".join(
            f"{cat.label if cat else 'No organisation'} {n}" for cat, n in summary.present_by_category.items() if n
        )
        h.add_paragraph(doc, f"By organisation category: {categories}.", "Meta")
        rows = []
        for organisation, people in groupby(present, key=lambda p: p.organisation or "No organisation"):
            rows.append((organisation, "; ".join(_name_with_notes(p) for p in people)))
        h.add_table(doc, ("Organisation", "Present"), rows, widths_cm=PARTICIPANT_WIDTHS, document=doc, cell_style="Meta")
    apologies = [p for p in detail.participants if p.attendance is Attendance.APOLOGIES]
    if apologies:
        names = "; ".join(f"{p.name} ({p.organisation_short})" if p.organisation_short else p.name for p in apologies)
        from docx.shared import Pt

        h.add_labelled(doc, "Apologies: ", f"{names}.").paragraph_format.space_before = Pt(6)


def _agenda(doc, detail: MeetingDetail) -> None:
    from docx.shared import Cm

    h.add_paragraph(doc, "Agenda", h.style_or(doc, "Heading 1"))
    if not detail.agenda:
        h.add_paragraph(doc, "No agenda was recorded.", italic=True)
        return
    for item in detail.agenda:
        paragraph = h.new_paragraph(doc, doc, style="Meta")
        paragraph.paragraph_format.left_indent = Cm(0.8)
        paragraph.paragraph_format.first_line_indent = Cm(-0.8)
        paragraph.add_run(f"{item.position}.\t{h.clean_text(item.title)}")
        if item.presenter:
            paragraph.add_run(f" ({h.clean_text(item.presenter)})").italic = True


def _action_line(action) -> str:
    parts = [action.description.strip()]
    if action.responsible:
        parts.append(f"Responsible: {action.responsible}")
    if action.due_date:
        parts.append(f"Due {action.due_date:%d %b %Y}")
    return " · ".join(parts)


def _policy_line(policy) -> str:
    """``Law No. 18/2017: Protection of Indonesian Migrant Workers (Law, in force, 2017)``."""
    facts = [policy.type.label, policy.status.label.lower()]
    if policy.issued_on:
        facts.append(str(policy.issued_on.year))
    text = f"{policy.display} ({', '.join(facts)})"
    return f"{text}: {policy.url}" if policy.url else text


def _items(doc, detail: MeetingDetail) -> None:
    if not detail.agenda:
        return
    h.add_paragraph(doc, "Discussion and decisions", h.style_or(doc, "Heading 1"))
    for item in detail.agenda:
        h.add_paragraph(doc, f"{item.position}. {item.title}", h.style_or(doc, "Heading 2"))
        meta = []
        if item.presenter:
            meta.append(f"Presented by {item.presenter}")
        if item.objectives:
            meta.append(f"GCM objectives: {item.objectives_text}")
        if meta:
            from docx.shared import Pt

            line = h.add_paragraph(doc, " · ".join(meta), "Meta", italic=True)
            line.paragraph_format.space_after = Pt(4)
        if item.policies:
            h.add_paragraph(doc, "Policy and regulation updates presented:", "Meta", bold=True)
            for policy in item.policies:
                h.add_paragraph(doc, _policy_line(policy), h.style_or(doc, "List Bullet"))
        h.add_text_block(doc, item.discussion, document=doc)
        if item.decisions.strip():
            h.add_paragraph(doc, "Decisions", "Decision Heading")
            h.add_text_block(doc, item.decisions, style="Decision", prefix_bullets=True, document=doc)
            h.new_paragraph(doc, doc, style="Meta")  # the shaded block ends here
        for action in item.action_points:
            paragraph = h.new_paragraph(doc, doc, style="List Bullet")
            paragraph.add_run(f"Action {action.number}: ").bold = True
            paragraph.add_run(h.clean_text(_action_line(action)))


def _action_table(doc, detail: MeetingDetail) -> None:
    h.add_paragraph(doc, "Action points", h.style_or(doc, "Heading 1"))
    if not detail.action_points:
        h.add_paragraph(doc, "No action points were agreed.", italic=True)
        return
    rows = (
        (
            str(a.number),
            a.description.strip(),
            a.responsible,
            f"{a.due_date:%d %b %Y}" if a.due_date else "",
            a.status.label,
        )
        for a in detail.action_points
    )
    h.add_table(
        doc, ("No.", "Action", "Responsible", "Due date", "Status"), rows, widths_cm=ACTION_WIDTHS,
        document=doc, font_size_pt=9.5, cell_style="Meta",
    )  # fmt: skip


def _next_meeting(doc, detail: MeetingDetail) -> None:
    nxt = detail.next_meeting
    if nxt is None:
        return
    h.add_paragraph(doc, "Next meeting", h.style_or(doc, "Heading 1"))
    text = f"{long_when(nxt.starts_at, nxt.ends_at)} ({nxt.kind.label}, {nxt.reference})"
    if nxt.place:
        text += f", {nxt.place}"
    h.add_paragraph(doc, text + ".")


def build_document(detail: MeetingDetail, template: str | os.PathLike | None = None):
    """The minutes as a python-docx Document (not yet saved)."""
    if template is None:
        from ..services.preferences import word_template

        template = word_template()
    doc = h.load_template(template)
    _ensure_styles(doc)
    _write_header_and_footer(doc, detail)
    _title_block(doc, detail)
    _participants(doc, detail)
    _agenda(doc, detail)
    _items(doc, detail)
    _action_table(doc, detail)
    _next_meeting(doc, detail)
    h.set_properties(
        doc,
        title=f"Minutes {detail.reference}: {detail.title}",
        subject=NETWORK_NAME,
        author=f"Secretariat, {NETWORK_NAME}",
        keywords=f"minutes; {detail.reference}" + ("; internal use only" if detail.internal else ""),
    )
    return doc


def write_minutes(detail: MeetingDetail, target: str | os.PathLike, *, template: str | os.PathLike | None = None) -> Path:
    """Write the minutes to ``target`` atomically; FileRefused when it cannot be written."""
    return h.save(build_document(detail, template), target)


def export_minutes(db, meeting_id: int, target: str | os.PathLike, *, template: str | os.PathLike | None = None) -> Path:
    """Read the meeting and write its minutes (the CLI's and the page's call)."""
    from ..services.meeting_views import meeting_detail

    return write_minutes(meeting_detail(db, meeting_id), target, template=template)


__all__ = [
    "DRAFT_MARKING",
    "INTERNAL_MARKING",
    "build_document",
    "default_filename",
    "export_minutes",
    "marking_text",
    "status_line",
    "write_minutes",
]
