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


#: doc.user_data key of the (name, start_char, end_char) of the values set since the last
#: `set_group`. user_data stays flat (tuples, lists, numbers, strings): docs cross processes as
#: msgpack (nlp.pipe with n_process), which refuses a nested dict with tuple keys.
_PENDING = "jtbd_pending"


def set_group(doc: Any, name: str, spans: list[Any]) -> None:
    """`doc.spans[name] = spans` at a third of the cost (every component sets its group on every
    doc): the SpanGroup is made here and put straight into the dict behind spaCy's proxy, which
    would otherwise check and wrap the list itself.

    The values the component set for its spans (`set_span_values`) are kept for this group
    too: spaCy keeps `span._` values per characters, so a later component's span at the same
    characters (a force or a phrase on a friction clause) would overwrite them."""
    doc.spans.data[name] = _span_group()(doc, name=name, spans=spans)
    data = doc.user_data
    for value_name, start, end in data.pop(_PENDING, ()):
        data["jtbd", name, value_name, start, end] = data["._.", value_name, start, end]


@functools.cache
def _span_group() -> Any:
    from spacy.tokens import SpanGroup

    return SpanGroup


def set_span_values(span: Any, **values: Any) -> None:
    """Set some of the span's extension values (`score=…, key=…`), as `span._.name = value`
    does for each, without building the accessor (see span_values for where they live)."""
    data, start, end = span.doc.user_data, span.start_char, span.end_char
    pending = data.get(_PENDING)
    if pending is None:
        pending = data[_PENDING] = []
    for name, value in values.items():
        if name not in SPAN_EXTENSIONS:
            raise AttributeError(f"no span extension {name!r}")
        data["._.", name, start, end] = value
        pending.append((name, start, end))


def span_values(
    doc: Any, start_char: int, end_char: int, group: str | None = None
) -> tuple[Any, Any, Any]:
    """The score, valence and key of the spans at [start_char, end_char) of `doc`, read
    without building a `span._` accessor per span (extraction reads thousands of spans).

    With `group`, the values that group's component set (see `set_group`); else, or when it
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
