"""Shared fixtures: offscreen Qt, a private data folder, a fresh database file per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the developer's own data folder, database or Qt settings."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("UNNET_DATA_DIR", str(data))
    monkeypatch.delenv("UNNET_DB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    return data


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "unnet.sqlite"


@pytest.fixture
def db(db_path):
    from unnet_desktop.core.database import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    """The sample network, built once per test run."""
    from unnet_desktop.services.demo import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    create_demo_database(path)
    return path


@pytest.fixture
def demo_db_path(_demo_master, tmp_path) -> Path:
    """A private copy of the sample database for one test."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_master, path)
    return path


@pytest.fixture
def demo_db(demo_db_path):
    from unnet_desktop.core.database import open_database

    database = open_database(demo_db_path)
    yield database
    database.close()
