"""The analysis engine: NPS/CSI, journey map, saturation, churn drivers over plain records.

Pure functions over `jtbd_studio.analysis.data`; `load.load_study_data` is the one reader of
the tables. Nothing here imports a UI toolkit or spaCy.
"""

from __future__ import annotations

from jtbd_studio.analysis.churn import ChurnDriver, ChurnDrivers, churn_drivers
from jtbd_studio.analysis.data import (
    UNSEGMENTED,
    CompetitorName,
    ExtractionItem,
    InterviewItem,
    NoteItem,
    RatingItem,
    StudyData,
    TagItem,
)
from jtbd_studio.analysis.journey import (
    SUGGESTED_WEIGHT,
    Counted,
    EmotionPoint,
    JourneyMap,
    StageCell,
    journey_columns,
    journey_map,
)
from jtbd_studio.analysis.metrics import (
    AspectScore,
    Csi,
    Nps,
    NpsAnswer,
    aspect_scores,
    csi_index,
    nps,
    nps_answers,
    nps_category,
    study_csi,
    study_nps,
)
from jtbd_studio.analysis.report import (
    OVERALL,
    GroupReport,
    StudyReport,
    build_report,
    parse_segments,
)
from jtbd_studio.analysis.saturation import (
    Run,
    Saturation,
    SaturationSettings,
    saturation,
    study_saturation,
    theme_source,
)

__all__ = [
    "OVERALL", "SUGGESTED_WEIGHT", "UNSEGMENTED", "AspectScore", "ChurnDriver", "ChurnDrivers",
    "CompetitorName", "Counted", "Csi", "EmotionPoint", "ExtractionItem", "GroupReport",
    "InterviewItem", "JourneyMap", "NoteItem", "Nps", "NpsAnswer", "RatingItem", "Run",
    "Saturation", "SaturationSettings", "StageCell", "StudyData", "StudyReport", "TagItem",
    "aspect_scores", "build_report", "churn_drivers", "csi_index", "journey_columns",
    "journey_map", "nps", "nps_answers", "nps_category", "parse_segments", "saturation",
    "study_csi", "study_nps", "study_saturation", "theme_source",
]
