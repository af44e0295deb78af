"""The interview screen's notes list: re-kind, edit, delete with undo, type-to-note-line."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import events
from textual.widgets import DataTable

from jtbd_studio.scripts import note_kinds
from jtbd_studio.services import interviews as svc
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.widgets.interview import KindBar, NoteLine, NotesTable
from jtbd_studio.tui.widgets.interview.notes_table import NoteRow

if TYPE_CHECKING:
    from jtbd_studio.tui.screens.interview import InterviewScreen as _Base
else:
    _Base = object


class InterviewNotesMixin(_Base):
    """Keys on the notes list; every change is a write job answered by `Written`."""

    def _selected_saved(self) -> NoteRow | None:
        table = self.query_one(NotesTable)
        if self.focused is not table:
            return None
        row = table.selected
        return row if row is not None and row.note_id is not None else None

    def action_kind(self, kind: str, for_line: bool = False) -> None:
        row = None if for_line else self._selected_saved()
        if row is not None:
            self.write("rekind", partial(svc.update_note, self.app.db, row.note_id, kind=kind), row.token)  # type: ignore[attr-defined]
            return
        self.kind = kind
        self.query_one(KindBar).kind = kind

    def action_cycle_kind(self, step: int) -> None:
        ids = [k.id for k in note_kinds()]
        current = ids.index(self.kind) if self.kind in ids else 0
        self.action_kind(ids[(current + step) % len(ids)], for_line=True)

    def on_key(self, event: events.Key) -> None:
        # Typing while the notes list has the focus goes to the note line, never to a shortcut.
        line = self.query_one("#note-line", NoteLine)
        if self.focused is not line and event.is_printable and event.character:
            event.stop()
            line.focus()
            line.insert_text_at_cursor(event.character)

    def action_switch_focus(self) -> None:
        line, table = self.query_one("#note-line", NoteLine), self.query_one(NotesTable)
        (table if self.focused is line else line).focus()

    def action_delete_note(self) -> None:
        row = self._selected_saved()
        if row is not None:
            self.write("delete", partial(svc.delete_note, self.app.db, row.note_id), row.token)  # type: ignore[attr-defined]

    def action_undo(self) -> None:
        if not self.deleted:
            return
        token = self.deleted.pop()
        note = self._deleted_notes.pop(token)
        self.write("undo", partial(svc.delete_note, self.app.db, note.id, restore=True), token)  # type: ignore[attr-defined]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A name-based handler: `@on` in a mixin that is not a Textual class is never collected.
        if event.data_table.id != "notes":
            return
        from jtbd_studio.tui.screens.dialogs import TextDialog

        row = self.query_one(NotesTable).rows_by_token.get(str(event.row_key.value))
        if row is None or row.note_id is None:
            return
        dialog = self.app.make(TextDialog, tr(self, "note.edit"), row.text,  # type: ignore[attr-defined]
                               max_length=svc.NOTE_MAX_CHARS)

        def edited(text: str | None) -> None:
            if text is not None and text.strip() and text.strip() != row.text:
                self.write("edit", partial(svc.update_note, self.app.db, row.note_id, text=text), row.token)  # type: ignore[attr-defined]
            elif text is not None and not text.strip():
                self.notify(tr(self, "error.empty_note"), severity="warning")

        self.app.push_screen(dialog, edited)

