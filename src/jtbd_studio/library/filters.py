"""Filters shared by search, bulk review and the glossary, turned into SQL conditions."""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from jtbd_studio.errors import UsageError
from jtbd_studio.scripts.taxonomy import EXTRACTION_KINDS
from jtbd_studio.store.tables import (
    EXTRACTION_STATUSES,
    SEGMENTS,
    STATUSES,
    Code,
    Coding,
    Extraction,
    Interview,
    Participant,
)

SOURCES = ("turn", "note", "extraction", "insight")


@dataclass(frozen=True)
class SearchFilters:
    """What a search, a bulk review or a glossary is limited to; empty means no limit."""

    sources: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    key_client: bool | None = None
    participant_statuses: tuple[str, ...] = ()
    participant_ids: tuple[int, ...] = ()
    valence_min: int | None = None
    valence_max: int | None = None
    interview_ids: tuple[int, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    review_statuses: tuple[str, ...] = ()
    code_ids: tuple[int, ...] = ()
    min_score: float | None = None
    max_score: float | None = None
    origins: tuple[str, ...] = field(default=())

    def extraction_only(self) -> bool:
        """Kind, status, valence and score exist on extractions only."""
        return bool(self.kinds or self.review_statuses or self.origins) or any(
            v is not None for v in (self.valence_min, self.valence_max, self.min_score, self.max_score)
        )

    def participant_bound(self) -> bool:
        return bool(self.segments or self.participant_statuses or self.participant_ids
                    or self.interview_ids) or self.key_client is not None

    def effective_sources(self) -> tuple[str, ...]:
        wanted = self.sources or SOURCES
        allowed = set(SOURCES)
        if self.extraction_only():
            allowed = {"extraction"}
        elif self.code_ids:
            allowed = {"extraction", "turn"}
        chosen = tuple(s for s in wanted if s in allowed)
        if not chosen:
            raise UsageError(
                f"the filters apply to {', '.join(sorted(allowed))} only, "
                f"but the search is limited to {', '.join(wanted)}"
            )
        return chosen


def checked(filters: SearchFilters) -> SearchFilters:
    """Validate and normalise values (segments upper-case); UsageError names the bad value."""
    _choices("source", filters.sources, SOURCES)
    _choices("kind", filters.kinds, EXTRACTION_KINDS)
    _choices("review status", filters.review_statuses, EXTRACTION_STATUSES)
    _choices("participant status", filters.participant_statuses, STATUSES)
    segments = tuple(s.strip().upper() for s in filters.segments)
    _choices("segment", segments, SEGMENTS)
    for value in (filters.valence_min, filters.valence_max):
        if value is not None and not -2 <= value <= 2:
            raise UsageError(f"valence {value}: must be between -2 and +2")
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise UsageError(f"date range {filters.date_from}..{filters.date_to} is empty")
    return replace(filters, segments=segments)


def _choices(what: str, values: Iterable[str], allowed: Iterable[str]) -> None:
    allowed = tuple(allowed)
    for value in values:
        if value not in allowed:
            raise UsageError(f"{what} {value!r}: must be one of {', '.join(allowed)}")


def code_subtree(session: Session, code_ids: Iterable[int]) -> set[int]:
    """The codes and all their descendants (a filter on a code includes its sub-codes)."""
    wanted = set(code_ids)
    if not wanted:
        return set()
    rows = session.exec(select(Code.id, Code.parent_id, Code.study_id)).all()
    children: dict[int | None, list[int]] = {}
    for cid, parent, _ in rows:
        children.setdefault(parent, []).append(cid)
    found, todo = set(), list(wanted)
    while todo:
        cid = todo.pop()
        if cid not in found:
            found.add(cid)
            todo += children.get(cid, [])
    return found


def interview_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    """Conditions on the Interview and (outer-joined) Participant rows."""
    conds: list[ColumnElement[bool]] = []
    if filters.interview_ids:
        conds.append(col(Interview.id).in_(filters.interview_ids))
    if filters.participant_ids:
        conds.append(col(Interview.participant_id).in_(filters.participant_ids))
    if filters.segments:
        conds.append(col(Participant.segment).in_(filters.segments))
    if filters.key_client is not None:
        conds.append(col(Participant.key_client).is_(filters.key_client))
    if filters.participant_statuses:
        conds.append(col(Participant.status).in_(filters.participant_statuses))
    when = func.coalesce(Interview.started_at, Interview.created_at)
    conds += date_conditions(when, filters)
    return conds


def date_conditions(when: ColumnElement, filters: SearchFilters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if filters.date_from:
        conds.append(when >= datetime.combine(filters.date_from, time.min, tzinfo=UTC))
    if filters.date_to:
        conds.append(when < datetime.combine(filters.date_to + timedelta(days=1), time.min, tzinfo=UTC))
    return conds


def extraction_conditions(filters: SearchFilters, codes: set[int]) -> list[ColumnElement[bool]]:
    """Conditions on the Extraction row itself (kind, status, valence, score, origin, code)."""
    conds: list[ColumnElement[bool]] = []
    if filters.kinds:
        conds.append(col(Extraction.kind).in_(filters.kinds))
    if filters.review_statuses:
        conds.append(col(Extraction.status).in_(filters.review_statuses))
    if filters.origins:
        conds.append(col(Extraction.origin).in_(filters.origins))
    if filters.valence_min is not None:
        conds.append(col(Extraction.valence) >= filters.valence_min)
    if filters.valence_max is not None:
        conds.append(col(Extraction.valence) <= filters.valence_max)
    if filters.min_score is not None:
        conds.append(col(Extraction.score) >= filters.min_score)
    if filters.max_score is not None:
        conds.append(col(Extraction.score) <= filters.max_score)
    if codes:
        conds.append(exists(select(Coding.id).where(
            Coding.extraction_id == Extraction.id, col(Coding.code_id).in_(codes))))
    return conds


def turn_code_condition(turn_id: ColumnElement, codes: set[int]) -> ColumnElement[bool]:
    """A turn is coded if a span of it, or an extraction in it, carries one of the codes."""
    span = exists(select(Coding.id).where(Coding.turn_id == turn_id, col(Coding.code_id).in_(codes)))
    inner = exists(select(Coding.id).join(Extraction, Extraction.id == Coding.extraction_id).where(
        Extraction.turn_id == turn_id, col(Coding.code_id).in_(codes)))
    return or_(span, inner)


def all_of(conds: list[ColumnElement[bool]]) -> ColumnElement[bool] | None:
    return and_(*conds) if conds else None
