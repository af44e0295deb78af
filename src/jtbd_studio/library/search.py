"""Ranked, lemma-aware search over a study's turns, notes, extractions and insights."""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, exists, func, literal, literal_column, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from jtbd_studio.errors import UsageError
from jtbd_studio.library import filters as flt
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.highlight import Snippet, highlights, snippet
from jtbd_studio.library.query import ParsedQuery, parse_query
from jtbd_studio.store.db import Database
from jtbd_studio.store.fts import TIER_PARAM, RankTier
from jtbd_studio.store.tables import (
    Extraction,
    Insight,
    InsightEvidence,
    Interview,
    Note,
    Participant,
    Turn,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
WINDOW = 400
MAX_WINDOW = 100_000


@dataclass(frozen=True)
class SearchHit:
    """One matching row with the ids that open it (interview, turn, span) and its snippet."""

    source: str
    id: int
    rank: float
    text: str
    snippet: Snippet
    highlights: tuple[tuple[int, int], ...]
    interview_id: int | None = None
    turn_id: int | None = None
    note_id: int | None = None
    participant: str | None = None
    segment: str | None = None
    stage: str | None = None
    kind: str | None = None
    status: str | None = None
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON Lines object of `search --json`."""
        return {
            "source": self.source, "id": self.id, "rank": round(self.rank, 6), "text": self.text,
            "snippet": self.snippet.marked(), "highlights": [list(h) for h in self.highlights],
            "interview_id": self.interview_id, "turn_id": self.turn_id, "note_id": self.note_id,
            "participant": self.participant, "segment": self.segment, "stage": self.stage,
            "kind": self.kind, "status": self.status, "start": self.start, "end": self.end,
        }


@dataclass
class SearchResult:
    query: ParsedQuery
    hits: list[SearchHit] = field(default_factory=list)
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    more: bool = False


def search(
    db: Database,
    study_id: int,
    text: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = DEFAULT_LIMIT,
    raw: bool = False,
    suggest: bool = True,
) -> SearchResult:
    """Best hits first (bm25 on SQLite, ts_rank of the positive words OR-ed on PostgreSQL).

    Every match is ranked (or, on PostgreSQL, provably outranked: see `_best`); suggestions
    when none match.
    """
    query = parse_query(text, raw=raw)
    filters = flt.checked(filters or SearchFilters())
    limit = max(1, min(int(limit), MAX_LIMIT))
    try:
        rows = _ranked_rows(db, study_id, query, filters, limit)
    except DBAPIError as exc:
        if not exc.connection_invalidated:
            raise
        # the server dropped a pooled connection (restart, idle timeout); the pool has let it
        # go, and a read-only search is safe to run again on a fresh one
        rows = _ranked_rows(db, study_id, query, filters, limit)
    result = SearchResult(query, [_hit(src, row, query) for _, _, src, row in rows[:limit]])
    result.more = len(rows) > limit
    if not rows and suggest and not raw:
        from jtbd_studio.library.vocabulary import suggestions

        result.suggestions = suggestions(db, study_id, query)
    return result


def _ranked_rows(db: Database, study_id: int, query: ParsedQuery, filters: SearchFilters,
                 limit: int) -> list[tuple[float, int, str, Any]]:
    """Up to limit + 1 best rows of every source, best first: (rank, source order, source, row)."""
    rows: list[tuple[float, int, str, Any]] = []
    with db.read_session() as s:
        codes = flt.code_subtree(s, filters.code_ids)
        if filters.code_ids and not codes:
            return rows
        sources = filters.effective_sources()
        tiers = db.fts.begin_search(s, query.fts, sources)
        for order, source in enumerate(sources):
            found = _best(s, db, source, query, filters, codes, study_id, limit + 1, tiers[source])
            for row in found:
                rows.append((float(row.rank or 0.0), order, source, row))
    rows.sort(key=lambda r: (r[0], r[1], r[3].id))
    return rows


def _best(s: Session, db: Database, source: str, query: ParsedQuery, filters: SearchFilters,
          codes: set[int], study_id: int, wanted: int,
          tiers: tuple[RankTier, ...] = ()) -> list[Any]:
    """The `wanted` best rows passing the filters, of every match the backend finds.

    Where the backend offers rank tiers (PostgreSQL), a tier's rows are ranked first: if
    `wanted` of them rank strictly better than the tier's bound, no row outside the tier can
    displace them, so they are the best of all. Otherwise every match is ranked.
    """
    found = _proven(s, db, source, query, filters, codes, study_id, wanted, tiers)
    if found is not None:
        return found
    return _windowed(s, db, source, query, filters, codes, study_id, wanted)


def _proven(s: Session, db: Database, source: str, query: ParsedQuery, filters: SearchFilters,
            codes: set[int], study_id: int, wanted: int,
            tiers: tuple[RankTier, ...]) -> list[Any] | None:
    """The `wanted` best rows if some tier's rows prove to be the best of all, else None.

    Tiers are tried from the smallest (most repeats) down. One try per tier, its best `window`
    rows ranked and then filtered: a tier too small, or thinned by the filters, passes the turn
    to the next, which is always safe.
    """
    if not tiers:
        return None
    window = max(WINDOW, wanted * 10)
    stmt = _BUILDERS[source](db, query, filters, codes, study_id, window, "tier").limit(wanted)
    for tier in tiers:
        found = _run(s, stmt, query, {TIER_PARAM: tier.tokens})
        if len(found) >= wanted and float(found[-1].rank) < tier.bound:
            return found
        if tier.ties:
            tied = _with_ties(s, db, source, query, filters, codes, study_id, wanted, tier, found)
            if tied is not None:
                return tied
    return None


def _with_ties(s: Session, db: Database, source: str, query: ParsedQuery, filters: SearchFilters,
               codes: set[int], study_id: int, wanted: int, tier: RankTier,
               found: list[Any]) -> list[Any] | None:
    """The tier's rows better than its bound, then rows tied with the bound, in id order.

    Rows outside the tier rank at best equal to the bound, and exactly so when every query word
    occurs in them exactly count-1 times (the backend's "ties"); ties are ordered by id. So if
    the tier's rows that rank at or above the bound are all known, and with the ties they make
    `wanted` rows, those are the best of all.
    """
    # `found` is the tier's best `wanted` (sorted by rank, id); with fewer it must be all of it
    window = max(WINDOW, wanted * 10)
    if len(found) < wanted and not _all_seen(s, db, source, query, window, "tier",
                                             {TIER_PARAM: tier.tokens}):
        return None  # the window held only part of the tier, and the filters thinned it
    better = [r for r in found if float(r.rank) < tier.bound]
    at_bound = [r for r in found if float(r.rank) == tier.bound]
    need = wanted - len(better)
    stmt = _BUILDERS[source](db, query, filters, codes, study_id, None, "ties").limit(need)
    outside = _run(s, stmt, query, {TIER_PARAM: tier.tokens})
    if any(float(r.rank) != tier.bound for r in outside):
        return None  # cannot happen (see the backend's RankTier.ties); never trust it blindly
    tied = sorted(at_bound + outside, key=lambda r: r.id)[:need]
    return better + tied if len(tied) == need else None


def _windowed(s: Session, db: Database, source: str, query: ParsedQuery, filters: SearchFilters,
              codes: set[int], study_id: int, wanted: int) -> list[Any]:
    """The `wanted` best filtered rows of all the matches.

    Joining every match to its interview is what costs; so the backend first ranks alone and
    only its best `window` matches are joined and filtered. The best survivors of the window
    are the best of all (a better row would be in the window), so the window only grows, and
    at last goes away, when too few survive.
    """
    window: int | None = max(WINDOW, wanted * 10)
    while True:
        stmt = _BUILDERS[source](db, query, filters, codes, study_id, window).limit(wanted)
        found = _run(s, stmt, query)
        if len(found) >= wanted or window is None or _all_seen(s, db, source, query, window):
            return found
        window = window * 16 if window < MAX_WINDOW else None


def _all_seen(s: Session, db: Database, source: str, query: ParsedQuery, window: int,
              part: str = "all", params: dict[str, Any] | None = None) -> bool:
    """Whether the window already held every match (then a bigger one finds nothing more)."""
    inside = select(func.count()).select_from(_matches(db, source, query, window, part))
    return int(s.connection().execute(inside, params).scalar_one()) < window


def _run(session: Session, stmt: Select, query: ParsedQuery,
         params: dict[str, Any] | None = None) -> list[Any]:
    # Core execution on the session's connection: these are plain column selects, and the ORM
    # layer's per-statement work cost more than some of the statements themselves
    if not query.raw:
        return list(session.connection().execute(stmt, params).all())
    try:
        if session.info.get("autocommit"):  # no transaction to keep usable: no savepoint
            return list(session.connection().execute(stmt).all())
        with session.begin_nested():
            return list(session.connection().execute(stmt).all())
    except DBAPIError as exc:
        problem = " ".join(str(getattr(exc, "orig", exc)).split())[:200]
        raise UsageError(f"raw query {query.text!r} is not valid backend syntax: {problem}") from None


def _hit(source: str, row: Any, query: ParsedQuery) -> SearchHit:
    spans = highlights(row.text, query)
    return SearchHit(
        source=source, id=row.id, rank=float(row.rank or 0.0), text=row.text,
        snippet=snippet(row.text, spans), highlights=tuple(spans),
        interview_id=row.interview_id, turn_id=row.turn_id, note_id=row.note_id,
        participant=row.participant, segment=row.segment, stage=row.stage, kind=row.kind,
        status=row.status, start=row.start, end=row.end,
    )


def _matches(db: Database, source: str, query: ParsedQuery,  # type: ignore[no-untyped-def]
             window: int | None, part: str = "all"):
    """The backend's matches (or a `part` of them), only its `window` best if given."""
    stmt = db.fts.match(source, query.fts, part)
    if window is not None:
        stmt = stmt.order_by(literal_column("rank")).limit(window)
    return stmt.subquery("m")


def _people(stmt: Select, filters: SearchFilters, study_id: int) -> Select:
    stmt = stmt.join(Participant, Participant.id == Interview.participant_id, isouter=True)
    return stmt.where(Interview.study_id == study_id, *flt.interview_conditions(filters))


def _turns(db: Database, query: ParsedQuery, filters: SearchFilters, codes: set[int], study_id: int,
            window: int | None, part: str = "all") -> Select:
    m = _matches(db, "turn", query, window, part)
    stmt = select(
        Turn.id, Turn.text, m.c.rank, Turn.interview_id, Turn.id.label("turn_id"),
        literal(None).label("note_id"), Participant.name.label("participant"), Participant.segment,
        Turn.stage, literal(None).label("kind"), literal(None).label("status"),
        literal(None).label("start"), literal(None).label("end"),
    ).select_from(m).join(Turn, Turn.id == m.c.row_id)
    stmt = stmt.join(Interview, Interview.id == Turn.interview_id)
    stmt = _people(stmt, filters, study_id)
    if filters.stages:
        stmt = stmt.where(col(Turn.stage).in_(filters.stages))
    if codes:
        stmt = stmt.where(flt.turn_code_condition(Turn.id, codes))
    return stmt.order_by(m.c.rank, Turn.id)


def _notes(db: Database, query: ParsedQuery, filters: SearchFilters, codes: set[int], study_id: int,
            window: int | None, part: str = "all") -> Select:
    m = _matches(db, "note", query, window, part)
    stmt = select(
        Note.id, Note.text, m.c.rank, Note.interview_id, literal(None).label("turn_id"),
        Note.id.label("note_id"), Participant.name.label("participant"), Participant.segment,
        Note.stage, Note.kind, literal(None).label("status"),
        literal(None).label("start"), literal(None).label("end"),
    ).select_from(m).join(Note, Note.id == m.c.row_id)
    stmt = stmt.join(Interview, Interview.id == Note.interview_id)
    stmt = _people(stmt, filters, study_id).where(col(Note.deleted).is_(False))
    if filters.stages:
        stmt = stmt.where(col(Note.stage).in_(filters.stages))
    return stmt.order_by(m.c.rank, Note.id)


def _extractions(db: Database, query: ParsedQuery, filters: SearchFilters, codes: set[int], study_id: int,
            window: int | None, part: str = "all") -> Select:
    m = _matches(db, "extraction", query, window, part)
    stage = func.coalesce(Turn.stage, Note.stage)
    stmt = select(
        Extraction.id, Extraction.text, m.c.rank, Extraction.interview_id, Extraction.turn_id,
        Extraction.note_id, Participant.name.label("participant"), Participant.segment,
        stage.label("stage"), Extraction.kind, Extraction.status, Extraction.start, Extraction.end,
    ).select_from(m).join(Extraction, Extraction.id == m.c.row_id)
    stmt = stmt.join(Interview, Interview.id == Extraction.interview_id)
    stmt = stmt.join(Turn, Turn.id == Extraction.turn_id, isouter=True)
    stmt = stmt.join(Note, Note.id == Extraction.note_id, isouter=True)
    stmt = _people(stmt, filters, study_id).where(*flt.extraction_conditions(filters, codes))
    if filters.stages:
        stmt = stmt.where(stage.in_(filters.stages))
    return stmt.order_by(m.c.rank, Extraction.id)


def _insights(db: Database, query: ParsedQuery, filters: SearchFilters, codes: set[int], study_id: int,
            window: int | None, part: str = "all") -> Select:
    m = _matches(db, "insight", query, window, part)
    stmt = select(
        Insight.id, Insight.statement.label("text"), m.c.rank, literal(None).label("interview_id"),
        literal(None).label("turn_id"), literal(None).label("note_id"),
        literal(None).label("participant"), literal(None).label("segment"), Insight.stage,
        literal(None).label("kind"), literal(None).label("status"),
        literal(None).label("start"), literal(None).label("end"),
    ).select_from(m).join(Insight, Insight.id == m.c.row_id).where(Insight.study_id == study_id)
    if filters.stages:
        stmt = stmt.where(col(Insight.stage).in_(filters.stages))
    stmt = stmt.where(*flt.date_conditions(col(Insight.created_at), filters))
    if filters.participant_bound():
        # an insight matches people filters through the interviews of its evidence
        backed = (
            select(InsightEvidence.extraction_id)
            .join(Extraction, Extraction.id == InsightEvidence.extraction_id)
            .join(Interview, Interview.id == Extraction.interview_id)
            .join(Participant, Participant.id == Interview.participant_id, isouter=True)
            .where(InsightEvidence.insight_id == Insight.id,
                   *flt.interview_conditions(SearchFilters(
                       segments=filters.segments, key_client=filters.key_client,
                       participant_statuses=filters.participant_statuses,
                       participant_ids=filters.participant_ids,
                       interview_ids=filters.interview_ids)))
        )
        stmt = stmt.where(exists(backed))
    return stmt.order_by(m.c.rank, Insight.id)


_BUILDERS = {"turn": _turns, "note": _notes, "extraction": _extractions, "insight": _insights}
