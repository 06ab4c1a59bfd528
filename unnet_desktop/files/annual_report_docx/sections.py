"""The Network's annual report as a Word document (issue 7, point 3; Terms of Reference D.4).

Written from ``services.annual_report.AnnualReport`` on the same Word template as the minutes
(``services.preferences.word_template()``), with the helpers of ``docx_helpers``: "For internal
use only" in the header of every page (ToR D.6), "Annual report YEAR · Page X of Y" in the footer,
a title page with the key figures, then the sections in this order:

1. Meetings (dates in WIB, kinds, attendance; participation by sex and by organisation category;
   chart: attendance by sex per meeting)
2. Main decisions
3. Action points (raised, done, open; the open ones listed)
4. Work plan progress by results group, with budget figures (chart: activities by status)
5. Progress against the GCM: the 23 objectives (chart: coverage)
6. Policy updates
7. Working groups

Every text goes through ``clean_text``; tables are filled row by row; the file is written
atomically. python-docx and matplotlib are imported only when a report is written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.enums import ActionStatus, ActivityStatus, MeetingKind, Sex
from ..core.timezone import to_wib
from ..services.annual_report import AnnualReport, money
from ..services.meeting_views import long_date
from . import docx_helpers as h
from .safety import clean_text

INTERNAL_MARKING = "For internal use only"
SECTIONS = (
    "Meetings",
    "Main decisions",
    "Action points",
    "Work plan progress",
    "Progress against the GCM objectives",
    "Policy updates",
    "Working groups",
)
CHART_WIDTH_CM = 16.0
TABLE_FONT_PT = 8.5
MEETING_WIDTHS = (2.3, 4.9, 1.55, 1.55, 1.55, 1.55, 1.55, 1.55)
SHARE_WIDTHS = (7.5, 3.0, 3.0, 3.0)
ACTION_FIGURE_WIDTHS = (2.75,) * 6
OPEN_ACTION_WIDTHS = (2.0, 6.9, 3.4, 2.0, 2.2)
GROUP_TOTAL_WIDTHS = (4.5, 1.85, 1.95, 2.0, 2.05, 2.0, 2.15)
ACTIVITY_WIDTHS = (1.2, 4.3, 1.5, 2.0, 1.7, 1.9, 1.95, 1.95)
OBJECTIVE_WIDTHS = (4.4, 3.1, 5.0, 4.0)
KEY_VALUE_WIDTHS = (4.0, 12.5)
SEX_WORDS = {Sex.FEMALE: "Women", Sex.MALE: "Men", Sex.OTHER: "Other", Sex.NOT_RECORDED: "Not recorded"}
HEADER_FILL = "DCE6F0"
TOTAL_FILL = "F2F2F2"


@dataclass(frozen=True)
class Chart:
    key: str  # "attendance" | "activities" | "coverage"
    title: str  # the caption, without "Figure N."
    alt_text: str  # what a screen reader says
    png: bytes


@dataclass(frozen=True)
class ReportResult:
    path: Path
    year: int
    meetings: int
    action_points: int
    activities: int
    policy_updates: int
    charts: int


def default_filename(year: int) -> str:
    return f"Annual report {year}.docx"


# --------------------------------------------------------------------------- small formatting


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def _times(meeting) -> str:
    """``14:00–16:00`` in WIB (the end's date too when it is another day)."""
    start = to_wib(meeting.starts_at)
    if meeting.ends_at is None:
        return f"{start:%H:%M}"
    end = to_wib(meeting.ends_at)
    return f"{start:%H:%M}–{end:%H:%M}" if end.date() == start.date() else f"{start:%H:%M}–{_day(end.date())} {end:%H:%M}"


def _list_and(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _kind_phrase(kind: MeetingKind, n: int) -> str:
    words = {
        MeetingKind.QUARTERLY: ("quarterly meeting", "quarterly meetings"),
        MeetingKind.AD_HOC: ("ad-hoc meeting", "ad-hoc meetings"),
        MeetingKind.ANNUAL: ("Annual Network Meeting", "Annual Network Meetings"),
        MeetingKind.WORKING_GROUP: ("working group meeting", "working group meetings"),
        MeetingKind.OTHER: ("other meeting", "other meetings"),
    }[kind]
    return f"{n} {words[0] if n == 1 else words[1]}"


def meetings_phrase(report: AnnualReport) -> str:
    """``7 meetings (3 quarterly meetings, 1 ad-hoc meeting, ...)``."""
    n = len(report.meetings)
    if not n:
        return "no meeting"
    kinds = [_kind_phrase(kind, report.meetings_by_kind[kind]) for kind in MeetingKind if report.meetings_by_kind.get(kind)]
    return f"{_plural(n, 'meeting')} ({', '.join(kinds)})"


def attendance_phrase(report: AnnualReport) -> str:
    p = report.participation
    if not p.attendances:
        return "no attendance recorded"
    return (
        f"{_plural(p.attendances, 'attendance')} by {_plural(p.people, 'person', 'people')} from "
        f"{_plural(p.organisations, 'organisation')}; {_pct(p.by_sex[Sex.FEMALE], p.attendances)} women, "
        f"{_pct(p.by_sex[Sex.MALE], p.attendances)} men"
    )


def actions_phrase(report: AnnualReport) -> str:
    a = report.actions
    if not a.raised:
        return "none raised"
    text = (
        f"{a.raised:,} raised: {a.done:,} done, {a.open:,} open or in progress"
        f" ({a.overdue:,} overdue), {a.by_status[ActionStatus.DROPPED]:,} dropped"
    )
    return text


def activities_phrase(report: AnnualReport) -> str:
    if report.plan is None:
        return f"no work plan for {report.year}"
    parts = [f"{n:,} {status.label.lower()}" for status, n in report.activities_by_status.items() if n]
    return f"{_plural(report.activity_count, 'activity', 'activities')}" + (f": {', '.join(parts)}" if parts else "")


def budget_phrase(report: AnnualReport) -> str:
    b = report.budget
    if b is None:
        return ""
    return (
        f"USD {money(b.required)} required, {money(b.available)} available, {money(b.spent)} spent; "
        f"funding gap USD {money(b.funding_gap)}"
    )


# --------------------------------------------------------------------------- Word building blocks


class _Writer:
    """The document and its styles' ids, looked up once: python-docx finds a style by name with a
    linear search of the styles part (milliseconds each), which a report of thousands of paragraphs
    and cells cannot afford."""

    def __init__(self, doc):
        self.doc = doc
        h.ensure_paragraph_style(doc, "Marking", base="Header", bold=True, size_pt=9, color="C00000")
        h.ensure_paragraph_style(doc, "Meta", base="Normal", size_pt=10, space_after_pt=0)
        h.ensure_paragraph_style(
            doc, "Decision", base="Normal", space_after_pt=0, left_indent_cm=0.3, fill="EEF3F8", border_color="2E74B5"
        )
        h.ensure_paragraph_style(doc, "Caption", base="Normal", italic=True, size_pt=9, space_after_pt=8)
        h.ensure_paragraph_style(doc, "Report Table", base="Normal", size_pt=TABLE_FONT_PT, space_before_pt=0,
                                 space_after_pt=0)  # fmt: skip
        h.ensure_paragraph_style(doc, "Report Table Head", base="Normal", bold=True, size_pt=TABLE_FONT_PT - 0.5,
                                 space_before_pt=0, space_after_pt=0, keep_with_next=True)  # fmt: skip
        h.ensure_paragraph_style(doc, "Report Note", base="Normal", italic=True, size_pt=8, space_before_pt=2,
                                 space_after_pt=6)  # fmt: skip
        self.ids: dict[str, str | None] = {}
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption", "Meta",
                     "Decision", "Report Table", "Report Table Head", "Report Note", "Marking"):  # fmt: skip
            self.ids[name] = doc.styles[name].style_id if h.has_style(doc, name) else None
        for level in (1, 2, 3):
            if self.ids[f"Heading {level}"] is None:
                self.ids[f"Heading {level}"] = self.ids["Meta"]
        self._protos: dict[tuple, object] = {}
        from docx.oxml.ns import qn

        self._end = doc.element.body.find(qn("w:sectPr"))  # the body's own section: content goes before it

    def style(self, paragraph, name: str | None) -> None:
        style_id = self.ids.get(name) if name else None
        if style_id:
            paragraph._p.style = style_id

    def para(self, text: str = "", style: str | None = "Normal", *, bold: bool | None = None,
             italic: bool | None = None, container=None):  # fmt: skip
        """A paragraph of cleaned text at the end of the body (or of ``container``, a cell). In the
        body, a copy of a prototype made once per (style, bold, italic) by python-docx."""
        if container is not None:
            return self._made(container, text, style, bold, italic)
        from copy import deepcopy

        from docx.text.paragraph import Paragraph

        key = (style, bold, italic, bool(text))
        proto = self._protos.get(key)
        if proto is None:
            made = self._made(self.doc, "x" if text else "", style, bold, italic)
            proto = self._protos[key] = made._p
            proto.getparent().remove(proto)
        p = deepcopy(proto)
        if text:
            _set_text(p, text, _tags())
        self._end.addprevious(p)
        return Paragraph(p, self.doc._body)

    def _made(self, container, text: str, style: str | None, bold: bool | None, italic: bool | None):
        paragraph = container.add_paragraph()
        self.style(paragraph, style)
        if text:
            run = paragraph.add_run(clean_text(text))
            if bold is not None:
                run.bold = bold
            if italic is not None:
                run.italic = italic
        return paragraph

    def labelled(self, label: str, text: str, style: str = "Meta"):
        paragraph = self.para(style=style)
        paragraph.add_run(clean_text(label)).bold = True
        paragraph.add_run(clean_text(text))
        return paragraph

    def heading(self, text: str, level: int = 1):
        return self.para(text, f"Heading {level}")

    def note(self, text: str):
        return self.para(text, "Report Note")

    def spacer(self) -> None:
        self.para(style="Meta")

    def text_block(self, text: str, style: str) -> None:
        """Typed text, one paragraph per line; bullets ("- ") keep a "• " in front."""
        for is_bullet, line in h.iter_blocks(text):
            self.para(f"\u2022 {line}" if is_bullet else line, style)

    def table(self, headers: Sequence[str], widths_cm: Sequence[float], *, right: Sequence[int] = ()):
        """An empty table with its header row (bold, shaded, repeated on each page)."""
        from docx.shared import Cm

        table = self.doc.add_table(rows=1, cols=len(headers))
        if h.has_style(self.doc, "Table Grid"):
            table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        _narrow_margins(table)
        for column, width in zip(table.columns, widths_cm):
            column.width = Cm(width)  # the grid (LibreOffice reads it; add_row copies it to each cell)
        row = table.rows[0]
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)  # Word reads the cells' own
        self.fill(row.cells, headers, fill=HEADER_FILL, right=right, style="Report Table Head")
        h.set_repeat_header(row)
        return table

    def fill(self, cells, values, *, bold: bool = False, notes: dict[int, str] | None = None,
             fill: str | None = None, right: Sequence[int] = (), style: str = "Report Table") -> None:  # fmt: skip
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for index, (cell, value) in enumerate(zip(cells, values)):
            paragraph = cell.paragraphs[0]
            self.style(paragraph, style)
            if index in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            text = clean_text(value)
            if text:
                run = paragraph.add_run(text)
                if bold:
                    run.bold = True
            if notes and notes.get(index):
                note = self.para(container=cell, style="Report Table")
                note.add_run(clean_text(notes[index])).italic = True
            if fill:
                h.shade(cell._tc.get_or_add_tcPr(), fill)

    def row(self, table, values, **kw) -> None:
        """One row made with python-docx (for header-like rows: totals)."""
        row = table.add_row()
        h.set_cant_split(row)
        self.fill(row.cells, values, **kw)

    def rows(self, table, rows: Iterable[Sequence], *, notes: Sequence[int] = (), right: Sequence[int] = ()) -> int:
        """Data rows, filled row by row: each a copy of one prototype row that python-docx made with
        the right formatting, its texts then set in place. (python-docx spends about half a
        millisecond per cell on its element bookkeeping; a year of 2,000 action points cannot wait
        for that.) In the ``notes`` columns a value is ``(text, note)``: the note goes in italics
        under the text, or is left out when empty. Returns how many rows were added."""
        from copy import deepcopy

        tags = _tags()
        count = len(table.columns)
        prototype = table.add_row()
        h.set_cant_split(prototype)
        self.fill(prototype.cells, ["x"] * count, notes={i: "x" for i in notes}, right=right)
        proto = prototype._tr
        tbl = proto.getparent()
        tbl.remove(proto)
        added = 0
        for values in rows:
            tr = deepcopy(proto)
            for index, tc in enumerate(tr.iterchildren(tags["tc"])):
                paragraphs = tc.findall(tags["p"])
                value = values[index]
                if index in notes:
                    value, note = value
                    if note:
                        _set_text(paragraphs[1], note, tags)
                    else:
                        tc.remove(paragraphs[1])
                _set_text(paragraphs[0], value, tags)
            tbl.append(tr)
            added += 1
        return added

    def picture(self, chart: Chart, number: int) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        paragraph = self.para(style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        shape = paragraph.add_run().add_picture(io.BytesIO(chart.png), width=Cm(CHART_WIDTH_CM))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", clean_text(chart.alt_text))
        doc_pr.set("title", clean_text(chart.title))
        self.para(f"Figure {number}. {chart.title}", "Caption" if self.ids["Caption"] else "Meta")


_TAGS: dict[str, str] = {}


def _tags() -> dict[str, str]:
    if not _TAGS:
        from docx.oxml.ns import qn

        _TAGS.update(tc=qn("w:tc"), p=qn("w:p"), r=qn("w:r"), t=qn("w:t"), br=qn("w:br"), space=qn("xml:space"))
    return _TAGS


def _set_text(paragraph, value: object, tags: dict[str, str]) -> None:
    """The text of the first run of a prototype paragraph; line breaks become ``<w:br/>``."""
    run = paragraph.find(tags["r"])
    t = run.find(tags["t"])
    text = clean_text(value)
    t.set(tags["space"], "preserve")
    if "\n" not in text and "\r" not in text:
        t.text = text
        return
    from lxml import etree

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    t.text = lines[0]
    for line in lines[1:]:
        etree.SubElement(run, tags["br"])
        extra = etree.SubElement(run, tags["t"])
        extra.text = line
        extra.set(tags["space"], "preserve")


def _narrow_margins(table, twips: int = 70) -> None:
    """Cell margins of 0.12 cm left and right (Word's default 0.19 cm wraps short figures)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblPr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblPr.append(margins)


# --------------------------------------------------------------------------- charts


def report_charts(report: AnnualReport) -> dict[str, Chart]:
    """The three charts of the report (PNG), made by ``files.charts``."""
    from . import charts

    year = report.year
    out: dict[str, Chart] = {}
    meetings = report.meetings
    if len(meetings) <= charts.MAX_BARS:
        labels = [m.reference for m in meetings]
        counts = [{sex.value: m.attendance.present_by_sex.get(sex, 0) for sex in Sex} for m in meetings]
        title = f"People present at each meeting held in {year}, by sex"
    else:
        months: dict[int, dict[str, int]] = {}
        for m in meetings:
            bucket = months.setdefault(m.date_wib.month, {})
            for sex in Sex:
                bucket[sex.value] = bucket.get(sex.value, 0) + m.attendance.present_by_sex.get(sex, 0)
        labels = [dt.date(year, month, 1).strftime("%b") for month in sorted(months)]
        counts = [months[month] for month in sorted(months)]
        title = f"People present at the meetings held in {year}, by month and sex"
    totals = {sex: sum(c.get(sex.value, 0) for c in counts) for sex in Sex}
    sex_labels = {sex.value: SEX_WORDS[sex] for sex in Sex if totals[sex] or sex in (Sex.FEMALE, Sex.MALE)}
    alt = f"Bar chart. {title}. " + "; ".join(
        f"{label}: {sum(c.values())} ({', '.join(f'{SEX_WORDS[Sex(k)].lower()} {v}' for k, v in c.items() if v)})"
        for label, c in zip(labels, counts)
    )
    out["attendance"] = Chart("attendance", title, alt, charts.attendance_by_sex(labels, counts, sex_labels, title=title))

    title = f"Work plan {year}: activities by status"
    rows = [(status.value, status.label, n) for status, n in report.activities_by_status.items()]
    alt = f"Bar chart. {title}. " + "; ".join(f"{label}: {n}" for _, label, n in rows)
    out["activities"] = Chart("activities", title, alt, charts.activities_by_status(rows, title=title))

    title = f"GCM objectives addressed in {year} by work plan activities, meetings and policy updates"
    rows = [(o.display, len(o.activities), len(o.meetings), len(o.policies)) for o in report.objectives]
    alt = f"Bar chart. {title}. " + "; ".join(
        f"objective {o.number}: {len(o.activities)} activities, {len(o.meetings)} meetings, {len(o.policies)} policy updates"
        for o in report.objectives
    )
    out["coverage"] = Chart("coverage", title, alt, charts.gcm_coverage(rows, title=f"GCM objectives addressed in {year}"))
    return out


# --------------------------------------------------------------------------- the sections


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
    h.add_key_value_table(w.doc, pairs, widths_cm=KEY_VALUE_WIDTHS, cell_style="Meta")
    w.heading("Contents", 2)
    for number, name in enumerate(SECTIONS, start=1):
        w.para(f"{number}. {name}", "Meta").paragraph_format.space_after = Pt(2)
    w.para().add_run().add_break(WD_BREAK.PAGE)


def objectives_phrase(report: AnnualReport) -> str:
    by_activity = sum(1 for o in report.objectives if o.activities)
    return (
        f"{report.objectives_addressed} of {len(report.objectives)} addressed by an activity, a meeting or a "
        f"policy update; {by_activity} by work plan activities"
    )


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
        w.para(f"{d.item_position}. {d.item_title}", "Meta", bold=True).paragraph_format.keep_with_next = True
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
        h.add_key_value_table(w.doc, pairs, widths_cm=KEY_VALUE_WIDTHS, cell_style="Meta")


# --------------------------------------------------------------------------- entry points


def build_document(report: AnnualReport, template: str | os.PathLike | None = None):
    """The report as a python-docx Document (not yet saved)."""
    from .. import NETWORK_NAME

    if template is None:
        from ..services.preferences import word_template

        template = word_template()
    w = _Writer(h.load_template(template))
    _header_and_footer(w, report)
    charts = report_charts(report)
    figure = [0]
    _title_page(w, report)
    _meetings(w, report, charts, figure)
    _decisions(w, report)
    _actions(w, report)
    _work_plan(w, report, charts, figure)
    _objectives(w, report, charts, figure)
    _policies(w, report)
    _working_groups(w, report)
    h.set_properties(
        w.doc,
        title=f"Annual report {report.year}: {NETWORK_NAME}",
        subject="Annual report to the Resident Coordinator and the UN Country Team",
        author=f"Secretariat, {NETWORK_NAME}",
        keywords=f"annual report; {report.year}; internal use only",
    )
    return w.doc


def write_report(report: AnnualReport, target: str | os.PathLike, *, template: str | os.PathLike | None = None) -> Path:
    """Write the report to ``target`` atomically; FileRefused when it cannot be written."""
    return h.save(build_document(report, template), target)


def export_report(
    db, year: int, target: str | os.PathLike, *, template: str | os.PathLike | None = None, today: dt.date | None = None
) -> ReportResult:
    """Read the year's figures and write the report (the CLI's and the Reports page's call)."""
    from ..services.annual_report import annual_report

    report = annual_report(db, year, today=today)
    path = write_report(report, target, template=template)
    return ReportResult(
        path=path,
        year=year,
        meetings=len(report.meetings),
        action_points=report.actions.raised,
        activities=report.activity_count,
        policy_updates=len(report.policy_updates),
        charts=3,
    )


__all__ = [
    "INTERNAL_MARKING",
    "SECTIONS",
    "Chart",
    "ReportResult",
    "actions_phrase",
    "activities_phrase",
    "attendance_phrase",
    "budget_phrase",
    "build_document",
    "default_filename",
    "export_report",
    "meetings_phrase",
    "objectives_phrase",
    "report_charts",
    "write_report",
]
