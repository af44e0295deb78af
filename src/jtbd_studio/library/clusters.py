"""Clusters of similar customer phrases and frictions across interviews, stored per study.

`build_clusters` regroups the study's extractions (see `grouping`); clusters a researcher has
labelled, merged or split are `locked` and kept as they are. Every change is a LibraryEvent.
"""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import Session, col

from jtbd_studio.errors import NotFoundError, UsageError
from jtbd_studio.library.grouping import DEFAULT_THRESHOLD, group_keys
from jtbd_studio.library.query import fold, nlp
from jtbd_studio.store.db import Database
from jtbd_studio.store.library_tables import LibraryEvent, PhraseCluster, PhraseClusterMember
from jtbd_studio.store.tables import Extraction, Interview, utcnow

CLUSTER_KINDS = ("phrase", "friction")


@dataclass(frozen=True)
class Member:
    """What clustering needs of one extraction."""

    extraction_id: int
    kind: str
    text: str
    key: str


@dataclass
class Cluster:
    """A group of extractions (stored: `id` set; computed on the fly: `id` None)."""

    kind: str
    canonical: str
    key: str | None
    member_ids: list[int] = field(default_factory=list)
    id: int | None = None
    label: str | None = None
    locked: bool = False

    @property
    def title(self) -> str:
        return self.label or self.canonical


def _compare_key(text: str, key: str | None) -> str:
    """The engine's lemma key, unless it is one word: then the lemmas of the whole text."""
    if key and len(key.split()) > 1:
        return fold(key)
    return fold(nlp().lemma_text(text)) or fold(text)


def load_members(s: Session, study_id: int, kinds: tuple[str, ...]) -> list[Member]:
    """The study's extractions of these kinds that were not rejected."""
    stmt = (
        select(Extraction.id, Extraction.kind, Extraction.text, Extraction.key)
        .join(Interview, Interview.id == Extraction.interview_id)
        .where(Interview.study_id == study_id, col(Extraction.kind).in_(kinds),
               Extraction.status != "rejected")
        .order_by(Extraction.id)
    )
    return [Member(i, k, t, _compare_key(t, key)) for i, k, t, key in s.execute(stmt).all()]


def canonical_of(texts: list[str]) -> str:
    """The most frequent wording (case and spacing ignored); ties go to the shorter one."""
    counts = Counter(" ".join(fold(t).split()) for t in texts)
    best = min(counts, key=lambda t: (-counts[t], len(t), t))
    return next(" ".join(t.split()) for t in texts if " ".join(fold(t).split()) == best)


