"""Transcript import: read VTT, SRT, text, Markdown, Otter, DOCX and Zoom chat files into turns."""

from __future__ import annotations

from jtbd_studio.importers.encoding import decode_bytes
from jtbd_studio.importers.model import FORMATS, ImportedNote, ImportedTurn, Transcript
from jtbd_studio.importers.reader import DEFAULT_MAX_BYTES, read_transcript, read_transcript_bytes

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ImportedNote",
    "ImportedTurn",
    "Transcript",
    "decode_bytes",
    "read_transcript",
    "read_transcript_bytes",
]
