"""A closed terminal window: the app saves the draft and exits instead of spinning forever.

Under `make demo` the hang-up goes to make, not to the app; the app's terminal then reads
end-of-file without end and Textual's input loop turns at full CPU. The app checks its
terminal every TERMINAL_CHECK_S and quits the way Ctrl+Q does.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jtbd_studio.services import interviews, studies
from jtbd_studio.store.db import open_database

from .tmux import VENV_BIN, Pane, available

pytestmark = pytest.mark.skipif(not available(), reason="needs tmux and the installed jtbd-studio script")


def _state(pid: int) -> str | None:
    """The process state letter, or None when it is gone ("Z": exited, not reaped yet)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return None


def test_the_app_leaves_and_keeps_the_draft_when_its_terminal_closes(tmp_path: Path) -> None:
    db_file = tmp_path / "hup.sqlite3"
    db = open_database(db_file)
    studies.create_study(db, "Онбординг", product="Pipeline", language="ru")
    db.close()

    # as under make: the hang-up signal does not reach the app (ignored, and kept across exec)
    command = ["sh", "-c", 'trap "" HUP; exec "$0" "$@"', str(VENV_BIN / "jtbd-studio"), "--db", str(db_file)]
    pane = Pane(command, env={"JTBD_STUDIO_UI_LANG": "ru"})
    try:
        pane.wait_for("Начать интервью", 30)
        pane.keys("s")
        pane.wait_for("Выберите участника")
        pane.type("Ирина С.")
        pane.keys("Enter")
        pane.wait_for("Этап 1 из", 30)
        pane.type("клиент начал говорить про")
        pane.wait_for("клиент начал")
        pid = pane.pid()
    finally:
        pane.close()  # the terminal goes away with the tmux server

    deadline = time.monotonic() + 15
    while _state(pid) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _state(pid) in (None, "Z"), "the app kept running after its terminal closed"

    db = open_database(db_file)
    (iv, _study, who), = interviews.list_interviews(db, unfinished_only=True)
    assert who == "Ирина С."
    draft = interviews.load_interview(db, iv.id).draft
    assert draft is not None and draft.text == "клиент начал говорить про"
    db.close()
