"""The library of regulations and policies (issue 7, points 1 and 2): rules, search, local copies,
policy updates under agenda items, and the sample library of the demo."""

from __future__ import annotations

import datetime as dt
import os

import pytest
import sqlalchemy as sa

from unnet_desktop.core.enums import PolicyStatus, PolicyType
from unnet_desktop.core.errors import FileRefused, ValidationError
from unnet_desktop.core.models import AgendaItem, Meeting, Policy, agenda_item_policies, policy_objectives
from unnet_desktop.services import policies as lib
from unnet_desktop.services.policies import PolicyData

TODAY = dt.date(2026, 11, 25)


def make(db, **fields) -> PolicyData:
    data = PolicyData(**{"title": "Protection of Indonesian Migrant Workers", **fields})
    return lib.create_policy(db, data, today=TODAY)


def numbers(rows) -> list[str]:
    return [r.number for r in rows]


# ------------------------------------------------------------------------------------ rules
def test_create_tidies_and_reads_back(db):
    created = make(
        db,
        title="  Protection of   Indonesian Migrant Workers ",
        number=" Law  No. 18/2017 ",
        type="Law",
        status="in force",
        issuing_authority="President and DPR",
        issued_on=dt.date(2017, 11, 22),
        language="Bahasa Indonesia",
        human_rights_based=1,
        gender_responsive=True,
        summary="  Protection before, during and after work.\n",
        url="www.example.org/law-18-2017",
        objectives=[22, 6, 6, "7"],
    )
    assert created.id is not None and created.uuid
    got = lib.get_policy(db, created.id)
    assert got.title == "Protection of Indonesian Migrant Workers"
    assert got.number == "Law No. 18/2017"
    assert got.type is PolicyType.LAW and got.status is PolicyStatus.IN_FORCE
    assert got.summary == "Protection before, during and after work."
    assert got.url == "https://www.example.org/law-18-2017"
    assert got.objectives == (6, 7, 22)
    assert got.tags == ("human_rights_based", "gender_responsive")
    assert got.file_name == ""
    assert got.display == "Law No. 18/2017: Protection of Indonesian Migrant Workers"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "The title is missing"),
        ({"title": "x" * 501}, "title is too long"),
        ({"number": "n" * 121}, "number is too long"),
        ({"type": "decree"}, "not a type of document"),
        ({"status": "valid"}, "not a status"),
        ({"issued_on": dt.date(2026, 11, 26)}, "in the future"),
        ({"issued_on": dt.date(2026, 12, 1), "status": "amended"}, "in the future"),
        ({"issued_on": dt.datetime(2017, 11, 22, 10, 0)}, "must be a date"),
        ({"issued_on": dt.date(1700, 1, 1)}, "too far in the past"),
        ({"url": "ftp://example.org/law.pdf"}, "must begin with http:// or https://"),
        ({"url": "javascript:alert(1)"}, "must begin with http:// or https://"),
        ({"url": "C:\\laws\\law.pdf"}, "must begin with http:// or https://"),
        ({"url": "https://"}, "no valid site name"),
        ({"url": "https://bad_host/x"}, "no valid site name"),
        ({"url": "https://example.org/a b"}, "contains spaces"),
        ({"url": "https://example.org:99999/"}, "not a valid address"),
        ({"objectives": [24]}, "no GCM objective 24"),
        ({"objectives": ["six"]}, "not a GCM objective number"),
    ],
)
def test_rules(db, fields, message):
    with pytest.raises(ValidationError, match=message):
        make(db, **fields)
    with db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Policy)) == 0


def test_a_draft_may_carry_a_future_date(db):
    draft = make(db, status=PolicyStatus.DRAFT, issued_on=dt.date(2027, 1, 1))
    assert draft.issued_on == dt.date(2027, 1, 1)
    assert make(db, number="Law No. 1/2026", issued_on=TODAY).issued_on == TODAY  # today is not the future


def test_http_and_https_links_are_kept_as_given(db):
    assert make(db, url="http://jdih.example.go.id/uu/18/2017?x=1#p").url == "http://jdih.example.go.id/uu/18/2017?x=1#p"
    assert make(db, number="2", url="https://127.0.0.1:8080/a").url == "https://127.0.0.1:8080/a"
    assert make(db, number="3", url="").url == ""


