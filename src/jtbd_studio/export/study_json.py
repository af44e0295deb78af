"""The study exchange format `jtbd-studio/1`: one study, nested, lossless, database-neutral.

Rows keep their field names from the tables; database ids are replaced by export-local
numbers (1, 2, …) so that exporting an imported study gives the same document again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from jtbd_studio.errors import ConflictError, UsageError
from jtbd_studio.store.library_tables import PhraseCluster, PhraseClusterMember
from jtbd_studio.store.tables import (
    Code,
    Coding,
    Competitor,
    EmotionTag,
    Extraction,
    Insight,
    InsightEvidence,
    Interview,
    Note,
    Participant,
    Rating,
    ReviewEvent,
    Study,
    Turn,
)

FORMAT = "jtbd-studio/1"

# fields never exported as such: database keys, replaced by references
_SKIP = {"id", "study_id", "interview_id", "participant_id", "turn_id", "note_id", "code_id",
         "extraction_id", "parent_id", "insight_id", "cluster_id"}


def _row(obj: SQLModel, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in type(obj).model_fields:
        if name in _SKIP:
            continue
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    out.update(extra)
    return out


def _fields(model: type[SQLModel], data: dict[str, Any], where: str) -> dict[str, Any]:
    known = model.model_fields
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known or name in _SKIP:
            continue
        annotation = str(known[name].annotation)
        if value is not None and "datetime" in annotation and isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                raise UsageError(f"{where}.{name}: not an ISO date-time: {value!r}") from None
        values[name] = value
    return values


def dump_study(session: Session, study: Study) -> dict[str, Any]:
    """The whole study as one JSON-ready dict."""
    sid = study.id
    participants = session.exec(select(Participant).where(Participant.study_id == sid).order_by(Participant.id)).all()
    p_name = {p.id: p.name for p in participants}
    interviews = session.exec(select(Interview).where(Interview.study_id == sid).order_by(Interview.id)).all()
    ext_ref: dict[int, int] = {}
    out_interviews = []
    for iv in interviews:
        turns = session.exec(select(Turn).where(Turn.interview_id == iv.id).order_by(Turn.seq)).all()
        notes = session.exec(select(Note).where(Note.interview_id == iv.id).order_by(Note.id)).all()
        turn_seq = {t.id: t.seq for t in turns}
        note_no = {n.id: i for i, n in enumerate(notes, 1)}
        extractions = session.exec(select(Extraction).where(Extraction.interview_id == iv.id).order_by(Extraction.id)).all()
        ex_rows = []
        for ex in extractions:
            ext_ref[ex.id] = len(ext_ref) + 1  # type: ignore[index]
            events = session.exec(select(ReviewEvent).where(ReviewEvent.extraction_id == ex.id).order_by(ReviewEvent.id)).all()
            ex_rows.append(_row(ex, ref=ext_ref[ex.id], turn=turn_seq.get(ex.turn_id), note=note_no.get(ex.note_id),  # type: ignore[index]
                                review_events=[_row(e) for e in events]))
        out_interviews.append(_row(
            iv,
            participant=p_name.get(iv.participant_id),
            turns=[_row(t) for t in turns],
            notes=[_row(n) for n in notes],
            emotion_tags=[_row(e) for e in session.exec(select(EmotionTag).where(EmotionTag.interview_id == iv.id).order_by(EmotionTag.id)).all()],
            ratings=[_row(r) for r in session.exec(select(Rating).where(Rating.interview_id == iv.id).order_by(Rating.id)).all()],
            extractions=ex_rows,
        ))
    codes = session.exec(select(Code).where(Code.study_id == sid).order_by(Code.id)).all()
    code_ref = {c.id: n for n, c in enumerate(codes, 1)}
    codings = session.exec(select(Coding).where(col(Coding.code_id).in_(list(code_ref))).order_by(Coding.id)).all() if codes else []
    turn_ref = {t_id: (n_iv, seq) for n_iv, iv in enumerate(interviews, 1)
                for t_id, seq in session.exec(select(Turn.id, Turn.seq).where(Turn.interview_id == iv.id)).all()}
    insights = session.exec(select(Insight).where(Insight.study_id == sid).order_by(Insight.id)).all()
    clusters = session.exec(select(PhraseCluster).where(PhraseCluster.study_id == sid).order_by(col(PhraseCluster.id))).all()
    members: dict[int, list[int]] = {}
    for cluster_id, extraction_id in session.exec(
        select(PhraseClusterMember.cluster_id, PhraseClusterMember.extraction_id)
        .join(PhraseCluster, col(PhraseCluster.id) == PhraseClusterMember.cluster_id)
        .where(PhraseCluster.study_id == sid)
    ).all():
        if extraction_id in ext_ref:
            members.setdefault(cluster_id, []).append(ext_ref[extraction_id])
    return {
        "format": FORMAT,
        "study": _row(study),
        "competitors": [_row(c) for c in session.exec(select(Competitor).where(Competitor.study_id == sid).order_by(Competitor.id)).all()],
        "participants": [_row(p) for p in participants],
        "interviews": out_interviews,
        "codes": [_row(c, ref=code_ref[c.id], parent=code_ref.get(c.parent_id)) for c in codes],
        "codings": [_row(c, code=code_ref[c.code_id], extraction=ext_ref.get(c.extraction_id),  # type: ignore[arg-type]
                         turn=list(turn_ref[c.turn_id]) if c.turn_id in turn_ref else None) for c in codings],
        "insights": [_row(i, evidence=sorted(ext_ref[e] for e in session.exec(
            select(InsightEvidence.extraction_id).where(InsightEvidence.insight_id == i.id)).all() if e in ext_ref))
            for i in insights],
        "clusters": [_row(c, members=sorted(members.get(c.id, []))) for c in clusters],  # type: ignore[arg-type]
    }


def _need(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise UsageError(f"{where}: field {key!r} is missing or not a {kind.__name__}")
    return value


def load_study(session: Session, doc: dict[str, Any], *, rename: str | None = None) -> Study:
    """Recreate a study from `dump_study` output inside the caller's transaction."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise UsageError(f"not a jtbd-studio study export (expected format {FORMAT!r})")
    study_data = dict(_need(doc, "study", dict, "document"))
    if rename:
        study_data["name"] = rename
    name = study_data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError("study.name is missing")
    if session.exec(select(Study).where(Study.name == name)).first():
        raise ConflictError(f"study {name!r} already exists; import it under another name (--rename)")
    study = Study(**_fields(Study, study_data, "study"))
    session.add(study)
    session.flush()
    for n, c in enumerate(doc.get("competitors") or []):
        session.add(Competitor(study_id=study.id, **_fields(Competitor, c, f"competitors[{n}]")))
    p_ids: dict[str, int] = {}
    for n, p in enumerate(doc.get("participants") or []):
        person = Participant(study_id=study.id, **_fields(Participant, p, f"participants[{n}]"))
        session.add(person)
        session.flush()
        p_ids[person.name] = person.id  # type: ignore[assignment]
    ext_ids: dict[int, int] = {}
    turn_ids: dict[tuple[int, int], int] = {}
    for n_iv, iv_data in enumerate(_need(doc, "interviews", list, "document"), 1):
        _load_interview(session, study, iv_data, n_iv, p_ids, ext_ids, turn_ids)
    code_ids: dict[int, int] = {}
    for n, c in enumerate(doc.get("codes") or []):
        parent = code_ids.get(c.get("parent")) if c.get("parent") else None
        code = Code(study_id=study.id, parent_id=parent, **_fields(Code, c, f"codes[{n}]"))
        session.add(code)
        session.flush()
        code_ids[c.get("ref", n + 1)] = code.id  # type: ignore[assignment]
    for n, c in enumerate(doc.get("codings") or []):
        turn = c.get("turn")
        session.add(Coding(
            code_id=code_ids[c["code"]], extraction_id=ext_ids.get(c.get("extraction")),
            turn_id=turn_ids.get(tuple(turn)) if turn else None, **_fields(Coding, c, f"codings[{n}]"),
        ))
    for n, i in enumerate(doc.get("insights") or []):
        insight = Insight(study_id=study.id, **_fields(Insight, i, f"insights[{n}]"))
        session.add(insight)
        session.flush()
        for ref in i.get("evidence") or []:
            session.add(InsightEvidence(insight_id=insight.id, extraction_id=ext_ids[ref]))
    for n, c in enumerate(doc.get("clusters") or []):
        cluster = PhraseCluster(study_id=study.id, **_fields(PhraseCluster, c, f"clusters[{n}]"))
        session.add(cluster)
        session.flush()
        for ref in c.get("members") or []:
            session.add(PhraseClusterMember(cluster_id=cluster.id, extraction_id=ext_ids[ref]))  # type: ignore[arg-type]
    session.flush()
    return study


