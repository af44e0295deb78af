"""Review decisions and the codebook, on both backends, with every decision logged."""

from __future__ import annotations

import pytest
from sqlmodel import select

from jtbd_studio.errors import ConflictError, NotFoundError, UsageError
from jtbd_studio.library import codes, review
from jtbd_studio.library.filters import SearchFilters
from jtbd_studio.library.search import search
from jtbd_studio.store.library_tables import LibraryEvent
from jtbd_studio.store.tables import Coding, Extraction, ReviewEvent, Turn


def extractions(db, **where) -> list[Extraction]:
    with db.session() as s:
        stmt = select(Extraction).order_by(Extraction.id)
        for name, value in where.items():
            stmt = stmt.where(getattr(Extraction, name) == value)
        return list(s.exec(stmt).all())


def test_accept_and_reject_are_logged_with_author_and_time(db, study):
    first, second = extractions(db, kind="friction")[:2]
    assert review.accept(db, [first.id], author="anna") == 1
    assert review.accept(db, [first.id], author="anna") == 0  # already accepted: no new event
    review.reject(db, [second.id], author="boris")
    review.decide(db, [second.id], "suggested", author="boris")
    with db.session() as s:
        ex = s.get(Extraction, first.id)
        assert ex.status == "accepted" and ex.decided_by == "anna" and ex.decided_at is not None
        assert s.get(Extraction, second.id).status == "suggested"
    events = review.history(db, second.id)
    assert [e.action for e in events] == ["reject", "reset"]
    assert events[0].author == "boris" and events[0].at is not None
    assert events[0].detail == {"before": "suggested", "after": "rejected"}


def test_unknown_extraction_and_status_are_clear_errors(db, study):
    with pytest.raises(NotFoundError, match="no extraction #999999"):
        review.accept(db, [999999], author="a")
    with pytest.raises(UsageError, match="status 'maybe'"):
        review.decide(db, [1], "maybe", author="a")


def test_edit_span_follows_the_turn_text(db, study):
    ex = extractions(db, kind="phrase")[0]
    with db.session() as s:
        turn = s.get(Turn, ex.turn_id)
    new = review.edit_span(db, ex.id, ex.start, ex.end + 1 if ex.end < len(turn.text) else ex.end - 1,
                           author="anna")
    assert new.text == turn.text[new.start:new.end] and new.edited
    assert review.history(db, ex.id)[-1].action == "edit_span"
    with pytest.raises(UsageError, match="must lie inside"):
        review.edit_span(db, ex.id, 5, len(turn.text) + 10, author="anna")
    with pytest.raises(UsageError):
        review.edit_span(db, ex.id, 7, 7, author="anna")


def test_change_kind_and_manual_span(db, study):
    ex = extractions(db, kind="phrase")[0]
    changed = review.change_kind(db, ex.id, "friction", author="anna")
    assert changed.kind == "friction" and changed.edited
    with pytest.raises(UsageError, match="kind 'nonsense'"):
        review.change_kind(db, ex.id, "nonsense", author="anna")
    with db.session() as s:
        turn = s.get(Turn, ex.turn_id)
    manual = review.mark_span(db, turn_id=turn.id, start=0, end=12, kind="phrase", author="anna")
    assert manual.origin == "manual" and manual.status == "accepted" and manual.text == turn.text[:12]
    assert [e.action for e in review.history(db, manual.id)] == ["create"]


def test_bulk_decide_by_filter_and_query(db, study):
    target = SearchFilters(kinds=("competitor",), segments=("B",))
    with db.session() as s:
        ids = review.matching_ids(s, db, study.study_id, target)
    assert ids
    assert review.bulk_decide(db, study.study_id, target, "rejected", author="anna") == len(ids)
    rejected = {e.id for e in extractions(db, status="rejected")}
    assert rejected == set(ids)
    with db.session() as s:
        assert len(s.exec(select(ReviewEvent).where(ReviewEvent.action == "reject")).all()) == len(ids)
    n = review.bulk_decide(db, study.study_id, SearchFilters(kinds=("friction",)), "accepted",
                           author="anna", query="жалоба")
    hits = search(db, study.study_id, "жалоба", SearchFilters(kinds=("friction",)), limit=1000).hits
    assert n == len(hits) > 0


def test_codebook_tree_create_rename_move_merge(db, study):
    sid = study.study_id
    forces = codes.create_code(db, sid, "Силы", author="anna")
    anxiety = codes.create_code(db, sid, "Тревога", parent_id=forces.id, author="anna")
    fear = codes.create_code(db, sid, "Страх", author="anna")
    with pytest.raises(ConflictError):
        codes.create_code(db, sid, "силы")
    codes.rename_code(db, anxiety.id, "Тревоги", author="anna")
    codes.move_code(db, fear.id, forces.id, author="anna")
    tree = codes.code_tree(db, sid)
    assert [n.name for n in tree] == ["Силы"]
    assert [c.name for c in tree[0].children] == ["Страх", "Тревоги"]
    assert codes.find_code(db, sid, "Силы/Тревоги").id == anxiety.id
    ex1, ex2 = extractions(db, kind="force")[:2]
    codes.apply_code(db, fear.id, extraction_id=ex1.id, author="anna")
    codes.apply_code(db, anxiety.id, extraction_id=ex1.id, author="anna")
    codes.apply_code(db, anxiety.id, extraction_id=ex2.id, author="anna")
    codes.merge_codes(db, fear.id, anxiety.id, author="anna")
    tree = codes.code_tree(db, sid)
    assert [c.name for c in tree[0].children] == ["Тревоги"]
    assert tree[0].children[0].codings == 2  # the duplicate on ex1 folded into one
    with db.session() as s:
        actions = [e.action for e in s.exec(select(LibraryEvent).order_by(LibraryEvent.id)).all()]
    assert actions == ["code_create"] * 3 + ["code_rename", "code_move", "code_merge"]
    assert "code" in [e.action for e in review.history(db, ex1.id)]


