"""`analyze`: run the extraction engine over a study and store its suggestions.

Idempotent: a second run changes nothing; a researcher's accepted, rejected or edited
extractions are never overwritten or removed; suggestions the engine no longer makes are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import select

from jtbd_studio.library import stage_emotions
from jtbd_studio.services.studies import get_study
from jtbd_studio.store.db import Database
from jtbd_studio.store.fts import fold
from jtbd_studio.store.tables import (
    Competitor,
    Extraction,
    Interview,
    Note,
    Participant,
    Turn,
)

Key = tuple[int | None, int | None, str, int, int]  # turn, note, kind, start, end


@dataclass
class AnalyzeReport:
    interviews: int = 0
    turns: int = 0
    added: int = 0
    removed: int = 0
    kept_decisions: int = 0
    refreshed: int = 0  # suggestions still found whose key, label, score or valence changed


def _competitor_list(db: Database, study_id: int):  # type: ignore[no-untyped-def]
    from jtbd_studio.nlp import competitors_from

    with db.session() as s:
        rows = s.exec(select(Competitor).where(Competitor.study_id == study_id)).all()
    return competitors_from((c.name, tuple(c.aliases)) for c in rows) if rows else None


def analyze_study(db: Database, study: str | int, *, n_process: int = 1,
                  progress: Callable[[int, int], None] | None = None) -> AnalyzeReport:
    with db.session() as s:
        st = get_study(s, study)
        interviews = s.exec(select(Interview).where(Interview.study_id == st.id).order_by(Interview.id)).all()
    competitors = _competitor_list(db, st.id)  # type: ignore[arg-type]
    report = AnalyzeReport()
    for n, iv in enumerate(interviews, 1):
        _analyze_interview(db, iv, competitors, n_process, report)
        report.interviews += 1
        if progress is not None:
            progress(n, len(interviews))
    if interviews:
        db.after_bulk_load()
    return report


def _analyze_interview(db: Database, iv: Interview, competitors, n_process: int, report: AnalyzeReport) -> None:  # type: ignore[no-untyped-def]
    from jtbd_studio.nlp import extract_many, lemma_text, speaker_lemmas, without_speakers

    with db.session() as s:
        turns = s.exec(select(Turn).where(Turn.interview_id == iv.id).order_by(Turn.seq)).all()
        notes = s.exec(select(Note).where(Note.interview_id == iv.id, Note.deleted == False)).all()  # noqa: E712
    lang = iv.language if iv.language in ("ru", "en") else "auto"
    found: dict[Key, Extraction] = {}
    # the people on the call and the client's own company are not competitors
    speakers = speaker_lemmas([t.speaker for t in turns] + _people_of(db, iv))
    for role in ("customer", "interviewer"):
        subset = [t for t in turns if (t.role or "customer") == role]
        results = extract_many(((t.text, None) for t in subset), lang=lang, competitors=competitors,
                               role=role, n_process=n_process)
        for t, items in zip(subset, results, strict=True):
            for f in without_speakers(items, speakers):
                found[(t.id, None, f.kind, f.start, f.end)] = Extraction(
                    interview_id=iv.id, turn_id=t.id, kind=f.kind, text=f.text, start=f.start, end=f.end,
                    key=f.key, label=f.label, score=round(f.score, 4), valence=f.valence, origin="rule")
    note_results = extract_many(((nt.text, None) for nt in notes), lang=lang, competitors=competitors, role="customer")
    for nt, items in zip(notes, note_results, strict=True):
        for f in without_speakers(items, speakers):
            found[(None, nt.id, f.kind, f.start, f.end)] = Extraction(
                interview_id=iv.id, note_id=nt.id, kind=f.kind, text=f.text, start=f.start, end=f.end,
                key=f.key, label=f.label, score=round(f.score, 4), valence=f.valence, origin="rule")
    with db.session() as s:
        existing = s.exec(select(Extraction).where(Extraction.interview_id == iv.id, Extraction.origin != "manual")).all()
        for ex in existing:
            key: Key = (ex.turn_id, ex.note_id, ex.kind, ex.start, ex.end)
            decided = ex.status != "suggested" or ex.edited
            if decided:
                report.kept_decisions += 1
                found.pop(key, None)
            elif key in found:
                # still found: the engine's own values follow the engine (a key rule or a
                # label that changed), the suggestion and its id stay
                fresh = found.pop(key)
                if (ex.key, ex.label, ex.score, ex.valence) != (fresh.key, fresh.label, fresh.score, fresh.valence):
                    ex.key, ex.label, ex.score, ex.valence = fresh.key, fresh.label, fresh.score, fresh.valence
                    s.add(ex)
                    report.refreshed += 1
            else:
                s.delete(ex)
                report.removed += 1
        s.add_all(found.values())
        report.added += len(found)
        for t in turns:
            if not t.lemmas:
                t.lemmas = fold(lemma_text(t.text, None if lang == "auto" else lang))
                s.add(t)
        for nt in notes:
            if not nt.lemmas:
                nt.lemmas = fold(lemma_text(nt.text, None if lang == "auto" else lang))
                s.add(nt)
        s.flush()
        stage_emotions.suggest(s, iv.id)
    report.turns += len(turns)


def _people_of(db: Database, iv: Interview) -> list[str | None]:
    """The interview's interviewer and participant (name and company): names to keep out of
    discovered competitors."""
    names: list[str | None] = [iv.interviewer]
    if iv.participant_id is not None:
        with db.session() as s:
            person = s.get(Participant, iv.participant_id)
        if person is not None:
            names += [person.name, person.company]
    return names
