"""Read one transcript file: check size, decode, detect the format by content, parse."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path, PurePath

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers.docx_doc import docx_lines, is_docx
from jtbd_studio.importers.encoding import decode_bytes
from jtbd_studio.importers.layout import Line, split_lines
from jtbd_studio.importers.model import Parsed, Transcript
from jtbd_studio.importers.otter import otter_headers, parse_otter
from jtbd_studio.importers.srt import looks_like_srt, parse_srt
from jtbd_studio.importers.text import parse_text
from jtbd_studio.importers.vtt import is_vtt, parse_vtt
from jtbd_studio.importers.zoom_chat import is_zoom_chat, parse_zoom_chat

DEFAULT_MAX_BYTES = 64 * 2**20
_CUE_SUFFIXES = (".vtt", ".srt", ".msrt", ".sbv")
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
# Formats refused by their first bytes, with what to do instead.
_REFUSED_MAGIC = (
    (b"%PDF-", "a PDF file: export the transcript as text or .docx first"),
    (b"\xd0\xcf\x11\xe0", "an old Word .doc (OLE) file: save it as .docx"),
    (b"{\\rtf", "an RTF file: save it as .docx or plain text"),
    (b"\x1f\x8b", "a gzip archive, not a transcript"),
)


def read_transcript(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, language: str | None = None
) -> Transcript:
    """Read and parse the transcript at `path`; `language` picks one of a multi-language file."""
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFormatError(name, "is a folder, not a file")
        if info.st_size > max_bytes:
            raise ImportFormatError(name, _too_big(info.st_size, max_bytes))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # never more, whatever stat said
    except OSError as exc:
        raise ImportFormatError(name, f"cannot read the file ({exc.strerror or exc})") from None
    return read_transcript_bytes(data, name, max_bytes=max_bytes, language=language)


def read_transcript_bytes(
    data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, language: str | None = None
) -> Transcript:
    """Parse a transcript given as bytes (stdin, tests); `name` is used in messages and for hints."""
    if len(data) > max_bytes:
        raise ImportFormatError(name, _too_big(len(data), max_bytes))
    if not data.strip():
        raise ImportFormatError(name, "empty file")
    for magic, problem in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise ImportFormatError(name, problem)
    if is_docx(data):
        parsed, encoding = _parse_lines(docx_lines(data, name), name, docx=True), "docx"
    else:
        text, encoding = decode_bytes(data, name)
        if not text.strip():
            raise ImportFormatError(name, "empty file (only whitespace)")
        _refuse_markup(text, name)
        parsed = _parse_lines(split_lines(text), name, language=language)
    _require_content(parsed, name)
    return Transcript(
        path=name,
        format=parsed.format,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        turns=parsed.turns,
        notes=parsed.notes,
        has_speakers=any(turn.speaker is not None for turn in parsed.turns),
    )


def _parse_lines(
    lines: list[Line], name: str, *, docx: bool = False, language: str | None = None
) -> Parsed:
    suffix = PurePath(name).suffix.lower()
    if not docx:
        if is_vtt(lines):
            return parse_vtt(lines, name, language=language)
        if looks_like_srt(lines):
            return parse_srt(lines, name, language=language)
        if suffix in _CUE_SUFFIXES:
            raise ImportFormatError(name, f"no cue timings found: not a {suffix[1:].upper()} file")
        if is_zoom_chat(lines):
            return parse_zoom_chat(lines)
    headers = otter_headers(lines)
    parsed = (
        parse_otter(lines, headers)
        if headers
        else parse_text(lines, markdown_name=suffix in _MARKDOWN_SUFFIXES)
    )
    if docx:
        parsed.format = "docx"
    return parsed


def _refuse_markup(text: str, name: str) -> None:
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if head.startswith(("<?xml", "<!doctype", "<html", "<tt", "<smil", "<sami")):
        raise ImportFormatError(name, "an XML/HTML file (TTML, SAMI?), not a format we read")
    if head[:1] in "{[":
        try:
            json.loads(text)
        except ValueError:
            return
        raise ImportFormatError(name, "a JSON file, not a transcript format we read")


def _require_content(parsed: Parsed, name: str) -> None:
    if parsed.format == "zoom_chat":
        if not parsed.notes:
            raise ImportFormatError(name, "the chat export has no messages")
    elif not parsed.turns:
        raise ImportFormatError(name, "no speech found in the file")


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size:,} bytes ({size / 2**20:.1f} MiB), over the import limit of "
        f"{limit:,} bytes ({limit / 2**20:.1f} MiB)"
    )
