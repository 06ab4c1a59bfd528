"""Speed of the meetings module (issue 4, point 11). A script, not a test:

    python benchmarks/bench_meetings.py [--runs 5] [--keep DIR]

Builds, in a temporary database, a meeting with 30 agenda items, 120 participants (from 25
organisations) and 60 action points, plus 2,000 other meetings over ten years; then times:
- the Word minutes of the big meeting (read + build + atomic save): target < 1 s;
- its participant list in Excel: target < 0.5 s;
- ``list_meetings`` over the 2,000+ meetings (the page's query), unfiltered and filtered: target < 300 ms.
Each figure is the median of ``--runs`` runs (the first, cold run shown apart).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unnet_desktop.core import models as m  # noqa: E402
from unnet_desktop.core.database import open_database  # noqa: E402
from unnet_desktop.core.enums import (  # noqa: E402
    ActionStatus,
    Attendance,
    Confidentiality,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    NetworkRole,
    OrganisationCategory,
    ParticipantRole,
    Sex,
)
from unnet_desktop.core.timezone import wib  # noqa: E402

AGENDA_ITEMS = 30
PARTICIPANTS = 120
ACTION_POINTS = 60
OTHER_MEETINGS = 2000
ORGANISATIONS = 25

LOREM = (
    "Members discussed the protection of Indonesian migrant workers under Law No. 18/2017 and the "
    "zero placement cost policy of BP2MI Regulation No. 9/2020, with attention to women domestic workers."
)


def build(path: Path) -> int:
    """The data set; returns the big meeting's id."""
    rng = random.Random(2025)
    db = open_database(path)
    with db.session() as s:
        categories = list(OrganisationCategory)
        orgs = [
            m.Organisation(
                name=f"Organisation {i:02d}",
                acronym=f"ORG{i:02d}",
                category=OrganisationCategory.UN_AGENCY if i < 12 else categories[i % len(categories)],
                network_role=NetworkRole.CHAIR if i == 0 else NetworkRole.CO_CHAIR_SECRETARIAT if i == 1 else NetworkRole.MEMBER,
            )
            for i in range(ORGANISATIONS)
        ]
        s.add_all(orgs)
        s.flush()
        sexes = [Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.NOT_RECORDED]
        people = [
            m.Person(
                full_name=f"Participant {i:03d}",
                sex=sexes[i % len(sexes)],
                organisation_id=orgs[i % ORGANISATIONS].id,
                email=f"p{i:03d}@example.org",
                phone=f"+62 21 555 {i:04d}",
                position="Programme officer",
            )
            for i in range(PARTICIPANTS)
        ]
        s.add_all(people)
        s.flush()
        orgs[0].focal_point_id = people[0].id
        orgs[1].focal_point_id = people[1].id

        meeting = m.Meeting(
            reference="2025-Q2",
            title="Second quarterly meeting of 2025",
            kind=MeetingKind.QUARTERLY,
            starts_at=wib(2025, 6, 5, 14),
            ends_at=wib(2025, 6, 5, 16),
            venue="UN House, Jakarta",
            online_link="https://meet.example.org/q2",
            chair_id=people[0].id,
            status=MeetingStatus.HELD,
            minutes_status=MinutesStatus.CIRCULATED,
        )
        s.add(meeting)
        s.flush()
        objectives = list(s.scalars(m.GcmObjective.__table__.select().with_only_columns(m.GcmObjective.id)))
        items = []
        for i in range(AGENDA_ITEMS):
            item = m.AgendaItem(
                meeting_id=meeting.id,
                position=i + 1,
                title=f"Agenda item {i + 1}: update on GCM objective {i % 23 + 1}",
                presenter_id=people[i % PARTICIPANTS].id,
                duration_minutes=5,
                discussion="\n".join([LOREM, "- first point raised", "- second point raised", LOREM]),
                decisions="The Network agreed to follow up.\n- circulate the note",
            )
            items.append(item)
        s.add_all(items)
        s.flush()
        s.execute(
            m.agenda_item_objectives.insert(),
            [
                {"agenda_item_id": item.id, "gcm_objective_id": objectives[(i + k) % 23], "uuid": m.new_uuid()}
                for i, item in enumerate(items)
                for k in range(2)
            ],
        )
        attendance = [Attendance.PRESENT] * 8 + [Attendance.APOLOGIES, Attendance.ABSENT]
        s.add_all(
            m.Participation(
                meeting_id=meeting.id,
                person_id=p.id,
                role=ParticipantRole.MEMBER,
                attendance=attendance[i % len(attendance)],
                remote=i % 4 == 0,
            )
            for i, p in enumerate(people)
        )
        s.add_all(
            m.ActionPoint(
                meeting_id=meeting.id,
                agenda_item_id=items[i % AGENDA_ITEMS].id,
                description=f"Action {i + 1}: prepare and share the follow-up note with the members",
                responsible_organisation_id=orgs[i % ORGANISATIONS].id,
                responsible_person_id=people[i % PARTICIPANTS].id,
                due_date=dt.date(2025, 7, 1) + dt.timedelta(days=i),
                status=ActionStatus.OPEN,
            )
            for i in range(ACTION_POINTS)
        )
        kinds = [MeetingKind.QUARTERLY, MeetingKind.AD_HOC, MeetingKind.WORKING_GROUP, MeetingKind.OTHER]
        s.execute(
            m.Meeting.__table__.insert(),
            [
                {
                    "uuid": m.new_uuid(),
                    "reference": f"BENCH-{i:05d}",
                    "title": f"Meeting {i}",
                    "kind": kinds[i % len(kinds)],
                    "starts_at": wib(2016, 1, 1, 9) + dt.timedelta(hours=43 * i),
                    "ends_at": wib(2016, 1, 1, 11) + dt.timedelta(hours=43 * i),
                    "venue": rng.choice(["Jakarta", "Surabaya", "Online", "Medan"]),
                    "online_link": "",
                    "status": rng.choice(list(MeetingStatus)),
                    "confidentiality": Confidentiality.INTERNAL,
                    "minutes_status": rng.choice(list(MinutesStatus)),
                    "ics_sequence": 0,
                    "created_at": m.utcnow(),
                    "updated_at": m.utcnow(),
                }
                for i in range(OTHER_MEETINGS)
            ],
        )
        meeting_id = meeting.id
    db.close()
    return meeting_id


