"""Schema changes go through migrations; an old database opens and keeps its data."""

from __future__ import annotations

import random

from sqlalchemy import Connection, inspect, text

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



def test_postgres_vectors_stay_in_the_row_after_an_upgrade(pg_url):
    """0005: tsv/tfv use storage MAIN; rows written before the step are rewritten by it."""
    old = open_database(pg_url, upgrade=False)
    migrate.upgrade(old, "0004_rank_tiers")
    rng = random.Random(5)
    words = ["".join(rng.choice("абвгдежзиклмнопрстуфхцчшэюя") for _ in range(rng.randint(4, 9)))
             for _ in range(150)]  # incompressible: every value of the row must be placed
    long_text = " ".join(words) + " клиент жаловался на поддержку"
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO study (name, language, interviewers, synthetic, created_at) "
                          "VALUES ('s', 'ru', '[]', false, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO interview (study_id, language, status, created_at) "
                          "SELECT id, 'ru', 'imported', CURRENT_TIMESTAMP FROM study"))
        conn.execute(text("INSERT INTO turn (interview_id, seq, role, text, lemmas) "
                          "SELECT id, 0, 'customer', :t, :t FROM interview"), {"t": long_text})
        assert "tsv" in _out_of_line(conn)  # under 0004 the biggest value, the vector, left the row
    old.close()

    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            storage = conn.execute(text(
                "SELECT DISTINCT attstorage FROM pg_attribute WHERE attname IN ('tsv', 'tfv') "
                "AND attrelid IN ('turn'::regclass, 'note'::regclass, 'insight'::regclass, "
                "'extraction'::regclass)")).scalars().all()
            assert storage == ["m"]
            assert _out_of_line(conn) == {"text", "lemmas"}  # they left the row, not the vectors
            found = conn.execute(text("SELECT text FROM turn WHERE tsv @@ 'поддержку'::tsquery"))
            assert found.scalars().all() == [long_text]
    finally:
        db.close()


def _out_of_line(conn: Connection) -> set[str]:
    """Which columns of the (one) turn row live in its TOAST table, told apart by their sizes."""
    toast = conn.execute(text("SELECT reltoastrelid::regclass::text FROM pg_class "
                              "WHERE oid = 'turn'::regclass")).scalar_one()
    stored = conn.execute(text(f"SELECT sum(octet_length(chunk_data)) FROM {toast} "
                               "GROUP BY chunk_id")).scalars().all()
    sizes = conn.execute(text("SELECT pg_column_size(text), pg_column_size(lemmas), "
                              "pg_column_size(tsv), pg_column_size(tfv) FROM turn")).one()
    assert len(set(sizes[1:])) == 3  # the test tells values apart by size
    return {name for name, size in zip(("text", "lemmas", "tsv", "tfv"), sizes, strict=True)
            if size in stored}
