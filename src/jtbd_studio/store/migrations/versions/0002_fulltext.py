"""full-text indexes: FTS5 tables and triggers on SQLite, tsvector + GIN on PostgreSQL

Revision ID: 0002_fulltext
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

revision = "0002_fulltext"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# source table -> (text column, lemma column); kept here (not imported) so the step never changes
SOURCES = {
    "turn": ("text", "lemmas"),
    "note": ("text", "lemmas"),
    "insight": ("statement", "lemmas"),
    "extraction": ("text", "key"),
}


def _sqlite_up(src: str, text_col: str, lemma_col: str) -> None:
    fts = f"{src}_fts"
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({text_col}, {lemma_col}, content='{src}', "
        f"content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
    )
    cols = f"{text_col}, {lemma_col}"
    new = f"new.{text_col}, new.{lemma_col}"
    old = f"old.{text_col}, old.{lemma_col}"
    op.execute(f"CREATE TRIGGER {src}_fts_ai AFTER INSERT ON {src} BEGIN INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER {src}_fts_ad AFTER DELETE ON {src} BEGIN INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
    op.execute(
        f"CREATE TRIGGER {src}_fts_au AFTER UPDATE OF {cols} ON {src} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _pg_up(src: str, text_col: str, lemma_col: str) -> None:
    op.execute(
        f"ALTER TABLE {src} ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
        f"translate(lower(coalesce({text_col}, '')), 'ё', 'е') || ' ' || coalesce({lemma_col}, ''))) STORED"
    )
    op.execute(f"CREATE INDEX ix_{src}_tsv ON {src} USING gin (tsv)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for src, (text_col, lemma_col) in SOURCES.items():
        if dialect == "sqlite":
            _sqlite_up(src, text_col, lemma_col)
        else:
            _pg_up(src, text_col, lemma_col)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for src in SOURCES:
        if dialect == "sqlite":
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {src}_fts_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {src}_fts")
        else:
            op.execute(f"DROP INDEX IF EXISTS ix_{src}_tsv")
            op.execute(f"ALTER TABLE {src} DROP COLUMN IF EXISTS tsv")
