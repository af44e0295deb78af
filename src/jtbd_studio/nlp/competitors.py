"""The `jtbd_competitor` component: the study's list matched in every form, plus discovery.

A word form is compared with the list once per process (exact, lemma, version or suffix,
transliteration, misspelling) and the verdict memoized by its hash; per document only a dict
lookup per token remains. Ambiguous names ("edge", «хром») need evidence from the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from spacy.language import Language
from spacy.tokens import Doc, Span

from jtbd_studio.nlp import resources
from jtbd_studio.nlp.discovery import Discoverer, is_sentence_initial, pick_non_overlapping
from jtbd_studio.nlp.found import LISTED_SCORE
from jtbd_studio.nlp.lemmas import CYRILLIC_WORD, KNOWN, LATIN_WORD, ORG, lemmatizer
from jtbd_studio.nlp.spans import SPAN_GROUPS, set_group, set_span_values
from jtbd_studio.nlp.translit import skeleton
from jtbd_studio.nlp.view import FormChain, doc_view

GROUP = SPAN_GROUPS["competitor"]
#: A well-known product's mention scores this share of a listed one's (0.98 -> 0.59): a
#: discovery score, below every study-list match.
KNOWN_FACTOR = 0.6
_UNSEEN: list[FormHit] = []  # sentinel: a form not compared with the list yet
MEMO_LIMIT = 400_000
# IE11, Chrome'а, Slack-е, Office365: a listed name plus a version or a case suffix.
_SUFFIXED = re.compile(r"(.+?)(?:[-_]?v?\d[\d.]*|['’][a-zа-яё]{1,3}|-[а-яё]{1,3})")
# A singular verb or an auxiliary after a sentence-initial ambiguous name ("Edge keeps...").
_EN_VERBISH = frozenset(
    ["is", "was", "has", "had", "does", "did", "can", "could", "would", "will", "won't", "can't", "doesn't", "didn't", "isn't", "wasn't", "just", "never", "always", "also", "still", "keeps", "kept", "crashed", "crashes", "froze", "freezes", "works", "worked", "sucks", "lags", "loads", "loaded"]
)
_REJECT_AFTER = {"en": frozenset({"of", "case", "cases"}), "ru": frozenset()}
# The joints of a multi-word name written as one word: «гугл-таблицах», "Google-Sheets".
_JOINT = re.compile(r"[-_‐‑]")
_HYPHENS = frozenset("-‐‑")
_CASE_ENDINGS = ("ами", "ями", "ах", "ях", "ам", "ом", "ой", "ов", "а", "у", "е", "ы", "и")


@dataclass(frozen=True, slots=True)
class FormHit:
    """A word form that names (or starts the name of) a listed competitor."""

    competitor: int
    score: float
    guarded: bool  # an ambiguous word: needs evidence from the context
    upper_only: bool  # a short all-caps alias ("IE"): the text must be upper case too
    rest: tuple[str, ...] = ()  # the remaining words of a multi-word alias


@Language.factory(
    "jtbd_competitor",
    assigns=["doc.spans", "span._.score", "span._.key"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={"competitors": [], "discover": True, "ner": "gated"},
)
def make_competitor(
    nlp: Language, name: str, competitors: list[list[Any]], discover: bool, ner: str
) -> CompetitorMatcher:
    return CompetitorMatcher(nlp, competitors, discover=discover, ner=ner)


class CompetitorMatcher:
    """Writes list matches (score >= LISTED_SCORE, 0.9) and discovered names (score <= 0.6) to
    doc.spans."""

    def __init__(
        self, nlp: Language, competitors: list[list[Any]], *, discover: bool, ner: str,
        approximate: bool = True, score_factor: float = 1.0,
    ) -> None:
        self.lang: str = nlp.lang or "en"
        self.vocab = nlp.vocab
        self.names = [str(name) for name, _ in competitors]
        self.aliases = {i: [str(name), *map(str, aliases)] for i, (name, aliases) in enumerate(competitors)}
        self.ambiguous = resources.words(self.lang, "competitors_ambiguous")
        self.makers = resources.words(self.lang, "competitors_makers")
        self.usage = frozenset(
            lemmatizer().lemma(t.split()[-1]) for t in resources.words(self.lang, "competitors_triggers")
        ) | {"in", "with", "via", "в", "через", "с"}
        self.exact: dict[str, list[FormHit]] = {}
        self.skeletons: dict[str, int] = {}
        #: a multi-word spelling written as one word, with its last word as is or lemmatized:
        #: "googlesheets", «гуглтаблица» (from «гугл таблицы») -> the competitor
        self.joined: dict[str, int] = {}
        self._index(nlp)
        #: misspellings, and transliterations of any word; without it only of an unknown
        #: Cyrillic word
        self.approximate = approximate
        self.fuzzy_keys = (
            sorted(k for k in self.exact if len(k) >= 5 and " " not in k) if approximate else []
        )
        self.score_factor = score_factor
        self.memo: dict[int, list[FormHit] | None] = {}
        self.unlisted: set[int] = set()  # the forms of memo that name no competitor
        self.listed: set[int] = set()  # and those that may (a handful)
        self.chain = FormChain()  # memo holds every form of the doc: no test needed
        self.discoverer = Discoverer(nlp, ner=ner) if discover else None
        #: well-known products, proposed by name when discovering: matched as a list is (every
        #: form, ambiguity guards) but not misspelled nor transliterated from a known word, with
        #: a discovery score
        products = resources.known_products() if discover else ()
        self.known = CompetitorMatcher(
            nlp, [[name, list(aliases)] for name, aliases in products], discover=False, ner=ner,
            approximate=False, score_factor=KNOWN_FACTOR,
        ) if products else None

    # -- building the index ------------------------------------------------------------------
    def _index(self, nlp: Language) -> None:
        for i, spellings in self.aliases.items():
            for spelling in spellings:
                words = [t.text for t in nlp.make_doc(spelling) if not t.is_space]
                if not words:
                    continue
                guarded = self._is_ambiguous(spelling, words)
                upper_only = len(spelling) <= 3 and spelling.isupper() and spelling.isalpha()
                first, rest = words[0].lower(), tuple(w.lower() for w in words[1:])
                hit = FormHit(i, 0.98, guarded, upper_only, rest)
                for key in {first, lemmatizer().lemma(first)}:
                    self.exact.setdefault(key, []).append(hit)
                if not rest and len(skeleton(first)) >= 4:
                    self.skeletons.setdefault(skeleton(first), i)
                if rest:  # written joined, a name of ordinary words is no longer ambiguous
                    for last in dict.fromkeys((rest[-1], lemmatizer().lemma(rest[-1]))):
                        self.joined.setdefault(first + "".join(rest[:-1]) + last, i)

    def _is_ambiguous(self, spelling: str, words: list[str]) -> bool:
        lower = spelling.lower()
        if lower in self.ambiguous:
            return True
        analyses = [lemmatizer().analyze(w) for w in words]
        return all(a.flags & KNOWN and not a.flags & ORG for a in analyses) and all(
            w.isalpha() for w in words
        )

    # -- per word form -----------------------------------------------------------------------
    def _learn(self, lower_hash: int) -> list[FormHit] | None:
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
            self.unlisted.clear()
            self.listed.clear()
            self.chain.forget()
        hits = self._match_form(self.vocab.strings[lower_hash])
        self.memo[lower_hash] = hits
        (self.listed if hits else self.unlisted).add(lower_hash)
        return hits

    def _match_form(self, lower: str) -> list[FormHit] | None:
        if lower in self.exact:
            return self.exact[lower]
        analysis = lemmatizer().analyze(lower)
        if analysis.lemma in self.exact:
            return [h for h in self.exact[analysis.lemma] if h.score > 0]
        m = _SUFFIXED.fullmatch(lower)
        if m and m.group(1) in self.exact:
            return [_with(h, 0.95, upper_only=False) for h in self.exact[m.group(1)] if not h.rest]
        joined = self._joined(lower)
        if joined is not None:
            return [FormHit(joined, 0.95, False, False)]
        is_word = bool(CYRILLIC_WORD.fullmatch(lower) or LATIN_WORD.fullmatch(lower))
        if not is_word or len(lower) < 4:
            return None
        # From here on the match is approximate: a dictionary word needs context evidence.
        known = bool(analysis.flags & KNOWN) and not analysis.flags & ORG
        if not self.approximate and (known or not CYRILLIC_WORD.fullmatch(lower)):
            return None  # only a Cyrillic spelling of a name («Трелло»), never an English word
        for form in (lower, analysis.lemma):
            i = self.skeletons.get(skeleton(form))
            if i is not None:
                return [FormHit(i, 0.93, known, False)]
        if known or len(lower) < 5 or not self.fuzzy_keys:
            return None
        return self._misspelling(lower, analysis.lemma)

    def _joined(self, lower: str) -> int | None:
        """The competitor whose multi-word spelling this one word writes joined up: at its
        joints («гугл-таблицах», "google-sheets") or with none ("googlesheets", «мойскладе»,
        unless that is a dictionary word)."""
        if not self.joined:
            return None
        parts = _JOINT.split(lower)
        if not all(parts):
            return None
        head, last = "".join(parts[:-1]), parts[-1]
        ends = [last, lemmatizer().lemma(last)]
        if len(parts) == 1:
            if lemmatizer().analyze(lower).flags & KNOWN:
                return None
            # an unknown word's case ending: «МойСкладе», «ГуглТаблицах»
            ends += [last[: -len(e)] for e in _CASE_ENDINGS if last.endswith(e) and len(last) > len(e) + 3]
        for end in dict.fromkeys(ends):
            i = self.joined.get(head + end)
            if i is not None:
                return i
        return None

    def _misspelling(self, lower: str, lemma: str) -> list[FormHit] | None:
        for query in dict.fromkeys((lower, lemma)):
            allowed = 1 if len(query) <= 7 else 2
            best = process.extractOne(
                query, self.fuzzy_keys, scorer=Levenshtein.distance, score_cutoff=allowed
            )
            if best is not None and best[0][0] == query[0]:
                return [_with(h, LISTED_SCORE, upper_only=False) for h in self.exact[best[0]] if not h.rest]
        return None

    # -- per document ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = self._listed(doc) if self.names else []
        if self.discoverer is not None:
            if self.known is not None:
                used = {i for s in spans for i in range(s.start, s.end)}
                known = self.known._listed(doc)
                spans += [s for s in known if used.isdisjoint(range(s.start, s.end))]
            taken = [(s.start, s.end) for s in spans]
            spans += self.discoverer(doc, taken)
        spans.sort(key=lambda s: s.start)
        set_group(doc, GROUP, spans)
        return doc

    def _listed(self, doc: Doc) -> list[Span]:
        view = doc_view(doc)
        lower = view.lower
        positions: Iterable[int]
        if self.chain.knows_all(view):
            if self.listed.isdisjoint(view.words):
                return []  # in C, over the few listed forms: most docs name no competitor
            # every form of the doc is judged: only the listed ones can name one, found in a
            # set of a handful, not each form looked up in the memo of every form seen
            positions = view.places(self.listed, on_lower=True)
        elif self.unlisted.issuperset(lower):
            return []  # in C: the doc holds only forms known to name no competitor
        else:
            positions = range(len(lower))
        memo, learn = self.memo, self._learn
        found: list[tuple[int, int, float, int]] = []
        for i in positions:
            h = lower[i]
            hits = memo.get(h, _UNSEEN)
            if hits is _UNSEEN:
                hits = learn(h)
            if hits:
                match = self._confirm(doc, i, hits)
                if match is not None:
                    found.append(match)
        chosen = pick_non_overlapping(found)
        return [self._span(doc, start, end, score, i) for start, end, score, i in chosen]

    def _confirm(self, doc: Doc, i: int, hits: list[FormHit]) -> tuple[int, int, float, int] | None:
        for hit in sorted(hits, key=lambda h: -len(h.rest)):
            end = self._rest_end(doc, i + 1, hit.rest) if hit.rest else i + 1
            if end < 0:
                continue
            token = doc[i]
            if hit.upper_only and not token.text.isupper():
                continue
            if hit.guarded and not self._evidence(doc, i, end):
                continue
            start = i - 1 if i > 0 and doc[i - 1].lower_ in self.makers else i
            return start, end, hit.score, hit.competitor
        return None

    def _rest_end(self, doc: Doc, i: int, rest: tuple[str, ...]) -> int:
        """The end of the other words of a multi-word name from token `i`, or -1; a hyphen
        between two words without spaces joins them as a space would ("Google-Sheets")."""
        for word in rest:
            if i + 1 < len(doc) and doc[i].text in _HYPHENS and not doc[i - 1].whitespace_:
                if doc[i].whitespace_:
                    return -1
                i += 1
            if i >= len(doc):
                return -1
            t = doc[i]
            if not (t.lower_ == word or t.lemma_ == word or t.lemma_ == lemmatizer().lemma(word)):
                return -1
            i += 1
        return i

    def _evidence(self, doc: Doc, start: int, end: int) -> bool:
        """Does the context show that an ambiguous word names the product?"""
        if end < len(doc) and doc[end].lower_ in _REJECT_AFTER.get(self.lang, ()):
            return False
        if start > 0 and doc[start - 1].lemma_ in self.usage:
            return True
        token = doc[start]
        if not token.text[:1].isupper():
            return False
        if not is_sentence_initial(doc, start):
            return True
        if end >= len(doc):
            return False
        after = doc[end]
        if after.lower_ in ("'s", "’s"):
            return True
        if self.lang == "ru":
            return after.pos_ in ("VERB", "ADV")
        return after.lower_ in _EN_VERBISH or (after.is_lower and after.lower_.endswith(("ed", "es")))

    def _span(self, doc: Doc, start: int, end: int, score: float, competitor: int) -> Span:
        name = self.names[competitor]
        span = Span(doc, start, end, label=name)
        score = round(score * self.score_factor, 3)
        set_span_values(span, SPAN_GROUPS["competitor"], score=score, key=name.lower())
        return span


def _with(hit: FormHit, score: float, *, upper_only: bool) -> FormHit:
    return FormHit(hit.competitor, min(hit.score, score), hit.guarded, upper_only, hit.rest)
