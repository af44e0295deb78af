"""Full-text search behind one small interface: SQLite FTS5 and PostgreSQL tsvector + GIN.

Both index, per searchable table, its raw text and a lemma column the caller supplies (the
storage layer knows nothing of spaCy). Queries arrive as a small AST built from user text, so
user input never reaches the SQL or the FTS syntax unescaped; raw syntax only via `FtsQuery.raw`.

Ranking: bm25 over every match on SQLite (FTS5 reads term counts from its own index). On
PostgreSQL, ts_rank of the query's positive words joined by OR; ranking every match there means
reading every matching row's tsvector from the heap, so the backend offers `rank_tiers`: bounds
that let a search rank only the rows where a query word occurs often and prove the rest cannot
beat them (see `PostgresTsvector.rank_tiers`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    Select,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import REGCLASS, TSQUERY, TSVECTOR
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement, Grouping, UnaryExpression

#: A word as both full-text backends cut it: letters and digits; `_ - ' .` separate words.
WORD = re.compile(r"[^\W_]+")
#: searchable table -> (text column, lemma column)
SOURCES: dict[str, tuple[str, str]] = {
    "turn": ("text", "lemmas"),
    "note": ("text", "lemmas"),
    "insight": ("statement", "lemmas"),
    "extraction": ("text", "key"),
}


@dataclass(frozen=True)
class Term:
    """One word: matches if any of its forms (surface, lemma candidates) is in the text."""

    forms: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    """Consecutive words: as typed (on the text) or as lemmas (on the lemma column)."""

    surface: tuple[str, ...]
    lemmas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    item: Term | Phrase
    negated: bool = False


@dataclass(frozen=True)
class FtsQuery:
    """Clauses joined by AND; negated ones exclude. `raw` bypasses the AST (explicit option)."""

    clauses: tuple[Clause, ...] = ()
    raw: str | None = None

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    def is_empty(self) -> bool:
        return self.raw is None and not self.positive


#: the bind parameter of `match(..., "tier")` that selects the tier (a RankTier's `tokens`)
TIER_PARAM = "tier_tokens"


@dataclass(frozen=True)
class RankTier:
    """Rows with a query word at least `count` times; no row outside ranks better than `bound`.

    `bound` is in the units of `match`'s rank column (lower = better): a row outside the tier
    has rank >= bound, so when a tier holds enough rows ranked strictly below it, they are the
    best of all matches. `tokens` is the value of TIER_PARAM that selects the tier's rows.
    """

    count: int
    bound: float
    tokens: str
    #: rows outside the tier can tie with the bound (all query words exactly count-1 times):
    #: `match(..., "ties")` finds them, so a search can complete the tier with them in id order
    ties: bool = False


class FullTextBackend(Protocol):
    """What search needs from a database: a selectable of (row_id, rank), lower rank = better."""

    name: str

    def match(self, source: str, query: FtsQuery, part: str = "all") -> Select: ...

    def rank_tiers(self, session: Any, query: FtsQuery) -> tuple[RankTier, ...]: ...

    def begin_search(self, session: Any, query: FtsQuery,
                     sources: Sequence[str]) -> dict[str, tuple[RankTier, ...]]: ...

    def rebuild(self, connection) -> None: ...  # type: ignore[no-untyped-def]

    def after_bulk_load(self, connection) -> None: ...  # type: ignore[no-untyped-def]


def _fts5_string(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


@dataclass
class SqliteFts5:
    """FTS5 external-content tables `<source>_fts`, kept in step by triggers."""

    name: str = "sqlite-fts5"

    def compile(self, source: str, query: FtsQuery) -> str:
        """FTS5 MATCH text: positives joined by AND, then `NOT x` for each exclusion."""
        if query.raw is not None:
            return query.raw
        text_col, lemma_col = SOURCES[source]
        positive = [self._clause(c.item, text_col, lemma_col) for c in query.positive]
        negative = [self._clause(c.item, text_col, lemma_col) for c in query.clauses if c.negated]
        return " AND ".join(positive) + "".join(f" NOT {n}" for n in negative)

    @staticmethod
    def _clause(item: Term | Phrase, text_col: str, lemma_col: str) -> str:
        if isinstance(item, Term):
            star = "*" if item.prefix else ""
            alts = [_fts5_string(f) + star for f in dict.fromkeys(item.forms) if f]
            return "(" + " OR ".join(alts) + ")"
        surface = f"{{{text_col}}} : " + _fts5_string(" ".join(item.surface))
        if not item.lemmas:
            return f"({surface})"
        lemmas = f"{{{lemma_col}}} : " + _fts5_string(" ".join(item.lemmas))
        return f"({surface} OR {lemmas})"

    def match(self, source: str, query: FtsQuery, part: str = "all") -> Select:
        if part != "all":
            raise ValueError("FTS5 ranks every match: it has no rank tiers")
        fts = f"{source}_fts"
        match_text = self.compile(source, query)
        param: Any = bindparam(f"fts_{source}", match_text)
        return (
            select(
                literal_column(f"{fts}.rowid").label("row_id"),
                literal_column(f"bm25({fts})").label("rank"),
            )
            .select_from(table(fts))
            .where(literal_column(fts).op("MATCH")(param))
        )

    def rank_tiers(self, session: Any, query: FtsQuery) -> tuple[RankTier, ...]:
        return ()  # bm25 needs each row's length: no bound without scoring the row

    def begin_search(self, session: Any, query: FtsQuery,
                     sources: Sequence[str]) -> dict[str, tuple[RankTier, ...]]:
        """Nothing to set up (SQLite plans the ranked matches first on its own), no tiers."""
        return {source: () for source in sources}

    def rebuild(self, connection) -> None:  # type: ignore[no-untyped-def]
        for source in SOURCES:
            connection.execute(text(f"INSERT INTO {source}_fts({source}_fts) VALUES ('rebuild')"))

    def after_bulk_load(self, connection) -> None:  # type: ignore[no-untyped-def]
        """Refresh the planner's statistics where they are stale (FTS5 merges on its own)."""
        connection.execute(text("PRAGMA optimize"))


