"""The `jtbd_phrase` component: the customer's own reusable wording, verbatim, customer turns only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseSplitter, per_pipeline, sentence_index
from jtbd_studio.nlp.cues import (
    CueMatcher,
    DocView,
    doc_view,
    lang_of,
    load_cues,
    range_key,
    speaker_role,
)
from jtbd_studio.nlp.negation import Intensity, Sequences
from jtbd_studio.nlp.spans import (
    SPAN_GROUPS,
    register_extensions,
    set_group,
    set_span_values,
    span_values,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_WORDS, MAX_WORDS = 3, 12
#: Content words (not stop words) a phrase needs: "they were useful", "it's a hard" say too
#: little to reuse.
MIN_CONTENT = 2
#: Which other kinds feed phrases, by preference when candidates overlap. A phrase keeps its
#: source's score: spans at equal offsets share their `span._` values in spaCy.
SOURCES = {"job": 0.9, "friction": 0.8, "force": 0.75}
CUE_PREFERENCE = 0.7
#: A candidate: the span, its label, its score and its preference among overlapping ones.
Candidate = tuple["Span", str, float, float]
#: Words around a vivid cue when its clause is too long to quote whole.
CUE_CONTEXT = 4


class Phrases:
    """Short verbatim clauses worth quoting: friction, job and force clauses of 3–12 words, and
    vivid wordings from `phrases.jsonl` («как без рук», "drowning in spreadsheets").

    Interviewer turns (`doc.user_data["jtbd_role"] == "interviewer"`) give no phrases. Long
    clauses are cut at commas and the piece with the most content words is kept; overlapping
    candidates keep the best scored one. A phrase does not open with a hedge (`hedge` lines of
    `phrases.jsonl`: "I think", «мне кажется», fillers) and holds at least MIN_CONTENT content
    words.
    """

    def __init__(self, nlp: Language) -> None:
        self.cues = CueMatcher(nlp, "phrases", roles=("cue",))
        self.splitter = per_pipeline(nlp, ClauseSplitter)
        self.group = SPAN_GROUPS["phrase"]
        degree = frozenset(per_pipeline(nlp, Intensity).factors)  # not in keys (see ClauseExtractor)
        self.key_words = (self.cues.words | CueMatcher(nlp, "friction", roles=("cue",)).words) - degree
        add = nlp.vocab.strings.add
        self.hedges = Sequences([
            tuple(add(word) for word in cue.pattern.lower().split())
            for cue in load_cues(lang_of(nlp), "phrases") if cue.role == "hedge"
        ])

    def __call__(self, doc: Doc) -> Doc:
        chosen: list[Span] = []
        if len(doc) and speaker_role(doc) == "customer":
            candidates = self.from_other_kinds(doc) + self.from_cues(doc)
            candidates.sort(key=lambda c: (-c[2] * c[3], c[0].start))
            view = doc_view(doc)
            taken: list[tuple[int, int]] = []
            for span, label, score, _ in candidates:
                if any(span.start < end and start < span.end for start, end in taken):
                    continue
                taken.append((span.start, span.end))
                span.label_ = label
                key = range_key(view, span.start, span.end, self.key_words)
                set_span_values(span, self.group, score=round(score, 3), key=key)
                chosen.append(span)
        chosen.sort(key=lambda s: (s.start, s.end))
        set_group(doc, self.group, chosen)
        return doc

    def from_other_kinds(self, doc: Doc) -> list[Candidate]:
        """Friction, job and force spans, shortened to a quotable piece."""
        result: list[Candidate] = []
        groups = doc.spans.data  # the SpanGroups' own dict: no UserDict lookups per group
        for kind, weight in SOURCES.items():
            for source in groups.get(SPAN_GROUPS[kind], ()):
                piece = self.quotable(doc, source.start, source.end)
                if piece is not None:
                    label = source.label_ if kind == "force" else kind
                    score = span_values(doc, source.start_char, source.end_char, SPAN_GROUPS[kind])[0]
                    result.append((piece, label, float(score or 0.5), weight))
        return result

    def from_cues(self, doc: Doc) -> list[Candidate]:
        """Vivid wordings: the cue's clause, or the cue with a few words around it."""
        result: list[Candidate] = []
        found = self.cues.find(doc)
        if not found:
            return result
        index = sentence_index(doc, self.splitter)
        for cue, start, end in found:
            floor, ceiling = index.clause(start)
            piece = self.quotable(doc, floor, ceiling, focus=start) or self.quotable(
                doc, max(floor, start - CUE_CONTEXT), min(ceiling, end + CUE_CONTEXT), cut=False
            )
            if piece is not None:
                result.append((piece, cue.label or "value", cue.score, CUE_PREFERENCE))
        return result

    def quotable(
        self, doc: Doc, start: int, end: int, cut: bool = True, focus: int | None = None
    ) -> Span | None:
        """The span trimmed to 3–12 words; a long one (or any one with a `focus` token) is cut
        at commas to the piece holding the focus, else to its richest piece."""
        view = doc_view(doc)
        start, end = self.splitter.trim(view, start, end)
        start, end = self.splitter.trim(view, self.after_hedges(view, start, end), end)
        words = _words(view, start, end)
        if MIN_WORDS <= words <= MAX_WORDS and focus is None:
            return doc[start:end] if _richness(view, start, end) >= MIN_CONTENT else None
        if words < MIN_WORDS or not cut:
            return None
        pieces, piece_start = [], start
        for i in range(start, end + 1):
            if (
                i == end
                or view.lower[i] in self.splitter.hard
                or view.lower[i] == self.splitter.comma
            ):
                pieces.append((piece_start, i))
                piece_start = i + 1
        if focus is not None:
            pieces = [(a, b) for a, b in pieces if a <= focus < b] or pieces
        best = None
        for p_start, p_end in pieces:
            span = self.quotable(doc, p_start, p_end, cut=False)
            if span is not None and (
                best is None or _richness(view, span.start, span.end) > _richness(view, best.start, best.end)
            ):
                best = span
        return best

    def after_hedges(self, view: DocView, start: int, end: int) -> int:
        """Where [start, end) begins once the hedges it opens with are dropped ("I think, um,
        maybe the ranking…" → "the ranking…"), with the punctuation after each."""
        while start < end:
            if view.punct[start] or view.space[start]:
                start += 1
                continue
            stop = self.hedges.end(view, start, end) if self.hedges else -1
            if stop <= 0:
                break
            start = stop
        return start


def _words(view: DocView, start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if not view.punct[i] and not view.space[i])


def _richness(view: DocView, start: int, end: int) -> int:
    """How many content words (not stop words, punctuation or whitespace) [start, end) holds."""
    stop, punct, space = view.stop, view.punct, view.space
    return sum(1 for i in range(start, end) if not (stop[i] or punct[i] or space[i]))


@Language.factory(
    "jtbd_phrase",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start", "doc.spans"],
    default_config={},
)
def make_phrase(nlp: Language, name: str) -> Phrases:
    """Build the phrase component for the pipeline's language."""
    register_extensions()
    return Phrases(nlp)
