"""Opening the database: creation at head, upgrades of frozen files, refusals that touch nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3

import pytest
import sqlalchemy as sa

from unnet_desktop.core import models as m
from unnet_desktop.core.database import open_database
from unnet_desktop.core.errors import DatabaseRefused
from unnet_desktop.core.migrations_runner import SCHEMA_HEAD, known_revisions, script_directory

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(model))


def test_schema_head_constant_matches_alembic():
    from unnet_desktop.core import sqlite_file

    assert SCHEMA_HEAD == script_directory().get_current_head()
    assert known_revisions()[-1] == SCHEMA_HEAD
    # The quick list read from file names is the chain Alembic walks.
    assert sqlite_file.known_revisions() == known_revisions()


def test_new_file_is_created_at_head_with_reference_data(db_path):
    with open_database(db_path) as db:
        assert db.revision == SCHEMA_HEAD
        assert count(db, m.GcmObjective) == 23
        assert count(db, m.GuidingPrinciple) == 10
        assert count(db, m.ResultsGroup) == 4
        with db.session() as s:
            lists = s.scalars(sa.select(m.DistributionList.name).order_by(m.DistributionList.name)).all()
            obj10 = s.scalar(sa.select(m.GcmObjective).where(m.GcmObjective.number == 10))
        assert lists == ["Network members (focal points)", "SDG working group", "UN Country Team"]
        assert obj10.short_label == "Eradicate trafficking"
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            stored = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert stored == SCHEMA_HEAD


def test_created_schema_equals_the_migrated_schema(db):
    """create_all at head and the chain of migrations must give the same tables."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), m.Base.metadata) == []


def test_seeding_is_idempotent(db_path):
    open_database(db_path).close()
    from unnet_desktop.core.reference_data import seed_reference_data

    with open_database(db_path) as db:
        with db.engine.begin() as conn:
            assert seed_reference_data(conn) == 0
        assert count(db, m.GcmObjective) == 23
        assert count(db, m.ResultsGroup) == 4


def test_reference_uuids_are_the_same_on_every_laptop(tmp_path):
    with open_database(tmp_path / "a.sqlite") as a, open_database(tmp_path / "b.sqlite") as b:
        q = sa.select(m.GcmObjective.uuid).order_by(m.GcmObjective.number)
        with a.session() as sa_, b.session() as sb:
            assert sa_.scalars(q).all() == sb.scalars(q).all()


def test_every_table_has_uuid_and_timestamps():
    for table in m.Base.metadata.tables.values():
        names = set(table.c.keys())
        assert {"id", "uuid", "created_at", "updated_at"} <= names, table.name
        assert table.c.uuid.unique, table.name


def test_timestamps_are_utc_and_updated(db):
    with db.session() as s:
        org = m.Organisation(name="International Labour Organization", acronym="ILO")
        s.add(org)
    assert org.created_at.tzinfo is not None and org.created_at.utcoffset().total_seconds() == 0
    first = org.updated_at
    with db.session() as s:
        org = s.get(m.Organisation, org.id)
        org.acronym = "ILO Jakarta"
    assert org.updated_at > first
    assert len(org.uuid) == 36


