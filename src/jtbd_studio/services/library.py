"""Library use cases for the CLI and the TUI: search, review, codes, clusters, glossary, insights.

Studies are given by name or id; the author of a decision defaults to JTBD_STUDIO_AUTHOR or
the login name, so every decision is stored with who took it.
"""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

import getpass
import os
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from jtbd_studio.library import clusters, codes, glossary, insights, review
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.search import SearchResult
from jtbd_studio.library.search import search as _search
from jtbd_studio.services.studies import get_study
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import Extraction, Interview, Participant, Study, Turn

ENV_AUTHOR = "JTBD_STUDIO_AUTHOR"

__all__ = [
    "SearchFilters",
    "Transcript",
    "build_glossary",
    "clusters",
    "codes",
    "default_author",
    "find_study",
    "glossary",
    "insights",
    "review",
    "search",
    "transcript",
]


def default_author() -> str:
    """Who is deciding: $JTBD_STUDIO_AUTHOR, else the login name."""
    name = os.environ.get(ENV_AUTHOR, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def find_study(db: Database, study: str | int) -> Study:
    with db.session() as s:
        return get_study(s, study)


def search(db: Database, study: str | int, text: str, filters: SearchFilters | None = None, *,
           limit: int = 50, raw: bool = False) -> SearchResult:
    """Search a study (by name or id); see jtbd_studio.library.search."""
    return _search(db, find_study(db, study).id, text, filters, limit=limit, raw=raw)  # type: ignore[arg-type]


def build_glossary(db: Database, study: str | int, *, stages: tuple[str, ...] = (),
                   segments: tuple[str, ...] = (), kinds: tuple[str, ...] = clusters.CLUSTER_KINDS,
                   rebuild: bool = False, threshold: float | None = None,
                   author: str | None = None) -> list[glossary.GlossaryEntry]:
    """Glossary entries; `rebuild` (or a new threshold) re-clusters and stores the clusters first."""
    from jtbd_studio.library.filters import checked

    checked(SearchFilters(segments=segments))
    study_id: int = find_study(db, study).id  # type: ignore[assignment]
    if rebuild or threshold is not None:
        clusters.build_clusters(db, study_id, kinds=kinds,
                                threshold=threshold or clusters.DEFAULT_THRESHOLD,
                                author=author or default_author())
    return glossary.build_glossary(db, study_id, stages=stages, segments=segments, kinds=kinds,
                                   threshold=threshold or clusters.DEFAULT_THRESHOLD)


@dataclass
class TranscriptTurn:
    turn: Turn
    extractions: list[Extraction] = field(default_factory=list)


@dataclass
class Transcript:
    """An interview's turns with their extractions and the codes on them (the review screen)."""

    interview: Interview
    participant: Participant | None
    turns: list[TranscriptTurn]
    codes: dict[int, list[str]]

    def suggestions(self) -> list[Extraction]:
        """Extractions awaiting a decision, in reading order."""
        return [e for t in self.turns for e in t.extractions if e.status == "suggested"]


def transcript(db: Database, interview_id: int) -> Transcript:
    extractions = review.interview_extractions(db, interview_id)
    with db.session() as s:
        iv = s.get(Interview, interview_id)
        person = s.get(Participant, iv.participant_id) if iv and iv.participant_id else None
        turns = s.execute(select(Turn).where(Turn.interview_id == interview_id).order_by(Turn.seq)).scalars().all()
    by_turn: dict[int, list[Extraction]] = defaultdict(list)
    for ex in extractions:
        if ex.turn_id is not None:
            by_turn[ex.turn_id].append(ex)
    rows = [TranscriptTurn(t, by_turn.get(t.id, [])) for t in turns]  # type: ignore[arg-type]
    return Transcript(iv, person, rows, codes.codes_of(db, [e.id for e in extractions]))  # type: ignore[arg-type,misc]
