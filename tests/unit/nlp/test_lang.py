"""Language detection by script and stop words."""

from __future__ import annotations

import pytest

from jtbd_studio.nlp import detect_language
from jtbd_studio.nlp.lang import language_runs


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мы долго не могли настроить интеграцию.", "ru"),
        ("Onboarding took forever.", "en"),
        ("Перешли на HubSpot и Salesforce, а потом в Pipedrive.", "ru"),
        ("We used Битрикс24 for a year.", "en"),
        ("Мы долго выбирали. Then we picked the cheapest tool and moved on.", "mixed"),
        ("", "unknown"),
        ("12345 !!! 😀", "unknown"),
        ("这是一个中文句子，没有俄语。", "unknown"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_runs_split_mixed_text_by_sentence():
    text = "Мы долго выбирали систему. Then we picked the cheapest tool. И всё."
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["ru", "en", "ru"]
    assert "".join(text[r.start : r.end] for r in runs) == text
