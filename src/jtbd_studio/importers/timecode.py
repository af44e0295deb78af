"""Timestamps of every transcript format ("01:02:03.450", "0:0:0.21", "02:03,4", "1:02") to ms."""

from __future__ import annotations

import re

# Hours are optional (WebVTT allows "mm:ss.ttt") and may exceed 99 (HLS streams); fields may be
# unpadded ("0:0:0.210", old Teams exports); the fraction may use a comma (SRT).
TIMESTAMP = r"(?:\d{1,6}:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
_PARTS = re.compile(r"(?:(\d{1,6}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?")


def to_ms(stamp: str, *, cue: bool = False) -> int | None:
    """Milliseconds of a timestamp, or None when it is not one (minutes or seconds over 59).

    A `cue` timing (VTT, SRT) must have its fraction: "00:0" is a line cut short, not 0 ms.
    """
    match = _PARTS.fullmatch(stamp.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if cue and not fraction:
        return None
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis
