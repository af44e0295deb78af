"""SubRip (SRT) subtitles, multi-language "[rus] ... [eng] ..." files, and SRTs without timings."""

from __future__ import annotations

import re

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers.cues import RawCue, cue_turns
from jtbd_studio.importers.layout import Line
from jtbd_studio.importers.model import ImportedNote, Parsed
from jtbd_studio.importers.vtt import parse_timing

_INDEX = re.compile(r"^\d{1,7}$")
_COMMENT = re.compile(r"^\[\*\]\s?(?P<text>.*)$")


def looks_like_srt(lines: list[Line]) -> bool:
    """A cue timing line near the top, or numbered blocks that lost their timings."""
    head = [text.strip() for _, text in lines[:400] if text.strip()]
    if any("-->" in text for text in head[:60]):
        return True
    return _untimed_blocks(lines) >= 2


def _untimed_blocks(lines: list[Line]) -> int:
    """Count blocks "n / text" numbered 1, 2, 3 ... with the index right above the text."""
    expected, found = 1, 0
    previous_blank = True
    for i, (_, text) in enumerate(lines[:-1]):
        stripped = text.strip()
        if previous_blank and stripped == str(expected) and lines[i + 1][1].strip():
            expected, found = expected + 1, found + 1
        previous_blank = not stripped
    return found


def parse_srt(lines: list[Line], path: str, *, language: str | None = None) -> Parsed:
    """Turns of an SRT file; notes for its "[*]" comment lines."""
    timed = any("-->" in text for _, text in lines)
    cues: list[RawCue] = []
    notes: list[ImportedNote] = []
    index = 0
    while index < len(lines):
        no, text = lines[index]
        stripped = text.strip().lstrip("\ufeff")
        if not stripped:
            index += 1
            continue
        comment = _COMMENT.match(stripped)
        if comment and not cues:
            if comment.group("text").strip():
                notes.append(ImportedNote(None, None, comment.group("text").strip(), no))
            index += 1
            continue
        end, cue = _read_cue(lines, index, path, timed=timed)
        if cue is not None:
            cues.append(cue)
        elif cues:
            # A cue's text broken by a blank line: the stray lines continue that cue.
            cues[-1].lines.extend(text for _, text in lines[index:end])
        else:
            raise ImportFormatError(path, f"text before the first cue: {stripped[:40]!r}", line=no)
        index = end
    if not cues:
        raise ImportFormatError(path, "SRT file has no cues")
    return Parsed("srt", cue_turns(cues, language=language), notes)


def _read_cue(
    lines: list[Line], index: int, path: str, *, timed: bool
) -> tuple[int, RawCue | None]:
    no, text = lines[index]
    stripped = text.strip().lstrip("\ufeff")
    timing = parse_timing(stripped, no, path)
    if timing is not None:
        index += 1
    elif _INDEX.match(stripped):
        index += 1
        if timed:
            following = lines[index] if index < len(lines) else (no + 1, "")
            timing = parse_timing(following[1], following[0], path)
            if timing is None:
                raise ImportFormatError(
                    path, "cue number without a timing line below it", line=following[0]
                )
            no, index = following[0], index + 1
    elif timed:
        while index < len(lines) and lines[index][1].strip():
            index += 1
        return index, None
    body: list[str] = []
    while index < len(lines):
        line_no, line = lines[index]
        if not line.strip() or parse_timing(line, line_no, path) or _next_cue(lines, index, path):
            break
        body.append(line)
        index += 1
    start, end = timing if timing else (None, None)
    return index, RawCue(start, end, no, body)


def _next_cue(lines: list[Line], index: int, path: str) -> bool:
    """A cue number directly followed by a timing line: a cue that lost its blank line."""
    if not _INDEX.match(lines[index][1].strip()) or index + 1 >= len(lines):
        return False
    no, following = lines[index + 1]
    return parse_timing(following, no, path) is not None
