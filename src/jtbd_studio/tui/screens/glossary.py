"""The glossary of customers' words: entries with counts; the selected entry's quotes below."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Select, Static

from jtbd_studio.tui.widgets.library_text import open_screen, say

if TYPE_CHECKING:
    from jtbd_studio.library.glossary import GlossaryEntry
    from jtbd_studio.store.db import Database

SEGMENTS = ("A", "B", "C", "D")


class GlossaryScreen(Screen[None]):
    """Filter by stage and segment; Enter opens the first quote in its transcript."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b,и", "rebuild", "lib.key.rebuild", id="glossary.rebuild"),
        Binding("escape", "back", "lib.key.back", id="glossary.back"),
    ]

    class Loaded(Message):
        def __init__(self, entries: list[GlossaryEntry], stages: list[str]) -> None:
            super().__init__()
            self.entries = entries
            self.stages = stages

    def __init__(self, db: Database, study_id: int) -> None:
        super().__init__()
        self.db = db
        self.study_id = study_id
        self.entries: list[GlossaryEntry] = []
        self._stages_known = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="glossary-filters"):
            yield Select([], prompt=f"{say(self, 'glossary.stage')}: {say(self, 'library.any')}", id="glossary-stage")
            yield Select([(s, s) for s in SEGMENTS],
                         prompt=f"{say(self, 'library.segment')}: {say(self, 'library.any')}", id="glossary-segment")
        yield DataTable(id="glossary-entries", cursor_type="row", zebra_stripes=True)
        yield Static("", id="glossary-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.title = say(self, "glossary.title")
        columns = ("kind", "wording", "freq", "interviews", "people", "segments", "valence")
        self.query_one(DataTable).add_columns(*(say(self, f"col.{c}") for c in columns))
        self.load()

    def _chosen(self, widget_id: str) -> tuple[str, ...]:
        value = self.query_one(widget_id, Select).value
        return (value,) if isinstance(value, str) else ()

    def load(self, rebuild: bool = False) -> None:
        self._load(self._chosen("#glossary-stage"), self._chosen("#glossary-segment"), rebuild)

    @work(thread=True, exclusive=True, group="glossary-load", exit_on_error=False)
    def _load(self, stages: tuple[str, ...], segments: tuple[str, ...], rebuild: bool) -> None:
        from jtbd_studio.library.glossary import build_glossary
        from jtbd_studio.services.library import build_glossary as rebuild_glossary

        if rebuild:
            rebuild_glossary(self.db, self.study_id, rebuild=True)
        all_stages = sorted({s for e in build_glossary(self.db, self.study_id) for s in e.stages}) \
            if not self._stages_known else []
        entries = build_glossary(self.db, self.study_id, stages=stages, segments=segments)
        self.post_message(self.Loaded(entries, all_stages))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        if message.stages and not self._stages_known:
            self._stages_known = True
            self.query_one("#glossary-stage", Select).set_options([(s, s) for s in message.stages])
        self.entries = message.entries
        table = self.query_one(DataTable)
        table.clear()
        for n, e in enumerate(self.entries):
            valence = "" if e.valence is None else f"{e.valence:+.1f}"
            table.add_row(e.kind, e.label or e.canonical, e.frequency, e.interviews, e.participants,
                          ",".join(e.segments), valence, key=str(n))
        self._show_quotes()

    @on(Select.Changed)
    def _filter(self) -> None:
        self.load()

    @on(DataTable.RowHighlighted)
    def _show_quotes(self) -> None:
        quotes = self.query_one("#glossary-quotes", Static)
        entry = self.selected
        if entry is None:
            quotes.update(say(self, "glossary.empty") if not self.entries else "")
            return
        lines = [f"«{q.context}» — {q.participant or '?'} (#{q.interview_id})" for q in entry.quotes]
        if len(entry.variants) > 1:
            lines.insert(0, " · ".join(f"{t} ×{n}" for t, n in entry.variants[:6]))
        quotes.update("\n".join(lines))

    @property
    def selected(self) -> GlossaryEntry | None:
        row = self.query_one(DataTable).cursor_row
        return self.entries[row] if self.entries and 0 <= row < len(self.entries) else None

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        entry = self.selected
        if entry is not None and entry.quotes:
            from jtbd_studio.tui.screens.transcript import TranscriptScreen

            q = entry.quotes[0]
            open_screen(self, TranscriptScreen, self.db, q.interview_id, focus_extraction=q.extraction_id)

    def action_rebuild(self) -> None:
        self.load(rebuild=True)
        self.notify(say(self, "glossary.rebuilt"))

    def action_back(self) -> None:
        self.app.pop_screen()
