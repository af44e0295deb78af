"""The real-text study in a database on each backend: per test (writable) or per module (read-only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.unit.library.library_studydata import LoadedStudy, load_study


@pytest.fixture
def study(db) -> LoadedStudy:
    return load_study(db)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """(db, study) built once per module and backend, for tests that only read."""
    from tests.conftest import module_database

    with module_database(request.param, tmp_path_factory, "t_lib") as db:
        yield db, load_study(db)
