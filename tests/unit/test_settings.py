"""Saved preferences: settings.toml round trip, a broken file ignored, the UI language remembered."""

from __future__ import annotations

import pytest

from jtbd_studio import settings
from jtbd_studio.i18n import UI_LANG_SETTING, default_ui_lang


def test_saved_settings_round_trip_and_keep_other_keys():
    assert settings.load_settings() == {}
    assert settings.save_setting("ui_lang", "ru")
    assert settings.save_setting("author", 'Ольга "К." \\ 🙂')
    assert settings.load_settings() == {"author": 'Ольга "К." \\ 🙂', "ui_lang": "ru"}
    assert settings.saved("ui_lang") == "ru"


@pytest.mark.parametrize("content", [b"ui_lang = ", b"\xff\xfe garbage", b"ui_lang = 3\n"])
def test_a_broken_settings_file_means_nothing_saved(content):
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert settings.saved("ui_lang") is None


def test_an_unwritable_config_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("JTBD_STUDIO_CONFIG_DIR", str(blocker / "config"))
    assert settings.save_setting("ui_lang", "ru") is False


def test_ui_language_order_env_then_saved_then_locale(monkeypatch):
    monkeypatch.delenv("JTBD_STUDIO_UI_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert default_ui_lang() == "en"
    settings.save_setting(UI_LANG_SETTING, "ru")
    assert default_ui_lang() == "ru"
    settings.save_setting(UI_LANG_SETTING, "klingon")
    assert default_ui_lang() == "en"
    settings.save_setting(UI_LANG_SETTING, "ru")
    monkeypatch.setenv("JTBD_STUDIO_UI_LANG", "en")
    assert default_ui_lang() == "en"
