"""Insights: a statement with its stage, backed by extractions from any of the study's interviews."""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlmodel import Session, col

from jtbd_studio.errors import NotFoundError, UsageError
from jtbd_studio.library.query import fold, nlp
from jtbd_studio.store.db import Database
from jtbd_studio.store.library_tables import LibraryEvent
from jtbd_studio.store.tables import (
    Extraction,
    Insight,
    InsightEvidence,
    Interview,
    Note,
    Participant,
    Study,
    Turn,
)

MAX_STATEMENT = 2000


@dataclass(frozen=True)
class Evidence:
    """One extraction behind an insight: `turn_id` + `start`/`end` open the transcript at it."""

    extraction_id: int
    interview_id: int
    turn_id: int | None
    note_id: int | None
    start: int
    end: int
    text: str
    kind: str
    participant: str | None
    segment: str | None
    stage: str | None


@dataclass
class InsightView:
    id: int
    statement: str
    stage: str | None
    author: str | None
    created_at: datetime
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def interviews(self) -> int:
        return len({e.interview_id for e in self.evidence})

    @property
    def participants(self) -> int:
        return len({e.participant for e in self.evidence if e.participant})

    @property
    def segments(self) -> list[str]:
        return sorted({e.segment for e in self.evidence if e.segment})


def _statement(text: str) -> str:
    body = " ".join((text or "").split())
    if not body:
        raise UsageError("an insight needs a statement")
    if len(body) > MAX_STATEMENT:
        raise UsageError(f"the statement is {len(body)} characters long; the limit is {MAX_STATEMENT}")
    return body


def _check_evidence(s: Session, study_id: int, ids: Iterable[int]) -> list[int]:
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        return []
    found = dict(s.execute(select(Extraction.id, Interview.study_id)
                           .join(Interview, Interview.id == Extraction.interview_id)
                           .where(col(Extraction.id).in_(wanted))).all())
    for eid in wanted:
        if eid not in found:
            raise NotFoundError(f"no extraction #{eid}")
        if found[eid] != study_id:
            raise UsageError(f"extraction #{eid} belongs to another study")
    return wanted


def create_insight(
    db: Database, study_id: int, statement: str, *, stage: str | None = None,
    evidence: Iterable[int] = (), author: str | None = None,
) -> Insight:
    body = _statement(statement)
    with db.session() as s:
        if s.get(Study, study_id) is None:
            raise NotFoundError(f"no study #{study_id}")
        ids = _check_evidence(s, study_id, evidence)
        insight = Insight(study_id=study_id, statement=body, stage=stage or None,
                          lemmas=fold(nlp().lemma_text(body)), author=author)
        s.add(insight)
        s.flush()
        s.add_all(InsightEvidence(insight_id=insight.id, extraction_id=e) for e in ids)  # type: ignore[arg-type]
        s.add(LibraryEvent(study_id=study_id, action="insight_create", author=author,
                           detail={"insight_id": insight.id, "evidence": ids}))
        return insight


def _get(s: Session, insight_id: int) -> Insight:
    insight = s.get(Insight, insight_id)
    if insight is None:
        raise NotFoundError(f"no insight #{insight_id}")
    return insight


def update_insight(db: Database, insight_id: int, *, statement: str | None = None,
                   stage: str | None = None, author: str | None = None) -> Insight:
    with db.session() as s:
        insight = _get(s, insight_id)
        before = {"statement": insight.statement, "stage": insight.stage}
        if statement is not None:
            insight.statement = _statement(statement)
            insight.lemmas = fold(nlp().lemma_text(insight.statement))
        if stage is not None:
            insight.stage = stage or None
        s.add(insight)
        s.add(LibraryEvent(study_id=insight.study_id, action="insight_edit", author=author,
                           detail={"insight_id": insight.id, "before": before}))
        return insight


def add_evidence(db: Database, insight_id: int, extraction_ids: Iterable[int], *,
                 author: str | None = None) -> int:
    """Link more extractions; returns how many were new."""
    with db.session() as s:
        insight = _get(s, insight_id)
        ids = _check_evidence(s, insight.study_id, extraction_ids)
        have = set(s.execute(select(InsightEvidence.extraction_id)
                             .where(InsightEvidence.insight_id == insight_id)).scalars())
        new = [e for e in ids if e not in have]
        s.add_all(InsightEvidence(insight_id=insight_id, extraction_id=e) for e in new)
        s.add(LibraryEvent(study_id=insight.study_id, action="insight_evidence_add", author=author,
                           detail={"insight_id": insight_id, "evidence": new}))
        return len(new)


def remove_evidence(db: Database, insight_id: int, extraction_ids: Iterable[int], *,
                    author: str | None = None) -> None:
    ids = list(extraction_ids)
    with db.session() as s:
        insight = _get(s, insight_id)
        s.execute(delete(InsightEvidence).where(InsightEvidence.insight_id == insight_id,
                                                col(InsightEvidence.extraction_id).in_(ids)))
        s.add(LibraryEvent(study_id=insight.study_id, action="insight_evidence_remove", author=author,
                           detail={"insight_id": insight_id, "evidence": ids}))


def delete_insight(db: Database, insight_id: int, *, author: str | None = None) -> None:
    with db.session() as s:
        insight = _get(s, insight_id)
        s.add(LibraryEvent(study_id=insight.study_id, action="insight_delete", author=author,
                           detail={"insight_id": insight_id, "statement": insight.statement}))
        s.delete(insight)


def list_insights(db: Database, study_id: int, *, stage: str | None = None) -> list[InsightView]:
    """The study's insights with their evidence; best supported (most interviews) first."""
    with db.session() as s:
        stmt = select(Insight).where(Insight.study_id == study_id)
        if stage:
            stmt = stmt.where(Insight.stage == stage)
        views = [InsightView(i.id, i.statement, i.stage, i.author, i.created_at)  # type: ignore[arg-type]
                 for i in s.execute(stmt).scalars()]
        evidence = _evidence(s, [v.id for v in views])
    for view in views:
        view.evidence = evidence.get(view.id, [])
    return sorted(views, key=lambda v: (-v.interviews, -len(v.evidence), v.id))


def get_insight(db: Database, insight_id: int) -> InsightView:
    with db.session() as s:
        i = _get(s, insight_id)
        view = InsightView(i.id, i.statement, i.stage, i.author, i.created_at)  # type: ignore[arg-type]
        view.evidence = _evidence(s, [insight_id]).get(insight_id, [])
        return view


def _evidence(s: Session, insight_ids: list[int]) -> dict[int, list[Evidence]]:
    if not insight_ids:
        return {}
    stmt = (
        select(InsightEvidence.insight_id, Extraction, Participant.name, Participant.segment,
               Turn.stage, Note.stage)
        .join(Extraction, Extraction.id == InsightEvidence.extraction_id)
        .join(Interview, Interview.id == Extraction.interview_id)
        .join(Participant, Participant.id == Interview.participant_id, isouter=True)
        .join(Turn, Turn.id == Extraction.turn_id, isouter=True)
        .join(Note, Note.id == Extraction.note_id, isouter=True)
        .where(col(InsightEvidence.insight_id).in_(insight_ids))
        .order_by(Extraction.interview_id, Turn.seq, Extraction.start)
    )
    found: dict[int, list[Evidence]] = {}
    for iid, ex, name, seg, t_stage, n_stage in s.execute(stmt).all():
        found.setdefault(iid, []).append(Evidence(
            ex.id, ex.interview_id, ex.turn_id, ex.note_id, ex.start, ex.end, ex.text, ex.kind,
            name, seg, t_stage or n_stage))
    return found
