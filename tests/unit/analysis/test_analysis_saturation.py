"""Saturation (Guest, Namey & Chen 2020) on constructed sequences whose answer is known."""

from __future__ import annotations

import pytest

from jtbd_studio.analysis import (
    ExtractionItem,
    InterviewItem,
    SaturationSettings,
    saturation,
    study_saturation,
    theme_source,
)
from jtbd_studio.errors import UsageError

# Base (interviews 1–4) holds a…f = 6 themes. Interview 5 brings g; 6 and 7 bring nothing new.
SEQUENCE = [{"a", "b", "c"}, {"b", "d"}, {"a", "e"}, {"f"}, {"a", "g"}, {"b"}, {"c"}]


def test_the_curve_and_the_runs() -> None:
    result = saturation(SEQUENCE)
    assert result.new_per_interview == (3, 1, 1, 1, 1, 0, 0)
    assert result.cumulative == (3, 4, 5, 6, 7, 7, 7)
    assert result.base_themes == 6
    # Runs of 2 advance one interview at a time: 5–6 brings g (1/6), 6–7 brings nothing.
    assert [(r.first, r.last, r.new) for r in result.runs] == [(5, 6, 1), (6, 7, 0)]
    assert result.runs[0].ratio == pytest.approx(1 / 6)
    assert result.confirming_run == result.runs[1]
    assert result.reached_at == 5  # the last interview before the confirming run


def test_report_at_the_end_of_the_run() -> None:
    result = saturation(SEQUENCE, SaturationSettings(report_at="run_end"))
    assert result.reached_at == 7


def test_a_looser_threshold_is_reached_earlier() -> None:
    result = saturation(SEQUENCE, SaturationSettings(threshold=0.2))
    assert (result.confirming_run.first, result.reached_at) == (5, 4)  # 1/6 ≤ 20 %


def test_a_threshold_of_exactly_the_ratio_counts_as_reached() -> None:
    # 1/6 new, threshold 1/6: "at or below" the threshold is saturation.
    assert saturation(SEQUENCE, SaturationSettings(threshold=1 / 6)).reached_at == 4


def test_not_reached_when_every_run_brings_news() -> None:
    themes = [{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}]
    result = saturation(themes)
    assert result.reached_at is None and len(result.runs) == 2
    assert all(r.ratio == pytest.approx(2 / 4) for r in result.runs)


def test_too_few_interviews_and_an_empty_base() -> None:
    short = saturation(SEQUENCE[:5])
    assert short.runs == () and short.reached_at is None and short.needed == 6
    empty = saturation([set()] * 8)
    assert empty.base_themes == 0 and empty.runs == () and empty.reached_at is None
    assert saturation([]).cumulative == ()


@pytest.mark.parametrize("bad", [SaturationSettings(base=0), SaturationSettings(run=0),
                                 SaturationSettings(threshold=1.5),
                                 SaturationSettings(threshold=-0.1),
                                 SaturationSettings(report_at="sometime")])
def test_bad_settings_are_a_user_error(bad: SaturationSettings) -> None:
    with pytest.raises(UsageError):
        saturation(SEQUENCE, bad)


def _iv(n: int, extractions=(), codes=()) -> InterviewItem:  # type: ignore[no-untyped-def]
    return InterviewItem(id=n, participant=f"p{n}", segment="A", status="active",
                         key_client=False, script_key=None, language="en", when=None,
                         extractions=tuple(extractions), codes=tuple(codes))


def _x(kind: str, key: str, status: str = "accepted") -> ExtractionItem:
    return ExtractionItem(kind, key, key, None, status, "onboarding")


def test_themes_come_from_codes_when_there_are_any() -> None:
    interviews = [_iv(1, [_x("friction", "slow")], codes=["price"]), _iv(2, [_x("job", "grow")])]
    assert theme_source(interviews) == "codes"
    result = study_saturation(interviews, SaturationSettings(base=1, run=1), "codes")
    assert result.cumulative == (1, 1)


def test_themes_from_extraction_keys_accepted_or_also_suggested() -> None:
    interviews = [_iv(1, [_x("friction", "slow"), _x("phrase", "ignored")]),
                  _iv(2, [_x("competitor", "hubspot", "suggested"), _x("friction", "slow")])]
    assert theme_source(interviews) == "accepted+suggested"
    both = study_saturation(interviews, SaturationSettings(), "accepted+suggested")
    assert both.new_per_interview == (1, 1)  # phrase is not a theme kind
    accepted = study_saturation(interviews, SaturationSettings(), theme_source(interviews, False))
    assert accepted.source == "accepted" and accepted.new_per_interview == (1, 0)
