"""Collect lines into turns: one speaker's consecutive speech, with its paragraphs and marker."""

from __future__ import annotations

from dataclasses import dataclass, field

from jtbd_studio.importers.model import ImportedNote, ImportedTurn


@dataclass
class _OpenTurn:
    speaker: str | None
    line: int
    start_ms: int | None
    marker: str | None
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])


class TurnBuilder:
    """Turns and notes of a line-oriented source (text, Markdown, Otter, DOCX)."""

    def __init__(self, *, line_separator: str = " ") -> None:
        self.turns: list[ImportedTurn] = []
        self.notes: list[ImportedNote] = []
        self.pending_marker: str | None = None
        self.last_speaker: str | None = None
        self._open: _OpenTurn | None = None
        self._line_separator = line_separator
        self._note_open = False
        self._finished: _OpenTurn | None = None

    @property
    def in_turn(self) -> bool:
        return self._open is not None

    def start(self, speaker: str | None, line: int, start_ms: int | None = None) -> None:
        """Open a turn; the same named speaker again (and no marker between) goes on talking."""
        current = self._open
        if current is not None and not any(current.paragraphs) and current.marker is None:
            # A label with no words ("**Audrow Nash:**" alone): the speaker before goes on.
            self._open = None
            current = self._reopen_last()
        same = current is not None and speaker is not None and current.speaker == speaker
        if same and self.pending_marker is None:
            self.paragraph_break()
            return
        self.finish()
        self._open = _OpenTurn(speaker, line, start_ms, self.pending_marker)
        self.pending_marker = None
        self.last_speaker = speaker

    def _reopen_last(self) -> _OpenTurn | None:
        if self._finished is None or not self.turns:
            return None
        self.turns.pop()
        self._open, self._finished = self._finished, None
        return self._open

    def add(self, text: str) -> None:
        if self._open is not None and text:
            self._open.paragraphs[-1].append(text)

    def paragraph_break(self) -> None:
        self._note_open = False
        if self._open is not None and self._open.paragraphs[-1]:
            self._open.paragraphs.append([])

    def mark_stage(self, marker: str) -> None:
        self.finish()
        self.pending_marker = marker

    def note(self, text: str, line: int, *, joinable: bool = False) -> None:
        """A note; `joinable` lines of one paragraph (a preamble) make one note."""
        if joinable and self._note_open and self.notes:
            last = self.notes[-1]
            self.notes[-1] = ImportedNote(
                last.offset_ms, last.author, f"{last.text} {text}", last.line
            )
        else:
            self.notes.append(ImportedNote(None, None, text, line))
        self._note_open = joinable

    def finish(self) -> None:
        turn, self._open = self._open, None
        if turn is None:
            return
        text = "\n".join(
            self._line_separator.join(lines) for lines in turn.paragraphs if lines
        ).strip()
        if not text:
            if turn.marker and self.pending_marker is None:
                self.pending_marker = turn.marker
            return
        self.turns.append(
            ImportedTurn(turn.speaker, text, turn.start_ms, None, turn.line, turn.marker)
        )
        self._finished = turn

    def close(self) -> tuple[list[ImportedTurn], list[ImportedNote]]:
        self.finish()
        return self.turns, self.notes
