"""The row of note kinds with their keys; the kind the next note will get is highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from textual.markup import escape
from textual.reactive import reactive
from textual.widgets import Static

from jtbd_studio.scripts import NoteKind, pick_text
from jtbd_studio.tui.keys import tr


class KindBar(Static):
    """Shows every kind as `Alt+Q Quote`; the parent sets `kind` (attributes down)."""

    kind: reactive[str] = reactive("note")
    """The id of the kind the note being typed will be saved as."""

    def __init__(self, kinds: Sequence[NoteKind], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.kinds = tuple(kinds)

    def render(self) -> str:
        lang = getattr(self.app, "ui_lang", "en")
        cells = []
        for kind in self.kinds:
            label = f"{kind.keys[0].upper()} {escape(pick_text(kind.title, lang))}"
            cells.append(f"[reverse bold] {label} [/]" if kind.id == self.kind else f" {label} ")
        return f"[$text-muted]{escape(tr(self, 'tui.interview.kind_keys'))}[/] " + "".join(cells)
