"""Plain, frozen records the analysis works on: a study as the loader hands it over.

Nothing here knows the database or the script files. Stage ids are kept as the interview's
script named them, next to the CJM column the loader resolved for each (None = no column).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

UNSEGMENTED = "-"
"""The group key of participants with no ABCD segment (and interviews with no participant)."""

_NO_TITLES: Mapping[str, Mapping[str, str]] = MappingProxyType({})


@dataclass(frozen=True)
class NoteItem:
    """A live note: its kind (note_kinds.toml id), text and CJM column."""

    kind: str
    text: str
    cjm_stage: str | None
    force: str | None = None
    """push|pull|anxiety|habit for force notes."""


@dataclass(frozen=True)
class TagItem:
    """An emotion tag on one script stage: valence −2..+2 and who set it."""

    cjm_stage: str | None
    valence: int
    label: str | None = None
    source: str = "interviewer"


@dataclass(frozen=True)
class RatingItem:
    """One CSI answer: satisfaction and importance on 1–10 (either may be missing)."""

    aspect: str
    score: int | None
    importance: int | None


@dataclass(frozen=True)
class ExtractionItem:
    """A non-rejected extraction (status suggested or accepted) with its CJM column."""

    kind: str
    text: str
    key: str | None
    label: str | None
    status: str
    cjm_stage: str | None
    valence: int | None = None

    @property
    def theme(self) -> str:
        """What groups equal mentions: the normalized key, else the label, else the text."""
        return (self.key or self.label or " ".join(self.text.split())).casefold()


@dataclass(frozen=True)
class InterviewItem:
    """One interview with everything the analysis reads from it."""

    id: int
    participant: str | None
    segment: str | None
    status: str | None
    """The participant's status: active, churned or prospect (None without a participant)."""
    key_client: bool
    script_key: str | None
    language: str
    when: datetime | None
    nps: int | None = None
    nps_why: str | None = None
    notes: tuple[NoteItem, ...] = ()
    tags: tuple[TagItem, ...] = ()
    ratings: tuple[RatingItem, ...] = ()
    extractions: tuple[ExtractionItem, ...] = ()
    codes: tuple[str, ...] = ()
    """Names of codes applied to this interview's turns or non-rejected extractions."""

    @property
    def group(self) -> str:
        """The segment letter, or UNSEGMENTED."""
        return self.segment or UNSEGMENTED

    @property
    def respondent(self) -> str:
        """Who answered: the participant, or the interview itself when it has none."""
        return self.participant if self.participant is not None else f"#{self.id}"


@dataclass(frozen=True)
class CompetitorName:
    """A known competitor of the study and its other spellings."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class StudyData:
    """A study as the analysis sees it; interviews in chronological order."""

    name: str
    product: str | None
    language: str
    interviews: tuple[InterviewItem, ...]
    competitors: tuple[CompetitorName, ...] = ()
    csi_titles: Mapping[str, Mapping[str, str]] = field(default_factory=lambda: _NO_TITLES)
    """CSI aspect id -> {lang: title}, from the scripts the interviews used."""
    synthetic: bool = False
