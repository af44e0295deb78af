"""The emotion picker: a digit picks a label (and its valence) and saves; ± adjusts; a comment.

Plain digits are the same key in the Russian and English layouts. They cannot be shortcuts on
the interview screen itself, where digits belong to the note being typed, and Alt+digit reaches
Textual as a macOS Option character in most terminals; one F-key plus one digit is reliable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Input, Label, Static

from jtbd_studio.scripts import EmotionLabel, pick_text
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.screens.dialogs import Dialog


@dataclass(frozen=True)
class EmotionChoice:
    """What the picker returns."""

    label: str | None
    valence: int
    comment: str


class EmotionDialog(Dialog):
    """Shows the ten labels with their digits and the valence scale of the current choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign,up,right", "valence(1)", "emotion.valence_up", id="emotion.up"),
        Binding("minus,down,left", "valence(-1)", "emotion.valence_down", id="emotion.down"),
    ]

    def __init__(self, stage_title: str, labels: Sequence[EmotionLabel], label: str | None,
                 valence: int | None, comment: str | None) -> None:
        super().__init__()
        self.stage_title = stage_title
        self.labels = list(labels)
        self.label = label
        self.valence = valence if valence is not None else 0
        self.comment = comment or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(f"{tr(self, 'emotion.title')} · {self.stage_title}", classes="dialog-title")
            yield Static(tr(self, "tui.emotion.how"), classes="dialog-text")
            yield Static(id="emotion-labels")
            yield Static(id="emotion-scale")
            yield Input(self.comment, placeholder=tr(self, "emotion.comment_placeholder"),
                        id="emotion-comment", max_length=500)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#ok").focus()
        self._show()

    def _show(self) -> None:
        lang = getattr(self.app, "ui_lang", "en")
        cells = []
        for lab in self.labels:
            text = f"{lab.key} {escape(pick_text(lab.title, lang))} ({lab.valence:+d})"
            cells.append(f"[reverse b] {text} [/]" if lab.id == self.label else f" {text} ")
        self.query_one("#emotion-labels", Static).update("\n".join(cells))
        scale = " ".join(f"[reverse b] {v:+d} [/]" if v == self.valence else f" {v:+d} " for v in range(-2, 3))
        self.query_one("#emotion-scale", Static).update(f"{escape(tr(self, 'emotion.valence'))}: {scale}")

    def on_key(self, event: events.Key) -> None:
        if self.focused is self.query_one("#emotion-comment"):
            return
        chosen = next((lab for lab in self.labels if lab.key == event.key), None)
        if chosen is not None:
            event.stop()
            self.label, self.valence = chosen.id, chosen.valence
            self.submit()

    def action_valence(self, step: int) -> None:
        if self.focused is self.query_one("#emotion-comment"):
            return
        self.valence = max(-2, min(2, self.valence + step))
        self._show()

    @on(Input.Submitted)
    def submit(self) -> None:
        comment = self.query_one("#emotion-comment", Input).value
        self.dismiss(EmotionChoice(self.label, self.valence, comment))
