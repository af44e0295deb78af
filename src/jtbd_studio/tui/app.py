"""The Textual application: one writer thread for the database, the resume offer, the palette.

`make_app` is the one factory: the CLI (`run_app`), the tests and the benchmarks build the app
with it, so what is tested is what runs.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from jtbd_studio.errors import JtbdError, StorageError
from jtbd_studio.i18n import UI_LANG_SETTING, default_ui_lang, languages, t
from jtbd_studio.settings import save_setting
from jtbd_studio.tui.keys import localized, tr
from jtbd_studio.tui.messages import (
    DatabaseRestored,
    InterviewStarted,
    WriteFailed,
    WriteJob,
    Written,
)

if TYPE_CHECKING:
    from jtbd_studio.services.live import DatabaseFileGuard
    from jtbd_studio.store.db import Database

Clock = Callable[[], datetime]
"""Where the app reads the time (tests freeze it; offsets and timers all use it)."""

SWITCH_LANGUAGE = "switch-language:"
DRAIN_TIMEOUT_S = 10.0
#: How often the app checks that its terminal is still there. A closed terminal window leaves
#: a process it did not hang up (one started by `make demo`: make takes the SIGHUP) reading
#: end-of-file forever at full CPU.
TERMINAL_CHECK_S = 1.0
#: The exit status when the terminal went away (128 + SIGHUP, as a shell reports a hang-up).
HANGUP_STATUS = 129


def utc_now() -> datetime:
    return datetime.now(UTC)


class JtbdApp(App[str]):
    """jtbd-studio in the terminal; every database write goes through `write()`, in order."""

    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "app.quit", id="app.quit", priority=True),
        Binding("f1", "toggle_keys", "app.help", id="app.help"),
        Binding("ctrl+p", "command_palette", "tui.key.palette", id="app.palette", show=False,
                priority=True),
    ]

    def __init__(self, db: Database | str | None, *, study: str | None = None, ui_lang: str | None = None,
                 clock: Clock | None = None, offer_resume: bool = True) -> None:
        super().__init__()
        # A path/URL (or None: the default) is opened in a worker after the first frame, so the
        # interface is up before SQLAlchemy and the tables are even imported.
        self._db_target = db if isinstance(db, str) or db is None else None
        self.open_error: str | None = None
        self.db: Database = db if not (isinstance(db, str) or db is None) else None  # type: ignore[assignment]
        self.ui_lang = ui_lang if ui_lang in languages() else default_ui_lang()
        """The interface language (the interview language is each interview's own)."""
        self.clock: Clock = clock or utc_now
        self.start_study = study
        self.offer_resume = offer_resume
        self.guard: DatabaseFileGuard | None = None
        self._writes: queue.Queue[WriteJob | None] = queue.Queue()
        self._writer_done = threading.Event()
        self._job_lock = threading.Lock()
        self.title = t("app.title", self.ui_lang)

    def make(self, cls: type, *args: Any, **kwargs: Any) -> Any:
        """An instance of a screen class with its bindings in the interface language."""
        return localized(cls, self.ui_lang)(*args, **kwargs)

    def compose(self) -> ComposeResult:
        yield Static(t("tui.startup.opening", self.ui_lang), id="opening")

    def on_mount(self) -> None:
        if self.db is None:
            self._open_database()
        else:
            self._database_ready(self.db)
        stdin = sys.__stdin__
        if not self.is_headless and stdin is not None and os.isatty(stdin.fileno()):
            self._terminal = stdin.fileno()
            self.set_interval(TERMINAL_CHECK_S, self._check_terminal)

    async def _check_terminal(self) -> None:
        """Once the terminal is gone: save the drafts, finish the writes, close the database and
        end the process. Textual's own exit would restore the terminal first and, with nothing
        to write to, wait forever."""
        if os.isatty(self._terminal):
            return
        await self._save_and_drain()
        if self.guard is not None:
            self.guard.close()
        if self.db is not None:
            self.db.close()
        os._exit(HANGUP_STATUS)

    @work(thread=True, exclusive=True, group="open-db", exit_on_error=False)
    def _open_database(self) -> None:
        from jtbd_studio.store.db import open_database

        try:
            db = open_database(self._db_target)
        except JtbdError as exc:
            self.open_error = exc.message
            self.call_from_thread(self.exit, None, 1)
            return
        self.call_from_thread(self._database_ready, db)

    def _database_ready(self, db: Database) -> None:
        from jtbd_studio.services.live import DatabaseFileGuard
        from jtbd_studio.tui.screens.home import HomeScreen

        self.db = db
        self.guard = DatabaseFileGuard(self.db)
        self._run_writer()
        self.push_screen(self.make(HomeScreen, self.start_study))
        self._find_unfinished()

    # -- the writer ---------------------------------------------------------------------

    def write(self, job: WriteJob) -> WriteJob:
        """Queue a write; the answer (`Written` / `WriteFailed`) goes to `job.reply_to`."""
        self._writes.put(job)
        return job

    def write_now(self, job: WriteJob) -> WriteJob:
        """Run a short write at once when the writer is idle, else queue it behind the others.

        A live note on a local SQLite file commits in 1–2 ms; handing it to the writer thread
        costs more than that, because the thread waits for the GIL while the screen redraws.
        Order is kept: the note runs here only when no other write is queued or running.
        """
        if self.db is not None and self.db.dialect == "sqlite" and self._writes.empty() \
                and self._job_lock.acquire(blocking=False):
            try:
                self._run_job(job)
            finally:
                self._job_lock.release()
            return job
        return self.write(job)

    @work(thread=True, name="db-writer", group="db-writer", exit_on_error=False)
    def _run_writer(self) -> None:
        """One thread runs every write, so notes are committed in the order they were typed."""
        try:
            while (job := self._writes.get()) is not None:
                with self._job_lock:
                    self._run_job(job)
        finally:
            self._writer_done.set()

    def _run_job(self, job: WriteJob) -> None:
        target = job.reply_to or self
        try:
            if self.guard is not None and self.guard.ensure():
                self.post_message(DatabaseRestored(str(self.guard.path)))
            answer: Written | WriteFailed = Written(job, job.call())
        except JtbdError as exc:
            answer = WriteFailed(job, exc)
        except Exception as exc:  # a driver error the store did not translate: still one line
            answer = WriteFailed(job, StorageError(f"{self.db.location}: {exc}"))
        job.finished = time.perf_counter()
        if not target.post_message(answer):
            self.post_message(answer)  # the screen is gone: the app reports a failure itself

    async def action_quit(self) -> None:
        """Save the draft of any open interview, let the writer finish, then exit."""
        await self._save_and_drain()
        self.exit()

    async def _save_and_drain(self) -> None:
        for screen in self.screen_stack:
            if hasattr(screen, "save_draft"):
                screen.save_draft()
        await self._drain()

    async def _drain(self) -> None:
        import asyncio

        self._writes.put(None)
        await asyncio.to_thread(self._writer_done.wait, DRAIN_TIMEOUT_S)

    def on_unmount(self) -> None:
        self._writes.put(None)
        self._writer_done.wait(DRAIN_TIMEOUT_S)
        if self.guard is not None:
            self.guard.close()

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        self.notify(tr(self, "error.not_saved", problem=message.error.message),
                    title=message.error.title, severity="error", timeout=10)

    @on(DatabaseRestored)
    def _restored(self, message: DatabaseRestored) -> None:
        self.notify(tr(self, "tui.db.restored", path=message.path), severity="warning", timeout=15)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """The one place a failed reader becomes a notification (writers answer per job)."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        text = error.message if isinstance(error, JtbdError) else f"{type(error).__name__}: {error}"
        title = error.title if isinstance(error, JtbdError) else t("error.title", self.ui_lang)
        self.notify(text, title=title, severity="error", timeout=10)

    # -- interviews ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="resume", exit_on_error=False)
    def _find_unfinished(self) -> None:
        from jtbd_studio.services import interviews as svc

        self._warm_up()
        unfinished = svc.list_interviews(self.db, unfinished_only=True) if self.offer_resume else []
        if unfinished:
            iv, _study, who = unfinished[0]
            detail = svc.load_interview(self.db, iv.id or 0)
            draft = detail.draft.text if detail.draft else None
            self.call_from_thread(self._offer_resume, iv.id, who or "—", iv.started_at, draft)

    def _warm_up(self) -> None:
        """Import the interview screen and read the taxonomy now, not when the call starts."""
        from jtbd_studio.scripts import list_scripts
        from jtbd_studio.tui.screens.interview import InterviewScreen

        localized(InterviewScreen, self.ui_lang)
        list_scripts()

    def _offer_resume(self, interview_id: int, who: str, started: datetime | None, draft: str | None) -> None:
        from jtbd_studio.tui.screens.dialogs import ResumeDialog

        when = started.astimezone().strftime("%Y-%m-%d %H:%M") if started else "—"
        prompt = tr(self, "home.resume_prompt", participant=who, started=when)
        self.push_screen(self.make(ResumeDialog, prompt, draft), partial(self._resume_answer, interview_id))

    def _resume_answer(self, interview_id: int, answer: str | None) -> None:
        from jtbd_studio.services import interviews as svc

        if answer == "resume":
            self.post_message(InterviewStarted(interview_id))
        elif answer == "end":
            self.write(WriteJob("end", partial(svc.end_interview, self.db, interview_id), reply_to=self.screen))

    @on(InterviewStarted)
    def _open_interview(self, message: InterviewStarted) -> None:
        self._open_detail(message.interview_id)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_detail(self, interview_id: int) -> None:
        from jtbd_studio.services import interviews as svc

        iv = svc.load_interview(self.db, interview_id).interview
        self.call_from_thread(self._show_interview, interview_id, iv.status)

    def _show_interview(self, interview_id: int, status: str) -> None:
        from jtbd_studio.tui.screens.interview import InterviewScreen
        from jtbd_studio.tui.screens.summary import SummaryScreen

        if status == "imported":  # a transcript: read it, review its suggestions
            from jtbd_studio.tui.screens.transcript import TranscriptScreen

            self.push_screen(self.make(TranscriptScreen, self.db, interview_id))
            return
        screen = InterviewScreen if status == "live" else SummaryScreen
        self.push_screen(self.make(screen, interview_id))

    # -- keys, palette, language ------------------------------------------------------

    def action_toggle_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def switch_language(self) -> None:
        """Restart the interface in the next language (the app is rebuilt, nothing is lost)."""
        langs = languages()
        following = langs[(langs.index(self.ui_lang) + 1) % len(langs)] if self.ui_lang in langs else "en"
        save_setting(UI_LANG_SETTING, following)  # the next start opens in it too
        self.exit(SWITCH_LANGUAGE + following)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every described binding of the screen, calling the very action its key calls."""
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            # Ours only: the screens' and the app's (widgets' own keys are Textual's, in English).
            mine = isinstance(active.node, (Screen, App)) and binding.id
            if not mine or not binding.description or not active.enabled:
                continue
            if (id(active.node), binding.action) in seen:
                continue
            seen.add((id(active.node), binding.action))
            action = partial(self.run_action, binding.action, active.node)
            yield SystemCommand(binding.description, binding.tooltip or binding.description, action)
        yield SystemCommand(t("app.quit", self.ui_lang), t("app.quit", self.ui_lang), self.action_quit)


def make_app(db: Database | str | None, *, study: str | None = None, ui_lang: str | None = None,
             clock: Clock | None = None, offer_resume: bool = True) -> JtbdApp:
    """The app with its bindings in the interface language (the factory everyone uses)."""
    lang = ui_lang if ui_lang in languages() else default_ui_lang()
    cls = localized(JtbdApp, lang)
    return cls(db, study=study, ui_lang=lang, clock=clock, offer_resume=offer_resume)


def run_app(db: Database | str | None, *, study: str | None, ui_lang: str | None) -> None:
    """Run until the user quits; a language switch rebuilds the app in the other language.

    `db` is an open database or a path/URL (None: the default) that the app opens itself after
    its first frame. A database that cannot be opened ends the app with one line on stderr.
    """
    import sys

    lang = ui_lang
    while True:
        app = make_app(db, study=study, ui_lang=lang)
        result = app.run()
        if app.return_code:
            print(f"error: {app.open_error or 'the database could not be opened'}", file=sys.stderr)
            sys.exit(app.return_code)
        if isinstance(result, str) and result.startswith(SWITCH_LANGUAGE):
            lang = result.removeprefix(SWITCH_LANGUAGE)
            db = app.db or db
            continue
        return
