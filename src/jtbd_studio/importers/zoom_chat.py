"""Zoom chat exports ("00:05:16<TAB>Name:<TAB>message", or "From Name to Everyone:"), as notes."""

from __future__ import annotations

import re

from jtbd_studio.importers.layout import Line
from jtbd_studio.importers.model import ImportedNote, Parsed
from jtbd_studio.importers.timecode import to_ms

_TAB_MESSAGE = re.compile(r"^(?P<t>\d{1,2}:\d{2}:\d{2})\t(?P<who>[^\t]*?):?\t(?P<text>.*)$")
_FROM_MESSAGE = re.compile(
    r"^(?P<t>\d{1,2}:\d{2}:\d{2})\s+From\s+(?P<who>.+?)(?:\s+to\s+.+?)?\s*:\s*(?P<text>.*)$"
)
# Zoom writes reactions into the chat as messages of their own; they are not anyone's words.
_SYSTEM = re.compile(
    r"^(?:Reacted to .+ with .+|Removed a .+ reaction from .+|Отреагировал\S* на .+)$",
    re.IGNORECASE,
)


def _message(text: str) -> re.Match[str] | None:
    return _TAB_MESSAGE.match(text) or _FROM_MESSAGE.match(text)


def is_zoom_chat(lines: list[Line]) -> bool:
    texts = [text for _, text in lines[:200] if text.strip()]
    messages = sum(1 for text in texts if _message(text))
    indented = sum(1 for text in texts if text.startswith("\t") and not _message(text))
    return messages >= 1 and messages + indented >= 0.6 * len(texts)


def parse_zoom_chat(lines: list[Line]) -> Parsed:
    """Notes (time, author, message); lines without a time continue the message above."""
    notes: list[ImportedNote] = []
    for no, raw in lines:
        text = raw.strip()
        match = _message(raw.rstrip())
        if match:
            who = match.group("who").strip() or None
            notes.append(
                ImportedNote(to_ms(match.group("t")), who, match.group("text").strip(), no)
            )
        elif text and not notes:
            notes.append(ImportedNote(None, None, text, no))
        elif text:
            last = notes[-1]
            joined = f"{last.text}\n{text}" if last.text else text
            notes[-1] = ImportedNote(last.offset_ms, last.author, joined, last.line)
    notes = [note for note in notes if note.text and not _SYSTEM.match(note.text)]
    return Parsed("zoom_chat", [], notes)
