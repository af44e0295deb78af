"""Search semantics on both backends, on real Russian and English text."""

from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from jtbd_studio.errors import JtbdError, UsageError
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.search import search
from jtbd_studio.store.tables import Turn


@pytest.fixture
def db(shared):
    return shared[0]


@pytest.fixture
def study(shared):
    return shared[1]


def texts(result) -> list[str]:
    return [h.text for h in result.hits]


def turn_hits(db, study, query, **kw):
    kw.setdefault("limit", 500)
    filters = kw.pop("filters", SearchFilters(sources=("turn",)))
    return search(db, study.study_id, query, filters, **kw)


def test_russian_forms_find_each_other(db, study):
    by_form = {q: {h.id for h in turn_hits(db, study, q).hits} for q in ("клиентов", "клиент", "клиентами")}
    assert by_form["клиентов"] == by_form["клиент"] == by_form["клиентами"]
    found = texts(turn_hits(db, study, "клиентов"))
    for form in ("клиентами", "клиентам", "клиента", "клиенты"):
        assert any(re.search(rf"\b{form}\b", t, re.I) for t in found), form


def test_hits_are_highlighted_in_every_form(db, study):
    result = turn_hits(db, study, "клиентов")
    for hit in result.hits:
        marked = {hit.text[s:e].lower() for s, e in hit.highlights}
        assert marked and all(m.startswith("клиент") for m in marked), hit.text
    assert "**" in result.hits[0].snippet.marked()


def test_english_inflections_find_each_other(db, study):
    onboarding = {h.id for h in turn_hits(db, study, "onboarding").hits}
    onboarded = {h.id for h in turn_hits(db, study, "onboarded").hits}
    assert onboarding == onboarded and len(onboarding) >= 2
    assert any(re.search(r"\bonboard\b", t) for t in texts(turn_hits(db, study, "onboarded")))


def test_phrase_needs_consecutive_words(db, study):
    phrase = texts(turn_hits(db, study, '"ключевых клиентов"'))
    words = texts(turn_hits(db, study, "ключевых клиентов"))
    assert phrase and set(phrase) <= set(words)
    assert all(re.search(r"ключев\w+ клиент", t, re.I) for t in phrase)
    assert len(words) > len(phrase)


def test_phrase_matches_other_forms_by_lemmas(db, study):
    # «ключевые клиенты» is in the text only in other cases; the lemma column finds them
    found = texts(turn_hits(db, study, '"ключевой клиент"'))
    assert found and all(re.search(r"ключев\w+ клиент", t, re.I) for t in found)


def test_exclusion_removes_hits(db, study):
    everything = texts(turn_hits(db, study, "клиент"))
    without = texts(turn_hits(db, study, "клиент -ключевой"))
    assert 0 < len(without) < len(everything)
    assert not any(re.search(r"\bключев", t, re.I) for t in without)


def test_prefix(db, study):
    found = texts(turn_hits(db, study, "клиентск*"))
    assert found and all(re.search(r"\bклиентск", t, re.I) for t in found)


def test_yo_is_folded(db, study):
    # «её» / «ещё» are written with ё in the articles; е finds them
    found = texts(turn_hits(db, study, "еще"))
    assert any("ещё" in t for t in found)
    assert texts(turn_hits(db, study, "ещё")) == found


def test_results_are_ranked_and_limited(db, study):
    result = turn_hits(db, study, "клиент", limit=5)
    ranks = [h.rank for h in result.hits]
    assert len(ranks) == 5 and ranks == sorted(ranks) and result.more


def test_search_spans_sources(db, study):
    result = search(db, study.study_id, "жалоба", limit=200)
    assert {"turn", "extraction"} <= {h.source for h in result.hits}
    ext = next(h for h in result.hits if h.source == "extraction")
    assert ext.turn_id and ext.start is not None and ext.interview_id in study.interviews


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (SearchFilters(segments=("a",)), lambda h: h.segment == "A"),
        (SearchFilters(stages=("onboarding",)), lambda h: h.stage == "onboarding"),
        (SearchFilters(kinds=("friction",)), lambda h: h.source == "extraction" and h.kind == "friction"),
        (SearchFilters(review_statuses=("suggested",)), lambda h: h.status == "suggested"),
    ],
)
def test_filters(db, study, filters, check):
    result = search(db, study.study_id, "клиент", filters, limit=500)
    assert result.hits and all(check(h) for h in result.hits)


