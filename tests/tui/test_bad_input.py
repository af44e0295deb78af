"""Bad input on the interview screen: no crash, a clear message, nothing already saved lost."""

from __future__ import annotations

import os
import shutil

import pytest
from textual import events
from textual.widgets import Input

from jtbd_studio.services import interviews
from jtbd_studio.store.db import open_database
from jtbd_studio.tui.app import make_app
from jtbd_studio.tui.widgets.interview import NoteLine, NotesTable, StagePanel

from .helpers import screen_name, start_at, wait_until

pytestmark = pytest.mark.anyio


async def _open(app, pilot, iv_id: int):
    await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
    app._show_interview(iv_id, "live")
    await wait_until(pilot, lambda: screen_name(app) == "InterviewScreen" and app.screen.script)
    return app.screen


def _messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def _note(pilot, screen, text: str) -> None:
    before = sum(r.note_id is not None for r in screen.rows.values())
    screen.query_one(NoteLine).insert_text_at_cursor(text)
    await pilot.press("enter")
    await wait_until(pilot, lambda: sum(r.note_id is not None for r in screen.rows.values()) > before
                     or any(r.state == "✗" for r in screen.rows.values()))


async def test_nps_outside_0_10_is_refused_and_the_form_stays(live_db):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iv_id)
        await pilot.press("f4")
        await wait_until(pilot, lambda: screen_name(app) == "NpsDialog")
        for bad in ("11", "-1", "abc", "7.5"):
            app.screen.query_one("#nps-score", Input).value = bad
            await pilot.press("enter")
            await pilot.pause()
            assert screen_name(app) == "NpsDialog"
        assert _messages(app).count("NPS must be a whole number from 0 to 10") == 4
        app.screen.query_one("#nps-score", Input).value = "0"
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.detail.interview.nps == 0)
    assert interviews.load_interview(live_db, iv_id).interview.nps == 0


async def test_csi_outside_1_10_is_refused(live_db):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="ru", offer_resume=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, iv_id)
        await pilot.press("f5")
        await wait_until(pilot, lambda: screen_name(app) == "CsiDialog")
        app.screen.query_one("#s-0", Input).value = "0"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "CsiDialog"
        assert "Оценки — целые числа от 1 до 10" in _messages(app)[-1]
    assert interviews.load_interview(live_db, iv_id).ratings == []


async def test_empty_note_is_not_saved_and_says_so(live_db):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test() as pilot:
        screen = await _open(app, pilot, iv_id)
        screen.query_one(NoteLine).insert_text_at_cursor("   ")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(NotesTable).row_count == 0
        assert "Empty note: nothing to save" in _messages(app)
    assert interviews.load_interview(live_db, iv_id).notes == []


async def test_a_10000_character_paste_is_kept_whole(live_db):
    iv_id = start_at(live_db)
    text = ("Мы три недели настраивали интеграцию с почтой, и никто не отвечал. " * 160)[:10_000]
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test() as pilot:
        screen = await _open(app, pilot, iv_id)
        line = screen.query_one(NoteLine)
        line.post_message(events.Paste(text[:5000] + "\n" + text[5001:]))  # a paste of two lines
        await wait_until(pilot, lambda: len(line.value) == 10_000)
        await pilot.press("enter")
        await wait_until(pilot, lambda: any(r.note_id for r in screen.rows.values()))
        # A paste over the note limit is cut, with a warning; the line never holds more.
        line.post_message(events.Paste("я" * 25_000))
        await wait_until(pilot, lambda: len(line.value) == interviews.NOTE_MAX_CHARS)
        assert any("20000" in m for m in _messages(app))
    saved = interviews.load_interview(live_db, iv_id).notes[0].text
    assert len(saved) == 10_000 and saved == text[:5000] + " " + text[5001:]


async def test_a_terminal_shrunk_to_60x20_keeps_working(live_db):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="ru", offer_resume=False)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await _open(app, pilot, iv_id)
        await pilot.resize_terminal(60, 20)
        await wait_until(pilot, lambda: screen.has_class("-narrow"))
        await _note(pilot, screen, "в узком окне")
        await pilot.press("pagedown")
        assert screen.stage_index == 1
        assert screen.query_one(NoteLine).region.height > 0
        assert screen.query_one(StagePanel).region.height > 0
        await pilot.resize_terminal(120, 35)
        await wait_until(pilot, lambda: screen.has_class("-wide"))
    assert [n.text for n in interviews.load_interview(live_db, iv_id).notes] == ["в узком окне"]


async def test_database_file_removed_mid_interview_is_restored_from_the_open_handle(live_db, db_path):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test() as pilot:
        screen = await _open(app, pilot, iv_id)
        await _note(pilot, screen, "before the file went")
        for suffix in ("", "-wal", "-shm"):
            target = db_path.with_name(db_path.name + suffix)
            if target.exists():
                os.remove(target)
        await _note(pilot, screen, "after the file went")
        await wait_until(pilot, lambda: any("was removed while open" in m for m in _messages(app)))
        await _note(pilot, screen, "and one more")
        assert all(r.state == "" for r in screen.rows.values())
    fresh = open_database(db_path)
    texts = [n.text for n in interviews.load_interview(fresh, iv_id).notes]
    assert texts == ["before the file went", "after the file went", "and one more"]


async def test_database_folder_gone_for_good_fails_loudly_and_keeps_a_copy(live_db, db_path, isolated_home):
    iv_id = start_at(live_db)
    app = make_app(live_db, ui_lang="en", offer_resume=False)
    async with app.run_test() as pilot:
        screen = await _open(app, pilot, iv_id)
        await _note(pilot, screen, "saved before")
        shutil.rmtree(db_path.parent)
        db_path.parent.write_text("not a folder")  # the path cannot become a folder again
        await _note(pilot, screen, "typed after")
        await wait_until(pilot, lambda: any("Not saved" in m for m in _messages(app)))
        failed = [r for r in screen.rows.values() if r.state == "✗"]
        assert [r.text for r in failed] == ["typed after"]  # still on screen, marked unsaved
    copies = list((isolated_home / "data").glob("interviews.recovered-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in " ".join(_messages(app))
    rescued = open_database(copies[0])
    assert [n.text for n in interviews.load_interview(rescued, iv_id).notes] == ["saved before"]
