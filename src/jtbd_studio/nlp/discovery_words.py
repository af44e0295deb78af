"""Word-level helpers of competitor discovery: name-like spellings, trigger phrases, overlaps, terms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from typing import Any

Candidate = tuple[int, int, float, int]  # start token, end token, score, source id
TriggerList = list[tuple[list[int], int]]  # trigger phrases (lemma hashes) with their strength


#: a letter three times in a row: a word drawn out in speech, not a name
_DRAWN_OUT = re.compile(r"([^\W\d_])\1\1")


def not_a_name(text: str) -> bool:
    """Too short, no letters, a hyphenated prefix (SaaS-), an initial (Б.Обама), XXXX, or a word
    drawn out in speech («Чтооооо», "Sooo"): a letter three times in a row."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        (len(letters) < 2 and not cyrillic_brand(text)) or text.endswith("-")
        or len(set(text.lower())) == 1 or _DRAWN_OUT.search(text.lower()) is not None
        or (text.endswith("s") and text[:-1].isupper())  # PDPs, OEMs: plural acronyms
        or (len(text) > 2 and text[1] == "." and text[0].isupper())
    )


def latin_word(text: str) -> bool:
    """A Latin word or word-like token (letters, maybe digits or dots: "Bitrix24", "v2.0")."""
    return text.isascii() and any(ch.isalpha() for ch in text) and text[:1].isalnum()


#: The last part of a hyphenated company name: «Байкал-Сервис», «Строй-Трейд», "Agro-Tech".
_BUSINESS_PARTS = frozenset({
    "сервис", "трейд", "групп", "строй", "инвест", "маркет", "логистик", "логистика", "транс",
    "пром", "снаб", "консалт", "софт", "телеком", "комплект", "холдинг", "лайн", "систем",
    "тех", "проект", "сити", "центр", "плюс", "group", "tech", "soft", "systems", "service",
    "trade", "logistics", "line",
})


def product_like(text: str) -> bool:
    """CamelCase, inner capitals or letters with digits: HubSpot, iPhone, amoCRM, Bitrix24, and
    digits, then a capital and four letters or more ("1Password"; not "24hours", "3rd", 5G). A
    capital after a hyphen starts a part of a word («ей-Богу», «Ростов-на-Дону»), unless the
    part is a company word («Байкал-Сервис»)."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return cyrillic_brand(text)
    inner_upper = any(
        ch.isupper() and text[k - 1] != "-" for k, ch in enumerate(text[1:], 1)
    ) and any(ch.islower() for ch in text)
    with_digits = any(ch.isdigit() for ch in text) and text[:1].isalpha()
    digits_first = (
        text[:1].isdigit() and len(letters) >= 4 and text.isascii() and text.isalnum()
        and letters[0].isupper() and any(ch.islower() for ch in letters)
    )
    return (
        inner_upper or (with_digits and len(letters) >= 2) or digits_first
        or cyrillic_brand(text) or _company_compound(text)
    )


def _company_compound(text: str) -> bool:
    parts = text.split("-")
    return (
        len(parts) == 2 and parts[0][:1].isupper() and parts[1][:1].isupper()
        and len(parts[0]) >= 3 and parts[1].lower() in _BUSINESS_PARTS
    )


def cyrillic_brand(text: str) -> bool:
    """Digits, then Cyrillic capitals: «1С», «2ГИС». (Digits with Latin capitals are mostly
    terms: 5G, 3D, 4K.)"""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        text[:1].isdigit() and 0 < len(letters) <= 4 and text[-1:].isalpha()
        and all(ch.isupper() and ("А" <= ch <= "Я" or ch == "Ё") for ch in letters)
    )


def form_positions(orths: list[int], wanted: AbstractSet[int]) -> list[int]:
    """The positions of the forms in `wanted`, ascending (list.index in C for a single one).

    For the verbatim forms, which discovery alone reads; the lemma and lower-case columns have
    the doc view's shared index (`DocView.places`)."""
    if len(wanted) == 1:
        (orth,) = wanted
        at, found = -1, []
        for _ in range(orths.count(orth)):
            at = orths.index(orth, at + 1)
            found.append(at)
        return found
    return [i for i, orth in enumerate(orths) if orth in wanted] if wanted else []