def compute_clusters(members: list[Member], threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
    """Group members of each kind by similarity (nothing is stored)."""
    found: list[Cluster] = []
    by_kind: dict[str, list[Member]] = defaultdict(list)
    for m in members:
        by_kind[m.kind].append(m)
    for kind, items in sorted(by_kind.items()):
        for group in group_keys([m.key for m in items], threshold):
            chosen = [items[i] for i in group]
            key = Counter(m.key for m in chosen).most_common(1)[0][0]
            found.append(Cluster(kind, canonical_of([m.text for m in chosen]), key,
                                 [m.extraction_id for m in chosen]))
    return found


def _check(kinds: tuple[str, ...], threshold: float) -> None:
    if not kinds:
        raise UsageError("choose at least one extraction kind to cluster")
    if not 0 < threshold <= 100:
        raise UsageError(f"threshold {threshold}: must be above 0 and at most 100")


def build_clusters(
    db: Database, study_id: int, *, kinds: tuple[str, ...] = CLUSTER_KINDS,
    threshold: float = DEFAULT_THRESHOLD, author: str | None = None,
) -> list[Cluster]:
    """Regroup the study's phrases, keeping locked clusters; returns every stored cluster."""
    _check(kinds, threshold)
    with db.session() as s:
        members = load_members(s, study_id, kinds)
        if not members:
            raise UsageError(f"the study has no {' or '.join(kinds)} extractions to cluster yet; "
                             f"import interviews and run analyze first")
        locked_ids = set(s.execute(
            select(PhraseClusterMember.extraction_id)
            .join(PhraseCluster, PhraseCluster.id == PhraseClusterMember.cluster_id)
            .where(PhraseCluster.study_id == study_id, col(PhraseCluster.locked).is_(True))).scalars())
        s.execute(delete(PhraseCluster).where(PhraseCluster.study_id == study_id,
                                              col(PhraseCluster.locked).is_(False)))
        fresh = compute_clusters([m for m in members if m.extraction_id not in locked_ids], threshold)
        for cluster in fresh:
            _store(s, study_id, cluster, threshold)
        s.add(LibraryEvent(study_id=study_id, action="cluster_build", author=author,
                           detail={"kinds": list(kinds), "threshold": threshold,
                                   "phrases": len(members), "clusters": len(fresh)}))
    return stored_clusters(db, study_id)


def _store(s: Session, study_id: int, cluster: Cluster, threshold: float | None) -> PhraseCluster:
    row = PhraseCluster(study_id=study_id, kind=cluster.kind, canonical=cluster.canonical[:500],
                        key=cluster.key, threshold=threshold, label=cluster.label, locked=cluster.locked)
    s.add(row)
    s.flush()
    s.add_all(PhraseClusterMember(extraction_id=e, cluster_id=row.id) for e in cluster.member_ids)  # type: ignore[arg-type]
    cluster.id = row.id
    return row


def stored_clusters(db: Database, study_id: int, kind: str | None = None) -> list[Cluster]:
    """The study's stored clusters, biggest first."""
    with db.session() as s:
        stmt = select(PhraseCluster).where(PhraseCluster.study_id == study_id)
        if kind:
            stmt = stmt.where(PhraseCluster.kind == kind)
        rows = s.execute(stmt).scalars().all()
        members: dict[int, list[int]] = defaultdict(list)
        for eid, cid in s.execute(
            select(PhraseClusterMember.extraction_id, PhraseClusterMember.cluster_id)
            .join(PhraseCluster, PhraseCluster.id == PhraseClusterMember.cluster_id)
            .where(PhraseCluster.study_id == study_id).order_by(PhraseClusterMember.extraction_id)
        ).all():
            members[cid].append(eid)
    found = [Cluster(r.kind, r.canonical, r.key, members.get(r.id, []), r.id, r.label, r.locked)  # type: ignore[arg-type]
             for r in rows]
    return sorted(found, key=lambda c: (-len(c.member_ids), c.kind, c.id or 0))


def has_clusters(db: Database, study_id: int) -> bool:
    with db.session() as s:
        return bool(s.execute(select(func.count()).select_from(PhraseCluster)
                              .where(PhraseCluster.study_id == study_id)).scalar_one())


def _cluster(s: Session, cluster_id: int) -> PhraseCluster:
    row = s.get(PhraseCluster, cluster_id)
    if row is None:
        raise NotFoundError(f"no cluster #{cluster_id}")
    return row


def _log(s: Session, row: PhraseCluster, action: str, author: str | None, **detail: Any) -> None:
    s.add(LibraryEvent(study_id=row.study_id, action=action, author=author,
                       detail={"cluster_id": row.id, **detail}))


def label_cluster(db: Database, cluster_id: int, label: str | None, *, author: str | None = None) -> None:
    """Name a cluster (None or empty clears the name); it becomes locked."""
    label = " ".join((label or "").split())[:200] or None
    with db.session() as s:
        row = _cluster(s, cluster_id)
        _log(s, row, "cluster_label", author, before=row.label, after=label)
        row.label, row.locked, row.updated_at = label, True, utcnow()
        s.add(row)


def merge_clusters(db: Database, cluster_ids: list[int], *, author: str | None = None) -> int:
    """Move the members of every cluster into the first one; returns the kept cluster's id."""
    ids = list(dict.fromkeys(cluster_ids))
    if len(ids) < 2:
        raise UsageError("choose at least two clusters to merge")
    with db.session() as s:
        rows = [_cluster(s, i) for i in ids]
        if len({r.study_id for r in rows}) > 1:
            raise UsageError("clusters of different studies cannot be merged")
        keep = rows[0]
        for other in rows[1:]:
            for member in s.execute(select(PhraseClusterMember)
                                    .where(PhraseClusterMember.cluster_id == other.id)).scalars():
                member.cluster_id = keep.id  # type: ignore[assignment]
                s.add(member)
            s.flush()
            s.delete(other)
        _log(s, keep, "cluster_merge", author, merged=ids[1:])
        keep.locked, keep.updated_at = True, utcnow()
        s.add(keep)
        return keep.id  # type: ignore[return-value]


def split_cluster(db: Database, cluster_id: int, extraction_ids: list[int], *,
                  author: str | None = None) -> int:
    """Move some members into a new cluster (both locked); returns the new cluster's id."""
    chosen = set(extraction_ids)
    with db.session() as s:
        row = _cluster(s, cluster_id)
        members = list(s.execute(select(PhraseClusterMember)
                                 .where(PhraseClusterMember.cluster_id == row.id)).scalars())
        moving = [m for m in members if m.extraction_id in chosen]
        if not moving or len(moving) == len(members) or len(moving) != len(chosen):
            raise UsageError(f"choose some, not all, of cluster #{cluster_id}'s members to split off")
        texts = s.execute(select(Extraction.text).where(col(Extraction.id).in_(chosen))).scalars().all()
        new = _store(s, row.study_id, Cluster(row.kind, canonical_of(list(texts)), row.key,
                                              locked=True), row.threshold)
        for m in moving:
            m.cluster_id = new.id  # type: ignore[assignment]
            s.add(m)
        rest = s.execute(select(Extraction.text).where(
            col(Extraction.id).in_([m.extraction_id for m in members if m.extraction_id not in chosen]))).scalars().all()
        row.canonical, row.locked, row.updated_at = canonical_of(list(rest)), True, utcnow()
        s.add(row)
        _log(s, row, "cluster_split", author, new_cluster_id=new.id, moved=sorted(chosen))
        return new.id  # type: ignore[return-value]
