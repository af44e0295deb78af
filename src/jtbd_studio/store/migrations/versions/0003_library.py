"""insight library: phrase clusters, their members, the log of library decisions

Revision ID: 0003_library
Revises: 0002_fulltext
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_library"
down_revision = "0002_fulltext"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_cluster",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("study_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("canonical", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["study_id"], ["study.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_library_cluster_study_id", "library_cluster", ["study_id"])
    op.create_table(
        "library_cluster_member",
        sa.Column("extraction_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["extraction_id"], ["extraction.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["cluster_id"], ["library_cluster.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("extraction_id"),
    )
    op.create_index("ix_library_cluster_member_cluster_id", "library_cluster_member", ["cluster_id"])
    op.create_table(
        "library_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("study_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("author", sa.String(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["study_id"], ["study.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_library_event_study_id", "library_event", ["study_id"])


def downgrade() -> None:
    op.drop_index("ix_library_event_study_id", table_name="library_event")
    op.drop_table("library_event")
    op.drop_index("ix_library_cluster_member_cluster_id", table_name="library_cluster_member")
    op.drop_table("library_cluster_member")
    op.drop_index("ix_library_cluster_study_id", table_name="library_cluster")
    op.drop_table("library_cluster")
