"""Home: studies → participants → interviews; create a study or participant, start an interview."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from jtbd_studio.scripts import list_scripts, pick_text
from jtbd_studio.services import interviews as svc
from jtbd_studio.services import studies
from jtbd_studio.store.tables import Interview, Participant
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.messages import InterviewStarted, WriteFailed, WriteJob, Written


class HomeScreen(Screen[None]):
    """Three lists side by side; Enter on an interview opens it (live) or its summary."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ы", "start", "interview.start", id="home.start_interview"),
        Binding("n,т", "new_study", "home.new_study", id="home.new_study"),
        Binding("a,ф", "new_participant", "participant.new", id="home.new_participant"),
        Binding("e,у", "edit_participant", "tui.key.edit_participant", id="home.edit_participant"),
        Binding("l,д", "library", "tui.library.open", id="home.library"),
        Binding("g,п", "glossary", "tui.library.glossary", id="home.glossary"),
        Binding("i,ш", "insights", "tui.library.insights", id="home.insights"),
        Binding("f2", "switch_language", "app.ui_language", id="home.ui_language"),
    ]

    class Loaded(Message):
        """Studies, and the chosen study's participants and interviews, were read."""

        def __init__(self, summaries: list[studies.StudySummary], study_id: int | None,
                     participants: list[Participant], interviews: list[tuple[Interview, str, str | None]],
                     script_titles: dict[str, dict[str, str]]) -> None:
            super().__init__()
            self.script_titles = script_titles
            self.summaries = summaries
            self.study_id = study_id
            self.participants = participants
            self.interviews = interviews

    def __init__(self, study: str | None = None) -> None:
        super().__init__()
        self.wanted_study = study
        self.study_id: int | None = None
        self.summaries: list[studies.StudySummary] = []
        self.participants: list[Participant] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-panes"):
            with Vertical(id="studies-pane", classes="pane"):
                yield Label(tr(self, "home.title"), classes="pane-title")
                yield OptionList(id="studies")
            with Vertical(id="participants-pane", classes="pane"):
                yield Label(tr(self, "study.participants"), classes="pane-title")
                yield DataTable(id="participants", cursor_type="row", zebra_stripes=True)
            with Vertical(id="interviews-pane", classes="pane"):
                yield Label(tr(self, "study.interviews"), classes="pane-title")
                yield DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = tr(self, "app.title")
        participants = self.query_one("#participants", DataTable)
        for key in ("name", "company", "segment", "key_client", "status"):
            participants.add_column(tr(self, f"participant.{key}" if key != "name" else "participant.title"),
                                    key=key)
        interviews = self.query_one("#interviews", DataTable)
        interviews.add_column("#", key="id")
        for key in ("started", "participant", "script", "language"):
            interviews.add_column(tr(self, f"interview.{key}"), key=key)
        interviews.add_column(tr(self, "participant.status"), key="status")
        self.query_one("#studies", OptionList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, study_id: int | str | None = None) -> None:
        self._load(study_id if study_id is not None else self.study_id or self.wanted_study)

    @work(thread=True, exclusive=True, group="home-load", exit_on_error=False)
    def _load(self, study: int | str | None) -> None:
        db = self.app.db  # type: ignore[attr-defined]
        summaries = studies.list_studies(db)
        chosen = next((s.study.id for s in summaries if study in (s.study.id, s.study.name)), None)
        if chosen is None and summaries:
            chosen = summaries[0].study.id
        participants = studies.list_participants(db, chosen) if chosen else []
        rows = svc.list_interviews(db, chosen) if chosen else []
        titles = {s.key: dict(s.title) for s in list_scripts()}
        self.post_message(self.Loaded(summaries, chosen, participants, rows, titles))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.summaries, self.study_id, self.participants = message.summaries, message.study_id, message.participants
        options = self.query_one("#studies", OptionList)
        options.clear_options()
        for s in message.summaries:
            badge = f" [$text-muted]({tr(self, 'app.synthetic_badge')})[/]" if s.study.synthetic else ""
            options.add_option(Option(f"{s.study.name}{badge}\n  [$text-muted]{s.participants} · {s.interviews}[/]",
                                      id=str(s.study.id)))
        if not message.summaries:
            options.add_option(Option(tr(self, "home.empty", key="N"), disabled=True))
        elif message.study_id is not None:
            options.highlighted = options.get_option_index(str(message.study_id))
        self._fill_participants(message.participants)
        self._fill_interviews(message.interviews, message.script_titles)

    def _fill_participants(self, rows: list[Participant]) -> None:
        table = self.query_one("#participants", DataTable)
        table.clear()
        for p in rows:
            key = tr(self, "app.yes") if p.key_client else ""
            table.add_row(p.name, p.company or "", p.segment or "", key,
                          tr(self, f"participant.status_{p.status}"), key=str(p.id))

    def _fill_interviews(self, rows: list[tuple[Interview, str, str | None]],
                         script_titles: dict[str, dict[str, str]]) -> None:
        table = self.query_one("#interviews", DataTable)
        table.clear()
        lang = self.app.ui_lang  # type: ignore[attr-defined]
        titles = {key: pick_text(title, lang) for key, title in script_titles.items()}
        for iv, _study, who in rows:
            started = iv.started_at.strftime("%Y-%m-%d %H:%M") if iv.started_at else ""
            status = tr(self, f"interview.{iv.status}" if iv.status in ("live", "finished") else "tui.status.imported")
            table.add_row(str(iv.id), started, who or "", titles.get(iv.script_key or "", iv.script_key or ""),
                          iv.language, f"[b]{status}[/b]" if iv.status == "live" else status, key=str(iv.id))

    @on(OptionList.OptionHighlighted, "#studies")
    def _study_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and int(event.option.id) != self.study_id:
            self.reload(int(event.option.id))

    @on(DataTable.RowSelected, "#interviews")
    def _open_interview(self, event: DataTable.RowSelected) -> None:
        self.app.post_message(InterviewStarted(int(str(event.row_key.value))))

    # -- actions ------------------------------------------------------------------------

    def _open(self, cls: type, *args: Any, then: Any) -> None:
        self.app.push_screen(self.app.make(cls, *args), then)  # type: ignore[attr-defined]

    def _write(self, what: str, call: Any) -> None:
        self.app.write(WriteJob(what, call, reply_to=self))  # type: ignore[attr-defined]

    def _push_library(self, screen_name: str) -> None:
        """The insight library's screens, on the highlighted study."""
        if self.study_id is None:
            self.notify(tr(self, "tui.library.no_study"), severity="warning")
            return
        from jtbd_studio.tui.screens import glossary, insights, library

        cls = {"library": library.LibraryScreen, "glossary": glossary.GlossaryScreen,
               "insights": insights.InsightsScreen}[screen_name]
        self.app.push_screen(self.app.make(cls, self.app.db, self.study_id))  # type: ignore[attr-defined]

    def action_library(self) -> None:
        self._push_library("library")

    def action_glossary(self) -> None:
        self._push_library("glossary")

    def action_insights(self) -> None:
        self._push_library("insights")

    def action_new_study(self) -> None:
        from jtbd_studio.tui.screens.forms import StudyDialog

        self._open(StudyDialog, then=self._study_given)

    def _study_given(self, values: dict[str, Any] | None) -> None:
        if values:
            self._write("study", partial(studies.create_study, self.app.db, **values))  # type: ignore[attr-defined]

    def action_new_participant(self) -> None:
        from jtbd_studio.tui.screens.forms import ParticipantDialog

        if self.study_id is None:
            self.notify(tr(self, "home.empty", key="N"), severity="warning")
            return
        self._open(ParticipantDialog, None, then=self._participant_given)

    def _participant_given(self, values: dict[str, Any] | None) -> None:
        if values and self.study_id is not None:
            self._write("participant", partial(studies.add_participant, self.app.db, self.study_id,  # type: ignore[attr-defined]
                                               values.pop("name"), **values))

    def action_edit_participant(self) -> None:
        from jtbd_studio.tui.screens.forms import ParticipantDialog

        table = self.query_one("#participants", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        chosen = next((p for p in self.participants if str(p.id) == key), None)
        if chosen is not None:
            self._open(ParticipantDialog, chosen,
                       then=lambda values: values and self._write(
                           "participant", partial(studies.update_participant, self.app.db, chosen.id, **values)))  # type: ignore[attr-defined]

    def action_start(self) -> None:
        from jtbd_studio.tui.screens.forms import StartDialog

        study = next((s.study for s in self.summaries if s.study.id == self.study_id), None)
        if study is None:
            self.notify(tr(self, "home.empty", key="N"), severity="warning")
            return
        language = study.language if study.language in ("ru", "en") else self.app.ui_lang  # type: ignore[attr-defined]
        self._open(StartDialog, self.participants, list_scripts(), language, then=self._start_given)

    def _start_given(self, request: Any) -> None:
        if request is None or self.study_id is None:
            return
        from jtbd_studio.scripts import load_script

        first = load_script(request.script_key).stages[0].id
        self._write("start", partial(svc.start_interview, self.app.db, self.study_id, request.participant,  # type: ignore[attr-defined]
                                     script_key=request.script_key, language=request.language,
                                     create_participant=request.new_participant, first_stage=first))

    def action_switch_language(self) -> None:
        self.app.switch_language()  # type: ignore[attr-defined]

    @on(Written)
    def _written(self, message: Written) -> None:
        message.stop()
        what, result = message.job.what, message.result
        if what == "study":
            self.notify(tr(self, "study.created", name=result.name))
            self.reload(result.id)
        elif what == "participant":
            self.notify(tr(self, "participant.created", name=result.name) if message.job.call.func
                        is studies.add_participant else tr(self, "app.saved"))
            self.reload()
        elif what == "start":
            self.app.post_message(InterviewStarted(result.id))

    @on(WriteFailed)
    def _failed(self, message: WriteFailed) -> None:
        message.stop()
        self.notify(message.error.message, title=message.error.title, severity="error", timeout=10)
