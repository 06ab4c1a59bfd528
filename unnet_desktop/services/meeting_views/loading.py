"""Reading a meeting's detail in one session (``load_detail``, ``meeting_detail``) and the row
queries it is built from (participants, action points, the secretariat)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased, selectinload

from ...core.database import Database
from ...core.enums import NetworkRole, Sex
from ...core.errors import ValidationError
from ...core.models import ActionPoint, AgendaItem, Meeting, Organisation, Participation, Person
from .detail import ActionRow, AgendaRow, MeetingDetail, ParticipantRow, PersonRef
from .rows import next_meeting


def _person_ref(person: Person | None) -> PersonRef | None:
    if person is None:
        return None
    org = person.organisation
    return PersonRef(
        id=person.id,
        name=person.display_name,
        email=person.email or "",
        organisation=org.short if org is not None else "",
        position=person.position or "",
    )


def participant_rows(session: Session, meeting_id: int) -> list[ParticipantRow]:
    """The participants of a meeting in SQL, by organisation then name."""
    query = (
        sa.select(
            Participation.id,
            Person.id,
            Person.title,
            Person.full_name,
            Person.sex,
            Person.position,
            Person.email,
            Person.phone,
            Organisation.id,
            Organisation.name,
            Organisation.acronym,
            Organisation.category,
            Participation.role,
            Participation.invitation,
            Participation.attendance,
            Participation.remote,
        )
        .join(Person, Participation.person_id == Person.id)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .where(Participation.meeting_id == meeting_id)
        .order_by(sa.func.lower(sa.func.coalesce(Organisation.name, "~")), sa.func.lower(Person.full_name), Person.id)
    )
    rows = []
    for (pid, person_id, title, name, sex, position, email, phone, org_id, org, acronym, category,
         role, invitation, attendance, remote) in session.execute(query):  # fmt: skip
        rows.append(
            ParticipantRow(
                id=pid,
                person_id=person_id,
                name=f"{title or ''} {name}".strip(),
                sex=sex or Sex.NOT_RECORDED,
                position=position or "",
                email=email or "",
                phone=phone or "",
                organisation_id=org_id,
                organisation=org or "",
                organisation_short=acronym or org or "",
                category=category,
                role=role,
                invitation=invitation,
                attendance=attendance,
                remote=bool(remote),
            )
        )
    return rows


def action_rows(session: Session, meeting_id: int) -> list[ActionRow]:
    """The action points of a meeting in agenda order (those under no item last), numbered 1..n."""
    person = aliased(Person)
    query = (
        sa.select(
            ActionPoint.id,
            ActionPoint.agenda_item_id,
            AgendaItem.position,
            ActionPoint.description,
            ActionPoint.responsible_organisation_id,
            Organisation.acronym,
            Organisation.name,
            ActionPoint.responsible_person_id,
            person.title,
            person.full_name,
            ActionPoint.due_date,
            ActionPoint.status,
            ActionPoint.completion_note,
        )
        .outerjoin(AgendaItem, ActionPoint.agenda_item_id == AgendaItem.id)
        .outerjoin(Organisation, ActionPoint.responsible_organisation_id == Organisation.id)
        .outerjoin(person, ActionPoint.responsible_person_id == person.id)
        .where(ActionPoint.meeting_id == meeting_id)
        .order_by(AgendaItem.position.is_(None), AgendaItem.position, ActionPoint.id)
    )
    rows = []
    for n, (aid, item_id, position, description, org_id, acronym, org_name, person_id, title, name,
            due, status, note) in enumerate(session.execute(query), start=1):  # fmt: skip
        rows.append(
            ActionRow(
                id=aid,
                number=n,
                agenda_item_id=item_id,
                agenda_position=position,
                description=description or "",
                responsible_organisation_id=org_id,
                responsible_organisation=acronym or org_name or "",
                responsible_person_id=person_id,
                responsible_person=f"{title or ''} {name}".strip() if name else "",
                due_date=due,
                status=status,
                completion_note=note or "",
            )
        )
    return rows


def secretariat_person(session: Session) -> PersonRef | None:
    """The Network's secretariat (IOM): the co-chair and secretariat organisation's focal point,
    else its alternate, else its first person with an e-mail address."""
    org = session.scalars(
        sa.select(Organisation)
        .where(Organisation.network_role == NetworkRole.CO_CHAIR_SECRETARIAT, Organisation.archived.is_(False))
        .order_by(Organisation.id)
        .limit(1)
    ).first()
    if org is None:
        return None
    for candidate in (org.focal_point, org.alternate):
        if candidate is not None and candidate.email and not candidate.archived:
            return _person_ref(candidate)
    person = session.scalars(
        sa.select(Person)
        .where(Person.organisation_id == org.id, Person.email.is_not(None), Person.email != "", Person.archived.is_(False))
        .order_by(Person.id)
        .limit(1)
    ).first()
    return _person_ref(person)


def _policies_by_item(session: Session, item_ids: list[int]) -> dict:
    """The policy library's entries presented under these items (issue 7), when the app has it."""
    if not item_ids:
        return {}
    try:
        from ..policies import policies_by_item
    except ModuleNotFoundError:  # the policy library is not part of this build
        return {}
    return dict(policies_by_item(session, item_ids))


def load_detail(session: Session, meeting_id: int) -> MeetingDetail:
    meeting = session.scalars(
        sa.select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.objectives),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter).selectinload(Person.organisation),
            selectinload(Meeting.chair).selectinload(Person.organisation),
            selectinload(Meeting.working_group),
        )
    ).first()
    if meeting is None:
        raise ValidationError(f"There is no meeting with id {meeting_id}.")
    actions = action_rows(session, meeting_id)
    policies = _policies_by_item(session, [item.id for item in meeting.agenda_items])
    by_item: dict[int | None, list[ActionRow]] = {}
    for action in actions:
        by_item.setdefault(action.agenda_item_id, []).append(action)
    agenda = tuple(
        AgendaRow(
            id=item.id,
            position=item.position,
            title=item.title,
            presenter_id=item.presenter_id,
            presenter=_person_ref(item.presenter).with_organisation if item.presenter else "",
            duration_minutes=item.duration_minutes,
            discussion=item.discussion or "",
            decisions=item.decisions or "",
            objectives=tuple((o.number, o.short_label) for o in item.objectives),
            action_points=tuple(by_item.get(item.id, ())),
            policies=tuple(policies.get(item.id, ())),
        )
        for item in meeting.agenda_items
    )
    return MeetingDetail(
        id=meeting.id,
        uuid=meeting.uuid,
        reference=meeting.reference,
        title=meeting.title,
        kind=meeting.kind,
        working_group_id=meeting.working_group_id,
        working_group=meeting.working_group.name if meeting.working_group else "",
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue or "",
        online_link=meeting.online_link or "",
        chair=_person_ref(meeting.chair),
        status=meeting.status,
        confidentiality=meeting.confidentiality,
        minutes_status=meeting.minutes_status,
        approved_on=meeting.approved_on,
        ics_sequence=meeting.ics_sequence or 0,
        agenda=agenda,
        participants=tuple(participant_rows(session, meeting_id)),
        action_points=tuple(actions),
        next_meeting=next_meeting(session, meeting),
        secretariat=secretariat_person(session),
    )


def meeting_detail(db: Database, meeting_id: int) -> MeetingDetail:
    """Everything about one meeting, for its page and its files."""
    with db.session() as s:
        return load_detail(s, meeting_id)
