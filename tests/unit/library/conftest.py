"""The real-text study in a database on each backend: per test (writable) or per module (read-only)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from tests.unit.library.library_studydata import LoadedStudy, load_study


@pytest.fixture
def study(db) -> LoadedStudy:
    return load_study(db)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """(db, study) built once per module and backend, for tests that only read."""
    from jtbd_studio.store.db import open_database

    if request.param == "sqlite":
        db = open_database(tmp_path_factory.mktemp("library") / "shared.sqlite3")
        yield db, load_study(db)
        db.close()
        return
    url = os.environ.get("JTBD_STUDIO_TEST_PG")
    if not url:
        pytest.skip("no PostgreSQL server (JTBD_STUDIO_TEST_PG not set)")
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"t_lib_{uuid.uuid4().hex[:10]}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db = open_database(base.set(database=name).render_as_string(hide_password=False))
    try:
        yield db, load_study(db)
    finally:
        db.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
