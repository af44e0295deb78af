"""Plain text and Markdown transcripts: "Name: text" lines, headings as stage markers, or prose."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from jtbd_studio.importers.builder import TurnBuilder
from jtbd_studio.importers.labels import Label, LabelScheme, decide_labels, parse_label
from jtbd_studio.importers.layout import Line, clean_layout
from jtbd_studio.importers.model import Parsed
from jtbd_studio.importers.timecode import TIMESTAMP, to_ms

_HEADING = re.compile(r"^(?:#{1,6}\s+(?P<md>.+?)(?:\s+#+)?|={2,}\s*(?P<wiki>.+?)\s*={2,})$")
_MARKER = re.compile(r"^\[\s*(?:stage|этап|стадия)\s*:\s*(?P<m>[^\]]+?)\s*\]$", re.IGNORECASE)
_TOC = re.compile(r"^(?:[-*+]|\d+[.)])\s+\[.*\]\([^)\s]*\)$")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_ANNOTATION = re.compile(r"^(?:\[[^\]]+\]|\([^()]+\))$")
_TIME_ONLY = re.compile(rf"^[\[(]?(?P<t>{TIMESTAMP})[\])]?$")
_LEAD_TIME = re.compile(rf"^[\[(]?{TIMESTAMP}[\])]?\s+")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", '"', "»", ")", "”")
_BOLD_LABEL = re.compile(r"^(?:[\[(]?[\d:.,]+[\])]?\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)")


@dataclass(frozen=True)
class _Item:
    """One classified source line."""

    no: int
    kind: str  # blank | marker | note | time | toc | text
    text: str
    label: Label | None = None
    paragraph_start: bool = False


def parse_text(lines: list[Line], *, markdown_name: bool) -> Parsed:
    """Turns of a text or Markdown transcript; prose without labels gives one turn a paragraph."""
    items = _classify(clean_layout(lines))
    markdown = (
        markdown_name
        or any(i.kind in ("toc", "heading_md") for i in items)
        or any(i.kind == "text" and _BOLD_LABEL.match(i.text) for i in items)
    )
    scheme = _label_scheme(items)
    wrapped = _hard_wrapped(items)
    builder = TurnBuilder(line_separator=" " if wrapped else "\n")
    if scheme.labelled:
        _labelled_turns(items, scheme, builder)
    else:
        _prose_turns(items, builder, one_line_paragraphs=not wrapped)
    turns, notes = builder.close()
    return Parsed("markdown" if markdown else "text", turns, notes)


def _classify(lines: list[Line]) -> list[_Item]:
    items: list[_Item] = []
    previous_kind = "blank"
    for no, raw in lines:
        text = raw.strip()
        item = _classify_line(no, text)
        if item.kind == "text" and previous_kind != "text":
            item = _Item(no, "text", item.text, item.label, paragraph_start=True)
        items.append(item)
        previous_kind = item.kind
    return items


def _classify_line(no: int, text: str) -> _Item:
    if not text or _RULE.match(text):
        return _Item(no, "blank", "")
    heading = _HEADING.match(text)
    if heading:
        title = _LEAD_TIME.sub("", heading.group("md") or heading.group("wiki")).strip()
        return _Item(no, "heading_md" if heading.group("md") else "marker", title)
    marker = _MARKER.match(text)
    if marker:
        return _Item(no, "marker", marker.group("m"))
    if _TOC.match(text):
        return _Item(no, "toc", text)
    time_only = _TIME_ONLY.match(text)
    if time_only:
        return _Item(no, "time", time_only.group("t"))
    if _ANNOTATION.match(text):
        return _Item(no, "note", text)
    return _Item(no, "text", text, parse_label(text))


def _label_scheme(items: list[_Item]) -> LabelScheme:
    """Decide the file's speakers; line mode when labelled lines follow each other directly."""
    texts = [i for i in items if i.kind == "text"]
    with_label = [i for i in texts if i.label is not None]
    inside = sum(1 for i in with_label if not i.paragraph_start)
    line_mode = bool(with_label) and inside >= 0.5 * len(with_label)
    units = texts if line_mode else [i for i in texts if i.paragraph_start]
    return decide_labels([i.label for i in units], line_mode=line_mode)


def _hard_wrapped(items: list[_Item]) -> bool:
    """True when paragraphs are broken into lines mid-sentence (a PDF or e-mail export).

    A file with a paragraph per line ends almost every line with a full stop; a hard-wrapped
    one ends most lines inside a sentence.
    """
    lengths = sorted(len(i.text) for i in items if i.kind == "text")
    if not lengths or lengths[int(0.9 * (len(lengths) - 1))] > 150:
        return False
    inner = [
        a.text
        for a, b in itertools.pairwise(items)
        if a.kind == "text" and b.kind == "text" and b.label is None
    ]
    if len(inner) < 2:
        return False
    open_ended = sum(1 for text in inner if not text.endswith(_SENTENCE_END))
    return open_ended >= 0.6 * len(inner)


def _labelled_turns(items: list[_Item], scheme: LabelScheme, builder: TurnBuilder) -> None:
    pending_ms: int | None = None
    for item in items:
        if _structure(item, builder):
            if item.kind == "time":
                pending_ms = to_ms(item.text)
            continue
        label = scheme.accept(item.label)
        if label is not None:
            builder.start(
                label.speaker, item.no, label.time_ms if label.time_ms is not None else pending_ms
            )
            builder.add(label.rest)
            pending_ms = None
        elif builder.in_turn:
            _continue(builder, item)
        elif builder.turns or builder.last_speaker is not None:
            # Speech after a heading, before the next label: the last speaker goes on.
            builder.start(builder.last_speaker, item.no, pending_ms)
            builder.add(_LEAD_TIME.sub("", item.text))
            pending_ms = None
        else:
            builder.note(item.text, item.no, joinable=True)


def _prose_turns(items: list[_Item], builder: TurnBuilder, *, one_line_paragraphs: bool) -> None:
    pending_ms: int | None = None
    for item in items:
        if _structure(item, builder):
            if item.kind == "time":
                pending_ms = to_ms(item.text)
            continue
        if item.paragraph_start or one_line_paragraphs or not builder.in_turn:
            builder.start(None, item.no, pending_ms)
            pending_ms = None
        builder.add(_LEAD_TIME.sub("", item.text))


def _continue(builder: TurnBuilder, item: _Item) -> None:
    if item.paragraph_start:
        builder.paragraph_break()
    builder.add(_LEAD_TIME.sub("", item.text))


def _structure(item: _Item, builder: TurnBuilder) -> bool:
    """Handle a line that is not speech; False for a text line."""
    if item.kind == "blank":
        builder.paragraph_break()
    elif item.kind in ("marker", "heading_md"):
        builder.mark_stage(item.text)
    elif item.kind == "note":
        builder.note(item.text, item.no)
    elif item.kind not in ("toc", "time"):
        return False
    return True
