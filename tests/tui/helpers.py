"""Helpers for the TUI tests: a frozen clock, an interview at a known time, waiting for the app."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from jtbd_studio.services import interviews
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import Interview

STARTED = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class FrozenClock:
    """A clock the test moves by hand: snapshots and offsets do not depend on the wall time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def start_at(db: Database, *, script: str = "churn_exit", language: str = "ru",
             started: datetime = STARTED) -> int:
    """A live interview with Anna whose start time is `started` (to match a frozen clock)."""
    iv = interviews.start_interview(db, "CRM onboarding", "Anna", script_key=script, language=language,
                                    first_stage="intro")
    with db.session() as s:
        row = s.exec(select(Interview).where(Interview.id == iv.id)).one()
        row.started_at = started
        s.add(row)
    return iv.id or 0


async def wait_until(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (workers and messages need turns of the loop)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)


def screen_name(app) -> str:
    return type(app.screen).__name__