def _load_interview(session: Session, study: Study, data: dict[str, Any], n_iv: int,
                    p_ids: dict[str, int], ext_ids: dict[int, int], turn_ids: dict[tuple[int, int], int]) -> None:
    where = f"interviews[{n_iv - 1}]"
    pname = data.get("participant")
    if pname is not None and pname not in p_ids:
        person = Participant(study_id=study.id, name=pname)
        session.add(person)
        session.flush()
        p_ids[pname] = person.id  # type: ignore[assignment]
    iv = Interview(study_id=study.id, participant_id=p_ids.get(pname) if pname else None,
                   **_fields(Interview, data, where))
    session.add(iv)
    session.flush()
    seq_ids: dict[int, int] = {}
    for n, t in enumerate(data.get("turns") or []):
        fields = _fields(Turn, t, f"{where}.turns[{n}]")
        fields.setdefault("seq", n)
        turn = Turn(interview_id=iv.id, **fields)
        session.add(turn)
        session.flush()
        seq_ids[turn.seq] = turn.id  # type: ignore[assignment]
        turn_ids[(n_iv, turn.seq)] = turn.id  # type: ignore[assignment]
    note_ids: dict[int, int] = {}
    for n, note in enumerate(data.get("notes") or [], 1):
        note_row = Note(interview_id=iv.id, **_fields(Note, note, f"{where}.notes[{n - 1}]"))
        session.add(note_row)
        session.flush()
        note_ids[n] = note_row.id  # type: ignore[assignment]
    for n, e in enumerate(data.get("emotion_tags") or []):
        session.add(EmotionTag(interview_id=iv.id, **_fields(EmotionTag, e, f"{where}.emotion_tags[{n}]")))
    for n, r in enumerate(data.get("ratings") or []):
        session.add(Rating(interview_id=iv.id, **_fields(Rating, r, f"{where}.ratings[{n}]")))
    for n, ex in enumerate(data.get("extractions") or []):
        row = Extraction(interview_id=iv.id, turn_id=seq_ids.get(ex.get("turn")) if ex.get("turn") is not None else None,
                         note_id=note_ids.get(ex.get("note")) if ex.get("note") else None,
                         **_fields(Extraction, ex, f"{where}.extractions[{n}]"))
        session.add(row)
        session.flush()
        ext_ids[ex.get("ref", len(ext_ids) + 1)] = row.id  # type: ignore[assignment]
        for m, ev in enumerate(ex.get("review_events") or []):
            session.add(ReviewEvent(extraction_id=row.id, **_fields(ReviewEvent, ev, f"{where}.extractions[{n}].review_events[{m}]")))
