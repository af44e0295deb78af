"""Review of suggestions: accept, reject, edit the span, change the kind, bulk decisions.

Every decision is a `ReviewEvent` (action, author, time, what changed), written in the same
transaction as the change itself.
"""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from jtbd_studio.errors import NotFoundError, UsageError
from jtbd_studio.library import filters as flt
from jtbd_studio.library import stage_emotions
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.query import fold, nlp, parse_query
from jtbd_studio.scripts.taxonomy import EXTRACTION_KINDS
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import (
    EXTRACTION_STATUSES,
    Extraction,
    Interview,
    Note,
    Participant,
    ReviewEvent,
    Turn,
    utcnow,
)

#: status -> the action name written to the log
_ACTIONS = {"accepted": "accept", "rejected": "reject", "suggested": "reset"}


def log_event(s: Session, ex: Extraction, action: str, author: str | None, **detail: Any) -> ReviewEvent:
    event = ReviewEvent(extraction_id=ex.id, action=action, author=author, detail=detail)  # type: ignore[arg-type]
    s.add(event)
    return event


def _get(s: Session, extraction_id: int) -> Extraction:
    ex = s.get(Extraction, extraction_id)
    if ex is None:
        raise NotFoundError(f"no extraction #{extraction_id}")
    return ex


def _check_status(status: str) -> str:
    if status not in EXTRACTION_STATUSES:
        raise UsageError(f"status {status!r}: must be one of {', '.join(EXTRACTION_STATUSES)}")
    return status


def _set_status(s: Session, ex: Extraction, status: str, author: str | None) -> bool:
    if ex.status == status:
        return False
    log_event(s, ex, _ACTIONS[status], author, before=ex.status, after=status)
    ex.status = status
    ex.decided_by = author if status != "suggested" else None
    ex.decided_at = utcnow() if status != "suggested" else None
    s.add(ex)
    return True


def decide(db: Database, extraction_ids: Iterable[int], status: str, *, author: str | None) -> int:
    """Set the status of extractions (accepted, rejected, or back to suggested); how many changed."""
    _check_status(status)
    ids = list(dict.fromkeys(int(i) for i in extraction_ids))
    with db.session() as s:
        rows = {ex.id: ex for ex in s.execute(select(Extraction).where(col(Extraction.id).in_(ids))).scalars()}
        missing = [i for i in ids if i not in rows]
        if missing:
            raise NotFoundError(f"no extraction #{missing[0]}" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))
        changed = [rows[i] for i in ids if _set_status(s, rows[i], status, author)]
        stage_emotions.refresh(s, changed)
        return len(changed)


def accept(db: Database, extraction_ids: Iterable[int], *, author: str | None) -> int:
    return decide(db, extraction_ids, "accepted", author=author)


def reject(db: Database, extraction_ids: Iterable[int], *, author: str | None) -> int:
    return decide(db, extraction_ids, "rejected", author=author)


def source_text(s: Session, ex: Extraction) -> str:
    """The text of the turn or note the extraction's span points into."""
    holder = s.get(Turn, ex.turn_id) if ex.turn_id else s.get(Note, ex.note_id) if ex.note_id else None
    if holder is None:
        raise NotFoundError(f"extraction #{ex.id} has no turn or note to point into")
    return holder.text


