"""Clean the page furniture of PDF-to-text exports: page footers, form feeds, paragraph numbers."""

from __future__ import annotations

import itertools
import re

Line = tuple[int, str]
"""A source line: its 1-based number and its text."""

_FOOTER = re.compile(
    r"^(?:\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.|стр\.?|страница)\s*\d{1,4}(?:\s*(?:of|из)\s*\d{1,4})?"
    r"|-\s*\d{1,4}\s*-)$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,5}$")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def split_lines(text: str) -> list[Line]:
    """Numbered lines; only CR, LF and CRLF end a line (a form feed stays inside its line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return list(enumerate(text.split("\n"), start=1))


def clean_layout(lines: list[Line]) -> list[Line]:
    """Lines without page furniture; a removed paragraph number leaves a blank (a break).

    MAXQDA/pdftotext exports put a "k/N" footer and a form feed at each page end, and repeat the
    last line (or paragraph number) of a page at the top of the next; both copies must not end
    up in a turn.
    """
    lines = [(no, _INVISIBLE.sub("", text).rstrip()) for no, text in lines]
    paged = any("\f" in text for _, text in lines)
    footers = sum(1 for _, text in lines if _FOOTER.match(text.strip()))
    if paged or footers >= 2:
        lines = _drop_page_breaks(lines)
    if _numbers_paragraphs(lines):
        lines = [(no, "" if _BARE_NUMBER.match(text.strip()) else text) for no, text in lines]
    return lines


def _drop_page_breaks(lines: list[Line]) -> list[Line]:
    kept: list[Line] = []
    last_content = ""
    at_page_top = False
    for no, raw in lines:
        text = raw.strip()
        if _FOOTER.match(text.replace("\f", "").strip()):
            while kept and not kept[-1][1].strip():
                kept.pop()
            at_page_top = True
            continue
        if "\f" in raw:
            at_page_top = True
            raw = raw.replace("\f", "")
            text = raw.strip()
        if at_page_top:
            if not text:
                continue
            at_page_top = False
            if text == last_content:
                continue
        kept.append((no, raw))
        if text:
            last_content = text
    return kept


def _numbers_paragraphs(lines: list[Line]) -> bool:
    """True when bare numbers on their own lines count paragraphs up (1, 2, 3 ...)."""
    numbers = [int(text.strip()) for _, text in lines if _BARE_NUMBER.match(text.strip())]
    if len(numbers) < 3:
        return False
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b >= a)
    return rising >= 0.8 * (len(numbers) - 1)
