"""Otter.ai-style exports: "Jane Doe  0:03" (speaker and time) on one line, the words below."""

from __future__ import annotations

import re
from collections import Counter

from jtbd_studio.importers.builder import TurnBuilder
from jtbd_studio.importers.labels import Label, parse_otter_header
from jtbd_studio.importers.layout import Line
from jtbd_studio.importers.model import Parsed

_FOOTER = re.compile(r"^transcribed by\s+\S*otter\.ai\S*$", re.IGNORECASE)


def otter_headers(lines: list[Line]) -> dict[int, Label]:
    """Header lines by line number, when they recur and open most paragraphs; else {}."""
    headers: dict[int, Label] = {}
    paragraphs = 0
    previous_blank = True
    for no, raw in lines:
        text = raw.strip()
        if not text:
            previous_blank = True
            continue
        if previous_blank:
            paragraphs += 1
        header = parse_otter_header(text)
        if header is not None:
            headers[no] = header
        previous_blank = False
    counts = Counter(h.speaker for h in headers.values())
    recurring = sum(n for n in counts.values() if n >= 2)
    if len(headers) < 2 or recurring < 2 or len(headers) < 0.3 * paragraphs:
        return {}
    return headers


def parse_otter(lines: list[Line], headers: dict[int, Label]) -> Parsed:
    """Turns of an Otter-style export whose `headers` were found by otter_headers()."""
    builder = TurnBuilder()
    for no, raw in lines:
        text = raw.strip()
        header = headers.get(no)
        if header is not None:
            builder.start(header.speaker, no, header.time_ms)
        elif not text:
            builder.paragraph_break()
        elif _FOOTER.match(text):
            builder.finish()
            builder.note(text, no)
        elif builder.in_turn:
            builder.add(text)
        else:
            builder.note(text, no, joinable=True)
    turns, notes = builder.close()
    return Parsed("otter", turns, notes)
