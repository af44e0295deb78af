"""Competitor discovery without a list: names of companies, products, services and brands.

Evidence, strongest first: a usage pattern («перешли на X», "switched to X"), Natasha NER
(Russian; run only on sentences that hold a candidate name), organization/trademark entries in
the pymorphy3 dictionary, quoted names, product-like spelling (Latin inside Russian text,
CamelCase, letters with digits) and, in English, capitalized names inside a sentence. Sentence
starts, person names, places, months and stop-listed words are not candidates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import IS_LOWER, IS_PUNCT, IS_QUOTE, IS_SPACE, LEMMA, LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc, Span

from jtbd_studio.nlp import resources
from jtbd_studio.nlp.lemmas import (
    KNOWN,
    ORG,
    PERSON,
    PLACE,
    english_ranks,
    english_words,
    lemmatizer,
)

SCORE_PATTERN = 0.6
SCORE_NER = 0.55
SCORE_DICTIONARY = 0.5
SCORE_PRODUCT_LIKE = 0.5
SCORE_QUOTED = 0.45
SCORE_NAME_RUN = 0.45
SCORE_ABBREVIATION = 0.4
SCORE_CAPITALIZED = 0.35
SCORE_INSTITUTION = 0.3
MAX_NAME_TOKENS = 5
MAX_NER_CHARS = 1500
MEMO_LIMIT = 200_000
VERY_COMMON = 1000  # English words this frequent are never names on their own
# What a word form's spelling says, before context: no name, product-like, Latin in Russian text,
# a dictionary organization, an abbreviation, a capitalized known / unknown word.
_NONE, _PRODUCT, _LATIN, _ORG, _ABBREVIATION, _KNOWN, _UNKNOWN = range(7)
_OPENERS = frozenset(["—", "–", "-", "«", '"', "“", "„", "'", "‘", "(", "[", ":", ";", "•", "*", "…"])
_QUOTES_OPEN = frozenset(["«", '"', "“", "„", "'", "‘"])
_QUOTES_CLOSE = frozenset(["»", '"', "”", "“", "'", "’"])
_JOINERS = frozenset({"&", "-", "+", "."})

Candidate = tuple[int, int, float, int]  # start token, end token, score, source id


class Discoverer:
    """Finds candidate competitor names in a doc; called by the `jtbd_competitor` component."""

    def __init__(self, nlp: Language, *, ner: str = "gated") -> None:
        self.lang: str = nlp.lang or "en"
        self.vocab = nlp.vocab
        self.ner_mode = ner if self.lang == "ru" else "off"
        self.stop = resources.words(self.lang, "competitors_stop")
        self.stop_multi = resources.words(self.lang, "competitors_stop", "place")
        triggers = resources.words(self.lang, "competitors_triggers")
        lem = lemmatizer()
        self.triggers: dict[int, list[tuple[str, ...]]] = {}
        for text in triggers:
            lemmas = tuple(lem.lemma(w) for w in text.split())
            self.triggers.setdefault(self.vocab.strings.add(lemmas[-1]), []).append(lemmas)
        records = resources.load_records(self.lang, "competitors_institutions", ("kind", "text"))
        self.institutions = {
            self.vocab.strings.add(str(r["text"])): r["kind"] == "standalone" for r in records
        }
        self.hot = frozenset(self.triggers) | frozenset(self.institutions)
        #: NER verdict per lemma of a capitalized word (True: inside an ORG), so Natasha runs
        #: once per unknown name, not once per sentence that repeats it (context is lost: a
        #: name NER once judged a person stays one).
        self.ner_memo: dict[str, bool] = {}
        self.spellings: dict[str, int] = {}
        self.common = _CommonWords(self.lang)

    def __call__(self, doc: Doc, taken: Iterable[tuple[int, int]] = ()) -> list[Span]:
        if not len(doc):
            return []
        found: list[Candidate] = [(s, e, 2.0, -1) for s, e in taken]  # list matches win
        lemmas = doc.to_array(LEMMA).tolist()
        hot = self.hot
        positions = [i for i, h in enumerate(lemmas) if h in hot]
        if positions:
            found += self._after_triggers(doc, lemmas, positions)
            found += self._institutions(doc, lemmas, positions)
        found += self._by_spelling(doc)
        chosen = [c for c in pick_non_overlapping(found) if c[3] >= 0]
        return [self._span(doc, s, e, score) for s, e, score, _ in chosen]

    # -- usage patterns ----------------------------------------------------------------------
    def _after_triggers(self, doc: Doc, lemmas: list[int], positions: list[int]) -> list[Candidate]:
        found = []
        for i in positions:
            sequences = self.triggers.get(lemmas[i])
            if not sequences or i + 1 >= len(doc) or (doc[i + 1].is_punct and not doc[i + 1].is_quote):
                continue
            if not any(_ends_with(doc, i, seq) for seq in sequences):
                continue
            j = i + 1
            while j < len(doc) and doc[j].text in _QUOTES_OPEN:
                j += 1
            end = self._name_end(doc, j, allow_lower=True)
            if end > j:
                found.append((j, end, SCORE_PATTERN, 1))
        return found

    def _institutions(self, doc: Doc, lemmas: list[int], positions: list[int]) -> list[Candidate]:
        """State bodies and named institutions: «правительство», «Британская полиция».

        Bare head nouns like «университет» count only with a proper modifier: a capitalized or
        a relational (-ский) adjective before, or a capitalized name after.
        """
        found = []
        for i in positions:
            standalone = self.institutions.get(lemmas[i])
            if standalone is None:
                continue
            start = i
            while start > 0 and i - start < 2 and _proper_adjective(doc[start - 1]):
                start -= 1
            end = i + 1
            while end < len(doc) and end - i < 3 and doc[end].text[:1].isupper():
                end += 1
            if standalone or (start, end) != (i, i + 1):
                found.append((start, end, SCORE_INSTITUTION, 9))
        return found

    def _name_end(self, doc: Doc, start: int, *, allow_lower: bool) -> int:
        """End of a name starting at `start` (0 tokens if `start` is no name-like word)."""
        end = start
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            token = doc[end]
            if (
                end > start and token.text in _JOINERS and not token.whitespace_
                and end + 1 < len(doc) and self._name_like(doc[end + 1], allow_lower=False)
            ):
                end += 2  # NEWSru.com, Procter & Gamble
                continue
            if not self._name_like(token, allow_lower=allow_lower and end == start):
                break
            end += 1
        return end

    def _name_like(self, token: Any, *, allow_lower: bool) -> bool:
        text = token.text
        if allow_lower and (not text[:1].isalpha() or _not_a_name(text)):
            return False  # a name starts with a letter («перешли на 2-3 системы» is no name)
        if not any(ch.isalpha() for ch in text) or token.lower_ in self.stop:
            # "Office 365", «Битрикс 24»: a short number continues a name.
            return text.isdigit() and len(text) <= 3
        flags = lemmatizer().analyze(text).flags
        if flags & (PERSON | PLACE) and not flags & ORG:
            return False
        if not text.islower():
            return True
        if self.lang == "ru" and text.isascii():
            return True
        return allow_lower and not flags & KNOWN

    # -- spelling and NER --------------------------------------------------------------------
    def _by_spelling(self, doc: Doc) -> list[Candidate]:
        attrs = doc.to_array([IS_LOWER, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_QUOTE])
        mask = (attrs[:, 0] == 0) & (attrs[:, 1] == 0) & (attrs[:, 2] == 0) & (attrs[:, 3] == 0)
        quotes = attrs[:, 4] == 1
        found: list[Candidate] = []
        gated: set[int] = set()
        i_list = numpy.flatnonzero(mask | quotes).tolist()
        skip_to = -1
        for i in i_list:
            if i < skip_to:
                continue
            candidate = self._classify(doc, i, gated)
            if candidate is not None:
                found.append(candidate)
                skip_to = candidate[1]
        if self.ner_mode != "off":
            found += self._ner(doc, gated)
        return found

    def _classify(self, doc: Doc, i: int, gated: set[int]) -> Candidate | None:
        token = doc[i]
        text = token.text
        if token.is_quote:
            return self._quoted(doc, i) if text in _QUOTES_OPEN else None
        spelling = self.spellings.get(text)
        if spelling is None:
            spelling = self._spelling(text)
        if spelling == _NONE:
            return None
        if spelling == _PRODUCT:
            return i, self._name_end(doc, i, allow_lower=False), SCORE_PRODUCT_LIKE, 2
        if spelling == _LATIN:
            return self._latin_run(doc, i)
        if spelling == _ORG:
            return i, i + 1, SCORE_DICTIONARY, 3
        if spelling == _ABBREVIATION:
            return i, i + 1, SCORE_ABBREVIATION, 4
        initial = is_sentence_initial(doc, i)
        if self.lang != "ru":
            return self._english_capitalized(doc, i, initial, spelling == _KNOWN)
        if initial:
            return None
        verdict = self.ner_memo.get(token.lemma_)
        if verdict is None:
            gated.add(i)
        elif verdict:
            return i, self._name_end(doc, i, allow_lower=False), SCORE_NER, 8
        return None

    def _spelling(self, text: str) -> int:
        """What the spelling of a word form alone says (memoized per form)."""
        if len(self.spellings) > MEMO_LIMIT:
            self.spellings.clear()
        analysis = lemmatizer().analyze(text)
        if _not_a_name(text) or text.lower() in self.stop or (not text[:1].isupper() and not _product_like(text)):
            kind = _NONE
        elif _product_like(text):
            kind = _PRODUCT
        elif self.lang == "ru" and text.isascii():
            kind = _LATIN
        elif analysis.flags & ORG:
            kind = _ORG
        elif text.isupper() and self.lang == "ru" and not analysis.flags & (PLACE | PERSON):
            kind = _ABBREVIATION if len(text) <= 6 else _NONE
        elif analysis.flags & (PERSON | PLACE):
            kind = _NONE
        else:
            kind = _KNOWN if analysis.flags & KNOWN else _UNKNOWN
        self.spellings[text] = kind
        return kind

    def _latin_run(self, doc: Doc, i: int) -> Candidate | None:
        """Latin words inside Russian text: a brand, unless they are ordinary English words
        («Churn Rate», «Jobs to Be Done») or a lower-case word."""
        end = i + 1
        while end < len(doc) and end - i < MAX_NAME_TOKENS and _latin_word(doc[end].text):
            end += 1
        words = [t.lower_ for t in doc[i:end] if t.is_alpha]
        if doc[i].is_lower or (len(words) > 1 and all(w in english_words() for w in words)):
            return None
        return i, end, SCORE_PRODUCT_LIKE, 2

    def _english_capitalized(self, doc: Doc, i: int, initial: bool, known: bool) -> Candidate | None:
        if initial or not doc[i].text[:1].isupper():
            return None
        end = self._name_end(doc, i, allow_lower=False)
        if end - i >= 2:
            words = {t.lower_ for t in doc[i:end]}
            if words & self.stop or doc[i : end].text.lower() in self.stop_multi:
                return None
            return i, end, SCORE_NAME_RUN, 5
        if doc[i].text.isupper() or english_ranks().get(doc[i].lower_, VERY_COMMON) < VERY_COMMON:
            # An acronym (in English speech mostly a term: PDP, ICE), or one of the most
            # frequent words ("So", "The", "Think"): a missed sentence start, not a name.
            return None
        # Mid-sentence capitals mark proper names even on common words (Amazon, Uber).
        return i, i + 1, SCORE_CAPITALIZED, 6

    def _quoted(self, doc: Doc, i: int) -> Candidate | None:
        j = i + 1
        while j < len(doc) and j - i <= MAX_NAME_TOKENS and doc[j].text not in _QUOTES_CLOSE:
            j += 1
        if j >= len(doc) or j == i + 1 or j - i > MAX_NAME_TOKENS:
            return None
        first = doc[i + 1].text
        if not (first[:1].isupper() or first[:1].isdigit()):
            return None
        analysis = lemmatizer().analyze(first)
        if analysis.flags & PERSON or analysis.pos not in ("NOUN", "PROPN", "X", "NUM", ""):
            return None  # «Отменить подписку», «Спящие», «Роберта»: a quote, not a name
        if any(t.is_sent_start or t.text in ".!?" for t in doc[i + 2 : j]):
            return None
        return i + 1, j, SCORE_QUOTED, 7

    def _ner(self, doc: Doc, gated: set[int]) -> list[Candidate]:
        """Natasha ORG spans in the sentences that hold a gated word (or all, in mode "all")."""
        if self.ner_mode == "all":
            sentences = list(doc.sents)
        else:
            sentences = list({doc[i].sent.start: doc[i].sent for i in sorted(gated)}.values())
        sentences = [s for s in sentences if len(s.text) <= MAX_NER_CHARS]
        if not sentences:
            return []
        found = []
        for sent, markup in zip(sentences, natasha_ner().map([s.text for s in sentences]), strict=True):
            for entity in markup.spans:
                if entity.type != "ORG":
                    continue
                span = doc.char_span(
                    sent.start_char + entity.start, sent.start_char + entity.stop,
                    alignment_mode="expand",
                )
                if span is not None and span.text.lower() not in self.stop:
                    found.append((span.start, span.end, SCORE_NER, 8))
        self._remember(doc, gated, found)
        return found

    def _remember(self, doc: Doc, gated: set[int], found: list[Candidate]) -> None:
        if len(self.ner_memo) > MEMO_LIMIT:
            self.ner_memo.clear()
        inside = {i for start, end, _, _ in found for i in range(start, end)}
        for i in gated:
            self.ner_memo[doc[i].lemma_] = i in inside

    def _span(self, doc: Doc, start: int, end: int, score: float) -> Span:
        span = Span(doc, start, end, label=discovered_label(doc[start:end]))
        span._.score = score
        span._.key = " ".join(t.lemma_ for t in span if not t.is_punct) or span.text.lower()
        return span


class _CommonWords:
    """`lemma in common`: a lower-case word the dictionary knows (cheap, cached per lemma)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.seen: dict[str, bool] = {}

    def __contains__(self, lemma: object) -> bool:
        word = str(lemma)
        hit = self.seen.get(word)
        if hit is None:
            if len(self.seen) > MEMO_LIMIT:
                self.seen.clear()
            hit = self.seen[word] = bool(lemmatizer().analyze(word).flags & KNOWN)
        return hit


