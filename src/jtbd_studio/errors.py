"""One error hierarchy for the core; shells turn it into a one-line message."""

from __future__ import annotations

from pathlib import Path


class JtbdError(Exception):
    """Base of every error the core raises for a user's mistake or an unusable input.

    `message` is one line a user can act on; `title` is a short heading for notifications.
    """

    title = "jtbd-studio"
    exit_code = 1

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        self.message = " ".join(str(message).split())
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.message


class UsageError(JtbdError):
    """A value given on the command line or in a form is not acceptable."""

    title = "Invalid value"


class NotFoundError(JtbdError):
    """A study, participant, interview or script that was asked for does not exist."""

    title = "Not found"


class ConflictError(JtbdError):
    """The operation would duplicate or contradict data that exists."""

    title = "Conflict"


class StorageError(JtbdError):
    """The database cannot be opened, read or written."""

    title = "Database error"


class InputFileError(JtbdError):
    """A file given by the user cannot be read or parsed.

    The message names the file and, where known, the line.
    """

    title = "Unreadable file"

    def __init__(self, path: str | Path, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class ScriptError(InputFileError):
    """An interview script (TOML) is malformed or invalid."""

    title = "Invalid interview script"


class ImportFormatError(InputFileError):
    """A transcript file is in no format the importers read, or is damaged."""

    title = "Cannot import file"
