"""TUI benchmarks: Enter-to-committed note latency, start-to-first-frame, key latency with 500 notes.

Each figure is measured against a baseline in the same run (medians of repeats):
- a note saved through the app (Pilot presses Enter, the writer thread commits, the screen hears
  back) vs the bare `services.interviews.add_note` call on the same SQLite file;
- the app's first `on_mount` in a fresh process vs `python -c "import textual"`;
- a key press (stage change) with 500 notes in the list vs with none.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FIRST_FRAME = """
import sys, time
import psutil
born = psutil.Process().create_time()
from jtbd_studio.tui.app import make_app
app = make_app(sys.argv[1], ui_lang="en", offer_resume=False)  # as the CLI does: a path, opened after the first frame
frame = []
def home():
    if app.db is not None and type(app.screen).__name__ == "HomeScreen":
        print(frame[0], time.time() - born, "spacy" in sys.modules, flush=True)
        app.exit()
    else:
        app.set_timer(0.01, home)
def ready():
    frame.append(time.time() - born)
    home()
app.call_after_refresh(ready)
app.run(headless=True)
"""


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _database(folder: Path, notes: int = 0) -> tuple[Any, int]:
    from jtbd_studio.services import interviews, studies
    from jtbd_studio.store.db import open_database

    db = open_database(folder / f"bench-{notes}-{time.monotonic_ns()}.sqlite3")
    studies.create_study(db, "Bench", language="en")
    studies.add_participant(db, "Bench", "Ann")
    iv = interviews.start_interview(db, "Bench", "Ann", script_key="churn_exit", language="en",
                                    first_stage="intro")
    for n in range(notes):
        interviews.add_note(db, iv.id, f"note number {n} about onboarding", stage="intro", offset_ms=n * 1000)
    return db, iv.id or 0


async def _open(db: Any, iv_id: int) -> tuple[Any, Any, Any]:
    from jtbd_studio.tui.app import make_app

    app = make_app(db, ui_lang="en", offer_resume=False)
    context = app.run_test(size=(120, 35))
    pilot = await context.__aenter__()
    app._show_interview(iv_id, "live")
    while not (type(app.screen).__name__ == "InterviewScreen" and app.screen.script):
        await asyncio.sleep(0.005)
    return app, pilot, context


async def _enter_to_commit(folder: Path, count: int) -> tuple[list[float], list[float]]:
    """(Enter to committed, Enter to the row shown as saved), in ms."""
    from jtbd_studio.tui.widgets.interview import NoteLine

    db, iv_id = _database(folder)
    app, _pilot, context = await _open(db, iv_id)
    jobs: list[Any] = []
    write, write_now = app.write, app.write_now
    app.write = lambda job: jobs.append(job) or write(job)  # see each job's `finished` time
    app.write_now = lambda job: jobs.append(job) or write_now(job)
    screen, times, shown = app.screen, [], []
    line = screen.query_one(NoteLine)
    for n in range(count):
        line.value = f"benchmark note {n}"
        saved_before = sum(r.note_id is not None for r in screen.rows.values())
        # What Enter runs (the Input.Submitted handler), timed without Pilot's own idle waits.
        start = time.perf_counter()
        screen.commit_line()
        while sum(r.note_id is not None for r in screen.rows.values()) == saved_before:
            await asyncio.sleep(0.0005)  # poll gently: a busy loop here would starve the writer thread
        shown.append((time.perf_counter() - start) * 1000)
        times.append((jobs[-1].finished - start) * 1000)
        await asyncio.sleep(0.02)  # a typist's pause: the next note is not typed in 0 ms
    await context.__aexit__(None, None, None)
    return times, shown


def _bare_add_note(folder: Path, count: int) -> list[float]:
    from jtbd_studio.services import interviews

    db, iv_id = _database(folder)
    times = []
    for n in range(count):
        start = time.perf_counter()
        interviews.add_note(db, iv_id, f"benchmark note {n}", stage="intro", offset_ms=n)
        times.append((time.perf_counter() - start) * 1000)
    return times


async def _key_latency(folder: Path, notes: int, count: int) -> list[float]:
    db, iv_id = _database(folder, notes)
    app, pilot, context = await _open(db, iv_id)
    screen, times = app.screen, []
    for n in range(count):
        start = time.perf_counter()
        await pilot.press("pagedown" if n % 2 == 0 else "pageup")
        times.append((time.perf_counter() - start) * 1000)
    assert len(screen.rows) == notes
    await context.__aexit__(None, None, None)
    return times


def _first_frame(folder: Path, repeats: int) -> tuple[list[float], list[float], list[float], bool]:
    db, _ = _database(folder)
    db.close()
    path = str(next(folder.glob("bench-0-*.sqlite3")))
    frames, homes, textual, spacy = [], [], [], False
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", FIRST_FRAME, path], capture_output=True, text=True,
                              timeout=60, check=True)
        first = done.stdout.split()  # seconds since the process was born: first frame, home ready
        frames.append(float(first[0]))
        homes.append(float(first[1]))
        spacy = spacy or first[2] == "True"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import textual.app"], check=True, timeout=60)
        textual.append(time.perf_counter() - start)
    return frames, homes, textual, spacy


def run(quick: bool) -> list[dict[str, object]]:
    notes = 60 if quick else 300
    repeats = 3 if quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app_ms, shown_ms = asyncio.run(_enter_to_commit(folder, notes))
        bare_ms = _bare_add_note(folder, notes)
        key_500 = asyncio.run(_key_latency(folder, 500, 20 if quick else 60))
        key_0 = asyncio.run(_key_latency(folder, 0, 20 if quick else 60))
        frames, homes, textual, spacy = _first_frame(folder, repeats)
    med = statistics.median
    return [
        {"what": "live note: Enter to committed, p50 (SQLite, through the app)",
         "figure": f"{med(app_ms):.2f} ms", "baseline": f"{med(bare_ms):.2f} ms (bare add_note)",
         "ratio": round(med(app_ms) / med(bare_ms), 2), "note": f"{notes} notes"},
        {"what": "live note: Enter to committed, p99 (budget ≤ 10 ms)",
         "figure": f"{_pct(app_ms, 0.99):.2f} ms", "baseline": f"{_pct(bare_ms, 0.99):.2f} ms (bare add_note)",
         "ratio": round(_pct(app_ms, 0.99) / _pct(bare_ms, 0.99), 2),
         "note": "Enter's handler to the screen marking the row saved (commit in the writer thread)"},
        {"what": "live note: Enter to the row shown as saved, p50 / p99",
         "figure": f"{med(shown_ms):.2f} / {_pct(shown_ms, 0.99):.2f} ms",
         "baseline": f"{med(bare_ms):.2f} ms (bare add_note)", "ratio": round(med(shown_ms) / med(bare_ms), 2),
         "note": "includes the screen's redraw after the commit"},
        {"what": "start to first frame (process start to first refresh, headless)",
         "figure": f"{med(frames):.2f} s", "baseline": f"{med(textual):.2f} s (python -c 'import textual.app')",
         "ratio": round(med(frames) / med(textual), 2),
         "note": f"budget ≤ 1.5 s; spaCy imported: {spacy}"},
        {"what": "start to home screen with the database open (studies listed next)",
         "figure": f"{med(homes):.2f} s", "baseline": f"{med(textual):.2f} s (python -c 'import textual.app')",
         "ratio": round(med(homes) / med(textual), 2), "note": "the database opens in a worker after the first frame"},
        {"what": "key latency (stage change) with 500 notes in the list",
         "figure": f"{med(key_500):.2f} ms", "baseline": f"{med(key_0):.2f} ms (0 notes)",
         "ratio": round(med(key_500) / med(key_0), 2), "note": "Pilot press, median"},
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
