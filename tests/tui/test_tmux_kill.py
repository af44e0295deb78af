"""The app in a real terminal (tmux): type notes, SIGKILL it, restart, find every note and the draft."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from jtbd_studio.services import interviews, studies
from jtbd_studio.store.db import open_database

from .tmux import VENV_BIN, Pane, available

pytestmark = pytest.mark.skipif(not available(), reason="needs tmux and the installed jtbd-studio script")

NOTES = [("M-q", "«мы потеряли три недели»", "quote"), (None, "долго настраивали почту", "note"),
         ("M-е", "интеграция с 1С падала", "friction"), ("M-c", "смотрели Битрикс24", "competitor")]


def _app(db_file: Path) -> Pane:
    return Pane([str(VENV_BIN / "jtbd-studio"), "--db", str(db_file)], env={"JTBD_STUDIO_UI_LANG": "ru"})


def test_sigkill_loses_no_saved_note_and_keeps_the_draft(tmp_path: Path) -> None:
    db_file = tmp_path / "kill.sqlite3"
    db = open_database(db_file)
    studies.create_study(db, "Онбординг", product="Pipeline", language="ru")
    db.close()

    pane = _app(db_file)
    try:
        pane.wait_for("Начать интервью", 30)
        pane.keys("s")
        pane.wait_for("Выберите участника")
        pane.type("Ирина С.")  # no participant yet: the new-name line has the focus
        pane.keys("Enter")
        pane.wait_for("Этап 1 из", 30)
        for n, (key, text, _kind) in enumerate(NOTES, 1):
            if key:
                pane.keys(key)
                time.sleep(0.15)  # a person's pause between Alt+key and the text
            pane.type(text)
            pane.keys("Enter")
            pane.wait_for(text[:12])
            pane.wait_for(f"Заметок: {n}")
        pane.keys("PageDown")
        pane.type("клиент начал говорить про")
        time.sleep(2.6)  # one draft-timer period and a bit
        os.kill(pane.pid(), signal.SIGKILL)
    finally:
        pane.close()

    db = open_database(db_file)
    (iv, _study, who), = interviews.list_interviews(db, unfinished_only=True)
    detail = interviews.load_interview(db, iv.id)
    assert who == "Ирина С."
    assert [(n.text, n.kind, n.stage) for n in detail.notes] == [(t, k, "intro") for _, t, k in NOTES]
    assert detail.draft is not None and detail.draft.text == "клиент начал говорить про"
    assert detail.interview.current_stage == "original_job"
    db.close()

    again = _app(db_file)
    try:
        shown = again.wait_for("Незавершённое интервью", 30)
        assert "Ирина С." in shown and "клиент начал говорить про" in shown
        again.keys("Enter")
        shown = again.wait_for("Этап 2 из", 30)
        assert "клиент начал говорить про" in shown and "Заметок" not in shown.split("\n")[0]
        again.type(" сам")
        again.keys("Enter")
        again.wait_for("Заметок: 5")
        again.keys("C-q")
        time.sleep(0.5)
    finally:
        again.close()
    db = open_database(db_file)
    last = interviews.load_interview(db, iv.id).notes[-1]
    assert (last.text, last.stage) == ("клиент начал говорить про сам", "original_job")
