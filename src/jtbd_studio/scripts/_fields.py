"""Reading parsed TOML tables field by field, so that every error names its file, field and line."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from difflib import get_close_matches
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from jtbd_studio.errors import InputFileError

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_PATH_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


def read_toml(path: Path, error: type[InputFileError]) -> tuple[dict[str, Any], str]:
    """Parse a TOML file; a missing, unreadable or malformed file raises `error` with its line."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise error(path, "no such file") from None
    except IsADirectoryError:
        raise error(path, "is a directory, not a .toml file") from None
    except UnicodeDecodeError as exc:
        raise error(path, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise error(path, f"cannot be read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found and found.group(1) else None
        problem = _TOML_POSITION.sub("", message).rstrip(". ")
        raise error(path, f"TOML syntax error: {problem}", line=line) from None


def locate(text: str, field: str) -> int | None:
    """The 1-based line where `field` (e.g. ``stages[2].prompts[0].kind``) is written.

    Best effort for the layouts scripts use (arrays of tables, inline tables, dotted keys):
    returns the deepest part of the path that could be found, or None.
    """
    lines = text.splitlines()
    start, end, prefix, found = 0, len(lines), "", None
    for name, index in _PATH_PART.findall(field):
        table = f"{prefix}{name}"
        if index:
            headers = [n for n in range(start, end) if _header(lines[n]) == table]
            if len(headers) <= int(index):
                key_line = _key_line(lines, start, end, name)
                return key_line + 1 if key_line is not None else found
            start = headers[int(index)] + 1
            end = next((n for n in range(start, end) if _ends_block(lines[n], table)), end)
            found, prefix = start, f"{table}."
            continue
        key_line = _key_line(lines, start, end, name)
        if key_line is not None:  # a plain, dotted or inline-table key: its line is precise enough
            return key_line + 1
        header = next((n for n in range(start, end) if _header(lines[n]) == table), None)
        if header is None:
            return found
        found, start, prefix = header + 1, header + 1, f"{table}."
    return found


def _header(line: str) -> str | None:
    match = _HEADER.match(line)
    return match.group(1).replace(" ", "") if match else None


def _ends_block(line: str, table: str) -> bool:
    name = _header(line)
    return name is not None and not name.startswith(f"{table}.")


def _key_line(lines: list[str], start: int, end: int, name: str) -> int | None:
    """The first `name = …` or `name.x = …` line before the next table header."""
    pattern = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*[=.]")
    for n in range(start, end):
        if _header(lines[n]) is not None and n > start:
            return None
        if pattern.match(lines[n]):
            return n
    return None


class FieldReader:
    """One parsed TOML table; typed getters that raise `error` naming the field path.

    `finish()` reports any key that no getter asked for: a typo must not pass silently.
    """

    def __init__(
        self,
        table: Any,
        where: str,
        *,
        path: Path,
        text: str,
        error: type[InputFileError],
        languages: tuple[str, ...],
    ) -> None:
        self.where, self.path, self.text = where, path, text
        self.error, self.languages = error, languages
        self.strict_languages = False
        """True: only the declared languages; False: any other language code is welcome too."""
        if not isinstance(table, Mapping):
            self.fail(where or "(file)", f"must be a table, got {_kind(table)}")
        self.table: Mapping[str, Any] = table
        self._seen: set[str] = set()

    def field(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, field: str, problem: str) -> NoReturn:
        raise self.error(self.path, f"{field}: {problem}", line=locate(self.text, field))

    def _get(self, name: str, required: bool) -> Any:
        self._seen.add(name)
        value = self.table.get(name)
        if value is None and required:
            typo = get_close_matches(name, [k for k in self.table if k not in self._seen], n=1)
            hint = f" (is {typo[0]!r} a typo for it?)" if typo else ""
            self.fail(self.field(name), f"missing{hint}")
        return value

    def string(self, name: str, *, required: bool = True, default: str | None = None) -> Any:
        value = self._get(name, required)
        if value is None:
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(self.field(name), f"must be a non-empty string, got {_kind(value)}")
        return value.strip()

    def identifier(self, name: str, *, required: bool = True, default: str | None = None) -> Any:
        value = self.string(name, required=required, default=default)
        if value is not None and not IDENTIFIER.match(value):
            self.fail(self.field(name), f"{value!r} is not an id (lowercase latin letters, digits, _)")
        return value

    def choice(self, name: str, allowed: Mapping[str, Any] | tuple[str, ...], *,
               required: bool = True) -> Any:
        value = self.string(name, required=required)
        if value is not None and value not in allowed:
            self.fail(self.field(name), f"unknown value {value!r}; expected one of: {', '.join(allowed)}")
        return value

    def number(self, name: str, *, required: bool = True, positive: bool = True) -> Any:
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or (positive and value <= 0):
            self.fail(self.field(name), f"must be a positive number, got {value!r}")
        return float(value)

    def integer(self, name: str, low: int, high: int) -> int:
        value = self._get(name, True)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(self.field(name), f"must be a whole number from {low} to {high}, got {value!r}")
        return value

    def boolean(self, name: str, *, default: bool = False) -> bool:
        value = self._get(name, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(self.field(name), f"must be true or false, got {value!r}")
        return value

    def strings(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v for v in value
        ):
            self.fail(self.field(name), "must be a non-empty list of strings")
        return tuple(value)

    def localized(self, name: str, *, required: bool = True) -> Mapping[str, str]:
        """A {lang: text} table holding every language this file promises."""
        value = self._get(name, required)
        if value is None:
            return MappingProxyType({})
        if isinstance(value, str):
            self.fail(self.field(name), f"must give one text per language: {{{', '.join(f'{lang} = …' for lang in self.languages)}}}")
        texts = self.child(value, name)
        for lang in self.languages:
            texts.string(lang)
        for lang in value:
            if not self.strict_languages and _LANGUAGE.match(lang):
                texts.string(lang)
            elif lang not in self.languages:
                texts.fail(texts.field(lang), "not one of the declared languages ("
                           + ", ".join(self.languages) + "); add it to `languages` first")
        return MappingProxyType({lang: str(text).strip() for lang, text in value.items()})

    def tables(self, name: str, *, required: bool = True) -> Iterator[FieldReader]:
        value = self._get(name, required)
        if value is None:
            return
        if not isinstance(value, list) or (required and not value):
            header = re.sub(r"\[\d+\]", "", self.field(name))
            self.fail(self.field(name), f"must be a non-empty list of tables ([[{header}]])")
        for n, item in enumerate(value):
            yield self.child(item, f"{name}[{n}]")

    def child(self, value: Any, name: str) -> FieldReader:
        reader = FieldReader(value, self.field(name), path=self.path, text=self.text,
                             error=self.error, languages=self.languages)
        reader.strict_languages = self.strict_languages
        return reader

    def finish(self) -> None:
        unknown = [k for k in self.table if k not in self._seen]
        if unknown:
            typo = get_close_matches(unknown[0], sorted(self._seen), n=1)
            hint = f"did you mean {typo[0]!r}?" if typo else "expected one of: " + ", ".join(sorted(self._seen))
            self.fail(self.field(unknown[0]), f"unknown field; {hint}")


def unique(reader: FieldReader, name: str, ids: list[str], what: str = "id") -> None:
    """Fail on the first repeated id in the list `name`."""
    seen: set[str] = set()
    for n, value in enumerate(ids):
        if value in seen:
            reader.fail(reader.field(f"{name}[{n}].{what}"), f"duplicate {what} {value!r}")
        seen.add(value)


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "an empty string" if not value.strip() else repr(value)
    return {dict: "a table", list: "a list", bool: "a boolean"}.get(type(value), type(value).__name__)
