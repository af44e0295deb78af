"""Storage: live note commit latency (SQLite, PostgreSQL) and full-text search vs a LIKE scan."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._util import percentile, row


def _note_latency(db: Any, n: int) -> list[float]:
    from jtbd_studio.services import interviews as live
    from jtbd_studio.services.studies import add_participant, create_study

    create_study(db, "bench notes")
    add_participant(db, "bench notes", "P")
    iv = live.start_interview(db, "bench notes", "P", script_key="jtbd_switch", first_stage="first_thought")
    times = []
    for k in range(n):
        t0 = time.perf_counter()
        live.add_note(db, iv.id, f"заметка номер {k}: долго не могли настроить интеграцию", kind="friction")
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _raw_insert_latency(db: Any, n: int) -> list[float]:
    """Baseline: the bare INSERT + COMMIT of the same row through the driver."""
    from sqlalchemy import text

    times = []
    with db.engine.connect() as conn:
        iid = conn.execute(text("SELECT max(id) FROM interview")).scalar_one()
        for k in range(n):
            t0 = time.perf_counter()
            conn.execute(text("INSERT INTO note (interview_id, kind, text, deleted, created_at, updated_at) "
                              "VALUES (:i, 'note', :t, false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                         {"i": iid, "t": f"raw {k}"})
            conn.commit()
            times.append((time.perf_counter() - t0) * 1000)
    return times


def note_rows(url: str, label: str, n: int) -> list[dict[str, Any]]:
    from jtbd_studio.store.db import open_database

    db = open_database(url)
    try:
        ours = _note_latency(db, n)
        base = _raw_insert_latency(db, n)
    finally:
        db.close()
    p99, b99 = percentile(ours, 99), percentile(base, 99)
    return [
        row(f"note save p50, {label}", f"{statistics.median(ours):.2f} ms", f"{statistics.median(base):.2f} ms raw INSERT+COMMIT",
            statistics.median(ours) / statistics.median(base), f"n={n}, one commit per note"),
        row(f"note save p99, {label}", f"{p99:.2f} ms", f"{b99:.2f} ms raw INSERT+COMMIT", p99 / b99, "budget p99 <= 10 ms"),
    ]


def search_rows(words: int) -> list[dict[str, Any]]:
    from sqlalchemy import text

    from benchmarks.corpus import load_study
    from jtbd_studio.store.db import open_database
    from jtbd_studio.store.fts import Clause, FtsQuery, Term

    tmp = Path(tempfile.mkdtemp(prefix="jtbd-bench-"))
    db = open_database(tmp / "search.sqlite3")
    fold = lambda t: t.lower().replace("ё", "е")  # noqa: E731 - raw text as lemmas: FTS cost is the same
    load_study(db, "bench search", max(1, words // 2000), 2000, lemmatize=fold)
    queries = ["интеграцию", "spreadsheets", "поддержка", "Битриксе", "onboarding", "сделки", "reminders", "вручную"]
    fts_t, like_t = [], []
    with db.engine.connect() as conn:
        for _ in range(5):
            for q in queries:
                stmt = db.fts.match("turn", FtsQuery((Clause(Term((q.lower(),))),)))
                t0 = time.perf_counter()
                conn.execute(stmt.order_by(text("rank")).limit(50)).all()
                fts_t.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                conn.execute(text("SELECT id FROM turn WHERE text LIKE :p LIMIT 50000"), {"p": f"%{q}%"}).all()
                like_t.append((time.perf_counter() - t0) * 1000)
    db.close()
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    p95, l95 = percentile(fts_t, 95), percentile(like_t, 95)
    return [row(f"FTS5 query p95 at {words / 1e6:g} M words (top 50 by bm25)", f"{p95:.2f} ms",
                f"{l95:.2f} ms LIKE '%…%' scan", l95 / p95, "ratio = LIKE time / FTS time; raw storage layer")]


def run(quick: bool) -> list[dict[str, Any]]:
    n = 200 if quick else 1000
    tmp = Path(tempfile.mkdtemp(prefix="jtbd-bench-"))
    rows = note_rows(str(tmp / "notes.sqlite3"), "SQLite (WAL)", n)
    pg = os.environ.get("JTBD_STUDIO_BENCH_PG") or os.environ.get("JTBD_STUDIO_TEST_PG")
    if pg:
        import psycopg
        from sqlalchemy.engine import make_url

        base = make_url(pg)
        admin = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench_notes WITH (FORCE)")
            conn.execute("CREATE DATABASE bench_notes")
        rows += note_rows(base.set(database="bench_notes").render_as_string(hide_password=False), "PostgreSQL", n)
    rows += search_rows(200_000 if quick else 1_000_000)
    return rows
