"""What every importer yields: turns, notes and the transcript that holds them."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("vtt", "srt", "text", "markdown", "otter", "docx", "zoom_chat")


@dataclass(frozen=True)
class ImportedTurn:
    """One stretch of speech by one speaker, as found in the source file."""

    speaker: str | None
    """The speaker label as written; None when the source names no speaker."""
    text: str
    """Clean text: no cue tags, no inline timestamps, no page headers or paragraph numbers."""
    start_ms: int | None
    end_ms: int | None
    line: int
    """1-based line in the decoded source where the turn starts (its timing line for cues,
    its label line for text; for DOCX the paragraph number)."""
    stage_marker: str | None = None
    """An explicit stage marker that precedes the turn: a heading or "[stage: onboarding]"."""


@dataclass(frozen=True)
class ImportedNote:
    """Text that is not speech: a chat message, a stage direction, a file's preamble."""

    offset_ms: int | None
    author: str | None
    text: str
    line: int


@dataclass
class Transcript:
    """One decoded and parsed transcript file, ready to be stored."""

    path: str
    format: str
    """One of FORMATS."""
    encoding: str
    sha256: str
    """Of the raw bytes, to recognise a file imported before."""
    turns: list[ImportedTurn] = field(default_factory=list)
    notes: list[ImportedNote] = field(default_factory=list)
    has_speakers: bool = False
    """False for prose: every turn has the one unnamed speaker None."""


@dataclass
class Parsed:
    """What a format parser returns before the file-level facts are added."""

    format: str
    turns: list[ImportedTurn]
    notes: list[ImportedNote] = field(default_factory=list)
