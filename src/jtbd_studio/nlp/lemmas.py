"""Lemmas for Russian (pymorphy3) and English (spaCy lookup tables), cached per word form.

Every word form is analyzed once per process: the analysis (lemma, coarse POS, flags) is kept
in a dict keyed by the lowercase form. Only Cyrillic words go to pymorphy3, only Latin words to
the English table; numbers, punctuation and symbols are classified by a regex.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
LATIN_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")
NUMBER = re.compile(r"[+-]?\d[\d.,:/%-]*")
#: A rough word pattern for the fast lemma path (no spaCy): letters, digits, inner hyphens.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# Flags kept per word form (bit mask).
KNOWN = 1  # in the language's dictionary (a real, common word)
PERSON = 2  # pymorphy3 tags it Name / Surn / Patr
PLACE = 4  # Geox
ORG = 8  # Orgn or Trad (organization, trademark)

# OpenCorpora part of speech -> Universal Dependencies.
_UPOS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB",
    "INFN": "VERB", "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM",
    "ADVB": "ADV", "NPRO": "PRON", "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ",
    "PRCL": "PART", "INTJ": "INTJ",
}


@dataclass(frozen=True, slots=True)
class WordAnalysis:
    """What the lemmatizer knows about one lowercase word form."""

    lemma: str
    pos: str
    flags: int = 0


@functools.cache
def morph() -> Any:
    """The process-wide pymorphy3 analyzer (loads its dictionaries once, ~0.3 s)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.cache
def english_lemma_table() -> dict[str, str]:
    """spaCy's English lookup table (form -> lemma), read straight from spacy-lookups-data."""
    import spacy_lookups_data

    path = spacy_lookups_data.en["lemma_lookup"]
    gz = path.with_name(path.name + ".gz")
    with gzip.open(gz, "rt", encoding="utf-8") if gz.exists() else open(path, encoding="utf-8") as f:
        table = json.load(f)
    return {k.lower(): v.lower() for k, v in table.items()}


@functools.cache
def english_ranks() -> dict[str, int]:
    """Frequency rank (0 = most frequent) of the 30 000 most frequent English word forms."""
    from jtbd_studio.paths import corpora_dir

    path = corpora_dir() / "lexicons" / "en" / "common_words.txt"
    common = path.read_text(encoding="utf-8").split() if path.exists() else []
    return {word: rank for rank, word in enumerate(common)}


@functools.cache
def english_words() -> frozenset[str]:
    """Common English words: the 30 000 most frequent forms plus every form the table knows."""
    table = english_lemma_table()
    return frozenset(english_ranks()) | frozenset(table) | frozenset(table.values())


class Lemmatizer:
    """Word-form analysis for both scripts with a per-process cache (`analyze` is the hot path)."""

    def __init__(self) -> None:
        self._cache: dict[str, WordAnalysis] = {}

    def analyze(self, form: str) -> WordAnalysis:
        lower = form.lower()
        hit = self._cache.get(lower)
        if hit is None:
            hit = self._cache[lower] = self._analyze(lower)
        return hit

    def lemma(self, form: str) -> str:
        return self.analyze(form).lemma

    def _analyze(self, lower: str) -> WordAnalysis:
        if CYRILLIC_WORD.fullmatch(lower):
            return _russian(lower)
        if LATIN_WORD.fullmatch(lower):
            return _english(lower)
        if NUMBER.fullmatch(lower):
            return WordAnalysis(lower, "NUM")
        if not any(ch.isalnum() for ch in lower):
            return WordAnalysis(lower, "SYM" if any(ch in "$€₽%+<=>№" for ch in lower) else "PUNCT")
        return WordAnalysis(lower, "X")

    def __len__(self) -> int:
        return len(self._cache)


def _russian(lower: str) -> WordAnalysis:
    polite = _SLOVOERS.fullmatch(lower)
    if polite is not None:
        # «платит-с», «нет-с», «отменная-с»: the old polite particle after a word leaves the
        # word what it is (pymorphy3 reads «платить-с», a word of its own)
        return _russian(polite.group(1))
    analysis = _dictionary_reading(lower)
    if not analysis.flags & KNOWN and lower.startswith("пре") and len(lower) > 6:
        # «прегадкая», «преподлый», «прехорошенький»: the intensifying prefix of older and
        # colloquial speech before an adjective or adverb the dictionary knows is that word.
        # A dictionary word with the prefix is read as itself: «прекрасный», «преданный», and
        # also «преотличный», «прескверный» (their feelings are lexicon entries of their own)
        rest = _dictionary_reading(lower[3:])
        if rest.flags & KNOWN and rest.pos in ("ADJ", "ADV"):
            return rest
    return analysis


