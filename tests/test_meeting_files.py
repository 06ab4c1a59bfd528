"""The participant list (.xlsx), the calendar invitation (.ics) and the e-mail draft (.eml),
each read back with the library that reads such files, and their atomic writes."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import os

import icalendar
import openpyxl
import pytest
from docx import Document
from test_meetings_service import FORMULA_NAME, make_meeting, make_network

from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.core.timezone import UTC, wib
from unnet_desktop.files.email_draft import export_email
from unnet_desktop.files.invitation_ics import export_invitation, uid_for
from unnet_desktop.files.participants_xlsx import columns, export_participants
from unnet_desktop.services import meetings, participants
from unnet_desktop.services.meeting_views import meeting_detail


@pytest.fixture
def data(db):
    net = make_network(db)
    data = make_meeting(db, net)
    data.net = net
    return data


# ---------------------------------------------------------------------------------------------
# Participant list
# ---------------------------------------------------------------------------------------------


def test_participant_list_values_and_types(db, data, tmp_path):
    out = export_participants(db, data.id, tmp_path / "participants.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Participants", "Summary"]
    ws = wb["Participants"]
    header = [c.value for c in ws[1]]
    assert header == ["No.", "Name", "Sex", "Organisation", "Category", "Position", "Email", "Phone", "Role",
                      "Attendance", "Remote"]  # fmt: skip
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert len(rows) == 8
    assert rows[0] == [1, "Agus Wijaya", "Male", "Badan Pelindungan Pekerja Migran Indonesia", "Government",
                       "Director", "agus.wijaya@bp2mi.go.id", None, "Guest speaker", "Present", "No"]  # fmt: skip
    by_name = {r[1]: r for r in rows}
    assert by_name["Budi Santoso"][10] == "Yes"
    assert by_name["Nur Hidayah"][9] == "Apologies"
    formula = by_name[FORMULA_NAME]
    assert formula[7] == "-1"  # a phone "-1" stays text as well
    assert [r[0] for r in rows] == list(range(1, 9))
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if cell.column == 1 and cell.row > 1:
                assert cell.data_type == "n"
    name_cell = next(c for c in ws["B"] if c.value == FORMULA_NAME)
    assert name_cell.data_type == "s"
    # Printable: landscape, one page wide, the header row on every page, frozen and filtered.
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:K9"
    assert ws.oddHeader.left.text == "For internal use only"


def test_participant_list_summary(db, data, tmp_path):
    wb = openpyxl.load_workbook(export_participants(db, data.id, tmp_path / "participants.xlsx"))
    ws = wb["Summary"]
    values = {}
    for row in ws.iter_rows(values_only=True):
        if row[0] is not None and row[0] not in values:
            values[row[0]] = row[1:]
    assert ws["A1"].value == "Participants: Quarterly meeting 2025-Q1"
    assert values["Invited"][0] == 8
    assert values["Present"][0] == 6
    assert values["  of whom remotely"][0] == 1
    assert values["Apologies"][0] == 2
    assert values["Female"][:2] == (3, 3)
    assert values["Male"][:2] == (4, 3)
    assert values["Not recorded"][0] == 0  # the attendance table's "Not recorded" comes first
    assert values["UN agency"][:2] == (5, 4)
    assert values["Civil society organisation"][:2] == (2, 1)
    assert values["Government"][:2] == (1, 1)


def test_participant_list_without_personal_data(db, data, tmp_path):
    wb = openpyxl.load_workbook(export_participants(db, data.id, tmp_path / "p.xlsx", personal=False))
    ws = wb["Participants"]
    header = [c.value for c in ws[1]]
    assert header == columns(personal=False)
    assert "Email" not in header and "Phone" not in header
    assert not any("@" in str(v) for row in ws.iter_rows(values_only=True) for v in row if v)


# ---------------------------------------------------------------------------------------------
# Calendar invitation
# ---------------------------------------------------------------------------------------------


def read_ics(path) -> tuple[icalendar.Calendar, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1
    return cal, events[0]


def test_invitation(db, data, tmp_path):
    path = export_invitation(db, data.id, tmp_path / "invitation.ics")
    raw = path.read_bytes()
    assert b"\r\n" in raw  # RFC 5545 line ends
    assert b"DTSTART;TZID=Asia/Jakarta:20250606T140000" in raw
    cal, event = read_ics(path)
    assert cal["METHOD"] == "REQUEST"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    detail = meeting_detail(db, data.id)
    assert event.decoded("DTSTART").astimezone(UTC) == detail.starts_at == wib(2025, 6, 6, 14)
    assert event.decoded("DTEND").astimezone(UTC) == detail.ends_at
    assert event["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert str(event["UID"]) == f"{detail.uuid}@unnet-desktop" == uid_for(detail)
    assert int(event["SEQUENCE"]) == 0
    assert str(event["ORGANIZER"]) == "mailto:dlestari@iom.int"
    assert event["ORGANIZER"].params["CN"] == "Dewi Lestari"
    attendees = event.get("ATTENDEE")
    by_address = {str(a): a.params for a in attendees}
    # Seven people with an address, the organizer not repeated among them.
    assert set(by_address) == {
        "mailto:gita.sabharwal@un.org", "mailto:bsantoso@iom.int", "mailto:rahma@ilo.org", "mailto:pratama@ilo.org",
        "mailto:agus.wijaya@bp2mi.go.id", "mailto:formula@example.org",
    }  # fmt: skip
    assert by_address["mailto:gita.sabharwal@un.org"]["ROLE"] == "CHAIR"
    assert by_address["mailto:formula@example.org"]["ROLE"] == "OPT-PARTICIPANT"
    assert by_address["mailto:rahma@ilo.org"]["RSVP"] == "TRUE"
    assert by_address["mailto:rahma@ilo.org"]["CN"] == "Siti Rahma"
    assert "UN House, Menara Thamrin, Jakarta" in str(event["LOCATION"])
    description = str(event["DESCRIPTION"])
    assert "4. Update from BP2MI on placement costs" in description
    assert "https://meet.example.org/unnm-q2" in description


def test_uid_stable_and_sequence_grows_after_a_move(db, data, tmp_path):
    _, first = read_ics(export_invitation(db, data.id, tmp_path / "a.ics"))
    _, again = read_ics(export_invitation(db, data.id, tmp_path / "b.ics"))
    assert str(first["UID"]) == str(again["UID"])
    assert int(again["SEQUENCE"]) == int(first["SEQUENCE"]) == 0
    meetings.update_meeting(db, data.id, starts_at=wib(2025, 6, 9, 10), ends_at=wib(2025, 6, 9, 12))
    _, moved = read_ics(export_invitation(db, data.id, tmp_path / "c.ics"))
    assert str(moved["UID"]) == str(first["UID"])
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").astimezone(UTC) == dt.datetime(2025, 6, 9, 3, tzinfo=UTC)


def test_cancelled_meeting_sends_a_cancellation(db, data, tmp_path):
    meetings.set_meeting_status(db, data.id, "cancelled")
    cal, event = read_ics(export_invitation(db, data.id, tmp_path / "cancel.ics"))
    assert cal["METHOD"] == "CANCEL" and event["STATUS"] == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


def test_invitation_needs_an_organizer(db, tmp_path):
    mid = meetings.create_meeting(db, kind="ad_hoc", starts_at=wib(2025, 3, 1, 9))
    with pytest.raises(FileRefused, match="needs an organizer"):
        export_invitation(db, mid, tmp_path / "x.ics")
    assert not (tmp_path / "x.ics").exists()


# ---------------------------------------------------------------------------------------------
# E-mail draft
# ---------------------------------------------------------------------------------------------


def read_eml(path) -> email.message.EmailMessage:
    with open(path, "rb") as fh:
        return email.message_from_binary_file(fh, policy=email.policy.default)


def test_email_with_the_minutes_to_a_list(db, data, tmp_path):
    result = export_email(db, data.id, "minutes", tmp_path / "minutes.eml", to="UN Country Team")
    message = read_eml(result.path)
    assert message["X-Unsent"] == "1"
    # The archived member of the list is left out.
    assert [a.addr_spec for a in message["To"].addresses] == ["gita.sabharwal@un.org", "rahma@ilo.org"]
    assert message["To"].addresses[0].display_name == "Ms Gita Sabharwal"
    assert message["Subject"] == "Draft minutes: Quarterly meeting 2025-Q1 (6 June 2025)"
    body = message.get_body(("plain",)).get_content()
    assert "draft minutes of the quarterly meeting 2025-Q1" in body
    assert "For internal use only" in body
    attachments = list(message.iter_attachments())
    assert len(attachments) == 1
    attachment = attachments[0]
    assert attachment.get_filename() == "Minutes 2025-Q1.docx"
    assert attachment.get_content_type() == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    doc = Document(io.BytesIO(attachment.get_content()))
    assert doc.paragraphs[1].text.startswith("Minutes: Quarterly meeting 2025-Q1")


def test_email_with_the_invitation_to_the_participants(db, data, tmp_path):
    result = export_email(db, data.id, "invitation", tmp_path / "invitation.eml")
    message = read_eml(result.path)
    assert message["X-Unsent"] == "1"
    addresses = [a.addr_spec for a in message["To"].addresses]
    assert len(addresses) == 7 and "dlestari@iom.int" in addresses  # everyone with an address, once
    assert message["Subject"] == "Invitation: Quarterly meeting 2025-Q1, Friday 6 June 2025, 14:00-16:00 WIB"
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "Invitation 2025-Q1.ics"
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "REQUEST"
    cal = icalendar.Calendar.from_ical(attachment.get_payload(decode=True))
    assert cal["METHOD"] == "REQUEST"


def test_email_with_the_participant_list(db, data, tmp_path):
    result = export_email(db, data.id, "participants", tmp_path / "p.eml", to="network members (focal points)",
                          personal=False)  # fmt: skip
    message = read_eml(result.path)
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "Participants 2025-Q1.xlsx"
    assert attachment.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    wb = openpyxl.load_workbook(io.BytesIO(attachment.get_content()))
    assert "Email" not in [c.value for c in wb["Participants"][1]]
    assert "Present: 6 (3 women, 3 men); apologies: 2." in message.get_body(("plain",)).get_content()


def test_email_refusals(db, data, tmp_path):
    with pytest.raises(ValidationError, match="no distribution list 'Donors'"):
        export_email(db, data.id, "minutes", tmp_path / "x.eml", to="Donors")
    with pytest.raises(ValidationError, match="not something to send"):
        export_email(db, data.id, "agenda", tmp_path / "x.eml")
    # A list with nobody on it: a draft without recipients, to be addressed in the mail program.
    result = export_email(db, data.id, "minutes", tmp_path / "empty.eml", to="SDG working group")
    assert result.recipients == () and read_eml(result.path)["To"] is None


def test_unusable_addresses_are_left_out(db, data, tmp_path):
    from unnet_desktop.core import models as m

    with db.session() as s:
        s.get(m.Person, data.net.siti).email = "not an address"
        s.get(m.Person, data.net.chair).email = "two@at@signs"
    message = read_eml(export_email(db, data.id, "invitation", tmp_path / "x.eml").path)
    addresses = [a.addr_spec for a in message["To"].addresses]
    assert "gita.sabharwal@un.org" not in addresses and len(addresses) == 5


# ---------------------------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------------------------

WRITERS = {
    "xlsx": lambda db, mid, out: export_participants(db, mid, out),
    "ics": lambda db, mid, out: export_invitation(db, mid, out),
    "eml": lambda db, mid, out: export_email(db, mid, "participants", out),
}


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_locked_target_is_left_unchanged(db, data, tmp_path, monkeypatch, kind):
    target = tmp_path / f"out.{kind}"
    target.write_bytes(b"previous version")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileRefused, match="open in another program"):
        WRITERS[kind](db, data.id, target)
    assert target.read_bytes() == b"previous version"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes in read-only folders")
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_read_only_folder_is_refused(db, data, tmp_path, kind):
    folder = tmp_path / "readonly"
    folder.mkdir()
    target = folder / f"out.{kind}"
    target.write_bytes(b"previous version")
    folder.chmod(0o555)
    try:
        with pytest.raises(FileRefused):
            WRITERS[kind](db, data.id, target)
        assert target.read_bytes() == b"previous version"
    finally:
        folder.chmod(0o755)


def test_participants_can_be_listed_after_export(db, data, tmp_path):
    """Writing files changes nothing in the database."""
    before = participants.attendance_summary(db, data.id)
    export_participants(db, data.id, tmp_path / "p.xlsx")
    export_email(db, data.id, "minutes", tmp_path / "m.eml")
    assert participants.attendance_summary(db, data.id) == before


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_folder_refusing_new_files(db, data, tmp_path, monkeypatch, kind):
    """What a read-only folder does (also when the tests run as root, who may write anywhere)."""
    import tempfile

    target = tmp_path / f"out.{kind}"
    target.write_bytes(b"previous version")

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(FileRefused, match="Cannot write in"):
        WRITERS[kind](db, data.id, target)
    assert target.read_bytes() == b"previous version"


def test_every_file_of_every_sample_meeting(demo_db, tmp_path):
    """The sample network's meetings, whatever their state, give each file without an error."""
    from docx import Document

    from unnet_desktop.core.enums import MinutesStatus
    from unnet_desktop.files.minutes_docx import export_minutes

    rows = meetings.list_meetings(demo_db)
    assert rows
    for row in rows:
        doc = Document(export_minutes(demo_db, row.id, tmp_path / f"{row.id}.docx"))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert ("Approved on" in text) == (row.minutes_status is MinutesStatus.APPROVED)
        export_participants(demo_db, row.id, tmp_path / f"{row.id}.xlsx")
        export_invitation(demo_db, row.id, tmp_path / f"{row.id}.ics")
        export_email(demo_db, row.id, "minutes", tmp_path / f"{row.id}.eml", to="UN Country Team")


def test_written_file_gets_the_ordinary_mode_not_the_temporary_one(tmp_path):
    """mkstemp's 0600 must not leak into the export: a colleague on the same machine can read it."""
    import stat

    from unnet_desktop.files.safety import _UMASK, atomic_path

    target = tmp_path / "minutes.docx"
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~_UMASK
    target.chmod(0o640)
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"newer"
