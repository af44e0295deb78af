"""The study report as data: every figure, overall and per ABCD segment, ready to render."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from jtbd_studio.analysis.churn import ChurnDrivers, churn_drivers
from jtbd_studio.analysis.data import UNSEGMENTED, InterviewItem, StudyData
from jtbd_studio.analysis.journey import JourneyMap, journey_columns, journey_map
from jtbd_studio.analysis.metrics import Csi, Nps, NpsAnswer, nps_answers, study_csi, study_nps
from jtbd_studio.analysis.saturation import (
    Saturation,
    SaturationSettings,
    study_saturation,
    theme_source,
)
from jtbd_studio.errors import UsageError

SEGMENTS = ("A", "B", "C", "D")
OVERALL = "all"


def parse_segments(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """"A,B" (or ["A", "b"]) → ("A", "B"); None or empty → None (every segment)."""
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    letters = [p.strip().upper() for p in parts if p.strip()]
    for letter, raw in zip(letters, [p for p in parts if p.strip()], strict=True):
        if letter not in SEGMENTS:
            raise UsageError(f"segment {raw.strip()!r}: must be one of {', '.join(SEGMENTS)}")
    return tuple(dict.fromkeys(letters)) or None


@dataclass(frozen=True)
class GroupReport:
    """All figures for one group of interviews: the whole study or one segment."""

    key: str
    """OVERALL, a segment letter, or UNSEGMENTED."""
    interviews: int
    participants: int
    nps: Nps
    csi: Csi
    journey: JourneyMap
    saturation: Saturation


@dataclass(frozen=True)
class StudyReport:
    """What the Markdown and HTML reports show."""

    study: StudyData
    lang: str
    segments: tuple[str, ...] | None
    """The segment filter asked for (None = all)."""
    overall: GroupReport
    groups: tuple[GroupReport, ...]
    nps_answers: tuple[NpsAnswer, ...]
    churn: ChurnDrivers
    columns: tuple[str, ...]


def _group(key: str, interviews: Sequence[InterviewItem], data: StudyData,
           settings: SaturationSettings, source: str, columns: Sequence[str]) -> GroupReport:
    return GroupReport(
        key=key, interviews=len(interviews),
        participants=len({iv.respondent for iv in interviews}),
        nps=study_nps(interviews), csi=study_csi(interviews),
        journey=journey_map(interviews, competitors=data.competitors, columns=columns),
        saturation=study_saturation(interviews, settings, source))


def build_report(data: StudyData, *, lang: str, segments: Sequence[str] | None = None,
                 settings: SaturationSettings | None = None,
                 include_suggested: bool = True,
                 columns: Sequence[str] | None = None) -> StudyReport:
    """Compute the report; with `segments`, only those segments' interviews are in it."""
    chosen = parse_segments(segments) if segments is not None else None
    cfg = (settings or SaturationSettings()).check()
    stages = tuple(columns) if columns is not None else journey_columns()
    interviews = [iv for iv in data.interviews if chosen is None or iv.segment in chosen]
    source = theme_source(data.interviews, include_suggested)
    present = sorted({iv.group for iv in interviews}, key=lambda g: (g == UNSEGMENTED, g))
    keys = chosen if chosen is not None else tuple(present)
    groups = tuple(_group(key, [iv for iv in interviews if iv.group == key], data, cfg, source,
                          stages) for key in keys)
    return StudyReport(
        study=replace(data, interviews=tuple(interviews)), lang=lang, segments=chosen,
        overall=_group(OVERALL, interviews, data, cfg, source, stages), groups=groups,
        nps_answers=tuple(nps_answers(interviews)), churn=churn_drivers(interviews),
        columns=stages)
