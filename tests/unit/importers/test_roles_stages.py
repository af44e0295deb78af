"""Roles (given, heuristic, single speaker) and stages (marker, prompt match, time share)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd_studio.errors import UsageError
from jtbd_studio.importers import ImportedTurn, read_transcript, read_transcript_bytes
from jtbd_studio.importers.roles import RoleAssignment, assign_roles, is_question
from jtbd_studio.importers.stages import StageSpec, assign_stages, match_marker

DATA = Path(__file__).parents[2] / "data" / "transcripts"
STAGES = (
    StageSpec(
        "intro",
        (
            "Tell me a bit about yourself and your role.",
            "Расскажите немного о себе и своей работе.",
        ),
        ("Introduction", "Знакомство"),
        5,
    ),
    StageSpec(
        "first_thought",
        (
            "When did you first realize you needed a new tool?",
            "Когда вы впервые поняли, что вам нужен новый инструмент?",
        ),
        ("First thought", "Первая мысль"),
        10,
    ),
    StageSpec(
        "switch",
        (
            "What made you finally switch? What happened that day?",
            "Что заставило вас в итоге перейти? Что произошло в тот день?",
        ),
        ("Switch", "Переключение"),
        15,
    ),
)


def turn(
    speaker: str | None, text: str, start: int | None = None, marker: str | None = None
) -> ImportedTurn:
    return ImportedTurn(speaker, text, start, None, 1, marker)


def test_given_names_match_case_insensitively_and_partially() -> None:
    turns = read_transcript(DATA / "en/transcript_P2.txt").turns
    for name in ("Dan", "dan", "Dan Smith"):
        roles = assign_roles(turns, interviewer_names=[name])
        assert roles == RoleAssignment(
            {"Dan": "interviewer", "Participant": "customer"}, 1.0, "given"
        )


def test_unknown_given_name_falls_back_to_the_heuristic() -> None:
    roles = assign_roles(
        read_transcript(DATA / "en/transcript_P1.txt").turns, interviewer_names=["Eve"]
    )
    assert (roles.method, roles.roles["Dan"], roles.confidence) == (
        "heuristic",
        "interviewer",
        0.96,
    )


def test_single_speaker_and_prose_are_the_customer() -> None:
    prose = assign_roles([turn(None, "Notes."), turn(None, "More notes?")])
    assert prose == RoleAssignment({None: "customer"}, 1.0, "single_speaker")
    assert assign_roles([turn("Ann", "Hi?")]).roles == {"Ann": "customer"}


def test_heuristic_in_russian_with_low_confidence_for_little_evidence() -> None:
    turns = [turn("А", "Как вы выбираете?"), turn("Б", "По отзывам и по цене, в основном по цене.")]
    roles = assign_roles(turns)
    assert roles.roles == {"А": "interviewer", "Б": "customer"} and roles.method == "heuristic"
    assert 0.5 < roles.confidence < 0.6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Why?", True),
        ("Расскажите о себе", True),
        ("и это всё?", True),
        ("We use Excel.", False),
        ("Это удобно.", False),
    ],
)
def test_is_question(text: str, expected: bool) -> None:
    assert is_question(text) is expected


def _interview() -> list[ImportedTurn]:
    return read_transcript_bytes(
        "Интервьюер: Спасибо! Расскажите немного о себе, чем вы занимаетесь?\n"
        "Клиент: Руковожу отделом продаж.\nИнтервьюер: А сколько человек в команде?\n"
        "Клиент: Двенадцать.\n"
        "Интервьюер: Когда вы впервые поняли, что вам нужен какой-то новый инструмент?\n"
        "Клиент: Прошлой осенью.\nИнтервьюер: А что в итоге заставило вас перейти? Что случилось?\n"
        "Клиент: Excel перестал открываться.\nИнтервьюер: Расскажите о себе ещё раз?\nКлиент: ...\n".encode(),
        "i.txt",
    ).turns


def test_prompt_matching_carries_forward_and_does_not_jump_back_on_a_weak_match() -> None:
    turns = _interview()
    stages = assign_stages(turns, assign_roles(turns), STAGES)
    assert [s.stage_id for s in stages] == ["intro"] * 4 + ["first_thought"] * 2 + ["switch"] * 4
    assert {s.method for s in stages} == {"prompt_match"}


def test_turns_before_the_first_matched_question_share_earlier_stages_by_time() -> None:
    turns = [
        turn("I", "Hello, can you hear me?", 0),
        turn("C", "Yes.", 60_000),
        turn("I", "What made you finally switch? What happened that day?", 120_000),
        turn("C", "My boss asked.", 130_000),
    ]
    stages = assign_stages(turns, assign_roles(turns, interviewer_names=["I"]), STAGES)
    assert [(s.stage_id, s.method) for s in stages] == [
        ("intro", "time_share"),
        ("first_thought", "time_share"),
        ("switch", "prompt_match"),
        ("switch", "prompt_match"),
    ]


def test_explicit_markers_win_and_unknown_markers_are_ignored() -> None:
    turns = [
        turn("I", "So.", marker="Episode intro"),
        turn("C", "Yes."),
        turn("I", "Hm.", marker="Первая мысль"),
        turn("C", "Ok."),
        turn("I", "And?", marker="switch"),
    ]
    stages = assign_stages(turns, assign_roles(turns, interviewer_names=["I"]), STAGES)
    assert [(s.stage_id, s.method) for s in stages] == [
        ("intro", "time_share"),
        ("intro", "time_share"),
        ("first_thought", "marker"),
        ("first_thought", "marker"),
        ("switch", "marker"),
    ]
    assert match_marker("[stage: onboarding]", STAGES) is None
    assert match_marker("Switch", STAGES) == "switch"


def test_time_share_uses_start_times_else_words() -> None:
    timed = [turn(None, "a", ms) for ms in (0, 9 * 60_000, 16 * 60_000, 29 * 60_000)]
    assert [s.stage_id for s in assign_stages(timed, assign_roles(timed), STAGES)] == [
        "intro",
        "first_thought",
        "switch",
        "switch",
    ]
    untimed = [turn(None, "w " * 10), turn(None, "w " * 10), turn(None, "w " * 20)]
    assert [s.stage_id for s in assign_stages(untimed, assign_roles(untimed), STAGES)] == [
        "intro",
        "first_thought",
        "switch",
    ]


def test_stage_assignment_edge_cases() -> None:
    assert assign_stages([], RoleAssignment({}, 1.0, "single_speaker"), STAGES) == []
    with pytest.raises(UsageError):
        assign_stages([turn(None, "x")], RoleAssignment({None: "customer"}, 1.0, "given"), [])