def discovered_label(span: Span) -> str:
    """A readable name: one Russian word in its dictionary form («Сбера» -> Сбер), else as is."""
    if len(span) == 1 and span[0].is_alpha and not span[0].is_ascii:
        lemma, text = span[0].lemma_, span[0].text
        if text.isupper():
            return lemma.upper()
        return lemma[:1].upper() + lemma[1:] if text[:1].isupper() else lemma
    return span.text


@functools.cache
def natasha_ner() -> Any:
    """Natasha's news NER tagger; its model and embeddings ship inside the package (offline)."""
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def is_sentence_initial(doc: Doc, i: int) -> bool:
    """Is token i the first word of its sentence, a line, or a quote or a dialogue line?"""
    j = i - 1
    while j >= 0 and (doc[j].text in _OPENERS or (doc[j].is_space and "\n" not in doc[j].text)):
        if doc[j].is_sent_start:
            return True
        j -= 1
    return j < 0 or doc[i].is_sent_start or doc[j].text in ".!?…" or "\n" in doc[j].text


def _proper_adjective(token: Any) -> bool:
    return token.pos_ == "ADJ" and (
        token.text[:1].isupper() or token.lemma_.endswith(("ский", "цкий"))
    )


def _not_a_name(text: str) -> bool:
    """Too short, no letters, a hyphenated prefix (SaaS-), an initial (Б.Обама) or XXXX."""
    letters = [ch for ch in text if ch.isalpha()]
    return (
        len(letters) < 2 or text.endswith("-") or len(set(text.lower())) == 1
        or (text.endswith("s") and text[:-1].isupper())  # PDPs, OEMs: plural acronyms
        or (len(text) > 2 and text[1] == "." and text[0].isupper())
    )


def _latin_word(text: str) -> bool:
    return text.isascii() and any(ch.isalpha() for ch in text) and text[:1].isalnum()


def _product_like(text: str) -> bool:
    """CamelCase, inner capitals or letters with digits: HubSpot, iPhone, amoCRM, Bitrix24."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    inner_upper = any(ch.isupper() for ch in text[1:]) and any(ch.islower() for ch in text)
    with_digits = any(ch.isdigit() for ch in text) and text[:1].isalpha()
    return inner_upper or (with_digits and len(letters) >= 2)


def _ends_with(doc: Doc, i: int, lemmas: tuple[str, ...]) -> bool:
    start = i - len(lemmas) + 1
    if start < 0:
        return False
    return all(doc[start + k].lemma_ == lemma for k, lemma in enumerate(lemmas))


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
