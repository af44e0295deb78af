"""Where a friction clause with several cues is cut at its commas, and where it is not.

The shared extractor cuts a clause at a comma between two cues: list items are separate problems
(«Грубость оператора, долгие ответы службы поддержки» = two spans). Two comma-joined pieces
still state one problem when the cue is repeated for emphasis ("темно, темно") or when the comma
joins two attributes of one noun («отсутствие чёткой, продуманной стратегии»).

A dash between two friction clauses of one sentence introduces an elaboration: the examples
after it illustrate the problem named before it («Чрезмерная навязчивость — постоянные звонки,
десятки писем»), so the two clauses are one span (GUIDELINES: examples that illustrate one
problem stay one span). So do two clauses joined only by words that give the problem's cause or
detail (the lexicon's `joins` words: "because", "like", "which", «потому что», «так что»): "it
kind of lags, like there's a half-second delay each time". In English a comma alone joins too:
English commas end no clause, so two spans of one sentence with only a comma between them state
one problem, and a second problem comes with "and" or "but". Russian lists separate problems with
bare commas. Measured (benchmarks/eval_quality.py, and the readable and unread round sets): dev
friction F1 en 0.748 → 0.749, ru 0.677 → 0.681.

The consequence a problem forced is part of it too: after "so" and «так что» (`joins`), and in
Russian after a bare comma when the next span opens with a `consequence` word («Программа опять
зависла, пришлось перезапускать»). "so" was left out at first, as one dev document counts a
consequence apart (dev en 0.749 → 0.743); the readable sets (0.746 → 0.754) and the unread ones
(0.551 → 0.556) join it, and so does «так что».

In the same way a clause that ends on its topic noun before a dash
names the problem after the dash («Главная проблема — это выгрузка», "The real pain — reports"):
the span reaches to the end of the clause after the dash.

«Проблема в том, что отчёты зависают»: the frame «… в том» and the «что» clause it introduces
state one problem, even when the «что» clause has a cue of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from jtbd_studio.nlp.clauses import Hit
    from jtbd_studio.nlp.view import DocView

Piece = tuple[int, int, list["Hit"]]

#: Endings of Russian full-form adjectives and participles (not the short, predicative forms:
#: «агрессивна, обещает больше» are two predicates, two problems).
_FULL_FORM = re.compile(r"(?:[ыио]й|[ая]я|[ое]е|[ыи]е|[ое]го|[ое]му|[ую]ю|[ыи]ми?|[ыи]х|[ое]м)$")
_ATTRIBUTE_POS = frozenset({"ADJ", "VERB"})
#: Dashes that introduce an elaboration (a spaced hyphen is tokenized as "-").
_DASHES = frozenset({"—", "–", "-", "--"})
#: The punctuation that may stand between two spans of one problem (`_joining`).
_JOINING_MARKS = _DASHES | {",", "…", "..."}


def merge_pieces(doc: Doc, view: DocView, pieces: list[Piece]) -> list[Piece]:
    """Join consecutive comma pieces that state one problem (see the module docstring)."""
    if len(pieces) < 2:
        return pieces
    merged = [pieces[0]]
    for start, end, members in pieces[1:]:
        last_start, last_end, last_members = merged[-1]
        if _one_problem(doc, view, last_members[-1], members[0], last_end):
            merged[-1] = (last_start, end, [*last_members, *members])
        else:
            merged.append((start, end, members))
    return merged


def _one_problem(doc: Doc, view: DocView, before: Hit, after: Hit, comma: int) -> bool:
    if before.cue is after.cue:
        return True  # "темно, темно": the same cue repeated
    left, right = comma - 1, comma + 1
    while right < len(view.lemma) and view.space[right]:
        right += 1
    if left < 0 or right >= len(view.lemma):
        return False
    if left > 0 and view.text(right) == "что" and (view.text(left - 1), view.text(left)) == ("в", "том"):
        return True  # «Проблема в том, что …»: the frame and its content
    return _attribute(doc, left) and _attribute(doc, right)


def _attribute(doc: Doc, i: int) -> bool:
    """Whether token `i` is a full-form adjective or participle (an attribute of a noun)."""
    token = doc[i]
    return token.pos_ in _ATTRIBUTE_POS and _FULL_FORM.search(token.lower_) is not None


#: Among how many first words of a span a consequence word makes it the consequence of the span
#: before («пришлось перезапускать», «справочники приходится вести», «нам приходится»).
CONSEQUENCE_REACH = 3


def join_one_problem(
    view: DocView, spans: list[Span], sentence_of: Callable[[int], tuple[int, int]],
    rebuild: Callable[[Span, Span, bool], Span], words: frozenset[int] = frozenset(),
    comma_alone: bool = False, consequences: frozenset[int] = frozenset(),
    before_consequence: frozenset[int] = frozenset(),
) -> list[Span]:
    """Join each span to the next when only a dash (and spaces) stands between them in one
    sentence, or words of `words` and punctuation only (a cause or a detail of the same problem:
    "it kind of lags, like there's a delay"), or punctuation alone when `comma_alone` or when
    the next span opens with a word of `consequences` (the work-around the problem forced:
    «Программа зависла, пришлось перезапускать»; a word of `before_consequence` may then stand
    between them too: «…, а справочники приходится вести руками»), or when a word of
    `consequences` is the first word after the first span, whatever follows it ("There's no bulk
    editing, so if I need to change two hundred tasks, I have to open each one");
    `rebuild(first, second, consequence)` makes the joined span, told whether a word of
    `consequences` opened the second part or stood between the two."""
    if len(spans) < 2:
        return spans
    before_forced = words | before_consequence
    joined = [spans[0]]
    for span in spans[1:]:
        last = joined[-1]
        if sentence_of(last.start) != sentence_of(span.start):
            joined.append(span)
            continue
        opens = _past(view, span.start, span.end, words)
        # a consequence word among the first words of the second span («пришлось
        # перезапускать», «справочники приходится вести») or between the two spans
        reach = min(opens + CONSEQUENCE_REACH, span.end)
        forced = bool(consequences) and any(view.has(consequences, k) for k in range(opens, reach))
        consequence = forced or (
            bool(consequences) and any(view.has(consequences, k) for k in range(last.end, opens))
        )
        if (
            _only_dash(view, last.end, span.start)
            or _joining(view, last.end, opens, before_forced if forced else words, comma_alone or forced)
            or (consequence and _leads(view, consequences, last.end, span.start))
        ):
            joined[-1] = rebuild(last, span, consequence)
        else:
            joined.append(span)
    return joined


def through_dash(
    view: DocView, span_end: int, sentence_end: int, clause_of: Callable[[int], tuple[int, int]]
) -> int:
    """Where a span ending on a topic noun at `span_end` reaches: after a dash in its sentence,
    the end of the clause the dash opens; else `span_end` itself."""
    dash = view.skip_inline_space(span_end)
    if dash >= sentence_end or view.text(dash) not in _DASHES:
        return span_end
    first = view.skip_inline_space(dash + 1)
    if first >= sentence_end or view.punct[first]:
        return span_end
    return clause_of(first)[1]


def _only_dash(view: DocView, start: int, end: int) -> bool:
    """Whether the tokens [start, end) are one dash with spaces or punctuation only."""
    dashes = 0
    for k in range(start, end):
        if view.space[k]:
            continue
        if not view.punct[k]:
            return False
        dashes += view.text(k) in _DASHES
    return dashes == 1


def _joining(view: DocView, start: int, end: int, words: frozenset[int], comma_alone: bool) -> bool:
    """Whether the tokens [start, end) are commas, dashes, ellipses and words of `words` only,
    with at least one such word unless `comma_alone` ("slow; broken" is two problems)."""
    if not words and not comma_alone:
        return False
    said = False
    for k in range(start, end):
        if view.space[k]:
            continue
        if view.punct[k]:
            if view.text(k) not in _JOINING_MARKS:
                return False
            continue
        if not view.has(words, k):
            return False
        said = True
    return said or comma_alone


def _leads(view: DocView, words: frozenset[int], start: int, end: int) -> bool:
    """Whether the first token in [start, end) that is neither space nor punctuation is one of
    `words`."""
    while start < end and (view.space[start] or view.punct[start]):
        start += 1
    return start < end and view.has(words, start)


def _past(view: DocView, start: int, end: int, words: frozenset[int]) -> int:
    """The first token in [start, end) that is not one of `words`: a span may open with the
    words that join it to the one before («потому что сервер перегружен»)."""
    while start < end and view.has(words, start):
        start += 1
    return start
