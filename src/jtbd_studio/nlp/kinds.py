"""Imports the semantic components so their `jtbd_*` factories are registered with spaCy.

Importing this module imports spaCy: only the pipeline builder should import it, lazily.
"""

from __future__ import annotations

from jtbd_studio.nlp import churn, emotion, forces, friction, jobs, phrases

#: Factory names in pipeline order (after the lemmatizer and the sentencizer).
SEMANTIC_COMPONENTS: tuple[str, ...] = (
    "jtbd_friction",
    "jtbd_emotion",
    "jtbd_force",
    "jtbd_job",
    "jtbd_churn_risk",
    "jtbd_phrase",
)

__all__ = ["SEMANTIC_COMPONENTS", "churn", "emotion", "forces", "friction", "jobs", "phrases"]
