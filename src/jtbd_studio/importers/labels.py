"""Speaker labels ("Name: text", "[00:01:02] **Name:** text") told apart from prose with a colon."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from jtbd_studio.importers.timecode import TIMESTAMP, to_ms

_LEAD_TIME = re.compile(rf"^[\[(]?(?P<t>{TIMESTAMP})[\])]?\s+")
_BOLD = re.compile(r"^(?P<m>\*\*|__)(?P<name>[^*_:]{1,60}?)(?::(?P=m)|(?P=m)\s*:)(?:\s+|$)")
_PLAIN = re.compile(
    rf"^(?P<name>[^:\[\]()*]{{1,60}}?(?:\s*\([^():]{{1,30}}\))?)"
    rf"(?:\s*[\[(](?P<t>{TIMESTAMP})[\])])?\s*:(?:\s+|$)"
)
_OTTER_HEADER = re.compile(
    rf"^(?P<name>[^:\[\]()]{{1,60}}?)\s+[\[(]?(?P<t>{TIMESTAMP})[\])]?:?\s*$"
)
_TOKEN = re.compile(r"^[\w.'’-]+$")
_CONNECTORS = frozenset(
    [
        "de",
        "da",
        "di",
        "du",
        "del",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "и",
        "из",
    ]
)
# Words that open ordinary prose with a colon ("Note: we ...", "Итог: ...") and are never a
# speaker, even when they recur.
_NOT_SPEAKERS = frozenset(
    [
        "note",
        "notes",
        "nb",
        "ps",
        "p.s",
        "todo",
        "update",
        "summary",
        "conclusion",
        "result",
        "results",
        "example",
        "examples",
        "warning",
        "important",
        "tip",
        "tips",
        "date",
        "time",
        "subject",
        "from",
        "to",
        "re",
        "cc",
        "agenda",
        "action",
        "actions",
        "decision",
        "decisions",
        "next",
        "steps",
        "next",
        "step",
        "question",
        "answer",
        "source",
        "sources",
        "link",
        "links",
        "url",
        "итог",
        "итоги",
        "итого",
        "вывод",
        "выводы",
        "примечание",
        "важно",
        "пример",
        "примеры",
        "дата",
        "время",
        "тема",
        "результат",
        "результаты",
        "задача",
        "задачи",
        "цель",
        "цели",
        "проблема",
        "проблемы",
        "решение",
        "решения",
        "источник",
        "ссылка",
        "upd",
        "p.p.s",
    ]
)


@dataclass(frozen=True)
class Label:
    """A speaker label found at the start of a line."""

    speaker: str
    rest: str
    time_ms: int | None
    strong: bool
    """Every word capitalised (or a connector): looks like a name, not a phrase."""


def parse_label(line: str) -> Label | None:
    """The speaker label that opens `line`, if its shape is that of a name or a role."""
    text = line.strip()
    time_ms = None
    lead = _LEAD_TIME.match(text)
    if lead:
        time_ms = to_ms(lead.group("t"))
        text = text[lead.end() :]
    match = _BOLD.match(text) or _PLAIN.match(text)
    if match is None:
        return None
    name = " ".join(match.group("name").split())
    shape = name_shape(name)
    if shape is None:
        return None
    stamp = match.groupdict().get("t")
    if stamp and time_ms is None:
        time_ms = to_ms(stamp)
    rest = text[match.end() :].strip()
    return Label(name, rest, time_ms, shape == "strong")


def parse_otter_header(line: str) -> Label | None:
    """An Otter-style header line: the speaker and a time, the words on the lines below."""
    match = _OTTER_HEADER.match(line.strip())
    if match is None:
        return None
    name = " ".join(match.group("name").split())
    shape = name_shape(name)
    time_ms = to_ms(match.group("t"))
    if shape is None or time_ms is None:
        return None
    return Label(name, "", time_ms, shape == "strong")


@lru_cache(maxsize=4096)  # a transcript repeats a handful of names thousands of times
def name_shape(name: str) -> str | None:
    """ "strong" for a name ("Dr. Melissa Ko", "Speaker 2"), "weak" for a role phrase
    ("Один из купцов"), None for anything else."""
    core = re.sub(r"\s*\([^()]*\)$", "", name)
    tokens = core.split()
    if not 1 <= len(tokens) <= 5 or len(name) > 50 or not core[:1].isupper():
        return None
    if core.casefold().rstrip(".") in _NOT_SPEAKERS or tokens[0].casefold() in _NOT_SPEAKERS:
        return None
    if not all(_TOKEN.match(tok) and len(tok) <= 25 for tok in tokens):
        return None
    if not any(ch.isalpha() for ch in core) or tokens[-1].endswith(("-", "'")):
        return None
    lowercase = [t for t in tokens[1:] if t[:1].islower() and t.casefold() not in _CONNECTORS]
    if len(lowercase) > 2:
        return None
    return "weak" if lowercase else "strong"


@dataclass(frozen=True)
class LabelScheme:
    """Which labels of one file are speakers: decided over the whole file, not line by line."""

    speakers: frozenset[str]
    labelled: bool

    def accept(self, label: Label | None) -> Label | None:
        return label if label is not None and label.speaker in self.speakers else None


def decide_labels(candidates: Sequence[Label | None], *, line_mode: bool) -> LabelScheme:
    """Accept labels that recur; once the file is clearly labelled, also one-off names.

    `candidates` holds the label (or None) at each unit start: each paragraph's first line,
    each line in line mode, each cue. Prose with a colon ("Итог: ...") rarely recurs and rarely
    opens a fifth of the paragraphs, so it stays text.
    """
    units = len(candidates)
    found = [c for c in candidates if c is not None]
    counts = Counter(c.speaker for c in found)
    strong_recurring = sum(1 for c in found if c.strong and counts[c.speaker] >= 2)
    strong_any = sum(1 for c in found if c.strong)
    labelled = (strong_recurring >= 2 and strong_recurring >= 0.2 * units) or (
        strong_any >= 2 and strong_any >= 0.8 * units
    )
    if not labelled:
        return LabelScheme(frozenset(), False)
    speakers = {c.speaker for c in found if counts[c.speaker] >= 2 or c.strong or line_mode}
    return LabelScheme(frozenset(speakers), True)