#: A word and the particle «-с» (словоерс) of polite speech: «да-с», «слушаю-с».
_SLOVOERS = re.compile(r"([а-яё]{2,}(?:-[а-яё]+)*)-съ?")


def _dictionary_reading(lower: str) -> WordAnalysis:
    parses = morph().parse(lower)
    best = parses[0]
    if len(parses) > 1 and _unlikely(best):
        # An imperative tied with another reading: «нашли», «пришли», «перешли», «зашли» are
        # the past plural of найти, прийти, перейти, зайти far more often than the imperative
        # of наслать, прислать, переслать, заслать (pymorphy3 scores the two alike). So is an
        # indeclinable first name: «вели» is вести's past («вели в таблицах»), not «Вели».
        name = "impr" not in best.tag.grammemes  # a name gives way only to a verb's form
        best = next((
            p for p in parses[1:] if p.score >= best.score and not _unlikely(p)
            and (not name or p.tag.POS in _VERB_FORMS)
        ), best)
    known = _known(best)
    if not known and _VERB_ENDING.search(lower) and (
        best.tag.POS not in _VERB_FORMS or _by_unknown_prefix(best)
    ):
        # A word the dictionary lacks, with a verb's ending: slang and loan verbs («глючила»,
        # «подвисал», «юзали», «косячит»). The guessers put a made-up word first: a noun
        # («глючил», «подвисало», «пофиксиль») or a known word after a made-up prefix
        # («косячит» as «кося» + «чать», «логируем» as «логиру» + «есть»), so each form of one
        # verb got a lemma of its own and a cue on «глючить» missed «глючила». The verb
        # reading by the word's ending is the word: any, for a past form (-л, -ла, -ло, -ли) or
        # instead of a prefix guess; for a present form read as a noun, when scored at least
        # half as high, since names end so too («Интеркрим» is no «интеркрить»). Unknown
        # nouns seldom have a verb reading, and «пэппер» ends as no verb does.
        is_verb = best.tag.POS in _VERB_FORMS
        sure = is_verb or _PAST_ENDING.search(lower) is not None
        verbs = [
            p for p in parses if p.tag.POS == "VERB" and not _unlikely(p)
            and (sure or p.score * 2 >= best.score) and p is not best
        ]
        # by the ending first; a prefix guess only in place of a noun («тролл» + «ил»)
        verbs.sort(key=_by_unknown_prefix)
        # A past form read as a verb at all names its infinitive («офигели» -> «офигеть»,
        # where the guessers offer only «офиг» + «есть»); a noun's genitive («триала») is
        # never read as a verb, so it is not taken for one.
        infinitive = _past_infinitive(lower) if verbs or is_verb else None
        if infinitive is not None:
            best = infinitive
        elif verbs and not (is_verb and _by_unknown_prefix(verbs[0])):
            best = verbs[0]
        known = _known(best)
    tag = best.tag
    flags = KNOWN if known else 0
    grammemes = tag.grammemes
    if grammemes & {"Name", "Surn", "Patr"}:
        flags |= PERSON
    if "Geox" in grammemes:
        flags |= PLACE
    if grammemes & {"Orgn", "Trad"}:
        flags |= ORG
    pos = _UPOS.get(str(tag.POS), "X")
    if flags & (PERSON | PLACE | ORG):
        pos = "PROPN"
    elif "Apro" in grammemes:  # наш, этот, весь: pronominal adjectives are determiners in UD
        pos = "DET"
    elif pos == "CCONJ" and lower in _SUBORDINATORS:
        pos = "SCONJ"
    return WordAnalysis(best.normal_form.replace("ё", "е"), pos, flags)


_VERB_FORMS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})
#: Endings of finite verb forms (past, present and future, reflexive or not).
_VERB_ENDING = re.compile(r"(?:л|ла|ло|ли|ет|ит|ут|ют|ат|ят|ем|им|ешь|ишь|ете|ите)(?:ся|сь)?$")
_PAST_ENDING = re.compile(r"(?:л|ла|ло|ли)(?:ся|сь)?$")


