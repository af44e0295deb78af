"""The extraction engine: text in, spans out (spaCy is imported only when analysis starts).

Public API: `extract`, `extract_many`, `detect_language`, `lemma_text`, `query_lemmas`,
`load_competitors`, `competitors_from`, and the `Found`, `Competitor`, `CompetitorList` records.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

_HERE = Path(__file__).resolve().parent
_NATIVE = _HERE / "_native"


def _load_native() -> str:
    """Put the mypyc build of this package (scripts/build_native.py) before the Python modules,
    if there is one and every source still matches its stamp; say which engine runs."""
    if os.environ.get("JTBD_STUDIO_PURE"):
        return "pure Python (JTBD_STUDIO_PURE is set)"
    try:
        built = json.loads((_NATIVE / "stamp.json").read_text(encoding="utf-8"))
        sources = dict(built["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return "pure Python (no native build: python scripts/build_native.py)"
    stale = [name for name, digest in sources.items() if _digest(_HERE / name) != digest]
    if built.get("ext_suffix") != sysconfig.get_config_var("EXT_SUFFIX"):
        return "pure Python (the native build is for another Python)"
    if stale:
        return f"pure Python ({', '.join(stale)} changed since the native build)"
    sys.path.append(str(_NATIVE))  # the shared library of the compiled modules
    __path__.insert(0, str(_NATIVE / "jtbd_studio" / "nlp"))
    return "compiled (mypyc)"


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # a module gone since the build


#: Which engine this process runs: "compiled (mypyc)" or "pure Python (why)".
ENGINE = _load_native()

from jtbd_studio.nlp.competitor_list import (  # noqa: E402
    Competitor,
    CompetitorList,
    competitors_from,
    load_competitors,
)
from jtbd_studio.nlp.found import Found, speaker_lemmas, without_speakers  # noqa: E402
from jtbd_studio.nlp.lang import detect_language  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "ENGINE",
    "Competitor",
    "CompetitorList",
    "Found",
    "build_pipeline",
    "competitors_from",
    "detect_language",
    "extract",
    "extract_many",
    "lemma_text",
    "load_competitors",
    "query_lemmas",
    "speaker_lemmas",
    "without_speakers",
]


def lemma_text(text: str, lang: str | None = None) -> str:
    """Space-joined lowercase lemmas of `text`, for full-text storage (no spaCy needed)."""
    from jtbd_studio.nlp.lemmas import lemma_text as _lemma_text

    return _lemma_text(text, lang)


def query_lemmas(term: str, lang: str | None = None) -> list[str]:
    """Lemma candidates for a search term, most likely first."""
    from jtbd_studio.nlp.lemmas import query_lemmas as _query_lemmas

    return _query_lemmas(term, lang)


def extract(
    text: str,
    *,
    lang: str = "auto",
    competitors: CompetitorList | None = None,
    role: str | None = None,
    discover: bool | None = None,
) -> list[Found]:
    """Every extraction in `text` (`found.text == text[found.start:found.end]`)."""
    from jtbd_studio.nlp.engine import extract as _extract

    return _extract(text, lang=lang, competitors=competitors, role=role, discover=discover)


def extract_many(
    items: Iterable[tuple[str, str | None]],
    *,
    lang: str = "auto",
    competitors: CompetitorList | None = None,
    role: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    discover: bool | None = None,
) -> Iterator[list[Found]]:
    """Extractions per (text, lang-or-None) item, in order, streamed through nlp.pipe."""
    from jtbd_studio.nlp.engine import extract_many as _extract_many

    return _extract_many(
        items, lang=lang, competitors=competitors, role=role, n_process=n_process,
        batch_size=batch_size, discover=discover,
    )


def build_pipeline(lang: str, *, competitors: CompetitorList | None = None) -> Language:
    """The cached spaCy pipeline for "ru" or "en" (see jtbd_studio.nlp.pipeline)."""
    from jtbd_studio.nlp.pipeline import build_pipeline as _build

    return _build(lang, competitors=competitors)
