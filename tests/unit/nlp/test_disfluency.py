"""Cue patterns read through hesitations, fillers set off by commas and words said twice
(cues.Disfluency): spoken complaints are found as their clean wording is, with exact offsets."""

from __future__ import annotations

import pytest

from jtbd_studio.nlp import extract
from jtbd_studio.nlp.cues import CueMatcher, disfluency
from jtbd_studio.nlp.pipeline import build_pipeline
from jtbd_studio.nlp.view import doc_view
from tests.unit.nlp.kinds_pipeline import emotion_sign

#: (language, clean wording, the same said with hesitations, fillers or a repeated word)
SPOKEN = [
    ("en", "It took me a while to find the slider.", "It took me, um, a while to find the slider."),
    ("en", "We waited three weeks for support.", "We waited, like, three weeks for, um, for support."),
    ("en", "We waited three weeks for support.", "We waited, you know, three weeks for support."),
    ("en", "It took me a while to find it.", "It took me uh a while to find it."),
    ("ru", "Мы ждали три недели ответа поддержки.", "Мы ждали, ну, три недели ответа поддержки."),
    ("ru", "Мы ждали три недели ответа поддержки.", "Мы ждали, эм, три недели ответа поддержки."),
    ("ru", "Мы ждали три недели ответа поддержки.", "Мы ждали, как бы, три недели ответа поддержки."),
]


def friction(lang: str, text: str) -> list[str]:
    return [text[f.start : f.end] for f in extract(text, lang=lang) if f.kind == "friction"]


@pytest.mark.parametrize(("lang", "clean", "spoken"), SPOKEN)
def test_a_complaint_said_with_fillers_is_found_as_its_clean_wording(
    lang: str, clean: str, spoken: str
) -> None:
    assert friction(lang, clean)
    spans = friction(lang, spoken)
    assert spans
    assert all(span in spoken for span in spans)


@pytest.mark.parametrize(("lang", "clean", "spoken"), [SPOKEN[0], SPOKEN[4]])
def test_without_the_hops_the_spoken_wording_is_missed(
    lang: str, clean: str, spoken: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests above fail when the matcher does not read through: the cue needs the hops."""
    nlp = build_pipeline(lang)
    reader = disfluency(nlp)
    monkeypatch.setattr(reader, "hesitations", frozenset())
    monkeypatch.setattr(reader, "first_words", frozenset())
    assert friction(lang, clean)
    assert not friction(lang, spoken)


def hops_of(lang: str, text: str) -> dict[int, int] | None:
    nlp = build_pipeline(lang)
    doc = nlp(text)
    CueMatcher(nlp, "friction").find(doc)
    return doc_view(doc).hops


def test_the_hops_land_past_each_run() -> None:
    # It(0) took(1) me(2) ,(3) um(4) ,(5) a(6) while(7)
    assert hops_of("en", "It took me, um, a while") == {3: 6, 4: 6}
    # a word said twice, in speech (a doc with a hesitation or a filler):
    # um(0) ,(1) for(2) ,(3) for(4) support(5) ,(6) so(7) check(8) the(9) the(10) logs(11)
    hops = hops_of("en", "Um, for, for support, so check the the logs, you know")
    assert hops is not None and hops[3] == 5 and hops[10] == 11
    # in prose, a word said twice is left as it is
    assert hops_of("en", "We had had enough, and that that was it") is None
    # a filler set off on one side only is a word of the sentence ("like three weeks")
    assert hops_of("en", "We waited, like three weeks") is None
    assert hops_of("ru", "Ну, мы ждали, ну, три недели") == {4: 7}


def test_a_match_never_starts_on_what_is_read_through() -> None:
    for lang, text in (("en", "Um, it works fine."), ("ru", "Ну, всё работает нормально.")):
        assert friction(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "sign"),
    [
        # a negator reads through what the patterns read through
        ("en", "It's not, um, easy to find the export.", -1),
        ("en", "I was not, like, happy with it.", -1),
        ("ru", "Это не, эм, удобно.", -1),
        # a negator that opens the sentence before a filler is an answer ("No, um, …")
        ("en", "No, um, it's great.", 1),
        ("ru", "Не, ну, удобно, в целом.", 1),
    ],
)
def test_negation_reads_through_fillers(lang: str, text: str, sign: int) -> None:
    assert emotion_sign(lang, text) == sign


def test_a_post_negation_reads_through_a_hesitation() -> None:
    assert friction("ru", "Проблем, эм, не было.") == []
    assert friction("ru", "Проблем, эм, было много.")
