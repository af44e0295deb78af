"""Live interviews: start, stage moves, notes (with drafts and undo), emotions, NPS and CSI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, select

from jtbd_studio.errors import NotFoundError, StorageError, UsageError
from jtbd_studio.services.studies import ensure_participant, get_participant, get_study
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import (
    EmotionTag,
    Interview,
    Note,
    NoteDraft,
    Participant,
    Rating,
    Study,
    Turn,
    utcnow,
)

NOTE_MAX_CHARS = 20_000
NOTE_KINDS = ("note", "quote", "friction", "competitor", "push", "pull", "anxiety", "habit", "job", "churn_risk")


@dataclass
class InterviewDetail:
    """Everything one interview screen or report needs, loaded in one unit of work."""

    interview: Interview
    study: Study
    participant: Participant | None
    notes: list[Note] = field(default_factory=list)
    emotions: list[EmotionTag] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    draft: NoteDraft | None = None


def start_interview(
    db: Database,
    study: str | int,
    participant: str | int,
    *,
    script_key: str,
    language: str = "ru",
    interviewer: str | None = None,
    create_participant: bool = False,
    first_stage: str | None = None,
) -> Interview:
    if language not in ("ru", "en"):
        raise UsageError(f"interview language {language!r}: must be ru or en")
    with db.session() as s:
        st = get_study(s, study)
        if create_participant and isinstance(participant, str):
            p = ensure_participant(s, st.id, participant)  # type: ignore[arg-type]
        else:
            p = get_participant(s, st.id, participant)  # type: ignore[arg-type]
        iv = Interview(
            study_id=st.id, participant_id=p.id, script_key=script_key, interviewer=interviewer,
            language=language, status="live", started_at=utcnow(), current_stage=first_stage,
        )
        s.add(iv)
        s.flush()
        return iv


def _interview(s: Session, interview_id: int) -> Interview:
    iv = s.get(Interview, interview_id)
    if iv is None:
        raise NotFoundError(f"no interview #{interview_id}")
    return iv


def load_interview(db: Database, interview_id: int, *, with_turns: bool = False) -> InterviewDetail:
    with db.session() as s:
        iv = _interview(s, interview_id)
        detail = InterviewDetail(
            interview=iv,
            study=s.get(Study, iv.study_id),  # type: ignore[arg-type]
            participant=s.get(Participant, iv.participant_id) if iv.participant_id else None,
            notes=list(s.exec(select(Note).where(Note.interview_id == iv.id, Note.deleted == False).order_by(Note.id)).all()),  # noqa: E712
            emotions=list(s.exec(select(EmotionTag).where(EmotionTag.interview_id == iv.id).order_by(EmotionTag.id)).all()),
            ratings=list(s.exec(select(Rating).where(Rating.interview_id == iv.id).order_by(Rating.id)).all()),
            draft=s.get(NoteDraft, iv.id),
        )
        if with_turns:
            detail.turns = list(s.exec(select(Turn).where(Turn.interview_id == iv.id).order_by(Turn.seq)).all())
        return detail


def list_interviews(db: Database, study: str | int | None = None, *, unfinished_only: bool = False) -> list[tuple[Interview, str, str | None]]:
    """(interview, study name, participant name), newest first."""
    with db.session() as s:
        stmt = (
            select(Interview, Study.name, Participant.name)
            .join(Study, Study.id == Interview.study_id)
            .join(Participant, Participant.id == Interview.participant_id, isouter=True)
        )
        if study is not None:
            stmt = stmt.where(Interview.study_id == get_study(s, study).id)
        if unfinished_only:
            stmt = stmt.where(Interview.status == "live")
        stmt = stmt.order_by(col(Interview.created_at).desc(), col(Interview.id).desc())
        return [(iv, sn, pn) for iv, sn, pn in s.exec(stmt).all()]


def _offset_ms(iv: Interview, at: datetime | None = None) -> int | None:
    if iv.started_at is None:
        return None
    now = at or utcnow()
    started = iv.started_at
    if started.tzinfo is None:
        now = now.replace(tzinfo=None)
    return max(0, int((now - started).total_seconds() * 1000))


def _check_note(text: str, kind: str) -> str:
    body = (text or "").strip()
    if not body:
        raise UsageError("the note is empty")
    if len(body) > NOTE_MAX_CHARS:
        raise UsageError(f"the note is {len(body)} characters long; the limit is {NOTE_MAX_CHARS}")
    if kind not in NOTE_KINDS:
        raise UsageError(f"note kind {kind!r}: must be one of {', '.join(NOTE_KINDS)}")
    return body


def add_note(db: Database, interview_id: int, text: str, *, kind: str = "note", stage: str | None = None, offset_ms: int | None = None) -> Note:
    """Commit one note (and clear the draft) in a single transaction.

    The hot path of a live call: plain INSERT/DELETE statements in one transaction, with the
    interview read only when the caller did not give the stage and the time offset.
    """
    body = _check_note(text, kind)
    now = utcnow()
    try:
        with db.engine.begin() as conn:
            if stage is None or offset_ms is None:
                row = conn.execute(select(Interview.current_stage, Interview.started_at)
                                   .where(Interview.id == interview_id)).first()
                if row is None:
                    raise NotFoundError(f"no interview #{interview_id}")
                stage = stage or row.current_stage
                if offset_ms is None:
                    offset_ms = _offset_ms(Interview(study_id=0, started_at=row.started_at), now)
            values = dict(interview_id=interview_id, kind=kind, text=body, stage=stage, offset_ms=offset_ms,
                          deleted=False, created_at=now, updated_at=now)
            note_id = conn.execute(insert(Note).values(**values).returning(col(Note.id))).scalar_one()
            conn.execute(delete(NoteDraft).where(NoteDraft.interview_id == interview_id))
    except IntegrityError:
        raise NotFoundError(f"no interview #{interview_id}") from None
    except OperationalError as exc:
        raise StorageError(f"{db.location}: {' '.join(str(exc.orig).split())[:300]}") from None
    return Note(id=note_id, **values)


def update_note(db: Database, note_id: int, *, text: str | None = None, kind: str | None = None) -> Note:
    with db.session() as s:
        note = s.get(Note, note_id)
        if note is None or note.deleted:
            raise NotFoundError(f"no note #{note_id}")
        new_kind = kind or note.kind
        note.text = _check_note(text if text is not None else note.text, new_kind)
        note.kind = new_kind
        note.updated_at = utcnow()
        s.add(note)
        s.flush()
        return note


def delete_note(db: Database, note_id: int, *, restore: bool = False) -> Note:
    """Soft-delete a note; `restore=True` is the undo."""
    with db.session() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise NotFoundError(f"no note #{note_id}")
        note.deleted = not restore
        note.updated_at = utcnow()
        s.add(note)
        s.flush()
        return note


def save_draft(db: Database, interview_id: int, text: str, *, kind: str = "note", stage: str | None = None) -> None:
    """Keep the note being typed; an empty text removes the draft."""
    with db.session() as s:
        draft = s.get(NoteDraft, interview_id)
        if not text.strip():
            if draft is not None:
                s.delete(draft)
            return
        if draft is None:
            _interview(s, interview_id)
            draft = NoteDraft(interview_id=interview_id)
        draft.text = text[:NOTE_MAX_CHARS]
        draft.kind = kind
        draft.stage = stage
        draft.updated_at = utcnow()
        s.add(draft)


def set_stage(db: Database, interview_id: int, stage: str) -> None:
    with db.session() as s:
        iv = _interview(s, interview_id)
        iv.current_stage = stage
        s.add(iv)


def set_emotion(
    db: Database, interview_id: int, stage: str, *, valence: int, label: str | None = None, comment: str | None = None
) -> EmotionTag:
    """The interviewer's emotion for a stage (one per stage: a new one replaces it)."""
    if not -2 <= int(valence) <= 2:
        raise UsageError(f"valence {valence}: must be between -2 and +2")
    with db.session() as s:
        _interview(s, interview_id)
        tag = s.exec(
            select(EmotionTag).where(EmotionTag.interview_id == interview_id, EmotionTag.stage == stage,
                                     EmotionTag.source == "interviewer")
        ).first() or EmotionTag(interview_id=interview_id, stage=stage, valence=0)
        tag.valence = int(valence)
        tag.label = label
        if comment is not None:
            tag.comment = comment.strip()[:500] or None
        s.add(tag)
        s.flush()
        return tag


