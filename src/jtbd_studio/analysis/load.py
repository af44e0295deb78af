"""The one place the analysis reads the tables: a study into plain `StudyData` records.

Stage ids are resolved here, through each interview's own script, to the CJM column they feed:
a stage the script does not know keeps its id when that id is itself a CJM stage, else it gets
no column. Rejected extractions, deleted notes and codings on rejected extractions are left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from jtbd_studio.analysis.data import (
    CompetitorName,
    ExtractionItem,
    InterviewItem,
    NoteItem,
    RatingItem,
    StudyData,
    TagItem,
)
from jtbd_studio.errors import JtbdError
from jtbd_studio.store.tables import (
    Code,
    Coding,
    Competitor,
    EmotionTag,
    Extraction,
    Interview,
    Note,
    Participant,
    Rating,
    Study,
    Turn,
)

StageMap = Mapping[str, str]


def _scripts(keys: set[str]) -> tuple[dict[str, StageMap], dict[str, dict[str, str]]]:
    """Stage → CJM column per script key, and CSI aspect titles from those scripts.

    Aspect titles come first from the scripts the interviews used, then from any other script
    (an interview stored without its script key still gets its aspects titled).
    """
    from jtbd_studio.scripts import list_scripts, load_script

    stage_maps: dict[str, StageMap] = {}
    titles: dict[str, dict[str, str]] = {}
    for key in sorted(keys):
        try:
            script = load_script(key)
        except JtbdError:  # a user script removed since: its stages map by CJM id only
            continue
        stage_maps[key] = {stage.id: stage.cjm_stage for stage in script.stages}
        for aspect in script.csi_aspects:
            titles.setdefault(aspect.id, dict(aspect.title))
    for script in list_scripts():
        for aspect in script.csi_aspects:
            titles.setdefault(aspect.id, dict(aspect.title))
    return stage_maps, titles


def _inferred_map(stage_ids: set[str]) -> StageMap | None:
    """For an interview stored without its script key: the stage map every script agrees on.

    Scripts whose stages include every stage id the interview uses are candidates; their maps
    are used when they send each of those ids to the same CJM column, else nothing is guessed.
    """
    from jtbd_studio.scripts import list_scripts

    if not stage_ids:
        return None
    maps = [{st.id: st.cjm_stage for st in script.stages} for script in list_scripts()]
    fits = [m for m in maps if stage_ids <= m.keys()]
    if not fits or any(m[i] != fits[0][i] for m in fits for i in stage_ids):
        return None
    return {i: fits[0][i] for i in stage_ids}


def _resolver(stage_map: StageMap | None):  # type: ignore[no-untyped-def]
    from jtbd_studio.scripts import cjm_stages

    cjm_ids = {stage for stage, _ in cjm_stages()}

    def column(stage: str | None) -> str | None:
        if stage is None:
            return None
        if stage_map is not None and stage in stage_map:
            return stage_map[stage]
        return stage if stage in cjm_ids else None

    return column


def _when(iv: Interview) -> datetime:
    moment = iv.started_at or iv.created_at
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _extractions(s: Session, study_id: int) -> dict[int, list[tuple[Extraction, str | None]]]:
    turn, note = aliased(Turn), aliased(Note)
    stmt = (select(Extraction, col(turn.stage), col(note.stage))
            .join(Interview, col(Interview.id) == col(Extraction.interview_id))
            .outerjoin(turn, col(turn.id) == col(Extraction.turn_id))
            .outerjoin(note, col(note.id) == col(Extraction.note_id))
            .where(col(Interview.study_id) == study_id, col(Extraction.status) != "rejected")
            .order_by(col(Extraction.id)))
    out: dict[int, list[tuple[Extraction, str | None]]] = defaultdict(list)
    for ex, turn_stage, note_stage in s.exec(stmt).all():
        out[ex.interview_id].append((ex, turn_stage or note_stage))
    return out


def _codes(s: Session, study_id: int) -> dict[int, list[str]]:
    """Code names per interview, from codings on turns and on non-rejected extractions."""
    stmt = (select(col(Code.name), col(Extraction.interview_id), col(Extraction.status),
                   col(Turn.interview_id))
            .select_from(Coding)
            .join(Code, col(Code.id) == col(Coding.code_id))
            .outerjoin(Extraction, col(Extraction.id) == col(Coding.extraction_id))
            .outerjoin(Turn, col(Turn.id) == col(Coding.turn_id))
            .where(col(Code.study_id) == study_id))
    out: dict[int, list[str]] = defaultdict(list)
    for name, ex_interview, ex_status, turn_interview in s.exec(stmt).all():
        if ex_interview is not None and ex_status == "rejected":
            continue
        interview_id = ex_interview if ex_interview is not None else turn_interview
        if interview_id is not None and name not in out[interview_id]:
            out[interview_id].append(name)
    return out


def _rows(s: Session, table: Any, ids: list[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    # Chunked so that a study of thousands of interviews stays under bind-parameter limits.
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        stmt = select(table).where(col(table.interview_id).in_(chunk)).order_by(col(table.id))
        for row in s.exec(stmt).all():
            out[row.interview_id].append(row)
    return out


def _stage_map(iv: Interview, stage_maps: dict[str, StageMap], used: set[str]) -> StageMap | None:
    if iv.script_key and iv.script_key in stage_maps:
        return stage_maps[iv.script_key]
    return None if iv.script_key else _inferred_map(used)


def _interview_item(iv: Interview, person: Participant | None, column: Callable[[str | None], str | None],
                    rows: dict[str, list[Any]], codes: list[str]) -> InterviewItem:
    from jtbd_studio.scripts import note_kinds

    forces = {kind.id: kind.force for kind in note_kinds()}
    assert iv.id is not None
    return InterviewItem(
        id=iv.id, participant=person.name if person else None,
        segment=person.segment if person else None, status=person.status if person else None,
        key_client=bool(person and person.key_client), script_key=iv.script_key,
        language=iv.language, when=_when(iv), nps=iv.nps, nps_why=iv.nps_why,
        notes=tuple(NoteItem(n.kind, n.text, column(n.stage), forces.get(n.kind))
                    for n in rows["notes"] if not n.deleted),
        tags=tuple(TagItem(column(t.stage), t.valence, t.label, t.source) for t in rows["tags"]),
        ratings=tuple(RatingItem(r.aspect, r.score, r.importance) for r in rows["ratings"]),
        extractions=tuple(ExtractionItem(x.kind, x.text, x.key, x.label, x.status,
                                         column(stage), x.valence)
                          for x, stage in rows["extractions"]),
        codes=tuple(codes))


def load_study_data(s: Session, study: Study) -> StudyData:
    """Everything the report needs about one study, read in one session."""
    assert study.id is not None
    interviews = sorted(s.exec(select(Interview).where(col(Interview.study_id) == study.id)).all(),
                        key=lambda iv: (_when(iv), iv.id))
    people = {p.id: p for p in s.exec(
        select(Participant).where(col(Participant.study_id) == study.id)).all()}
    ids = [iv.id for iv in interviews if iv.id is not None]
    tables: dict[str, dict[int, list[Any]]] = {
        "notes": _rows(s, Note, ids), "tags": _rows(s, EmotionTag, ids),
        "ratings": _rows(s, Rating, ids), "extractions": dict(_extractions(s, study.id))}
    codes = _codes(s, study.id)
    stage_maps, csi_titles = _scripts({iv.script_key for iv in interviews if iv.script_key})
    items = []
    for iv in interviews:
        assert iv.id is not None
        rows = {name: table.get(iv.id, []) for name, table in tables.items()}
        used = {r.stage for r in (*rows["notes"], *rows["tags"]) if r.stage}
        used |= {stage for _, stage in rows["extractions"] if stage}
        person = people.get(iv.participant_id) if iv.participant_id is not None else None
        column = _resolver(_stage_map(iv, stage_maps, used))
        items.append(_interview_item(iv, person, column, rows, codes.get(iv.id, [])))
    rivals = s.exec(select(Competitor).where(col(Competitor.study_id) == study.id)
                    .order_by(col(Competitor.name))).all()
    return StudyData(name=study.name, product=study.product, language=study.language,
                     interviews=tuple(items), synthetic=study.synthetic,
                     competitors=tuple(CompetitorName(c.name, tuple(c.aliases)) for c in rivals),
                     csi_titles=csi_titles)
