"""The glossary of customers' own words: one entry per cluster of phrases, with real quotes."""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from jtbd_studio.library.clusters import (
    CLUSTER_KINDS,
    Cluster,
    compute_clusters,
    has_clusters,
    load_members,
    stored_clusters,
)
from jtbd_studio.library.grouping import DEFAULT_THRESHOLD
from jtbd_studio.library.query import fold
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import Extraction, Interview, Note, Participant, Turn

QUOTES_PER_ENTRY = 3
CONTEXT_CHARS = 80


@dataclass(frozen=True)
class Quote:
    """A real quote behind an entry, with the ids that open it in its transcript."""

    extraction_id: int
    interview_id: int
    turn_id: int | None
    note_id: int | None
    start: int
    end: int
    text: str
    context: str
    participant: str | None
    segment: str | None
    stage: str | None


@dataclass
class GlossaryEntry:
    cluster_id: int | None
    kind: str
    canonical: str
    label: str | None
    variants: list[tuple[str, int]] = field(default_factory=list)
    frequency: int = 0
    interviews: int = 0
    participants: int = 0
    segments: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    valence: float | None = None
    quotes: list[Quote] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cluster_id": self.cluster_id, "kind": self.kind, "canonical": self.canonical,
            "label": self.label, "variants": [{"text": t, "count": n} for t, n in self.variants],
            "frequency": self.frequency, "interviews": self.interviews,
            "participants": self.participants, "segments": self.segments, "stages": self.stages,
            "valence": None if self.valence is None else round(self.valence, 2),
            "quotes": [q.__dict__ for q in self.quotes],
        }


@dataclass(frozen=True)
class _Row:
    ex: Extraction
    participant_id: int | None
    participant: str | None
    segment: str | None
    stage: str | None
    source: str


def build_glossary(
    db: Database, study_id: int, *, stages: tuple[str, ...] = (), segments: tuple[str, ...] = (),
    kinds: tuple[str, ...] = CLUSTER_KINDS, threshold: float = DEFAULT_THRESHOLD,
    quotes: int = QUOTES_PER_ENTRY,
) -> list[GlossaryEntry]:
    """Entries from the stored clusters (or clusters computed now if none are stored)."""
    segments = tuple(s.strip().upper() for s in segments)
    with db.session() as s:
        if has_clusters(db, study_id):
            clusters = [c for c in stored_clusters(db, study_id) if c.kind in kinds]
        else:
            clusters = compute_clusters(load_members(s, study_id, kinds), threshold)
        rows = _rows(s, [e for c in clusters for e in c.member_ids])
        valences = _turn_valences(s, [r.ex.turn_id for r in rows.values() if r.ex.turn_id])
    entries = []
    for cluster in clusters:
        chosen = [rows[e] for e in cluster.member_ids if e in rows]
        chosen = [r for r in chosen if (not stages or r.stage in stages)
                  and (not segments or r.segment in segments)]
        if chosen:
            entries.append(_entry(cluster, chosen, valences, quotes))
    return sorted(entries, key=lambda e: (-e.frequency, -e.interviews, e.canonical))


def _rows(s: Session, ids: list[int]) -> dict[int, _Row]:
    found: dict[int, _Row] = {}
    for start in range(0, len(ids), 900):
        stmt = (
            select(Extraction, Interview.participant_id, Participant.name, Participant.segment,
                   func.coalesce(Turn.stage, Note.stage), func.coalesce(Turn.text, Note.text))
            .join(Interview, Interview.id == Extraction.interview_id)
            .join(Participant, Participant.id == Interview.participant_id, isouter=True)
            .join(Turn, Turn.id == Extraction.turn_id, isouter=True)
            .join(Note, Note.id == Extraction.note_id, isouter=True)
            .where(col(Extraction.id).in_(ids[start : start + 900]), Extraction.status != "rejected")
        )
        for ex, pid, name, seg, stage, source in s.execute(stmt).all():
            found[ex.id] = _Row(ex, pid, name, seg, stage, source or ex.text)
    return found


def _turn_valences(s: Session, turn_ids: list[int]) -> dict[int, list[tuple[int, int, int]]]:
    """turn id -> (start, end, valence) of the emotions found in it."""
    found: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    unique = sorted(set(turn_ids))
    for start in range(0, len(unique), 900):
        stmt = select(Extraction.turn_id, Extraction.start, Extraction.end, Extraction.valence).where(
            col(Extraction.turn_id).in_(unique[start : start + 900]), Extraction.kind == "emotion",
            col(Extraction.valence).is_not(None), Extraction.status != "rejected")
        for tid, a, b, v in s.execute(stmt).all():
            found[tid].append((a, b, v))
    return found


def _valence(row: _Row, valences: dict[int, list[tuple[int, int, int]]]) -> float | None:
    """The extraction's own valence, else the emotions overlapping its span in the turn."""
    if row.ex.valence is not None:
        return float(row.ex.valence)
    near = [v for a, b, v in valences.get(row.ex.turn_id or -1, []) if a < row.ex.end and b > row.ex.start]
    return sum(near) / len(near) if near else None


def _entry(cluster: Cluster, rows: list[_Row], valences: dict, quotes: int) -> GlossaryEntry:
    variants = Counter(" ".join(fold(r.ex.text).split()) for r in rows)
    shown = {v: next(" ".join(r.ex.text.split()) for r in rows if " ".join(fold(r.ex.text).split()) == v)
             for v in variants}
    scored = [v for v in (_valence(r, valences) for r in rows) if v is not None]
    return GlossaryEntry(
        cluster_id=cluster.id, kind=cluster.kind, canonical=cluster.canonical, label=cluster.label,
        variants=[(shown[v], n) for v, n in sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))],
        frequency=len(rows),
        interviews=len({r.ex.interview_id for r in rows}),
        participants=len({r.participant_id for r in rows if r.participant_id is not None}),
        segments=sorted({r.segment for r in rows if r.segment}),
        stages=sorted({r.stage for r in rows if r.stage}),
        valence=sum(scored) / len(scored) if scored else None,
        quotes=_best_quotes(rows, quotes),
    )


def _best_quotes(rows: list[_Row], limit: int) -> list[Quote]:
    """Accepted before suggested, higher score first, one per interview before repeats."""
    ranked = sorted(rows, key=lambda r: (r.ex.status != "accepted", -(r.ex.score or 0.0), r.ex.id))
    seen: set[int] = set()
    first, rest = [], []
    for r in ranked:
        (rest if r.ex.interview_id in seen else first).append(r)
        seen.add(r.ex.interview_id)
    return [_quote(r) for r in (first + rest)[:limit]]


def _quote(row: _Row) -> Quote:
    ex, src = row.ex, row.source
    a, b = max(0, ex.start - CONTEXT_CHARS), min(len(src), ex.end + CONTEXT_CHARS)
    context = ("…" if a else "") + " ".join(src[a:b].split()) + ("…" if b < len(src) else "")
    return Quote(ex.id, ex.interview_id, ex.turn_id, ex.note_id, ex.start, ex.end,  # type: ignore[arg-type]
                 ex.text, context, row.participant, row.segment, row.stage)
