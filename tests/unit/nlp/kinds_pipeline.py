"""The real pipeline run up to (not including) the competitor component, for the kinds' tests."""

from __future__ import annotations

from spacy.tokens import Doc

from jtbd_studio.nlp.pipeline import build_pipeline


def analyze(lang: str, text: str, role: str | None = None) -> Doc:
    """Keep the returned doc in a variable: its span groups live only as long as it does."""
    nlp = build_pipeline(lang)
    doc = nlp.make_doc(text)
    if role is not None:
        doc.user_data["jtbd_role"] = role
    for name, proc in nlp.pipeline:
        if name == "jtbd_competitor":
            break
        doc = proc(doc)
    return doc


def emotion_sign(lang: str, text: str) -> int:
    """The sign (-1, 0, 1) of the summed valence of the text's emotion spans."""
    doc = analyze(lang, text)
    total = sum(span._.valence or 0 for span in doc.spans["jtbd_emotion"])
    return (total > 0) - (total < 0)
