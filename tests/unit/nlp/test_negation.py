"""Negation windows, post-negation and intensity on the real pipelines (ru, en)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from jtbd_studio.nlp import cues
from jtbd_studio.nlp.cues import doc_view
from jtbd_studio.nlp.negation import Intensity, Negation
from jtbd_studio.nlp.pipeline import build_pipeline
from tests.unit.nlp.kinds_pipeline import analyze


def token_index(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.lower_ == word)


@pytest.mark.parametrize(
    ("lang", "text", "cue", "negated"),
    [
        ("ru", "Проблем с внедрением вообще не было.", "проблем", True),
        ("ru", "Никаких проблем.", "проблем", True),
        ("ru", "Было не сложно.", "сложно", True),
        ("ru", "Не только сложно, но и долго.", "сложно", False),
        ("ru", "Это не так, сложно всё.", "сложно", False),
        ("ru", "Проблема была серьёзная.", "проблема", False),
        # a post-negation a few words after its noun; not across a word that opens a clause
        ("ru", "Проблем с отчётами у нас не было.", "проблем", True),
        ("ru", "Сложностей с настройкой у нас вообще не было.", "сложностей", True),
        ("ru", "Проблема в том что у нас нет отчётов.", "проблема", False),
        # an aside between commas made only of asides and fillers does not end the window
        ("ru", "Проблем с переносом данных, в общем, не было.", "проблем", True),
        ("ru", "Сбоев, насколько я помню, не было.", "сбоев", True),
        ("ru", "Трудностей, слава богу, не возникло.", "трудностей", True),
        ("ru", "Проблемы, конечно, были, но мы справились.", "проблемы", False),
        ("ru", "Проблемы, которые нас бесили, не решились.", "проблемы", False),
        ("en", "Issues with the import, honestly, none.", "issues", True),
        ("en", "We had no issues.", "issues", True),
        ("en", "It wasn't hard.", "hard", True),
        ("en", "I didn't find it hard.", "hard", True),
        ("en", "Not only hard but slow.", "hard", False),
        ("en", "It was hard.", "hard", False),
    ],
)
def test_negation_window(lang: str, text: str, cue: str, negated: bool) -> None:
    assert cue_negated(lang, text, cue) is negated


def test_intensity_factors() -> None:
    nlp = build_pipeline("ru")
    doc = analyze("ru", "очень долго, слегка долго, долго")
    view = doc_view(doc)
    factors = [Intensity(nlp).factor(view, t.i, 0) for t in doc if t.lower_ == "долго"]
    assert factors[0] > 1 > factors[1]
    assert factors[2] == 1.0


@pytest.fixture
def lexicon_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The lexicon folder of a made-up language "xx", read instead of the shipped ones."""
    folder = tmp_path / "lexicons" / "xx"
    folder.mkdir(parents=True)
    monkeypatch.setattr(cues, "corpora_dir", lambda: tmp_path)
    cues.load_cues.cache_clear()
    yield folder
    cues.load_cues.cache_clear()


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    cues.load_cues.cache_clear()


def test_a_malformed_cue_file_names_the_file_and_line(lexicon_folder: Path) -> None:
    _write(lexicon_folder, "friction",
           '# a comment\n{"pattern": "slow", "score": 0.5}\n{"pattern": "bad", "score": 7}\n')
    with pytest.raises(cues.LexiconError, match=r"friction\.jsonl:3: 'score'"):
        cues.load_cues("xx", "friction")
    _write(lexicon_folder, "friction", '{"pattern": "_{0,2} slow"}\n')
    with pytest.raises(cues.LexiconError, match="must start with a word"):
        cues.CueMatcher(spacy.blank("xx"), "friction")
    # a form mark inside an item of lemmas would silently never match: refused
    _write(lexicon_folder, "friction", '{"pattern": "no|=nope"}\n')
    with pytest.raises(cues.LexiconError, match=r"friction\.jsonl:1: '=' marks a whole item"):
        cues.CueMatcher(spacy.blank("xx"), "friction")
    # "=?" is "=" made optional: an item that could never match a word is refused
    _write(lexicon_folder, "friction", '{"pattern": "is n\'t it =?"}\n')
    with pytest.raises(cues.LexiconError, match=r"friction\.jsonl:1: item '=\?' has no word"):
        cues.CueMatcher(spacy.blank("xx"), "friction")
    # "=.|=?" reads as an optional "=.|=": its empty alternative would make it match anything
    _write(lexicon_folder, "friction", '{"pattern": "sure =.|=?"}\n')
    with pytest.raises(cues.LexiconError, match=r"friction\.jsonl:1: item '=\.\|=\?' has an empty"):
        cues.CueMatcher(spacy.blank("xx"), "friction")
    _write(lexicon_folder, "friction", '{"pattern": "slow||sluggish"}\n')
    with pytest.raises(cues.LexiconError, match="has an empty alternative"):
        cues.CueMatcher(spacy.blank("xx"), "friction")


