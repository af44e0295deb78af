"""`jtbd-studio extract`: run the extraction engine on files, stdin or JSONL; JSON Lines out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from jtbd_studio.cli._common import handle_errors
from jtbd_studio.errors import InputFileError, JtbdError, UsageError

PROSE_FORMATS = ("text", "markdown")


@dataclass
class Source:
    """One document to analyze: whole text (turn None) or the turns of a transcript."""

    doc: str
    texts: list[str]
    roles: list[str | None]
    langs: list[str | None] = field(default_factory=list)
    with_turns: bool = False
    speakers: list[str] = field(default_factory=list)
    """The transcript's speaker names: discovery does not propose them as competitors."""


@click.command("extract")
@click.argument("files", nargs=-1, metavar="[FILE ...]")
@click.option("--jsonl", "jsonl", metavar="INPUT.jsonl", help='Lines of {"id", "text", "lang"?}; "-" = stdin.')
@click.option("--lang", type=click.Choice(["auto", "ru", "en"]), default="auto", show_default=True)
@click.option("--competitors", "competitors_file", metavar="FILE", help="One competitor per line: Name|alias|alias.")
@handle_errors
def extract(files: tuple[str, ...], jsonl: str | None, lang: str, competitors_file: str | None) -> None:
    """Print extractions as JSON Lines: doc, kind, text, start, end, key, label, score.

    FILE is a transcript or plain text in any format `import` reads; "-" reads stdin. Offsets
    are characters of the turn's text (with "turn") or of the whole plain-text file.

    \b
    Examples:
      jtbd-studio extract call.vtt notes.txt
      jtbd-studio extract --competitors rivals.txt --lang ru interview.srt
      echo "Мы перешли на amoCRM" | jtbd-studio extract -
      jtbd-studio extract --jsonl texts.jsonl > found.jsonl
    """
    from jtbd_studio.nlp import load_competitors

    if not files and jsonl is None:
        raise UsageError("nothing to analyze: give FILE arguments, `-` for stdin, or --jsonl")
    competitors = load_competitors(competitors_file) if competitors_file else None
    read = failed = 0
    for source in _sources(files, jsonl):
        if isinstance(source, JtbdError):
            failed += 1
            click.echo(f"error: {source.message}", err=True)
            continue
        read += 1
        _analyze(source, lang, competitors)
    if failed and not read:
        sys.exit(1)


def _sources(files: tuple[str, ...], jsonl: str | None) -> Iterator[Source | JtbdError]:
    for name in files:
        try:
            yield _file_source(name)
        except JtbdError as exc:
            yield exc
    if jsonl is not None:
        try:
            yield from _jsonl_sources(jsonl)
        except JtbdError as exc:
            yield exc


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except IsADirectoryError:
        raise InputFileError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror or exc})") from None


def _file_source(name: str) -> Source:
    from jtbd_studio.importers import decode_bytes, read_transcript_bytes
    from jtbd_studio.importers.roles import assign_roles

    data = _read_bytes(name)
    shown = "<stdin>" if name == "-" else name
    transcript = read_transcript_bytes(data, shown)
    if not transcript.has_speakers and transcript.format in PROSE_FORMATS:
        text, _ = decode_bytes(data, shown)
        return Source(name, [text], ["customer"])
    roles = assign_roles(transcript.turns).roles
    return Source(
        name,
        [turn.text for turn in transcript.turns],
        [roles.get(turn.speaker, "customer") for turn in transcript.turns],
        with_turns=True,
        speakers=sorted({turn.speaker for turn in transcript.turns if turn.speaker}),
    )


def _jsonl_sources(name: str) -> Iterator[Source]:
    from jtbd_studio.importers import decode_bytes

    shown = "<stdin>" if name == "-" else name
    data = _read_bytes(name)
    if not data.strip():
        raise InputFileError(shown, "empty file")
    text, _ = decode_bytes(data, shown)
    rows = [_jsonl_row(shown, n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    for n, (doc_id, body, lang) in enumerate(rows, 1):
        yield Source(doc_id or str(n), [body], ["customer"], [lang])


def _jsonl_row(name: str, number: int, line: str) -> tuple[str | None, str, str | None]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFileError(name, f"not JSON ({exc.msg})", line=number) from None
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise InputFileError(name, 'expected an object with a "text" string', line=number)
    lang = row.get("lang")
    if lang not in (None, "auto", "ru", "en"):
        click.echo(f"warning: {name}:{number}: language {lang!r} is not ru/en; detecting it instead", err=True)
        lang = None
    doc_id = row.get("id")
    return (None if doc_id is None else str(doc_id)), row["text"], lang


def _analyze(source: Source, lang: str, competitors: Any) -> None:
    from jtbd_studio.nlp import extract_many, speaker_lemmas, without_speakers
    from jtbd_studio.nlp.engine import foreign_rules

    langs = source.langs or [None] * len(source.texts)
    whole = " ".join(source.texts)[:20_000]
    foreign = foreign_rules(whole) if lang == "auto" and any(ch.isalpha() for ch in whole) else None
    if foreign is not None:  # the engine's own fallback, said once per document
        rules = {"ru": "Russian", "en": "English"}[foreign[0]]
        names = "" if foreign[1] else "; names come from the competitor list only"
        click.echo(f"warning: {source.doc}: text is neither Russian nor English; analyzed with {rules} rules{names}", err=True)
    results: dict[int, list[Any]] = {}
    speakers = speaker_lemmas(source.speakers)
    for role in dict.fromkeys(source.roles):
        todo = [i for i, r in enumerate(source.roles) if r == role]
        items = [(source.texts[i], langs[i] or (lang if lang != "auto" else None)) for i in todo]
        for i, found in zip(todo, extract_many(items, lang=lang, competitors=competitors, role=role), strict=True):
            results[i] = without_speakers(found, speakers)
    out = sys.stdout
    for i in range(len(source.texts)):
        for found in results.get(i, []):
            row: dict[str, Any] = {"doc": source.doc, **found.as_json()}
            if source.with_turns:
                row["turn"] = i
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
