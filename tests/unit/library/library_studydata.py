"""Loads the real-text study of tests/data/library/study.jsonl into a database through the tables."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from jtbd_studio.nlp import lemma_text
from jtbd_studio.services.studies import add_participant, create_study
from jtbd_studio.store.tables import Extraction, Interview, Turn

DATA = Path(__file__).parents[2] / "data" / "library" / "study.jsonl"
STAGES = ("first_thought", "onboarding", "usage")
SEGMENTS = ("A", "B", "C", "D")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@dataclass
class LoadedStudy:
    study_id: int
    interviews: list[int] = field(default_factory=list)
    turns: dict[tuple[str, int], int] = field(default_factory=dict)  # (source, seq) -> turn id
    participants: dict[int, tuple[str, str]] = field(default_factory=dict)  # interview -> (name, segment)


def rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def load_study(db, name: str = "Ключевые клиенты", *, with_extractions: bool = True) -> LoadedStudy:
    """One interview per (source, interview) group; participant n gets segment A–D in turn,
    every third is a key client, every fourth has churned; interviews a week apart from 2025-01-06."""
    study = create_study(db, name, language="mixed")
    loaded = LoadedStudy(study.id)
    groups: dict[tuple[str, int], list[dict]] = {}
    for row in rows():
        groups.setdefault((row["source"], row["interview"]), []).append(row)
    for n, ((source, _), items) in enumerate(groups.items()):
        segment = SEGMENTS[n % 4]
        person = add_participant(db, study.id, f"P{n + 1:02d}", segment=segment, key_client=n % 3 == 0,
                                 status="churned" if n % 4 == 3 else "active")
        with db.session() as s:
            iv = Interview(study_id=study.id, participant_id=person.id, status="imported",
                           language=items[0]["lang"], source_file=source,
                           started_at=datetime(2025, 1, 6, tzinfo=UTC) + timedelta(days=7 * n))
            s.add(iv)
            s.flush()
            for row in items:
                turn = Turn(interview_id=iv.id, seq=row["seq"], text=row["text"], role="customer",
                            stage=STAGES[row["seq"] % 3], lemmas=fold(lemma_text(row["text"])))
                s.add(turn)
                s.flush()
                loaded.turns[(source, row["seq"])] = turn.id
                if with_extractions:
                    for e in row["extractions"]:
                        s.add(Extraction(interview_id=iv.id, turn_id=turn.id, kind=e["kind"], text=e["text"],
                                         start=e["start"], end=e["end"], key=e["key"], label=e["label"],
                                         score=e["score"], valence=e["valence"]))
            loaded.interviews.append(iv.id)
            loaded.participants[iv.id] = (person.name, segment)
    return loaded
