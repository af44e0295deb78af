"""An interview's transcript with its suggestions highlighted: accept, reject, code, change kind."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from jtbd_studio.tui.widgets.library_text import say

if TYPE_CHECKING:
    from jtbd_studio.services.library import Transcript
    from jtbd_studio.store.db import Database
    from jtbd_studio.store.tables import Extraction

_STYLE = {"suggested": "underline", "accepted": "bold green", "rejected": "strike dim"}


class TranscriptScreen(Screen[None]):
    """Turns in order; the current suggestion is reversed, the others coloured by status."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,т", "next", "lib.key.next", id="transcript.next"),
        Binding("p,з", "previous", "lib.key.previous", id="transcript.previous"),
        Binding("a,ф", "decide('accepted')", "lib.key.accept", id="transcript.accept"),
        Binding("r,к", "decide('rejected')", "lib.key.reject", id="transcript.reject"),
        Binding("u,г", "decide('suggested')", "lib.key.undecide", id="transcript.reset"),
        Binding("c,с", "code", "lib.key.code", id="transcript.code"),
        Binding("k,л", "kind", "lib.key.kind", id="transcript.kind"),
        Binding("e,у", "emotions", "lib.key.emotions", id="transcript.emotions"),
        Binding("escape", "back", "lib.key.back", id="transcript.back"),
    ]

    class Loaded(Message):
        def __init__(self, transcript: Transcript) -> None:
            super().__init__()
            self.transcript = transcript

    class Failed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, db: Database, interview_id: int, *, focus_extraction: int | None = None,
                 focus_turn: int | None = None, author: str | None = None) -> None:
        super().__init__()
        self.db = db
        self.interview_id = interview_id
        self.focus_extraction = focus_extraction
        self.focus_turn = focus_turn
        self.author = author
        self.transcript: Transcript | None = None
        self.spans: list[Extraction] = []
        """Every extraction in reading order (emotions only while shown); `cursor` indexes it."""
        self.cursor = -1
        self.emotions = True
        """Whether the sentences that carry feeling are stops of `n` and `p`, as the spans are."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="transcript-status")
        yield VerticalScroll(id="transcript-turns")
        yield Footer()

    def on_mount(self) -> None:
        self.title = f"{say(self, 'transcript.title')} #{self.interview_id}"
        self.reload()

    @work(thread=True, exclusive=True, group="transcript-load", exit_on_error=False)
    def reload(self) -> None:
        from jtbd_studio.services.library import transcript

        self.post_message(self.Loaded(transcript(self.db, self.interview_id)))

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        self.transcript = message.transcript
        self._gather()
        if self.cursor < 0:
            self.cursor = self._initial_cursor()
        self.cursor = min(self.cursor, len(self.spans) - 1)
        await self._render_turns()

    def _gather(self) -> None:
        assert self.transcript is not None
        self.spans = [e for t in self.transcript.turns for e in t.extractions
                      if self.emotions or e.kind != "emotion"]

    def _initial_cursor(self) -> int:
        for n, ex in enumerate(self.spans):
            if ex.id == self.focus_extraction or (self.focus_extraction is None and ex.turn_id == self.focus_turn):
                return n
        return next((n for n, ex in enumerate(self.spans) if ex.status == "suggested"), 0)

    @property
    def current(self) -> Extraction | None:
        return self.spans[self.cursor] if 0 <= self.cursor < len(self.spans) else None

    async def _render_turns(self) -> None:
        box = self.query_one("#transcript-turns", VerticalScroll)
        await box.remove_children()
        assert self.transcript is not None
        current = self.current
        widgets = []
        for row in self.transcript.turns:
            text = Text(f"{row.turn.speaker or row.turn.role}: ", style="bold")
            body = Text(row.turn.text)
            for ex in row.extractions:
                if current is not None and ex.id == current.id:
                    continue
                if ex.kind != "emotion":  # a whole sentence: marked only while it is the current stop
                    body.stylize(_STYLE.get(ex.status, ""), ex.start, ex.end)
            if current is not None and current.turn_id == row.turn.id:
                body.stylize("reverse", current.start, current.end)
            text.append_text(body)
            widgets.append(Static(text, id=f"turn-{row.turn.id}", classes="transcript-turn"))
        await box.mount_all(widgets)
        self._show_status()
        if current is not None:
            self.call_after_refresh(self._scroll_to, current.turn_id)

    def _scroll_to(self, turn_id: int | None) -> None:
        found = self.query(f"#turn-{turn_id}")
        if found:
            self.query_one("#transcript-turns", VerticalScroll).scroll_to_widget(found.first(), animate=False)

    def _show_status(self) -> None:
        ex = self.current
        if ex is None:
            line = say(self, "transcript.none")
        else:
            codes = ", ".join(self.transcript.codes.get(ex.id, [])) if self.transcript else ""
            line = (f"{say(self, 'transcript.position', n=self.cursor + 1, total=len(self.spans))} · "
                    f"{say(self, 'term.' + ex.kind)}{self._feeling(ex)} · {say(self, 'term.' + ex.status)} · "
                    f"«{ex.text}»" + (f" · {codes}" if codes else ""))
        self.query_one("#transcript-status", Static).update(line)

    def _feeling(self, ex: Extraction) -> str:
        """An emotion's label in the interface language and its valence: " · frustration −2"."""
        if ex.kind != "emotion":
            return ""
        from jtbd_studio.scripts import emotion_by_id, pick_text

        label = emotion_by_id(ex.label or "")
        name = pick_text(label.title, getattr(self.app, "ui_lang", "en")) if label else (ex.label or "")
        sign = "" if ex.valence is None else f" {ex.valence:+d}".replace("-", "−")
        return f" · {name}{sign}" if name or sign else ""

    def _move(self, step: int) -> None:
        if not self.spans:
            return
        n = len(self.spans)
        for k in range(1, n + 1):
            i = (self.cursor + step * k) % n
            if self.spans[i].status == "suggested":
                self.cursor = i
                break
        else:
            self.cursor = (self.cursor + step) % n
        self.run_worker(self._render_turns(), exclusive=True, group="transcript-render")

    def action_next(self) -> None:
        self._move(1)

    def action_previous(self) -> None:
        self._move(-1)

    def action_emotions(self) -> None:
        """Show or hide the emotion sentences among the stops, keeping the current span if it stays."""
        if self.transcript is None:
            return
        before, at = self.spans, max(self.cursor, 0)
        self.emotions = not self.emotions
        self._gather()
        place = {e.id: n for n, e in enumerate(self.spans)}
        # the current span, or the first stop after it in reading order, or the last one
        self.cursor = next((place[e.id] for e in before[at:] if e.id in place), len(self.spans) - 1)
        self.notify(say(self, "transcript.emotions_on" if self.emotions else "transcript.emotions_off"))
        self.run_worker(self._render_turns(), exclusive=True, group="transcript-render")

    def action_decide(self, status: str) -> None:
        if self.current is not None:
            from jtbd_studio.library import review

            self._write(partial(review.decide, self.db, [self.current.id], status, author=self._author()))

    def action_code(self) -> None:
        from jtbd_studio.tui.screens.dialogs import TextDialog

        if self.current is not None:
            self.app.push_screen(TextDialog(say(self, "transcript.code_prompt")), self._code_answer)

    def _code_answer(self, path: str | None) -> None:
        if path and path.strip() and self.current is not None:
            self._write(partial(_code_span, self.db, self.interview_id, self.current.id, path.strip(),
                                self._author()))

    def action_kind(self) -> None:
        from jtbd_studio.scripts.taxonomy import EXTRACTION_KINDS
        from jtbd_studio.tui.screens.dialogs import TextDialog

        if self.current is not None:
            prompt = say(self, "transcript.kind_prompt", kinds=", ".join(EXTRACTION_KINDS))
            self.app.push_screen(TextDialog(prompt, self.current.kind), self._kind_answer)

    def _kind_answer(self, kind: str | None) -> None:
        if kind and kind.strip() and self.current is not None:
            from jtbd_studio.library import review

            self._write(partial(review.change_kind, self.db, self.current.id, kind.strip(),
                                author=self._author()))

    def _author(self) -> str:
        from jtbd_studio.services.library import default_author

        return self.author or default_author()

    @work(thread=True, group="transcript-write", exit_on_error=False)
    def _write(self, call: partial) -> None:
        from jtbd_studio.errors import JtbdError

        try:
            call()
        except JtbdError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.reload()

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.notify(message.problem, severity="error")

    def action_back(self) -> None:
        self.app.pop_screen()


def _code_span(db: Database, interview_id: int, extraction_id: int, path: str, author: str) -> None:
    """Apply the code at `path`, creating the missing levels of the codebook on the way."""
    from jtbd_studio.library import codes
    from jtbd_studio.services.interviews import load_interview

    study_id = load_interview(db, interview_id).study.id
    code = codes.ensure_code_path(db, study_id, path, author=author)  # type: ignore[arg-type]
    codes.apply_code(db, code.id, extraction_id=extraction_id, author=author)  # type: ignore[arg-type]
