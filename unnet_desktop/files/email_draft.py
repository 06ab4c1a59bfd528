"""An unsent e-mail draft (.eml) with the minutes, the invitation or the participant list attached
(issue 4, point 8). Standard library only; no network is used.

``X-Unsent: 1`` makes Outlook open the file as a new message ready to send; Thunderbird and Apple
Mail open it as a message whose recipients, subject, body and attachment can be forwarded/edited.
The attachment is built in a temporary folder by the same writers as the separate exports.
"""

from __future__ import annotations

import enum
import os
import tempfile
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import sqlalchemy as sa

from .. import NETWORK_NAME
from ..core.enums import MinutesStatus
from ..core.errors import ValidationError
from ..services.meeting_views import MeetingDetail, long_date
from .safety import atomic_path, clean_text

EML_MIME = "message/rfc822"
# CRLF line ends; long headers kept on one line up to RFC 5322's limit (the standard library folds a
# long Subject right after the colon, which some readers show as a leading space).
POLICY = SMTP.clone(max_line_length=998)


class What(str, enum.Enum):
    MINUTES = "minutes"
    INVITATION = "invitation"
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str

    def address(self) -> Address | None:
        """The address for a header; None when the e-mail address cannot be used."""
        try:
            return Address(display_name=" ".join(clean_text(self.name).split()), addr_spec=self.email.strip())
        except (ValueError, IndexError, HeaderParseError):
            return None


@dataclass(frozen=True)
class DraftResult:
    path: Path
    recipients: tuple[Recipient, ...]
    attachment: str  # file name
    subject: str


def participant_recipients(detail: MeetingDetail) -> list[Recipient]:
    """The meeting's participants with an e-mail address (each address once)."""
    return _unique(Recipient(p.name, p.email) for p in detail.participants if p.email)


def list_recipients(db, name: str) -> list[Recipient]:
    """The people of a distribution list (by name, case-insensitive) with an e-mail address,
    archived people left out. ValidationError for an unknown list."""
    from ..core.models import DistributionList, Person, distribution_list_members
    from ..services.participants import find_distribution_list

    with db.session() as s:
        list_id = find_distribution_list(s, name)
        rows = s.execute(
            sa.select(Person.title, Person.full_name, Person.email)
            .join(distribution_list_members, distribution_list_members.c.person_id == Person.id)
            .join(DistributionList, DistributionList.id == distribution_list_members.c.distribution_list_id)
            .where(DistributionList.id == list_id, Person.archived.is_(False))
            .order_by(Person.full_name, Person.id)
        ).all()
    return _unique(Recipient(f"{t or ''} {n}".strip(), e) for t, n, e in rows if e and e.strip())


def _unique(recipients) -> list[Recipient]:
    seen: set[str] = set()
    out = []
    for r in recipients:
        email = r.email.strip()
        if email.casefold() in seen or "@" not in email:
            continue
        recipient = Recipient(r.name, email)
        if recipient.address() is None:
            continue
        seen.add(email.casefold())
        out.append(recipient)
    return out


def subject_for(detail: MeetingDetail, what: What) -> str:
    day = f"{detail.date_wib.day} {detail.date_wib:%B %Y}"
    name = f"{detail.kind.label} {detail.reference}"
    if what is What.MINUTES:
        if detail.minutes_status is MinutesStatus.APPROVED:
            return f"Approved minutes: {name} ({day})"
        if detail.minutes_status is MinutesStatus.CIRCULATED:
            return f"Draft minutes for comments: {name} ({day})"
        return f"Draft minutes: {name} ({day})"
    if what is What.INVITATION:
        when = detail.long_when.replace("\u2013", "-")  # an ASCII subject reads well in every mail program
        return f"Invitation: {name}, {when}"
    return f"Participant list: {name} ({day})"


