"""NPS with its standard error and the importance-weighted CSI (METHODS §4.1, §4.3 Variant A).

One respondent is one participant: when a participant answered in several interviews, the
latest answer counts, so a weekly check-in does not multiply one client's vote.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from jtbd_studio.analysis.data import InterviewItem, RatingItem

T = TypeVar("T")

PROMOTER_MIN = 9
DETRACTOR_MAX = 6


@dataclass(frozen=True)
class Nps:
    """NPS = %promoters − %detractors on n answers; `se` in NPS points."""

    n: int
    promoters: int
    passives: int
    detractors: int
    score: float | None
    se: float | None


@dataclass(frozen=True)
class NpsAnswer:
    """One respondent's NPS answer and the reason they gave."""

    respondent: str
    segment: str | None
    score: int
    why: str | None

    @property
    def category(self) -> str:
        return nps_category(self.score)


def nps_category(score: int) -> str:
    """promoter (9–10), passive (7–8) or detractor (0–6)."""
    if score >= PROMOTER_MIN:
        return "promoter"
    return "detractor" if score <= DETRACTOR_MAX else "passive"


def nps(scores: Iterable[int]) -> Nps:
    """NPS and its standard error 100·sqrt((P + D − (P − D)²)/n); None for no answers."""
    values = list(scores)
    n = len(values)
    promoters = sum(1 for v in values if v >= PROMOTER_MIN)
    detractors = sum(1 for v in values if v <= DETRACTOR_MAX)
    if n == 0:
        return Nps(0, 0, 0, 0, None, None)
    p, d = promoters / n, detractors / n
    # Each answer scores +1/0/−1; this is the standard error of that mean.
    variance = max(0.0, p + d - (p - d) ** 2)
    return Nps(n, promoters, n - promoters - detractors, detractors,
               100 * (p - d), 100 * math.sqrt(variance / n))


def latest_by_respondent(interviews: Sequence[InterviewItem],
                         answer: Callable[[InterviewItem], T | None]) -> dict[str, T]:
    """Each respondent's latest non-missing answer (interviews are in chronological order)."""
    latest: dict[str, T] = {}
    for iv in interviews:
        value = answer(iv)
        if value is not None:
            latest[iv.respondent] = value
    return latest


def nps_answers(interviews: Sequence[InterviewItem]) -> list[NpsAnswer]:
    """The answers that count: one per respondent, the latest."""
    found = latest_by_respondent(interviews, lambda iv: (
        NpsAnswer(iv.respondent, iv.segment, iv.nps, iv.nps_why) if iv.nps is not None else None))
    return sorted(found.values(), key=lambda a: (-a.score, a.respondent))


def study_nps(interviews: Sequence[InterviewItem]) -> Nps:
    return nps(a.score for a in nps_answers(interviews))


@dataclass(frozen=True)
class AspectScore:
    """One CSI aspect: mean satisfaction S and importance I (1–10), gap = I − S."""

    aspect: str
    satisfaction: float | None
    importance: float | None
    n: int
    """Respondents who gave a satisfaction score for this aspect."""
    n_importance: int

    @property
    def gap(self) -> float | None:
        if self.satisfaction is None or self.importance is None:
            return None
        return self.importance - self.satisfaction


@dataclass(frozen=True)
class Csi:
    """CSI = 10·Σ wᵢ·Sᵢ with wᵢ = Iᵢ/ΣI over aspects that have both means (10…100)."""

    index: float | None
    n: int
    """Respondents with at least one rating."""
    aspects: tuple[AspectScore, ...]


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def aspect_scores(ratings: Iterable[RatingItem]) -> list[AspectScore]:
    """Per-aspect means, in the order aspects first appear."""
    by_aspect: dict[str, list[RatingItem]] = {}
    for rating in ratings:
        by_aspect.setdefault(rating.aspect, []).append(rating)
    out = []
    for aspect, items in by_aspect.items():
        scores = [r.score for r in items if r.score is not None]
        weights = [r.importance for r in items if r.importance is not None]
        out.append(AspectScore(aspect, _mean(scores), _mean(weights), len(scores), len(weights)))
    return out


def csi_index(aspects: Iterable[AspectScore]) -> float | None:
    """Variant A of METHODS §4.3; None when no aspect has both importance and satisfaction."""
    pairs = [(a.importance, a.satisfaction) for a in aspects
             if a.importance is not None and a.satisfaction is not None]
    total = sum(i for i, _ in pairs)
    if not pairs or total <= 0:
        return None
    return 10 * sum(i * s for i, s in pairs) / total


def study_csi(interviews: Sequence[InterviewItem]) -> Csi:
    """CSI over each respondent's latest rating of each aspect."""
    latest: dict[tuple[str, str], RatingItem] = {}
    for iv in interviews:
        for rating in iv.ratings:
            if rating.score is not None or rating.importance is not None:
                latest[(iv.respondent, rating.aspect)] = rating
    aspects = tuple(aspect_scores(latest.values()))
    respondents = {who for who, _ in latest}
    return Csi(csi_index(aspects), len(respondents), aspects)
