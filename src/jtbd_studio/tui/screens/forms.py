"""Forms as modal dialogs: NPS, CSI, participant details, a new study, a new interview.

Each form checks its values with the same rules the services apply and stays open with a
notification when one is wrong; it returns plain values, the caller does the writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select

from jtbd_studio.errors import JtbdError
from jtbd_studio.scripts import Script, pick_text
from jtbd_studio.services.interviews import parse_nps
from jtbd_studio.services.live import parse_rating
from jtbd_studio.services.studies import check_segment
from jtbd_studio.store.tables import SEGMENTS, STATUSES, Participant
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.screens.dialogs import Dialog


def _value(widget: Select) -> str | None:
    return None if widget.value is Select.NULL else str(widget.value)


class NpsDialog(Dialog):
    """NPS 0–10 and its "why"; returns (score or None, why)."""

    def __init__(self, score: int | None, why: str | None) -> None:
        super().__init__()
        self.score, self.why = score, why

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr(self, "nps.question"), classes="dialog-title")
            yield Input("" if self.score is None else str(self.score), id="nps-score",
                        placeholder="0–10", max_length=3)
            yield Label(tr(self, "nps.why"))
            yield Input(self.why or "", id="nps-why", max_length=2000)
            yield from self.buttons()

    @on(Input.Submitted)
    def submit(self) -> None:
        raw = self.query_one("#nps-score", Input).value.strip()
        try:
            score = parse_nps(raw) if raw else None
        except JtbdError:
            self.notify(tr(self, "error.nps_range"), severity="error")
            self.query_one("#nps-score", Input).focus()
            return
        self.dismiss((score, self.query_one("#nps-why", Input).value))


class CsiDialog(Dialog):
    """Satisfaction and importance (1–10) per aspect; returns {aspect: (score, importance)}."""

    def __init__(self, aspects: Sequence[tuple[str, str]], answers: dict[str, tuple[int | None, int | None]]) -> None:
        super().__init__()
        self.aspects = list(aspects)
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label(tr(self, "csi.title"), classes="dialog-title")
            with VerticalScroll(classes="form-rows"):
                with Horizontal(classes="form-row form-head"):
                    yield Label(tr(self, "csi.aspect"), classes="form-label")
                    yield Label(tr(self, "csi.satisfaction"), classes="form-cell")
                    yield Label(tr(self, "csi.importance"), classes="form-cell")
                for n, (aspect_id, title) in enumerate(self.aspects):
                    score, importance = self.answers.get(aspect_id, (None, None))
                    with Horizontal(classes="form-row"):
                        yield Label(title, classes="form-label")
                        yield Input("" if score is None else str(score), id=f"s-{n}",
                                    max_length=2, classes="form-cell")
                        yield Input("" if importance is None else str(importance), id=f"i-{n}",
                                    max_length=2, classes="form-cell")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#s-0", Input).focus()

    @on(Input.Submitted)
    def submit(self) -> None:
        result: dict[str, tuple[int | None, int | None]] = {}
        for n, (aspect_id, _title) in enumerate(self.aspects):
            fields = (self.query_one(f"#s-{n}", Input), self.query_one(f"#i-{n}", Input))
            try:
                values = tuple(parse_rating(f.value, "score") for f in fields)
            except JtbdError:
                self.notify(tr(self, "error.csi_range"), severity="error")
                return
            result[aspect_id] = values  # type: ignore[assignment]
        self.dismiss(result)


class ParticipantDialog(Dialog):
    """Segment A–D, key client, status (and the name, for a new participant)."""

    def __init__(self, participant: Participant | None) -> None:
        super().__init__()
        self.participant = participant

    def compose(self) -> ComposeResult:
        p = self.participant
        with Vertical(classes="dialog"):
            yield Label(tr(self, "participant.title" if p else "participant.new"), classes="dialog-title")
            if p is None:
                yield Input(placeholder=tr(self, "participant.name"), id="p-name", max_length=200)
                yield Input(placeholder=tr(self, "participant.company"), id="p-company", max_length=200)
            else:
                yield Label(f"[b]{p.name}[/b]" + (f" · {p.company}" if p.company else ""), markup=True)
            yield Label(tr(self, "participant.segment"))
            yield Select([(tr(self, f"participant.segment_{s}"), s) for s in SEGMENTS],
                         value=p.segment if p and p.segment else Select.NULL, id="p-segment",
                         prompt=tr(self, "app.none"))
            yield Label(tr(self, "participant.status"))
            yield Select([(tr(self, f"participant.status_{s}"), s) for s in STATUSES],
                         value=p.status if p else "active", id="p-status", allow_blank=False)
            yield Checkbox(tr(self, "participant.key_client"), bool(p and p.key_client), id="p-key")
            yield from self.buttons()

    @on(Input.Submitted)
    def submit(self) -> None:
        values = {
            "segment": check_segment(_value(self.query_one("#p-segment", Select))),
            "status": _value(self.query_one("#p-status", Select)) or "active",
            "key_client": self.query_one("#p-key", Checkbox).value,
        }
        if self.participant is None:
            name = " ".join(self.query_one("#p-name", Input).value.split())
            if not name:
                self.notify(tr(self, "tui.form.name_required"), severity="error")
                return
            values["name"] = name
            values["company"] = self.query_one("#p-company", Input).value.strip() or None
        self.dismiss(values)


class StudyDialog(Dialog):
    """A new study: name, product, language; returns a dict."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr(self, "home.new_study"), classes="dialog-title")
            yield Input(placeholder=tr(self, "study.name"), id="s-name", max_length=200)
            yield Input(placeholder=tr(self, "study.product"), id="s-product", max_length=200)
            yield Label(tr(self, "study.language"))
            yield Select([("Русский", "ru"), ("English", "en"), (tr(self, "study.language_mixed"), "mixed")],
                         value=getattr(self.app, "ui_lang", "en"), id="s-lang", allow_blank=False)
            yield from self.buttons()

    @on(Input.Submitted)
    def submit(self) -> None:
        name = " ".join(self.query_one("#s-name", Input).value.split())
        if not name:
            self.notify(tr(self, "tui.form.name_required"), severity="error")
            return
        self.dismiss({"name": name, "product": self.query_one("#s-product", Input).value.strip() or None,
                      "language": _value(self.query_one("#s-lang", Select)) or "ru"})


