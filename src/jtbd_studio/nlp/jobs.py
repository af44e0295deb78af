"""The `jtbd_job` component: job statements, "when …, I want to …, so I can …" in any wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import QUESTION_FACTOR, ClauseSplitter, SentenceIndex
from jtbd_studio.nlp.cues import CueMatcher, content_key, speaker_role
from jtbd_studio.nlp.spans import SPAN_GROUPS, register_extensions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Score by the parts present: situation, motivation, outcome.
FULL, TWO_PARTS, MOTIVATION_ONLY = 0.85, 0.7, 0.4


class Jobs:
    """Motivation cues («хочу», «нужно», "I want to", "need to") make a job statement.

    From `jobs.jsonl`, roles: `situation` («когда», "whenever"), `motivation`, `outcome`
    («чтобы», "so I can"), `self` (first-person words). The span is the sentence when a situation
    leads to the motivation, else the motivation's clause to the end of the sentence. A bare
    motivation counts only said in the first person, with a low score.
    """

    def __init__(self, nlp: Language) -> None:
        self.cues = CueMatcher(nlp, "jobs", roles=("situation", "motivation", "outcome", "self"))
        self.splitter = ClauseSplitter(nlp)
        self.group = SPAN_GROUPS["job"]
        self.key_words = self.cues.words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        found = self.cues.find(doc) if len(doc) else []
        if any(cue.role == "motivation" for cue, _, _ in found):
            index = SentenceIndex(doc, self.splitter)
            by_sentence: dict[tuple[int, int], list[tuple[str, int]]] = {}
            for cue, start, _ in found:
                by_sentence.setdefault(index.sentence(start), []).append((cue.role, start))
            interviewer = speaker_role(doc) == "interviewer"
            for sentence, parts in sorted(by_sentence.items()):
                span = self.statement(doc, index, sentence, parts, interviewer)
                if span is not None:
                    spans.append(span)
        doc.spans[self.group] = spans
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
        first = motivations[0]
        situation = any(role == "situation" and at < first for role, at in parts)
        outcome = any(role == "outcome" and at > first for role, at in parts)
        clause_start, _ = index.clause(first)
        personal = any(role == "self" and at >= clause_start for role, at in parts)
        if situation and outcome:
            score = FULL
        elif situation or outcome:
            score = TWO_PARTS
        elif personal:
            score = MOTIVATION_ONLY
        else:
            return None
        if index.is_question(first):
            if interviewer:
                return None
            score *= QUESTION_FACTOR
        start = sentence[0] if situation else clause_start
        start, end = self.splitter.trim(index.view, start, sentence[1])
        if end - start < 3:
            return None
        span = doc[start:end]
        span.label_ = "full" if situation and outcome else ""
        span._.score = round(score, 3)
        span._.key = content_key(span, self.key_words)
        return span


@Language.factory(
    "jtbd_job",
    assigns=["doc.spans"],
    requires=["token.lemma", "doc.sents"],
    default_config={},
)
def make_job(nlp: Language, name: str) -> Jobs:
    """Build the job component for the pipeline's language."""
    register_extensions()
    return Jobs(nlp)
