"""Per-language data files of the core components (competitor stop lists, triggers, guards)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jtbd_studio.errors import InputFileError
from jtbd_studio.paths import corpora_dir


def lexicon_path(lang: str, name: str) -> Path:
    """`corpora/lexicons/<lang>/<name>.jsonl` inside the package; `lang` "" is a file shared by
    the languages (`corpora/lexicons/<name>.jsonl`)."""
    folder = corpora_dir() / "lexicons"
    return folder / lang / f"{name}.jsonl" if lang else folder / f"{name}.jsonl"


@functools.cache
def load_records(lang: str, name: str, required: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """The records of one JSONL lexicon; a missing file is an empty lexicon.

    Raises InputFileError naming the file and line for a line that is not a JSON object or
    lacks a required field.
    """
    path = lexicon_path(lang, name)
    if not path.exists():
        return ()
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(("//", "#")):  # "#" as in the cue files
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(path, f"not JSON ({exc.msg})", line=number) from exc
        if not isinstance(record, dict):
            raise InputFileError(path, "expected a JSON object", line=number)
        missing = [f for f in required if f not in record]
        if missing:
            raise InputFileError(path, f"missing field {missing[0]!r}", line=number)
        records.append(record)
    return tuple(records)


def words(lang: str, name: str, kind: str | None = None) -> frozenset[str]:
    """The lowercase `text` of every record (of one `kind` if given) as a set."""
    return frozenset(
        str(r["text"]).lower()
        for r in load_records(lang, name, ("text",))
        if kind is None or r.get("kind") == kind
    )


@functools.cache
def known_products() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical name, aliases) of the well-known products discovery proposes by name
    (`corpora/lexicons/known_products.jsonl`)."""
    found = []
    for r in load_records("", "known_products", ("name",)):
        aliases = r.get("aliases", [])
        if not isinstance(aliases, list):
            path = lexicon_path("", "known_products")
            raise InputFileError(path, f"'aliases' of {r['name']!r} must be a list")
        found.append((str(r["name"]), tuple(str(a) for a in aliases)))
    return tuple(found)
