"""Schema changes go through migrations; an old database opens and keeps its data."""

from __future__ import annotations

from sqlalchemy import inspect, text

from jtbd_studio.store import migrate
from jtbd_studio.store.db import open_database
from jtbd_studio.store.fts import Clause, FtsQuery, Term


def test_first_revision_upgrades_with_its_data(db_url):
    old = open_database(db_url, upgrade=False)
    migrate.upgrade(old, "0001_initial")
    assert migrate.current_revision(old) == "0001_initial"
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO study (name, language, interviewers, synthetic, created_at) "
                          "VALUES ('Старое', 'ru', '[]', false, CURRENT_TIMESTAMP)"))
        sid = conn.execute(text("SELECT id FROM study")).scalar_one()
        conn.execute(text("INSERT INTO interview (study_id, language, status, created_at) "
                          "VALUES (:s, 'ru', 'imported', CURRENT_TIMESTAMP)"), {"s": sid})
        iid = conn.execute(text("SELECT id FROM interview")).scalar_one()
        conn.execute(text("INSERT INTO turn (interview_id, seq, role, text, lemmas) VALUES "
                          "(:i, 0, 'customer', 'Клиенты жаловались на поддержку', 'клиент жаловаться на поддержка')"),
                     {"i": iid})
    old.close()

    db = open_database(db_url)  # opening upgrades to head
    try:
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.session() as s:
            assert s.execute(text("SELECT name FROM study")).scalar_one() == "Старое"
            hits = s.execute(db.fts.match("turn", FtsQuery((Clause(Term(("клиентам", "клиент"))),)))).all()
            assert len(hits) == 1  # rows written before the full-text step are indexed
    finally:
        db.close()


def test_open_twice_is_idempotent(db_url):
    for _ in range(2):
        db = open_database(db_url)
        tables = set(inspect(db.engine).get_table_names())
        assert {"study", "turn", "note", "extraction", "alembic_version"} <= tables
        db.close()


def test_head_constant_matches_the_scripts():
    assert migrate.head_revision() == migrate.HEAD