#: A past form after a vowel of the stem: «глючи-ла», «офиге-ли», «подвиса-л-ся».
_PAST_FORM = re.compile(r"([аеиоуыяэ])л(?:а|о|и)?(ся|сь)?$")


def _past_infinitive(lower: str) -> Any:
    """pymorphy3's reading of the infinitive a past form names (stem, "ть", "ся" if
    reflexive), when it reads it as an infinitive; else None."""
    match = _PAST_FORM.search(lower)
    if match is None or match.start() < 2:
        return None
    infinitive = lower[: match.start()] + match.group(1) + "ть" + ("ся" if match.group(2) else "")
    return next((
        p for p in morph().parse(infinitive) if p.tag.POS == "INFN" and p.normal_form == infinitive
    ), None)


@functools.lru_cache(maxsize=100_000)
def perfective_infinitive(lower: str) -> bool:
    """Whether pymorphy3 reads a lower-case form first as a perfective infinitive («вытащить»,
    «докупить»). Asked only of the few words beside «нельзя» (`friction_context.Inability`):
    cached, not kept in the per-form table."""
    parses = morph().parse(lower)
    return bool(parses) and parses[0].tag.POS == "INFN" and "perf" in parses[0].tag


#: The mood of a Russian verb form (`verb_mood`).
IMPERATIVE = 1
IMPERATIVE_OR_NOT = 2
INFINITIVE = 3
_VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


@functools.lru_cache(maxsize=100_000)
def verb_mood(lower: str) -> int:
    """The mood pymorphy3 reads in a lower-case form: IMPERATIVE if its only verb readings are
    imperatives («волнуйтесь»), IMPERATIVE_OR_NOT if another verb reading stands beside one
    («сердитесь», «погубите»), INFINITIVE if it is first read as an infinitive
    («беспокоиться»), else 0. Asked only of the few words the components look at (an opening
    verb of advice, the verb after a negator): cached, not kept in the per-form table."""
    parses = morph().parse(lower)
    if any("impr" in p.tag for p in parses):
        other = any(p.tag.POS in _VERB_TAGS and "impr" not in p.tag for p in parses)
        return IMPERATIVE_OR_NOT if other else IMPERATIVE
    return INFINITIVE if parses and parses[0].tag.POS == "INFN" else 0


def _known(parse: Any) -> bool:
    """`parse.is_known` (the form is a dictionary word) without its second dictionary look-up:
    a reading straight from the dictionary has one step, the dictionary's; a guessed one has
    more (a prefix, a suffix) or none from it. A one-letter initial («А. С.») asks the
    dictionary. pymorphy3's look-up was a tenth of a first pass over new text."""
    from pymorphy3.units import (
        AbbreviatedFirstNameAnalyzer,
        AbbreviatedPatronymicAnalyzer,
        DictionaryAnalyzer,
    )

    stack = parse.methods_stack
    first = stack[0][0]
    if isinstance(first, (AbbreviatedFirstNameAnalyzer, AbbreviatedPatronymicAnalyzer)):
        return bool(parse.is_known)
    return len(stack) == 1 and isinstance(first, DictionaryAnalyzer)


def _by_unknown_prefix(parse: Any) -> bool:
    """Whether pymorphy3 guessed the reading as a made-up prefix before a known word."""
    from pymorphy3.units import UnknownPrefixAnalyzer

    return any(isinstance(step[0], UnknownPrefixAnalyzer) for step in parse.methods_stack)


def _unlikely(parse: Any) -> bool:
    """A reading to pass over when another is scored as high: an imperative, an indeclinable
    first name, or a rare verb that shares its forms with a common one."""
    grammemes = parse.tag.grammemes
    return (
        "impr" in grammemes or ("Name" in grammemes and "Fixd" in grammemes)
        or parse.normal_form in _RARE_VERBS
    )


#: Rare verbs whose past forms pymorphy3 scores as high as a common verb's: «спал», «спали»
#: are спать's (to sleep) far more often than спасть's (to fall off, «спала жара»).
_RARE_VERBS = frozenset({"спасть"})


_SUBORDINATORS = frozenset(
    ["что", "чтобы", "если", "когда", "потому", "поскольку", "хотя", "пока", "будто", "словно", "ибо", "раз", "как"]
)


