"""The calendar invitation of a meeting (issue 4, point 7): an RFC 5545 .ics file.

METHOD:REQUEST (CANCEL for a cancelled meeting); the Asia/Jakarta time zone as a VTIMEZONE with
DTSTART/DTEND given with that TZID; a UID fixed for the meeting (from its UUID) and a SEQUENCE
that grows each time the meeting is moved, so that Outlook, Google Calendar and Thunderbird update
the event they have instead of adding a second one; the secretariat as ORGANIZER; each invited
participant with an e-mail address as an ATTENDEE. icalendar is imported only when a file is written.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .. import NETWORK_NAME, __version__
from ..core.enums import InvitationStatus, MeetingStatus, ParticipantRole
from ..core.errors import FileRefused
from ..core.timezone import UTC, WIB
from ..services.meeting_views import MeetingDetail, PersonRef
from .safety import atomic_path, clean_text

ICS_MIME = "text/calendar"
PRODID = f"-//{NETWORK_NAME}//unnet-desktop {__version__}//EN"
TZID = "Asia/Jakarta"
DEFAULT_LENGTH = dt.timedelta(hours=2)

_ROLES = {
    ParticipantRole.MEMBER: "REQ-PARTICIPANT",
    ParticipantRole.GUEST_SPEAKER: "REQ-PARTICIPANT",
    ParticipantRole.SECRETARIAT: "REQ-PARTICIPANT",
    ParticipantRole.OBSERVER: "OPT-PARTICIPANT",
}
_PARTSTAT = {
    InvitationStatus.ACCEPTED: "ACCEPTED",
    InvitationStatus.DECLINED: "DECLINED",
}


def uid_for(detail: MeetingDetail) -> str:
    """The event's UID: the same for every export of this meeting, on every laptop."""
    return f"{detail.uuid}@unnet-desktop"


def default_filename(detail: MeetingDetail) -> str:
    safe = "".join("-" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in detail.reference).strip(" .")
    return f"Invitation {safe or detail.id}.ics"


def _jakarta_vtimezone():
    """Asia/Jakarta: UTC+7 without daylight saving since 1964; one STANDARD block says it all."""
    from icalendar import Timezone, TimezoneStandard

    tz = Timezone()
    tz.add("TZID", TZID)
    tz.add("X-LIC-LOCATION", TZID)
    standard = TimezoneStandard()
    standard.add("DTSTART", dt.datetime(1970, 1, 1, 0, 0, 0))
    standard.add("TZOFFSETFROM", dt.timedelta(hours=7))
    standard.add("TZOFFSETTO", dt.timedelta(hours=7))
    standard.add("TZNAME", "WIB")
    tz.add_component(standard)
    return tz


def _address(person: PersonRef | None) -> str | None:
    return f"mailto:{person.email}" if person is not None and person.email else None


def organizer_for(detail: MeetingDetail) -> PersonRef | None:
    """The secretariat's focal point; else a participant with the secretariat role; else the chair."""
    if detail.secretariat is not None and detail.secretariat.email:
        return detail.secretariat
    for p in detail.participants:
        if p.role is ParticipantRole.SECRETARIAT and p.email:
            return PersonRef(p.person_id, p.name, p.email, p.organisation_short, p.position)
    if detail.chair is not None and detail.chair.email:
        return detail.chair
    return None


def description_text(detail: MeetingDetail) -> str:
    lines = [f"{detail.kind.label} {detail.reference}: {detail.title}", detail.long_when]
    if detail.venue:
        lines.append(f"Venue: {detail.venue}")
    if detail.online_link:
        lines.append(f"Join online: {detail.online_link}")
    if detail.chair is not None:
        lines.append(f"Chair: {detail.chair.with_organisation}")
    if detail.agenda:
        lines += ["", "Agenda:"]
        for item in detail.agenda:
            line = f"{item.position}. {item.title}"
            if item.presenter:
                line += f" ({item.presenter})"
            lines.append(line)
    if detail.internal:
        lines += ["", "For internal use only."]
    return clean_text("\n".join(lines))


def build_calendar(detail: MeetingDetail, *, now: dt.datetime | None = None):
    """The icalendar Calendar of the invitation (or of its cancellation)."""
    from icalendar import Calendar, Event, vCalAddress, vText

    organizer = organizer_for(detail)
    if organizer is None:
        raise FileRefused(
            "The invitation needs an organizer: give the secretariat's focal point (the co-chair and "
            "secretariat organisation) an e-mail address."
        )
    cancelled = detail.status is MeetingStatus.CANCELLED
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "CANCEL" if cancelled else "REQUEST")
    cal.add_component(_jakarta_vtimezone())

    start = detail.starts_at.astimezone(WIB)
    end = (detail.ends_at or detail.starts_at + DEFAULT_LENGTH).astimezone(WIB)
    event = Event()
    event.add("UID", uid_for(detail))
    event.add("SEQUENCE", int(detail.ics_sequence))
    event.add("DTSTAMP", (now or dt.datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    event.add("DTSTART", start.replace(microsecond=0))  # TZID=Asia/Jakarta from the ZoneInfo
    event.add("DTEND", end.replace(microsecond=0))
    event.add("SUMMARY", clean_text(f"{detail.title} ({detail.reference})"))
    location = " / ".join(part for part in (detail.venue, detail.online_link) if part)
    if location:
        event.add("LOCATION", clean_text(location))
    if detail.online_link:
        event.add("URL", clean_text(detail.online_link))
    event.add("DESCRIPTION", description_text(detail))
    event.add("STATUS", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("TRANSP", "OPAQUE")

    org = vCalAddress(_address(organizer))
    org.params["CN"] = vText(clean_text(organizer.name))
    event.add("ORGANIZER", org)

    seen = {organizer.email.casefold()}
    chair_id = detail.chair.id if detail.chair else None
    for p in detail.participants:
        email = p.email.strip()
        if not email or email.casefold() in seen:
            continue
        seen.add(email.casefold())
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["CN"] = vText(clean_text(p.name))
        attendee.params["CUTYPE"] = "INDIVIDUAL"
        attendee.params["ROLE"] = "CHAIR" if p.person_id == chair_id else _ROLES.get(p.role, "REQ-PARTICIPANT")
        attendee.params["PARTSTAT"] = _PARTSTAT.get(p.invitation, "NEEDS-ACTION")
        attendee.params["RSVP"] = "FALSE" if cancelled else "TRUE"
        event.add("ATTENDEE", attendee, encode=0)
    cal.add_component(event)
    return cal


def write_invitation(detail: MeetingDetail, target: str | os.PathLike, *, now: dt.datetime | None = None) -> Path:
    """Write the .ics atomically; FileRefused when it cannot be written or has no organizer."""
    data = build_calendar(detail, now=now).to_ical()
    with atomic_path(target) as tmp:
        Path(tmp).write_bytes(data)
    return Path(target).expanduser().absolute()


def export_invitation(db, meeting_id: int, target: str | os.PathLike) -> Path:
    from ..services.meeting_views import meeting_detail

    return write_invitation(meeting_detail(db, meeting_id), target)


__all__ = [
    "ICS_MIME",
    "build_calendar",
    "default_filename",
    "description_text",
    "export_invitation",
    "organizer_for",
    "uid_for",
    "write_invitation",
]
