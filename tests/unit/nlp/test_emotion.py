"""Emotion: valence -2..+2 and a taxonomy label per sentence, negation, intensifiers, emoticons."""

from __future__ import annotations

import tomllib

import pytest

from jtbd_studio.nlp.emotion import taxonomy_labels
from jtbd_studio.paths import corpora_dir
from tests.unit.nlp.kinds_pipeline import analyze


def feelings(lang: str, text: str) -> list[tuple[str, int, str]]:
    doc = analyze(lang, text)  # the spans live only as long as their doc
    return [(s.text, s._.valence, s.label_) for s in doc.spans["jtbd_emotion"]]


@pytest.mark.parametrize(
    ("lang", "text", "sign"),
    [
        ("ru", "Это было просто ужасно, поддержка молчала неделю.", -1),
        ("ru", "Очень доволен, всё работает как часы!", 1),
        ("ru", "Боимся, что данные потеряются при переезде.", -1),
        ("ru", "Спасибо, ребята, вы лучшие", 1),
        ("ru", "Опять всё зависло((", -1),
        ("ru", "Наконец-то разобрались с отчётами)", 1),
        ("ru", "Не очень доволен новой версией.", -1),
        ("ru", "Совсем не плохо для первой версии.", 1),
        ("en", "The support team was amazing after our outage.", 1),
        ("en", "Honestly it was a nightmare to set up.", -1),
        ("en", "This is not bad at all :)", 1),
        ("en", "I'm really frustrated with the reporting.", -1),
        ("en", "We were worried about losing our data.", -1),
        ("en", "Love it 😍", 1),
    ],
)
def test_sentence_valence_sign(lang: str, text: str, sign: int) -> None:
    (found,) = feelings(lang, text)
    assert found[1] * sign > 0


def test_intensifiers_and_exclamation_strengthen() -> None:
    assert feelings("ru", "Хорошо.")[0][1] == 1
    assert feelings("ru", "Очень-очень хорошо, просто отлично!")[0][1] == 2
    assert feelings("en", "It was good.")[0][1] == 1
    assert feelings("en", "It was extremely good!")[0][1] == 2


def test_one_span_per_feeling_sentence_without_trailing_whitespace() -> None:
    text = "Внедрение прошло ужасно.  Отчёт готов к пятнице. А вот поддержка порадовала!\n"
    doc = analyze("ru", text)  # the spans live only as long as their doc
    spans = list(doc.spans["jtbd_emotion"])
    assert [s.text for s in spans] == ["Внедрение прошло ужасно.", "А вот поддержка порадовала!"]
    assert [s._.valence for s in spans] == [-2, 1]
    for span in spans:
        assert text[span.start_char : span.end_char] == span.text


def test_neutral_and_wish_sentences_carry_no_feeling() -> None:
    assert feelings("ru", "Мы работаем с системой третий год.") == []
    assert feelings("en", "We have twelve managers in sales.") == []
    assert feelings("en", "It would be nice to have dark mode.") == []


def test_agreement_is_no_feeling() -> None:
    # "yeah" answers a question in almost every English turn (its lemma is "yes"): the gold set
    # marks "Yeah, we use PDP and ICE plots." neutral, as GUIDELINES judges the feeling
    assert feelings("en", "Yeah, we use PDP and ICE plots.") == []
    assert feelings("en", "Yes.") == []
    assert [v for _, v, _ in feelings("en", "Yes, I love it.")] == [2]  # the feeling is "love"


def test_brackets_are_not_smileys() -> None:
    assert feelings("ru", "Мы (отдел продаж) ведём сделки в таблице.") == []
    assert feelings("ru", "1) выгрузка 2) отчёты") == []


def test_labels_come_from_the_taxonomy_and_valence_is_in_range() -> None:
    path = corpora_dir() / "taxonomy" / "emotions.toml"
    ids = {label["id"] for label in tomllib.loads(path.read_text(encoding="utf-8"))["labels"]}
    assert taxonomy_labels() == ids
    text = "Ужас! Класс! Боюсь. Непонятно. Удивительно. Жаль. Спокойно. Интересно."
    doc = analyze("ru", text)  # the spans live only as long as their doc
    spans = list(doc.spans["jtbd_emotion"])
    assert len(spans) >= 6
    for span in spans:
        assert span.label_ in ids
        assert -2 <= span._.valence <= 2
        assert 0 < span._.score <= 1
    labels = {s.text: s.label_ for s in spans}
    assert labels["Боюсь."] == "anxiety"
    assert labels["Непонятно."] == "confusion"
    assert labels["Удивительно."] == "surprise"


@pytest.mark.parametrize(
    ("lang", "text", "sign"),
    [
        ("ru", "Вчера было весело:)правда", 1),
        ("ru", "Опять всё сломалось:(обидно", -1),
        ("ru", "Ну и ладно )", 1),
        ("ru", "Сегодня снова дождь:_(", -1),
        ("en", "The new dashboard is great!!:)", 1),
        ("en", "Lost my draft again:((", -1),
    ],
)
def test_emoticons_glued_to_words_or_split_count(lang: str, text: str, sign: int) -> None:
    found = feelings(lang, text)
    assert found and all((valence > 0) == (sign > 0) for _, valence, _ in found)


def test_numbered_items_and_asides_are_not_smileys() -> None:
    assert feelings("ru", "Пункты: 1) договор (см. ниже) и 2) счёт.") == []
    assert feelings("en", "Steps: 1) sign in (see below) and 2) export.") == []


@pytest.mark.parametrize(
    ("lang", "text", "sign"),
    [
        ("en", "The start was slow and annoying, but the support team was amazing.", 1),
        ("en", "The design looks nice, but I hate the export.", -1),
        ("ru", "Сначала было неудобно, но теперь всё просто отлично.", 1),
        ("ru", "Выглядит красиво, но пользоваться этим ужасно.", -1),
    ],
)
def test_the_clause_after_but_outweighs_the_one_before(lang: str, text: str, sign: int) -> None:
    ((_, valence, _),) = feelings(lang, text)
    assert (valence > 0) == (sign > 0)


def test_a_hypothetical_clause_weakens_only_itself() -> None:
    ((_, valence, _),) = feelings("ru", "Чёрт, ужасно устал, как будто бы неделю не спал.")
    assert valence < 0
    ((_, strong, _),) = feelings("ru", "Здорово, что добавили экспорт.")
    ((_, hoped, _),) = feelings("ru", "Было бы здорово добавить экспорт.")
    assert 0 < hoped < strong
