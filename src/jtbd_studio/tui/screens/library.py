"""The library: search as you type over a study, with filters; Enter opens the hit's transcript."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from jtbd_studio.tui.widgets.library_text import open_screen, say

if TYPE_CHECKING:
    from jtbd_studio.library.search import SearchHit, SearchResult
    from jtbd_studio.store.db import Database

DEBOUNCE_S = 0.15
SOURCES = ("turn", "note", "extraction", "insight")
KINDS = ("phrase", "friction", "competitor", "force", "job", "churn_risk", "emotion")
SEGMENTS = ("A", "B", "C", "D")
STATUSES = ("suggested", "accepted", "rejected")


class LibraryScreen(Screen[None]):
    """A query box, four filters and the ranked hits with their highlighted snippets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "focus_query", "lib.key.search", id="library.focus"),
        Binding("f2", "new_insight", "lib.key.new_insight", id="library.insight"),
        Binding("f3", "glossary", "lib.key.glossary", id="library.glossary"),
        Binding("f4", "insights", "lib.key.insights", id="library.insights"),
        Binding("escape", "back", "lib.key.back", id="library.back"),
    ]

    class Searched(Message):
        def __init__(self, result: SearchResult | None, problem: str | None = None) -> None:
            super().__init__()
            self.result = result
            self.problem = problem

    def __init__(self, db: Database, study_id: int, *, query: str = "") -> None:
        super().__init__()
        self.db = db
        self.study_id = study_id
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(self.initial_query, placeholder=say(self, "library.query"), id="library-query")
        with Horizontal(id="library-filters"):
            yield self._select("source", SOURCES)
            yield self._select("kind", KINDS)
            yield self._select("segment", SEGMENTS)
            yield self._select("status", STATUSES)
        yield Static(say(self, "library.type_to_search"), id="library-status")
        yield DataTable(id="library-hits", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def _select(self, name: str, values: tuple[str, ...]) -> Select[str]:
        shown = (lambda v: say(self, f"term.{v}")) if name != "segment" else str
        return Select([(shown(v), v) for v in values], prompt=f"{say(self, 'library.' + name)}: {say(self, 'library.any')}",
                      id=f"filter-{name}", allow_blank=True)

    def on_mount(self) -> None:
        self.title = say(self, "library.title")
        table = self.query_one(DataTable)
        table.add_columns(*(say(self, f"col.{c}") for c in ("source", "who", "stage", "snippet")))
        self.query_one(Input).focus()
        if self.initial_query:
            self.run_search()

    @on(Input.Changed, "#library-query")
    @on(Select.Changed)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_S, self.run_search)

    @on(Input.Submitted, "#library-query")
    def _submitted(self) -> None:
        self.run_search()
        self.query_one(DataTable).focus()

    def filters(self):  # type: ignore[no-untyped-def]
        from jtbd_studio.library.filters import SearchFilters

        def chosen(name: str) -> tuple[str, ...]:
            value = self.query_one(f"#filter-{name}", Select).value
            return (value,) if isinstance(value, str) else ()

        return SearchFilters(sources=chosen("source"), kinds=chosen("kind"), segments=chosen("segment"),
                             review_statuses=chosen("status"))

    def run_search(self) -> None:
        self._search(self.query_one(Input).value, self.filters())

    @work(thread=True, exclusive=True, group="library-search", exit_on_error=False)
    def _search(self, text: str, filters) -> None:  # type: ignore[no-untyped-def]
        from jtbd_studio.errors import JtbdError
        from jtbd_studio.library.search import search

        if not text.strip():
            self.post_message(self.Searched(None))
            return
        try:
            self.post_message(self.Searched(search(self.db, self.study_id, text, filters)))
        except JtbdError as exc:
            self.post_message(self.Searched(None, exc.message))

    @on(Searched)
    def _show(self, message: Searched) -> None:
        table = self.query_one(DataTable)
        table.clear()
        status = self.query_one("#library-status", Static)
        result = message.result
        self.hits = result.hits if result else []
        if result is None:
            status.update(message.problem or say(self, "library.type_to_search"))
            return
        for n, hit in enumerate(self.hits):
            snippet = Text(hit.snippet.text)
            for a, b in hit.snippet.highlights:
                snippet.stylize("bold reverse", a, b)
            where = say(self, f"term.{hit.kind if hit.source == 'extraction' and hit.kind else hit.source}")
            table.add_row(where, hit.participant or "", hit.stage or "", snippet, key=str(n))
        if self.hits:
            key = "library.more" if result.more else "library.hits"
            status.update(say(self, key, n=len(self.hits)))
        else:
            close = ", ".join(w for words in result.suggestions.values() for w in words)
            status.update(say(self, "library.no_hits") + (" " + say(self, "library.did_you_mean", words=close) if close else ""))

    @property
    def selected(self) -> SearchHit | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.hits[row] if self.hits and 0 <= row < len(self.hits) else None

    @on(DataTable.RowSelected, "#library-hits")
    def _open(self) -> None:
        hit = self.selected
        if hit is None:
            return
        if hit.source == "insight":
            self.action_insights()
        elif hit.interview_id is not None:
            from jtbd_studio.tui.screens.transcript import TranscriptScreen

            focus = hit.id if hit.source == "extraction" else None
            open_screen(self, TranscriptScreen, self.db, hit.interview_id, focus_extraction=focus,
                                                  focus_turn=hit.turn_id)

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def action_new_insight(self) -> None:
        from jtbd_studio.tui.screens.dialogs import TextDialog

        hit = self.selected
        if hit is not None and hit.source == "extraction":
            self.app.push_screen(TextDialog(say(self, "library.statement"), hit.text),
                                 partial(self._save_insight, hit))

    def _save_insight(self, hit: SearchHit, statement: str | None) -> None:
        if statement and statement.strip():
            self._create_insight(statement, hit.stage, hit.id)

    @work(thread=True, group="library-write", exit_on_error=False)
    def _create_insight(self, statement: str, stage: str | None, extraction_id: int) -> None:
        from jtbd_studio.library.insights import create_insight
        from jtbd_studio.services.library import default_author

        insight = create_insight(self.db, self.study_id, statement, stage=stage, evidence=[extraction_id],
                                 author=default_author())
        self.app.call_from_thread(self.notify, say(self, "library.insight_saved", id=insight.id))

    def action_glossary(self) -> None:
        from jtbd_studio.tui.screens.glossary import GlossaryScreen

        open_screen(self, GlossaryScreen, self.db, self.study_id)

    def action_insights(self) -> None:
        from jtbd_studio.tui.screens.insights import InsightsScreen

        open_screen(self, InsightsScreen, self.db, self.study_id)

    def action_back(self) -> None:
        self.app.pop_screen()
