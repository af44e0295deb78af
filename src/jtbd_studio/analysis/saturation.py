"""Thematic saturation by the method of Guest, Namey & Chen (2020), PLoS ONE 15(5): e0232076.

Interviews in chronological order. The first `base` interviews give the base: its unique themes
are the denominator. A run is `run` consecutive interviews after the base; its new themes are
those seen in no earlier interview. Runs advance one interview at a time; the first run whose
new-information ratio (new themes in the run / unique themes in the base) is at or below the
threshold confirms saturation. The paper reports "saturation at n interviews (base b, run r,
threshold t)"; whether n is the last interview before the confirming run or the last one in it
is the `report_at` setting (both are shown in the report).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jtbd_studio.analysis.data import InterviewItem
from jtbd_studio.errors import UsageError

THEME_KINDS = ("friction", "job", "force", "competitor")
REPORT_AT = ("before_run", "run_end")
SOURCE_CODES = "codes"
SOURCE_ACCEPTED = "accepted"
SOURCE_SUGGESTED = "accepted+suggested"


@dataclass(frozen=True)
class SaturationSettings:
    """Base size b, run length r, new-information threshold t (a fraction, 0.05 = 5 %)."""

    base: int = 4
    run: int = 2
    threshold: float = 0.05
    report_at: str = "before_run"

    def check(self) -> SaturationSettings:
        if self.base < 1 or self.run < 1:
            raise UsageError(f"saturation base ({self.base}) and run ({self.run}) must be ≥ 1")
        if not 0 <= self.threshold < 1:
            raise UsageError(f"saturation threshold {self.threshold}: must be from 0 to below 1 "
                             "(0.05 = 5 %)")
        if self.report_at not in REPORT_AT:
            raise UsageError(f"report_at {self.report_at!r}: must be one of {', '.join(REPORT_AT)}")
        return self


@dataclass(frozen=True)
class Run:
    """Interviews first..last (1-based, inclusive) and what was new in them."""

    first: int
    last: int
    new: int
    ratio: float


@dataclass(frozen=True)
class Saturation:
    """The curve, the runs and the verdict for one ordered list of interviews."""

    settings: SaturationSettings
    source: str
    interviews: int
    base_themes: int
    new_per_interview: tuple[int, ...]
    cumulative: tuple[int, ...]
    runs: tuple[Run, ...]
    confirming_run: Run | None

    @property
    def reached_at(self) -> int | None:
        """n of "saturation at n interviews", or None when not reached."""
        run = self.confirming_run
        if run is None:
            return None
        return run.first - 1 if self.settings.report_at == "before_run" else run.last

    @property
    def needed(self) -> int:
        """Interviews needed before any run can be judged (b + r)."""
        return self.settings.base + self.settings.run


def saturation(theme_sets: Sequence[Iterable[str]], settings: SaturationSettings | None = None,
               *, source: str = SOURCE_CODES) -> Saturation:
    """Apply the method to the themes of each interview, in the order given."""
    cfg = (settings or SaturationSettings()).check()
    themes = [set(s) for s in theme_sets]
    seen: set[str] = set()
    new_each, cumulative = [], []
    for found in themes:
        new_each.append(len(found - seen))
        seen |= found
        cumulative.append(len(seen))
    base = len(set().union(*themes[: cfg.base])) if len(themes) >= cfg.base else 0
    runs = []
    if base:
        for first in range(cfg.base + 1, len(themes) - cfg.run + 2):
            before = set().union(*themes[: first - 1])
            in_run = set().union(*themes[first - 1: first - 1 + cfg.run])
            new = len(in_run - before)
            runs.append(Run(first, first + cfg.run - 1, new, new / base))
    confirming = next((r for r in runs if r.ratio <= cfg.threshold + 1e-12), None)
    return Saturation(cfg, source, len(themes), base, tuple(new_each), tuple(cumulative),
                      tuple(runs), confirming)


def theme_source(interviews: Sequence[InterviewItem], include_suggested: bool = True) -> str:
    """Codes when any interview is coded; else extraction keys (accepted, or with suggested)."""
    if any(iv.codes for iv in interviews):
        return SOURCE_CODES
    return SOURCE_SUGGESTED if include_suggested else SOURCE_ACCEPTED


def interview_themes(iv: InterviewItem, source: str) -> set[str]:
    """The themes one interview contributes under the chosen source."""
    if source == SOURCE_CODES:
        return set(iv.codes)
    statuses = {"accepted", "suggested"} if source == SOURCE_SUGGESTED else {"accepted"}
    return {f"{x.kind}:{x.theme}" for x in iv.extractions
            if x.kind in THEME_KINDS and x.status in statuses}


def study_saturation(interviews: Sequence[InterviewItem], settings: SaturationSettings,
                     source: str) -> Saturation:
    """Saturation over these interviews (chronological), themes taken from `source`."""
    return saturation([interview_themes(iv, source) for iv in interviews], settings,
                      source=source)
