"""The span groups and span attributes every `jtbd_*` component writes (shared contract)."""

from __future__ import annotations

from typing import Any

#: doc.spans key per extraction kind; components write only their own group.
SPAN_GROUPS: dict[str, str] = {
    "phrase": "jtbd_phrase",
    "friction": "jtbd_friction",
    "competitor": "jtbd_competitor",
    "force": "jtbd_force",
    "job": "jtbd_job",
    "churn_risk": "jtbd_churn_risk",
    "emotion": "jtbd_emotion",
}

#: Span extension attributes: score 0..1, valence -2..+2 (emotion only), key (normalized lemma key).
SPAN_EXTENSIONS: dict[str, Any] = {"score": None, "valence": None, "key": None}


def register_extensions() -> None:
    """Register the span extensions once per process (idempotent)."""
    from spacy.tokens import Span

    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
