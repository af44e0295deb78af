"""Tables of the insight library: stored phrase clusters and the log of library decisions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from jtbd_studio.store.tables import utcnow


class PhraseCluster(SQLModel, table=True):
    """A group of similar customer phrases or frictions across interviews.

    `locked` clusters were labelled, merged or split by hand: re-clustering keeps them as they
    are and only regroups the other extractions.
    """

    __tablename__ = "library_cluster"
    id: int | None = Field(default=None, primary_key=True)
    study_id: int = Field(foreign_key="study.id", index=True, ondelete="CASCADE")
    kind: str = Field(description="The extraction kind the cluster groups (phrase, friction …).")
    label: str | None = Field(default=None, description="A researcher's name for the cluster.")
    canonical: str = Field(description="The most frequent wording of its members.")
    key: str | None = Field(default=None, description="The members' most common lemma key.")
    locked: bool = Field(default=False, description="Changed by hand; kept by re-clustering.")
    threshold: float | None = Field(default=None, description="Similarity cut-off used, 0–100.")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PhraseClusterMember(SQLModel, table=True):
    """An extraction's place in a cluster (at most one cluster per extraction)."""

    __tablename__ = "library_cluster_member"
    extraction_id: int = Field(foreign_key="extraction.id", primary_key=True, ondelete="CASCADE")
    cluster_id: int = Field(foreign_key="library_cluster.id", index=True, ondelete="CASCADE")


class LibraryEvent(SQLModel, table=True):
    """A decision on the codebook or the clusters: what, who, when and the details."""

    __tablename__ = "library_event"
    id: int | None = Field(default=None, primary_key=True)
    study_id: int = Field(foreign_key="study.id", index=True, ondelete="CASCADE")
    action: str
    author: str | None = None
    at: datetime = Field(default_factory=utcnow)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