def test_number_is_unique_whatever_the_case_and_spacing(db):
    first = make(db, number="Law No. 18/2017")
    with pytest.raises(ValidationError, match="already that of 'Protection of Indonesian Migrant Workers'"):
        make(db, title="Another", number="law no.  18/2017")
    # several entries may have no number
    make(db, title="Circular letter on the moratorium", number="")
    make(db, title="Guideline on LTSA services", number="  ")
    other = make(db, title="Immigration", number="Law No. 6/2011")
    with pytest.raises(ValidationError, match="already that of"):
        lib.update_policy(db, other.id, number="LAW NO. 18/2017", today=TODAY)
    # an entry keeps its own number when saved again
    assert lib.update_policy(db, first.id, number="Law No. 18/2017", summary="New.", today=TODAY).summary == "New."


def test_update_changes_fields_and_objectives(db):
    created = make(db, number="Law No. 18/2017", objectives=[6])
    changed = lib.update_policy(
        db, created.id, status="amended", objectives=[6, 22], age_appropriate=True, today=TODAY
    )
    assert changed.status is PolicyStatus.AMENDED and changed.objectives == (6, 22) and changed.age_appropriate
    form = lib.get_policy(db, created.id)
    form.title = "Protection of Indonesian Migrant Workers (consolidated)"
    form.objectives = ()
    saved = lib.update_policy(db, created.id, form, today=TODAY)
    assert saved.title.endswith("(consolidated)") and saved.objectives == ()
    with pytest.raises(ValidationError, match="no field 'file_name'"):
        lib.update_policy(db, created.id, file_name="x.pdf")
    with pytest.raises(ValidationError, match="does not exist"):
        lib.update_policy(db, 999, title="x")


def test_find_by_number_or_id(db):
    created = make(db, number="BP2MI Regulation No. 9/2020")
    assert lib.find_policy(db, "bp2mi regulation no. 9/2020").id == created.id
    assert lib.find_policy(db, str(created.id)).id == created.id
    with pytest.raises(ValidationError, match="no library entry"):
        lib.find_policy(db, "Law No. 1/1900")


# ------------------------------------------------------------------------------------ search
def test_search_the_demo_library(demo_db):
    everything = lib.search_policies(demo_db)
    assert len(everything) == 8
    assert [r.title for r in everything] == sorted(r.title for r in everything)
    assert numbers(lib.search_policies(demo_db, "MIGRANT workers")) == [
        "BP2MI Regulation No. 9/2020", "Government Regulation No. 59/2021", "Law No. 18/2017",
    ]  # fmt: skip
    # every word must be found, in title, number or summary
    assert numbers(lib.search_policies(demo_db, "protection 2017")) == [
        "Government Regulation No. 59/2021", "Law No. 39/2004", "Law No. 18/2017",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, "domestic 2011")) == ["ILO Convention No. 189"]
    assert numbers(lib.search_policies(demo_db, "18/2017")) == [
        "BP2MI Regulation No. 9/2020", "Government Regulation No. 59/2021", "Law No. 39/2004", "Law No. 18/2017",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, "smuggling")) == ["Law No. 6/2011"]  # in the summary only
    assert numbers(lib.search_policies(demo_db, "a/res/73")) == ["A/RES/73/195"]
    assert lib.search_policies(demo_db, "refugees") == []
    assert lib.search_policies(demo_db, "100%") == []  # LIKE wildcards are plain characters


def test_search_filters(demo_db):
    assert numbers(lib.search_policies(demo_db, type="international instrument")) == [
        "ILO Convention No. 189", "A/RES/73/195",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, status=PolicyStatus.AMENDED)) == [
        "BP2MI Regulation No. 9/2020", "Law No. 6/2011",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, status="Revoked")) == ["Law No. 39/2004"]
    assert numbers(lib.search_policies(demo_db, tag="age-appropriate")) == [
        "ILO Convention No. 189", "Law No. 21/2007", "A/RES/73/195",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, tag=["gender", "Human rights-based"], type="law")) == [
        "Law No. 21/2007", "Law No. 18/2017",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, objective=10)) == ["Law No. 21/2007", "A/RES/73/195"]
    assert numbers(lib.search_policies(demo_db, "law", objective=6, status="in force")) == [
        "Government Regulation No. 59/2021", "Law No. 18/2017",
    ]  # fmt: skip
    assert numbers(lib.search_policies(demo_db, tag="human_rights_based", objective=13)) == ["A/RES/73/195"]


