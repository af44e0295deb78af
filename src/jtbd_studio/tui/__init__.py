"""The Textual shell: screens, widgets and one stylesheet over `jtbd_studio.services`."""

from __future__ import annotations

import os

# Textual reads ESCDELAY when it is imported. Alt+Q reaches an app as ESC then "q", and Textual
# only calls it alt+q once ESCDELAY (default 100 ms) passes with nothing else; a letter typed
# sooner turns the pair into the text "^q". A shorter wait keeps Alt+key note shortcuts
# reliable for a fast typist; a user who needs longer sets ESCDELAY themselves.
os.environ.setdefault("ESCDELAY", "30")

__all__ = ["run_app"]


def __getattr__(name: str) -> object:
    # Lazy, so that importing a submodule does not build the whole app.
    if name == "run_app":
        from jtbd_studio.tui.app import run_app

        return run_app
    raise AttributeError(name)
