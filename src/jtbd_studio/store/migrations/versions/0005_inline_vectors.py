"""keep the tsvectors in the row on PostgreSQL, so ranking a match needs no TOAST read

Revision ID: 0005_inline_vectors
Revises: 0004_rank_tiers

A turn of a few hundred characters makes a row of 2-3 kB (text, lemmas, tsv, tfv): over the
TOAST threshold, and PostgreSQL moves the biggest value, the tsvector, out of line. Ranking then
reads every match's vector from the TOAST table (an index probe and a heap read per row: at
1 M words, 937 matches took 5 ms to rank instead of 1.6). With storage MAIN the vectors stay in
the row, compressed, and the text and lemmas (read only for the hits shown) move out instead.
The tables are rewritten (CLUSTER by primary key) so existing rows move too: on a 10 M-word
repository that takes as long as 0004 did. SQLite is untouched.
"""

from __future__ import annotations

from alembic import op

revision = "0005_inline_vectors"
down_revision = "0004_rank_tiers"
branch_labels = None
depends_on = None

# kept here (not imported) so the step never changes
SOURCES = ("turn", "note", "insight", "extraction")


def _set_storage(storage: str) -> None:
    for src in SOURCES:
        op.execute(f"ALTER TABLE {src} ALTER COLUMN tsv SET STORAGE {storage}, "
                   f"ALTER COLUMN tfv SET STORAGE {storage}")
        # a rewrite re-toasts every row by the new rule; CLUSTER (unlike VACUUM FULL) may run
        # inside the migration's transaction
        op.execute(f"CLUSTER {src} USING {src}_pkey")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _set_storage("MAIN")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _set_storage("EXTENDED")
