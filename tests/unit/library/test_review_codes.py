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
