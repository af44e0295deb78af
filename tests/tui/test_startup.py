"""Start-up hygiene: the interview flow runs without importing spaCy (checked in a clean process)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent("""
    import asyncio, json, sys
    from jtbd_studio.services import interviews, studies
    from jtbd_studio.store.db import open_database
    from jtbd_studio.tui.app import make_app

    db = open_database(sys.argv[1])
    studies.create_study(db, "S", language="en")
    studies.add_participant(db, "S", "Ann")
    iv = interviews.start_interview(db, "S", "Ann", script_key="jtbd_switch", language="en",
                                    first_stage="intro")

    async def main():
        app = make_app(db, ui_lang="en")
        async with app.run_test() as pilot:
            for _ in range(200):
                if type(app.screen).__name__ == "ResumeDialog":
                    break
                await pilot.pause(0.02)
            first = "spacy" in sys.modules
            await pilot.press("enter")
            for _ in range(300):
                if type(app.screen).__name__ == "InterviewScreen" and app.screen.script:
                    break
                await pilot.pause(0.02)
            app.screen.query_one("#note-line").insert_text_at_cursor("a note")
            await pilot.press("enter", "f3", "4", "pagedown")
            for _ in range(300):
                if app.screen.stage_index == 1 and app.screen.emotions:
                    break
                await pilot.pause(0.02)
            return {"screen": type(app.screen).__name__, "at_first_frame": first,
                    "after_interview": "spacy" in sys.modules,
                    "notes": len(interviews.load_interview(db, iv.id).notes)}

    print(json.dumps(asyncio.run(main())))
""")


def test_interview_flow_never_imports_spacy(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.sqlite3")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"screen": "InterviewScreen", "at_first_frame": False,
                      "after_interview": False, "notes": 1}


LAZY = textwrap.dedent("""
    import asyncio, json, sys
    from jtbd_studio.tui.app import make_app

    async def main():
        app = make_app(sys.argv[1], ui_lang="ru")
        # what the app needs before its first frame: nothing of the database layer
        first = {m: m in sys.modules for m in ("sqlmodel", "sqlalchemy", "spacy")}
        async with app.run_test() as pilot:
            for _ in range(500):
                if app.db is not None and type(app.screen).__name__ == "HomeScreen":
                    break
                await pilot.pause(0.02)
            await pilot.pause(0.3)  # let the home screen finish mounting before the test exits
            return {"first": first, "home": type(app.screen).__name__}

    print(json.dumps(asyncio.run(main())))
""")


def test_first_frame_comes_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    """The CLI hands the app a path; SQLAlchemy is imported in a worker after the first frame."""
    done = subprocess.run([sys.executable, "-c", LAZY, str(tmp_path / "новая база.sqlite3")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"first": {"sqlmodel": False, "sqlalchemy": False, "spacy": False}, "home": "HomeScreen"}


def test_a_bad_database_ends_the_app_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 100)
    exe = Path(sys.executable).with_name("jtbd-studio")
    done = subprocess.run([str(exe), "--db", str(bad)], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert "not an SQLite database" in done.stderr and "Traceback" not in done.stderr
    assert bad.read_bytes() == b"garbage" * 100



@pytest.mark.anyio
async def test_switching_the_interface_language_is_remembered(db_path, monkeypatch):
    from jtbd_studio.i18n import default_ui_lang
    from jtbd_studio.settings import saved
    from jtbd_studio.tui.app import SWITCH_LANGUAGE, make_app

    from .helpers import screen_name, wait_until

    app = make_app(str(db_path), ui_lang="en")
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: screen_name(app) == "HomeScreen")
        assert saved("ui_lang") is None
        await pilot.press("f2")
        await wait_until(pilot, lambda: app.return_value is not None)
    assert app.return_value == SWITCH_LANGUAGE + "ru"
    assert saved("ui_lang") == "ru"
    monkeypatch.delenv("JTBD_STUDIO_UI_LANG")
    assert default_ui_lang() == "ru"  # the next start opens in Russian