def timed(label: str, target_s: float, runs: int, fn) -> float:
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    cold, warm = times[0], statistics.median(times[1:])
    verdict = "OK" if warm < target_s else "SLOW"
    print(f"  {label:<58} {warm * 1000:8.1f} ms  (cold {cold * 1000:7.1f} ms; target < {target_s * 1000:.0f} ms) {verdict}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="write the database and files here and keep them")
    args = parser.parse_args(argv)

    from unnet_desktop.files.minutes_docx import export_minutes
    from unnet_desktop.files.participants_xlsx import export_participants
    from unnet_desktop.services.meeting_views import meeting_detail
    from unnet_desktop.services.meetings import list_meetings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "bench-meetings.sqlite"
        db_path.unlink(missing_ok=True)
        start = time.perf_counter()
        meeting_id = build(db_path)
        print(f"Data: 1 meeting with {AGENDA_ITEMS} agenda items, {PARTICIPANTS} participants, {ACTION_POINTS} action "
              f"points; {OTHER_MEETINGS + 1} meetings in all (built in {time.perf_counter() - start:.1f} s)")  # fmt: skip
        print(f"Python {sys.version.split()[0]}, median of {args.runs} runs after a cold one:")
        db = open_database(db_path)
        try:
            timed("read the meeting (meeting_detail)", 0.2, args.runs, lambda: meeting_detail(db, meeting_id))
            docx = folder / "minutes.docx"
            timed("Word minutes (read + build + save)", 1.0, args.runs, lambda: export_minutes(db, meeting_id, docx))
            xlsx = folder / "participants.xlsx"
            timed("participant list .xlsx (read + build + save)", 0.5, args.runs,
                  lambda: export_participants(db, meeting_id, xlsx))  # fmt: skip
            rows = timed("list_meetings: all, by date", 0.3, args.runs, lambda: list_meetings(db))
            assert len(rows) == OTHER_MEETINGS + 1, len(rows)
            timed("list_meetings: newest first", 0.3, args.runs, lambda: list_meetings(db, descending=True))
            timed("list_meetings: by title", 0.3, args.runs, lambda: list_meetings(db, order_by="title"))
            timed("list_meetings: year 2020, quarterly", 0.3, args.runs,
                  lambda: list_meetings(db, year=2020, kind="quarterly"))  # fmt: skip
            timed("list_meetings: search 'surabaya'", 0.3, args.runs, lambda: list_meetings(db, search="surabaya"))
            print(f"  Word file: {docx.stat().st_size / 1024:.0f} KiB; Excel file: {xlsx.stat().st_size / 1024:.0f} KiB")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
