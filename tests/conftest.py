"""Shared fixtures: isolated home folders, and a database on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TEST_PG_ENV = "JTBD_STUDIO_TEST_PG"
REQUIRE_PG_ENV = "JTBD_STUDIO_REQUIRE_PG"
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never touch a real home directory or a real default database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JTBD_STUDIO_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JTBD_STUDIO_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("JTBD_STUDIO_DB", raising=False)
    monkeypatch.setenv("JTBD_STUDIO_UI_LANG", "en")
    return home


def pg_base_url() -> str | None:
    url = os.environ.get(TEST_PG_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"{TEST_PG_ENV} is not set but {REQUIRE_PG_ENV} requires the PostgreSQL tests")
        pytest.skip(f"no PostgreSQL server ({TEST_PG_ENV} not set)")
    return url


@contextmanager
def module_database(backend: str, tmp_path_factory: pytest.TempPathFactory, prefix: str) -> Iterator:
    """An open Database on `backend` ("sqlite" or "postgresql") for one module's fixture:
    a file in a fresh temporary folder, or a fresh database on the test server; closed (and
    the server's database dropped) on the way out."""
    from jtbd_studio.store.db import open_database

    if backend == "sqlite":
        db = open_database(tmp_path_factory.mktemp(prefix) / f"{prefix}.sqlite3")
        try:
            yield db
        finally:
            db.close()
        return
    with fresh_pg_database(prefix) as url:
        db = open_database(url)
        try:
            yield db
        finally:
            db.close()


@contextmanager
def fresh_pg_database(prefix: str = "t") -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped on the way out.

    Skips the test when no server is configured (fails under JTBD_STUDIO_REQUIRE_PG).
    """
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(pg_base_url() or "")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test server (dropped afterwards)."""
    with fresh_pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL on each backend: a real SQLite file and a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "студия данных" / "test.sqlite3")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def db(db_url: str) -> Iterator:
    from jtbd_studio.store.db import open_database

    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator:
    from jtbd_studio.store.db import open_database

    database = open_database(tmp_path / "test.sqlite3")
    yield database
    database.close()
