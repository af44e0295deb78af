"""The journey map: emotion weighting, lanes and stage mapping; on the demo study, both backends."""

from __future__ import annotations

import pytest

from jtbd_studio.analysis import (
    CompetitorName,
    ExtractionItem,
    InterviewItem,
    NoteItem,
    TagItem,
    journey_columns,
    journey_map,
)
from jtbd_studio.analysis.load import load_study_data
from jtbd_studio.analysis.naming import named_competitors
from jtbd_studio.services.demo import ensure_demo_study

COLUMNS = ("awareness", "search_evaluation", "purchase", "onboarding", "usage_support",
           "renewal_or_churn")


def _iv(n: int, **parts) -> InterviewItem:  # type: ignore[no-untyped-def]
    return InterviewItem(id=n, participant=f"p{n}", segment="A", status="active",
                         key_client=False, script_key=None, language="en", when=None, **parts)


def test_columns_are_the_cjm_stages_without_the_frame() -> None:
    assert journey_columns() == COLUMNS


def test_interviewer_tags_replace_suggested_ones_and_suggested_only_weighs_half() -> None:
    interviews = [
        _iv(1, tags=(TagItem("onboarding", 2), TagItem("onboarding", -2, source="suggested"))),
        _iv(2, tags=(TagItem("onboarding", -1, source="suggested"),)),
        _iv(3, tags=(TagItem("purchase", 1), TagItem("purchase", 0))),
    ]
    result = journey_map(interviews)
    onboarding = result.cell("onboarding").emotion
    # (1·2 + 0.5·(−1)) / (1 + 0.5) = 1.0, over 2 interviews, 1 of them interviewer-tagged.
    assert onboarding.mean == pytest.approx(1.0)
    assert (onboarding.n, onboarding.n_interviewer, onboarding.tags) == (2, 1, 2)
    assert result.cell("purchase").emotion.mean == pytest.approx(0.5)
    assert result.cell("awareness").emotion.mean is None


def test_lanes_count_frictions_competitors_forces_and_quotes() -> None:
    rivals = (CompetitorName("HubSpot", ("hubspot",)), CompetitorName("Excel", ("Эксель",)))
    first = _iv(1, notes=(
        NoteItem("friction", "Setup  took ages", "onboarding"),
        NoteItem("competitor", "Tried HubSpot and a sheet in Экселе", "onboarding"),
        NoteItem("competitor", "A paper notebook", "onboarding"),
        NoteItem("anxiety", "Afraid to lose data", "onboarding", force="anxiety"),
        NoteItem("quote", "it just worked", "onboarding"),
        NoteItem("friction", "context only", "context"),
    ), extractions=(
        ExtractionItem("friction", "took forever", "take forever", "slow", "suggested",
                       "onboarding"),
        ExtractionItem("force", "we were fed up", "fed up", "push", "accepted", "onboarding"),
        ExtractionItem("competitor", "Хабспот", "hubspot", "HubSpot", "accepted", "onboarding"),
    ))
    second = _iv(2, notes=(NoteItem("friction", "setup took ages", "onboarding"),),
                 extractions=(ExtractionItem("friction", "took forever!", "take forever", "slow",
                                             "accepted", "onboarding"),))
    result = journey_map([first, second], competitors=rivals)
    cell = result.cell("onboarding")
    assert [(c.label, c.count, c.interviews) for c in cell.frictions] == [
        ("Setup took ages", 2, 2), ("took forever", 2, 2)]
    assert [(c.label, c.count) for c in cell.competitors] == [
        ("HubSpot", 2), ("A paper notebook", 1), ("Excel", 1)]
    assert dict(cell.forces) == {"push": 1, "pull": 0, "anxiety": 1, "habit": 0}
    assert [q.text for q in cell.quotes] == ["it just worked"]
    assert cell.interviews == 2
    assert result.outside == 1  # the context note


@pytest.mark.parametrize(("text", "expected"), [
    ("в Битриксе ничего не вели", ["Битрикс24"]),
    ("Раньше в Экселе", ["Excel"]),
    ("Сравнивали amoCRM и Битрикс", ["Битрикс24", "amoCRM"]),
    ("Spreadsheets worked until five reps", ["Excel"]),
    ("Экспорт отчётов", []),
    ("we use hubspotter", []),
])
def test_competitor_names_in_note_text(text: str, expected: list[str]) -> None:
    rivals = (CompetitorName("Битрикс24", ("Bitrix24", "Битрикс")),
              CompetitorName("amoCRM", ("амо", "amo")), CompetitorName("HubSpot", ("hubspot",)),
              CompetitorName("Excel", ("Эксель", "spreadsheet")))
    assert named_competitors(text, rivals) == expected


