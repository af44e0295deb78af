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
    («чтобы», "so I can"), `self` (first-person words), `frame` (a motivation that states a job
    on its own: "what I'm trying to do is …"), `knowing` (verbs after which "when" asks, not
    sets a situation: "I need to know when …"), `generic` (a motivation that is nobody's job: a
    condition put to a generic "you", "if you want to see the interactions, you'd have to
    filter", an instruction; a filler, "what I'm trying to say", "if needed"). A motivation
    marked `needs_outcome` ("we bought it", «взяли») counts only with an outcome after it
    ("… so we could stop losing leads").
    The span is the sentence when a situation leads to the motivation, else the motivation's
    clause to the end of the sentence. A job needs a situation before the motivation or an
    outcome after it, or, said in the first person, a situation after it ("I want to be sure
    nothing is lost when someone is on vacation"; not "if", which there asks whether); a bare
    "I want …" is not one. Interviewer turns state no job.
    """

    def __init__(self, nlp: Language) -> None:
        roles = ("situation", "motivation", "outcome", "self", "frame", "knowing", "generic")
        self.cues = CueMatcher(nlp, "jobs", roles=roles)
        # asked first: without a motivation there is no job, and the other roles («я», "when")
        # are among the most frequent words
        self.motivations = CueMatcher(nlp, "jobs", roles=("motivation", "frame"))
        #: situation words that do not set a situation after the motivation ("if": whether)
        self.asking = frozenset(
            id(cue) for cue, _ in self.cues.patterns if cue.role == "situation" and cue.get("asks")
        )
        self.splitter = per_pipeline(nlp, ClauseSplitter)
        self.group = SPAN_GROUPS["job"]
        # the words of the job's parts stay in keys; a frame's and a knowing verb's do not
        self.key_words = CueMatcher(nlp, "jobs", roles=("situation", "motivation", "outcome", "self")).words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        # an interviewer's prompt ("you wanted to see the history, right?") is no customer's job
        customer = speaker_role(doc) != "interviewer"
        found = self.cues.find(doc) if len(doc) and customer and self.motivations.find(doc) else []
        if any(cue.role in ("motivation", "frame") for cue, _, _ in found):
            index = sentence_index(doc, self.splitter)
            by_sentence: dict[tuple[int, int], list[tuple[str, int]]] = {}
            generic = [(start, end) for cue, start, end in found if cue.role == "generic"]
            for cue, start, _ in found:
                role = "asking" if id(cue) in self.asking else cue.role
                if role != "self" and any(g <= start < e for g, e in generic):
                    continue  # "if you want to …", "what I'm trying to say": nobody's job
                if role == "motivation" and cue.get("needs_outcome"):
                    role = "purpose"  # "we bought it …": a job only with "so we could …" after
                by_sentence.setdefault(index.sentence(start), []).append((role, start))
            for sentence, parts in sorted(by_sentence.items()):
                span = self.statement(doc, index, sentence, parts)
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
    ) -> Span | None:
        """The job span of one sentence, or None when it states no job."""
        purposes = [at for role, at in parts if role == "purpose"]
        if any(role == "outcome" and at > p for p in purposes for role, at in parts):
            parts = [("motivation", at) if role == "purpose" else (role, at) for role, at in parts]
        motivations = [at for role, at in parts if role in ("motivation", "frame")]
        if not motivations:
            return None
        situations: list[int] = []
        outcomes: list[int] = []
        first, previous = motivations[0], sentence[0] - 1
        for motivation in motivations:  # the first motivation with a situation or an outcome
            situations = [at for r, at in parts if r in ("situation", "asking") and previous < at < motivation]
            outcomes = [at for role, at in parts if role == "outcome" and at > motivation]
            if situations or outcomes:
                first = motivation
                break
            previous = motivation
        situation, outcome = bool(situations), bool(outcomes)
        clause_start, _ = index.clause(first)
        personal = any(role == "self" and at >= clause_start for role, at in parts)
        framed = any(role == "frame" for role, _ in parts)
        later = (
            [] if situation or outcome or not personal
            else self._later_situations(index, parts, first)
        )
        if situation and outcome:
            score = FULL
        elif (situation or outcome) and personal:
            score = TWO_PARTS
        elif situation or outcome:
            score = TWO_PARTS * GENERAL_FACTOR
        elif later or framed:
            score = TWO_PARTS  # "I want X when Y", "what I'm trying to do is X"
        else:
            return None  # a bare "I want" states a wish, not a job: no situation, no outcome
        if index.is_question(first):
            score *= QUESTION_FACTOR
        # The statement runs from its situation word (or the motivation's clause) to the end
        # of the clause of its outcome (or of the motivation): not the whole sentence.
        start = situations[-1] if situation else clause_start
        end = index.clause(outcomes[0] if outcome else later[0] if later else first)[1]
        if framed and not (situation or outcome or later):
            end = index.sentence(first)[1]  # «Моя цель — видеть …»: the job follows the dash
        start, end = self.splitter.trim(index.view, start, end)
        if end - start < 3:
            return None
        span = doc[start:end]
        span.label_ = "full" if situation and outcome else ""
        set_span_values(span, self.group, score=round(score, 3), key=content_key(span, self.key_words))
        return span

    @staticmethod
    def _later_situations(index: SentenceIndex, parts: list[tuple[str, int]], motivation: int) -> list[int]:
        """Situation words after the motivation that set a situation: not "if" (whether), nor
        "when" right after a verb of knowing ("I need to know when it ships")."""
        knowing = {at for role, at in parts if role == "knowing"}
        view = index.view
        found = []
        for role, at in parts:
            if role != "situation" or at <= motivation:
                continue
            before = at - 1
            while before > motivation and (view.space[before] or view.punct[before]):
                before -= 1
            if before not in knowing:
                found.append(at)
        return found


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
