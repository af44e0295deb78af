"""Bindings in the interface language: one subclass per language, made on first use.

Screens declare `BINDINGS` whose descriptions are catalog keys; `localized()` makes (once per
language) a subclass whose bindings carry the translated text, so the footer, the help panel
and the command palette all speak the interface language through Textual's public API.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding

from jtbd_studio.i18n import t

if TYPE_CHECKING:
    from textual.dom import DOMNode

N = TypeVar("N", bound="type[DOMNode]")


def tr(node: DOMNode, name: str, /, **fmt: object) -> str:
    """The catalog string `name` in the running app's interface language, formatted."""
    return t(name, getattr(node.app, "ui_lang", "en"), **fmt)


def translate(binding: Binding, lang: str) -> Binding:
    """The binding with its description (a catalog key) and tooltip in `lang`."""
    if not binding.description:
        return binding
    text = t(binding.description, lang)
    return replace(binding, description=text, tooltip=binding.tooltip and t(binding.tooltip, lang))


@cache
def localized(cls: N, lang: str) -> N:
    """A subclass of `cls` whose bindings (and `extra_bindings()`) are in `lang`."""
    own = [b for b in getattr(cls, "BINDINGS", []) if isinstance(b, Binding)]
    extra: Iterable[Binding] = getattr(cls, "extra_bindings", lambda _lang: [])(lang)
    bindings = [translate(b, lang) for b in [*own, *extra]]
    return type(cls.__name__, (cls,), {"BINDINGS": bindings, "__module__": cls.__module__})
