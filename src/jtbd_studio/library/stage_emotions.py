"""The suggested emotion of each stage of an interview, made from its emotion extractions.

`analyze` makes them; a researcher's decision on an emotion extraction (accept, reject, a new
kind, a span marked by hand) makes them again, so the journey map's curve follows the review
at once rather than at the next `analyze`. The interviewer's own tags are never touched.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlmodel import Session, col, delete, select

from jtbd_studio.store.tables import EmotionTag, Extraction, Turn


def suggest(s: Session, interview_id: int) -> None:
    """One suggested tag per stage: the mean valence of the customer's emotion extractions there
    that are not rejected, labelled with their most common label (the first
    to appear, on a tie)."""
    stage_of: dict[int, str] = {
        turn_id: stage for turn_id, stage in s.exec(select(Turn.id, Turn.stage).where(
            Turn.interview_id == interview_id, Turn.role == "customer")).all()
        if turn_id is not None and stage
    }
    rows = s.exec(select(Extraction.turn_id, Extraction.valence, Extraction.label).where(
        Extraction.interview_id == interview_id, Extraction.kind == "emotion", Extraction.status != "rejected",
        col(Extraction.turn_id).in_(list(stage_of))).order_by(Extraction.turn_id, Extraction.start)).all() if stage_of else []
    by_stage: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    for turn_id, valence, label in rows:
        if valence is not None and turn_id is not None:
            by_stage[stage_of[turn_id]].append((valence, label))
    s.exec(delete(EmotionTag).where(EmotionTag.interview_id == interview_id, EmotionTag.source == "suggested"))  # type: ignore[call-overload]
    for stage, items in by_stage.items():
        mean = sum(v for v, _ in items) / len(items)
        labels = [lbl for _, lbl in items if lbl]
        s.add(EmotionTag(interview_id=interview_id, stage=stage, valence=max(-2, min(2, round(mean))),
                         label=Counter(labels).most_common(1)[0][0] if labels else None,
                         comment=f"mean of {len(items)} utterances", source="suggested"))


def refresh(s: Session, touched: Iterable[Extraction]) -> None:
    """Make the suggested tags again for the interviews of the emotion extractions touched."""
    s.flush()
    for interview_id in sorted({ex.interview_id for ex in touched if ex.kind == "emotion"}):
        suggest(s, interview_id)
