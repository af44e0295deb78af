"""Strings of the library screens: the `lib.*` keys of the UI catalog, in the interface language."""

from __future__ import annotations

from typing import Any

from jtbd_studio.i18n import t


def say(node: Any, key: str, /, **fmt: Any) -> str:
    """`lib.<key>` in the running app's interface language."""
    return t(f"lib.{key}", getattr(getattr(node, "app", None), "ui_lang", "en"), **fmt)


def open_screen(node: Any, cls: type, *args: Any, **kwargs: Any) -> None:
    """Push a library screen with its key bindings described in the interface language."""
    from jtbd_studio.tui.keys import localized

    lang = getattr(node.app, "ui_lang", "en")
    node.app.push_screen(localized(cls, lang)(*args, **kwargs))