def body_for(detail: MeetingDetail, what: What, attachment: str) -> str:
    lines = ["Dear colleagues,", ""]
    name = f"the {detail.kind.label.lower()} {detail.reference} ({detail.title})"
    if what is What.MINUTES:
        if detail.minutes_status is MinutesStatus.APPROVED and detail.approved_on is not None:
            lines.append(
                f"Please find attached the minutes of {name}, held on {long_date(detail.date_wib)}, "
                f"as approved on {long_date(detail.approved_on)}."
            )
        else:
            lines.append(
                f"Please find attached the draft minutes of {name}, held on {long_date(detail.date_wib)}. "
                "We would be grateful for your comments."
            )
        if detail.action_points:
            lines += ["", f"The minutes record {len(detail.action_points)} action point(s)."]
    elif what is What.INVITATION:
        lines.append(f"You are invited to {name}:")
        lines += ["", f"  When:  {detail.long_when}"]
        if detail.venue:
            lines.append(f"  Where: {detail.venue}")
        if detail.online_link:
            lines.append(f"  Online: {detail.online_link}")
        if detail.agenda:
            lines += ["", "Provisional agenda:"]
            lines += [f"  {item.position}. {item.title}" for item in detail.agenda]
        lines += ["", "The attached calendar invitation adds the meeting to your calendar."]
    else:
        summary = detail.summary
        lines.append(f"Please find attached the participant list of {name}, held on {long_date(detail.date_wib)}.")
        lines.append(f"Present: {summary.present} ({summary.sex_text}); apologies: {summary.apologies}.")
    lines += ["", f"Attachment: {attachment}"]
    if detail.internal:
        lines += ["", "For internal use only: please do not share beyond the Network, the UNCT and the SDG working group."]
    signature = detail.secretariat.with_organisation if detail.secretariat else "The secretariat"
    lines += ["", "Best regards,", signature, f"Secretariat, {NETWORK_NAME}"]
    return clean_text("\n".join(lines)) + "\n"


def _attachment(detail: MeetingDetail, what: What, folder: Path, personal: bool) -> tuple[Path, str, str]:
    """Build the attachment in ``folder``; returns (path, maintype, subtype)."""
    if what is What.MINUTES:
        from .minutes_docx import default_filename, write_minutes

        path = write_minutes(detail, folder / default_filename(detail))
        return path, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document"
    if what is What.INVITATION:
        from .invitation_ics import default_filename, write_invitation

        path = write_invitation(detail, folder / default_filename(detail))
        return path, "text", "calendar"
    from .participants_xlsx import default_filename, write_participants

    path = write_participants(detail, folder / default_filename(detail), personal=personal)
    return path, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_message(
    detail: MeetingDetail, what: What | str, recipients: list[Recipient], *, personal: bool = True
) -> EmailMessage:
    what = What(what) if not isinstance(what, What) else what
    message = EmailMessage(policy=POLICY)
    message["X-Unsent"] = "1"
    # No From: the mail program sends from the officer's own account.
    addresses = [a for a in (r.address() for r in recipients) if a is not None]
    if addresses:
        message["To"] = addresses
    message["Subject"] = clean_text(subject_for(detail, what))
    with tempfile.TemporaryDirectory(prefix="unnet-mail-") as folder:
        path, maintype, subtype = _attachment(detail, what, Path(folder), personal)
        message.set_content(body_for(detail, what, path.name), cte="quoted-printable")
        params = {"method": "REQUEST"} if what is What.INVITATION else {}
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name, params=params)
    return message


def write_email(
    detail: MeetingDetail,
    what: What | str,
    target: str | os.PathLike,
    *,
    recipients: list[Recipient] | None = None,
    personal: bool = True,
) -> DraftResult:
    """Write the draft atomically. ``recipients`` None: the meeting's participants."""
    try:
        what = What(what) if not isinstance(what, What) else what
    except ValueError:
        raise ValidationError(f"{what!r} is not something to send (minutes, invitation or participants).") from None
    recipients = participant_recipients(detail) if recipients is None else recipients
    message = build_message(detail, what, recipients, personal=personal)
    with atomic_path(target) as tmp:
        Path(tmp).write_bytes(message.as_bytes())
    attachment = next(message.iter_attachments()).get_filename()
    return DraftResult(Path(target).expanduser().absolute(), tuple(recipients), attachment, message["Subject"])


def export_email(
    db, meeting_id: int, what: What | str, target: str | os.PathLike, *, to: str | None = None, personal: bool = True
) -> DraftResult:
    """The CLI's and the page's call: ``to`` names a distribution list (None: the participants)."""
    from ..services.meeting_views import meeting_detail

    detail = meeting_detail(db, meeting_id)
    recipients = list_recipients(db, to) if to else None
    return write_email(detail, what, target, recipients=recipients, personal=personal)


__all__ = [
    "EML_MIME",
    "DraftResult",
    "Recipient",
    "What",
    "body_for",
    "build_message",
    "export_email",
    "list_recipients",
    "participant_recipients",
    "subject_for",
    "write_email",
]
