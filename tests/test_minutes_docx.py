"""The Word minutes read back with python-docx: the marking in every header, DRAFT or approved,
the tables, the action points, page numbers, templates, control characters, atomic writes."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_meetings_service import make_meeting, make_network

from unnet_desktop import NETWORK_NAME
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.core.timezone import wib
from unnet_desktop.files import docx_helpers
from unnet_desktop.files.minutes_docx import export_minutes, write_minutes
from unnet_desktop.services import agenda, meetings, minutes, preferences
from unnet_desktop.services.meeting_views import meeting_detail


@pytest.fixture
def data(db):
    net = make_network(db)
    data = make_meeting(db, net)
    data.net = net
    return data


def body_text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def all_headers(doc) -> list[str]:
    return docx_helpers.header_texts(doc)


def approve(db, meeting_id, on=dt.date(2025, 6, 20)):
    minutes.circulate_minutes(db, meeting_id)
    minutes.approve_minutes(db, meeting_id, on, today=dt.date(2025, 7, 1))


def test_draft_minutes(db, data, tmp_path):
    meetings.create_meeting(db, kind="quarterly", starts_at=wib(2025, 9, 5, 14))
    out = export_minutes(db, data.id, tmp_path / "minutes.docx")
    doc = Document(out)
    assert len(doc.sections) == 1
    headers = all_headers(doc)
    assert headers and all("For internal use only" in h for h in headers)
    assert all("DRAFT" in h for h in headers)
    text = body_text(doc)
    assert doc.paragraphs[0].text == NETWORK_NAME
    assert doc.paragraphs[1].text.startswith("Minutes: Quarterly meeting 2025-Q1")
    assert "DRAFT: not yet approved" in text
    assert "Approved on" not in text
    assert "Present: 6 (3 women, 3 men), of whom 1 joined remotely." in text
    assert "Apologies: Andi Pratama (ILO); Nur Hidayah (Migrant CARE)." in text
    assert "Next meeting" in text and "Friday 5 September 2025, 14:00–16:00 WIB (Quarterly meeting, 2025-Q2)" in text
    # The agenda numbered, each item a heading with its discussion, bullets and decisions.
    assert "4.\tUpdate from BP2MI on placement costs (Agus Wijaya (BP2MI))" in text
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[3] == "4. Update from BP2MI on placement costs"
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "120 complaints of overcharging in 2024" in bullets and "Most from Central Java" in bullets
    decisions = [p.text for p in doc.paragraphs if p.style.name == "Decision"]
    assert decisions == ["The Network will prepare a joint brief.", "\u2022 ILO and IOM lead"]
    assert any(p.style.name == "Decision Heading" and p.text == "Decisions" for p in doc.paragraphs)
    assert "Action 2: Share the complaint data with members · Responsible: BP2MI / Agus Wijaya · Due 30 Jun 2025" in bullets


def test_tables(db, data, tmp_path):
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    details, present, actions = doc.tables
    facts = {row.cells[0].text: row.cells[1].text for row in details.rows}
    assert facts["Date and time"] == "Friday 6 June 2025, 14:00–16:00 WIB"
    assert facts["Venue"] == "UN House, Menara Thamrin, Jakarta"
    assert facts["Online"] == "https://meet.example.org/unnm-q2"
    assert facts["Chair"] == "Ms Gita Sabharwal (RCO)"
    rows = [[c.text for c in row.cells] for row in present.rows]
    assert rows[0] == ["Organisation", "Present"]
    assert rows[1:] == [
        ["Badan Pelindungan Pekerja Migran Indonesia", "Agus Wijaya (guest speaker)"],
        ["International Labour Organization", "Siti Rahma"],
        ["International Organization for Migration", "Budi Santoso (remote); Dewi Lestari"],
        ["Migrant CARE", "=cmd|' /C calc'!A0 (observer / invitee)"],
        ["Office of the UN Resident Coordinator", "Ms Gita Sabharwal"],
    ]
    rows = [[c.text for c in row.cells] for row in actions.rows]
    assert rows == [
        ["No.", "Action", "Responsible", "Due date", "Status"],
        ["1", "Draft a joint brief on placement costs", "ILO", "15 Jul 2025", "Open"],
        ["2", "Share the complaint data with members", "BP2MI / Agus Wijaya", "30 Jun 2025", "Open"],
        ["3", "Update the work plan in UN INFO", "IOM / Dewi Lestari", "", "Open"],
    ]
    # The header row repeats on each page.
    assert actions.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_approved_minutes(db, data, tmp_path):
    approve(db, data.id)
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    text = body_text(doc)
    assert "Approved on Friday 20 June 2025" in text
    assert "DRAFT" not in text
    headers = all_headers(doc)
    assert all("For internal use only" in h and "DRAFT" not in h for h in headers)


def test_public_minutes_have_no_internal_marking(db, data, tmp_path):
    meetings.update_meeting(db, data.id, confidentiality="public")
    doc = Document(export_minutes(db, data.id, tmp_path / "draft.docx"))
    assert all("For internal use only" not in h and "DRAFT" in h for h in all_headers(doc))
    approve(db, data.id)
    doc = Document(export_minutes(db, data.id, tmp_path / "approved.docx"))
    assert all("For internal use only" not in h and "DRAFT" not in h for h in all_headers(doc))


def test_page_numbers_in_the_footer(db, data, tmp_path):
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    footer = doc.sections[0].footer._element
    instructions = [i.text.strip() for i in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Minutes 2025-Q1" in "".join(p.text for p in doc.sections[0].footer.paragraphs)


def test_every_header_of_a_template_with_first_and_even_pages(db, data, tmp_path):
    """An office template with a different first page and different even pages: each header gets
    the marking, the letterhead stays."""
    template = Document(str(preferences.default_word_template()))
    template.settings.odd_and_even_pages_header_footer = True
    section = template.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "LETTERHEAD FIRST PAGE"
    section.even_page_header.paragraphs[0].text = "Even pages"
    path = tmp_path / "office.docx"
    template.save(path)

    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx", template=path))
    headers = all_headers(doc)
    assert len(headers) == 3  # default, first page, even pages
    assert all("For internal use only" in h and "DRAFT" in h for h in headers)
    assert "LETTERHEAD FIRST PAGE" in doc.sections[0].first_page_header.paragraphs[0].text
    assert doc.sections[0].first_page_header.paragraphs[-1].text.startswith("For internal use only")
    assert doc.sections[0].header.paragraphs[0].text == NETWORK_NAME  # the letterhead line


def test_marking_reaches_every_section(tmp_path):
    """The helper the annual report uses: sections with their own header get the marking; a
    section whose header is linked to the previous one shows that one's (marked) header."""
    from docx.enum.section import WD_SECTION

    doc = docx_helpers.load_template(preferences.default_word_template())
    doc.add_paragraph("Portrait part")
    doc.add_section(WD_SECTION.NEW_PAGE)  # linked to the previous header
    doc.add_paragraph("Still linked")
    third = doc.add_section(WD_SECTION.NEW_PAGE)
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "Annex"
    assert docx_helpers.add_to_every_header(doc, lambda p: p.add_run("For internal use only")) == 2
    assert docx_helpers.add_page_numbers(doc) == 1
    path = tmp_path / "sections.docx"
    docx_helpers.save(doc, path)
    back = Document(path)
    assert len(back.sections) == 3
    for section in back.sections:
        assert "For internal use only" in "\n".join(p.text for p in section.header.paragraphs)
        assert "PAGE" in "".join(i.text for i in section.footer._element.iter(qn("w:instrText")))


