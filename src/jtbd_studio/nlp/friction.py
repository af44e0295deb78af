"""The `jtbd_friction` component: clauses that state a barrier, with negation, wishes and advice."""

from __future__ import annotations

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseExtractor
from jtbd_studio.nlp.spans import register_extensions


class Friction(ClauseExtractor):
    """Problem cues («долго», «не работать», "took forever") → the clause that states the problem.

    Cues come from `friction.jsonl`; labels are sub-types (slow, hard, broken, missing, cost,
    confusing, annoying, support, general). A denied problem («проблем не было», "no issues at
    all"), a wish without a problem ("it would be nice to have…") and advice that names no
    problem are not friction: negation and the `wish`/`advice` guards drop them.
    """

    kind = "friction"

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, "friction")


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
