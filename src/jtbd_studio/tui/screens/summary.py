"""End of interview: notes per kind, emotion and time per stage, NPS/CSI; Markdown export."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from jtbd_studio.export.interview_md import interview_markdown, write_interview_markdown
from jtbd_studio.services import interviews as svc
from jtbd_studio.services.live import InterviewSummary, interview_summary
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.messages import InterviewStarted, WriteFailed, WriteJob, Written


class SummaryScreen(Screen[None]):
    """The summary is the Markdown export itself, so what is shown is what is written."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x,ч", "export", "summary.export_markdown", id="summary.export"),
        Binding("r,к", "resume", "home.resume", id="summary.resume"),
        Binding("escape,b,и", "back", "app.back", id="summary.back"),
    ]

    class Loaded(Message):
        """The summary was computed."""

        def __init__(self, summary: InterviewSummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.summary: InterviewSummary | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Markdown(tr(self, "app.loading"), id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"{tr(self, 'summary.title')} · {tr(self, 'interview.title')} #{self.interview_id}"
        self._load()

    @work(thread=True, exclusive=True, group="summary-load", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(interview_summary(self.app.db, self.interview_id)))  # type: ignore[attr-defined]

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        self.summary = message.summary
        await self.query_one(Markdown).update(interview_markdown(message.summary, self.app.ui_lang))  # type: ignore[attr-defined]

    def action_export(self) -> None:
        from jtbd_studio.tui.screens.dialogs import TextDialog

        default = str(Path.cwd() / f"interview-{self.interview_id}.md")
        self.app.push_screen(self.app.make(TextDialog, tr(self, "summary.export_markdown"), default),  # type: ignore[attr-defined]
                             self._export_to)

    def _export_to(self, path: str | None) -> None:
        if path and path.strip():
            self.app.write(WriteJob("export", partial(write_interview_markdown, self.app.db,  # type: ignore[attr-defined]
                                                      self.interview_id, path.strip(),
                                                      lang=self.app.ui_lang), reply_to=self))  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        self.app.write(WriteJob("resume", partial(svc.resume_interview, self.app.db, self.interview_id),  # type: ignore[attr-defined]
                                reply_to=self))

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Written)
    def _written(self, message: Written) -> None:
        message.stop()
        if message.job.what == "export":
            self.notify(tr(self, "summary.exported", path=str(message.result)))
        elif message.job.what == "resume":
            self.app.pop_screen()
            self.app.post_message(InterviewStarted(self.interview_id))

    @on(WriteFailed)
    def _failed(self, message: WriteFailed) -> None:
        message.stop()
        self.notify(message.error.message, title=message.error.title, severity="error", timeout=10)
