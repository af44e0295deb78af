"""The live-interview use cases on both backends."""

from __future__ import annotations

import pytest

from jtbd_studio.errors import NotFoundError, UsageError
from jtbd_studio.services import interviews as svc
from jtbd_studio.services.studies import add_participant, create_study


@pytest.fixture
def interview(db):
    create_study(db, "Онбординг CRM", product="Pipeline", language="ru")
    add_participant(db, "Онбординг CRM", "Анна", segment="b", key_client=True)
    return svc.start_interview(db, "Онбординг CRM", "Анна", script_key="jtbd_switch", first_stage="first_thought")


def test_note_lifecycle(db, interview):
    note = svc.add_note(db, interview.id, "  долго не могли настроить интеграцию ", kind="friction")
    assert note.text == "долго не могли настроить интеграцию"
    assert note.stage == "first_thought" and note.offset_ms is not None and note.offset_ms >= 0
    svc.update_note(db, note.id, kind="quote")
    svc.delete_note(db, note.id)
    assert svc.load_interview(db, interview.id).notes == []
    svc.delete_note(db, note.id, restore=True)
    [back] = svc.load_interview(db, interview.id).notes
    assert back.kind == "quote"


def test_draft_is_kept_until_the_note_is_saved(db, interview):
    svc.save_draft(db, interview.id, "наполовину набранная", kind="pull", stage="deciding")
    detail = svc.load_interview(db, interview.id)
    assert detail.draft is not None and detail.draft.text == "наполовину набранная"
    svc.add_note(db, interview.id, "наполовину набранная заметка")
    assert svc.load_interview(db, interview.id).draft is None


@pytest.mark.parametrize("bad", ["", "   ", "x" * (svc.NOTE_MAX_CHARS + 1)])
def test_bad_notes_are_refused(db, interview, bad):
    with pytest.raises(UsageError):
        svc.add_note(db, interview.id, bad)
    assert svc.load_interview(db, interview.id).notes == []


def test_emotion_per_stage_replaces(db, interview):
    svc.set_emotion(db, interview.id, "first_thought", valence=-2, label="frustration")
    svc.set_emotion(db, interview.id, "first_thought", valence=1, label="relief", comment="ok")
    [tag] = svc.load_interview(db, interview.id).emotions
    assert (tag.valence, tag.label, tag.comment) == (1, "relief", "ok")
    with pytest.raises(UsageError):
        svc.set_emotion(db, interview.id, "x", valence=3)


@pytest.mark.parametrize("value", ["11", "-1", "abc", "7.5"])
def test_nps_outside_range(db, interview, value):
    with pytest.raises(UsageError):
        svc.set_nps(db, interview.id, value)
    assert svc.load_interview(db, interview.id).interview.nps is None


def test_nps_csi_and_end(db, interview):
    svc.set_nps(db, interview.id, "9", "быстро отвечают")
    svc.set_rating(db, interview.id, "support", score=8, importance="10")
    with pytest.raises(UsageError):
        svc.set_rating(db, interview.id, "price", score=0, importance=5)
    svc.end_interview(db, interview.id)
    d = svc.load_interview(db, interview.id)
    assert d.interview.nps == 9 and d.interview.nps_why == "быстро отвечают"
    assert [(r.aspect, r.score, r.importance) for r in d.ratings] == [("support", 8, 10)]
    assert d.interview.status == "finished" and d.participant.segment == "B"


def test_unknown_interview(db):
    with pytest.raises(NotFoundError):
        svc.add_note(db, 999, "x")
