"""The action-point tracker: the Excel file the secretariat mails to the counterparts responsible,
who fill in what they did and mail it back (Terms of Reference, B.1).

The layout is a :class:`files.keyed_workbook.WorkbookKind`: a hidden key column (the action
point's UUID), read-only context (grey headers), the editable columns in yellow (status as a
drop-down, due date as a real date, completion note), overdue rows in red by conditional
formatting, Instructions in English and Bahasa Indonesia. Importing is
``services.action_points.plan_action_import`` / ``apply_action_import``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.database import Database
from ..core.enums import ActionStatus
from .keyed_workbook import Column, ExportInfo, Highlight, KeyedWorkbook, WorkbookKind, read_keyed_workbook, write_keyed_workbook

KIND = "unnet_desktop/action-tracker"

_FINISHED_WORDS = ("done", "dropped", "selesai", "dibatalkan", "batal", "completed", "cancelled")


def _not_finished(status: str) -> str:
    text = f"LOWER(TRIM(${status}2))"
    return "NOT(OR(" + ",".join(f'{text}="{w}"' for w in _FINISHED_WORDS) + "))"


_OVERDUE = "AND(ISNUMBER(${due_date}2),${due_date}2<TODAY()," + _not_finished("{status}") + ")"

INSTRUCTIONS_EN = (
    "This tracker lists action points of the UN Network on Migration in Indonesia. Please update the "
    "yellow columns and send the file back to the secretariat.",
    "Status: choose from the list (Open, In progress, Done, Dropped). Indonesian words are understood "
    "too: Belum / Belum dimulai / Terbuka, Dalam proses / Sedang berjalan, Selesai, Dibatalkan.",
    "Due date: type a date, for example 31/03/2025.",
    "Completion note: what was done, or why the action is delayed or dropped.",
    "The columns with grey headers are for reference: changes there are not imported.",
    "To add an action point, use an empty row below the list: type the description (required) and the "
    "responsible organisation (name or acronym), and if you wish the person, meeting reference, status, "
    "due date and note. Leave the hidden key column (A) empty.",
    "Do not delete, retype or copy the hidden key column (A) and do not rename the sheets. Sorting and "
    "filtering rows is fine.",
    "Rows in red are overdue: the due date has passed and the action is neither done nor dropped.",
    "Keep the file as an Excel workbook (.xlsx).",
)
INSTRUCTIONS_ID = (
    "Tracker ini memuat tindak lanjut (action points) Jaringan PBB untuk Migrasi di Indonesia. Mohon "
    "perbarui kolom berwarna kuning dan kirimkan kembali berkas ini kepada sekretariat.",
    "Status: pilih dari daftar (Open, In progress, Done, Dropped). Kata dalam Bahasa Indonesia juga "
    "dipahami: Belum / Belum dimulai / Terbuka, Dalam proses / Sedang berjalan, Selesai, Dibatalkan.",
    "Tenggat (due date): ketik tanggal, misalnya 31/03/2025.",
    "Catatan penyelesaian: apa yang telah dilakukan, atau alasan tindak lanjut tertunda atau dibatalkan.",
    "Kolom dengan judul berwarna abu-abu hanya sebagai referensi: perubahan di kolom tersebut tidak "
    "diimpor.",
    "Untuk menambah tindak lanjut, gunakan baris kosong di bawah daftar: ketik deskripsi (wajib) dan "
    "organisasi penanggung jawab (nama atau singkatan), dan bila perlu nama orang, kode rapat, status, "
    "tenggat, dan catatan. Biarkan kolom kunci yang tersembunyi (A) kosong.",
    "Jangan menghapus, mengetik ulang, atau menyalin kolom kunci yang tersembunyi (A), dan jangan "
    "mengganti nama lembar kerja. Mengurutkan dan menyaring baris diperbolehkan.",
    "Baris berwarna merah sudah lewat tenggat: tanggal tenggat telah lewat dan tindak lanjut belum "
    "selesai atau dibatalkan.",
    "Simpan berkas tetap sebagai buku kerja Excel (.xlsx).",
)

ACTION_TRACKER = WorkbookKind(
    kind=KIND,
    label="action-point tracker",
    sheet_title="Action points",
    key_header="Key (do not change) / Kunci (jangan diubah)",
    columns=(
        Column("meeting", "Meeting / Rapat", width=12, aliases=("Meeting", "Rapat")),
        Column("agenda_item", "Agenda item / Butir agenda", width=28, aliases=("Agenda item", "Butir agenda")),
        Column("description", "Description / Deskripsi", width=60, aliases=("Description", "Deskripsi")),
        Column(
            "organisation",
            "Responsible organisation / Organisasi",
            width=22,
            aliases=("Responsible organisation", "Organisation", "Organisasi"),
        ),
        Column(
            "person",
            "Responsible person / Penanggung jawab",
            width=22,
            aliases=("Responsible person", "Person", "Penanggung jawab"),
        ),
        Column(
            "status",
            "Status",
            kind="choice",
            editable=True,
            width=14,
            choices=tuple(s.label for s in ActionStatus),
            required=True,
        ),
        Column(
            "due_date",
            "Due date / Tenggat",
            kind="date",
            editable=True,
            width=14,
            aliases=("Due date", "Tenggat"),
            required=True,
        ),
        Column(
            "completion_note",
            "Completion note / Catatan penyelesaian",
            editable=True,
            width=48,
            aliases=("Completion note", "Catatan penyelesaian", "Catatan"),
            required=True,
        ),
        Column("last_change", "Last change / Perubahan terakhir", kind="date", width=14, aliases=("Last change",)),
    ),
    instructions_en=INSTRUCTIONS_EN,
    instructions_id=INSTRUCTIONS_ID,
    keyed_rows_editable_only=True,
    highlights=(
        Highlight(_OVERDUE, font_colour="9C0006", bold=True),
        Highlight(_OVERDUE, font_colour="9C0006", fill_colour="FFC7CE", columns=("due_date",)),
    ),
)


def export_action_tracker(
    db: Database,
    target: str | Path,
    *,
    status=("open", "in_progress"),
    organisation_id: int | None = None,
    meeting_id: int | None = None,
    working_group_id: int | None = None,
    overdue: bool = False,
    due_within_days: int | None = None,
    text: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ExportInfo:
    """Write the tracker of the action points the filters select (those of
    ``services.action_points.list_action_points``; by default the open and in-progress ones),
    ordered by meeting and agenda, to ``target`` (atomically). ``status=None``: all."""
    from ..services.action_points import export_rows

    # The export time is taken before reading: a change made meanwhile counts as after it.
    exported_at = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    rows = export_rows(
        db,
        status=status,
        organisation_id=organisation_id,
        meeting_id=meeting_id,
        working_group_id=working_group_id,
        overdue=overdue,
        due_within_days=due_within_days,
        text=text,
        today=today,
    )
    filters = {
        "filter_status": "all" if status is None else ",".join(str(s) for s in ([status] if isinstance(status, str) else status)),
        "filter_organisation_id": "" if organisation_id is None else str(organisation_id),
        "filter_meeting_id": "" if meeting_id is None else str(meeting_id),
    }
    return write_keyed_workbook(target, ACTION_TRACKER, rows, exported_at=exported_at, meta=filters)


def read_action_tracker(path: str | Path) -> KeyedWorkbook:
    """The tracker's rows as read (FileRefused when it is not an action-point tracker)."""
    return read_keyed_workbook(path, ACTION_TRACKER)


__all__ = ["ACTION_TRACKER", "KIND", "export_action_tracker", "read_action_tracker"]