@dataclass(frozen=True)
class StartRequest:
    """What the start form returns: who, which script, which language."""

    participant: int | str
    new_participant: bool
    script_key: str
    language: str


class StartDialog(Dialog):
    """Start an interview: pick a participant or type a new name, a script, a language."""

    def __init__(self, participants: Sequence[Participant], scripts: Sequence[Script], language: str) -> None:
        super().__init__()
        self.participants = list(participants)
        self.scripts = list(scripts)
        self.language = language if language in ("ru", "en") else "ru"

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "ui_lang", "en")
        with Vertical(classes="dialog"):
            yield Label(tr(self, "interview.start"), classes="dialog-title")
            yield Label(tr(self, "participant.pick"))
            yield Select([(p.name + (f" · {p.company}" if p.company else ""), p.id) for p in self.participants],
                         id="start-participant", prompt=tr(self, "tui.start.new_participant"))
            yield Input(placeholder=tr(self, "tui.start.new_participant_name"), id="start-new", max_length=200)
            yield Label(tr(self, "interview.script"))
            yield Select([(pick_text(s.title, lang), s.key) for s in self.scripts], id="start-script",
                         value=self.scripts[0].key if self.scripts else Select.NULL,
                         prompt=tr(self, "interview.pick_script"))
            yield Label(tr(self, "interview.language"))
            yield Select([("Русский", "ru"), ("English", "en")], value=self.language,
                         id="start-lang", allow_blank=False)
            yield from self.buttons("interview.start")

    def on_mount(self) -> None:
        if self.participants:
            self.query_one("#start-participant", Select).focus()
        else:
            self.query_one("#start-new", Input).focus()

    @on(Input.Submitted)
    def submit(self) -> None:
        new_name = " ".join(self.query_one("#start-new", Input).value.split())
        picked = self.query_one("#start-participant", Select).value
        script = _value(self.query_one("#start-script", Select))
        if not new_name and picked is Select.NULL:
            self.notify(tr(self, "participant.pick"), severity="error")
            return
        if script is None:
            self.notify(tr(self, "interview.pick_script"), severity="error")
            return
        participant: int | str = new_name if new_name else int(picked)  # type: ignore[arg-type]
        self.dismiss(StartRequest(participant, bool(new_name), script,
                                  _value(self.query_one("#start-lang", Select)) or "ru"))
