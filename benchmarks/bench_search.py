"""Library search: p95 latency at 1 M and 10 M words vs a LIKE '%…%' scan of the same rows.

The corpus is the synthetic generator's (benchmarks/corpus.py): a small phrase pool, so every
query word is common — the hard case for ranking: SQLite scores every match with bm25;
PostgreSQL ranks a rank tier's rows and proves that no other match outranks them (see
store/fts.py), or ranks every match. The LIKE baseline fetches every matching id (what ranking
them would need), same study.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, too

from benchmarks._util import percentile, row

QUERIES = [
    "клиентов", "интеграцию", "заявки", "\"воронку продаж\"", "отчёты -Экселе", "поддержка", "напомин*",
    "leads", "integration", "\"sales pipeline\"", "invoices -contracts", "struggled", "reminder*",
    "договоры подписке", "customer records",
]
WORDS_PER_INTERVIEW = 10_000
REPEATS = 3
RANKING = {
    "SQLite FTS5": "bm25 of every match",
    "PostgreSQL tsvector": "ts_rank, every match outranked or ranked (rank tiers, store/fts.py)",
}


def _lemmatize():  # type: ignore[no-untyped-def]
    from jtbd_studio.nlp import lemma_text

    return lambda text: lemma_text(text).replace("ё", "е")


def _build(db: Any, words: int) -> tuple[int, float]:
    from benchmarks.corpus import load_study

    t0 = time.perf_counter()
    sid = load_study(db, f"bench search {words}", words // WORDS_PER_INTERVIEW, WORDS_PER_INTERVIEW,
                     lemmatize=_lemmatize())
    db.after_bulk_load()  # how an import of many rows ends (see the note)
    return sid, time.perf_counter() - t0


def _like_words(query: str) -> str:
    word = query.strip('"').split()[0].rstrip("*")
    return f"%{word}%"


def _time_search(db: Any, sid: int) -> list[float]:
    from jtbd_studio.library.filters import SearchFilters
    from jtbd_studio.library.search import search

    times = []
    for _ in range(REPEATS):
        for q in QUERIES:
            t0 = time.perf_counter()
            search(db, sid, q, SearchFilters(sources=("turn",)), limit=20, suggest=False)
            times.append((time.perf_counter() - t0) * 1000)
    return times


def _time_like(db: Any, sid: int) -> list[float]:
    from sqlalchemy import text

    sql = text("SELECT turn.id FROM turn JOIN interview ON interview.id = turn.interview_id "
               "WHERE interview.study_id = :sid AND turn.text LIKE :pat")
    times = []
    with db.engine.connect() as conn:
        for _ in range(REPEATS):
            for q in QUERIES:
                t0 = time.perf_counter()
                conn.execute(sql, {"sid": sid, "pat": _like_words(q)}).fetchall()
                times.append((time.perf_counter() - t0) * 1000)
    return times


def _measure(db: Any, words: int, backend: str) -> dict[str, Any]:
    sid, build_s = _build(db, words)
    _time_search(db, sid)  # warm caches (lemmatizer, page cache) before measuring
    ours = percentile(_time_search(db, sid), 95)
    like = percentile(_time_like(db, sid), 95)
    budget = 20 if words <= 1_000_000 else 100
    return row(
        f"search p95, {words // 1_000_000} M words, {backend}",
        f"{ours:.1f} ms", f"LIKE scan p95 {like:.1f} ms", like / ours,
        f"ratio = LIKE time / search time; budget ≤ {budget} ms; {len(QUERIES)} queries × {REPEATS}, "
        "full search service (parse, lemmas, rank, filters, snippets), top 20 turns; "
        f"{RANKING[backend]}; corpus built in {build_s:.0f} s, then Database.after_bulk_load "
        "(what imports end with: PRAGMA optimize; VACUUM (ANALYZE) on PostgreSQL)",
    )


def _sqlite(words: int) -> dict[str, Any]:
    from jtbd_studio.store.db import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        try:
            return _measure(db, words, "SQLite FTS5")
        finally:
            db.close()


def _postgres(words: int, url: str) -> dict[str, Any]:
    import psycopg
    from sqlalchemy.engine import make_url

    from jtbd_studio.store.db import open_database

    base = make_url(url)
    name = f"bench_search_{random.randrange(10**8)}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    db = open_database(base.set(database=name).render_as_string(hide_password=False))
    try:
        return _measure(db, words, "PostgreSQL tsvector")
    finally:
        db.close()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(quick: bool) -> list[dict[str, Any]]:
    sizes = [1_000_000] if quick else [1_000_000, 10_000_000]
    rows = [_sqlite(words) for words in sizes]
    pg = os.environ.get("JTBD_STUDIO_BENCH_PG") or os.environ.get("JTBD_STUDIO_TEST_PG")
    if pg:
        rows += [_postgres(words, pg) for words in sizes]
    return rows


if __name__ == "__main__":
    for r in run(quick="--quick" in sys.argv):
        print(r)
