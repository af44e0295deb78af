"""Small modal dialogs: confirm, one line of text, choose from a list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from jtbd_studio.tui.keys import tr


class Dialog(ModalScreen[Any]):
    """A centred box; Escape cancels (dismisses with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "app.cancel", id="dialog.cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def buttons(self, ok_key: str = "app.save") -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(tr(self, ok_key), variant="primary", id="ok")
            yield Button(tr(self, "app.cancel"), id="cancel")

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok_pressed(self) -> None:
        self.submit()

    def submit(self) -> None:  # pragma: no cover - every dialog with an OK button overrides it
        self.dismiss(None)


class ConfirmDialog(Dialog):
    """A yes/no question; Enter on the focused button answers."""

    def __init__(self, question: str, ok_key: str = "app.confirm") -> None:
        super().__init__()
        self.question = question
        self.ok_key = ok_key

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-text")
            yield from self.buttons(self.ok_key)

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def submit(self) -> None:
        self.dismiss(True)


class TextDialog(Dialog):
    """One line of text (edit a note, an emotion comment, a file name)."""

    def __init__(self, title: str, value: str = "", *, placeholder: str = "", max_length: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.placeholder = placeholder
        self.max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, max_length=self.max_length, id="text")
            yield from self.buttons()

    @on(Input.Submitted, "#text")
    def submit(self) -> None:
        self.dismiss(self.query_one("#text", Input).value)


class ChoiceDialog(Dialog):
    """Pick one of a few lines with the arrows and Enter, or by its number."""

    def __init__(self, title: str, choices: Sequence[str], current: int = 0) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(
                *(Option(f"{i + 1}. {text}", id=str(i)) for i, text in enumerate(self.choices)),
                id="choices",
            )

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.highlighted = self.current
        options.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def on_key(self, event: object) -> None:
        # A digit picks the stage of that number: same keys in both keyboard layouts.
        key = getattr(event, "key", "")
        if key.isdigit() and 1 <= int(key) <= min(9, len(self.choices)):
            self.dismiss(int(key) - 1)


class ResumeDialog(Dialog):
    """Offers an unfinished interview: resume it, leave it for later, or end it."""

    #: Textual focuses "Resume" when the dialog becomes active. A query in `on_mount` could run
    #: before the buttons were mounted when the dialog came up during start-up, and raised
    #: NoMatches (seen about once in five runs of the draft test under load).
    AUTO_FOCUS = "#resume"

    def __init__(self, prompt: str, draft: str | None) -> None:
        super().__init__()
        self.prompt = prompt
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr(self, "home.resume_title"), classes="dialog-title")
            yield Label(self.prompt, classes="dialog-text")
            if self.draft:
                short = self.draft if len(self.draft) < 120 else self.draft[:119] + "…"
                yield Label(tr(self, "home.resume_draft", draft=short), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr(self, "home.resume"), variant="primary", id="resume")
                yield Button(tr(self, "home.discard"), id="later")
                yield Button(tr(self, "interview.end"), variant="warning", id="end")

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
