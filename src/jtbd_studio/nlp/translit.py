"""A script-neutral spelling skeleton, so «Битрикс» and "Bitrix" compare equal."""

from __future__ import annotations

import re

_CYR_TO_LAT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
        "я": "ia",
    }
)
# Latin spellings folded to what a Russian transliteration of the same sound would give.
# Order matters: digraphs before their single letters.
_LATIN_FOLDS = (
    ("sch", "sh"), ("ch", "h"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("qu", "kv"),
    ("oo", "u"), ("ee", "i"), ("j", "dzh"), ("q", "k"), ("x", "ks"), ("w", "v"), ("c", "k"),
    ("y", "i"),
)
_REPEATS = re.compile(r"(.)\1+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def skeleton(word: str) -> str:
    """Lowercase Latin consonant-and-vowel skeleton of `word` in either script.

    Doubled letters collapse and a final "e" (English silent e, Russian locative -е) drops:
    Bitrix/Битрикс -> bitriks, Chrome/Хром/Хроме -> hrom, Yandex/Яндекс -> iandeks.
    """
    s = word.lower().translate(_CYR_TO_LAT)
    for old, new in _LATIN_FOLDS:
        s = s.replace(old, new)
    s = _NOT_ALNUM.sub("", _REPEATS.sub(r"\1", s))
    if len(s) > 3 and s.endswith("e"):
        s = s[:-1]
    return s