def test_search_order_and_bad_filters(demo_db):
    newest = lib.search_policies(demo_db, order_by="issued_on", descending=True)
    assert [r.issued_on.year for r in newest] == [2021, 2020, 2018, 2017, 2011, 2011, 2007, 2004]
    assert numbers(lib.search_policies(demo_db, type="law", order_by="number")) == [
        "Law No. 18/2017", "Law No. 21/2007", "Law No. 39/2004", "Law No. 6/2011",
    ]  # fmt: skip
    for kwargs, message in [
        ({"order_by": "colour"}, "cannot be sorted"),
        ({"tag": "urgent"}, "not a tag"),
        ({"objective": 0}, "no GCM objective 0"),
        ({"objective": "x"}, "not a GCM objective number"),
        ({"type": "decree"}, "not a type of document"),
    ]:
        with pytest.raises(ValidationError, match=message):
            lib.search_policies(demo_db, **kwargs)


def test_rows_carry_what_the_list_shows(demo_db):
    (law,) = [r for r in lib.search_policies(demo_db, "18/2017") if r.number == "Law No. 18/2017"]
    assert law.type_label == "Law" and law.status_label == "In force"
    assert law.tags_text == "Human rights-based, Gender-responsive"
    assert law.objectives_text == "3, 6, 7, 21, 22"
    assert law.presentations == 2 and not law.has_file
    assert law.issued_on == dt.date(2017, 11, 22)


# ------------------------------------------------------------------------------------ local copies
def test_attach_copies_the_file_beside_the_database(db, tmp_path):
    created = make(db, number="Law No. 18/2017")
    source = tmp_path / "incoming" / "UU 18 2017.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.7 the law\n")
    data = lib.attach_file(db, created.id, source)
    assert data.file_name == f"{created.uuid}/UU 18 2017.pdf"
    folder = db.path.parent / f"{db.path.stem}-attachments"
    assert lib.attachments_dir(db) == folder
    path = lib.attachment_path(db, created.id)
    assert path == folder / created.uuid / "UU 18 2017.pdf" and path.is_absolute()
    assert path.read_bytes() == b"%PDF-1.7 the law\n"
    source.write_bytes(b"changed afterwards")
    assert path.read_bytes() == b"%PDF-1.7 the law\n"  # a copy, not a link
    assert sorted(p.name for p in path.parent.iterdir()) == ["UU 18 2017.pdf"]  # no temporary file left
    (row,) = lib.search_policies(db)
    assert row.has_file and row.file_label == "UU 18 2017.pdf"


def test_a_new_file_replaces_the_old_copy(db, tmp_path):
    created = make(db)
    first, second = tmp_path / "draft.docx", tmp_path / "final.pdf"
    first.write_bytes(b"draft")
    second.write_bytes(b"final")
    lib.attach_file(db, created.id, first)
    old = lib.attachment_path(db, created.id)
    lib.attach_file(db, created.id, second)
    assert not old.exists()
    assert lib.attachment_path(db, created.id).read_bytes() == b"final"
    second.write_bytes(b"final, corrected")
    lib.attach_file(db, created.id, second)  # same name: replaced in place
    assert lib.attachment_path(db, created.id).read_bytes() == b"final, corrected"
    lib.attach_file(db, created.id, lib.attachment_path(db, created.id))  # the copy itself: nothing to do
    assert lib.attachment_path(db, created.id).read_bytes() == b"final, corrected"


@pytest.mark.parametrize(
    ("name", "stored"),
    [("con.pdf", "_con.pdf"), ("a:b?.pdf", "a_b_.pdf"), (" . ", "document"), ("x" * 200 + ".pdf", "x" * 146 + ".pdf")],
)
def test_file_names_are_made_safe(name, stored):
    assert lib.safe_file_name(name) == stored


