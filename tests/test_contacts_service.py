"""The contact directory's rules (services/contacts/, services/distribution_lists.py),
against a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from unnet_desktop.core.enums import NetworkRole, OrganisationCategory, Sex
from unnet_desktop.core.errors import ValidationError
from unnet_desktop.core.models import (
    ActionPoint,
    AgendaItem,
    Meeting,
    Organisation,
    Participation,
    Person,
    distribution_list_members,
)
from unnet_desktop.core.timezone import wib
from unnet_desktop.services import contacts as c
from unnet_desktop.services import distribution_lists as dl


@pytest.fixture
def orgs(db):
    """Three organisations: IOM (UN agency, member), Kemnaker (government, observer), SBMI (CSO)."""
    return {
        "IOM": c.create_organisation(
            db, name="International Organization for Migration", acronym="IOM",
            category=OrganisationCategory.UN_AGENCY, network_role=NetworkRole.MEMBER,
        ),
        "KEMNAKER": c.create_organisation(
            db, name="Kementerian Ketenagakerjaan", acronym="Kemnaker",
            category="government", network_role="Observer",
        ),
        "SBMI": c.create_organisation(
            db, name="Serikat Buruh Migran Indonesia", acronym="SBMI", category="Civil society organisation",
        ),
    }


@pytest.fixture
def people(db, orgs):
    return {
        "siti": c.create_person(
            db, full_name="Siti Rahayu", title="Ibu", sex=Sex.FEMALE, organisation_id=orgs["IOM"],
            position="Programme Officer", email="siti.rahayu@iom.int", phone="+62 812-3456-7890",
        ),
        "budi": c.create_person(
            db, full_name="Budi Santoso", sex="L", organisation_id=orgs["KEMNAKER"],
            position="Kepala Bidang", email="budi@kemnaker.go.id", phone=6281398765432.0,
        ),
        "dewi": c.create_person(
            db, full_name="Dewi Lestari", sex="Perempuan", organisation_id=orgs["SBMI"],
            position="Coordinator", email="dewi@sbmi.or.id",
        ),
        "anna": c.create_person(db, full_name="Anna de Souza", sex="F", position="Researcher"),
    }


def names(rows) -> list[str]:
    return [r.full_name for r in rows]


# --------------------------------------------------------------------------- people: rules


def test_create_person_cleans_and_stores_as_given(db, orgs):
    pid = c.create_person(
        db, full_name="  Siti \u00a0 Rahayu\u200b ", title=" Ibu ", sex="Wanita", organisation_id=orgs["IOM"],
        email=" Siti@IOM.int ", alt_email="siti@gmail.com", phone=6281234567890.0,
    )
    row = c.get_person(db, pid)
    assert (row.title, row.full_name, row.sex) == ("Ibu", "Siti Rahayu", Sex.FEMALE)
    assert (row.email, row.alt_email) == ("Siti@IOM.int", "siti@gmail.com")
    assert row.phone == "6281234567890"  # never 6.28E+12 or ...0
    assert (row.organisation_acronym, row.category) == ("IOM", OrganisationCategory.UN_AGENCY)
    assert row.display_name == "Ibu Siti Rahayu" and row.organisation_short == "IOM"


@pytest.mark.parametrize("value", [1234567, "0812 3456 789", "+62 (21) 555-0101"])
def test_phone_is_kept_as_text(db, value):
    pid = c.create_person(db, full_name="A Person", phone=value)
    assert c.get_person(db, pid).phone == str(value)


@pytest.mark.parametrize("name", ["", "   ", "\u200b\u00a0"])
def test_name_is_required(db, name):
    with pytest.raises(ValidationError, match=r"^The name is required\.$"):
        c.create_person(db, full_name=name)


@pytest.mark.parametrize("email", ["siti", "siti@", "@iom.int", "siti@iom", "siti rahayu@iom.int", "a..b@iom.int"])
def test_email_syntax_is_checked(db, email):
    with pytest.raises(ValidationError, match="is not a valid email address"):
        c.create_person(db, full_name="Siti", email=email)
    with pytest.raises(ValidationError, match="alternative email"):
        c.create_person(db, full_name="Siti", alt_email=email)


def test_duplicate_email_is_refused_naming_who_has_it(db, people):
    with pytest.raises(ValidationError) as err:
        c.create_person(db, full_name="Someone Else", email="SITI.RAHAYU@iom.INT")
    assert str(err.value) == "The email SITI.RAHAYU@iom.INT is already used by Ibu Siti Rahayu (IOM)."
    # an alternative email of someone else counts too, and so does an archived person
    c.update_person(db, people["budi"], alt_email="budi.santoso@gmail.com")
    c.archive_person(db, people["budi"])
    with pytest.raises(ValidationError, match=r"already used by Budi Santoso \(Kemnaker\) \(archived\)"):
        c.create_person(db, full_name="X", alt_email="Budi.Santoso@Gmail.com")
    assert c.count_people(db, include_archived=True) == 4


def test_email_and_alternative_email_must_differ(db):
    with pytest.raises(ValidationError, match="alternative email is the same"):
        c.create_person(db, full_name="X", email="x@y.org", alt_email="X@Y.org")
    # an alternative email alone becomes the email
    pid = c.create_person(db, full_name="X", alt_email="x@y.org")
    assert (c.get_person(db, pid).email, c.get_person(db, pid).alt_email) == ("x@y.org", None)


def test_unknown_sex_and_missing_organisation_are_refused(db):
    with pytest.raises(ValidationError, match="'robot' is not a known sex"):
        c.create_person(db, full_name="X", sex="robot")
    with pytest.raises(ValidationError, match="organisation no longer exists"):
        c.create_person(db, full_name="X", organisation_id=999)
    with pytest.raises(ValidationError, match="The name is too long: 201 characters, at most 200"):
        c.create_person(db, full_name="x" * 201)
    with pytest.raises(TypeError):
        c.create_person(db, full_name="X", nickname="x")


@pytest.mark.parametrize(
    ("text", "sex"),
    [("F", Sex.FEMALE), ("p", Sex.FEMALE), ("Perempuan", Sex.FEMALE), ("wanita", Sex.FEMALE),
     ("M", Sex.MALE), ("L", Sex.MALE), ("Laki-laki", Sex.MALE), ("Pria", Sex.MALE), ("male", Sex.MALE),
     ("Not recorded", Sex.NOT_RECORDED), ("", Sex.NOT_RECORDED), (None, Sex.NOT_RECORDED),
     ("other", Sex.OTHER), ("xyz", None)],
)
def test_parse_sex(text, sex):
    assert c.parse_sex(text) == sex


def test_update_changes_only_the_named_fields(db, people):
    c.update_person(db, people["siti"], position="Senior Programme Officer", email="siti.rahayu@IOM.INT")
    data = c.get_person_data(db, people["siti"])
    assert (data.position, data.email, data.title, data.phone) == (
        "Senior Programme Officer", "siti.rahayu@IOM.INT", "Ibu", "+62 812-3456-7890",
    )
    with pytest.raises(ValidationError, match="already used by Budi Santoso"):
        c.update_person(db, people["siti"], email="budi@kemnaker.go.id")
    # with a whole PersonData every field is replaced
    c.update_person(db, people["siti"], c.PersonData(full_name="Siti R."))
    data = c.get_person_data(db, people["siti"])
    assert (data.full_name, data.title, data.email, data.organisation_id) == ("Siti R.", "", None, None)
    with pytest.raises(ValidationError, match="no longer exists"):
        c.update_person(db, 999, full_name="X")


def test_moving_to_another_organisation_ends_the_focal_point_role(db, orgs, people):
    c.update_organisation(db, orgs["IOM"], focal_point_id=people["siti"])
    assert c.get_organisation(db, orgs["IOM"]).focal_point_name == "Siti Rahayu"
    c.update_person(db, people["siti"], position="Director")  # same organisation: still focal point
    assert c.get_organisation(db, orgs["IOM"]).focal_point_id == people["siti"]
    c.update_person(db, people["siti"], organisation_id=orgs["SBMI"])
    assert c.get_organisation(db, orgs["IOM"]).focal_point_id is None


# --------------------------------------------------------------------------- archive and delete


def _meeting(session, ref="2024-Q1"):
    meeting = Meeting(reference=ref, title="Quarterly meeting", starts_at=wib(2024, 3, 12, 9, 0))
    session.add(meeting)
    session.flush()
    return meeting


@pytest.mark.parametrize(
    ("reference", "why"),
    [
        ("participation", "a meeting as participant"),
        ("presenter", "an agenda item as presenter"),
        ("chair", "a meeting as chair"),
        ("action", "an action point"),
    ],
)
def test_a_referenced_person_can_be_archived_not_deleted(db, people, reference, why):
    pid = people["budi"]
    with db.session() as s:
        meeting = _meeting(s)
        if reference == "participation":
            s.add(Participation(meeting_id=meeting.id, person_id=pid))
        elif reference == "presenter":
            s.add(AgendaItem(meeting_id=meeting.id, position=1, title="Updates", presenter_id=pid))
        elif reference == "chair":
            meeting.chair_id = pid
        else:
            s.add(ActionPoint(description="Share the report", responsible_person_id=pid))
    refs = c.person_references(db, pid)
    assert refs.blocks_delete
    with pytest.raises(ValidationError) as err:
        c.delete_person(db, pid)
    assert str(err.value) == f"Budi Santoso cannot be deleted: they are recorded in {why}. Archive them instead."
    assert c.get_person(db, pid).full_name == "Budi Santoso"
    c.archive_person(db, pid)
    assert pid not in [r.id for r in c.search_people(db)]
    assert pid in [r.id for r in c.search_people(db, include_archived=True)]
    assert c.get_person(db, pid).archived is True
    c.restore_person(db, pid)
    assert pid in [r.id for r in c.search_people(db)]


def test_references_are_counted_together(db, people):
    pid = people["siti"]
    with db.session() as s:
        for ref in ("2024-Q1", "2024-Q2"):
            s.add(Participation(meeting_id=_meeting(s, ref).id, person_id=pid))
        s.add(ActionPoint(description="x", responsible_person_id=pid))
    refs = c.person_references(db, pid)
    assert (refs.participations, refs.action_points, refs.presentations, refs.chaired_meetings) == (2, 1, 0, 0)
    with pytest.raises(ValidationError, match="recorded in 2 meetings as participant and an action point"):
        c.delete_person(db, pid)


def test_deleting_an_unreferenced_person(db, orgs, people):
    pid = people["siti"]
    c.update_organisation(db, orgs["IOM"], focal_point_id=pid)
    list_id = dl.create_distribution_list(db, "Focal points")
    dl.add_members(db, list_id, [pid, people["budi"]])
    refs = c.person_references(db, pid)
    assert not refs.blocks_delete and refs.focal_point_of == ("International Organization for Migration",)
    c.delete_person(db, pid)
    with pytest.raises(ValidationError, match="no longer exists"):
        c.get_person(db, pid)
    assert c.get_organisation(db, orgs["IOM"]).focal_point_id is None
    assert [r.full_name for r in dl.list_members(db, list_id)] == ["Budi Santoso"]
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(distribution_list_members)) == 1
    with pytest.raises(ValidationError, match="no longer exists"):
        c.delete_person(db, pid)


# --------------------------------------------------------------------------- searching people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["Anna de Souza", "Budi Santoso", "Dewi Lestari", "Siti Rahayu"]),
        ("siti", ["Siti Rahayu"]),
        ("SITI", ["Siti Rahayu"]),
        ("  siti   rah ", ["Siti Rahayu"]),
        ("siti budi", []),
        ("iom", ["Siti Rahayu"]),  # organisation acronym (and email)
        ("migration", ["Siti Rahayu"]),  # organisation name
        ("kementerian", ["Budi Santoso"]),
        ("coordinator", ["Dewi Lestari"]),  # position
        ("sbmi.or", ["Dewi Lestari"]),  # email
        ("ibu", ["Siti Rahayu"]),  # title
        ("628139876", ["Budi Santoso"]),  # phone stored from a number
        ("3456", ["Siti Rahayu"]),  # inside "+62 812-3456-7890"
        ("812-3456", ["Siti Rahayu"]),
        ("08123456", []),
        ("1234567890", ["Siti Rahayu"]),  # typed without the separators
        ("de souza", ["Anna de Souza"]),
        ("%", []),  # LIKE wildcards are literal
        ("_", []),
        ("a", ["Anna de Souza", "Budi Santoso", "Dewi Lestari", "Siti Rahayu"]),
        ("\x00souza", ["Anna de Souza"]),  # a control character is dropped (a NUL ended the pattern)
    ],
)
def test_search_finds_every_word_somewhere(db, people, text, expected):
    assert names(c.search_people(db, text)) == expected
    assert c.count_people(db, text) == len(expected)
    assert [r.full_name for r in c.people_rows(db, c.search_people_ids(db, text))] == expected


def test_search_filters(db, orgs, people):
    assert names(c.search_people(db, organisation_id=orgs["IOM"])) == ["Siti Rahayu"]
    assert names(c.search_people(db, organisation_id=c.NO_ORGANISATION)) == ["Anna de Souza"]
    assert names(c.search_people(db, category=OrganisationCategory.GOVERNMENT)) == ["Budi Santoso"]
    assert names(c.search_people(db, category=["un_agency", "civil_society"])) == ["Dewi Lestari", "Siti Rahayu"]
    assert names(c.search_people(db, sex=Sex.FEMALE)) == ["Anna de Souza", "Dewi Lestari", "Siti Rahayu"]
    assert names(c.search_people(db, "a", sex="male")) == ["Budi Santoso"]
    assert c.count_people(db, category="Government", sex="female") == 0
    with pytest.raises(ValidationError, match="not a known organisation category"):
        c.search_people(db, category="aliens")


@pytest.mark.parametrize(
    ("order_by", "descending", "expected"),
    [
        ("name", False, ["Anna de Souza", "Budi Santoso", "Dewi Lestari", "Siti Rahayu"]),
        ("name", True, ["Siti Rahayu", "Dewi Lestari", "Budi Santoso", "Anna de Souza"]),
        # organisation names; the person without one last in both directions
        ("organisation", False, ["Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Anna de Souza"]),
        ("organisation", True, ["Dewi Lestari", "Budi Santoso", "Siti Rahayu", "Anna de Souza"]),
        ("acronym", False, ["Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Anna de Souza"]),
        # category by its label: Civil society, Government, UN agency
        ("category", False, ["Dewi Lestari", "Budi Santoso", "Siti Rahayu", "Anna de Souza"]),
        ("position", False, ["Dewi Lestari", "Budi Santoso", "Siti Rahayu", "Anna de Souza"]),
        ("sex", False, ["Anna de Souza", "Dewi Lestari", "Siti Rahayu", "Budi Santoso"]),
        ("title", False, ["Siti Rahayu", "Anna de Souza", "Budi Santoso", "Dewi Lestari"]),
        ("email", True, ["Siti Rahayu", "Dewi Lestari", "Budi Santoso", "Anna de Souza"]),
        ("phone", False, ["Siti Rahayu", "Budi Santoso", "Anna de Souza", "Dewi Lestari"]),
    ],
)
def test_sort_in_sql(db, people, order_by, descending, expected):
    rows = c.search_people(db, order_by=order_by, descending=descending)
    assert names(rows) == expected
    ids = c.search_people_ids(db, order_by=order_by, descending=descending)
    assert ids == [r.id for r in rows]


def test_every_sort_key_works_and_unknown_ones_are_refused(db, people):
    for key in c.PEOPLE_SORT_KEYS:
        for descending in (False, True):
            assert len(c.search_people(db, order_by=key, descending=descending)) == 4
    with pytest.raises(ValueError, match="unknown sort key"):
        c.search_people(db, order_by="shoe_size")


def test_paging(db, people):
    everyone = names(c.search_people(db))
    assert names(c.search_people(db, limit=2)) == everyone[:2]
    assert names(c.search_people(db, limit=2, offset=2)) == everyone[2:]
    assert names(c.search_people(db, offset=3)) == everyone[3:]
    ids = c.search_people_ids(db)
    assert names(c.people_rows(db, [ids[3], 999, ids[0]])) == [everyone[3], everyone[0]]


def test_case_insensitive_sort_puts_lowercase_names_in_place(db):
    for name in ("budi", "Anna", "anto", "Citra"):
        c.create_person(db, full_name=name)
    assert names(c.search_people(db)) == ["Anna", "anto", "budi", "Citra"]


# --------------------------------------------------------------------------- search as you type: narrowing


@pytest.mark.parametrize(
    ("text", "previous", "expected"),
    [
        ("si", "s", True),
        ("s", "si", False),
        ("siti r", "siti", True),
        ("rahayu siti", "siti", True),  # the order of the words does not matter
        ("siti ", "siti", True),
        ("siti", "siti  ", True),
        ("SITI", "siti", True),  # LIKE's ASCII case
        ("siti", "rahayu", False),
        ("a", "", True),
        ("", "a", False),
        ("iom.int", "iom", True),
        ("a1", "a", False),  # "a1" is searched in the phone too, "a" is not
        ("0812", "081", True),
        ("0813-5555", "0813-555", True),  # both compared without separators as well
        ("2-8123", "2-812", False),  # only the longer one is compared without separators
        ("%", "%_", False),
    ],
)
def test_narrows(text, previous, expected):
    assert c.narrows(text, previous) is expected


def test_a_longer_phone_word_can_find_more_so_it_does_not_narrow(db, people):
    # "+62 812-3456-7890" holds "2-8123" only without its separators, which "2-812" is not
    # compared without (four digits): a narrowing there would lose Siti.
    assert names(c.search_people(db, "2-812")) == []
    assert names(c.search_people(db, "2-8123")) == ["Siti Rahayu"]


_TYPED = [
    "", "s", "si", "sit", "siti", "siti r", "siti rah", "a", "an", "ann", "de", "de s", "i", "io", "iom", "iom.",
    "iom.int", "o", "or", "org", "k", "ke", "kem", "8", "81", "812", "812-", "812-3", "812-34", "812-3456",
    "6", "62", "628", "6281", "62813", "628139", "1234567890", "2-812", "2-8123", "%", "_", "b", "bu", "budi",
]


@pytest.mark.parametrize("lookup_limit", [10_000, 0])  # people looked up by id, or the table read
def test_narrowing_gives_what_a_full_search_gives(db, orgs, people, monkeypatch, lookup_limit):
    from unnet_desktop.services.contacts import narrowing

    monkeypatch.setattr(narrowing, "LOOKUP_LIMIT", lookup_limit)
    c.archive_person(db, c.create_person(db, full_name="Siti Archived", phone="0812-000"))
    filters = [
        {},
        {"include_archived": True},
        {"sex": Sex.FEMALE, "order_by": "organisation", "descending": True},
        {"category": OrganisationCategory.UN_AGENCY, "order_by": "phone"},
        {"organisation_id": c.NO_ORGANISATION},
    ]
    checked = 0
    for kwargs in filters:
        only = {k: v for k, v in kwargs.items() if k not in ("order_by", "descending")}
        found = {text: c.search_people_ids(db, text, **kwargs) for text in _TYPED}
        for previous in _TYPED:
            for text in _TYPED:
                if c.narrows(text, previous):
                    assert c.narrow_people_ids(db, found[previous], text, **only) == found[text], (previous, text)
                    checked += 1
    assert checked > 300
    assert c.narrow_people_ids(db, [], "s") == []
    assert c.narrow_people_ids(db, [people["budi"], 999, people["siti"]], "") == [people["budi"], people["siti"]]


# --------------------------------------------------------------------------- organisations


def test_organisation_rules(db, orgs):
    with pytest.raises(ValidationError, match=r"^The organisation name is required\.$"):
        c.create_organisation(db, name=" ")
    with pytest.raises(ValidationError) as err:
        c.create_organisation(db, name="international organization for MIGRATION")
    assert str(err.value) == (
        "The name international organization for MIGRATION is already used by the organisation "
        "International Organization for Migration (IOM)."
    )
    with pytest.raises(ValidationError, match="The acronym iom is already used"):
        c.create_organisation(db, name="Something else", acronym="iom")
    with pytest.raises(ValidationError, match="'aliens' is not a known organisation category"):
        c.create_organisation(db, name="X", category="aliens")
    with pytest.raises(ValidationError, match="'boss' is not a known network role"):
        c.create_organisation(db, name="X", network_role="boss")
    # renaming to its own name in another case is fine
    c.update_organisation(db, orgs["IOM"], name="INTERNATIONAL Organization for Migration")
    assert c.get_organisation(db, orgs["IOM"]).name == "INTERNATIONAL Organization for Migration"


def test_focal_point_and_alternate_must_belong_to_the_organisation(db, orgs, people):
    with pytest.raises(ValidationError) as err:
        c.update_organisation(db, orgs["IOM"], focal_point_id=people["budi"])
    assert str(err.value) == (
        "Budi Santoso cannot be the focal point of International Organization for Migration: "
        "they do not belong to it."
    )
    with pytest.raises(ValidationError, match="cannot be the focal point"):
        c.create_organisation(db, name="New one", focal_point_id=people["siti"])
    other = c.create_person(db, full_name="Rina Wijaya", organisation_id=orgs["IOM"])
    c.update_organisation(db, orgs["IOM"], focal_point_id=people["siti"], alternate_id=other)
    row = c.get_organisation(db, orgs["IOM"])
    assert (row.focal_point_name, row.alternate_name, row.people_count) == ("Siti Rahayu", "Rina Wijaya", 2)
    with pytest.raises(ValidationError, match="two different people"):
        c.update_organisation(db, orgs["IOM"], alternate_id=people["siti"])
    c.archive_person(db, other)
    with pytest.raises(ValidationError, match="Rina Wijaya is archived"):
        c.update_organisation(db, orgs["IOM"], notes="checked")
    c.update_organisation(db, orgs["IOM"], alternate_id=None, notes="checked")
    assert c.get_organisation_data(db, orgs["IOM"]).notes == "checked"


def test_search_organisations(db, orgs, people):
    assert [o.name for o in c.search_organisations(db)] == [
        "International Organization for Migration", "Kementerian Ketenagakerjaan", "Serikat Buruh Migran Indonesia",
    ]
    assert [o.short for o in c.search_organisations(db, "migra")] == ["IOM", "SBMI"]
    assert [o.short for o in c.search_organisations(db, "kemnaker")] == ["Kemnaker"]
    assert [o.short for o in c.search_organisations(db, category="government")] == ["Kemnaker"]
    members = c.search_organisations(db, network_role=c.MEMBER_ROLES)
    assert [(o.short, o.is_member, o.is_observer) for o in members] == [("IOM", True, False)]
    assert [o.short for o in c.search_organisations(db, network_role=[NetworkRole.MEMBER, NetworkRole.OBSERVER])] == [
        "IOM", "Kemnaker",
    ]
    assert [o.short for o in c.search_organisations(db, order_by="category")] == ["SBMI", "Kemnaker", "IOM"]
    assert [o.short for o in c.search_organisations(db, order_by="network_role")] == ["IOM", "Kemnaker", "SBMI"]
    assert [o.short for o in c.search_organisations(db, order_by="acronym", descending=True)] == [
        "SBMI", "Kemnaker", "IOM",
    ]
    assert c.count_organisations(db, "migra") == 2
    c.update_organisation(db, orgs["SBMI"], member_since=dt.date(2021, 5, 1))
    assert [o.short for o in c.search_organisations(db, order_by="member_since")][0] == "SBMI"
    assert [o.people_count for o in c.search_organisations(db, limit=1, offset=1)] == [1]
    for key in c.ORGANISATION_SORT_KEYS:
        assert len(c.search_organisations(db, order_by=key, descending=True)) == 3


def test_archive_and_delete_organisations(db, orgs, people):
    with pytest.raises(ValidationError) as err:
        c.delete_organisation(db, orgs["IOM"])
    assert str(err.value) == (
        "International Organization for Migration cannot be deleted: it has 1 person. Archive it instead."
    )
    with db.session() as s:
        s.add(ActionPoint(description="x", responsible_organisation_id=orgs["SBMI"]))
    with pytest.raises(ValidationError, match="it has 1 person and 1 action point"):
        c.delete_organisation(db, orgs["SBMI"])
    c.archive_organisation(db, orgs["IOM"])
    assert c.count_organisations(db) == 2 and c.count_organisations(db, include_archived=True) == 3
    c.restore_organisation(db, orgs["IOM"])
    empty = c.create_organisation(db, name="Empty Org")
    c.delete_organisation(db, empty)
    with db.session() as s:
        assert s.get(Organisation, empty) is None
        assert s.scalar(sa.select(sa.func.count()).select_from(Person)) == 4


# --------------------------------------------------------------------------- distribution lists


def test_new_database_has_the_default_lists(db):
    assert [(r.name, r.member_count) for r in dl.list_distribution_lists(db)] == [
        ("Network members (focal points)", 0), ("SDG working group", 0), ("UN Country Team", 0),
    ]


def test_distribution_lists(db, people):
    list_id = dl.create_distribution_list(db, "  Workshop  Bali 2024 ", "Participants")
    with pytest.raises(ValidationError, match="A distribution list named 'Workshop Bali 2024' already exists"):
        dl.create_distribution_list(db, "workshop bali 2024")
    with pytest.raises(ValidationError, match="The list name is required"):
        dl.create_distribution_list(db, "")
    everyone = list(people.values())
    assert dl.add_members(db, list_id, everyone + everyone[:1]) == 4
    assert dl.add_members(db, list_id, everyone[:2]) == 0  # already there
    assert dl.member_ids(db, list_id) == set(everyone)
    with pytest.raises(ValidationError, match="nobody was added"):
        dl.add_members(db, list_id, [999])
    assert dl.remove_members(db, list_id, [people["siti"], people["budi"], 999]) == 2
    assert [r.full_name for r in dl.list_members(db, list_id)] == ["Anna de Souza", "Dewi Lestari"]
    c.archive_person(db, people["dewi"])
    assert [r.full_name for r in dl.list_members(db, list_id)] == ["Anna de Souza"]
    assert len(dl.list_members(db, list_id, include_archived=True)) == 2
    # the list filter combines with the search
    assert names(c.search_people(db, "anna", distribution_list_id=list_id)) == ["Anna de Souza"]

    dl.rename_distribution_list(db, list_id, "Bali workshop", description="2024")
    row = dl.find_distribution_list(db, "BALI WORKSHOP")
    assert (row.id, row.name, row.description, row.member_count) == (list_id, "Bali workshop", "2024", 2)
    with pytest.raises(ValidationError, match="already exists"):
        dl.rename_distribution_list(db, list_id, "un country team")
    dl.rename_distribution_list(db, list_id, "BALI workshop")  # its own name in another case
    dl.delete_distribution_list(db, list_id)
    with pytest.raises(ValidationError, match=r"There is no distribution list named 'BALI workshop' \(lists: "):
        dl.find_distribution_list(db, "BALI workshop")
    with pytest.raises(ValidationError, match="no longer exists"):
        dl.add_members(db, list_id, [people["siti"]])
    assert c.count_people(db, include_archived=True) == 4


def test_non_ascii_names_are_compared_without_crashing(db):
    org = c.create_organisation(db, name="Fondation Émile", acronym="FÉ")
    with pytest.raises(ValidationError, match="already used by the organisation Fondation Émile"):
        c.create_organisation(db, name="Fondation Émile")
    with pytest.raises(ValidationError, match="The acronym FÉ is already used"):
        c.create_organisation(db, name="Other", acronym="FÉ")
    list_id = dl.create_distribution_list(db, "Réseau")
    with pytest.raises(ValidationError, match="already exists"):
        dl.create_distribution_list(db, "réseau".replace("r", "R"))
    assert dl.find_distribution_list(db, "RÉSEAU").id == list_id  # Python compares with casefold
    assert c.get_organisation(db, org).short == "FÉ"