@pytest.mark.parametrize("revision", [r for r in known_revisions() if r != SCHEMA_HEAD])
def test_frozen_older_database_is_backed_up_then_upgraded(tmp_path, revision):
    path = tmp_path / "office.sqlite"
    shutil.copyfile(FIXTURES / f"db_rev_{revision}.sqlite", path)
    before = digest(path)
    with open_database(path) as db:
        assert db.revision == SCHEMA_HEAD
        assert db.backup_path is not None and db.backup_path.parent == tmp_path / "backups"
        assert f"rev{revision}" in db.backup_path.name
        assert digest(db.backup_path) == before or _same_rows(db.backup_path, FIXTURES / f"db_rev_{revision}.sqlite")
        assert count(db, m.GcmObjective) == 23
        with db.session() as s:
            iom = s.scalar(sa.select(m.Organisation).where(m.Organisation.acronym == "IOM"))
            assert iom.focal_point.full_name == "Dewi Lestari"
    # The backup is the old revision, readable on its own.
    with sqlite3.connect(db.backup_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision


def _same_rows(a, b) -> bool:
    with sqlite3.connect(a) as ca, sqlite3.connect(b) as cb:
        q = "SELECT name, acronym FROM organisations ORDER BY id"
        return ca.execute(q).fetchall() == cb.execute(q).fetchall()


def test_every_revision_has_a_frozen_database():
    for revision in known_revisions():
        assert (FIXTURES / f"db_rev_{revision}.sqlite").is_file(), revision


def test_frozen_head_database_opens_without_backup(tmp_path):
    path = tmp_path / "office.sqlite"
    shutil.copyfile(FIXTURES / f"db_rev_{SCHEMA_HEAD}.sqlite", path)
    with open_database(path) as db:
        assert db.backup_path is None
        assert count(db, m.Person) == 1
    assert not (tmp_path / "backups").exists()


def test_newer_revision_is_refused_and_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    shutil.copyfile(FIXTURES / f"db_rev_{SCHEMA_HEAD}.sqlite", path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer version"):
        open_database(path)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize(
    "content",
    [b"Minutes of the quarterly meeting\n", b"PK\x03\x04" + b"\x00" * 200, os.urandom(4096)],
    ids=["text", "zip", "random"],
)
def test_non_database_file_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseRefused, match="not an unnet_desktop database"):
        open_database(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not one of unnet_desktop"):
        open_database(path)
    assert digest(path) == before


def test_corrupt_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "broken.sqlite"
    good = (FIXTURES / f"db_rev_{SCHEMA_HEAD}.sqlite").read_bytes()
    path.write_bytes(good[:100] + b"\xff" * 5000)
    before = digest(path)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    assert digest(path) == before


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseRefused, match="does not exist"):
        open_database(tmp_path / "nowhere" / "unnet.sqlite")
    assert not (tmp_path / "nowhere").exists()


def test_read_only_file_is_refused_and_untouched(tmp_path, monkeypatch):
    """As root (CI) file modes do not stop writes, so the access check itself is exercised."""
    path = tmp_path / "ro.sqlite"
    shutil.copyfile(FIXTURES / f"db_rev_{SCHEMA_HEAD}.sqlite", path)
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(DatabaseRefused, match="read-only"):
        open_database(path)
    assert digest(path) == before


def test_locked_file_is_refused_and_untouched(tmp_path, monkeypatch):
    import unnet_desktop.core.sqlite_file as sqlite_file

    monkeypatch.setattr(sqlite_file, "LOCK_TIMEOUT_S", 0.1)
    path = tmp_path / "locked.sqlite"
    shutil.copyfile(FIXTURES / f"db_rev_{SCHEMA_HEAD}.sqlite", path)
    before = digest(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseRefused, match="locked"):
            open_database(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(path) == before


def test_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()
    with open_database(path) as db:
        assert count(db, m.GcmObjective) == 23


def test_create_false_refuses_a_missing_file(tmp_path):
    with pytest.raises(DatabaseRefused, match="does not exist"):
        open_database(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sa.exc.IntegrityError):
        with db.session() as s:
            s.add(m.Person(full_name="Orphan", organisation_id=9999))


def test_money_is_exact(db):
    from decimal import Decimal

    with db.session() as s:
        plan = m.WorkPlan(year=2024, title="Work plan 2024")
        rg = s.scalar(sa.select(m.ResultsGroup).where(m.ResultsGroup.number == 1))
        s.add(plan)
        s.flush()
        act = m.Activity(work_plan=plan, code="RG1.1", title="Fair recruitment", results_group=rg,
                         budget_required=Decimal("125000.10"), budget_available=Decimal("0.2"))
        s.add(act)
    with db.session() as s:
        act = s.get(m.Activity, act.id)
        assert act.budget_required == Decimal("125000.10")
        assert act.budget_available + Decimal("0.1") == Decimal("0.30")
