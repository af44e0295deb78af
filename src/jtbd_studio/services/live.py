"""Live-interview use cases beyond single writes: the end summary and the database-file guard."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from jtbd_studio import paths
from jtbd_studio.errors import JtbdError, StorageError
from jtbd_studio.services import interviews
from jtbd_studio.services.interviews import NOTE_KINDS, InterviewDetail, load_interview
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import EmotionTag, Note, Rating

_UNKNOWN_STAGE = "?"


@dataclass(frozen=True)
class StageSummary:
    """One stage of the script as it went in this interview."""

    stage_id: str
    title: dict[str, str]
    budget_min: float | None
    notes: int
    emotion: EmotionTag | None
    seconds: float
    """Time spent, estimated from the note time stamps (a stage with no notes counts 0)."""


@dataclass(frozen=True)
class InterviewSummary:
    """What the end-of-interview screen and the Markdown export show."""

    detail: InterviewDetail
    script_title: dict[str, str]
    notes_per_kind: dict[str, int]
    stages: list[StageSummary]
    duration_s: float | None
    csi_titles: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def ratings(self) -> list[Rating]:
        return self.detail.ratings


def parse_rating(value: str | int | None, what: str) -> int | None:
    """A CSI answer (1–10, or blank for none), checked by the same rule the service applies."""
    return interviews._scale(value, what)


def stage_seconds(notes: list[Note], end_ms: int | None) -> dict[str, float]:
    """Seconds per stage, estimated from notes: each note's stage owns the time until the next.

    The interview has no stage-visit log, so the time from one note to the next is credited to
    the stage of the earlier note, and the time after the last note to that note's stage.
    """
    timed = sorted((n for n in notes if n.offset_ms is not None), key=lambda n: n.offset_ms or 0)
    spent: dict[str, float] = {}
    following_notes: list[Note | None] = [*timed[1:], None] if timed else []
    for note, following in zip(timed, following_notes, strict=True):
        stop = following.offset_ms if following is not None else end_ms
        if stop is None:
            continue
        stage = note.stage or _UNKNOWN_STAGE
        spent[stage] = spent.get(stage, 0.0) + max(0, stop - (note.offset_ms or 0)) / 1000
    return spent


def interview_summary(db: Database, interview_id: int) -> InterviewSummary:
    """The summary of one interview: notes per kind, emotion, notes and time per stage."""
    from jtbd_studio.scripts import load_script

    detail = load_interview(db, interview_id)
    iv = detail.interview
    try:
        script = load_script(iv.script_key) if iv.script_key else None
    except JtbdError:  # a user script removed since: show the stages the notes name
        script = None
    kinds = Counter(n.kind for n in detail.notes)
    duration = _duration_s(detail)
    spent = stage_seconds(detail.notes, int(duration * 1000) if duration is not None else None)
    per_stage = Counter(n.stage for n in detail.notes)
    emotions = {e.stage: e for e in detail.emotions if e.source == "interviewer"}
    order: list[tuple[str, dict[str, str], float | None]] = (
        [(s.id, dict(s.title), s.minutes) for s in script.stages] if script else [])
    known = {sid for sid, _, _ in order}
    for extra in [*per_stage, *emotions]:  # stages the script no longer has
        if extra and extra not in known:
            order.append((extra, {}, None))
            known.add(extra)
    stages = [
        StageSummary(sid, title, budget, per_stage.get(sid, 0), emotions.get(sid), spent.get(sid, 0.0))
        for sid, title, budget in order
    ]
    return InterviewSummary(
        detail=detail,
        script_title=dict(script.title) if script else {},
        notes_per_kind={k: kinds.get(k, 0) for k in NOTE_KINDS},
        stages=stages,
        duration_s=duration,
        csi_titles={a.id: dict(a.title) for a in script.csi_aspects} if script else {},
    )


#: Longer than any call: an interview taken up again later than this after its start goes on in
#: another sitting, and the days between sittings are no part of its time.
SITTING_MAX = timedelta(hours=4)


def _duration_s(detail: InterviewDetail) -> float | None:
    """The call's length: start to end, or to the last note when there is no end or when the
    end came in a later sitting."""
    iv = detail.interview
    if iv.started_at is None:
        return None
    if iv.ended_at is not None and iv.ended_at - iv.started_at <= SITTING_MAX:
        return max(0.0, (iv.ended_at - iv.started_at).total_seconds())
    return last_note_ms(detail) / 1000


def last_note_ms(detail: InterviewDetail) -> int:
    """The time offset of the interview's latest note (0 with none)."""
    return max((n.offset_ms or 0 for n in detail.notes), default=0)


