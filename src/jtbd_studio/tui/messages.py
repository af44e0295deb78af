"""App-wide messages and the unit of database work the writer thread runs, in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from textual.message import Message
from textual.message_pump import MessagePump

from jtbd_studio.errors import JtbdError

_job_ids = count(1)


@dataclass(eq=False)
class WriteJob:
    """One call into a service that writes; jobs run one at a time in the order queued."""

    what: str
    """A short name of the use case ("note", "draft", "emotion" …), for handlers and logs."""
    call: Callable[[], Any]
    """The service call itself (runs in the writer thread)."""
    reply_to: MessagePump | None = None
    """Who gets `Written` / `WriteFailed` (the app when None)."""
    token: Any = None
    """Whatever the sender needs to match the answer (e.g. the pending note's row key)."""
    id: int = field(default_factory=lambda: next(_job_ids))
    finished: float | None = None
    """`time.perf_counter()` when the writer was done with it (for latency measurements)."""


class Written(Message):
    """A write job was committed; `result` is what the service returned."""

    def __init__(self, job: WriteJob, result: Any) -> None:
        super().__init__()
        self.job = job
        self.result = result


class WriteFailed(Message):
    """A write job failed; nothing of it was committed."""

    def __init__(self, job: WriteJob, error: JtbdError) -> None:
        super().__init__()
        self.job = job
        self.error = error


class DatabaseRestored(Message):
    """The database file had been removed while open and was put back from the open handle."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class InterviewStarted(Message):
    """A new or resumed interview should open on the interview screen."""

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
