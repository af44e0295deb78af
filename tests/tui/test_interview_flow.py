"""The whole live flow through the real app: create → interview → notes → emotions → NPS/CSI → end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select
from textual.widgets import Input, Select

from jtbd_studio.scripts import load_script, note_kinds
from jtbd_studio.services import interviews, studies
from jtbd_studio.store.tables import Interview, Participant
from jtbd_studio.tui.app import make_app
from jtbd_studio.tui.widgets.interview import NoteLine, NotesTable

from .helpers import FrozenClock, screen_name, wait_until

pytestmark = pytest.mark.anyio


async def _create_study_and_start(app, pilot) -> None:
    await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
    await pilot.press("n")
    await wait_until(pilot, lambda: screen_name(app) == "StudyDialog")
    app.screen.query_one("#s-name", Input).value = "Онбординг CRM"
    app.screen.query_one("#s-product", Input).value = "Pipeline"
    await pilot.click("#ok")
    await wait_until(pilot, lambda: screen_name(app) == "HomeScreen" and app.screen.summaries)
    await pilot.press("a")
    await wait_until(pilot, lambda: screen_name(app) == "ParticipantDialog")
    app.screen.query_one("#p-name", Input).value = "Ольга К."
    app.screen.query_one("#p-segment", Select).value = "B"
    await pilot.click("#ok")
    await wait_until(pilot, lambda: screen_name(app) == "HomeScreen" and app.screen.participants)
    await pilot.press("s")
    await wait_until(pilot, lambda: screen_name(app) == "StartDialog")
    dialog = app.screen
    dialog.query_one("#start-participant", Select).value = dialog.participants[0].id
    dialog.query_one("#start-script", Select).value = "churn_exit"
    await pilot.click("#ok")
    await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)


async def test_create_interview_notes_emotions_nps_csi_end(db_path, tmp_path):
    from jtbd_studio.store.db import open_database

    db = open_database(db_path)
    clock = FrozenClock(datetime.now(UTC))
    app = make_app(db, ui_lang="ru", clock=clock)
    async with app.run_test(size=(120, 35)) as pilot:
        await _create_study_and_start(app, pilot)
        screen = app.screen
        assert screen.focused is screen.query_one(NoteLine)

        # A note of every kind, each chosen with its Alt key in the Russian layout.
        kinds = note_kinds()
        for n, kind in enumerate(kinds):
            clock.advance(30)
            await pilot.press(f"alt+{kind.keys[1]}")
            screen.query_one(NoteLine).insert_text_at_cursor(f"заметка {n}")  # typing is slow in Pilot
            await pilot.press("enter")
        await wait_until(pilot, lambda: len(screen.rows) == 10
                         and all(r.note_id is not None and r.state == "" for r in screen.rows.values()))

        # Emotion for stage 1 (digit 9 = frustration), next stage, 1 = delight, then one step down.
        await pilot.press("f3")
        await wait_until(pilot, lambda: screen_name(app) == "EmotionDialog")
        await pilot.press("9")
        await pilot.press("pagedown")
        await pilot.press("f3")
        await wait_until(pilot, lambda: screen_name(app) == "EmotionDialog")
        await pilot.press("1")
        await wait_until(pilot, lambda: "original_job" in screen.emotions)
        await pilot.press("alt+down")
        await wait_until(pilot, lambda: screen.emotions["original_job"].valence == 1)

        # NPS with its why.
        await pilot.press("f4")
        await wait_until(pilot, lambda: screen_name(app) == "NpsDialog")
        app.screen.query_one("#nps-score", Input).value = "9"
        app.screen.query_one("#nps-why", Input).value = "быстро отвечают"
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.detail.interview.nps == 9)

        # CSI: satisfaction and importance for every aspect of the script.
        await pilot.press("f5")
        await wait_until(pilot, lambda: screen_name(app) == "CsiDialog")
        for i in range(3):
            app.screen.query_one(f"#s-{i}", Input).value = str(7 + i)
            app.screen.query_one(f"#i-{i}", Input).value = str(10 - i)
        await pilot.click("#ok")
        await wait_until(pilot, lambda: len(screen.detail.ratings) == 3)

        # Participant details: key client, segment A, churned.
        await pilot.press("f6")
        await wait_until(pilot, lambda: screen_name(app) == "ParticipantDialog")
        app.screen.query_one("#p-segment", Select).value = "A"
        app.screen.query_one("#p-status", Select).value = "churned"
        app.screen.query_one("#p-key").value = True
        await pilot.click("#ok")
        await wait_until(pilot, lambda: screen.detail.participant.status == "churned")

        # End: confirm, and the summary shows.
        await pilot.press("f9")
        await wait_until(pilot, lambda: screen_name(app) == "ConfirmDialog")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "SummaryScreen" and app.screen.summary)
        export = tmp_path / "out.md"
        await pilot.press("x")
        await wait_until(pilot, lambda: screen_name(app) == "TextDialog")
        app.screen.query_one("#text", Input).value = str(export)
        await pilot.press("enter")
        await wait_until(pilot, export.exists)

    # What the database holds now, read by a fresh connection.
    fresh = open_database(db_path)
    with fresh.session() as s:
        iv = s.exec(select(Interview)).one()
        person = s.exec(select(Participant)).one()
    detail = interviews.load_interview(fresh, iv.id)
    assert iv.status == "finished" and iv.ended_at is not None
    assert [n.kind for n in detail.notes] == [k.id for k in kinds]
    assert [n.text for n in detail.notes] == [f"заметка {n}" for n in range(10)]
    offsets = [n.offset_ms for n in detail.notes]
    assert offsets == sorted(offsets) and offsets[1] - offsets[0] == 30_000
    assert {n.stage for n in detail.notes} == {"intro"}
    emotions = {e.stage: (e.label, e.valence) for e in detail.emotions}
    assert emotions == {"intro": ("frustration", -2), "original_job": ("delight", 1)}
    assert (iv.nps, iv.nps_why) == (9, "быстро отвечают")
    assert {r.aspect: (r.score, r.importance) for r in detail.ratings} == {
        "product_fit": (7, 10), "support": (8, 9), "value_for_money": (9, 8)}
    assert (person.segment, person.status, person.key_client) == ("A", "churned", True)
    assert iv.current_stage == "original_job"
    assert "заметка 9" in export.read_text(encoding="utf-8")
    assert studies.list_studies(fresh)[0].study.name == "Онбординг CRM"


async def test_notes_list_edit_rekind_delete_and_undo(live_db):
    from .helpers import start_at

    iv_id = start_at(live_db)
    for text in ("первая", "вторая"):
        interviews.add_note(live_db, iv_id, text, stage="intro", offset_ms=1000)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
        app._show_interview(iv_id, "live")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)
        screen = app.screen
        table = screen.query_one(NotesTable)
        await pilot.press("escape")
        assert screen.focused is table
        table.move_cursor(row=1)
        await pilot.press("alt+t")  # re-kind the selected note: friction
        await wait_until(pilot, lambda: table.selected.kind == "friction")
        await pilot.press("delete")
        await wait_until(pilot, lambda: table.row_count == 1)
        assert [n.text for n in interviews.load_interview(live_db, iv_id).notes] == ["первая"]
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: table.row_count == 2)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "TextDialog")
        app.screen.query_one("#text", Input).value = "первая, исправлено"
        await pilot.press("enter")
        await wait_until(pilot, lambda: table.rows_by_token[f"id{1}"].text == "первая, исправлено")
        # Typing while the list has the focus goes to the note line, not to shortcuts.
        await pilot.press("escape")
        await pilot.press(*"fq")
        line = screen.query_one(NoteLine)
        assert screen.focused is line and line.value == "fq"
    notes = interviews.load_interview(live_db, iv_id).notes
    assert [(n.text, n.kind) for n in notes] == [("первая, исправлено", "note"), ("вторая", "friction")]


async def test_draft_saved_by_the_timer_and_offered_on_the_next_start(live_db):
    from .helpers import start_at

    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test() as pilot:
        app._show_interview(iv_id, "live")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)
        await pilot.press("alt+q", *"half a")
        app.screen.query_one(NoteLine).insert_text_at_cursor(" thought")
        # No Enter: the 2-second timer alone must keep it.
        await wait_until(pilot, lambda: getattr(interviews.load_interview(live_db, iv_id).draft,
                                                "text", None) == "half a thought", timeout=6)
    draft = interviews.load_interview(live_db, iv_id).draft
    assert (draft.text, draft.kind, draft.stage) == ("half a thought", "quote", "intro")

    again = make_app(live_db, ui_lang="ru")
    async with again.run_test() as pilot:
        # the dialog's name shows as it is pushed, its widgets and the focus on "Resume" a frame
        # or two later: wait for them (Enter below must press "Resume")
        await wait_until(pilot, lambda: screen_name(again) == "ResumeDialog"
                         and again.focused is not None and again.focused.id == "resume")
        assert "half a thought" in str(again.screen.query("Label").last().render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(again) == "InterviewScreen" and again.screen.script)
        line = again.screen.query_one(NoteLine)
        assert line.value == "half a thought" and again.screen.kind == "quote"
        await pilot.press("enter")
        await wait_until(pilot, lambda: interviews.load_interview(live_db, iv_id).notes)
    detail = interviews.load_interview(live_db, iv_id)
    assert [n.text for n in detail.notes] == ["half a thought"] and detail.draft is None


async def test_palette_commands_run_the_same_actions_as_keys(live_db):
    from .helpers import start_at

    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="ru", offer_resume=False)
    async with app.run_test() as pilot:
        app._show_interview(iv_id, "live")
        await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {"Следующий этап", "Эмоция", "Завершить интервью", "NPS", "CSI"} <= set(commands)
        assert not any(title.isascii() and title not in ("NPS", "CSI") for title in commands), commands
        await commands["Следующий этап"].callback()
        await wait_until(pilot, lambda: app.screen.stage_index == 1)
    assert interviews.load_interview(live_db, iv_id).interview.current_stage == "original_job"


def test_every_binding_has_an_id_and_a_translated_description():
    from jtbd_studio.tui.app import JtbdApp
    from jtbd_studio.tui.keys import localized
    from jtbd_studio.tui.screens import dialogs, emotion, forms, home, interview, summary

    classes = [JtbdApp, home.HomeScreen, interview.InterviewScreen, summary.SummaryScreen,
               emotion.EmotionDialog, dialogs.ConfirmDialog, forms.NpsDialog]
    for lang in ("ru", "en"):
        for cls in classes:
            for binding in localized(cls, lang).BINDINGS:
                assert binding.id, (cls.__name__, binding.key)
                assert binding.description and "." not in binding.description.split()[0][-1:], binding
                assert not binding.description.startswith(("app.", "tui.", "stage.", "interview.")), binding
    assert load_script("churn_exit").csi_aspects  # the flow test relies on a script with CSI


async def test_a_crash_in_the_call_keeps_the_clock_a_later_sitting_goes_on_from_the_last_note(live_db):
    from datetime import timedelta

    from jtbd_studio.tui.widgets.interview import ClockBar

    from .helpers import STARTED, start_at

    iv_id = start_at(live_db)
    interviews.add_note(live_db, iv_id, "before the break", stage="intro", offset_ms=25 * 60_000)

    async def note_after(clock: FrozenClock, text: str) -> tuple[int, str]:
        app = make_app(live_db, ui_lang="en", clock=clock, offer_resume=False)
        async with app.run_test() as pilot:
            app._show_interview(iv_id, "live")
            await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)
            screen = app.screen
            screen._tick()
            shown = str(screen.query_one(ClockBar).render())
            screen.query_one(NoteLine).insert_text_at_cursor(text)
            await pilot.press("enter")
            await wait_until(pilot, lambda: any(n.text == text for n in interviews.load_interview(live_db, iv_id).notes))
            notices = [n.message for n in app._notifications]
        note = next(n for n in interviews.load_interview(live_db, iv_id).notes if n.text == text)
        return note.offset_ms, shown + " | " + " ".join(notices)

    # the app died in the call and came back 40 minutes after the start: the clock is the call's
    offset, shown = await note_after(FrozenClock(STARTED + timedelta(minutes=40)), "same call")
    assert offset == 40 * 60_000 and "Interview 40:00" in shown and "Resumed" not in shown
    # opened again three days later: the clock goes on from the last note, and says so
    later = FrozenClock(STARTED + timedelta(days=3, hours=2))
    offset, shown = await note_after(later, "next sitting")
    assert offset == 40 * 60_000 and "Interview 40:00" in shown
    assert "Resumed 3 d 2 h after the start" in shown and "goes on from 40:00" in shown
