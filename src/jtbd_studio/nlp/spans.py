"""The span groups and span attributes every `jtbd_*` component writes (shared contract)."""

from __future__ import annotations

import functools
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


def set_group(doc: Any, name: str, spans: list[Any]) -> None:
    """`doc.spans[name] = spans` at a third of the cost (every component sets its group on every
    doc): the SpanGroup is made here and put straight into the dict behind spaCy's proxy, which
    would otherwise check and wrap the list itself."""
    doc.spans.data[name] = _span_group()(doc, name=name, spans=spans)


@functools.cache
def _span_group() -> Any:
    from spacy.tokens import SpanGroup

    return SpanGroup


#: `doc.user_data[STATED, start, end]`: how many problems a friction span joined from parts states
#: (a problem and its consequence, «…, пришлось перезапускать»: two); absent, one
STATED = "jtbd_problems_stated"


def problems_stated(span: Any) -> int:
    """How many problems the friction span `span` states (see STATED)."""
    stated: int = span.doc.user_data.get((STATED, span.start, span.end), 1)
    return stated


def set_problems_stated(span: Any, stated: int) -> None:
    """Record that the friction span `span` states `stated` problems (see STATED)."""
    span.doc.user_data[STATED, span.start, span.end] = stated


def set_span_values(span: Any, group: str, **values: Any) -> None:
    """Set some of the span's extension values (`score=…, key=…`), as `span._.name = value`
    does for each, without building the accessor, and keep them for `group` (the doc.spans
    group the span goes to) as well: spaCy keeps `span._` values per characters, so a later
    component's span at the same characters (a force or a phrase on a friction clause) would
    overwrite them. The keys stay flat tuples: docs cross processes as msgpack (nlp.pipe with
    n_process), which refuses a nested dict with tuple keys."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    for name, value in values.items():
        if name not in SPAN_EXTENSIONS:
            raise AttributeError(f"no span extension {name!r}")
        data["._.", name, start, end] = value
        data["jtbd", group, name, start, end] = value


def span_values(
    doc: Any, start_char: int, end_char: int, group: str | None = None
) -> tuple[Any, Any, Any]:
    """The score, valence and key of the spans at [start_char, end_char) of `doc`, read
    without building a `span._` accessor per span (extraction reads thousands of spans).

    With `group`, the values that group's component set (see `set_span_values`); else, or when it
    set none there, what `span._` reads: spaCy keeps span extension values in `doc.user_data`
    under this key, shared by all spans at the same characters; tests check it against `span._`.
    """
    get = doc.user_data.get
    if group is not None:
        own = (
            get(("jtbd", group, "score", start_char, end_char)),
            get(("jtbd", group, "valence", start_char, end_char)),
            get(("jtbd", group, "key", start_char, end_char)),
        )
        if own != (None, None, None):
            return own
    return (
        get(("._.", "score", start_char, end_char)),
        get(("._.", "valence", start_char, end_char)),
        get(("._.", "key", start_char, end_char)),
    )