def test_the_demo_study_map(db) -> None:  # type: ignore[no-untyped-def]
    study, _ = ensure_demo_study(db)
    with db.session() as s:
        data = load_study_data(s, study)
    result = journey_map(data.interviews, competitors=data.competitors)
    assert result.interviews == 6
    usage = result.cell("usage_support")
    # Ольга (+1, +2, −1 → 2/3), Дмитрий +1, Игорь +1, Sarah −1, Priya (−1, +1, −2 → −2/3).
    assert usage.emotion.mean == pytest.approx(0.2)
    assert (usage.emotion.n, usage.emotion.n_interviewer, usage.emotion.tags) == (5, 5, 9)
    # Дмитрий and Tom (−2, −1 → −1.5 each) and Sarah (+1).
    assert result.cell("awareness").emotion.mean == pytest.approx(-2 / 3)
    assert usage.friction_total == 7 and usage.interviews == 5
    search = result.cell("search_evaluation")
    assert {(c.label, c.count) for c in search.competitors} == {
        ("HubSpot", 2), ("amoCRM", 1), ("Excel", 1), ("Битрикс24", 1)}
    renewal = result.cell("renewal_or_churn")
    assert dict(renewal.forces) == {"push": 0, "pull": 3, "anxiety": 1, "habit": 2}
    assert [q.respondent for q in renewal.quotes] == ["Игорь М."]
    assert result.cell("purchase").emotion.n == 3
    segment_c = journey_map([iv for iv in data.interviews if iv.segment == "C"])
    assert segment_c.cell("renewal_or_churn").emotion.mean == pytest.approx(-1.0)
    assert segment_c.cell("awareness").interviews == 0


def test_the_loader_maps_stages_and_skips_rejected(db) -> None:  # type: ignore[no-untyped-def]
    from jtbd_studio.services.studies import add_participant, create_study
    from jtbd_studio.store.tables import Code, Coding, EmotionTag, Extraction, Interview, Note, Turn

    study = create_study(db, "Loader", language="en")
    person = add_participant(db, "Loader", "Ann", segment="b", status="churned")
    with db.session() as s:
        iv = Interview(study_id=study.id, participant_id=person.id, script_key="jtbd_switch",
                       language="en")
        s.add(iv)
        s.flush()
        turn = Turn(interview_id=iv.id, seq=0, stage="first_use", text="setup took forever")
        note = Note(interview_id=iv.id, stage="wrap_up", kind="quote", text="worth it")
        s.add_all([turn, note, EmotionTag(interview_id=iv.id, stage="deciding", valence=-1),
                   EmotionTag(interview_id=iv.id, stage="no_such_stage", valence=2)])
        s.flush()
        kept = Extraction(interview_id=iv.id, turn_id=turn.id, kind="friction", text="took forever",
                          start=6, end=18, key="take forever", status="accepted")
        dropped = Extraction(interview_id=iv.id, turn_id=turn.id, kind="friction", text="setup",
                             start=0, end=5, key="setup", status="rejected")
        on_note = Extraction(interview_id=iv.id, note_id=note.id, kind="phrase", text="worth it",
                             start=0, end=8, key="worth")
        code, other = Code(study_id=study.id, name="slow setup"), Code(study_id=study.id, name="x")
        s.add_all([kept, dropped, on_note, code, other])
        s.flush()
        s.add_all([Coding(code_id=code.id, extraction_id=kept.id),
                   Coding(code_id=other.id, extraction_id=dropped.id),
                   Coding(code_id=code.id, turn_id=turn.id, start=0, end=5)])
    with db.session() as s:
        from jtbd_studio.services.studies import get_study

        data = load_study_data(s, get_study(s, "Loader"))
    (item,) = data.interviews
    assert (item.participant, item.segment, item.status) == ("Ann", "B", "churned")
    assert [(x.key, x.cjm_stage) for x in item.extractions] == [
        ("take forever", "onboarding"), ("worth", "reflection")]
    assert [(t.cjm_stage, t.valence) for t in item.tags] == [("purchase", -1), (None, 2)]
    assert item.codes == ("slow setup",)  # the coding on the rejected extraction is left out
    assert journey_map(data.interviews).outside == 3  # quote note, its phrase, unknown stage
