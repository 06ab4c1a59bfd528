"""The sample network: a database that shows the Network as its Terms of Reference describe it.

``unnet-desktop --demo`` opens it (built on first use, never the user's own database);
``unnet-desktop demo --db FILE`` writes it into a new file. The content lives in ``demo_content``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..core.database import Database, open_database
from ..core.enums import ActionStatus, Confidentiality, NetworkRole
from ..core.errors import DatabaseRefused, KnownError
from ..core.models import (
    ActionPoint,
    ActionPointChange,
    Activity,
    AgendaItem,
    DistributionList,
    GcmObjective,
    Meeting,
    Organisation,
    Participation,
    Person,
    Policy,
    ResultsGroup,
    WorkingGroup,
    WorkPlan,
)
from ..core.reference_data import DEFAULT_DISTRIBUTION_LISTS
from ..core.timezone import wib
from ..paths import demo_db_built, demo_db_path
from . import demo_content as content

FOCAL_POINT_LIST, UNCT_LIST, SDG_LIST = (name for name, _ in DEFAULT_DISTRIBUTION_LISTS)
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def ensure_demo_database() -> Path:
    """The sample database in the data folder, built first if it is missing."""
    path = demo_db_path()
    if not demo_db_built():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_demo_database(path)
    return path


def create_demo_database(path: Path) -> None:
    """Write the sample network into ``path``, a new (or empty) file.

    The database is built under a temporary name beside ``path`` and renamed into place at the
    end, so ``path`` never holds a half-made sample; on failure the temporary files are removed.
    """
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise KnownError(f"{path} is a folder; give the name of a new file for the sample network.")
    if path.exists() and path.stat().st_size > 0:
        raise KnownError(f"{path} already exists; the sample network is written only into a new file.")
    if not path.parent.is_dir():
        raise DatabaseRefused(f"The folder {path.parent} does not exist.")
    if not os.access(path.parent, os.W_OK):
        raise DatabaseRefused(f"Cannot create {path}: the folder is read-only.")

    building = path.with_name(f".{path.name}.{os.getpid()}.building")
    _remove(building)
    try:
        db = open_database(building)
        try:
            populate_demo(db)
            # Everything into the main file, so that it stands alone once renamed.
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        os.replace(building, path)
    except BaseException:
        _remove(building)
        raise
    _remove(building)  # side files (-wal, -shm) of the temporary name, if SQLite left any


def _remove(path: Path) -> None:
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def populate_demo(db: Database) -> None:
    """Fill a freshly created, empty database with the sample network, in one transaction."""
    with db.session() as s:
        if s.scalar(select(func.count()).select_from(Organisation)) or s.scalar(
            select(func.count()).select_from(Meeting)
        ):
            raise KnownError("The sample network can only be written into a new, empty database.")
        _Builder(s).build()
    _date_action_points(db)


def _date_action_points(db: Database) -> None:
    """Give the sample action points the times they would have had: raised at their meeting, and
    the done ones finished by their due date (not "today", when the sample was written), so the
    dashboard's "done this quarter" means something in the demo too."""
    now = dt.datetime.now(dt.timezone.utc)
    with db.session() as s:
        rows = s.execute(
            select(ActionPoint.id, ActionPoint.status, ActionPoint.due_date, Meeting.starts_at).outerjoin(
                Meeting, Meeting.id == ActionPoint.meeting_id
            )
        ).all()
        for action_id, status, due, starts in rows:
            raised = starts + dt.timedelta(hours=2) if starts else now - dt.timedelta(days=30)
            raised = min(raised, now)
            changed = raised
            if status in (ActionStatus.DONE, ActionStatus.DROPPED) and due is not None:
                changed = min(max(wib(due.year, due.month, due.day, 10) - dt.timedelta(days=2), raised), now)
            s.execute(
                update(ActionPoint)
                .where(ActionPoint.id == action_id)
                .values(created_at=raised, updated_at=changed)
                .execution_options(synchronize_session=False)
            )
            s.execute(
                update(ActionPointChange)
                .where(ActionPointChange.action_point_id == action_id)
                .values(changed_at=raised, created_at=raised, updated_at=raised)
                .execution_options(synchronize_session=False)
            )


