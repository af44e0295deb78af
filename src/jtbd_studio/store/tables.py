"""The tables: one SQLModel class per noun of DESIGN.md (studies, interviews, turns, notes …)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

SEGMENTS = ("A", "B", "C", "D")
STATUSES = ("active", "churned", "prospect")
ROLES = ("interviewer", "customer")
EXTRACTION_STATUSES = ("suggested", "accepted", "rejected")
ORIGINS = ("rule", "model", "manual")


def utcnow() -> datetime:
    """Aware UTC (SQLModel stores UTC and returns aware datetimes on both backends)."""
    return datetime.now(UTC)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Any:
    return Field(default=None, foreign_key=target, index=True, nullable=nullable, ondelete=ondelete)  # type: ignore[call-overload]


class Study(SQLModel, table=True):
    """A research study: one product, its competitors, its participants and interviews."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, description="Unique, human-chosen name.")
    product: str | None = Field(default=None, description="The study's own product.")
    language: str = Field(default="ru", description="ru, en or mixed.")
    description: str | None = Field(default=None, sa_column=Column(Text))
    interviewers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    synthetic: bool = Field(default=False, description="Sample data, not real research.")
    created_at: datetime = Field(default_factory=utcnow)


class Competitor(SQLModel, table=True):
    """A known alternative with its aliases (matched in every form by the NLP engine)."""

    __table_args__ = (UniqueConstraint("study_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    study_id: int = _fk("study.id")
    name: str
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Participant(SQLModel, table=True):
    """An interviewed client (pseudonym), with ABCD segment, key-client flag and status."""

    __table_args__ = (UniqueConstraint("study_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    study_id: int = _fk("study.id")
    name: str = Field(description="Pseudonym or name as the team knows the client.")
    company: str | None = None
    role: str | None = Field(default=None, description="The person's job title.")
    segment: str | None = Field(default=None, description="ABCD segment: A, B, C or D.")
    key_client: bool = False
    status: str = Field(default="active", description="active, churned or prospect.")
    created_at: datetime = Field(default_factory=utcnow)


class Interview(SQLModel, table=True):
    """One call: live in the TUI or imported from a transcript file."""

    id: int | None = Field(default=None, primary_key=True)
    study_id: int = _fk("study.id")
    participant_id: int | None = _fk("participant.id", nullable=True, ondelete="SET NULL")
    script_key: str | None = None
    interviewer: str | None = None
    language: str = "ru"
    status: str = Field(default="live", description="live, finished or imported.")
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current_stage: str | None = None
    source_file: str | None = None
    source_sha256: str | None = Field(default=None, index=True)
    source_format: str | None = None
    role_method: str | None = None
    role_confidence: float | None = None
    nps: int | None = Field(default=None, description="Net Promoter answer 0–10.")
    nps_why: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)


class Turn(SQLModel, table=True):
    """One speaker's turn in a transcript; `lemmas` is what the NLP layer gave for search."""

    __table_args__ = (UniqueConstraint("interview_id", "seq"),)
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = _fk("interview.id")
    seq: int
    speaker: str | None = None
    role: str = "customer"
    start_ms: int | None = None
    end_ms: int | None = None
    stage: str | None = None
    stage_method: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    lemmas: str | None = Field(default=None, sa_column=Column(Text))


class Note(SQLModel, table=True):
    """A live note typed during the call, stamped with its time offset and stage."""

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = _fk("interview.id")
    offset_ms: int | None = None
    stage: str | None = None
    kind: str = "note"
    text: str = Field(sa_column=Column(Text, nullable=False))
    lemmas: str | None = Field(default=None, sa_column=Column(Text))
    deleted: bool = Field(default=False, description="Soft delete, so that undo restores it.")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class NoteDraft(SQLModel, table=True):
    """The note being typed, saved every few seconds so a crash loses nothing."""

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    kind: str = "note"
    stage: str | None = None
    updated_at: datetime = Field(default_factory=utcnow)


class EmotionTag(SQLModel, table=True):
    """The emotion at one stage of one interview (valence −2..+2 and a taxonomy label)."""

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = _fk("interview.id")
    stage: str
    valence: int
    label: str | None = None
    comment: str | None = None
    source: str = Field(default="interviewer", description="interviewer or suggested.")
    created_at: datetime = Field(default_factory=utcnow)


class Rating(SQLModel, table=True):
    """A CSI answer: satisfaction and importance (1–10) for one aspect."""

    __table_args__ = (UniqueConstraint("interview_id", "aspect"),)
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = _fk("interview.id")
    aspect: str
    score: int | None = None
    importance: int | None = None


class Extraction(SQLModel, table=True):
    """A span found by the engine or marked by hand, in a turn or a note."""

    __table_args__ = (Index("ix_extraction_interview_kind", "interview_id", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = _fk("interview.id")
    turn_id: int | None = _fk("turn.id", nullable=True)
    note_id: int | None = _fk("note.id", nullable=True)
    kind: str
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    key: str | None = None
    label: str | None = None
    score: float | None = None
    valence: int | None = None
    status: str = Field(default="suggested", index=True)
    origin: str = "rule"
    edited: bool = Field(default=False, description="A researcher changed span or kind.")
    decided_by: str | None = None
    decided_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class ReviewEvent(SQLModel, table=True):
    """The log of every researcher decision on an extraction (who, when, what changed)."""

    id: int | None = Field(default=None, primary_key=True)
    extraction_id: int = _fk("extraction.id")
    action: str
    author: str | None = None
    at: datetime = Field(default_factory=utcnow)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Code(SQLModel, table=True):
    """A node of the study's codebook tree."""

    __table_args__ = (UniqueConstraint("study_id", "parent_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    study_id: int = _fk("study.id")
    parent_id: int | None = _fk("code.id", nullable=True)
    name: str
    description: str | None = None
    color: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Coding(SQLModel, table=True):
    """A code applied to an extraction or to a span of a turn."""

    id: int | None = Field(default=None, primary_key=True)
    code_id: int = _fk("code.id")
    extraction_id: int | None = _fk("extraction.id", nullable=True)
    turn_id: int | None = _fk("turn.id", nullable=True)
    start: int | None = None
    end: int | None = None
    author: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Insight(SQLModel, table=True):
    """A finding: a statement with its stage, backed by evidence."""

    id: int | None = Field(default=None, primary_key=True)
    study_id: int = _fk("study.id")
    statement: str = Field(sa_column=Column(Text, nullable=False))
    stage: str | None = None
    lemmas: str | None = Field(default=None, sa_column=Column(Text))
    author: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class InsightEvidence(SQLModel, table=True):
    """Links an insight to the extractions that support it."""

    insight_id: int = Field(foreign_key="insight.id", primary_key=True, ondelete="CASCADE")
    extraction_id: int = Field(foreign_key="extraction.id", primary_key=True, ondelete="CASCADE")