def test_people_and_date_filters(db, study):
    everything = search(db, study.study_id, "клиент", SearchFilters(sources=("turn",)), limit=500).hits
    key = search(db, study.study_id, "клиент", SearchFilters(sources=("turn",), key_client=True), limit=500).hits
    churned = search(db, study.study_id, "клиент", SearchFilters(participant_statuses=("churned",)), limit=500).hits
    assert 0 < len(key) < len(everything)
    assert churned and {h.participant for h in churned} <= {"P04", "P08", "P12"}
    from datetime import date

    early = search(db, study.study_id, "клиент", SearchFilters(sources=("turn",), date_to=date(2025, 1, 6)),
                   limit=500).hits
    assert early and {h.interview_id for h in early} == {study.interviews[0]}
    one = search(db, study.study_id, "клиент", SearchFilters(interview_ids=(study.interviews[1],)), limit=500)
    assert {h.interview_id for h in one.hits} == {study.interviews[1]}


def test_valence_filter(db, study):
    result = search(db, study.study_id, "клиент", SearchFilters(valence_max=-1), limit=500)
    assert result.hits and all(h.source == "extraction" for h in result.hits)


def test_no_match_suggests_vocabulary(db, study):
    result = search(db, study.study_id, "клеинтов")
    assert result.hits == [] and "клиент" in result.suggestions["клеинтов"]
    result = search(db, study.study_id, "onbaording")
    assert any(s.startswith("onboard") for s in result.suggestions["onbaording"])


HOSTILE = [
    '"', '""', "'", "«", '"unclosed phrase клиент', "-", "--", "*", "**", "-*", "()", ")(", "[]",
    "{text}: клиент", "NEAR(клиент ключевой)", "клиент AND OR NOT", "клиент OR 1=1", "^клиент",
    "'; DROP TABLE turn; --", "клиент' OR '1'='1", "a:*", "!!клиент", "клиент & !ключевой | x",
    "клиент\x00", "\x00", "\x01\x02\x1b[31m", "клиент\u200b", "💥", "-клиент", "клиент" * 40,
    "\\", "%", "_", "%клиент%", "<->", "клиент <-> ключевой", "a" * 999,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_safe(db, study, query):
    try:
        search(db, study.study_id, query)
    except UsageError as exc:
        assert "\n" not in str(exc) and str(exc)


def test_hostile_queries_leave_data_unchanged(db, study):
    for query in HOSTILE:
        with contextlib.suppress(UsageError):
            search(db, study.study_id, query)
    with db.session() as s:
        assert len(s.exec(select(Turn)).all()) == len(study.turns)


def test_long_and_empty_queries_have_clear_messages(db, study):
    with pytest.raises(UsageError, match="10000 characters"):
        search(db, study.study_id, ("клиент " * 1500)[:10_000])
    with pytest.raises(UsageError, match="nothing to search"):
        search(db, study.study_id, '  "" ** ')
    with pytest.raises(UsageError, match="only excludes"):
        search(db, study.study_id, "-клиент")


def test_raw_syntax_only_on_request(db, study):
    raw = "клиент"  # a bare word is valid in both FTS5 and tsquery syntax
    assert search(db, study.study_id, raw, raw=True).hits
    with pytest.raises(UsageError, match="raw query"):
        search(db, study.study_id, '"unbalanced AND (' if db.dialect == "sqlite" else "a & & b", raw=True)
    # the same text without --raw is an ordinary query
    search(db, study.study_id, '"unbalanced AND (')


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80) | st.lists(st.sampled_from([*HOSTILE, "клиент", "onboarding", "-", '"', "*"]),
                                             max_size=6).map(" ".join))
def test_any_string_is_a_safe_query(db, study, query):
    try:
        search(db, study.study_id, query, suggest=False)
    except JtbdError as exc:
        assert isinstance(exc, UsageError), exc


def test_postgres_searches_without_transactions_and_in_written_join_order(db, study):
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL's read session")
    from sqlalchemy import text

    with db.read_session() as s:
        assert s.execute(text("SHOW join_collapse_limit")).scalar_one() == "1"
        s.execute(text("SELECT 1"))
        # autocommit: no transaction is open between statements
        assert s.connection().connection.dbapi_connection.info.transaction_status == 0
    with db.session() as s:  # ordinary sessions keep the server's planner settings
        assert s.execute(text("SHOW join_collapse_limit")).scalar_one() == "8"


def test_search_survives_a_dropped_server_connection(db, study):
    if db.dialect != "postgresql":
        pytest.skip("a server that drops connections")
    from sqlalchemy import text

    before = texts(turn_hits(db, study, "клиент"))
    with db.read_session() as s:
        reader_pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with db.engine.connect() as conn:  # what a server restart or an idle timeout does
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": reader_pid}).scalar_one()
    assert texts(turn_hits(db, study, "клиент")) == before