class DatabaseFileGuard:
    """Notices when the SQLite file is removed under an open database, and puts it back.

    SQLite keeps writing into an open file handle after the file was unlinked, so without
    this every note typed afterwards would be "saved" into a file that no longer exists and
    vanish when the app exits. The guard holds its own connection, and when the path no longer
    names the file it opened, it copies the live database (backup API) back to that path.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.path: Path | None = Path(db.location) if db.dialect == "sqlite" else None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        self._rescued: Path | None = None
        """Where the data went when the file could not be put back (writes stop then)."""
        if self.path is not None:
            self._attach()

    def _attach(self) -> None:
        assert self.path is not None
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False)
        # A first read opens the "-wal" and "-shm" files too; the handles then outlive their
        # names, so the copy still sees every commit if those files are deleted as well.
        self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self._identity = _identity(self.path)

    def is_intact(self) -> bool:
        """True when the path still names the file that was opened (always for PostgreSQL)."""
        return self.path is None or _identity(self.path) == self._identity

    def ensure(self) -> bool:
        """Restore the file if it was removed; True when a restore happened.

        Raises StorageError naming the file when it cannot be put back.
        """
        if self.is_intact():
            return False
        with self._lock:
            if self.is_intact():
                return False
            self._restore()
            return True

    def _restore(self) -> None:
        path = self.path
        assert path is not None
        if self._rescued is not None or self._conn is None:
            raise StorageError(self._rescue_message())
        if path.exists():
            raise StorageError(
                f"{path}: the database file was replaced by another file while open; "
                "close the app and check the file before going on"
            )
        partial = path.with_name(path.name + ".restored")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._copy_to(partial)
        except (OSError, sqlite3.Error):
            self._rescue()  # the folder is gone for good: keep a copy where the app keeps data
        # The old connections close before the copy takes the name: closing them checkpoints
        # and deletes the old "-wal" file, which must not be mistaken for the new file's.
        self.db.engine.dispose()
        self._conn.close()
        self._conn = None
        try:
            os.replace(partial, path)
        except OSError as exc:
            self._rescued = partial
            raise StorageError(f"{self._rescue_message()} ({exc.strerror})") from None
        self._attach()

    def _copy_to(self, target_path: Path) -> None:
        assert self._conn is not None
        target = sqlite3.connect(str(target_path))
        try:
            with target:
                self._conn.backup(target)
        finally:
            target.close()

    def _rescue(self) -> None:
        """Copy the open database into the data folder and stop: the user must choose."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        assert self.path is not None
        rescue = paths.data_dir() / f"{self.path.stem}.recovered-{stamp}.sqlite3"
        try:
            rescue.parent.mkdir(parents=True, exist_ok=True)
            self._copy_to(rescue)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                f"{self.path}: the database file was removed and cannot be restored ({exc})"
            ) from None
        self._rescued = rescue
        raise StorageError(self._rescue_message())

    def _rescue_message(self) -> str:
        if self._rescued is None:
            return f"{self.path}: the database file was removed; restart the app"
        return (f"{self.path}: the database file was removed and cannot be put back; "
                f"everything saved so far is in {self._rescued}")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)
