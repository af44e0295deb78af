"""Studies, their competitors and participants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import EllipsisType

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from jtbd_studio.errors import ConflictError, NotFoundError, UsageError
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import SEGMENTS, STATUSES, Competitor, Interview, Participant, Study

LANGUAGES = ("ru", "en", "mixed")


@dataclass(frozen=True)
class StudySummary:
    study: Study
    participants: int
    interviews: int


def _clean_name(value: str, what: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise UsageError(f"{what} name must not be empty")
    if len(name) > 200:
        raise UsageError(f"{what} name is longer than 200 characters")
    return name


def check_segment(segment: str | None) -> str | None:
    if segment is None or segment == "":
        return None
    seg = segment.strip().upper()
    if seg not in SEGMENTS:
        raise UsageError(f"segment {segment!r}: must be one of A, B, C, D")
    return seg


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise UsageError(f"status {status!r}: must be one of {', '.join(STATUSES)}")
    return status


def create_study(
    db: Database,
    name: str,
    *,
    product: str | None = None,
    language: str = "ru",
    description: str | None = None,
    competitors: Iterable[tuple[str, Sequence[str]]] = (),
    interviewers: Sequence[str] = (),
    synthetic: bool = False,
) -> Study:
    name = _clean_name(name, "study")
    if language not in LANGUAGES:
        raise UsageError(f"language {language!r}: must be one of {', '.join(LANGUAGES)}")
    with db.session() as s:
        if s.exec(select(Study).where(Study.name == name)).first():
            raise ConflictError(f"study {name!r} already exists")
        study = Study(
            name=name, product=product, language=language, description=description,
            interviewers=list(interviewers), synthetic=synthetic,
        )
        s.add(study)
        s.flush()
        for comp_name, aliases in competitors:
            s.add(Competitor(study_id=study.id, name=comp_name, aliases=list(aliases)))
        try:
            s.flush()
        except IntegrityError:
            raise ConflictError(f"study {name!r}: a competitor is listed twice") from None
        return study


def get_study(session: Session, name_or_id: str | int) -> Study:
    """Find a study by name (or numeric id); NotFoundError lists what exists."""
    stmt = select(Study).where(Study.name == str(name_or_id))
    study = session.exec(stmt).first()
    if study is None and str(name_or_id).isdigit():
        study = session.get(Study, int(name_or_id))
    if study is None:
        names = session.exec(select(Study.name).order_by(Study.name).limit(10)).all()
        known = f"; known: {', '.join(names)}" if names else "; there are no studies yet"
        raise NotFoundError(f"no study {str(name_or_id)!r}{known}")
    return study


def find_study(db: Database, name_or_id: str | int) -> Study:
    with db.session() as s:
        return get_study(s, name_or_id)


def list_studies(db: Database) -> list[StudySummary]:
    with db.session() as s:
        studies = s.exec(select(Study).order_by(Study.created_at, Study.id)).all()
        p_counts = dict(s.exec(select(Participant.study_id, func.count()).group_by(Participant.study_id)).all())
        i_counts = dict(s.exec(select(Interview.study_id, func.count()).group_by(Interview.study_id)).all())
        return [StudySummary(st, p_counts.get(st.id, 0), i_counts.get(st.id, 0)) for st in studies]


def competitors(db: Database, study_id: int) -> list[Competitor]:
    with db.session() as s:
        return list(s.exec(select(Competitor).where(Competitor.study_id == study_id).order_by(Competitor.name)).all())


def set_competitors(db: Database, study_id: int, items: Iterable[tuple[str, Sequence[str]]]) -> None:
    """Replace the study's competitor list."""
    with db.session() as s:
        for old in s.exec(select(Competitor).where(Competitor.study_id == study_id)).all():
            s.delete(old)
        s.flush()
        seen: set[str] = set()
        for name, aliases in items:
            if name in seen:
                continue
            seen.add(name)
            s.add(Competitor(study_id=study_id, name=name, aliases=list(aliases)))


def add_participant(
    db: Database,
    study: str | int,
    name: str,
    *,
    company: str | None = None,
    role: str | None = None,
    segment: str | None = None,
    key_client: bool = False,
    status: str = "active",
) -> Participant:
    name = _clean_name(name, "participant")
    seg = check_segment(segment)
    check_status(status)
    with db.session() as s:
        st = get_study(s, study)
        exists = s.exec(select(Participant).where(Participant.study_id == st.id, Participant.name == name)).first()
        if exists:
            raise ConflictError(f"participant {name!r} already exists in study {st.name!r}")
        p = Participant(study_id=st.id, name=name, company=company, role=role, segment=seg,
                        key_client=key_client, status=status)
        s.add(p)
        s.flush()
        return p


def get_participant(session: Session, study_id: int, name_or_id: str | int) -> Participant:
    p = session.exec(select(Participant).where(Participant.study_id == study_id, Participant.name == str(name_or_id))).first()
    if p is None and str(name_or_id).isdigit():
        cand = session.get(Participant, int(name_or_id))
        p = cand if cand is not None and cand.study_id == study_id else None
    if p is None:
        raise NotFoundError(f"no participant {str(name_or_id)!r} in this study")
    return p


def ensure_participant(session: Session, study_id: int, name: str) -> Participant:
    """The participant of that name, created (active, no segment) if missing."""
    name = _clean_name(name, "participant")
    p = session.exec(select(Participant).where(Participant.study_id == study_id, Participant.name == name)).first()
    if p is None:
        p = Participant(study_id=study_id, name=name)
        session.add(p)
        session.flush()
    return p


def list_participants(db: Database, study: str | int) -> list[Participant]:
    with db.session() as s:
        st = get_study(s, study)
        return list(s.exec(select(Participant).where(Participant.study_id == st.id).order_by(Participant.name)).all())


def update_participant(
    db: Database,
    participant_id: int,
    *,
    segment: str | EllipsisType | None = ...,
    key_client: bool | None = None,
    status: str | None = None,
    company: str | None = None,
    role: str | None = None,
) -> Participant:
    """Change a participant's details; arguments left out are kept."""
    with db.session() as s:
        p = s.get(Participant, participant_id)
        if p is None:
            raise NotFoundError(f"no participant #{participant_id}")
        if segment is not ...:
            p.segment = check_segment(segment)
        if key_client is not None:
            p.key_client = key_client
        if status is not None:
            p.status = check_status(status)
        if company is not None:
            p.company = company or None
        if role is not None:
            p.role = role or None
        s.add(p)
        s.flush()
        return p


def find_participant(db: Database, study: str | int, name_or_id: str | int) -> Participant:
    with db.session() as s:
        return get_participant(s, get_study(s, study).id, name_or_id)  # type: ignore[arg-type]
