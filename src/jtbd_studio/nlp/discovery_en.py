"""English evidence for competitor discovery: capitals, acronyms, persons, one sense per document.

`EnglishEvidence.capitalized` judges a capitalized word the spelling scan met; `in_context` then
looks at the document as a whole: a name found inside a sentence is a name at a sentence start
and in lower case too; a name with a place word in it ("New Holland") counts when coordinated
with another name; words introduced as a person ("my name is …", "Dr. …") are dropped.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IS_LOWER, LOWER
from spacy.tokens import Doc

from jtbd_studio.nlp import resources
from jtbd_studio.nlp.lemmas import KNOWN, english_lemma_table, english_ranks, lemmatizer

if TYPE_CHECKING:
    from spacy.language import Language

    from jtbd_studio.nlp.discovery import Candidate, Discoverer

SCORE_NAME_RUN = 0.45
SCORE_CAPITALIZED = 0.35
SCORE_SENTENCE_START = 0.3
VERY_COMMON = 1000  # English words this frequent are never names on their own
ORDINARY = 5000  # an all-caps form of a word this frequent is the word, shouted or not
MAX_PERSON_TOKENS = 3
_COORDINATORS = frozenset({"and", "or", "nor", "&"})
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_VERSION = re.compile(r"\d{1,3}(?:\.\d{1,2}){0,2}")
_TRIPLE = re.compile(r"(.)\1\1")
_VOWELS = frozenset("aeiouy")
_SOURCE_ECHO, _SOURCE_START, _SOURCE_COORDINATED = 10, 11, 12
_SOURCE_CAPITALIZED = 6  # one capitalized word inside a sentence (Discoverer sources 1-9)
_INSTITUTION = 9


@dataclass
class Seen:
    """What the spelling scan of one document noticed besides its candidates."""

    gated: set[int] = field(default_factory=set)  # Russian: words awaiting NER
    initial: list[int] = field(default_factory=list)  # capitalized sentence starts not taken
    held: list[tuple[int, int]] = field(default_factory=list)  # runs with a place word
    skip_to: int = -1  # the end of a place name just rejected ("San Francisco")
    persons: list[tuple[int, str]] = field(default_factory=list)  # persons' words: position, lower case
    common: list[int] = field(default_factory=list)  # capitalized dictionary words taken


class EnglishEvidence:
    """The English rules of a `Discoverer` (`owner`), which supplies stop words and name ends."""

    def __init__(self, nlp: Language, owner: Discoverer) -> None:
        self.owner = owner
        self.vocab = nlp.vocab
        self.places = resources.words("en", "competitors_stop", "place")
        self.cues: dict[int, list[list[int]]] = {}  # last lemma -> lemma hashes of cues
        self.person_verbs = resources.words("en", "competitors_persons", "verb")
        #: first names ("Mike", "Sarah"): a capitalized word right after one may be a surname
        self.first_names = resources.words("en", "competitors_stop", "person")
        #: words before a person's name: roles ("manager", "rep"), people at work ("foreman",
        #: "colleague") and "to"/"with" after a verb of talking ("talked to Sarah Connor")
        self.person_context = resources.words("en", "competitors_stop", "role") | resources.words(
            "en", "competitors_persons", "context"
        )
        #: "Dr.", "Mr": a title before a person's name is no name itself
        self.titles: set[str] = set()
        for r in resources.load_records("en", "competitors_persons", ("kind", "text")):
            if r["kind"] in ("verb", "context"):
                continue
            text = str(r["text"]).lower()
            # "Dr." is one token (lemma "dr.") only in the capitalized form: no tokenizing.
            add = self.vocab.strings.add
            titles = [[add(text)], [add(f"{text}.")]]
            if r["kind"] == "title":
                self.titles.update({text, f"{text}."})
            for lemmas in titles if r["kind"] == "title" else [owner.phrase_lemmas(text)]:
                self.cues.setdefault(lemmas[-1], []).append(lemmas)

    # -- one capitalized word ----------------------------------------------------------------
    def capitalized(
        self, doc: Doc, i: int, initial: bool, known: bool, seen: Seen
    ) -> Candidate | None:
        """A candidate starting at the capitalized word i, or None (sentence starts are noted)."""
        token = doc[i]
        if not token.text[:1].isupper() or token.lower_ in self.titles:
            return None
        if i and self._surname(doc, i):
            # "our foreman Mike Sullivan", "I talked to Sarah Connor": a surname, and a person's
            # other mentions in the document go too ("Sullivan said…")
            seen.persons.append((i, token.lower_))
            return None
        if _vowelless(token.text):
            return None  # "Ltf", "Vt": an abbreviation written with one capital, no name
        if initial and (known or token.text.isupper() or _derived_word(token.lower_)):
            seen.initial.append(i)  # an acronym here is no name either ("EDA plots are…")
            return None
        end = max(self.owner.name_end(doc, i, allow_lower=False), i + 1)
        if initial:
            # A word no dictionary knows is a name even at a sentence start ("Zendesk is...").
            if not _looks_like_a_name(doc, i, end):
                seen.initial.append(i)
                return None
            if doc[end].lower_ in self.person_verbs:  # "Priya said…"
                seen.persons += [(k, doc[k].lower_) for k in range(i, end)]
                return None
            return i, end, SCORE_SENTENCE_START, _SOURCE_START
        self._hold_place_run(doc, i, end, seen)
        if end - i >= 2:
            words = {t.lower_ for t in doc[i:end]}
            if words & self.owner.stop or doc[i:end].text.lower() in self.owner.stop_multi:
                seen.skip_to = end
                return None
            return i, end, SCORE_NAME_RUN, 5
        if token.text.isupper() or english_ranks().get(token.lower_, VERY_COMMON) < VERY_COMMON:
            # An acronym (in English speech mostly a term: PDP, ICE), or one of the most
            # frequent words ("So", "The", "Think"): a missed sentence start, not a name.
            return None
        if known and _plural_form(token.lower_):
            return None  # "Checkups", "Works": a common noun or verb in capitals
        if known:
            seen.common.append(i)  # kept unless the doc writes it in lower case too (in_context)
        # Mid-sentence capitals mark proper names even on common words (Amazon, Uber).
        return i, i + 1, SCORE_CAPITALIZED, _SOURCE_CAPITALIZED

    def _surname(self, doc: Doc, i: int) -> bool:
        """Whether the capitalized word i follows a capitalized first name ("Mike Sullivan") with
        a sign of a person around the pair: a role or a person word before it ("our foreman
        Mike Sullivan", "talked to Sarah Connor"), or a person's verb after it ("… said"). A
        first name alone is no sign: "John Deere" is a brand."""
        first = doc[i - 1]
        if first.lower_ not in self.first_names or not first.text[:1].isupper():
            return False
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        before = [t.lower_ for t in doc[max(0, i - 3) : i - 1]]
        return after in self.person_verbs or any(word in self.person_context for word in before)

    def _hold_place_run(self, doc: Doc, i: int, end: int, seen: Seen) -> None:
        """Note a name followed by place words ("New Holland"): a place or a brand, decided by
        `_coordinated`."""
        tail = end
        while tail < len(doc) and doc[tail].lower_ in self.places and doc[tail].text[:1].isupper():
            tail += 1
        if tail > end and doc[i:tail].text.lower() not in self.owner.stop_multi:
            seen.held.append((i, tail))

    # -- the document as a whole -------------------------------------------------------------
    def in_context(
        self, doc: Doc, found: list[Candidate], seen: Seen, lemmas: list[int], positions: list[int],
        segments: list[int] | None = None,
    ) -> list[Candidate]:
        """`found` plus names seen elsewhere in the document, minus the persons. A doc of packed
        pieces (`segments`, their first tokens: engine._docs) is read piece by piece, each
        piece a document of its own."""
        if segments is None or len(segments) == 1:
            return self._in_document(doc, found, seen, lemmas, positions, 0, len(doc))
        bounds = [*segments, len(doc)]
        out: list[Candidate] = []
        for lo, hi in itertools.pairwise(bounds):
            part = Seen(
                initial=[i for i in seen.initial if lo <= i < hi],
                held=[h for h in seen.held if lo <= h[0] < hi],
                persons=[p for p in seen.persons if lo <= p[0] < hi],
                common=[i for i in seen.common if lo <= i < hi],
            )
            here = [c for c in found if lo <= c[0] < hi]
            if here:  # a piece with no candidate gains none from its context
                out += self._in_document(
                    doc, here, part, lemmas, [i for i in positions if lo <= i < hi], lo, hi
                )
        return out

    def _in_document(
        self, doc: Doc, found: list[Candidate], seen: Seen, lemmas: list[int], positions: list[int],
        lo: int, hi: int,
    ) -> list[Candidate]:
        """`in_context` on the document that is doc[lo:hi]."""
        if seen.common:
            found = self._without_common_words(doc, found, seen.common, lo, hi)
        names = [c for c in found if c[3] != _INSTITUTION and c[1] > c[0]]
        if names:
            found = found + self._echoes(doc, names, seen, lo, hi) + self._coordinated(doc, names, seen)
        cued = [i for i in positions if lemmas[i] in self.cues]
        if (cued or seen.persons) and found:
            found = self._without_persons(doc, found, lemmas, cued, {w for _, w in seen.persons})
        return found

    @staticmethod
    def _without_common_words(
        doc: Doc, found: list[Candidate], common: list[int], lo: int, hi: int
    ) -> list[Candidate]:
        """Drop a capitalized dictionary word that the document also writes in lower case: it
        is the common word, capitalized by a transcriber ("the Download … download that"). Only a
        word taken for its capitals alone: after a trigger ("moved to Harvest") it stays a name."""
        lowers = {doc[i].lower_ for i in common}
        used = {t.text for t in doc[lo:hi] if t.is_lower and t.text in lowers}
        if not used:
            return found
        dropped = {i for i in common if doc[i].lower_ in used}
        return [c for c in found if not (c[3] == _SOURCE_CAPITALIZED and c[0] in dropped)]

    def _echoes(self, doc: Doc, names: list[Candidate], seen: Seen, lo: int, hi: int) -> list[Candidate]:
        """Sentence starts and lower-case forms of a name found elsewhere in the document."""
        texts = {doc[c[0]].text for c in names}
        out: list[Candidate] = []
        for i in seen.initial:
            if doc[i].text in texts:
                out.append((i, self.owner.name_end(doc, i, allow_lower=False), SCORE_CAPITALIZED,
                            _SOURCE_ECHO))
        # A lower-case "shapley" is the "Shapley" of the line before, unless it is a word.
        lowers = {doc[c[0]].lower_ for c in names if c[1] - c[0] == 1 and c[3] >= 0}
        lowers = {w for w in lowers if len(w) > 2 and not lemmatizer().analyze(w).flags & KNOWN}
        if lowers:
            arr = doc.to_array([LOWER, IS_LOWER])
            hashes = numpy.array([self.vocab.strings[w] for w in lowers], dtype=arr.dtype)
            hits = numpy.flatnonzero(numpy.isin(arr[lo:hi, 0], hashes) & (arr[lo:hi, 1] == 1)) + lo
            out += [(i, i + 1, SCORE_CAPITALIZED, _SOURCE_ECHO) for i in hits.tolist()]
        return out

    def _coordinated(self, doc: Doc, names: list[Candidate], seen: Seen) -> list[Candidate]:
        """A held run joined by and/or to a found name: "John Deere or New Holland"."""
        if not seen.held:
            return []
        ends = {c[1] for c in names}
        starts = {c[0] for c in names}
        out: list[Candidate] = []
        for start, end in seen.held:
            before = start >= 2 and doc[start - 1].lower_ in _COORDINATORS and start - 1 in ends
            after = end + 1 < len(doc) and doc[end].lower_ in _COORDINATORS and end + 1 in starts
            if before or after:
                out.append((start, end, SCORE_CAPITALIZED, _SOURCE_COORDINATED))
        return out

    def _without_persons(
        self, doc: Doc, found: list[Candidate], lemmas: list[int], cued: list[int], persons: set[str]
    ) -> list[Candidate]:
        """Drop candidates that are (or repeat) a person's name: after "my name is", "call me",
        "Dr.", or before "said"."""
        from jtbd_studio.nlp.discovery import ends_with

        person_tokens: set[int] = set()
        for i in cued:
            if not any(ends_with(lemmas, i, seq) for seq in self.cues[lemmas[i]]):
                continue
            j = i + 1
            while j < len(doc) and j - i <= MAX_PERSON_TOKENS and _capitalized_word(doc[j]):
                person_tokens.add(j)
                j += 1
        person_words = persons | {doc[j].lower_ for j in person_tokens}
        if not person_words:
            return found

        def person(c: Candidate) -> bool:
            span = range(c[0], c[1])
            words = {doc[k].lower_ for k in span if doc[k].is_alpha}
            return c[3] >= 0 and (
                not person_tokens.isdisjoint(span) or (bool(words) and words <= person_words)
            )

        return [c for c in found if not person(c)]


@functools.cache
def _dictionary_words() -> frozenset[str]:
    """Forms and lemmas of the English lemma table: inflecting words of the dictionary."""
    table = english_lemma_table()
    return frozenset(table) | frozenset(table.values())


def _ordinary(lower: str) -> bool:
    return english_ranks().get(lower, ORDINARY) < ORDINARY or lower in _dictionary_words()


def name_acronym(text: str) -> bool:
    """All capitals, four letters or more, not a word, not a Roman numeral: SHAP, TELUS."""
    return (
        len(text) >= 4 and text.isalpha() and text.isupper()
        and not _ordinary(text.lower()) and not _ROMAN.fullmatch(text)
    )


def short_acronym(text: str) -> bool:
    """Two or three capitals ("SQL", "PDP"): in speech mostly a term, rarely a company."""
    return 2 <= len(text) <= 3 and text.isalpha() and text.isupper()


def shouted_word(text: str) -> bool:
    """A frequent word in capitals: "NEVER", "ICE" (not a rarer one such as "SAP", "LIME")."""
    return (
        len(text) >= 2 and text.isalpha() and text.isupper()
        and english_ranks().get(text.lower(), ORDINARY) < ORDINARY
    )


def is_version(text: str) -> bool:
    """A short number or a version that continues a name: "Office 365", "Python 3.11"."""
    return bool(_VERSION.fullmatch(text))


def _looks_like_a_name(doc: Doc, i: int, end: int) -> bool:
    """An unknown word at a sentence start that reads as a name, not "Mhm," or "Ummm"."""
    text = doc[i].text
    if len(text) < 3 or not text.isalpha() or _TRIPLE.search(text.lower()):
        return False
    if _VOWELS.isdisjoint(text.lower()) or end >= len(doc):
        return False
    after = doc[end]
    return after.is_alpha or after.lower_ in ("'s", "’s")  # "Zendesk, …" is an address


#: Suffixes that make common nouns, verbs and adjectives of common words: "Noisiness",
#: "Routinize" at a sentence start are words a dictionary lacks, not names ("Grammarly" stays:
#: -ly is left out, and mid-sentence capitals are judged as before).
_DERIVING = ("ization", "isation", "ness", "izing", "ising", "ized", "ised", "izes", "ises",
             "ize", "ise", "ments", "ment", "ful", "less")
#: A derived word counts only when its base is at least this common.
_BASE_RANK = 20000


def _derived_word(lower: str) -> bool:
    """Whether `lower` is a common word with a deriving suffix ("noisiness" ← "noisy",
    "routinize" ← "routine")."""
    ranks = english_ranks()
    for suffix in _DERIVING:
        if not lower.endswith(suffix) or len(lower) - len(suffix) < 3:
            continue
        stem = lower[: -len(suffix)]
        bases = (stem, f"{stem}e", f"{stem[:-1]}y" if stem.endswith("i") else stem)
        if any(ranks.get(base, _BASE_RANK) < _BASE_RANK for base in bases):
            return True
    return False


def _vowelless(text: str) -> bool:
    """A word in title case with no vowel ("Ltf", "Vt", "Mr"): an abbreviation."""
    return (
        len(text) > 1 and text.isalpha() and not text.isupper()
        and _VOWELS.isdisjoint(text.lower())
    )


def _plural_form(lower: str) -> bool:
    return lower.endswith("s") and lemmatizer().analyze(lower).lemma != lower


def _capitalized_word(token: Any) -> bool:
    return token.is_alpha and token.text[:1].isupper()
