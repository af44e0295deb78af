"""The interview screen's form actions: emotion comment, NPS, CSI, participant, end, leave."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from jtbd_studio.scripts import pick_text
from jtbd_studio.services import interviews as svc
from jtbd_studio.services.studies import update_participant
from jtbd_studio.tui.keys import tr
from jtbd_studio.tui.messages import WriteJob

if TYPE_CHECKING:
    from jtbd_studio.tui.screens.interview import InterviewScreen as _Base
else:
    _Base = object


class InterviewFormsMixin(_Base):
    """Opens a form, and writes what it returns through the screen's `write`."""

    def _open(self, cls: type, *args: Any, then: Any) -> None:
        self.app.push_screen(self.app.make(cls, *args), then)  # type: ignore[attr-defined]

    def action_emotion_picker(self) -> None:
        from jtbd_studio.scripts import emotion_taxonomy
        from jtbd_studio.tui.screens.emotion import EmotionDialog

        stage = self.stage_id
        if stage is None or self.script is None:
            return
        tag = self.emotions.get(stage)
        title = pick_text(self.script.stages[self.stage_index].title, self.language)
        self._open(EmotionDialog, title, emotion_taxonomy(), tag.label if tag else None,
                   tag.valence if tag else None, tag.comment if tag else None,
                   then=partial(self._emotion_given, stage))

    def _emotion_given(self, stage: str, choice: Any) -> None:
        if choice is not None:
            self.write("emotion", partial(svc.set_emotion, self.app.db, self.interview_id, stage,  # type: ignore[attr-defined]
                                          valence=choice.valence, label=choice.label,
                                          comment=choice.comment))

    def action_nps(self) -> None:
        from jtbd_studio.tui.screens.forms import NpsDialog

        if self.detail is None:
            return
        iv = self.detail.interview
        self._open(NpsDialog, iv.nps, iv.nps_why, then=self._nps_given)

    def _nps_given(self, answer: tuple[int | None, str] | None) -> None:
        if answer is not None:
            self.write("nps", partial(svc.set_nps, self.app.db, self.interview_id, answer[0], answer[1]))  # type: ignore[attr-defined]

    def action_csi(self) -> None:
        from jtbd_studio.tui.screens.forms import CsiDialog

        if self.script is None or self.detail is None:
            return
        if not self.script.csi_aspects:
            self.notify(tr(self, "csi.no_aspects"), severity="warning")
            return
        aspects = [(a.id, pick_text(a.title, self.language)) for a in self.script.csi_aspects]
        answers = {r.aspect: (r.score, r.importance) for r in self.detail.ratings}
        self._open(CsiDialog, aspects, answers, then=self._csi_given)

    def _csi_given(self, answers: dict[str, tuple[int | None, int | None]] | None) -> None:
        for aspect, (score, importance) in (answers or {}).items():
            self.write("rating", partial(svc.set_rating, self.app.db, self.interview_id, aspect,  # type: ignore[attr-defined]
                                         score=score, importance=importance))

    def action_participant(self) -> None:
        from jtbd_studio.tui.screens.forms import ParticipantDialog

        if self.detail is None or self.detail.participant is None:
            return
        self._open(ParticipantDialog, self.detail.participant, then=self._participant_given)

    def _participant_given(self, values: dict[str, Any] | None) -> None:
        if values is not None and self.detail is not None and self.detail.participant is not None:
            self.write("participant", partial(update_participant, self.app.db,  # type: ignore[attr-defined]
                                              self.detail.participant.id, **values))

    def written_form(self, job: WriteJob, result: Any) -> None:
        """The answer to a form's write: keep the screen's copy and say so."""
        if self.detail is None:
            return
        if job.what == "nps":
            self.detail.interview = result
            score = "—" if result.nps is None else result.nps
            self.notify(tr(self, "nps.saved", score=score))
        elif job.what == "rating":
            self.detail.ratings = [r for r in self.detail.ratings if r.aspect != result.aspect] + [result]
            title = next((pick_text(a.title, self.language) for a in self.script.csi_aspects  # type: ignore[union-attr]
                          if a.id == result.aspect), result.aspect)
            self.notify(tr(self, "csi.saved", aspect=title))
        elif job.what == "participant":
            self.detail.participant = result
            self.notify(tr(self, "app.saved"))
        elif job.what == "end":
            from jtbd_studio.tui.screens.summary import SummaryScreen

            self.app.switch_screen(self.app.make(SummaryScreen, self.interview_id))  # type: ignore[attr-defined]

    def action_end(self) -> None:
        from jtbd_studio.tui.screens.dialogs import ConfirmDialog

        self._open(ConfirmDialog, tr(self, "interview.end_confirm"), "interview.end", then=self._end_confirmed)

    def _end_confirmed(self, yes: bool | None) -> None:
        if not yes:
            return
        if self.query_one("#note-line").value.strip():  # type: ignore[attr-defined]
            self.commit_line()  # the note being typed is kept, not dropped
        self.write("end", partial(svc.end_interview, self.app.db, self.interview_id))  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        """Back to the studies; the interview stays unfinished and is offered on the next start."""
        self.save_draft()
        self.app.pop_screen()
