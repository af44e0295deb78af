"""WebVTT: Zoom, Teams, YouTube and HLS captions, with NOTE/STYLE/REGION blocks and cue settings."""

from __future__ import annotations

import re

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers.cues import RawCue, cue_turns
from jtbd_studio.importers.layout import Line
from jtbd_studio.importers.model import Parsed
from jtbd_studio.importers.timecode import to_ms

_TIMING = re.compile(r"^(?P<start>\S+)[ \t]+-->[ \t]+(?P<end>\S+)(?:[ \t]+.*)?$")
_BROKEN_TIMING = re.compile(r"^\d+:[\d:.,]*(?:\s.*)?$")
_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_STAGE_NOTE = re.compile(r"^NOTE[ \t]+(?:stage|этап|стадия)\s*:\s*(?P<m>.+)$", re.IGNORECASE)


def is_vtt(lines: list[Line]) -> bool:
    first = next((text for _, text in lines if text.strip()), "")
    return first.lstrip("\ufeff").startswith("WEBVTT")


def parse_timing(text: str, no: int, path: str) -> tuple[int, int] | None:
    """(start, end) in ms of a cue timing line; None for a line without "-->"; else an error."""
    if "-->" not in text:
        return None
    match = _TIMING.match(text.strip())
    start = to_ms(match.group("start"), cue=True) if match else None
    end = to_ms(match.group("end"), cue=True) if match else None
    if start is None or end is None:
        raise ImportFormatError(path, f"invalid cue timing {text.strip()[:60]!r}", line=no)
    if end < start:
        raise ImportFormatError(path, "cue ends before it starts", line=no)
    return start, end


def parse_vtt(lines: list[Line], path: str, *, language: str | None = None) -> Parsed:
    """Turns of a WebVTT file; ImportFormatError names the line of a broken timing."""
    index = _skip_header(lines)
    cues: list[RawCue] = []
    marker: str | None = None
    while index < len(lines):
        _no, text = lines[index]
        stripped = text.strip()
        if not stripped:
            index += 1
        elif _BLOCK.match(stripped) and "-->" not in stripped:
            stage = _STAGE_NOTE.match(stripped)
            marker = stage.group("m").strip() if stage else marker
            index = _skip_block(lines, index)
        else:
            index, cue = _read_cue(lines, index, path)
            if cue is None:
                _orphan_text(cues, lines, index, path)
                index = _skip_block(lines, index)
                continue
            cue.marker, marker = marker, None
            cues.append(cue)
    if not cues:
        raise ImportFormatError(path, "WebVTT file has no cues (header only?)")
    return Parsed("vtt", cue_turns(cues, language=language))


def _skip_header(lines: list[Line]) -> int:
    """Index after the WEBVTT line and its header block (Kind:, Language:, X-TIMESTAMP-MAP ...)."""
    index = next(i for i, (_, text) in enumerate(lines) if text.strip())
    index += 1
    while index < len(lines) and lines[index][1].strip() and "-->" not in lines[index][1]:
        index += 1
    return index


def _skip_block(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index][1].strip():
        index += 1
    return index


def _read_cue(lines: list[Line], index: int, path: str) -> tuple[int, RawCue | None]:
    """Read an optional identifier, the timing line and the text; (index, None) if no timing."""
    no, text = lines[index]
    timing = parse_timing(text, no, path)
    if timing is None:
        if index + 1 < len(lines):
            timing = parse_timing(lines[index + 1][1], lines[index + 1][0], path)
        if timing is None:
            if _BROKEN_TIMING.match(text.strip()) and not text.strip().isdigit():
                raise ImportFormatError(
                    path, f"incomplete cue timing {text.strip()[:60]!r}", line=no
                )
            return index, None
        index += 1
        no = lines[index][0]
    index += 1
    body: list[str] = []
    while index < len(lines):
        line_no, line = lines[index]
        if not line.strip() or parse_timing(line, line_no, path) is not None:
            break
        body.append(line)
        index += 1
    return index, RawCue(timing[0], timing[1], no, body)


def _orphan_text(cues: list[RawCue], lines: list[Line], index: int, path: str) -> None:
    """Text with no timing of its own: a cue's text broken by a blank line continues it."""
    no = lines[index][0]
    if not cues:
        raise ImportFormatError(path, "text before the first cue timing line", line=no)
    end = _skip_block(lines, index)
    cues[-1].lines.extend(text for _, text in lines[index:end])
