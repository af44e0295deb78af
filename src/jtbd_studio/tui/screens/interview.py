"""The live interview: the script stage by stage, timers, one-key notes, emotions, NPS/CSI.

Every change is a `WriteJob` for the app's writer thread (one at a time, in order); the screen
changes what it shows when the `Written` answer arrives, so "saved" always means committed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from itertools import count
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from jtbd_studio.i18n import t
from jtbd_studio.scripts import (
    EmotionLabel,
    Script,
    emotion_by_id,
    emotion_by_key,
    emotion_taxonomy,
    load_script,
    note_kinds,
    pick_text,
)
from jtbd_studio.services import interviews as svc
from jtbd_studio.services.interviews import InterviewDetail
from jtbd_studio.services.live import SITTING_MAX, last_note_ms
from jtbd_studio.store.tables import EmotionTag, Note
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.messages import WriteFailed, WriteJob, Written
from jtbd_studio.tui.screens.interview_forms import InterviewFormsMixin
from jtbd_studio.tui.screens.interview_notes import InterviewNotesMixin
from jtbd_studio.tui.widgets.interview import (
    ClockBar,
    KindBar,
    NoteLine,
    NotesTable,
    StagePanel,
    StageStrip,
)
from jtbd_studio.tui.widgets.interview.clock_bar import hms
from jtbd_studio.tui.widgets.interview.notes_table import FAILED, SAVED, NoteRow
from jtbd_studio.tui.widgets.interview.stage_strip import StripCell

DRAFT_EVERY_S = 2.0


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class InterviewScreen(InterviewNotesMixin, InterviewFormsMixin, Screen[None]):
    """One live interview. The note line has the focus; Escape moves it to the notes list."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the note line (an Input) would otherwise take PageUp/PageDown for itself.
        Binding("pagedown,alt+right", "stage(1)", "stage.next", id="interview.next_stage",
                priority=True, key_display="PgDn"),
        Binding("pageup,alt+left", "stage(-1)", "stage.previous", id="interview.previous_stage",
                priority=True, key_display="PgUp"),
        Binding("f2", "jump", "stage.jump", id="interview.jump"),
        Binding("f3", "emotion_picker", "emotion.title", id="interview.emotion"),
        Binding("f4", "nps", "nps.title", id="interview.nps"),
        Binding("f5", "csi", "csi.title", id="interview.csi"),
        Binding("f6", "participant", "participant.title", id="interview.participant"),
        Binding("f8", "leave", "tui.key.leave", id="interview.leave"),
        Binding("f9", "end", "interview.end", id="interview.end"),
        # Tab cycles the kind: a layout-free fallback where a terminal eats Alt (Escape moves focus).
        Binding("tab", "cycle_kind(1)", "tui.key.next_kind", id="interview.next_kind", show=False,
                priority=True),
        Binding("shift+tab", "cycle_kind(-1)", "tui.key.previous_kind", id="interview.previous_kind",
                show=False, priority=True),
        Binding("escape", "switch_focus", "tui.key.switch_focus", id="interview.switch_focus",
                show=False),
        Binding("delete", "delete_note", "app.delete", id="interview.delete_note", show=False),
        Binding("ctrl+z", "undo", "app.undo", id="interview.undo", show=False),
        Binding("ctrl+r", "retry", "tui.key.retry", id="interview.retry", show=False),
        Binding("alt+up,alt+equals_sign,alt+plus", "valence(1)", "emotion.valence_up",
                id="interview.valence_up", show=False, priority=True),
        Binding("alt+down,alt+minus", "valence(-1)", "emotion.valence_down",
                id="interview.valence_down", show=False, priority=True),
    ]

    @classmethod
    def extra_bindings(cls, lang: str) -> list[Binding]:
        """One key per note kind, from the taxonomy data.

        Alt+key works while typing (priority bindings); each kind is bound in both keyboard
        layouts (`alt+q` and `alt+й`). Bare letters and digits are left to the note, so a word
        or a number typed into a quote never changes a tag.
        """
        bindings = []
        for kind in note_kinds():
            title = f"{t('note.kind', lang)}: {pick_text(kind.title, lang)}"
            bindings.append(Binding(",".join(f"alt+{k}" for k in kind.keys), f"kind('{kind.id}')",
                                    title, id=f"interview.kind.{kind.id}", show=False, priority=True,
                                    key_display=f"Alt+{kind.keys[0].upper()}"))
        return bindings

    class Loaded(Message):
        """The interview and its script were read."""

        def __init__(self, detail: InterviewDetail, script: Script) -> None:
            super().__init__()
            self.detail = detail
            self.script = script

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.detail: InterviewDetail | None = None
        self.script: Script | None = None
        self.stage_index = 0
        self.kind = "note"
        self.rows: dict[str, NoteRow] = {}
        self.emotions: dict[str, EmotionTag] = {}
        self.deleted: list[str] = []
        """Tokens of deleted notes, newest last: what Ctrl+Z restores."""
        self._deleted_notes: dict[str, Note] = {}
        self._tokens = count(1)
        self._stage_entered: datetime | None = None
        #: the interview clock reads `offset + (now - since)` (a continued interview: see _loaded)
        self._clock_since: datetime | None = None
        self._clock_offset_ms = 0
        self._draft_saved: tuple[str, str] = ("", "note")

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield StageStrip(id="strip")
        yield ClockBar(id="clock")
        with Horizontal(id="interview-main"):
            yield StagePanel(id="stage")
            with Vertical(id="notes-pane"):
                yield Static(tr(self, "note.list"), id="notes-title")
                yield NotesTable(self._describe, id="notes")
        yield KindBar(note_kinds(), id="kinds")
        with Horizontal(id="note-row"):
            yield Static(id="note-status")
            yield NoteLine(placeholder=tr(self, "note.placeholder"), id="note-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#note-line", NoteLine).focus()
        self.query_one(StagePanel).show_legend(emotion_taxonomy())
        self.set_interval(1.0, self._tick)
        self.set_interval(DRAFT_EVERY_S, self.save_draft)
        self._load()

    @work(thread=True, exclusive=True, group="interview-load", exit_on_error=False)
    def _load(self) -> None:
        detail = svc.load_interview(self.app.db, self.interview_id)  # type: ignore[attr-defined]
        script = load_script(detail.interview.script_key or "")
        self.post_message(self.Loaded(detail, script))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.detail, self.script = message.detail, message.script
        iv = message.detail.interview
        ids = [s.id for s in self.script.stages]
        self.stage_index = ids.index(iv.current_stage) if iv.current_stage in ids else 0
        self._stage_entered = self.now()
        self._start_clock(message.detail)
        self.emotions = {e.stage: e for e in message.detail.emotions if e.source == "interviewer"}
        self.rows = {}
        for note in message.detail.notes:
            row = self._row_of(note)
            self.rows[row.token] = row
        self.query_one(NotesTable).reload(self.rows.values())
        draft = message.detail.draft
        if draft is not None and draft.text:
            self.query_one("#note-line", NoteLine).restore(draft.text)
            self.kind = draft.kind if draft.kind in svc.NOTE_KINDS else "note"
            self._draft_saved = (draft.text, self.kind)
            self.notify(tr(self, "tui.interview.draft_restored"))
        who = message.detail.participant.name if message.detail.participant else "—"
        self.title = f"{tr(self, 'interview.title')} #{iv.id} · {who}"
        self.sub_title = pick_text(self.script.title, iv.language)
        self._show_stage()

    def _row_of(self, note: Note) -> NoteRow:
        return NoteRow(f"id{note.id}", note.text, note.kind, note.stage, note.offset_ms, note.id, SAVED)

    def _describe(self, row: NoteRow) -> tuple[str, str]:
        lang = self.app.ui_lang  # type: ignore[attr-defined]
        kind = next((pick_text(k.title, lang) for k in note_kinds() if k.id == row.kind), row.kind)
        stage = row.stage or ""
        if self.script is not None and row.stage:
            found = [s for s in self.script.stages if s.id == row.stage]
            if found:
                stage = f"{self.script.stages.index(found[0]) + 1} {pick_text(found[0].title, self.language)}"
        return kind, stage

    # -- time ---------------------------------------------------------------------------

    def now(self) -> datetime:
        return _aware(self.app.clock())  # type: ignore[attr-defined]

    @property
    def language(self) -> str:
        return self.detail.interview.language if self.detail else "en"

    def _start_clock(self, detail: InterviewDetail) -> None:
        """The interview clock counts from the start; an interview continued in a later sitting
        (opened more than SITTING_MAX after its start) goes on from its last note instead, so
        the clock shows the conversation's time, not the days between the sittings."""
        started = detail.interview.started_at
        self._clock_since, self._clock_offset_ms = (_aware(started) if started else None), 0
        if started is None or self.now() - _aware(started) <= SITTING_MAX:
            return
        last = last_note_ms(detail)
        self._clock_since, self._clock_offset_ms = self.now(), last
        minutes = int((self.now() - _aware(started)).total_seconds() // 60)
        days, hours = minutes // 1440, minutes // 60 % 24
        since = (tr(self, "timer.days_hours", days=days, hours=hours) if days
                 else tr(self, "timer.hours_minutes", hours=hours, minutes=minutes % 60))
        self.notify(tr(self, "tui.interview.clock_resumed", since=since, at=hms(last / 1000)))

    def offset_ms(self) -> int | None:
        if self._clock_since is None:
            return None
        return self._clock_offset_ms + max(0, int((self.now() - self._clock_since).total_seconds() * 1000))

    def _tick(self) -> None:
        if self.script is None or self._stage_entered is None:
            return
        stage = self.script.stages[self.stage_index]
        stage_s = (self.now() - self._stage_entered).total_seconds()
        self.query_one(ClockBar).show_times((self.offset_ms() or 0) / 1000, stage_s, stage.minutes * 60)

    # -- stages -------------------------------------------------------------------------

    @property
    def stage_id(self) -> str | None:
        return self.script.stages[self.stage_index].id if self.script else None

    def _show_stage(self) -> None:
        if self.script is None or self.detail is None:
            return
        stage = self.script.stages[self.stage_index]
        values = {"product": self.detail.study.product,
                  "company": self.detail.participant.company if self.detail.participant else None}
        self.query_one(StagePanel).show_stage(stage, number=self.stage_index + 1,
                                              total=len(self.script.stages), lang=self.language,
                                              values=values)
        self._show_emotions()
        self.query_one(KindBar).kind = self.kind
        self._tick()

    def _show_emotions(self) -> None:
        assert self.script is not None
        strip = self.query_one(StageStrip)
        strip.cells = tuple(
            StripCell(pick_text(s.title, self.language),
                      self.emotions[s.id].valence if s.id in self.emotions else None)
            for s in self.script.stages
        )
        strip.current = self.stage_index
        tag = self.emotions.get(self.stage_id or "")
        label = emotion_by_id(tag.label) if tag and tag.label else None
        self.query_one(StagePanel).show_emotion(label, tag.valence if tag else None,
                                                tag.comment if tag else None)

    def go_to_stage(self, index: int) -> None:
        if self.script is None:
            return
        if not 0 <= index < len(self.script.stages):
            self.notify(tr(self, "stage.first" if index < 0 else "stage.last"), severity="warning")
            return
        if index == self.stage_index:
            return
        self.stage_index = index
        self._stage_entered = self.now()
        self.write("stage", partial(svc.set_stage, self.app.db, self.interview_id, self.stage_id))  # type: ignore[attr-defined]
        self._show_stage()

    def action_stage(self, step: int) -> None:
        self.go_to_stage(self.stage_index + step)

    def action_jump(self) -> None:
        from jtbd_studio.tui.screens.dialogs import ChoiceDialog

        if self.script is None:
            return
        choices = []
        for s in self.script.stages:
            tag = self.emotions.get(s.id)
            mark = f"  ({tag.valence:+d})" if tag else ""
            choices.append(f"{pick_text(s.title, self.language)} · {s.minutes:g}′{mark}")
        self.app.push_screen(self.app.make(ChoiceDialog, tr(self, "stage.jump_prompt"), choices,  # type: ignore[attr-defined]
                                           self.stage_index), self._jumped)

    def _jumped(self, index: int | None) -> None:
        if index is not None:
            self.go_to_stage(index)

    # -- writing --------------------------------------------------------------------------

    def write(self, what: str, call: Any, token: Any = None) -> None:
        self.app.write(WriteJob(what, call, reply_to=self, token=token))  # type: ignore[attr-defined]

    @on(Input.Submitted, "#note-line")
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_line()

    def commit_line(self) -> None:
        """Enter: the note line becomes a note, stamped with its time offset and stage."""
        line = self.query_one("#note-line", NoteLine)
        text = line.value.strip()
        if not text:
            self.notify(tr(self, "error.empty_note"), severity="warning")
            return
        if self.detail is None:
            return
        row = NoteRow(f"new{next(self._tokens)}", text, self.kind, self.stage_id, self.offset_ms())
        self.rows[row.token] = row
        call = partial(svc.add_note, self.app.db, self.interview_id, row.text, kind=row.kind,  # type: ignore[attr-defined]
                       stage=row.stage, offset_ms=row.offset_ms)
        # commit first, draw after: the answer (`Written`) is handled once this handler returns
        self.app.write_now(WriteJob("note", call, reply_to=self, token=row.token))  # type: ignore[attr-defined]
        self.query_one(NotesTable).put(row)
        line.clear()
        self._draft_saved = ("", "note")  # add_note removes the draft in the same transaction
        self.action_kind("note", for_line=True)

    def save_draft(self) -> None:
        """Keep the note being typed (called every 2 s; writes only when it changed)."""
        if self.detail is None or self.detail.interview.status != "live":
            return
        state = (self.query_one("#note-line", NoteLine).value, self.kind)
        if state == self._draft_saved:
            return
        self._draft_saved = state
        self.write("draft", partial(svc.save_draft, self.app.db, self.interview_id, state[0],  # type: ignore[attr-defined]
                                    kind=state[1], stage=self.stage_id))

    @on(Written)
    def _written(self, message: Written) -> None:
        message.stop()
        job, result = message.job, message.result
        table = self.query_one(NotesTable)
        if job.what == "note":
            row = replace(self.rows[job.token], note_id=result.id, state=SAVED)
            self.rows[job.token] = row
            table.redraw(row)
            self._set_status(tr(self, "note.count", n=sum(r.note_id is not None for r in self.rows.values())))
        elif job.what in ("rekind", "edit"):
            row = replace(self.rows[job.token], kind=result.kind, text=result.text)
            self.rows[job.token] = row
            table.redraw(row)
        elif job.what == "delete":
            self.rows.pop(job.token, None)
            table.drop(job.token)
            self.deleted.append(job.token)
            self._deleted_notes[job.token] = result
            self.notify(tr(self, "note.deleted", key="Ctrl+Z"))
        elif job.what == "undo":
            row = self._row_of(result)
            self.rows[job.token] = row
            self._reload_rows()
            self.notify(tr(self, "note.restored"))
        elif job.what == "emotion":
            self.emotions[result.stage] = result
            self._show_emotions()
        else:
            self.written_form(job, result)

    @on(WriteFailed)
    def _failed(self, message: WriteFailed) -> None:
        message.stop()
        job = message.job
        if job.what == "note" and job.token in self.rows:
            row = replace(self.rows[job.token], state=FAILED)
            self.rows[job.token] = row
            self.query_one(NotesTable).redraw(row)
            self._set_status(tr(self, "tui.note.unsaved", n=self._unsaved_count(), key="Ctrl+R"))
        if job.what == "draft":
            self._draft_saved = ("", "")  # try again at the next tick
        self.notify(tr(self, "error.not_saved", problem=message.error.message),
                    title=message.error.title, severity="error", timeout=10)

    def _unsaved_count(self) -> int:
        return sum(r.state == FAILED for r in self.rows.values())

    def _set_status(self, text: str) -> None:
        self.query_one("#note-status", Static).update(text)

    def _reload_rows(self) -> None:
        ordered = sorted(self.rows.values(), key=lambda r: (r.offset_ms or 0, r.note_id or 0))
        self.rows = {r.token: r for r in ordered}
        self.query_one(NotesTable).reload(ordered)

    def action_retry(self) -> None:
        """Send again the notes the database refused (they stay in order of their time)."""
        for row in [r for r in self.rows.values() if r.state == FAILED]:
            self.write("note", partial(svc.add_note, self.app.db, self.interview_id, row.text,  # type: ignore[attr-defined]
                                       kind=row.kind, stage=row.stage, offset_ms=row.offset_ms), row.token)

    # -- emotions -----------------------------------------------------------------------

    def action_emotion(self, key: str) -> None:
        label: EmotionLabel | None = emotion_by_key(key)
        if label is None or self.stage_id is None:
            return
        self.write("emotion", partial(svc.set_emotion, self.app.db, self.interview_id, self.stage_id,  # type: ignore[attr-defined]
                                      valence=label.valence, label=label.id))

    def action_valence(self, step: int) -> None:
        if self.stage_id is None:
            return
        tag = self.emotions.get(self.stage_id)
        current = tag.valence if tag else 0
        wanted = current + step
        if not -2 <= wanted <= 2:
            self.notify(tr(self, "error.valence_range"), severity="warning")
            return
        self.write("emotion", partial(svc.set_emotion, self.app.db, self.interview_id, self.stage_id,  # type: ignore[attr-defined]
                                      valence=wanted, label=tag.label if tag else None))