@dataclass
class PostgresTsvector:
    """A generated `tsv` column ('simple' configuration) with a GIN index on each source."""

    name: str = "postgresql-tsvector"

    def tsquery(self, source: str, query: FtsQuery) -> ColumnElement:
        if query.raw is not None:
            return func.to_tsquery("simple", bindparam(f"raw_{source}", query.raw))
        positives: list[ColumnElement] = []
        negatives: list[ColumnElement] = []
        for n, clause in enumerate(query.clauses):
            expr = self._clause(clause.item, f"{source}_{n}")
            (negatives if clause.negated else positives).append(expr)
        combined = positives[0]
        for expr in positives[1:]:
            combined = combined.op("&&")(expr)
        for expr in negatives:
            combined = combined.op("&&")(_not_tsquery(expr))
        return combined

    @staticmethod
    def _clause(item: Term | Phrase, tag: str) -> ColumnElement:
        if isinstance(item, Term):
            alts: list[ColumnElement] = []
            for i, form in enumerate(dict.fromkeys(f for f in item.forms if f)):
                p: Any = bindparam(f"t_{tag}_{i}", fold(form))
                if item.prefix:
                    alts.append(func.to_tsquery("simple", func.quote_literal(p).concat(":*")))
                else:
                    alts.append(func.plainto_tsquery("simple", p))
            expr = alts[0]
            for alt in alts[1:]:
                expr = expr.op("||")(alt)
            return expr
        surface = func.phraseto_tsquery("simple", bindparam(f"p_{tag}", fold(" ".join(item.surface))))
        if not item.lemmas:
            return surface
        lemmas = func.phraseto_tsquery("simple", bindparam(f"l_{tag}", " ".join(item.lemmas)))
        return surface.op("||")(lemmas)

    def match(self, source: str, query: FtsQuery, part: str = "all") -> Select:
        """Matches ranked by -ts_rank(tsv, positive words OR-ed).

        `part`: "all" the matches; "tier" one rank tier's, chosen at execution by TIER_PARAM
        (so a search builds the statement once and tries tier after tier); "ties" the rows
        outside that tier that tie with its bound (for a tier with `ties`).
        """
        q = self.tsquery(source, query)
        tsv: Any = column("tsv")
        src = table(source, column("id"), tsv, column("tfv"))
        ranking = _rank_query(query)
        rank_q: Any = q if ranking is None else cast(bindparam(f"rank_{source}", ranking), TSQUERY)
        stmt = select(
            src.c.id.label("row_id"),
            (-func.ts_rank(tsv, rank_q)).label("rank"),
        ).where(tsv.op("@@")(q))
        if part == "all":
            return stmt
        tier: Any = cast(bindparam(TIER_PARAM, _tier_query(query, 2)), TSQUERY)
        if part == "tier":
            return stmt.where(src.c.tfv.op("@@")(tier))
        every_word = " & ".join(map(_lexeme, _rank_words(query)))
        every = cast(bindparam(f"every_{source}", every_word), TSQUERY)
        return stmt.where(tsv.op("@@")(every), ~src.c.tfv.op("@@")(tier))

    def rank_tiers(self, session: Any, query: FtsQuery) -> tuple[RankTier, ...]:
        """Tiers TOP_TIER..2 with their bounds, best first; none if the query cannot be bounded.

        ts_rank of an OR-query sums, per query word, a function of how often the word occurs,
        whatever the row's length; a prefix word (x*) adds that for each different word it
        matches. A row outside tier n has every query word at most n-1 times and, per prefix,
        at most SPREAD-1 different words, so it ranks no better than a made-up row holding
        exactly that: the bound is ts_rank of that row, computed by the server itself.
        """
        bounds = _bound_columns(query)
        return _tiers(query, session.execute(select(*bounds)).one()) if bounds else ()

    def begin_search(self, session: Any, query: FtsQuery,
                     sources: Sequence[str]) -> dict[str, tuple[RankTier, ...]]:
        """Set the session up for one search; per source, the rank tiers worth trying.

        One round trip, none without bounds: the tiers' bounds, and per source the planner's
        estimate (EXPLAIN, in jtbd_expected_rows: nothing runs) of the rows holding a query
        word. Tiers only pay where there are many: ranking a thousand outright is cheaper.
        (The join order is the session's: see `Database.read_session`.)
        """
        bounds = _bound_columns(query)
        if not bounds:
            return {source: () for source in sources}
        words: Any = cast(bindparam("words", _rank_query(query)), TSQUERY)
        expected = [func.jtbd_expected_rows(cast(bindparam(f"table_{source}", source), REGCLASS),
                                            words) for source in sources]
        row = session.connection().execute(select(*bounds, *expected)).one()
        tiers = _tiers(query, row[: len(bounds)])
        # the estimate is of the rows holding any positive word (OR-ed) rather than of the
        # query: for phrases and AND the planner assumes independent words and expects far too
        # few; this errs the other way
        return {source: tiers if rows >= TIERS_FROM_ROWS else ()
                for source, rows in zip(sources, row[len(bounds) :], strict=True)}

    def rebuild(self, connection) -> None:  # type: ignore[no-untyped-def]
        # generated columns are always current; REINDEX only restores index health
        for source in SOURCES:
            connection.execute(text(f"REINDEX INDEX ix_{source}_tsv"))
            connection.execute(text(f"REINDEX INDEX ix_{source}_tfv"))

    def after_bulk_load(self, connection) -> None:  # type: ignore[no-untyped-def]
        """What autovacuum would do a minute later, now: VACUUM (ANALYZE) the searched tables.

        GIN indexes take bulk inserts into a pending list that every search scans until it is
        merged; the planner, until ANALYZE, estimates from the tables as they were before the
        import; and until VACUUM, autovacuum is due to scan the new rows and their indexes in
        the middle of the searches that follow (on a 2-core machine that doubled p95). VACUUM
        merges the pending lists too. `connection` must be in autocommit: VACUUM cannot run in
        a transaction. An import of many rows should end with this (seconds at 1 M words).
        """
        names = ", ".join((*SOURCES, "interview", "participant"))
        connection.execute(text(f"VACUUM (ANALYZE) {names}"))


