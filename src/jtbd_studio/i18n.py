"""The interface's string catalog: one TOML file per language under corpora/i18n.

A language is added by adding its file; every catalog has the same keys (a test proves it).
Files are read on first use, never at import.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from jtbd_studio import paths
from jtbd_studio.errors import InputFileError
from jtbd_studio.scripts._fields import read_toml

ENV_UI_LANG = "JTBD_STUDIO_UI_LANG"
FALLBACK_LANGUAGE = "en"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@cache
def languages() -> tuple[str, ...]:
    """The languages the interface is available in (one catalog file each)."""
    return tuple(sorted(p.stem for p in (paths.corpora_dir() / "i18n").glob("*.toml")))


@cache
def catalog(lang: str) -> Mapping[str, str]:
    """All strings of one language as {"section.key": text}."""
    path = paths.corpora_dir() / "i18n" / f"{lang}.toml"
    data, _ = read_toml(path, InputFileError)
    flat: dict[str, str] = {}
    _flatten(data, "", flat, path)
    return MappingProxyType(flat)


def _flatten(table: Mapping[str, Any], prefix: str, out: dict[str, str], path: Any) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            _flatten(value, f"{key}.", out, path)
        elif isinstance(value, str):
            out[key] = value
        else:
            raise InputFileError(path, f"{key}: must be a string, got {type(value).__name__}")


class _KeepUnknown(dict[str, Any]):
    """Leaves a placeholder the caller did not give as it is, rather than failing."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def t(key: str, lang: str, /, **fmt: Any) -> str:
    """The UI string `key` in `lang` (English if that language lacks it), formatted with `fmt`.

    An unknown key returns the key itself: a missing string must never crash the interface.
    """
    text = None
    for candidate in (lang, FALLBACK_LANGUAGE):
        if candidate in languages():
            text = catalog(candidate).get(key)
            if text is not None:
                break
    if text is None:
        return key
    try:
        return text.format_map(_KeepUnknown(fmt))
    except (ValueError, IndexError, AttributeError):  # a malformed brace in the catalog
        return text


UI_LANG_SETTING = "ui_lang"


def default_ui_lang() -> str:
    """JTBD_STUDIO_UI_LANG if it names a catalog, else the language last chosen in the app
    (settings.toml), else the locale's language, else English."""
    from jtbd_studio.settings import saved

    chosen = os.environ.get(ENV_UI_LANG, "").strip().lower()
    if chosen in languages():
        return chosen
    remembered = (saved(UI_LANG_SETTING) or "").lower()
    if remembered in languages():
        return remembered
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            code = value.split(".")[0].split("_")[0].split("-")[0].lower()
            return code if code in languages() else FALLBACK_LANGUAGE
    return FALLBACK_LANGUAGE