def test_template_from_the_settings_and_dotx(db, data, tmp_path):
    # A .dotx is a .docx with another content type: it is accepted as a template.
    source = preferences.default_word_template().read_bytes()
    dotx = tmp_path / "office.dotx"
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    docx_helpers.DOCX_CONTENT_TYPE.encode(), docx_helpers.DOTX_CONTENT_TYPE.encode()
                )
            zout.writestr(info, content)
    preferences.set_word_template(dotx)
    assert preferences.word_template() == dotx
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    assert doc.paragraphs[0].text == NETWORK_NAME  # the template's own instructions were emptied
    dotx.unlink()
    with pytest.raises(FileRefused, match="cannot be found"):
        export_minutes(db, data.id, tmp_path / "minutes2.docx")
    preferences.set_word_template(None)
    assert preferences.word_template() == preferences.default_word_template()


def test_a_template_that_is_not_word_is_refused(db, data, tmp_path):
    bad = tmp_path / "letterhead.docx"
    bad.write_text("not a zip")
    with pytest.raises(FileRefused, match="not a Word document"):
        export_minutes(db, data.id, tmp_path / "minutes.docx", template=bad)


def test_template_lacking_the_app_styles(db, data, tmp_path):
    """A bare Word document as template: the styles the minutes need are created."""
    plain = tmp_path / "plain.docx"
    Document().save(plain)
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx", template=plain))
    assert any(p.style.name == "Decision" for p in doc.paragraphs)
    assert all("For internal use only" in h for h in all_headers(doc))


