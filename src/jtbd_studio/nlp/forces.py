"""The `jtbd_force` component: JTBD forces of progress (push, pull, anxiety, habit) as clauses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from jtbd_studio.nlp.clauses import ClauseExtractor, Hit, SentenceIndex
from jtbd_studio.nlp.cues import Cue, CueMatcher, lang_of, word_lists
from jtbd_studio.nlp.negation import hashes
from jtbd_studio.nlp.spans import SPAN_GROUPS, problems_stated, register_extensions, span_values

FORCES = ("push", "pull", "anxiety", "habit")
#: Score of a push derived from a friction clause about the old way (weaker than a direct cue).
DERIVED_PUSH_SCORE = 0.55


class Forces(ClauseExtractor):
    """Force cues from `forces.jsonl` (label push|pull|anxiety|habit) → clause spans.

    A friction clause in a sentence that speaks of the old way (role `old_way`: «раньше»,
    «в экселе», "before", "our old system") is also a push: what was wrong with the old way.
    A pull cue in a clause that states a problem is no pull («интеграция с почтой теряет
    письма» names a feature, but nothing in it attracts).

    A cue line with `needs_topic` (bare praise: "useful", «нравиться») is a pull only when its
    clause names what attracts. "They were useful", "I found those quite useful", «мне
    понравилось» hold nothing but pronouns, stop words, words of the `frame` role ("think",
    "found", «кажется»), degree words and fillers: an evaluation of the screen in front of
    the customer, which tells a researcher nothing of what draws them ("the filtering
    capabilities were useful" does).
    """

    kind = "force"
    by_label = True

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, "forces")
        self.old_way = CueMatcher(nlp, "forces", roles=("old_way",))
        self.friction_group = SPAN_GROUPS["friction"]
        self.needs_topic = frozenset(
            id(cue) for cue, _ in self.cues.patterns if cue.get("needs_topic")
        )
        frame = word_lists(lang_of(nlp), "forces").get("frame", frozenset())
        self.frame = hashes(nlp, frame) | self.splitter.fillers | self.degree_words

    def hits(self, doc: Doc, index: SentenceIndex) -> list[Hit]:
        """Direct force cues plus pushes derived from friction about the old way."""
        hits = [
            hit for hit in super().hits(doc, index)
            if hit.label in FORCES and not (id(hit.cue) in self.needs_topic and self.bare(index, hit))
        ]
        frictions = doc.spans.data.get(self.friction_group)  # no UserDict lookup per doc
        if not frictions:
            return hits
        troubled = {index.clause(span.start) for span in frictions}
        hits = [hit for hit in hits if hit.label != "pull" or hit.clause not in troubled]
        old_sentences = {index.sentence(start) for _, start, _ in self.old_way.find(doc)}
        taken = {(hit.clause, hit.label) for hit in hits}
        for span in frictions:
            if index.sentence(span.start) not in old_sentences:
                continue
            # The friction's own score (span._ is shared by spans at equal characters).
            score = float(span_values(doc, span.start_char, span.end_char, self.friction_group)[0]
                          or DERIVED_PUSH_SCORE)
            for start, end in self._parts(index, span):
                clause = index.clause(start)
                if (clause, "push") not in taken:
                    cue = Cue("friction", 0, "friction", label="push", extra={"from": span.label_})
                    hits.append(Hit(cue, start, end, clause, score, "push"))
                    taken.add((clause, "push"))
        hits.sort(key=lambda hit: hit.start)
        return hits

    @staticmethod
    def _parts(index: SentenceIndex, span: Span) -> list[tuple[int, int]]:
        """The friction span, or the clauses of it when it joins a problem and the
        consequence it forced (`problems_stated`): "we create all these plots by hand, so we
        have to copy old notebooks" is two pushes away from the old way."""
        if problems_stated(span) < 2:
            return [(span.start, span.end)]
        parts: list[tuple[int, int]] = []
        k = span.start
        while k < span.end:
            start, end = index.clause(k)
            parts.append((max(start, span.start), min(end, span.end)))
            k = max(end, k + 1)
        return parts

    def bare(self, index: SentenceIndex, hit: Hit) -> bool:
        """Whether the hit's clause holds nothing besides the cue but stop words, frame words,
        degree words, fillers and punctuation ("they were very useful")."""
        view, frame = index.view, self.frame
        start, end = hit.clause
        return all(
            view.punct[i] or view.space[i] or view.stop[i] or view.has(frame, i)
            for i in range(start, end) if not hit.start <= i < hit.end
        )


@Language.factory(
    "jtbd_force",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={},
)
def make_force(nlp: Language, name: str) -> Forces:
    """Build the forces component for the pipeline's language."""
    register_extensions()
    return Forces(nlp)