#: where spaCy's lookup table strips an "s" that is not a plural or 3rd-person ending; without
#: these, a search for "as" highlights every "a", and "does" is stored as "doe"
_ENGLISH_FIXES = {"as": "as", "does": "do", "atlas": "atlas"}


def _english(lower: str) -> WordAnalysis:
    lemma = _ENGLISH_FIXES.get(lower) or english_lemma_table().get(lower) or _english_inflected(lower)
    return WordAnalysis(lemma, "", KNOWN if lower in english_words() else 0)


@functools.cache
def english_bases() -> frozenset[str]:
    """Words an inflected form the lookup table lacks may be reduced to: the table's lemmas
    and the frequency list's words."""
    return frozenset(english_lemma_table().values()) | frozenset(english_ranks())


#: How often a form ending in a plain "s" must be rarer than this rank to be read as a plural:
#: frequent words that end so are mostly no plurals ("news", "series", "always").
_PLURAL_RANK = 5000
#: Forms this frequent that the table lacks are words of their own ("during", "morning").
_COMMON_RANK = 2000
#: Adjectives and nouns that look like an inflection of another word.
_NOT_INFLECTED = frozenset([
    "incoming", "wicked", "fleeting", "themed", "rugged", "renowned", "jaded", "versed",
    "uprising", "wretched", "pudding", "herring", "inning", "outing", "tubing",
])


def _english_inflected(lower: str) -> str:
    """The base of a form spaCy's lookup table lacks, by the regular endings, when the base is
    a word the table or the frequency list knows: "glitching", "glitched", "glitches" ->
    "glitch", "spammed" -> "spam", "googling" -> "google", "uninstalled" -> "uninstall".
    Newer words (software's, mostly) are missing from the table, so a cue on "glitch" missed
    "it keeps glitching". Anything else is its own lemma."""
    bases = english_bases()
    if (
        (lower in bases and not lower.endswith(("ing", "ed", "es"))) or not lower.isalpha()
        or english_ranks().get(lower, _COMMON_RANK) < _COMMON_RANK or lower in _NOT_INFLECTED
    ):
        return lower  # frequent forms the table lacks are mostly words of their own ("during")
    candidates: list[str] = []
    for ending in ("ing", "ed"):
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stem = lower[: -len(ending)]
            candidates += [stem, stem + "e"]
            if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                candidates.append(stem[:-1])  # "spamm" -> "spam", not "install" -> "instal"
    if lower.endswith("ies") and len(lower) > 5:
        candidates.append(lower[:-3] + "y")
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        candidates.append(lower[:-2])
    elif lower.endswith("s") and not lower.endswith("ss") and english_ranks().get(lower, _PLURAL_RANK) >= _PLURAL_RANK:
        candidates.append(lower[:-1])
    return next((c for c in candidates if len(c) >= 4 and c in bases and c != lower), lower)


@functools.cache
def lemmatizer() -> Lemmatizer:
    """The process-wide lemmatizer (its cache is shared by every pipeline and helper)."""
    return Lemmatizer()


def iter_words(text: str) -> Iterator[re.Match[str]]:
    """Words of `text` by a regex: the fast path that needs no spaCy."""
    return WORD.finditer(text)


def lemma_text(text: str, lang: str | None = None) -> str:
    """Space-joined lowercase lemmas of every word in `text` (for full-text storage).

    The script of each word decides its analyzer, so `lang` only documents intent; mixed text
    is lemmatized correctly word by word.
    """
    lem = lemmatizer()
    return " ".join(lem.lemma(m.group()) for m in iter_words(text))


def query_lemmas(term: str, lang: str | None = None) -> list[str]:
    """Lemma candidates for a search term, most likely first.

    One word: every distinct lemma pymorphy3 proposes («стали» -> сталь, стать) or the English
    lookup lemma and the word itself. Several words: one candidate, the best lemma of each word
    joined by spaces (a phrase query).
    """
    words = [m.group().lower() for m in iter_words(term)]
    if not words:
        return []
    if len(words) > 1:
        return [" ".join(lemmatizer().lemma(w) for w in words)]
    word = words[0]
    found = [lemmatizer().lemma(word)]
    if CYRILLIC_WORD.fullmatch(word):
        found += [p.normal_form.replace("ё", "е") for p in morph().parse(word)]
    elif LATIN_WORD.fullmatch(word):
        found.append(word)
    return list(dict.fromkeys(found))
