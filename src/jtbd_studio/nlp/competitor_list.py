"""The study's competitor list: canonical names with aliases, read from `name|alias|alias` lines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jtbd_studio.errors import InputFileError

MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class Competitor:
    """A competitor's canonical name (the label of every mention) and its other spellings."""

    name: str
    aliases: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Competitor], tuple[str, tuple[str, ...]]]:
        """Pickled by its fields (extract_many sends the list to its worker processes): the
        compiled frozen class refuses pickle's default setattr."""
        return (Competitor, (self.name, self.aliases))

    @property
    def spellings(self) -> tuple[str, ...]:
        """The name and its aliases, each once, in order."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class CompetitorList:
    """An ordered, hashable list of competitors (hashable so pipelines can be cached by it)."""

    items: tuple[Competitor, ...] = ()

    def __reduce__(self) -> tuple[type[CompetitorList], tuple[tuple[Competitor, ...]]]:
        """Pickled by its field, as Competitor."""
        return (CompetitorList, (self.items,))

    def __len__(self) -> int:
        return len(self.items)

    def as_config(self) -> list[list[object]]:
        """The list as plain JSON-able data for a spaCy component config."""
        return [[c.name, list(c.aliases)] for c in self.items]


def competitors_from(pairs: Iterable[tuple[str, Sequence[str]]]) -> CompetitorList:
    """Build a list from (name, aliases) pairs; blank spellings are dropped, names kept once."""
    seen: dict[str, Competitor] = {}
    for name, aliases in pairs:
        name = " ".join(str(name).split())
        if not name:
            continue
        spaced = [" ".join(str(x).split()) for x in aliases]
        clean = tuple(a for a in spaced if a and a != name)
        old = seen.get(name.casefold())
        if old is not None:
            clean = tuple(dict.fromkeys((*old.aliases, *clean)))
            name = old.name
        seen[name.casefold()] = Competitor(name, clean)
    return CompetitorList(tuple(seen.values()))


def load_competitors(path: str | Path) -> CompetitorList:
    """Read `Битрикс24|Bitrix24|битрикс` lines; blank lines and `#` comments are skipped.

    Raises InputFileError naming the file (and line) when the file cannot be read or a line
    is malformed (an empty name, an empty alias between bars, a control character).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read competitors file ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError as exc:  # pragma: no cover - cp1251 decodes nearly anything
            raise InputFileError(path, "not a text file") from exc
    if _is_json(text):
        raise InputFileError(
            path, "JSON, not a competitors file: write one competitor per line, aliases after "
            "`|` (`Битрикс24|Bitrix24|битрикс`)",
        )
    pairs = [_parse_line(path, n, line) for n, line in enumerate(text.splitlines(), 1)]
    found = competitors_from([p for p in pairs if p is not None])
    if not found.items:
        raise InputFileError(path, "no competitors in file (expected lines like `Name|alias`)")
    return found


def _is_json(text: str) -> bool:
    """Whether the file is a JSON object or array: read as lines, `{"Битрикс": [` would be one
    oddly named competitor that no text mentions, and the list would silently find nothing."""
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        json.loads(stripped)
    except ValueError:  # broken JSON is still JSON by its look: a name never opens with a brace
        return stripped[0] == "{" or stripped[-1] == "]"
    return True


def _parse_line(path: Path, number: int, line: str) -> tuple[str, list[str]] | None:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return None
    if "\x00" in stripped or any(ord(ch) < 32 and ch != "\t" for ch in stripped):
        raise InputFileError(path, "binary or control characters in line", line=number)
    parts = [" ".join(p.split()) for p in stripped.split("|")]
    if not parts[0]:
        raise InputFileError(path, "empty competitor name before `|`", line=number)
    if any(not p for p in parts[1:]):
        raise InputFileError(path, "empty alias between `|` separators", line=number)
    if any(len(p) > MAX_NAME for p in parts):
        raise InputFileError(path, f"name longer than {MAX_NAME} characters", line=number)
    for part in parts:
        if not any(ch.isalnum() for ch in part):  # a stray quote or dash names nothing
            raise InputFileError(path, f"{part!r} has no letter or digit", line=number)
    return parts[0], parts[1:]