def test_attach_refusals(db, tmp_path):
    created = make(db)
    with pytest.raises(FileRefused, match="does not exist"):
        lib.attach_file(db, created.id, tmp_path / "missing.pdf")
    with pytest.raises(FileRefused, match="is not a file"):
        lib.attach_file(db, created.id, tmp_path)
    source = tmp_path / "law.pdf"
    source.write_bytes(b"x")
    with pytest.raises(ValidationError, match="does not exist"):
        lib.attach_file(db, 999, source)
    assert lib.get_policy(db, created.id).file_name == ""


def test_a_failed_save_leaves_no_copy(db, tmp_path, monkeypatch):
    created = make(db)
    source = tmp_path / "law.pdf"
    source.write_bytes(b"x")

    def broken(policy):
        raise RuntimeError("disk full")

    from unnet_desktop.services.policies import attachments

    monkeypatch.setattr(attachments, "_data_of", broken)
    with pytest.raises(RuntimeError):
        lib.attach_file(db, created.id, source)
    monkeypatch.undo()
    assert lib.get_policy(db, created.id).file_name == ""
    assert not (lib.attachments_dir(db) / created.uuid / "law.pdf").exists()


def test_detach_missing_copy_and_delete(db, tmp_path):
    created = make(db)
    assert lib.attachment_path(db, created.id) is None
    source = tmp_path / "law.pdf"
    source.write_bytes(b"x")
    lib.attach_file(db, created.id, source)
    path = lib.attachment_path(db, created.id)
    path.unlink()
    with pytest.raises(FileRefused, match="missing"):
        lib.attachment_path(db, created.id)
    lib.attach_file(db, created.id, source)
    assert lib.detach_file(db, created.id).file_name == ""
    assert not path.exists() and lib.attachment_path(db, created.id) is None
    lib.attach_file(db, created.id, source)
    lib.delete_policy(db, created.id)
    assert not (lib.attachments_dir(db) / created.uuid).exists()
    with pytest.raises(ValidationError):
        lib.get_policy(db, created.id)


def test_a_stored_name_cannot_leave_the_attachments_folder(db):
    created = make(db)
    with db.session() as s:
        s.get(Policy, created.id).file_name = "../../etc/passwd"
    with pytest.raises(FileRefused, match="not inside the attachments folder"):
        lib.attachment_path(db, created.id)


# ------------------------------------------------------------------------------------ agenda items
def _item(db, reference: str, position: int) -> int:
    with db.session() as s:
        return s.scalar(
            sa.select(AgendaItem.id).join(Meeting).where(Meeting.reference == reference, AgendaItem.position == position)
        )


def test_policy_updates_under_agenda_items(demo_db):
    law6 = lib.find_policy(demo_db, "Law No. 6/2011")
    c189 = lib.find_policy(demo_db, "ILO Convention No. 189")
    item = _item(demo_db, "2024-Q3", 4)  # draft minutes: still open to changes
    assert lib.attach_to_agenda_item(demo_db, c189.id, item) is True
    assert lib.attach_to_agenda_item(demo_db, law6.id, item) is True
    assert lib.attach_to_agenda_item(demo_db, law6.id, item) is False
    assert [p.number for p in lib.item_policies(demo_db, item)] == ["ILO Convention No. 189", "Law No. 6/2011"]
    with demo_db.session() as s:
        by_item = lib.policies_by_item(s, [item, _item(demo_db, "2024-Q1", 3), 999_999])
    assert [p.display for p in by_item[_item(demo_db, "2024-Q1", 3)]] == [
        "BP2MI Regulation No. 9/2020: Exemption of Placement Costs for Indonesian Migrant Workers",
        "Law No. 18/2017: Protection of Indonesian Migrant Workers",
    ]
    assert 999_999 not in by_item
    (presented,) = lib.presentations(demo_db, law6.id)
    assert (presented.reference, presented.position, presented.date_wib) == ("2024-Q3", 4, dt.date(2024, 9, 5))
    assert lib.detach_from_agenda_item(demo_db, law6.id, item) is True
    assert lib.detach_from_agenda_item(demo_db, law6.id, item) is False
    assert lib.presentations(demo_db, law6.id) == []


