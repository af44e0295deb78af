"""The UI string catalog: the same keys in every language, formatting, the default language."""

from __future__ import annotations

import string

import pytest

from jtbd_studio import i18n
from jtbd_studio.i18n import catalog, default_ui_lang, languages, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_catalog_has_the_same_keys_and_placeholders() -> None:
    assert set(languages()) >= {"ru", "en"}
    reference = catalog("en")
    for lang in languages():
        strings = catalog(lang)
        assert set(strings) == set(reference), lang
        for key, text in strings.items():
            assert text.strip(), (lang, key)
            assert _fields(text) == _fields(reference[key]), (lang, key)


def test_the_live_interview_strings_are_there() -> None:
    for key in ("home.title", "interview.start", "stage.next", "stage.previous", "stage.jump",
                "timer.overrun_warning", "note.placeholder", "emotion.valence", "emotion.comment",
                "nps.why", "csi.importance", "csi.satisfaction", "participant.key_client",
                "interview.end", "summary.export_markdown", "home.resume", "note.draft",
                "app.undo", "error.nps_range", "error.empty_note"):
        assert t(key, "ru") != t(key, "en"), key


def test_formatting_and_fallbacks() -> None:
    assert t("note.count", "ru", n=3) == "Заметок: 3"
    assert t("stage.of", "en", n=2, total=9) == "Stage 2 of 9"
    assert t("timer.stage", "en", elapsed="3:10") == "Stage 3:10 / {budget}"
    assert t("note.count", "de", n=1) == "Notes: 1"
    assert t("no.such.key", "ru") == "no.such.key"


@pytest.mark.parametrize(("env", "expected"), [
    ({"JTBD_STUDIO_UI_LANG": "ru", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
    ({"LC_ALL": "ru_UA.UTF-8", "LANG": "en_GB.UTF-8"}, "ru"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"JTBD_STUDIO_UI_LANG": "xx", "LANG": "ru_RU"}, "ru"),
    ({}, "en"),
])
def test_default_ui_language(monkeypatch: pytest.MonkeyPatch, env: dict[str, str],
                             expected: str) -> None:
    for name in (i18n.ENV_UI_LANG, "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_ui_lang() == expected
