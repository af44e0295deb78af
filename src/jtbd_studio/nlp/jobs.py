"""The `jtbd_job` component: job statements, "when …, I want to …, so I can …" in any wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import (
    QUESTION_FACTOR,
    ClauseSplitter,
    SentenceIndex,
    per_pipeline,
    sentence_index,
)
from jtbd_studio.nlp.cues import CueMatcher, content_key, speaker_role
from jtbd_studio.nlp.spans import SPAN_GROUPS, register_extensions, set_group, set_span_values

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Score by the parts present: situation, motivation, outcome.
FULL, TWO_PARTS = 0.85, 0.7
#: A two-part statement not said in the first person ("users need to … so that …") scores lower.
GENERAL_FACTOR = 0.8


class Jobs:
    """Motivation cues («хочу», «нужно», "I want to", "need to") make a job statement.

    From `jobs.jsonl`, roles: `situation` («когда», "whenever"), `motivation`, `outcome`
    («чтобы», "so I can"), `self` (first-person words). The span is the sentence when a situation
    leads to the motivation, else the motivation's clause to the end of the sentence. A job needs
    a situation before the motivation or an outcome after it; a bare "I want …" is not one.
    """

    def __init__(self, nlp: Language) -> None:
        self.cues = CueMatcher(nlp, "jobs", roles=("situation", "motivation", "outcome", "self"))
        # asked first: without a motivation there is no job, and the other roles («я», "when")
        # are among the most frequent words
        self.motivations = CueMatcher(nlp, "jobs", roles=("motivation",))
        self.splitter = per_pipeline(nlp, ClauseSplitter)
        self.group = SPAN_GROUPS["job"]
        self.key_words = self.cues.words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        found = self.cues.find(doc) if len(doc) and self.motivations.find(doc) else []
        if any(cue.role == "motivation" for cue, _, _ in found):
            index = sentence_index(doc, self.splitter)
            by_sentence: dict[tuple[int, int], list[tuple[str, int]]] = {}
            for cue, start, _ in found:
                by_sentence.setdefault(index.sentence(start), []).append((cue.role, start))
            interviewer = speaker_role(doc) == "interviewer"
            for sentence, parts in sorted(by_sentence.items()):
                span = self.statement(doc, index, sentence, parts, interviewer)
                if span is not None:
                    spans.append(span)
        set_group(doc, self.group, spans)
        return doc

    def statement(
        self,
        doc: Doc,
        index: SentenceIndex,
        sentence: tuple[int, int],
        parts: list[tuple[str, int]],
        interviewer: bool,
    ) -> Span | None:
        """The job span of one sentence, or None when it states no job."""
        motivations = [at for role, at in parts if role == "motivation"]
        if not motivations:
            return None
        situations: list[int] = []
        outcomes: list[int] = []
        first, previous = motivations[0], sentence[0] - 1
        for motivation in motivations:  # the first motivation with a situation or an outcome
            situations = [at for r, at in parts if r == "situation" and previous < at < motivation]
            outcomes = [at for role, at in parts if role == "outcome" and at > motivation]
            if situations or outcomes:
                first = motivation
                break
            previous = motivation
        situation, outcome = bool(situations), bool(outcomes)
        clause_start, _ = index.clause(first)
        personal = any(role == "self" and at >= clause_start for role, at in parts)
        if situation and outcome:
            score = FULL
        elif (situation or outcome) and personal:
            score = TWO_PARTS
        elif situation or outcome:
            score = TWO_PARTS * GENERAL_FACTOR
        else:
            return None  # a bare "I want" states a wish, not a job: no situation, no outcome
        if index.is_question(first):
            if interviewer:
                return None
            score *= QUESTION_FACTOR
        # The statement runs from its situation word (or the motivation's clause) to the end
        # of the clause of its outcome (or of the motivation): not the whole sentence.
        start = situations[-1] if situation else clause_start
        end = index.clause(outcomes[0] if outcome else first)[1]
        start, end = self.splitter.trim(index.view, start, end)
        if end - start < 3:
            return None
        span = doc[start:end]
        span.label_ = "full" if situation and outcome else ""
        set_span_values(span, self.group, score=round(score, 3), key=content_key(span, self.key_words))
        return span


@Language.factory(
    "jtbd_job",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={},
)
def make_job(nlp: Language, name: str) -> Jobs:
    """Build the job component for the pipeline's language."""
    register_extensions()
    return Jobs(nlp)
