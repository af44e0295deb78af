"""The interview script and taxonomy values: immutable, bilingual, free of any file format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from jtbd_studio.errors import NotFoundError

FALLBACK_LANGUAGE = "en"
_EMPTY: Mapping[str, str] = MappingProxyType({})


def pick_text(texts: Mapping[str, str], lang: str) -> str:
    """The text in `lang`; else in English; else in any language given; else ""."""
    for candidate in (lang, lang.split("_")[0].split("-")[0].lower(), FALLBACK_LANGUAGE):
        if texts.get(candidate):
            return texts[candidate]
    return next((text for text in texts.values() if text), "")


@dataclass(frozen=True)
class Prompt:
    """One question or line the interviewer may say; `kind` is consent|open|probe|scale|closing."""

    kind: str
    text: Mapping[str, str]


@dataclass(frozen=True)
class Stage:
    """One stage of a script: what to learn, what to ask, how long it may take."""

    id: str
    title: Mapping[str, str]
    goal: Mapping[str, str]
    prompts: tuple[Prompt, ...]
    minutes: float
    cjm_stage: str
    jtbd_phase: str | None = None
    metric: str | None = None
    """"nps" or "csi" where the stage is the one that asks for that metric."""


@dataclass(frozen=True)
class CsiAspect:
    """One aspect the client rates for satisfaction and importance (1–10 each)."""

    id: str
    title: Mapping[str, str]


@dataclass(frozen=True)
class Script:
    """An interview guide: ordered stages with a time budget, in one or more languages."""

    key: str
    title: Mapping[str, str]
    description: Mapping[str, str]
    kind: str
    languages: tuple[str, ...]
    duration_min: float
    asks_nps: bool
    csi_aspects: tuple[CsiAspect, ...]
    stages: tuple[Stage, ...]
    source: Path
    guidance: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    """Advice to the interviewer for the whole conversation."""

    def stage(self, stage_id: str) -> Stage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        known = ", ".join(s.id for s in self.stages)
        raise NotFoundError(f"script {self.key!r} has no stage {stage_id!r}; its stages: {known}")

    def stage_index(self, stage_id: str) -> int:
        return self.stages.index(self.stage(stage_id))

    @staticmethod
    def text(mapping: Mapping[str, str], lang: str) -> str:
        """The text in `lang`, falling back to another language the mapping has."""
        return pick_text(mapping, lang)

    def stage_budgets(self, session_min: float | None = None) -> dict[str, float]:
        """Minutes per stage id, scaled in proportion when the session is longer or shorter."""
        planned = sum(s.minutes for s in self.stages)
        scale = (session_min / planned) if session_min else 1.0
        return {s.id: round(s.minutes * scale, 1) for s in self.stages}


@dataclass(frozen=True)
class EmotionLabel:
    """A label the interviewer picks with one digit key; valence −2..+2, arousal low|mid|high."""

    key: str
    id: str
    title: Mapping[str, str]
    valence: int
    arousal: str


@dataclass(frozen=True)
class NoteKind:
    """A kind of live note, its one-key shortcut in both layouts and the CJM lane it feeds."""

    id: str
    title: Mapping[str, str]
    keys: tuple[str, ...]
    lane: str
    extraction_kind: str | None = None
    """The DESIGN.md extraction kind the note is evidence of (phrase, friction, force …)."""
    force: str | None = None
    """push|pull|anxiety|habit for force notes."""


@dataclass(frozen=True)
class Term:
    """An entry of a small vocabulary (CJM stage or lane, Switch phase, prompt kind …)."""

    id: str
    title: Mapping[str, str]
    extra: Mapping[str, object] = field(default_factory=lambda: _EMPTY)
