"""Highlights and snippets, computed in Python so that both database backends show the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jtbd_studio.library.query import WORD, ParsedQuery, fold, nlp
from jtbd_studio.store.fts import Phrase, Term

SNIPPET_CHARS = 180


@dataclass(frozen=True)
class Snippet:
    """A window of a hit's text with the matched words as (start, end) offsets inside it."""

    text: str
    highlights: tuple[tuple[int, int], ...]
    start: int = 0

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The snippet with each highlight wrapped, e.g. in Markdown bold."""
        out, last = [], 0
        for s, e in self.highlights:
            out += [self.text[last:s], before, self.text[s:e], after]
            last = e
        out.append(self.text[last:])
        return "".join(out)


#: one word of a hit: (start, end, folded form, lemma); plain tuples, as a hit has hundreds
_Word = tuple[int, int, str, str]


_LEMMAS: dict[str, str] = {}
_LEMMA_CACHE_MAX = 200_000


def _lemma(form: str) -> str:
    """The lemma of one folded word form (cached in a plain dict: hits repeat the same words)."""
    lemma = _LEMMAS.get(form)
    if lemma is None:
        if len(_LEMMAS) > _LEMMA_CACHE_MAX:
            _LEMMAS.clear()
        lemma = _LEMMAS[form] = fold(nlp().lemma_text(form)) or form
    return lemma


def _words(text: str) -> list[_Word]:
    folded = fold(text)
    if len(folded) != len(text):  # a letter whose lower case is longer: fold word by word
        return [(*m.span(), form, _lemma(form)) for m in WORD.finditer(text)
                for form in (fold(m.group()),)]
    known = _LEMMAS.get
    return [(*m.span(), form, known(form) or _lemma(form)) for m in WORD.finditer(folded)
            for form in (m.group(),)]


def _term_spans(words: Sequence[_Word], term: Term) -> list[tuple[int, int]]:
    if term.prefix:
        stems = tuple(term.forms)
        return [(s, e) for s, e, form, lemma in words
                if form.startswith(stems) or lemma.startswith(stems)]
    forms = frozenset(term.forms)
    return [(s, e) for s, e, form, lemma in words if form in forms or lemma in forms]


def _phrase_at(words: Sequence[_Word], i: int, phrase: Phrase) -> bool:
    n = len(phrase.surface)
    if i + n > len(words):
        return False
    lemmas = phrase.lemmas or phrase.surface
    return all(
        words[i + k][2] == phrase.surface[k] or words[i + k][3] == lemmas[k] for k in range(n)
    )


def highlights(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Character spans of `text` that the query's positive words and phrases match."""
    if query.raw:
        return []
    words = _words(text)
    spans: list[tuple[int, int]] = []
    for item in query.positive_items:
        if isinstance(item, Term):
            spans.extend(_term_spans(words, item))
            continue
        first_form, first_lemma = item.surface[0], (item.lemmas or item.surface)[0]
        for i, (start, _, form, lemma) in enumerate(words):
            if (form == first_form or lemma == first_lemma) and _phrase_at(words, i, item):
                spans.append((start, words[i + len(item.surface) - 1][1]))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = SNIPPET_CHARS) -> Snippet:
    """The window of `width` characters holding the most highlights, cut at word boundaries."""
    flat = " ".join(text.split())
    if flat != text:  # keep offsets valid: collapse whitespace the same way in the spans
        spans = _remap(text, spans)
        text = flat
    if len(text) <= width:
        return Snippet(text, tuple(spans), 0)
    start = _best_start(spans, width)
    start = max(0, min(start, len(text) - width))
    end = start + width
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > end - 20 else end
    inside = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shifted = tuple((s + len(lead), e + len(lead)) for s, e in inside)
    return Snippet(lead + text[start:end] + tail, shifted, start)


def _best_start(spans: Sequence[tuple[int, int]], width: int) -> int:
    if not spans:
        return 0
    best, best_count = spans[0][0], 0
    for s, _ in spans:
        count = sum(1 for s2, e2 in spans if s2 >= s and e2 <= s + width)
        if count > best_count:
            best, best_count = s, count
    return max(0, best - width // 4)


def _remap(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets of `spans` after runs of whitespace collapse to one space and ends are trimmed."""
    mapping, pos, prev_space = [], 0, True
    for ch in text:
        mapping.append(pos)
        if ch.isspace():
            if not prev_space:
                pos += 1
            prev_space = True
        else:
            pos += 1
            prev_space = False
    mapping.append(pos)
    return [(mapping[s], mapping[e]) for s, e in spans]
