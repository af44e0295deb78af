"""Discovery without a list: names of companies and products, not capitalized ordinary words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jtbd_studio.nlp import extract

GOLD = Path(__file__).resolve().parents[2] / "data" / "eval" / "ru_rusentne_orgs.jsonl"


def names(text: str, lang: str = "auto") -> list[str]:
    return [f.text for f in extract(text, lang=lang) if f.kind == "competitor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Раньше мы сидели в Битриксе, потом перешли на amoCRM.", ["Битриксе", "amoCRM"]),
        ("Пользовались Мегапланом года два.", ["Мегапланом"]),
        ("Журналист «Медузы» написал об этом.", ["Медузы"]),
        ("Вчера в Газпроме снова сменили подрядчика.", ["Газпроме"]),
        ("Заявки падали в Telegram и терялись.", ["Telegram"]),
        ("Об этом сообщили в МВД.", ["МВД"]),
    ],
)
def test_russian_discovery(text, expected):
    assert names(text, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We switched to Pipedrive after the trial.", ["Pipedrive"]),
        ("Instead of Salesforce we went with a spreadsheet.", ["Salesforce"]),
        ("Our leads lived in HubSpot for a year.", ["HubSpot"]),
        ("The reports came from Google Analytics every Monday.", ["Google Analytics"]),
    ],
)
def test_english_discovery(text, expected):
    assert names(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "В понедельник Иван Петрович приехал в Москву.",
        "Антон Антонович, городничий, сказал, что ревизор едет.",
        "Мы перешли на другую систему, и стало проще.",
        "In March John told me we moved to a new tool in London.",
        "I think the old system was fine, but we switched to the new one.",
    ],
)
def test_no_candidates_in_ordinary_text(text):
    assert names(text) == []


def test_discovered_scores_stay_below_list_scores():
    found = [f for f in extract("Перешли на amoCRM, а в «Медузе» писали про Сбер.") if f.kind == "competitor"]
    assert found and all(0 < f.score <= 0.6 for f in found)


def test_dictionary_label_for_inflected_name():
    found = [f for f in extract("Клиенты ушли к Сберу.", lang="ru") if f.kind == "competitor"]
    assert [(f.text, f.label) for f in found] == [("Сберу", "Сбер")]


@pytest.mark.slow
def test_recall_on_news_organizations_meets_the_floor():
    docs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    hit = total = 0
    for doc in docs:
        found = [f for f in extract(doc["text"], lang="ru") if f.kind == "competitor"]
        for gold in doc["organizations"]:
            total += 1
            hit += any(f.start < gold["end"] and gold["start"] < f.end for f in found)
    assert hit / total >= 0.80
