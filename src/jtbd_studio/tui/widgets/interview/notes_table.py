"""The interview's notes: one row each, pending until the database has committed it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.widgets import DataTable

from jtbd_studio.tui.widgets.interview.clock_bar import hms

SHOWN_CHARS = 160
"""A row shows the start of a long note; the whole text is kept and opens in the editor."""

PENDING, SAVED, FAILED = "…", "", "✗"


@dataclass
class NoteRow:
    """What a row shows; `note_id` is None until the note is committed."""

    token: str
    text: str
    kind: str
    stage: str | None
    offset_ms: int | None
    note_id: int | None = None
    state: str = PENDING


class NotesTable(DataTable[str]):
    """Rows keyed by a token the screen chose; the screen sets titles through `describe`."""

    def __init__(self, describe: Callable[[NoteRow], tuple[str, str]], **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]
        self.describe = describe
        """(kind title, stage title) for a row, in the interface language."""
        self.rows_by_token: dict[str, NoteRow] = {}

    def on_mount(self) -> None:
        self.add_column("", key="state", width=1)
        self.add_column("⏱", key="at", width=7)
        self.add_column("", key="stage", width=12)
        self.add_column("", key="kind", width=11)
        self.add_column("", key="text")

    def _cells(self, row: NoteRow) -> tuple[str, str, str, str, str]:
        kind, stage = self.describe(row)
        at = hms(row.offset_ms / 1000) if row.offset_ms is not None else ""
        text = " ".join(row.text.split())
        if len(text) > SHOWN_CHARS:
            text = text[: SHOWN_CHARS - 1] + "…"
        return row.state, at, stage, kind, text

    def put(self, row: NoteRow, *, follow: bool = True) -> None:
        """Add a row at the end (or redraw it if it is there)."""
        if row.token in self.rows_by_token:
            self.redraw(row)
            return
        self.rows_by_token[row.token] = row
        self.add_row(*self._cells(row), key=row.token)
        if follow:
            self.move_cursor(row=self.row_count - 1)

    def redraw(self, row: NoteRow) -> None:
        self.rows_by_token[row.token] = row
        for column, value in zip(("state", "at", "stage", "kind", "text"), self._cells(row), strict=True):
            self.update_cell(row.token, column, value)

    def drop(self, token: str) -> None:
        if self.rows_by_token.pop(token, None) is not None:
            self.remove_row(token)

    def reload(self, rows: Iterable[NoteRow]) -> None:
        """Replace every row, keeping the cursor near where it was."""
        where = self.cursor_row
        self.clear()
        self.rows_by_token = {}
        for row in rows:
            self.put(row, follow=False)
        if self.row_count:
            self.move_cursor(row=min(where, self.row_count - 1))

    @property
    def selected(self) -> NoteRow | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.rows_by_token.get(key or "")
