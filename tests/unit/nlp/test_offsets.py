"""Offsets are always exact: text == source[start:end], on any text."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jtbd_studio.nlp import competitors_from, extract
from jtbd_studio.nlp.engine import CHUNK_CHARS, pieces
from jtbd_studio.nlp.tokens import chunk_bounds

PIECES = [
    "Битрикс", "Битриксе", "Bitrix24", "Chrome's", "IE11", "i.e.", "«Медуза»", "Сбера",
    "перешли на amoCRM", "switched to HubSpot", "не", "проблем не было", "ужасно", "amazing",
    "😀", "👍🏽", "e\u0301", "й", "\r\n", "\n\n", "\t", " ", ".", "!", "?", "—", "…", "Ё",
    "ﬁ", "\u200b", "İ", "ß", "Ωmega", "日本",
]
LIST = competitors_from([("Битрикс24", ["Bitrix24", "битрикс"]), ("Chrome", []), ("IE", [])])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40))
def test_every_found_is_an_exact_substring(parts):
    source = "".join(parts)
    for competitors in (None, LIST):
        for found in extract(source, competitors=competitors):
            assert 0 <= found.start < found.end <= len(source)
            assert found.text == source[found.start : found.end]


def test_chunks_cover_the_text_exactly():
    text = ("Мы перешли на amoCRM. " * 9000) + "x" * 250_000
    bounds = list(chunk_bounds(text, CHUNK_CHARS))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b <= a + CHUNK_CHARS for a, b in bounds)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(bounds))


def test_long_single_line_keeps_offsets():
    line = "Сначала сидели в Битриксе, потом ушли. " * 6000
    found = [f for f in extract(line, competitors=LIST) if f.kind == "competitor"]
    assert len(found) == 6000
    assert all(line[f.start : f.end] == "Битриксе" for f in found)
    assert len(pieces(line)) > 1
