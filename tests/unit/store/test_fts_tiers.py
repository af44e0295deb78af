"""Rank tiers (PostgreSQL): ranking only a tier's rows gives exactly the best of all matches."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from jtbd_studio.library import search as service
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.query import parse_query
from jtbd_studio.nlp import lemma_text
from jtbd_studio.services.studies import add_participant, create_study
from jtbd_studio.store import fts, migrate
from jtbd_studio.store.db import open_database
from jtbd_studio.store.tables import Interview, Turn

# Word forms of a few lemmas, drawn with skewed weights so that some words repeat within a turn
# (the rows tiers are made of) and prefixes match several different words.
FORMS = ["клиент", "клиента", "клиенту", "клиентом", "клиенты", "клиентов", "клиентам",
    "клиентский", "клиентская", "напоминание", "напоминания", "напоминаний", "напомнить",
    "напоминаю", "отчёт", "отчёты", "отчётов", "поддержка", "поддержки", "поддержку",
    "интеграция", "интеграцию", "договор", "договоры", "договоров", "воронку", "продаж",
    "ключевой", "ключевых", "lead", "leads", "customer", "customers", "record", "records",
    "reminder", "reminders", "invoice", "invoices", "onboarding", "onboarded"]
FILLER = ["и", "в", "на", "мы", "они", "это", "что", "как", "the", "a", "we", "our", "and", "to"]
QUERIES = [
    "клиент", "клиентов", "напоминание", "отчёты", "поддержка", "интеграцию", "договоры",
    "leads", "customer", "records", "invoices", "onboarding", "клиентов отчёты",
    "клиент -напоминание", '"воронку продаж"', '"ключевых клиентов"', "напомин*", "клиен*",
    "remind*", "customer records", "клиентов -отчёт", "lead* customer", "клиент*",
]


def corpus(seed: int = 3, turns: int = 240) -> list[str]:
    rng = random.Random(seed)
    weights = [1 / (i + 1) for i in range(len(FORMS))]
    out = []
    for _ in range(turns):
        n = rng.choice((3, 5, 8, 12, 20, 40))
        words = [rng.choices(FORMS, weights)[0] if rng.random() < 0.5 else rng.choice(FILLER)
                 for _ in range(n)]
        out.append(" ".join(words).capitalize() + ".")
    return out


def load(db) -> int:  # type: ignore[no-untyped-def]
    study = create_study(db, "Ранги", language="mixed")
    texts = corpus()
    for n in range(3):
        person = add_participant(db, study.id, f"P{n}")
        with db.session() as s:
            iv = Interview(study_id=study.id, participant_id=person.id, status="imported",
                           language="ru")
            s.add(iv)
            s.flush()
            for seq, body in enumerate(texts[n::3]):
                s.add(Turn(interview_id=iv.id, seq=seq, text=body,
                           lemmas=lemma_text(body).lower().replace("ё", "е")))
    return study.id


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def ranked(request: pytest.FixtureRequest,  # type: ignore[no-untyped-def]
           tmp_path_factory: pytest.TempPathFactory):
    """(db, study id) on each backend, built once per module."""
    from tests.conftest import module_database

    with module_database(request.param, tmp_path_factory, "t_tiers") as db:
        yield db, load(db)


def best(db, study_id: int, query: str, wanted: int,  # type: ignore[no-untyped-def]
         *, tiers: bool):
    parsed = parse_query(query)
    filters = SearchFilters(sources=("turn",))
    with db.session() as s:
        levels = db.fts.rank_tiers(s, parsed.fts) if tiers else ()
        rows = service._best(s, db, "turn", parsed, filters, set(), study_id, wanted, levels)
    return [(r.id, r.rank) for r in rows]


def certifying_tier(db, study_id: int, query: str,  # type: ignore[no-untyped-def]
                    wanted: int) -> int | None:
    """The tier whose rows proved to be the best, or None when every match had to be ranked."""
    parsed = parse_query(query)
    with db.session() as s:
        for tier in db.fts.rank_tiers(s, parsed.fts):
            filters = SearchFilters(sources=("turn",))
            if service._proven(s, db, "turn", parsed, filters, set(), study_id, wanted, (tier,)):
                return tier.count
    return None


@pytest.mark.parametrize("wanted", [1, 5, 21])
@pytest.mark.parametrize("query", QUERIES)
def test_tiers_give_exactly_the_best_of_all_matches(ranked, query, wanted):
    db, sid = ranked
    assert best(db, sid, query, wanted, tiers=True) == best(db, sid, query, wanted, tiers=False)


def test_tiers_do_the_work_on_postgresql(ranked):
    db, sid = ranked
    found = {q: certifying_tier(db, sid, q, 5) for q in QUERIES}
    if db.dialect == "sqlite":
        assert set(found.values()) == {None}  # FTS5 ranks every match with bm25
        return
    proven = {tier for tier in found.values() if tier}
    assert len([t for t in found.values() if t]) >= len(QUERIES) // 2, found
    assert {4, 2} <= proven, found
    assert found["напомин*"] and found["клиентов"], found  # prefixes and multi-form words too


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from([*FORMS, "напомин*", "клиен*", "отчет*", "lead*"]),
                      min_size=1, max_size=3),
       negate=st.booleans(), quote=st.booleans(), wanted=st.sampled_from([1, 3, 8]))
def test_any_query_ranks_the_same_with_and_without_tiers(ranked, words, negate, quote, wanted):
    db, sid = ranked
    query = " ".join(words)
    if quote and len(words) > 1 and not any("*" in w for w in words):
        query = f'"{query}"'
    elif negate and len(words) > 1:
        query = " ".join(words[:-1]) + " -" + words[-1].rstrip("*")
    assert best(db, sid, query, wanted, tiers=True) == best(db, sid, query, wanted, tiers=False)


def test_search_results_are_ranked_best_first(ranked):
    db, sid = ranked
    for query in QUERIES:
        result = service.search(db, sid, query, SearchFilters(sources=("turn",)), limit=7)
        ranks = [h.rank for h in result.hits]
        assert ranks == sorted(ranks), query
        ids = [h.id for h in result.hits]
        assert ids == [i for i, _ in best(db, sid, query, 8, tiers=False)][:7], query


def test_no_tiers_for_raw_queries_short_prefixes_or_sqlite(ranked):
    db, _ = ranked
    with db.session() as s:
        assert db.fts.rank_tiers(s, parse_query("клиент", raw=True).fts) == ()
        assert db.fts.rank_tiers(s, parse_query("кли*").fts) == ()  # shorter than the stem
        tiers = db.fts.rank_tiers(s, parse_query("клиент").fts)
    if db.dialect == "sqlite":
        assert tiers == ()
    else:
        assert [t.count for t in tiers] == [4, 3, 2]
        assert tiers[0].bound < tiers[1].bound < tiers[2].bound < 0  # higher tiers, higher bars


@pytest.mark.pg
def test_tier_tokens_count_repeats_and_prefix_spread(pg_url):
    db = open_database(pg_url)
    try:
        sid = create_study(db, "Токены").id
        with db.session() as s:
            iv = Interview(study_id=sid, status="imported", language="ru")
            s.add(iv)
            s.flush()
            s.add(Turn(interview_id=iv.id, seq=0, text="Клиент, клиенты и клиентам: клиент!",
                       lemmas="клиент клиент и клиент клиент"))
        with db.engine.connect() as conn:
            tokens = set(conn.execute(text("SELECT tsvector_to_array(tfv) FROM turn")).scalar_one())
        # «клиент» twice in the text and four times in the lemmas; «и» once in each
        assert {"2~клиент", "3~клиент", "4~клиент", "2~и", "3^клие"} <= tokens
        assert not any(t.startswith(("2~клиенты", "2~клиентам")) for t in tokens)
    finally:
        db.close()


@pytest.mark.pg
def test_upgrade_fills_tiers_of_existing_rows(pg_url):
    old = open_database(pg_url, upgrade=False)
    migrate.upgrade(old, "0003_library")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO study (name, language, interviewers, synthetic, created_at) "
                          "VALUES ('Старое', 'ru', '[]', false, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO interview (study_id, language, status, created_at) "
                          "SELECT id, 'ru', 'imported', CURRENT_TIMESTAMP FROM study"))
        conn.execute(text("INSERT INTO turn (interview_id, seq, role, text, lemmas) SELECT id, 0, "
                          "'customer', 'Отчёт за отчётом', 'отчет за отчет' FROM interview"))
    old.close()
    db = open_database(pg_url)
    try:
        with db.engine.connect() as conn:
            tokens = conn.execute(text("SELECT tsvector_to_array(tfv) FROM turn")).scalar_one()
        assert "2~отчет" in tokens
    finally:
        db.close()


def test_lexemes_are_quoted_for_tsquery_input():
    assert fts._lexeme("it's") == "'it''s'"
    assert fts._lexeme("a\\b") == "'a\\\\b'"


def test_made_up_row_holds_the_most_a_row_outside_a_tier_can():
    assert fts._made_up_row(["клиент"], [], 2) == "'клиент':1,2"
    assert fts._made_up_row(["lead"], ["напомин"], 1) == "'lead':1 'напомин':1 'напоминнапомин':1"


def test_rank_and_tier_queries_cover_every_positive_word():
    query = parse_query('клиентов напомин* -отчёт "воронку продаж"').fts
    ranked = fts._rank_query(query) or ""
    assert "'клиентов'" in ranked and "'клиент'" in ranked and "'напомин':*" in ranked
    assert "'воронку'" in ranked and "'воронка'" in ranked and "отчет" not in ranked
    tiers = fts._tier_query(query, 3)
    assert "'3~клиентов'" in tiers and "'3~напомин':*" in tiers and "'3^напо'" in tiers
    assert fts._rank_query(parse_query("x", raw=True).fts) is None


def test_rows_tied_with_the_bound_complete_a_small_tier(ranked):
    db, sid = ranked
    if db.dialect == "sqlite":
        pytest.skip("FTS5 has no rank tiers")
    filters, completed = SearchFilters(sources=("turn",)), []
    for query in ("leads", "records", "invoices", "интеграцию"):
        parsed = parse_query(query)
        with db.session() as s:
            lowest = db.fts.rank_tiers(s, parsed.fts)[-1]
            assert lowest.count == 2 and lowest.ties
            stmt = service._BUILDERS["turn"](db, parsed, filters, set(), sid, 400, "tier").limit(5)
            found = service._run(s, stmt, parsed, {fts.TIER_PARAM: lowest.tokens})
            if len(found) == 5 and found[-1].rank < lowest.bound:
                continue  # the tier alone proved enough
            rows = service._with_ties(s, db, "turn", parsed, filters, set(), sid, 5, lowest, found)
        if rows is not None:
            completed.append(query)
            assert [(r.id, r.rank) for r in rows] == best(db, sid, query, 5, tiers=False)
    assert len(completed) >= 2, completed


def test_maintenance_after_a_bulk_load_keeps_results(ranked):
    db, sid = ranked
    before = {q: best(db, sid, q, 5, tiers=True) for q in QUERIES[:6]}
    db.after_bulk_load()
    db.after_bulk_load()  # idempotent
    assert {q: best(db, sid, q, 5, tiers=True) for q in QUERIES[:6]} == before


def test_begin_search_offers_tiers_only_where_matches_are_many(ranked):
    db, _ = ranked
    with db.session() as s:
        chosen = db.fts.begin_search(s, parse_query("клиент").fts, ("turn", "note"))
    assert set(chosen) == {"turn", "note"}
    # the test study has a few hundred turns: ranking every match is the cheaper way
    assert chosen == {"turn": (), "note": ()}


def test_search_with_tiers_on_finds_the_same_hits(ranked, monkeypatch):
    """Through the whole service, with tiers offered for any number of matches."""
    db, sid = ranked
    monkeypatch.setattr(fts, "TIERS_FROM_ROWS", 1)
    filters = SearchFilters(sources=("turn",))
    with db.session() as s:
        offered = db.fts.begin_search(s, parse_query("клиент").fts, ("turn",))["turn"]
    assert bool(offered) == (db.dialect == "postgresql")
    for query in QUERIES:
        hits = service.search(db, sid, query, filters, limit=5, suggest=False).hits
        assert [(h.id, h.rank) for h in hits] == best(db, sid, query, 6, tiers=False)[:5], query
