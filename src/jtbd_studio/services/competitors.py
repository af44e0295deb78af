"""Reading a study's competitor list file (`Name|alias|alias` per line)."""

from __future__ import annotations

from pathlib import Path

from jtbd_studio.errors import InputFileError


def parse_competitor_lines(text: str, path: str | Path) -> list[tuple[str, list[str]]]:
    items: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if not parts[0]:
            raise InputFileError(path, "a line starts with '|': the canonical name comes first", line=n)
        if any(not p for p in parts[1:]):
            raise InputFileError(path, "empty alias (two '|' in a row or a trailing '|')", line=n)
        if parts[0].casefold() in seen:
            raise InputFileError(path, f"competitor {parts[0]!r} is listed twice", line=n)
        seen.add(parts[0].casefold())
        items.append((parts[0], list(dict.fromkeys(parts[1:]))))
    return items


def read_competitor_file(path: str | Path) -> list[tuple[str, list[str]]]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read ({exc.strerror})") from None
    if b"\x00" in raw:
        raise InputFileError(path, "a binary file, not a competitor list")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1251")
        except UnicodeDecodeError:
            raise InputFileError(path, "not UTF-8 or cp1251 text") from None
    return parse_competitor_lines(text, path)