def test_approved_minutes_are_locked(demo_db):
    c189 = lib.find_policy(demo_db, "ILO Convention No. 189")
    law18 = lib.find_policy(demo_db, "Law No. 18/2017")
    item = _item(demo_db, "2024-Q1", 3)  # approved on 22 April 2024
    with pytest.raises(ValidationError, match="2024-Q1 are approved and locked"):
        lib.attach_to_agenda_item(demo_db, c189.id, item)
    with pytest.raises(ValidationError, match="approved and locked"):
        lib.detach_from_agenda_item(demo_db, law18.id, item)
    with pytest.raises(ValidationError, match="no agenda item"):
        lib.attach_to_agenda_item(demo_db, c189.id, 999_999)


def test_deleting_an_entry_removes_its_links(demo_db):
    law18 = lib.find_policy(demo_db, "Law No. 18/2017")
    with pytest.raises(ValidationError, match="recorded in the approved minutes of 2024-Q1; it cannot be deleted"):
        lib.delete_policy(demo_db, law18.id)
    pp59 = lib.find_policy(demo_db, "Government Regulation No. 59/2021")  # 2024-Q2: minutes circulated only
    lib.delete_policy(demo_db, pp59.id)
    with demo_db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(agenda_item_policies).where(
            agenda_item_policies.c.policy_id == pp59.id)) == 0  # fmt: skip
        assert s.scalar(sa.select(sa.func.count()).select_from(policy_objectives).where(
            policy_objectives.c.policy_id == pp59.id)) == 0  # fmt: skip
        assert s.scalar(sa.select(sa.func.count()).select_from(AgendaItem)) > 0
    assert [p.number for p in lib.item_policies(demo_db, _item(demo_db, "2024-Q2", 3))] == ["Law No. 18/2017"]


# ------------------------------------------------------------------------------------ the demo
def test_demo_library_holds_the_instruments_of_the_terms_of_reference(demo_db):
    law = lib.find_policy(demo_db, "Law No. 18/2017")
    assert (law.title, law.type, law.issued_on) == (
        "Protection of Indonesian Migrant Workers", PolicyType.LAW, dt.date(2017, 11, 22),
    )  # fmt: skip
    perban = lib.find_policy(demo_db, "BP2MI Regulation No. 9/2020")
    assert perban.type is PolicyType.AGENCY_REGULATION and perban.issued_on.year == 2020
    assert perban.title == "Exemption of Placement Costs for Indonesian Migrant Workers"
    gcm = lib.find_policy(demo_db, "A/RES/73/195")
    assert gcm.type is PolicyType.INTERNATIONAL_INSTRUMENT and gcm.objectives == tuple(range(1, 24))
    assert gcm.url == "https://undocs.org/A/RES/73/195"
    rows = lib.search_policies(demo_db)
    assert all(r.summary and r.issuing_authority and r.language and r.objectives for r in rows)
    assert {r.status for r in rows} == {PolicyStatus.IN_FORCE, PolicyStatus.AMENDED, PolicyStatus.REVOKED}
    # refugees fall outside the Terms of Reference: no Presidential Regulation No. 125/2016
    assert not [r for r in rows if "refugee" in r.title.lower() or r.type is PolicyType.PRESIDENTIAL_REGULATION]
    for r in rows:
        assert lib.normalise_policy(lib.get_policy(demo_db, r.id), TODAY) == lib.get_policy(demo_db, r.id)
    with demo_db.session() as s:
        shown = s.execute(
            sa.select(Meeting.reference, AgendaItem.position, Policy.number)
            .select_from(agenda_item_policies)
            .join(AgendaItem, AgendaItem.id == agenda_item_policies.c.agenda_item_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .join(Policy, Policy.id == agenda_item_policies.c.policy_id)
            .order_by(Meeting.starts_at, AgendaItem.position, Policy.number)
        ).all()
    assert [tuple(r) for r in shown] == [
        ("2024-Q1", 3, "BP2MI Regulation No. 9/2020"),
        ("2024-Q1", 3, "Law No. 18/2017"),
        ("2024-Q1", 4, "A/RES/73/195"),
        ("2024-Q2", 3, "Government Regulation No. 59/2021"),
        ("2024-Q2", 3, "Law No. 18/2017"),
    ]


def test_attachments_folder_follows_the_database_name(tmp_path):
    from unnet_desktop.core.database import open_database

    with open_database(tmp_path / "office.sqlite") as db:
        assert lib.attachments_dir(db) == tmp_path / "office-attachments"
    assert os.sep not in lib.safe_file_name("a/b\\c.pdf")