def test_merging_a_code_into_its_own_child_is_refused(db, study):
    parent = codes.create_code(db, study.study_id, "Барьеры")
    child = codes.create_code(db, study.study_id, "Интеграция", parent_id=parent.id)
    grandchild = codes.create_code(db, study.study_id, "API", parent_id=child.id)
    for target in (child, grandchild):
        with pytest.raises(UsageError, match="into its own sub-code"):
            codes.merge_codes(db, parent.id, target.id)
    with pytest.raises(UsageError, match="under"):
        codes.move_code(db, parent.id, grandchild.id)
    with pytest.raises(UsageError, match="must not contain"):
        codes.create_code(db, study.study_id, "a/b")
    assert [n.name for _, n in codes.code_tree(db, study.study_id)[0].walk()] == ["Барьеры", "Интеграция", "API"]


def test_code_filter_in_search_includes_sub_codes(db, study):
    parent = codes.create_code(db, study.study_id, "Жалобы")
    child = codes.create_code(db, study.study_id, "На городничего", parent_id=parent.id)
    hits = search(db, study.study_id, "городничего", SearchFilters(sources=("turn",))).hits
    codes.apply_code(db, child.id, turn_id=hits[0].id, start=0, end=5)
    found = search(db, study.study_id, "городничего", SearchFilters(code_ids=(parent.id,))).hits
    assert [(h.source, h.id) for h in found] == [("turn", hits[0].id)]
    with db.session() as s:
        assert s.exec(select(Coding)).one().start == 0


def _stage_tags(db, interview_id: int) -> dict[str, tuple[int, str | None, str]]:
    from jtbd_studio.store.tables import EmotionTag

    with db.session() as s:
        rows = s.exec(select(EmotionTag).where(EmotionTag.interview_id == interview_id,
                                               EmotionTag.source == "suggested")).all()
        return {t.stage: (t.valence, t.label, t.comment) for t in rows}


def test_decisions_on_emotions_remake_the_stage_suggestions(db, study):
    """The journey map's curve follows a rejected, restored, re-kinded or hand-marked emotion at
    once; the suggestions of other interviews and the interviewer's own tags stay as they were."""
    from jtbd_studio.library import stage_emotions
    from jtbd_studio.services.interviews import set_emotion

    emotions = [e for e in extractions(db, kind="emotion") if e.valence]
    with db.session() as s:
        stage_of = {e.id: s.get(Turn, e.turn_id).stage for e in emotions}
    by_place: dict[tuple[int, str], list[Extraction]] = {}
    for e in emotions:
        by_place.setdefault((e.interview_id, stage_of[e.id]), []).append(e)
    (interview, stage), here = max(by_place.items(), key=lambda kv: len(kv[1]))
    assert len(here) >= 2
    with db.session() as s:
        for iv in study.interviews:
            stage_emotions.suggest(s, iv)
    set_emotion(db, interview, stage, valence=2, label="delight")
    other = next(iv for iv in study.interviews if iv != interview and _stage_tags(db, iv))
    theirs = _stage_tags(db, other)
    before = _stage_tags(db, interview)
    assert before[stage][2] == f"mean of {len(here)} utterances"

    assert review.reject(db, [here[0].id], author="anna") == 1
    assert _stage_tags(db, interview)[stage][2] == f"mean of {len(here) - 1} utterances"
    review.reject(db, [e.id for e in here[1:]], author="anna")
    assert stage not in _stage_tags(db, interview)
    review.decide(db, [e.id for e in here], "suggested", author="anna")
    assert _stage_tags(db, interview) == before

    review.change_kind(db, here[0].id, "friction", author="anna")
    assert _stage_tags(db, interview)[stage][2] == f"mean of {len(here) - 1} utterances"
    review.change_kind(db, here[0].id, "emotion", author="anna")
    assert _stage_tags(db, interview) == before

    turn = here[0].turn_id
    with db.session() as s:
        text = s.get(Turn, turn).text
    review.mark_span(db, turn_id=turn, start=0, end=len(text), kind="emotion", valence=-2, author="anna")
    assert _stage_tags(db, interview)[stage][2] == f"mean of {len(here) + 1} utterances"
    assert _stage_tags(db, other) == theirs
    from jtbd_studio.store.tables import EmotionTag

    with db.session() as s:
        own = s.exec(select(EmotionTag).where(EmotionTag.interview_id == interview,
                                              EmotionTag.source == "interviewer")).all()
    assert [(t.stage, t.valence, t.label) for t in own] == [(stage, 2, "delight")]
