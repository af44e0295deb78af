"""Language detection by script and stop words: ru, en, mixed or unknown (fast, no models)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
# A sentence ends at . ! ? … or a line break; the run keeps its trailing space.
_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+[\"»”)]*|\n+|$)\s*")

_EN_STOP = frozenset(
    ["the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "been", "it", "this", "that", "i", "you", "we", "they", "he", "she", "my", "our", "your", "not", "no", "do", "did", "does", "have", "has", "had", "so", "if", "when", "what", "which", "who"]
)
_RU_STOP = frozenset(
    ["и", "в", "во", "не", "на", "я", "что", "он", "она", "мы", "вы", "они", "с", "со", "как", "а", "то", "это", "но", "за", "по", "из", "у", "к", "от", "о", "же", "бы", "ли", "был", "была", "были", "есть", "нет", "да", "так", "все", "уже", "еще", "ещё", "для", "при"]
)
#: Share of the minority script's letters above which a text counts as mixed.
MIXED_SHARE = 0.25
#: Share of letters in a script other than Cyrillic/Latin above which a text is "unknown".
FOREIGN_SHARE = 0.5
SAMPLE = 20_000


def detect_language(text: str) -> str:
    """Return "ru", "en", "mixed" or "unknown" for `text`.

    Counts Cyrillic and Latin letters (on a prefix sample for long texts); a text where the
    minority script has at least a quarter of the letters is mixed, unless its stop words show
    that one language carries the sentences and the other only supplies names
    («перешли на HubSpot и Salesforce»). Letters of other scripts, or no letters, give unknown.
    """
    sample = text[:SAMPLE]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    letters = len(_LETTER.findall(sample))
    if letters == 0 or (cyr + lat) < letters * (1 - FOREIGN_SHARE):
        return "unknown"
    if cyr + lat == 0:
        return "unknown"
    minority = min(cyr, lat) / (cyr + lat)
    major = "ru" if cyr >= lat else "en"
    if minority < MIXED_SHARE:
        return major
    words = [w.lower() for w in _WORD.findall(sample)]
    ru_stop = sum(w in _RU_STOP for w in words)
    en_stop = sum(w in _EN_STOP for w in words)
    if en_stop == 0 and ru_stop > 0:
        return "ru"
    if ru_stop == 0 and en_stop > 0:
        return "en"
    return "mixed"


@dataclass(frozen=True, slots=True)
class LanguageRun:
    """A stretch of consecutive sentences in one language: text[start:end]."""

    start: int
    end: int
    lang: str


def language_runs(text: str, default: str = "en") -> list[LanguageRun]:
    """Split a mixed text into runs of sentences by language (ru/en; others join a neighbour).

    Each sentence gets its own language; sentences that decide nothing (no letters, unknown)
    take the previous run's language, or `default` at the start.
    """
    runs: list[LanguageRun] = []
    for m in _SENTENCE.finditer(text):
        if m.start() == m.end():
            continue
        lang = detect_language(m.group())
        if lang not in ("ru", "en"):
            lang = runs[-1].lang if runs else _majority(text, default)
        if runs and runs[-1].lang == lang:
            runs[-1] = LanguageRun(runs[-1].start, m.end(), lang)
        else:
            runs.append(LanguageRun(m.start(), m.end(), lang))
    return runs or [LanguageRun(0, len(text), default)]


def _majority(text: str, default: str) -> str:
    cyr = len(_CYRILLIC.findall(text[:SAMPLE]))
    lat = len(_LATIN.findall(text[:SAMPLE]))
    if cyr == lat == 0:
        return default
    return "ru" if cyr >= lat else "en"
