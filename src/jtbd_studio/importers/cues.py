"""From subtitle cues (VTT, SRT) to turns: tags, voices, languages, rolling captions, merging."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jtbd_studio.importers.labels import decide_labels, parse_label
from jtbd_studio.importers.model import ImportedTurn

_VOICE = re.compile(r"<v(?:\.[\w.-]+)*[ \t]+([^>]+)>")
_TAG = re.compile(r"</?[A-Za-z0-9][^<>]*>")
_ASS_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_LANGUAGE_TAG = re.compile(r"^\[(?P<lang>[a-z]{2,3})\]\s?(?P<text>.*)$")
_WORD = re.compile(r"\w+")
_ROLLING_GAP_MS = 1000
# ISO 639-1 codes a caller may give, as the 639-2 tags multi-language subtitle files use.
_LANGUAGE_ALIASES = {"ru": "rus", "en": "eng", "de": "deu", "fr": "fra", "es": "spa", "eo": "epo"}


@dataclass
class RawCue:
    """One cue as read from the file: times, the line of its timing, its raw text lines."""

    start_ms: int | None
    end_ms: int | None
    line: int
    lines: list[str]
    marker: str | None = None


@dataclass
class _Cue:
    speaker: str | None
    lines: list[str]
    start_ms: int | None
    end_ms: int | None
    line: int
    marker: str | None
    words: list[str] = field(default_factory=list)


def cue_turns(raw: Sequence[RawCue], *, language: str | None = None) -> list[ImportedTurn]:
    """Turns from cues: clean text, speakers, one language, no rolling duplicates, merged."""
    voices = [_voice(cue.lines) for cue in raw]
    cleaned = [[line for line in map(_clean, cue.lines) if line] for cue in raw]
    cleaned = _one_language(cleaned, language)
    cues = _with_speakers(raw, voices, cleaned)
    return [_to_turn(cue) for cue in _merge(_drop_rolling(cues))]


def _voice(lines: list[str]) -> str | None:
    for line in lines:
        match = _VOICE.search(line)
        if match:
            return " ".join(match.group(1).split()) or None
    return None


def _clean(line: str) -> str:
    line = _ASS_OVERRIDE.sub("", _TAG.sub("", line))
    return " ".join(html.unescape(line).split())


def _one_language(cues: list[list[str]], language: str | None) -> list[list[str]]:
    """Keep one language of multi-language subtitles ("[rus] ..." / "[eng] ..." lines).

    When a cue also has untagged lines, the tagged ones are leftovers of another language
    (a half-converted file) and are dropped; otherwise the wanted language is kept, by default
    the first one the file uses.
    """
    tagged_cues = sum(1 for lines in cues if any(_LANGUAGE_TAG.match(x) for x in lines))
    if tagged_cues == 0 or tagged_cues < 0.5 * len(cues):
        return cues
    leftovers = any(
        any(_LANGUAGE_TAG.match(x) for x in lines)
        and not all(_LANGUAGE_TAG.match(x) for x in lines)
        for lines in cues
    )
    if leftovers:
        return [[x for x in lines if not _LANGUAGE_TAG.match(x)] for lines in cues]
    seen = [m.group("lang") for lines in cues for x in lines if (m := _LANGUAGE_TAG.match(x))]
    wanted = _LANGUAGE_ALIASES.get(language or "", language)
    keep = wanted if wanted in seen else seen[0]
    return [
        [
            m.group("text").strip()
            for x in lines
            if (m := _LANGUAGE_TAG.match(x)) and m.group("lang") == keep
        ]
        for lines in cues
    ]


def _with_speakers(
    raw: Sequence[RawCue], voices: list[str | None], cleaned: list[list[str]]
) -> list[_Cue]:
    labels = [
        parse_label(lines[0]) if lines and voice is None else None
        for lines, voice in zip(cleaned, voices, strict=True)
    ]
    scheme = decide_labels(labels, line_mode=True)
    cues = []
    for cue, voice, lines, label in zip(raw, voices, cleaned, labels, strict=True):
        speaker = voice
        accepted = scheme.accept(label)
        if accepted is not None:
            speaker = accepted.speaker
            lines = ([accepted.rest] if accepted.rest else []) + lines[1:]
        cues.append(_Cue(speaker, lines, cue.start_ms, cue.end_ms, cue.line, cue.marker))
    return cues


def _drop_rolling(cues: list[_Cue]) -> list[_Cue]:
    """Remove what live and auto captions repeat: lines carried into the next cue, and a cue
    the next one rewrites ("It looks like a number of steps ..." then the same, corrected)."""
    kept: list[_Cue] = []
    for cue in cues:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and cue.speaker is None
            and previous.speaker is None
            and _adjacent(previous, cue)
        ):
            overlap = _overlap(previous.lines, cue.lines)
            cue.lines = cue.lines[overlap:]
            if not cue.lines:
                previous.end_ms = _later(previous.end_ms, cue.end_ms)
                continue
            cue.words = _WORD.findall(" ".join(cue.lines).lower())
            if _revises(previous.words, cue.words):
                kept.pop()
                cue.start_ms, cue.line = previous.start_ms, previous.line
                cue.marker = previous.marker or cue.marker
        if not cue.lines:
            continue
        if cue.speaker is None and not cue.words:
            cue.words = _WORD.findall(" ".join(cue.lines).lower())
        kept.append(cue)
    return kept


def _adjacent(previous: _Cue, cue: _Cue) -> bool:
    if previous.end_ms is None or cue.start_ms is None:
        return previous.end_ms is None and cue.start_ms is None
    return cue.start_ms - previous.end_ms <= _ROLLING_GAP_MS


def _overlap(before: list[str], after: list[str]) -> int:
    for size in range(min(len(before), len(after)), 0, -1):
        if before[-size:] == after[:size]:
            return size
    return 0


def _revises(before: list[str], after: list[str]) -> bool:
    if not before:
        return False
    common = 0
    for a, b in zip(before, after, strict=False):
        if a != b:
            break
        common += 1
    return common == len(before) or (common >= 5 and common >= 0.6 * len(before))


def _later(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _merge(cues: list[_Cue]) -> list[_Cue]:
    """One turn per run of cues of one named speaker (the first start, the last end)."""
    merged: list[_Cue] = []
    for cue in cues:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and cue.speaker is not None
            and cue.speaker == previous.speaker
            and cue.marker is None
        ):
            previous.lines.extend(cue.lines)
            previous.end_ms = _later(previous.end_ms, cue.end_ms)
            continue
        merged.append(cue)
    return merged


def _to_turn(cue: _Cue) -> ImportedTurn:
    pieces: list[str] = []
    for line in cue.lines:
        # Dialogue dashes ("- Ta en kopp") start a new speaker inside one cue: keep the break.
        if pieces:
            pieces.append("\n" if line.startswith(("- ", "– ", "— ")) else " ")
        pieces.append(line)
    return ImportedTurn(
        cue.speaker, "".join(pieces), cue.start_ms, cue.end_ms, cue.line, cue.marker
    )
