"""Importing transcript files into a study: each file whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import select

from jtbd_studio.errors import JtbdError, NotFoundError, UsageError
from jtbd_studio.services.studies import ensure_participant, get_study
from jtbd_studio.store.db import Database
from jtbd_studio.store.fts import fold
from jtbd_studio.store.tables import Interview, Note, Study, Turn

TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".msrt", ".txt", ".md", ".markdown", ".docx", ".text"}
DEFAULT_SCRIPT = "cjm_walkthrough"


@dataclass(frozen=True)
class ImportOptions:
    study: str | int
    participant: str | None = None
    script: str | None = None
    lang: str = "auto"
    interviewers: tuple[str, ...] = ()
    force: bool = False


@dataclass
class FileOutcome:
    path: str
    status: str  # "imported" | "skipped" | "failed"
    reason: str = ""
    interview_id: int | None = None
    turns: int = 0
    notes: int = 0


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the transcript-like files inside given folders (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files)
                           if not f.startswith(".") and Path(f).suffix.lower() in TRANSCRIPT_SUFFIXES)
        else:
            out.append(p)
    return out


def _stage_specs(script_key: str) -> tuple[list, str | None]:
    from jtbd_studio.importers.stages import StageSpec
    from jtbd_studio.scripts import load_script

    script = load_script(script_key)
    specs = [
        StageSpec(
            id=st.id,
            prompts=tuple(text for pr in st.prompts for text in pr.text.values()),
            titles=tuple(st.title.values()),
            minutes=st.minutes,
        )
        for st in script.stages
    ]
    return specs, script.key


def _language(texts: Sequence[str], lang: str) -> str:
    if lang in ("ru", "en"):
        return lang
    if lang != "auto":
        raise UsageError(f"--lang {lang!r}: must be auto, ru or en")
    from jtbd_studio.nlp import detect_language

    sample = " ".join(texts)[:20000]
    found = detect_language(sample)
    return found if found in ("ru", "en") else ("ru" if sum(ch in "аеиоуыяюё" for ch in sample.lower()) else "en")


def import_file(db: Database, path: Path, options: ImportOptions, *, study: Study | None = None) -> FileOutcome:
    """Parse, assign roles and stages, lemmatize, then store in one transaction."""
    from jtbd_studio.importers import read_transcript
    from jtbd_studio.importers.roles import assign_roles
    from jtbd_studio.importers.stages import assign_stages
    from jtbd_studio.nlp import lemma_text

    transcript = read_transcript(path, language=options.lang if options.lang in ("ru", "en") else None)
    if study is None:
        with db.session() as s:
            study = get_study(s, options.study)
    with db.session() as s:
        dup = s.exec(select(Interview).where(Interview.study_id == study.id,
                                             Interview.source_sha256 == transcript.sha256)).first()
    if dup is not None and not options.force:
        return FileOutcome(str(path), "skipped", f"already imported as interview #{dup.id} (use --force)")
    if not transcript.turns and not transcript.notes:
        return FileOutcome(str(path), "skipped", "no speech or notes in the file")
    roles = assign_roles(transcript.turns, interviewer_names=options.interviewers or tuple(study.interviewers))
    specs, script_key = _stage_specs(options.script or DEFAULT_SCRIPT)
    stages = assign_stages(transcript.turns, roles, specs) if transcript.turns else []
    language = _language([t.text for t in transcript.turns] or [n.text for n in transcript.notes], options.lang)
    lemmas = [fold(lemma_text(t.text, language)) for t in transcript.turns]
    participant_name = options.participant or Path(path).stem
    with db.session() as s:
        participant = ensure_participant(s, study.id, participant_name)  # type: ignore[arg-type]
        iv = Interview(
            study_id=study.id, participant_id=participant.id, script_key=script_key,
            interviewer=next((sp for sp, r in roles.roles.items() if r == "interviewer" and sp), None),
            language=language, status="imported", source_file=str(path), source_sha256=transcript.sha256,
            source_format=transcript.format, role_method=roles.method, role_confidence=roles.confidence,
        )
        s.add(iv)
        s.flush()
        s.add_all(
            Turn(interview_id=iv.id, seq=n, speaker=t.speaker, role=roles.roles.get(t.speaker, "customer"),
                 start_ms=t.start_ms, end_ms=t.end_ms, stage=stages[n].stage_id, stage_method=stages[n].method,
                 text=t.text, lemmas=lemmas[n])
            for n, t in enumerate(transcript.turns)
        )
        s.add_all(
            Note(interview_id=iv.id, offset_ms=note.offset_ms, kind="note",
                 text=f"{note.author}: {note.text}" if note.author else note.text)
            for note in transcript.notes
        )
        s.flush()
        return FileOutcome(str(path), "imported", "", iv.id, len(transcript.turns), len(transcript.notes))


def import_paths(
    db: Database,
    paths: Iterable[str | Path],
    options: ImportOptions,
    *,
    progress: Callable[[FileOutcome], None] | None = None,
) -> ImportReport:
    """Import every file; one failure never stops the others nor leaves half a file stored."""
    with db.session() as s:
        study = get_study(s, options.study)
    report = ImportReport()
    files = expand_paths(paths)
    if not files:
        raise UsageError("no transcript files found in the given paths")
    for path in files:
        try:
            outcome = import_file(db, path, options, study=study)
        except JtbdError as exc:
            outcome = FileOutcome(str(path), "failed", exc.message)
        report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    if any(o.status == "imported" for o in report.outcomes):
        db.after_bulk_load()  # searches right after a big import plan with fresh statistics
    return report




def set_speaker_role(db: Database, interview_id: int, speaker: str, role: str) -> int:
    """Correct the role the importer guessed for one speaker; returns the turns changed.

    The interview's role method becomes "given" with full confidence; run `analyze` again so
    that phrases (customer speech only) follow the correction.
    """
    if role not in ("interviewer", "customer"):
        raise UsageError(f"role {role!r}: must be interviewer or customer")
    with db.session() as s:
        iv = s.get(Interview, interview_id)
        if iv is None:
            raise NotFoundError(f"no interview #{interview_id}")
        turns = s.exec(select(Turn).where(Turn.interview_id == interview_id, Turn.speaker == speaker)).all()
        if not turns:
            speakers = sorted({sp for sp in s.exec(select(Turn.speaker).where(Turn.interview_id == interview_id)).all() if sp})
            raise NotFoundError(f"interview #{interview_id} has no speaker {speaker!r}; speakers: {', '.join(speakers) or 'none'}")
        for t in turns:
            t.role = role
            s.add(t)
        iv.role_method, iv.role_confidence = "given", 1.0
        if role == "interviewer":
            iv.interviewer = speaker
        s.add(iv)
        return len(turns)
