"""Clauses over tokens, and the cue-to-clause extractor shared by friction, force and churn risk.

A clause ends at a sentence boundary, a line break, hard punctuation (; : — ( ) and a spaced
hyphen used as a dash), before a contrastive conjunction («но», «а», "but"), before «и»/"and"
that opens a clause with its own subject ("and we"), at a comma followed by a clause opener
(«потому что», "because", "we"), and at the first comma after a subordinate clause that opened
the previous clause ("When we started, …"). The words come from `clauses.jsonl` per language
(roles `break`, `after_comma`, `subordinator`, `coordinator`, `subject`, `strip`, `strip_end`,
and `why`: the words that make a question a complaint, "why is it so slow?").
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jtbd_studio.nlp.cues import (
    Cue,
    CueMatcher,
    DocView,
    content_key,
    doc_view,
    lang_of,
    speaker_role,
    word_lists,
)
from jtbd_studio.nlp.negation import Negation, hashes
from jtbd_studio.nlp.spans import SPAN_GROUPS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_HARD = frozenset({";", ":", "—", "–", "(", ")", "[", "]", "…", "..."})
_DASHES = frozenset({"-", "--"})
#: How many tokens after a `resolve` guard ("fix", «устранить») a cue is its object.
RESOLVE_WINDOW = 3
#: Score factor for cues inside a question: questions often ask about a problem, not state it.
QUESTION_FACTOR = 0.6


class ClauseSplitter:
    """Finds the clause around a token; sentences are split only where a cue needs it."""

    def __init__(self, nlp: Language) -> None:
        words = {role: hashes(nlp, w) for role, w in word_lists(lang_of(nlp), "clauses").items()}
        empty: frozenset[int] = frozenset()
        self.breaks = words.get("break", empty)
        self.after_comma = words.get("after_comma", empty)
        self.subordinators = words.get("subordinator", empty)
        self.coordinators = words.get("coordinator", empty)
        self.subjects = words.get("subject", empty)
        self.strip = words.get("strip", empty) | self.breaks
        self.strip_end = words.get("strip_end", empty)
        self.why = words.get("why", empty)
        strings = nlp.vocab.strings
        self.hard = hashes(nlp, _HARD)
        self.dashes = hashes(nlp, _DASHES)
        self.comma = strings.add(",")

    def _boundary_before(self, view: DocView, i: int, opened_by_subordinator: bool) -> bool:
        prev = i - 1
        space = view.space
        if (space[prev] and view.is_newline(prev)) or (space[i] and view.is_newline(i)):
            return True  # a non-breaking space between words is no boundary
        if view.lower[prev] in self.hard or view.has(self.breaks, i):
            return True
        if view.lower[prev] == self.comma:
            return opened_by_subordinator or view.has(self.after_comma, i)
        if (
            view.has(self.coordinators, i)
            and i + 1 < len(view.lemma)
            and view.has(self.subjects, i + 1)
        ):
            return True  # "… and we lost the data": a new clause with its own subject
        if view.lower[prev] in self.dashes and i > 1:
            return bool(view.trailing_space[prev] and view.trailing_space[prev - 1])
        return False

    def starts(self, view: DocView, start: int, end: int) -> list[int]:
        """Clause start offsets of the sentence [start, end), the first being `start`."""
        starts = [start]
        opened = view.has(self.subordinators, start)
        for i in range(start + 1, end):
            if self._boundary_before(view, i, opened):
                starts.append(i)
                opened = view.has(self.subordinators, i)
        return starts

    def asks_why(self, index: SentenceIndex, i: int) -> bool:
        """Whether the sentence of token `i` holds a why-word ("why", «почему», «зачем»)."""
        start, end = index.sentence(i)
        view = index.view
        return any(view.has(self.why, j) for j in range(start, end))

    def trim(self, view: DocView, start: int, end: int) -> tuple[int, int]:
        """Drop punctuation, spaces and dangling conjunctions from the clause edges."""
        while start < end and (
            view.punct[start] or view.space[start] or view.has(self.strip, start)
        ):
            start += 1
        while end > start and (
            view.punct[end - 1] or view.space[end - 1] or view.has(self.strip_end, end - 1)
        ):
            end -= 1
        return start, end


class SentenceIndex:
    """Sentence and clause lookup for one doc, computed lazily per sentence that has a cue."""

    def __init__(self, doc: Doc, splitter: ClauseSplitter) -> None:
        self.view = doc_view(doc)
        self.splitter = splitter
        self._starts = self.view.sent_starts
        self._clauses: dict[int, list[int]] = {}

    def sentence(self, i: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding token `i`."""
        k = bisect_right(self._starts, i) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.view.lemma)
        return self._starts[k], end

    def clause(self, i: int) -> tuple[int, int]:
        """The (start, end) of the clause holding token `i`."""
        sent_start, sent_end = self.sentence(i)
        starts = self._clauses.get(sent_start)
        if starts is None:
            starts = self.splitter.starts(self.view, sent_start, sent_end)
            self._clauses[sent_start] = starts
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else sent_end

    def is_question(self, i: int) -> bool:
        """Whether the sentence holding token `i` ends with a question mark."""
        start, end = self.sentence(i)
        while end > start and self.view.space[end - 1]:
            end -= 1
        return end > start and self.view.text(end - 1).endswith("?")


