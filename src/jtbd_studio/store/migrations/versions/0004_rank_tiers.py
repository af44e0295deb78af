"""term-frequency tiers beside each tsvector on PostgreSQL, so search ranks only the best matches

Revision ID: 0004_rank_tiers
Revises: 0003_library

`tfv` holds a token `n~lexeme` for every lexeme that occurs at least n times (n = 2..4) in the
row's `tsv`, and `3^abcd` when at least 3 different lexemes begin with `abcd` (what a prefix
query `abcd…*` can match). ts_rank of an OR-query depends only on those counts, so a search can
rank the rows where a query word is frequent and prove that no other row can beat them
(store/fts.py). The tsvectors are also switched to lz4 compression where the server has it:
ranking reads them.
SQLite is untouched: FTS5 computes bm25 from its own index.
"""

from __future__ import annotations

from alembic import op

revision = "0004_rank_tiers"
down_revision = "0003_library"
branch_labels = None
depends_on = None

# source table -> (text column, lemma column); kept here (not imported) so the step never changes
SOURCES = {
    "turn": ("text", "lemmas"),
    "note": ("text", "lemmas"),
    "insight": ("statement", "lemmas"),
    "extraction": ("text", "key"),
}
TOP_TIER = 4
STEM = 4
SPREAD = 3

TIERS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION jtbd_tf_tiers(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(token)), ''::tsvector) FROM (
    SELECT n::text || '~' || u.lexeme AS token
    FROM unnest(v) AS u,
         generate_series(2, least(coalesce(array_length(u.positions, 1), 1), {TOP_TIER})) AS n
    UNION ALL
    SELECT '{SPREAD}^' || left(u.lexeme, {STEM}) FROM unnest(v) AS u
    WHERE length(u.lexeme) >= {STEM} GROUP BY 1 HAVING count(*) >= {SPREAD}
  ) AS tokens
$$
"""


# the planner's estimate of the rows of a table whose tsv matches: EXPLAIN runs nothing, and
# as a function it rides along with the other questions a search asks first (one round trip)
EXPECTED_ROWS_FUNCTION = """
CREATE OR REPLACE FUNCTION jtbd_expected_rows(tbl regclass, words tsquery) RETURNS float8
LANGUAGE plpgsql VOLATILE AS $$
DECLARE plan json;
BEGIN
  EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %s WHERE tsv @@ $1', tbl) INTO plan USING words;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END
$$
"""


def _document(text_col: str, lemma_col: str) -> str:
    """The same expression as the `tsv` column of 0002_fulltext."""
    return (f"to_tsvector('simple', translate(lower(coalesce({text_col}, '')), 'ё', 'е') || ' ' || "
            f"coalesce({lemma_col}, ''))")


def _has_lz4() -> bool:
    row = op.get_bind().exec_driver_sql(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ).first()
    return bool(row and row[0])


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(TIERS_FUNCTION)
    op.execute(EXPECTED_ROWS_FUNCTION)
    lz4 = _has_lz4()
    for src, (text_col, lemma_col) in SOURCES.items():
        if lz4:
            op.execute(f"ALTER TABLE {src} ALTER COLUMN tsv SET COMPRESSION lz4")
        op.execute(
            f"ALTER TABLE {src} ADD COLUMN tfv tsvector GENERATED ALWAYS AS "
            f"(jtbd_tf_tiers({_document(text_col, lemma_col)})) STORED"
        )
        if lz4:
            op.execute(f"ALTER TABLE {src} ALTER COLUMN tfv SET COMPRESSION lz4")
        op.execute(f"CREATE INDEX ix_{src}_tfv ON {src} USING gin (tfv)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for src in SOURCES:
        op.execute(f"DROP INDEX IF EXISTS ix_{src}_tfv")
        op.execute(f"ALTER TABLE {src} DROP COLUMN IF EXISTS tfv")
        op.execute(f"ALTER TABLE {src} ALTER COLUMN tsv SET COMPRESSION default")
    op.execute("DROP FUNCTION IF EXISTS jtbd_tf_tiers(tsvector)")
    op.execute("DROP FUNCTION IF EXISTS jtbd_expected_rows(regclass, tsquery)")