def test_control_characters_are_cleaned(db, data, tmp_path):
    dirty = "Bad\x00 bytes\x07 from\x1b a paste"
    minutes.save_item_text(db, data.plan_item, "discussion", dirty + "\n- bullet\x0b too")
    minutes.save_item_text(db, data.plan_item, "decisions", "Agreed\x1b.")
    minutes.update_action_point(db, data.actions[2], description="Action\x00 with NUL")
    meetings.update_meeting(db, data.id, title="Title\x07 with bell")
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    text = body_text(doc)
    assert "Bad bytes from a paste" in text and "bullet too" in text and "Agreed." in text
    assert "Title with bell" in text
    assert doc.tables[2].rows[3].cells[1].text == "Action with NUL"
    assert not any(ch in text for ch in "\x00\x07\x1b\x0b")


def test_an_empty_meeting(db, tmp_path):
    mid = meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 3, 1, 9), chair_id=None)
    doc = Document(export_minutes(db, mid, tmp_path / "minutes.docx"))
    text = body_text(doc)
    assert "No attendance has been recorded." in text
    assert "No agenda was recorded." in text
    assert "No action points were agreed." in text
    assert "Next meeting" not in text


def test_existing_file_unchanged_when_the_write_fails(db, data, tmp_path, monkeypatch):
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"the previous version")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileRefused, match="open in another program"):
        export_minutes(db, data.id, target)
    assert target.read_bytes() == b"the previous version"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".minutes.")]  # no temporary file left


def test_missing_folder_is_refused(db, data, tmp_path):
    with pytest.raises(FileRefused, match="does not exist"):
        export_minutes(db, data.id, tmp_path / "nowhere" / "minutes.docx")


def test_write_from_a_detail_without_database(db, data, tmp_path):
    """The writer works from the frozen detail alone (the page can write it off the UI thread)."""
    detail = meeting_detail(db, data.id)
    db.close()
    doc = Document(write_minutes(detail, tmp_path / "minutes.docx"))
    assert doc.core_properties.title.startswith("Minutes 2025-Q1")
    assert agenda.STANDING_ITEMS[0] in body_text(doc)


def test_settings_file(tmp_path):
    """settings.json in the data folder: written atomically, read back, a damaged one ignored."""
    path = preferences.settings_path()
    assert preferences.load_settings() == {}
    preferences.set_setting("word_template", "/somewhere/letterhead.docx")
    preferences.set_setting("other", 3)
    assert preferences.load_settings() == {"word_template": "/somewhere/letterhead.docx", "other": 3}
    preferences.set_setting("other", None)
    assert preferences.load_settings() == {"word_template": "/somewhere/letterhead.docx"}
    with pytest.raises(FileRefused, match="cannot be found"):
        preferences.word_template()
    path.write_text("{ not json")
    assert preferences.load_settings() == {}
    assert preferences.word_template() == preferences.default_word_template()
    with pytest.raises(ValidationError, match="not a Word document"):
        preferences.set_word_template(tmp_path / "letterhead.pdf")
    with pytest.raises(ValidationError, match="does not exist"):
        preferences.set_word_template(tmp_path / "letterhead.docx")


def test_shipped_template_is_the_one_make_template_builds(tmp_path):
    """resources/minutes-template.docx can be rebuilt from its script, with the app's styles."""
    import importlib.util

    script = preferences.default_word_template().with_name("make_template.py")
    spec = importlib.util.spec_from_file_location("make_template", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = Document(module.build(tmp_path / "template.docx"))
    shipped = Document(preferences.default_word_template())
    for doc in (built, shipped):
        names = {s.name for s in doc.styles}
        assert {"Decision", "Decision Heading", "Marking", "Meta", "Letterhead", "List Bullet", "Table Grid"} <= names
        section = doc.sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
        assert section.header.paragraphs[0].text == NETWORK_NAME


def test_policy_updates_appear_under_their_item(db, data, tmp_path):
    """Entries of the policy library presented under an agenda item are listed in its minutes."""
    pytest.importorskip("unnet_desktop.services.policies")
    from unnet_desktop.core import models as m

    with db.session() as s:
        law = m.Policy(title="Protection of Indonesian Migrant Workers", number="Law No. 18/2017",
                       issued_on=dt.date(2017, 11, 22))  # fmt: skip
        s.add(law)
        s.flush()
        s.execute(m.agenda_item_policies.insert().values(agenda_item_id=data.bp2mi_item, policy_id=law.id))
    doc = Document(export_minutes(db, data.id, tmp_path / "minutes.docx"))
    texts = [p.text for p in doc.paragraphs]
    line = "Law No. 18/2017: Protection of Indonesian Migrant Workers (Law, in force, 2017)"
    assert line in texts
    assert texts.index(line) > texts.index("4. Update from BP2MI on placement costs")
