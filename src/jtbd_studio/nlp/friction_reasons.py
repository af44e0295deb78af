"""Reasons for leaving are friction: what follows «из-за», «потому что», "because" where
customers leave, cancel or switch («клиенты уходят из-за того, что менеджер меняется каждый
месяц»), in any words (GUIDELINES: general statements of what drives customers away)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jtbd_studio.nlp.clauses import Hit, SentenceIndex
from jtbd_studio.nlp.cues import CueMatcher

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from jtbd_studio.nlp.negation import Negation

#: A reason clause this short after its connector is a placeholder («из-за того, что …»,
#: "because of the fact that …"): the reason is the clause after it.
PLACEHOLDER_TOKENS = 2


class LeavingReasons:
    """Friction cue file roles `leave` (verbs and nouns of leaving: «уйти», «отказаться», «отток»,
    "cancel", "stop using") and `reason` (causal connectors). A reason connector in a
    sentence with a leaving word that is not negated («мы не ушли, потому что …» gives a reason
    to stay) starts a friction hit that runs to the end of its clause, unless a cue of the
    lexicon already made friction there or the connector itself is negated («не из-за цены»).
    Role `not_leaving` marks a leaving word that is no customer leaving («ушла в декрет»)."""

    def __init__(self, nlp: Language, negation: Negation) -> None:
        self.matcher = CueMatcher(nlp, "friction", roles=("leave", "reason", "not_leaving"))
        self.negation = negation

    def hits(self, doc: Doc, index: SentenceIndex, kept: list[Hit]) -> list[Hit]:
        """The reason hits of `doc` that no hit in `kept` covers already."""
        found = self.matcher.find(doc)
        if len(found) < 2:
            return []
        view, negation = index.view, self.negation
        away = [(start, end) for cue, start, end in found if cue.role == "not_leaving"]
        leaving = {
            index.sentence(start)
            for cue, start, end in found
            if cue.role == "leave"
            and not any(a_start <= start < a_end for a_start, a_end in away)
            and not negation.is_negated(view, start, end, *index.clause(start))
        }
        result: list[Hit] = []
        for cue, start, end in found:
            if cue.role != "reason" or index.sentence(start) not in leaving:
                continue
            clause = index.clause(start)
            if negation.is_negated(view, start, end, *clause) or index.is_question(start):
                continue
            stop = clause[1]
            sentence_end = index.sentence(start)[1]
            if stop - end <= PLACEHOLDER_TOKENS and stop < sentence_end:
                stop = index.clause(min(stop + 1, sentence_end - 1))[1]
            if end >= stop or any(h.start < stop and start < h.end for h in result):
                continue
            if any(clause[0] <= h.start < stop for h in kept):
                continue  # the lexicon found the problem in this clause already
            result.append(Hit(cue, start, end, (start, stop), cue.score, cue.label))
        return result
