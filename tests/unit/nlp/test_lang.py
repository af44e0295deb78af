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
        # another Latin-script language: its function words, not English ones
        ("Die Kunden haben sich über den Support beschwert, und wir sind zu Salesforce gewechselt.",
         "unknown"),
        ("Les clients se plaignent du support, et nous avons changé pour Salesforce.", "unknown"),
        # English with a few foreign-looking words stays English
        ("Um, so the y axis shows the OS version, and we met the team at comparably.com.", "en"),
        ("We used SHAP, de facto the standard, et cetera, and it is what the team knows.", "en"),
        # Cyrillic with letters Russian does not have
        ("Клієнти скаржилися на повільну підтримку, і ми перейшли на Бітрікс.", "unknown"),
        ("Сербски: љубав, њива и ђак су речи које руски нема.", "unknown"),
        # a Russian text quoting one Ukrainian word is Russian
        ("Клиенты жаловались на поддержку, и мы перешли на Битрикс: «дякую» не говорили.", "ru"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_runs_split_mixed_text_by_sentence():
    text = "Мы долго выбирали систему. Then we picked the cheapest tool. И всё."
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["ru", "en", "ru"]
    assert "".join(text[r.start : r.end] for r in runs) == text


def test_text_in_neither_language_is_analyzed_by_its_script():
    from jtbd_studio.nlp.engine import analysis_language

    assert analysis_language("Клієнти скаржилися на повільну підтримку, і ми пішли.") == "ru"
    assert analysis_language("Die Kunden haben sich über den Support beschwert, und wir sind weg.") == "en"
    assert analysis_language("这是一个中文句子。") == "en"
