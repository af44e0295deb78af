"""The `jtbd_friction` component: clauses that state a barrier, with negation, wishes and advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseExtractor, Hit, SentenceIndex
from jtbd_studio.nlp.cues import Cue
from jtbd_studio.nlp.negation import hashes
from jtbd_studio.nlp.spans import register_extensions

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: How many tokens after its wh-word a cue may stand and still be inside the indirect question.
INQUIRY_WINDOW = 5


class Friction(ClauseExtractor):
    """Problem cues («долго», «не работать», "took forever") → the clause that states the problem.

    Cues come from `friction.jsonl`; labels are sub-types (slow, hard, broken, missing, cost,
    confusing, annoying, support, general). A denied problem («проблем не было», "no issues at
    all"), a wish without a problem ("it would be nice to have…") and advice that names no
    problem are not friction: negation and the `wish`/`advice` guards drop them. `inquiry`
    guards (verbs of asking and researching, infinitives of purpose) drop a cue in the short
    indirect question after them ("we ask what was hard", «выясняем, где возникают
    трудности»): a question about problems, not one met. Words in brackets are a transcript's
    stage directions and notes ("(sighs)", «(с досадою)»), not the speaker's statement.
    """

    kind = "friction"
    guard_roles = (*ClauseExtractor.guard_roles, "inquiry")

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, "friction")
        self.opening = hashes(nlp, frozenset({"(", "["}))
        self.closing = hashes(nlp, frozenset({")", "]"}))

    def hits(self, doc: Doc, index: SentenceIndex) -> list[Hit]:
        """The shared hits, less those inside brackets."""
        return [hit for hit in super().hits(doc, index) if not self.in_brackets(index, hit)]

    def in_brackets(self, index: SentenceIndex, hit: Hit) -> bool:
        """Whether an opening bracket before the hit in its sentence is still open."""
        lower, opening, closing = index.view.lower, self.opening, self.closing
        first = index.sentence(hit.start)[0]
        clause_start = hit.clause[0]
        if clause_start == first:
            return False  # brackets are clause boundaries: none opened before this one
        for k in range(clause_start - 1, first - 1, -1):
            if lower[k] in closing:
                return False
            if lower[k] in opening:
                return True
        return False

    def accept(
        self,
        index: SentenceIndex,
        cue: Cue,
        start: int,
        end: int,
        clause: tuple[int, int],
        guards: list[tuple[Cue, int, int]],
    ) -> bool:
        """The shared checks, then the inquiry guards."""
        if not super().accept(index, cue, start, end, clause, guards):
            return False
        for guard, g_start, g_end in guards:
            if (
                guard.role == "inquiry"
                and g_end <= start
                and self.in_indirect_question(index, g_start, g_end, start)
            ):
                return False  # "we ask what was hard": a question about problems
        return True

    def in_indirect_question(self, index: SentenceIndex, g_start: int, g_end: int, i: int) -> bool:
        """Whether token `i` stands in an indirect question that follows the guard [g_start,
        g_end) in its sentence: a wh-word shortly before it, and every clause opened on the way
        opens with one («выясняя, что понравилось, что вызвало трудности»)."""
        view = index.view
        splitter = self.splitter
        sent_start, sent_end = index.sentence(i)
        if g_start < sent_start:
            return False
        # An indirect question is short: "trying to understand what the model does is tricky"
        # states a problem after it.
        near = range(max(g_end, i - INQUIRY_WINDOW), i)
        if not any(view.has(splitter.wh, j) for j in near):
            return False
        starts = index.clause_starts(i)
        ends = [*starts[1:], sent_end]
        return all(
            splitter.opens_with(view, splitter.wh, s, e)
            for s, e in zip(starts, ends, strict=True)
            if g_end < s <= i
        )


@Language.factory(
    "jtbd_friction",
    assigns=["doc.spans"],
    requires=["token.lemma", "doc.sents"],
    default_config={},
)
def make_friction(nlp: Language, name: str) -> Friction:
    """Build the friction component for the pipeline's language."""
    register_extensions()
    return Friction(nlp)
