"""Emoticons: the one-character shortcuts say what the regex and the sentence text would say."""

from __future__ import annotations

import pytest

from jtbd_studio.nlp.emoticons import Emoticons, plain_brackets
from jtbd_studio.nlp.view import doc_view
from tests.unit.nlp.kinds_pipeline import analyze

# Brackets around words, at sentence edges (the sentencizer may cut «(С декламацией.)» after
# the "("), after digits, repeated, glued into emoticons, and lone characters of emoticons.
TEXTS = {
    "ru": [
        "Я доволен. (С декламацией.) Лабардан!",
        "(в сторону) Ну и ну, (смеётся) всё (почти) работает.",
        "Опять :( (вздыхает) ничего не вышло :-( (",
        "Пункты: 1) договор (см. ниже) и 2) счёт 3(.",
        "Ну и ладно ) а вот это (( и )) и ( ( и ) ) и слабость( тоже",
        "Входит (вытягиваясь и представляя лакея): «Иван!» (Уходит.)",
        "== Явление I == Городничий = мэр =) и =( и = ( и :( конец",
        "Вот так(\nдальше) и ещё ( смеётся) и )( и () и ())",
        ")) в начале, ( в конце (",
        "Ну (« да » и вот (! и так (…",
    ],
    "en": [
        "It was fine (laughs). Really :) (sighs) and [inaudible] (laughs)",
        "Steps: 1) sign in (see below) and 2) export ) done (",
        "Great:) (no) bad:( (yes) ;) ( x) xD (XD) <3 (<3) >:( (",
    ],
}


def both_ways(lang: str, text: str) -> tuple[list, list]:
    """Feelings found with the shortcuts and without them (every token through the regex)."""
    doc = analyze(lang, text)
    view = doc_view(doc)
    fast = [(f.token, f.valence, f.label) for f in Emoticons(lang).find(view)]
    slow = [(f.token, f.valence, f.label) for f in Emoticons(lang, shortcuts=False).find(view)]
    return fast, slow


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, ts in TEXTS.items() for t in ts])
def test_shortcuts_agree_with_the_regex_and_the_sentence(lang: str, text: str) -> None:
    fast, slow = both_ways(lang, text)
    assert fast == slow


def test_brackets_around_words_are_no_smileys_and_a_lone_one_is() -> None:
    fast, _ = both_ways("ru", "Он (смеётся) доволен, ну и ладно )")
    assert [(token, label) for token, _, label in fast] == [(9, "delight")]


def test_a_bracket_is_settled_only_when_no_literal_starts_with_it() -> None:
    assert Emoticons("ru")._plain == frozenset("()")
    assert plain_brackets({":(": None, "(:": None}, {"(": None, ")": None}) == frozenset(")")
    assert plain_brackets({":(": None}, {")": None}) == frozenset(")")
    assert plain_brackets({}, {}) == frozenset()


def test_the_form_memo_starts_over_and_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past FORM_MEMO_LIMIT judged forms the finder forgets them: memory stays flat on an
    endless stream of new words, and what it finds does not change."""
    from jtbd_studio.nlp import emoticons

    texts = [f"Слово{n} и ещё{n} :) а потом (в сторону) снова{n}" for n in range(40)]
    views = [doc_view(analyze("ru", text)) for text in texts]
    found = [[(f.token, f.label) for f in Emoticons("ru").find(v)] for v in views]
    monkeypatch.setattr(emoticons, "FORM_MEMO_LIMIT", 10)
    finder = Emoticons("ru")
    again = [[(f.token, f.label) for f in finder.find(v)] for v in views]
    assert again == found
    assert all(any(label == "delight" for _, label in doc) for doc in again)
    assert len(finder._no) < 10 + 2 * len(views[-1].words)  # it did start over