class _Builder:
    """Turns the keyed tables of ``demo_content`` into ORM rows in one session."""

    def __init__(self, session: Session):
        self.s = session
        self.orgs: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.groups: dict[str, WorkingGroup] = {}
        self.objectives = {o.number: o for o in session.scalars(select(GcmObjective))}
        self.results_groups = {g.number: g for g in session.scalars(select(ResultsGroup))}
        self.lists = {d.name: d for d in session.scalars(select(DistributionList))}
        self.meeting_rows: dict[str, Meeting] = {}

    def build(self) -> None:
        self.contacts()
        self.distribution_lists()
        self.working_groups()
        self.meetings()
        self.work_plans()
        self.policies()
        self.s.flush()

    def objs(self, numbers: list[int]) -> list[GcmObjective]:
        return [self.objectives[n] for n in numbers]

    # ---------------------------------------------------------------- contacts
    def contacts(self) -> None:
        for key, name, acronym, category, role, since, notes in content.ORGANISATIONS:
            org = Organisation(
                name=name, acronym=acronym, category=category, network_role=role, member_since=since, notes=notes
            )
            self.orgs[key] = org
            self.s.add(org)
        for key, org_key, title, full_name, sex, position, email, phone in content.PEOPLE:
            person = Person(
                title=title,
                full_name=full_name,
                sex=sex,
                position=position,
                organisation=self.orgs[org_key],
                email=email,
                phone=phone,
                **content.PEOPLE_EXTRA.get(key, {}),
            )
            self.people[key] = person
            self.s.add(person)
        for org_key, (focal, alternate) in content.FOCAL_POINTS.items():
            org = self.orgs[org_key]
            org.focal_point = self.people[focal]
            org.alternate = self.people[alternate] if alternate else None

    def distribution_lists(self) -> None:
        focal_points = []
        for org_key, (focal, alternate) in content.FOCAL_POINTS.items():
            if self.orgs[org_key].network_role is NetworkRole.OBSERVER:
                continue
            focal_points += [self.people[k] for k in (focal, alternate) if k]
        self.lists[FOCAL_POINT_LIST].people = focal_points
        self.lists[UNCT_LIST].people = [self.people[k] for k in content.UNCT_HEADS]
        self.lists[SDG_LIST].people = [self.people[k] for k in content.SDG_WORKING_GROUP]

    def working_groups(self) -> None:
        for spec in content.WORKING_GROUPS:
            group = WorkingGroup(
                name=spec["name"],
                short_name=spec["short_name"],
                kind=spec["kind"],
                purpose=spec["purpose"],
                lead_organisation=self.orgs[spec["lead"]],
                co_lead_organisation=self.orgs[spec["co_lead"]],
                established_on=spec["established_on"],
                objectives=self.objs(spec["objectives"]),
                members=[self.people[k] for k in spec["members"]],
            )
            self.groups[spec["key"]] = group
            self.s.add(group)

    # ---------------------------------------------------------------- meetings
    def meetings(self) -> None:
        for spec in content.MEETINGS:
            meeting = Meeting(
                reference=spec["reference"],
                title=spec["title"],
                kind=spec["kind"],
                working_group=self.groups[spec["working_group"]] if spec.get("working_group") else None,
                starts_at=wib(*spec["start"]),
                ends_at=wib(*spec["end"]),
                venue=spec["venue"],
                online_link=spec["online_link"],
                chair=self.people[spec["chair"]],
                status=spec["status"],
                confidentiality=spec.get("confidentiality", Confidentiality.INTERNAL),
                minutes_status=spec["minutes_status"],
                approved_on=spec.get("approved_on"),
            )
            meeting.participations = [
                Participation(person=self.people[key], role=role, invitation=invitation, attendance=attendance,
                              remote=remote)
                for key, role, invitation, attendance, remote in spec["participants"]
            ]
            for position, item_spec in enumerate(spec["agenda"], start=1):
                item = AgendaItem(
                    position=position,
                    title=item_spec["title"],
                    presenter=self.people[item_spec["presenter"]],
                    duration_minutes=item_spec["minutes"],
                    objectives=self.objs(item_spec["objectives"]),
                    discussion=item_spec.get("discussion", ""),
                    decisions=item_spec.get("decisions", ""),
                )
                meeting.agenda_items.append(item)
                for description, org_key, person_key, due, status, note in item_spec.get("actions", []):
                    self.s.add(
                        ActionPoint(
                            meeting=meeting,
                            agenda_item=item,
                            description=description,
                            responsible_organisation=self.orgs[org_key],
                            responsible_person=self.people[person_key],
                            due_date=due,
                            status=status,
                            completion_note=note,
                        )
                    )
            self.meeting_rows[meeting.reference] = meeting
            self.s.add(meeting)

    # ---------------------------------------------------------------- work plans
    def work_plans(self) -> None:
        for spec in content.WORK_PLANS:
            plan = WorkPlan(
                year=spec["year"], title=spec["title"], status=spec["status"], endorsed_on=spec["endorsed_on"]
            )
            for a in spec["activities"]:
                plan.activities.append(
                    Activity(
                        code=a["code"],
                        title=a["title"],
                        description=a.get("description", ""),
                        results_group=self.results_groups[a["rg"]],
                        objectives=self.objs(a["objectives"]),
                        lead_agency=self.orgs[a["lead"]],
                        participating_agencies=[self.orgs[k] for k in a["participating"]],
                        implementing_partners=[self.orgs[k] for k in a["partners"]],
                        location=a["location"],
                        start_date=a["start"],
                        end_date=a["end"],
                        status=a["status"],
                        gender_marker=a["gender"],
                        gender_marker_note=a["gender_note"],
                        human_rights_marker=a["hr"],
                        human_rights_marker_note=a["hr_note"],
                        budget_required=a["required"],
                        budget_available=a["available"],
                        budget_spent=a["spent"],
                        indicator=a["indicator"],
                        baseline=a["baseline"],
                        target=a["target"],
                        progress_pct=a["progress"],
                        progress_note=a["progress_note"],
                    )
                )
            self.s.add(plan)

    # ---------------------------------------------------------------- the library
    def policies(self) -> None:
        policies: dict[str, Policy] = {}
        for spec in content.POLICIES:
            policy = Policy(
                title=spec["title"],
                number=spec["number"],
                type=spec["type"],
                issuing_authority=spec["authority"],
                issued_on=spec["issued_on"],
                status=spec["status"],
                language=spec["language"],
                summary=spec["summary"],
                url=spec["url"],
                file_name="",
                objectives=self.objs(spec["objectives"]),
                **{tag: True for tag in spec["tags"]},
            )
            policies[spec["key"]] = policy
            self.s.add(policy)
        for reference, position, keys in content.POLICY_PRESENTATIONS:
            item = next(i for i in self.meeting_rows[reference].agenda_items if i.position == position)
            for key in keys:
                policies[key].agenda_items.append(item)
