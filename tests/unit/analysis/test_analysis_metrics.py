"""NPS with its standard error and the importance-weighted CSI, against hand-computed values."""

from __future__ import annotations

import math

import pytest

from jtbd_studio.analysis import (
    InterviewItem,
    RatingItem,
    aspect_scores,
    csi_index,
    nps,
    nps_answers,
    nps_category,
    study_csi,
    study_nps,
)


def _iv(n: int, who: str | None, *, score: int | None = None, why: str | None = None,
        ratings: tuple[RatingItem, ...] = (), segment: str | None = "A") -> InterviewItem:
    return InterviewItem(id=n, participant=who, segment=segment, status="active",
                         key_client=False, script_key=None, language="en", when=None,
                         nps=score, nps_why=why, ratings=ratings)


def test_nps_of_ten_answers_by_hand() -> None:
    # 4 promoters (10, 9, 9, 10), 2 passives (8, 7), 4 detractors (6, 3, 0, 5).
    result = nps([10, 9, 9, 8, 7, 6, 3, 0, 10, 5])
    assert (result.n, result.promoters, result.passives, result.detractors) == (10, 4, 2, 4)
    assert result.score == pytest.approx(0.0)
    # P = D = 0.4: Var = 0.8 − 0 = 0.8, SE = 100·√(0.8/10) = 28.28…
    assert result.se == pytest.approx(100 * math.sqrt(0.08))


def test_nps_matches_the_worked_example_of_methods() -> None:
    # n = 20, P = 0.5, D = 0.2 → NPS 30, SE ≈ 17.5 (METHODS §4.1).
    result = nps([10] * 10 + [8] * 6 + [2] * 4)
    assert result.score == pytest.approx(30.0)
    assert result.se == pytest.approx(17.46, abs=0.01)


def test_nps_edges() -> None:
    empty = nps([])
    assert (empty.n, empty.score, empty.se) == (0, None, None)
    all_promoters = nps([9, 10, 10])
    assert (all_promoters.score, all_promoters.se) == (100.0, 0.0)
    assert nps([6]).score == -100.0
    assert [nps_category(s) for s in (0, 6, 7, 8, 9, 10)] == [
        "detractor", "detractor", "passive", "passive", "promoter", "promoter"]


def test_one_answer_per_participant_the_latest() -> None:
    interviews = [_iv(1, "Ann", score=3, why="old"), _iv(2, "Bob", score=9),
                  _iv(3, "Ann", score=10, why="new"), _iv(4, "Ann"), _iv(5, None, score=5)]
    answers = nps_answers(interviews)
    assert [(a.respondent, a.score, a.why) for a in answers] == [
        ("Ann", 10, "new"), ("Bob", 9, None), ("#5", 5, None)]
    result = study_nps(interviews)
    assert (result.n, result.promoters, result.detractors) == (3, 2, 1)
    assert result.score == pytest.approx(100 / 3)


def test_csi_variant_a_by_hand() -> None:
    # Aspect x: S = 8, I = 10; aspect y: S = 5, I = 5 → CSI = 10·(80 + 25)/15 = 70.
    aspects = aspect_scores([RatingItem("x", 8, 10), RatingItem("y", 5, 5)])
    assert csi_index(aspects) == pytest.approx(70.0)
    assert [a.gap for a in aspects] == [2.0, 0.0]


def test_csi_means_over_participants_and_missing_answers() -> None:
    interviews = [
        _iv(1, "Ann", ratings=(RatingItem("x", 6, 9), RatingItem("y", 4, None))),
        _iv(2, "Bob", ratings=(RatingItem("x", 9, 7), RatingItem("y", 8, 6))),
        _iv(3, "Ann", ratings=(RatingItem("x", 10, 9),)),  # Ann's latest x replaces 6
        _iv(4, "Cid", ratings=(RatingItem("z", None, None),)),  # an empty answer: no respondent
    ]
    csi = study_csi(interviews)
    x, y = csi.aspects
    assert (x.satisfaction, x.importance, x.n) == (9.5, 8.0, 2)
    assert (y.satisfaction, y.importance, y.n, y.n_importance) == (6.0, 6.0, 2, 1)
    # CSI = 10·(8·9.5 + 6·6)/(8 + 6) = 10·112/14 = 80.
    assert csi.index == pytest.approx(80.0)
    assert csi.n == 2


def test_csi_without_importance_is_none_not_a_crash() -> None:
    csi = study_csi([_iv(1, "Ann", ratings=(RatingItem("x", 7, None),))])
    assert csi.index is None and csi.aspects[0].satisfaction == 7.0
    assert study_csi([]).index is None and study_csi([]).n == 0
