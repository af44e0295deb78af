"""The note line: Enter saves; a paste of many lines becomes one note instead of its first line."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from jtbd_studio.services.interviews import NOTE_MAX_CHARS
from jtbd_studio.tui.keys import tr


class NoteLine(Input):
    """An Input that keeps all of a pasted text (lines joined) and says when it had to cut."""

    def __init__(self, **kwargs: object) -> None:
        # Never select all on focus: a key typed after coming back from the notes list would
        # replace the whole note being written.
        super().__init__(max_length=NOTE_MAX_CHARS, select_on_focus=False, **kwargs)  # type: ignore[arg-type]

    def restore(self, text: str) -> None:
        """Put a saved draft back, the cursor after it, ready to go on typing."""
        self.value = text
        self.cursor_position = len(text)

    def _on_paste(self, event: events.Paste) -> None:
        # Input keeps only the first line of a paste; a quote pasted from a chat keeps all.
        text = " ".join(event.text.split())
        room = NOTE_MAX_CHARS - len(self.value) + len(self.selected_text)
        if len(text) > room:
            self.notify(tr(self, "tui.note.paste_cut", limit=NOTE_MAX_CHARS), severity="warning")
            text = text[: max(room, 0)]
        if text:
            start, end = self.selection
            self.replace(text, min(start, end), max(start, end))
        event.stop()
        event.prevent_default()