def _check_span(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = int(start), int(end)
    if not 0 <= start < end <= len(text):
        raise UsageError(f"span {start}..{end}: must lie inside the text (0..{len(text)}) and not be empty")
    return start, end


def lemma_key(text: str) -> str:
    """The normalized lemma key stored with an extraction (lower case, ё folded)."""
    return fold(nlp().lemma_text(text))


def edit_span(db: Database, extraction_id: int, start: int, end: int, *, author: str | None) -> Extraction:
    """Move the span's boundaries; the text and key follow the source text."""
    with db.session() as s:
        ex = _get(s, extraction_id)
        text = source_text(s, ex)
        start, end = _check_span(text, start, end)
        if (start, end) == (ex.start, ex.end):
            return ex
        log_event(s, ex, "edit_span", author, before=[ex.start, ex.end, ex.text],
                  after=[start, end, text[start:end]])
        ex.start, ex.end, ex.text = start, end, text[start:end]
        ex.key = lemma_key(ex.text)
        ex.edited = True
        s.add(ex)
        s.flush()
        return ex


def change_kind(db: Database, extraction_id: int, kind: str, *, author: str | None) -> Extraction:
    if kind not in EXTRACTION_KINDS:
        raise UsageError(f"kind {kind!r}: must be one of {', '.join(EXTRACTION_KINDS)}")
    with db.session() as s:
        ex = _get(s, extraction_id)
        if ex.kind == kind:
            return ex
        log_event(s, ex, "change_kind", author, before=ex.kind, after=kind)
        was = ex.kind
        ex.kind = kind
        ex.edited = True
        s.add(ex)
        s.flush()
        if "emotion" in (was, kind):
            stage_emotions.suggest(s, ex.interview_id)
        return ex


def mark_span(
    db: Database, *, turn_id: int | None = None, note_id: int | None = None, start: int, end: int,
    kind: str, author: str | None, valence: int | None = None,
) -> Extraction:
    """A span marked by hand (origin manual), accepted at once."""
    if kind not in EXTRACTION_KINDS:
        raise UsageError(f"kind {kind!r}: must be one of {', '.join(EXTRACTION_KINDS)}")
    if (turn_id is None) == (note_id is None):
        raise UsageError("mark a span in exactly one turn or one note")
    with db.session() as s:
        holder = s.get(Turn, turn_id) if turn_id is not None else s.get(Note, note_id)
        if holder is None:
            raise NotFoundError(f"no {'turn' if turn_id is not None else 'note'} #{turn_id or note_id}")
        start, end = _check_span(holder.text, start, end)
        text = holder.text[start:end]
        ex = Extraction(interview_id=holder.interview_id, turn_id=turn_id, note_id=note_id, kind=kind,
                        text=text, start=start, end=end, key=lemma_key(text), valence=valence,
                        status="accepted", origin="manual", decided_by=author, decided_at=utcnow())
        s.add(ex)
        s.flush()
        log_event(s, ex, "create", author, kind=kind, span=[start, end])
        stage_emotions.refresh(s, [ex])
        return ex


def matching_ids(s: Session, db: Database, study_id: int, filters: SearchFilters, query: str | None = None) -> list[int]:
    """Ids of the study's extractions that pass the filters (and the search query, if any)."""
    filters = flt.checked(filters)
    codes = flt.code_subtree(s, filters.code_ids)
    stage = func.coalesce(Turn.stage, Note.stage)
    stmt = (
        select(Extraction.id).join(Interview, Interview.id == Extraction.interview_id)
        .join(Participant, Participant.id == Interview.participant_id, isouter=True)
        .join(Turn, Turn.id == Extraction.turn_id, isouter=True)
        .join(Note, Note.id == Extraction.note_id, isouter=True)
        .where(Interview.study_id == study_id, *flt.interview_conditions(filters),
               *flt.extraction_conditions(filters, codes))
    )
    if filters.code_ids and not codes:
        return []
    if filters.stages:
        stmt = stmt.where(stage.in_(filters.stages))
    if query:
        m = db.fts.match("extraction", parse_query(query).fts).subquery("m")
        stmt = stmt.join(m, m.c.row_id == Extraction.id)
    return list(s.execute(stmt.order_by(Extraction.id)).scalars())


def bulk_decide(
    db: Database, study_id: int, filters: SearchFilters, status: str, *, author: str | None,
    query: str | None = None,
) -> int:
    """Decide every extraction the filters (and query) select; returns how many changed."""
    _check_status(status)
    with db.session() as s:
        ids = matching_ids(s, db, study_id, filters, query)
        changed: list[Extraction] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            changed += [ex for ex in s.execute(select(Extraction).where(col(Extraction.id).in_(chunk))).scalars()
                        if _set_status(s, ex, status, author)]
        stage_emotions.refresh(s, changed)
        return len(changed)


def history(db: Database, extraction_id: int) -> list[ReviewEvent]:
    """The decisions taken on one extraction, oldest first."""
    with db.session() as s:
        _get(s, extraction_id)
        stmt = select(ReviewEvent).where(ReviewEvent.extraction_id == extraction_id).order_by(ReviewEvent.id)
        return list(s.execute(stmt).scalars())


def interview_extractions(db: Database, interview_id: int) -> list[Extraction]:
    """An interview's extractions in reading order (turn, then position in it)."""
    with db.session() as s:
        if s.get(Interview, interview_id) is None:
            raise NotFoundError(f"no interview #{interview_id}")
        stmt = (
            select(Extraction).join(Turn, Turn.id == Extraction.turn_id, isouter=True)
            .where(Extraction.interview_id == interview_id)
            .order_by(func.coalesce(Turn.seq, -1), Extraction.note_id, Extraction.start, Extraction.id)
        )
        return list(s.execute(stmt).scalars())