@dataclass
class Hit:
    """A cue match that survived negation and guards, placed in its clause."""

    cue: Cue
    start: int
    end: int
    clause: tuple[int, int]
    score: float
    label: str


class ClauseExtractor:
    """Cues on lemmas → negation and guards → one span per clause (per label if `by_label`).

    Cue lines (role `cue`) may carry `polarity` ("neg": a problem word, negation cancels it;
    "pos": a good quality that counts only when negated, "not easy") and `weak` (cancelled by a
    `wish` or `advice` guard earlier in the same clause). Guards with role `block` cancel any cue
    they overlap («не могу не отметить»); `anticipation` guards ("we were worried that …")
    cancel every cue after them in the clause: a feared problem is not one met; `resolve` guards
    (verbs of solving, reducing, preventing; "potential") cancel a cue that follows within
    RESOLVE_WINDOW tokens: "fix the bugs", «снизить вероятность разочарования» name a problem as
    a topic, not one met.
    """

    kind = ""
    #: Whether one clause may give several spans, one per label (forces); else one per clause.
    by_label = False

    def __init__(self, nlp: Language, cue_file: str) -> None:
        self.cues = CueMatcher(nlp, cue_file, roles=("cue",))
        self.guards = CueMatcher(
            nlp, cue_file, roles=("wish", "advice", "block", "anticipation", "resolve")
        )
        self.negation = Negation(nlp)
        self.splitter = ClauseSplitter(nlp)
        self.group = SPAN_GROUPS[self.kind]
        self.key_words = self.cues.words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if len(doc):
            index = SentenceIndex(doc, self.splitter)
            spans = self.spans(doc, index, self.hits(doc, index))
        doc.spans[self.group] = spans
        return doc

    def hits(self, doc: Doc, index: SentenceIndex) -> list[Hit]:
        """Matches kept after dropping nested ones, negated ones and guarded ones."""
        found = self.cues.find(doc)
        if not found:
            return []
        guards = self.guards.find(doc)
        interviewer = speaker_role(doc) == "interviewer"
        kept: list[Hit] = []
        reach = -1
        for cue, start, end in found:
            if end <= reach:
                continue  # nested inside a longer cue already kept
            clause = index.clause(start)
            if not self.accept(index.view, cue, start, end, clause, guards):
                continue
            score = cue.score
            if index.is_question(start):
                # A question asks about a problem rather than states one; a customer's
                # "why is it so slow?" is the exception: a complaint put as a question.
                if interviewer or not self.splitter.asks_why(index, start):
                    continue
                score *= QUESTION_FACTOR
            kept.append(Hit(cue, start, end, clause, score, cue.label))
            reach = max(reach, end)
        return kept

    def accept(
        self,
        view: DocView,
        cue: Cue,
        start: int,
        end: int,
        clause: tuple[int, int],
        guards: list[tuple[Cue, int, int]],
    ) -> bool:
        """Negation by polarity, then guards."""
        negated = self.negation.is_negated(view, start, end, *clause)
        if negated != (cue.get("polarity", "neg") == "pos"):
            return False
        for guard, g_start, g_end in guards:
            if guard.role == "block":
                if g_start < end and start < g_end:
                    return False
            elif guard.role == "resolve":
                if clause[0] <= g_start and g_end <= start <= g_end + RESOLVE_WINDOW:
                    return False  # "fix the bugs", «снизить риск оттока»: a topic, not a problem
            elif clause[0] <= g_start < start and (guard.role == "anticipation" or cue.get("weak")):
                return False
        return True

    def spans(self, doc: Doc, index: SentenceIndex, hits: list[Hit]) -> list[Span]:
        """One span per clause; a comma between two hits of one clause splits it."""
        result: list[Span] = []
        groups: dict[tuple[int, int, str], list[Hit]] = {}
        for hit in hits:
            groups.setdefault((*hit.clause, hit.label if self.by_label else ""), []).append(hit)
        view = index.view
        for (c_start, c_end, _), group in groups.items():
            for start, end, members in self._split_at_commas(view, c_start, c_end, group):
                start, end = self.splitter.trim(view, start, end)
                if end <= start:
                    continue
                span = doc[start:end]
                best = max(hit.score for hit in members)
                span.label_ = next(hit.label for hit in members if hit.score == best)
                span._.score = round(min(1.0, best + 0.05 * (len(members) - 1)), 3)
                span._.key = content_key(span, self.key_words)
                result.append(span)
        result.sort(key=lambda s: (s.start, s.end))
        return result

    def _split_at_commas(
        self, view: DocView, start: int, end: int, group: list[Hit]
    ) -> list[tuple[int, int, list[Hit]]]:
        pieces: list[tuple[int, int, list[Hit]]] = []
        current_start, members = start, [group[0]]
        for previous, hit in itertools.pairwise(group):
            comma = next(
                (i for i in range(previous.end, hit.start) if view.lower[i] == self.splitter.comma),
                None,
            )
            if comma is None:
                members.append(hit)
                continue
            pieces.append((current_start, comma, members))
            current_start, members = comma + 1, [hit]
        pieces.append((current_start, end, members))
        return pieces
