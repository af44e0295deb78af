"""Language detection by script and stop words: ru, en, mixed or unknown (fast, no models)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# runs, not single letters: a findall of runs makes one string per word instead of one per letter
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+")
_LATIN = re.compile(r"[A-Za-z]+")
#: letters of neither alphabet (é, ß, ґ, Greek, CJK…): rare in what we read, so few matches
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-zА-Яа-яЁё]+")
_WORD = re.compile(r"[^\W\d_]+")
# A sentence ends at . ! ? … or a line break; the run keeps its trailing space.
_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+[\"»”)]*|\n+|$)\s*")

_EN_STOP = frozenset(
    ["the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "been", "it", "this", "that", "i", "you", "we", "they", "he", "she", "my", "our", "your", "not", "no", "do", "did", "does", "have", "has", "had", "so", "if", "when", "what", "which", "who"]
)
_RU_STOP = frozenset(
    ["и", "в", "во", "не", "на", "я", "что", "он", "она", "мы", "вы", "они", "с", "со", "как", "а", "то", "это", "но", "за", "по", "из", "у", "к", "от", "о", "же", "бы", "ли", "был", "была", "были", "есть", "нет", "да", "так", "все", "уже", "еще", "ещё", "для", "при"]
)
#: Function words of the common Latin-script languages that English does not use as words
#: (German, French, Spanish, Italian, Portuguese, Dutch); "a", "die", "per", "van", "um", "met", "os", "y"… are left out.
_OTHER_LATIN_STOP = frozenset(
    ["der", "das", "und", "ist", "nicht", "ich", "sie", "wir", "mit", "auf", "für", "ein", "eine", "sich", "auch", "dem", "zu", "es", "le", "les", "et", "est", "pas", "je", "nous", "vous", "une", "des", "du", "que", "qui", "dans", "avec", "sur", "ce", "il", "el", "los", "las", "en", "una", "por", "para", "lo", "se", "pero", "muy", "gli", "che", "è", "di", "della", "sono", "é", "não", "uma", "da", "mas", "het", "een", "niet", "ik", "wij", "dat", "zijn", "voor", "de"]
)
#: Cyrillic letters of Ukrainian, Belarusian, Serbian, Macedonian and Kazakh that Russian lacks.
_OTHER_CYRILLIC = re.compile(r"[іїєґўјљњћђџѓќѕәғқңөұүһІЇЄҐЎЈЉЊЋЂЏЃЌЅӘҒҚҢӨҰҮҺ]")
OTHER_MIN = 3
OTHER_LETTER_SHARE = 0.01
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
    («перешли на HubSpot и Salesforce»). Letters of other scripts, or no letters, give unknown;
    so does Latin text whose function words are another language's (German, French, Spanish…)
    and Cyrillic text with another language's letters (Ukrainian і/ї/є, Serbian ј/љ/њ, …).
    """
    sample = text[:SAMPLE]
    cyr, lat, other = _letters(sample)
    letters = cyr + lat + other
    if letters == 0 or (cyr + lat) < letters * (1 - FOREIGN_SHARE):
        return "unknown"
    if cyr + lat == 0:
        return "unknown"
    minority = min(cyr, lat) / (cyr + lat)
    major = "ru" if cyr >= lat else "en"
    if _another_language(sample, major, letters):
        return "unknown"
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


def _letters(sample: str) -> tuple[int, int, int]:
    """How many letters of `sample` are Russian Cyrillic, basic Latin, and neither."""
    return (
        sum(map(len, _CYRILLIC.findall(sample))),
        sum(map(len, _LATIN.findall(sample))),
        sum(map(len, _OTHER_LETTER.findall(sample))),
    )


def _another_language(sample: str, major: str, letters: int) -> bool:
    """Whether the majority script is written in a language other than ru/en.

    Latin: at least OTHER_MIN function words of German, French, Spanish, Italian, Portuguese
    or Dutch, and more than twice as many as English ones (names and loan words do not make a
    sentence German). Cyrillic: letters Russian does not have, at least OTHER_MIN of them and
    OTHER_LETTER_SHARE of the Cyrillic letters («і», «ї», «є», «ў», «ј», «љ», «ә»…).
    """
    if major == "en":
        words = [w.lower() for w in _WORD.findall(sample)]
        other = sum(w in _OTHER_LATIN_STOP for w in words)
        return other >= OTHER_MIN and other > 2 * sum(w in _EN_STOP for w in words)
    foreign = len(_OTHER_CYRILLIC.findall(sample))
    return foreign >= OTHER_MIN and foreign >= OTHER_LETTER_SHARE * max(1, letters)


#: Below this many words inside sentences a text cannot show how it uses capitals.
CASE_MIN_WORDS = 8
#: A text with more capitalized words inside sentences than this capitalizes common nouns
#: (German: about a quarter of its words); names alone stay well below it in English, French,
#: Spanish or Ukrainian.
NOUN_CASE_SHARE = 0.18
_SENTENCE_SPLIT = re.compile(r"[.!?…]+\s+|\n+")


def capitals_mark_names(text: str) -> bool:
    """Whether a capital letter inside a sentence marks a name in `text`: False when too many
    words inside sentences are capitalized (a language that capitalizes nouns) or when the
    text is too short to tell."""
    inside = [
        word
        for sentence in _SENTENCE_SPLIT.split(text[:SAMPLE])
        for word in _WORD.findall(sentence)[1:]
        if word.isalpha()
    ]
    if len(inside) < CASE_MIN_WORDS:
        return False
    capitalized = sum(word[0].isupper() for word in inside)
    return capitalized <= NOUN_CASE_SHARE * len(inside)


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
            lang = runs[-1].lang if runs else majority_language(text, default)
        if runs and runs[-1].lang == lang:
            runs[-1] = LanguageRun(runs[-1].start, m.end(), lang)
        else:
            runs.append(LanguageRun(m.start(), m.end(), lang))
    return runs or [LanguageRun(0, len(text), default)]


def majority_language(text: str, default: str = "en") -> str:
    """The language whose script most letters of `text` are in (`default` without letters):
    what a text in neither language is analyzed as (Ukrainian with the Russian rules, German
    with the English ones)."""
    cyr, lat, _ = _letters(text[:SAMPLE])
    if cyr == lat == 0:
        return default
    return "ru" if cyr >= lat else "en"
