"""Full-text search behind one small interface: SQLite FTS5 and PostgreSQL tsvector + GIN.

Both index, per searchable table, its raw text and a lemma column the caller supplies (the
storage layer knows nothing of spaCy). Queries arrive as a small AST built from user text, so
user input never reaches the SQL or the FTS syntax unescaped; raw syntax only via `FtsQuery.raw`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Select, bindparam, column, func, literal_column, select, table, text
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement, Grouping, UnaryExpression

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


class FullTextBackend(Protocol):
    """What search needs from a database: a selectable of (row_id, rank), lower rank = better."""

    name: str

    def match(self, source: str, query: FtsQuery) -> Select: ...

    def rebuild(self, connection) -> None: ...  # type: ignore[no-untyped-def]


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

    def match(self, source: str, query: FtsQuery) -> Select:
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

    def rebuild(self, connection) -> None:  # type: ignore[no-untyped-def]
        for source in SOURCES:
            connection.execute(text(f"INSERT INTO {source}_fts({source}_fts) VALUES ('rebuild')"))


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

    def match(self, source: str, query: FtsQuery) -> Select:
        q = self.tsquery(source, query)
        tsv: Any = column("tsv")
        src = table(source, column("id"), tsv)
        return select(
            src.c.id.label("row_id"),
            (-func.ts_rank(tsv, q)).label("rank"),
        ).where(tsv.op("@@")(q))

    def rebuild(self, connection) -> None:  # type: ignore[no-untyped-def]
        # generated columns are always current; REINDEX only restores index health
        for source in SOURCES:
            connection.execute(text(f"REINDEX INDEX ix_{source}_tsv"))


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