def parse_nps(value: str | int) -> int:
    try:
        score = int(str(value).strip())
    except ValueError:
        raise UsageError(f"NPS {value!r}: must be a whole number from 0 to 10") from None
    if not 0 <= score <= 10:
        raise UsageError(f"NPS {score}: must be from 0 to 10")
    return score


def set_nps(db: Database, interview_id: int, score: str | int | None, why: str | None = None) -> Interview:
    with db.session() as s:
        iv = _interview(s, interview_id)
        iv.nps = None if score is None or str(score).strip() == "" else parse_nps(score)
        if why is not None:
            iv.nps_why = why.strip() or None
        s.add(iv)
        s.flush()
        return iv


def _scale(value: int | str | None, what: str) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        n = int(str(value).strip())
    except ValueError:
        raise UsageError(f"{what} {value!r}: must be a whole number from 1 to 10") from None
    if not 1 <= n <= 10:
        raise UsageError(f"{what} {n}: must be from 1 to 10")
    return n


def set_rating(db: Database, interview_id: int, aspect: str, *, score: int | str | None, importance: int | str | None) -> Rating:
    """CSI answer for one aspect: satisfaction and importance on 1–10."""
    with db.session() as s:
        _interview(s, interview_id)
        rating = s.exec(select(Rating).where(Rating.interview_id == interview_id, Rating.aspect == aspect)).first() \
            or Rating(interview_id=interview_id, aspect=aspect)
        rating.score = _scale(score, "satisfaction")
        rating.importance = _scale(importance, "importance")
        s.add(rating)
        s.flush()
        return rating


def end_interview(db: Database, interview_id: int) -> Interview:
    with db.session() as s:
        iv = _interview(s, interview_id)
        iv.status = "finished"
        iv.ended_at = utcnow()
        s.add(iv)
        s.flush()
        return iv


def resume_interview(db: Database, interview_id: int) -> Interview:
    with db.session() as s:
        iv = _interview(s, interview_id)
        iv.status = "live"
        s.add(iv)
        s.flush()
        return iv