def triggers_by_previous(sequences: TriggerList) -> tuple[dict[int, TriggerList], TriggerList]:
    """The trigger phrases ending in one lemma, by the lemma before it (one-word phrases go in
    every list, in order): the token before a trigger word leaves few phrases to compare."""
    short = [entry for entry in sequences if len(entry[0]) == 1]
    previous = {entry[0][-2] for entry in sequences if len(entry[0]) > 1}
    by_previous = {
        lemma: [e for e in sequences if len(e[0]) == 1 or e[0][-2] == lemma] for lemma in previous
    }
    return by_previous, short


def ends_with(lemmas: list[int], i: int, phrase: list[int]) -> bool:
    """Do the lemma hashes of the tokens ending at token i equal `phrase`?"""
    start = i - len(phrase) + 1
    return start >= 0 and lemmas[start : i + 1] == phrase


def pick_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the strongest, then longest candidates that overlap none already kept."""
    kept: list[Candidate] = []
    used: set[int] = set()
    for c in sorted(candidates, key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
        tokens = range(c[0], c[1])
        if c[1] > c[0] and not used.intersection(tokens):
            kept.append(c)
            used.update(tokens)
    return sorted(kept)


def readings(doc: Any, i: int) -> Iterator[tuple[int, str]]:
    """(k, the lower-case text of tokens i..k) for k = i, i+1, …: whitespace as one space,
    whitespace tokens (NBSP) skipped."""
    text = ""
    for k in range(i, len(doc)):
        token = doc[k]
        if token.is_space:
            continue
        if text and (doc[k - 1].whitespace_ or doc[k - 1].is_space):
            text += " "
        text += token.lower_
        yield k, text


def reading_prefixes(tokens: Any) -> list[str]:
    """Every reading of a tokenized term from its first token on (see readings)."""
    return [text for _, text in readings(tokens, 0)]


#: The weight of a held term («Churn Rate»): above every candidate, below a listed name (2.0);
#: a hold is dropped once the overlaps are settled.
TERM_HOLD = 1.5


class TermHolds:
    """Holds over the terms of several words in a doc («Churn Rate», "the Customer Journey
    Map", "In-Depth Interview"): they name no competitor, and no word of theirs is judged alone."""

    def __init__(self, terms: frozenset[str], tokenizer: Any, strings: Any) -> None:
        several = [tokenizer(term) for term in terms if " " in term]
        self.terms = terms
        #: lower-case hashes of the terms' first tokens («in» of «in-depth interview»), and of
        #: the tokens that follow them: "in" and "a" start terms and most English sentences
        self.starts = frozenset(strings.add(tokens[0].lower_) for tokens in several if len(tokens))
        self.seconds = frozenset(
            strings.add(words[1].lower_)
            for tokens in several if len(words := [t for t in tokens if not t.is_space]) > 1
        )
        #: every beginning of a term, token by token: a reading stops at the first token that
        #: leaves them ("in" of "in the", most of the time)
        self.prefixes = frozenset(prefix for tokens in several for prefix in reading_prefixes(tokens))

    def __call__(self, doc: Any, view: Any) -> list[Candidate]:
        if self.starts.isdisjoint(view.lower):  # a set test in C: most docs hold none
            return []
        found: list[Candidate] = []
        lower, seconds = view.lower, self.seconds
        for i in view.places(self.starts.intersection(lower), on_lower=True):
            after = view.skip_inline_space(i + 1)
            if after >= len(lower) or lower[after] not in seconds:
                continue  # no term goes on this way: no string is built
            end = self.end(doc, i)
            if end > i and (not found or i >= found[-1][1]):
                found.append((i, end, TERM_HOLD, -1))
        return found

    def end(self, doc: Any, i: int) -> int:
        """The end of the longest term starting at token `i`, or `i`."""
        found = i
        for k, text in readings(doc, i):
            if text not in self.prefixes:
                break
            if text in self.terms:
                found = k + 1
        return found
