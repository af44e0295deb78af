"""The study's competitor list is matched in every form, with guards for ambiguous words."""

from __future__ import annotations

import pytest

from jtbd_studio.nlp import competitors_from, extract

LIST = competitors_from(
    [
        ("Битрикс24", ["Bitrix24", "битрикс"]),
        ("Сбербанк", ["Сбер"]),
        ("Chrome", ["Google Chrome"]),
        ("Edge", []),
        ("IE", ["Internet Explorer"]),
        ("HubSpot", []),
        ("Мой склад", ["МойСклад"]),
    ]
)


def mentions(text: str, lang: str = "auto") -> list[tuple[str, str | None]]:
    return [(f.text, f.label) for f in extract(text, lang=lang, competitors=LIST) if f.kind == "competitor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Раньше мы сидели в Битриксе.", [("Битриксе", "Битрикс24")]),
        ("Из Битрикса ничего не выгрузить.", [("Битрикса", "Битрикс24")]),
        ("Перешли с Bitrix24 на вас.", [("Bitrix24", "Битрикс24")]),
        ("Карта была от Сбера, потом от Сбербанка.", [("Сбера", "Сбербанк"), ("Сбербанка", "Сбербанк")]),
        ("Склад вели в МойСклад, но в «Мой склад» нет CRM.", [("МойСклад", "Мой склад"), ("Мой склад", "Мой склад")]),
        ("Хроме всё тормозит, говорю же: в Хроме.", [("Хроме", "Chrome")]),
    ],
)
def test_russian_forms(text, expected):
    assert mentions(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chrome's tabs ate my memory.", [("Chrome", "Chrome")]),
        ("We still use IE11 for the old portal.", [("IE11", "IE")]),
        ("Half the team runs Crome anyway.", [("Crome", "Chrome")]),
        ("Everyone had Google Chrome installed.", [("Google Chrome", "Chrome")]),
        ("we moved to hubspot last spring", [("hubspot", "HubSpot")]),
        ("Edge keeps crashing on my laptop.", [("Edge", "Edge")]),
        ("I opened it in Edge and in Internet Explorer.", [("Edge", "Edge"), ("Internet Explorer", "IE")]),
    ],
)
def test_english_forms(text, expected):
    assert mentions(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was on the edge of giving up.",
        "It is a plain case, i.e. nothing special.",
        "That is an edge case we never hit.",
        "Мы покрыли детали хромом, и всё.",
        "ie the old flow was fine",
    ],
)
def test_ambiguous_words_are_not_mentions(text):
    assert mentions(text) == []


def test_list_matches_score_high_and_key_is_canonical():
    found = [f for f in extract("Сидели в Битриксе", competitors=LIST) if f.kind == "competitor"]
    assert [(f.key, f.score >= 0.9) for f in found] == [("битрикс24", True)]


def test_with_a_list_nothing_else_is_proposed():
    assert mentions("Мы перешли на amoCRM из Битрикса.", "ru") == [("Битрикса", "Битрикс24")]


def test_cyrillic_alias_finds_latin_spelling():
    cl = competitors_from([("Битрикс", [])])
    found = [f.text for f in extract("We used Bitrix before.", competitors=cl) if f.kind == "competitor"]
    assert found == ["Bitrix"]


JOINED = competitors_from([("Google Sheets", ["гугл таблицы"]), ("Мой склад", []), ("Zoho CRM", [])])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a multi-word name written as one word, inflected at its end
        ("Всё ведём в гугл-таблицах.", [("гугл-таблицах", "Google Sheets")]),
        ("Остатки смотрим в МойСкладе.", [("МойСкладе", "Мой склад")]),
        ("Раньше был Мой-склад.", [("Мой-склад", "Мой склад")]),
        ("We kept it all in Google-Sheets.", [("Google-Sheets", "Google Sheets")]),
        ("We kept it all in googlesheets.", [("googlesheets", "Google Sheets")]),
        ("Then zoho-crm came along.", [("zoho-crm", "Zoho CRM")]),
        # a spaced dash is punctuation, not a joint; half a name is no name
        ("Google - Sheets, I mean.", []),
        ("Всё лежало на складе.", []),
        ("It was all in sheets and in Google Docs.", []),
    ],
)
def test_multi_word_names_written_joined(text, expected):
    found = [(f.text, f.label) for f in extract(text, competitors=JOINED) if f.kind == "competitor"]
    assert found == expected
