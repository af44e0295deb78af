"""The `jtbd_churn_risk` component: signs that the client may leave."""

from __future__ import annotations

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseExtractor
from jtbd_studio.nlp.spans import register_extensions


class ChurnRisk(ClauseExtractor):
    """Churn cues from `churn.jsonl` → clause spans labelled by the kind of sign.

    Labels: alternatives (evaluating other options), cancel (not renewing, cancelling), budget
    (budget cut), champion (the sponsor left), repeated_problem (an unresolved problem that keeps
    coming back), usage (falling usage).
    """

    kind = "churn_risk"

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, "churn")


@Language.factory(
    "jtbd_churn_risk",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={},
)
def make_churn_risk(nlp: Language, name: str) -> ChurnRisk:
    """Build the churn-risk component for the pipeline's language."""
    register_extensions()
    return ChurnRisk(nlp)