def test_a_repeated_form_mark_applies_to_every_alternative(lexicon_folder: Path) -> None:
    _write(lexicon_folder, "friction", '{"pattern": "=cost =me|=us"}\n')
    nlp = spacy.blank("xx")
    matcher = cues.CueMatcher(nlp, "friction")
    found = [(start, end) for _, start, end in matcher.find(nlp("it cost us a week"))]
    assert found == [(1, 3)]


def test_word_lists_read_alternatives_as_patterns_do(lexicon_folder: Path) -> None:
    _write(lexicon_folder, "negation",
           '{"pattern": "any|ever", "role": "npi"}\n{"pattern": "=never", "role": "pre"}\n')
    lists = cues.word_lists("xx", "negation")
    assert lists["npi"] == {"any", "ever"}
    assert lists["pre"] == {"never"}


def test_a_language_without_cue_files_extracts_nothing() -> None:
    import jtbd_studio.nlp.kinds as kinds

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    for name in kinds.SEMANTIC_COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Das Onboarding war langsam und schwierig.")
    assert all(len(doc.spans[group]) == 0 for group in doc.spans)
    assert len(doc.spans) == len(kinds.SEMANTIC_COMPONENTS)


@pytest.mark.parametrize(
    ("lang", "text", "cue", "negated"),
    [
        ("en", "I don't think there were really any issues.", "issues", True),
        ("en", "There were really many issues.", "issues", False),
        ("ru", "Не скажу, что были какие-либо сбои.", "сбои", True),
        ("ru", "Были какие-то сбои.", "сбои", False),
    ],
)
def test_a_negative_polarity_word_carries_an_earlier_negator(
    lang: str, text: str, cue: str, negated: bool
) -> None:
    assert cue_negated(lang, text, cue) is negated


def test_a_non_breaking_space_does_not_widen_the_window() -> None:
    assert cue_negated("ru", "Было\u00a0не\u00a0\u00a0сложно.", "сложно")


@pytest.mark.parametrize(
    ("lang", "text", "cue", "negated"),
    [
        ("en", "We did not want to be just stuck with one vendor.", "stuck", True),
        ("en", "We were just stuck with one vendor.", "stuck", False),
        ("en", "No one told us and the import was really very slow.", "slow", False),
        ("ru", "Разобраться было не так уж и сложно.", "сложно", True),
        ("ru", "Разобраться было так уж сложно.", "сложно", False),
        ("ru", "Не работает отчёт и поиск очень медленный.", "медленный", False),
    ],
)
def test_transparent_words_do_not_use_up_the_window(
    lang: str, text: str, cue: str, negated: bool
) -> None:
    assert cue_negated(lang, text, cue) is negated


