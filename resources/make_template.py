"""Build ``resources/minutes-template.docx``, the default Word template of the minutes and reports.

Run from a checkout:  python resources/make_template.py

An office replaces it with its own letterhead by pointing the setting ``word_template`` to its
own .docx/.dotx (Settings in the app). What the app expects of a template (it creates what is
missing, so any Word document works):

- paragraph styles: Normal, Title, Subtitle, Heading 1, Heading 2, List Bullet, Header, Footer, and
  the app's own "Decision", "Decision Heading", "Marking", "Meta", "Letterhead";
- the table style "Table Grid";
- the body is emptied; page size, margins, headers (the letterhead) and footers are kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the checkout's package, even when not installed

from docx import Document  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

from unnet_desktop import NETWORK_NAME  # noqa: E402
from unnet_desktop.files.docx_helpers import bottom_border, ensure_paragraph_style  # noqa: E402

TARGET = HERE / "minutes-template.docx"
FONT = "Calibri"
NAVY = "1F3864"
SLATE = "44546A"
ACCENT = "2E74B5"


def set_font(style, name: str = FONT, size: float | None = None, color: str | None = None,
             bold: bool | None = None, italic: bool | None = None) -> None:  # fmt: skip
    """A plain font on a style: the theme font attributes (which win over w:ascii) removed."""
    font = style.font
    font.name = name
    rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    if rfonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        rfonts.set(qn("w:eastAsia"), name)
        rfonts.set(qn("w:cs"), name)
    if size is not None:
        font.size = Pt(size)
    if color is not None:
        font.color.rgb = RGBColor.from_string(color)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic


def build(target: Path = TARGET) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.1), Cm(1.0)

    styles = doc.styles
    normal = styles["Normal"]
    set_font(normal, size=10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    title = styles["Title"]
    set_font(title, size=18, color=NAVY, bold=True)
    title.paragraph_format.space_after = Pt(4)
    # The default Title has a bottom border and expanded spacing: a plain one suits letterheads.
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    rpr = title.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        element = rpr.find(qn(tag))
        if element is not None:
            rpr.remove(element)

    subtitle = styles["Subtitle"]
    set_font(subtitle, size=13, color=SLATE, italic=False, bold=False)
    subtitle.paragraph_format.space_after = Pt(10)

    for name, size, before in (("Heading 1", 14, 16), ("Heading 2", 12, 12), ("Heading 3", 11, 10)):
        heading = styles[name]
        set_font(heading, size=size, color=NAVY, bold=True)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(4)
        heading.paragraph_format.keep_with_next = True

    for name in ("List Bullet", "Header", "Footer"):
        set_font(styles[name])
    set_font(styles["Footer"], size=8.5, color=SLATE)
    set_font(styles["Header"], size=8.5, color=SLATE)

    ensure_paragraph_style(doc, "Letterhead", base="Header", bold=True, size_pt=10, color=NAVY, space_after_pt=2)
    bottom_border(styles["Letterhead"].element.get_or_add_pPr(), NAVY, size_eighths=8, space=2)
    ensure_paragraph_style(doc, "Marking", base="Header", bold=True, size_pt=9, color="C00000")
    styles["Marking"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ensure_paragraph_style(doc, "Meta", base="Normal", size_pt=10, space_after_pt=0)
    ensure_paragraph_style(
        doc, "Decision Heading", base="Normal", bold=True, size_pt=10, color=ACCENT,
        space_before_pt=6, space_after_pt=0, left_indent_cm=0.3, keep_with_next=True,
        fill="EEF3F8", border_color=ACCENT,
    )  # fmt: skip
    ensure_paragraph_style(
        doc, "Decision", base="Normal", space_after_pt=0, left_indent_cm=0.3, fill="EEF3F8", border_color=ACCENT,
    )  # fmt: skip

    header = section.header
    header.paragraphs[0].text = NETWORK_NAME
    header.paragraphs[0].style = styles["Letterhead"]
    section.footer.paragraphs[0].style = styles["Footer"]

    doc.add_paragraph(
        "Template of the Word documents of unnet-desktop (minutes, annual report). The app empties this "
        "body and keeps the styles, the page set-up, the header (letterhead) and the footer. To use your "
        "office's letterhead, change the header here or in a copy, and choose the copy in the app's settings."
    )

    props = doc.core_properties
    props.title = "Minutes template"
    props.author = NETWORK_NAME
    props.last_modified_by = NETWORK_NAME
    props.comments = "Built by resources/make_template.py"
    props.revision = 1
    doc.save(target)
    return target


if __name__ == "__main__":
    print(f"Wrote {build()}")
