"""Reading a study's competitor list file (`Name|alias|alias` per line) for the services."""

from __future__ import annotations

from pathlib import Path


def read_competitor_file(path: str | Path) -> list[tuple[str, list[str]]]:
    """(name, aliases) pairs; the format and its errors are the NLP engine's (one parser)."""
    from jtbd_studio.nlp.competitor_list import load_competitors

    return [(c.name, list(c.aliases)) for c in load_competitors(path).items]