#: what migration 0004_rank_tiers writes in the `tfv` columns: `n~lexeme` for n = 2..TOP_TIER,
#: `SPREAD^stem` when SPREAD different lexemes begin with the same STEM characters
TOP_TIER, STEM, SPREAD = 4, 4, 3
#: below this many expected matches, ranking every match beats trying tiers: with the vectors
#: in the row (0005) ranking costs ~2 µs a match, while each tier tried costs a round trip and
#: a statement (the search rows of benchmarks/RESULTS.md were measured with this value)
TIERS_FROM_ROWS = 5000


def _bound_columns(query: FtsQuery) -> list[Any]:
    """ts_rank of each tier's made-up row (TOP_TIER..2); none if the query cannot be bounded."""
    words, prefixes = _rank_words(query), _rank_prefixes(query)
    ranking = _rank_query(query)
    if ranking is None or any(len(p) < STEM for p in prefixes):
        return []
    rank_q: Any = cast(bindparam("ranking", ranking), TSQUERY)
    return [
        func.ts_rank(cast(bindparam(f"doc_{n}", _made_up_row(words, prefixes, n - 1)), TSVECTOR),
                     rank_q)
        for n in range(TOP_TIER, 1, -1)
    ]


def _tiers(query: FtsQuery, bounds: Sequence[float]) -> tuple[RankTier, ...]:
    # ties need every word in every tied row: exactly what a made-up row without prefixes is
    plain = not _rank_prefixes(query)
    return tuple(RankTier(n, -float(b), _tier_query(query, n), ties=n == 2 and plain)
                 for n, b in zip(range(TOP_TIER, 1, -1), bounds, strict=True))