@pytest.mark.parametrize(
    ("lang", "text", "cue", "negated"),
    [
        ("en", "I don't think the onboarding was slow", "slow", True),
        ("en", "It's not that the old reports were confusing", "confusing", True),
        ("en", "I think the onboarding was slow", "slow", False),
        ("en", "Not everyone noticed and the onboarding was slow", "slow", False),
        ("ru", "Не скажу что внедрение шло медленно", "медленно", True),
        ("ru", "Скажу что внедрение шло медленно", "медленно", False),
    ],
)
def test_a_clause_negator_reaches_the_whole_clause(
    lang: str, text: str, cue: str, negated: bool
) -> None:
    nlp = build_pipeline(lang)
    doc = analyze(lang, text)
    i = token_index(doc, cue)
    negation = Negation(nlp)
    view = doc_view(doc)
    assert negation.is_negated(view, i, i + 1, 0, len(doc), clause_scope=True) is negated
    # Callers whose floor is a sentence, not a clause (emotion), keep the plain window.
    assert negation.is_negated(view, i, i + 1, 0, len(doc)) is False


def test_a_clause_negator_that_ends_the_clause_before_reaches_the_next_one() -> None:
    nlp = build_pipeline("ru")
    doc = analyze("ru", "Клиент уходит не потому, что продукт плохой.")
    i = token_index(doc, "плохой")
    comma = token_index(doc, ",")
    negation = Negation(nlp)
    view = doc_view(doc)
    assert negation.is_negated(view, i, i + 1, comma + 1, len(doc), True, outer=0)
    assert not negation.is_negated(view, i, i + 1, comma + 1, len(doc), True, outer=None)
    later = analyze("ru", "Клиент уходит не потому, что цена, а продукт плохой.")
    j = token_index(later, "плохой")
    k = token_index(later, "а")
    assert not negation.is_negated(doc_view(later), j, j + 1, k, len(later), True, outer=0)


def cue_negated(lang: str, text: str, cue: str) -> bool:
    """Whether the word `cue` of `text` is negated, with the whole doc as its clause."""
    doc = analyze(lang, text)
    i = token_index(doc, cue)
    return Negation(build_pipeline(lang)).is_negated(doc_view(doc), i, i + 1, 0, len(doc))


@pytest.mark.parametrize(
    ("lang", "text", "cue", "negated"),
    [
        # a negator of the verb does not reach the quality of a presupposed noun phrase
        ("en", "We couldn't use their terrible export.", "terrible", False),
        ("en", "We never used their confusing reports.", "confusing", False),
        ("en", "I don't want your useless reports.", "useless", False),
        ("ru", "Мы не пользовались их запутанными отчётами.", "запутанными", False),
        ("ru", "Я уж не помню твоих глупых счетов.", "глупых", False),
        ("ru", "Нам не понравился этот неудобный интерфейс.", "неудобный", False),
        # a negator right before the determiner denies the phrase
        ("en", "It's not their best work.", "best", True),
        ("ru", "Это не их лучшая работа.", "лучшая", True),
        # no possessive or demonstrative ("the" is not one: "didn't get the good support we
        # were promised"), or «их» as "them" before a verb: the negator reaches the cue as before
        ("en", "We didn't have any annoying bugs.", "annoying", True),
        ("en", "We couldn't use the terrible export.", "terrible", True),
        ("ru", "Мы не смогли их нормально настроить.", "нормально", True),
        ("ru", "У нас не было никаких раздражающих ошибок.", "раздражающих", True),
        ("en", "I don't find this hard.", "hard", True),
    ],
)
def test_a_presupposed_noun_phrase_keeps_its_quality(
    lang: str, text: str, cue: str, negated: bool
) -> None:
    assert cue_negated(lang, text, cue) is negated


@pytest.mark.parametrize(
    ("text", "cue", "negated"),
    [
        # «не бывать» after its noun denies it like «не было»
        ("Сложных случаев у нас не бывает.", "сложных", True),
        ("Проблем у нас, в общем, не бывает.", "проблем", True),
        # «тьфу-тьфу» between commas is an aside: the post-negation still reaches back
        ("Поломок, тьфу-тьфу, не было ни одной.", "поломок", True),
        ("Сбои бывают постоянно.", "сбои", False),
    ],
)
def test_russian_post_negations_and_asides(text: str, cue: str, negated: bool) -> None:
    assert cue_negated("ru", text, cue) is negated
