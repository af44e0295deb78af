"""Insights with their support (interviews, people, segments); Enter opens the evidence's span."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from jtbd_studio.tui.widgets.library_text import open_screen, say

if TYPE_CHECKING:
    from jtbd_studio.library.insights import InsightView
    from jtbd_studio.store.db import Database


class InsightsScreen(Screen[None]):
    """The study's insights, best supported first; the selected one's evidence below."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "lib.key.back", id="insights.back"),
    ]

    class Loaded(Message):
        def __init__(self, insights: list[InsightView]) -> None:
            super().__init__()
            self.insights = insights

    def __init__(self, db: Database, study_id: int) -> None:
        super().__init__()
        self.db = db
        self.study_id = study_id
        self.insights: list[InsightView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="insights-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="insights-evidence")
        yield Footer()

    def on_mount(self) -> None:
        self.title = say(self, "insights.title")
        columns = ("statement", "stage", "interviews", "people", "segments")
        self.query_one(DataTable).add_columns(*(say(self, f"col.{c}") for c in columns))
        self._load()

    @work(thread=True, exclusive=True, group="insights-load", exit_on_error=False)
    def _load(self) -> None:
        from jtbd_studio.library.insights import list_insights

        self.post_message(self.Loaded(list_insights(self.db, self.study_id)))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        self.insights = message.insights
        table = self.query_one(DataTable)
        table.clear()
        for n, i in enumerate(self.insights):
            table.add_row(i.statement, i.stage or "", i.interviews, i.participants, ",".join(i.segments), key=str(n))
        self._show_evidence()

    @property
    def selected(self) -> InsightView | None:
        row = self.query_one(DataTable).cursor_row
        return self.insights[row] if self.insights and 0 <= row < len(self.insights) else None

    @on(DataTable.RowHighlighted)
    def _show_evidence(self) -> None:
        panel = self.query_one("#insights-evidence", Static)
        insight = self.selected
        if insight is None:
            panel.update(say(self, "insights.empty"))
            return
        head = say(self, "insights.support", interviews=insight.interviews, participants=insight.participants,
                   segments=",".join(insight.segments) or "—")
        lines = [f"#{e.interview_id} {e.participant or '?'} [{e.kind}] «{e.text}»" for e in insight.evidence]
        panel.update("\n".join([head, *lines]))

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        insight = self.selected
        if insight is not None and insight.evidence:
            from jtbd_studio.tui.screens.transcript import TranscriptScreen

            ev = insight.evidence[0]
            open_screen(self, TranscriptScreen, self.db, ev.interview_id, focus_extraction=ev.extraction_id)

    def action_back(self) -> None:
        self.app.pop_screen()
