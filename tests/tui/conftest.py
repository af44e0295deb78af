"""Fixtures for the TUI tests: a real SQLite file holding a study and a participant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jtbd_studio.services import studies
from jtbd_studio.store.db import Database, open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "live" / "interviews.sqlite3"


@pytest.fixture
def live_db(db_path: Path) -> Iterator[Database]:
    """A database with one study (product "Pipeline") and one participant, Anna of Acme."""
    db = open_database(db_path)
    studies.create_study(db, "CRM onboarding", product="Pipeline", language="ru")
    studies.add_participant(db, "CRM onboarding", "Anna", company="Acme")
    yield db
    db.close()


@pytest.fixture
def anyio_backend() -> str:
    """Pilot tests run on asyncio (anyio's pytest plugin drives the async tests)."""
    return "asyncio"
