"""Which known competitors a free-text note names (for competitor notes, which carry no label).

A deliberately small matcher with no NLP: a spelling matches at the start of a word. A Russian
word may carry a short case ending («в Битриксе», «в Экселе»), so stems of longer Cyrillic
spellings drop a final vowel or soft sign and accept up to three more letters; a Latin spelling
accepts only a plural or possessive "s".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from jtbd_studio.analysis.data import CompetitorName

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SOFT_ENDING = "аеёийоуыьэюя"
MAX_ENDING = 3


@lru_cache(maxsize=1024)
def _pattern(spelling: str) -> re.Pattern[str]:
    stem = spelling.casefold()
    if _CYRILLIC.search(stem):
        if len(stem) >= 5 and stem[-1] in _SOFT_ENDING:
            stem = stem[:-1]
        ending = rf"\w{{0,{MAX_ENDING}}}"  # Russian case endings: «Битриксе», «Экселем»
    else:
        ending = "(?:'?s)?"  # English plural or possessive: "spreadsheets", "HubSpot's"
    return re.compile(rf"(?<!\w){re.escape(stem)}{ending}(?!\w)")


def named_competitors(text: str, competitors: Sequence[CompetitorName]) -> list[str]:
    """Canonical names of the competitors the text mentions, in list order, each once."""
    folded = text.casefold()
    found = []
    for competitor in competitors:
        spellings = dict.fromkeys((competitor.name, *competitor.aliases))
        if any(s.strip() and _pattern(s.strip()).search(folded) for s in spellings):
            found.append(competitor.name)
    return found


def short_label(text: str, limit: int = 80) -> str:
    """A one-line label of at most `limit` characters (an ellipsis marks a cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