def _rank_words(query: FtsQuery) -> list[str]:
    """The positive whole words whose counts rank a row, as lexemes (folded, cut into words)."""
    found: list[str] = []
    for clause in query.positive:
        item = clause.item
        if isinstance(item, Term):
            if not item.prefix:
                found += [w for form in item.forms for w in WORD.findall(fold(form))]
        else:
            found += [w for part in (*item.surface, *item.lemmas) for w in WORD.findall(fold(part))]
    return list(dict.fromkeys(found))


def _rank_prefixes(query: FtsQuery) -> list[str]:
    """The positive prefix words (x*), folded."""
    found = [w for c in query.positive if isinstance(c.item, Term) and c.item.prefix
             for form in c.item.forms for w in WORD.findall(fold(form))]
    return list(dict.fromkeys(found))


def _lexeme(word: str) -> str:
    """A lexeme in tsquery/tsvector input syntax: quoted, never parsed or normalised again."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _rank_query(query: FtsQuery) -> str | None:
    """The positive words joined by OR (prefix words as `x:*`), or None for a raw query.

    An OR at the top makes ts_rank sum a per-word score (calc_rank_or); with AND or a phrase at
    the top it would score the distances between words instead, which no tier can bound.
    """
    words = [_lexeme(w) for w in _rank_words(query)]
    ranked = " | ".join(words + [_lexeme(p) + ":*" for p in _rank_prefixes(query)])
    return ranked if ranked and query.raw is None else None


def _tier_query(query: FtsQuery, count: int) -> str:
    """Rows outside which `_made_up_row(..., count - 1)` is the best possible: `tfv` tokens."""
    tokens = [_lexeme(f"{count}~{w}") for w in _rank_words(query)]
    for prefix in _rank_prefixes(query):
        tokens += [_lexeme(f"{count}~{prefix}") + ":*", _lexeme(f"{SPREAD}^{prefix[:STEM]}")]
    return " | ".join(tokens)


def _made_up_row(words: list[str], prefixes: list[str], count: int) -> str:
    """A tsvector with each word `count` times and SPREAD-1 words per prefix `count` times each.

    Extra lexemes or positions only raise its rank, so where a made-up word happens to equal
    another query word the bound is merely looser, never wrong.
    """
    positions = ",".join(str(i) for i in range(1, count + 1))
    lexemes = list(words)
    for prefix in prefixes:
        lexemes += [prefix * k for k in range(1, SPREAD)]
    return " ".join(f"{_lexeme(w)}:{positions}" for w in dict.fromkeys(lexemes))


def _not_tsquery(expr: ColumnElement) -> ColumnElement:
    """`!! query`: the tsquery negation operator (prefix)."""
    return UnaryExpression(Grouping(expr), operator=operators.custom_op("!!"))


def fold(value: str) -> str:
    """Lower case with ё folded to е: how lemma columns are stored and words compared."""
    return value.lower().replace("ё", "е")


def backend_for(dialect: str) -> FullTextBackend:
    if dialect == "sqlite":
        return SqliteFts5()
    if dialect == "postgresql":
        return PostgresTsvector()
    raise ValueError(f"no full-text backend for {dialect}")
