"""Competitor discovery without a list: names of companies, products, services and brands.

Evidence, strongest first: a usage pattern («перешли на X», "switched to X"), Natasha NER
(Russian; run only on sentences that hold a candidate name), organization/trademark entries in
the pymorphy3 dictionary, quoted names, product-like spelling (Latin inside Russian text,
CamelCase, letters with digits) and, in English, capitalized names inside a sentence, all-caps
names of four letters or more (the rest of the English rules are in `discovery_en`). Sentence
starts, person names, places, months and stop-listed words are not candidates.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from jtbd_studio.errors import InputFileError
from jtbd_studio.nlp import discovery_en as en
from jtbd_studio.nlp import resources
from jtbd_studio.nlp.discovery_words import (
    Candidate,
    TermHolds,
    TriggerList,
    ends_with,
    form_positions,
    latin_word,
    not_a_name,
    pick_non_overlapping,
    product_like,
    triggers_by_previous,
)
from jtbd_studio.nlp.lemmas import (
    KNOWN,
    ORG,
    PERSON,
    PLACE,
    english_words,
    lemmatizer,
)
from jtbd_studio.nlp.spans import SPAN_GROUPS, set_span_values
from jtbd_studio.nlp.view import OPENING_QUOTES, DocView, FormChain, doc_view

SCORE_PATTERN = 0.6
SCORE_NER = 0.55
SCORE_DICTIONARY = 0.5
SCORE_PRODUCT_LIKE = 0.5
SCORE_QUOTED = 0.45
SCORE_ABBREVIATION = 0.4
SCORE_INSTITUTION = 0.3
#: A run of ordinary English words inside Russian text: «Business Booster», but also a term
#: such as «Churn Rate»; spelling alone cannot tell them apart.
SCORE_ENGLISH_WORDS = 0.35
MAX_NAME_TOKENS = 5
#: Lower-case words between an institution's head noun and the name that makes it one.
MAX_COMPLEMENT = 3
MAX_NER_CHARS = 1500
#: The entity labels of a trained spaCy pipeline's `ner` taken as names (OntoNotes' ORG and
#: PRODUCT in English pipelines, ORG in Russian ones).
MODEL_LABELS = frozenset({"ORG", "PRODUCT"})
MEMO_LIMIT = 200_000
# What a word form's spelling says, before context: no name, product-like, Latin in Russian text,
# a dictionary organization, an abbreviation, a capitalized known / unknown word.
_NONE, _PRODUCT, _LATIN, _ORG, _ABBREVIATION, _KNOWN, _UNKNOWN = range(7)
#: The parts of speech a dictionary word can have and still begin a name («Пачка», «Британская»).
_NAMING_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X", ""})
_NO_SPANS: list[tuple[int, int]] = []  # the verdict of most sentences (shared, never changed)
_QUOTE = 7  # an opening quote: a quoted name may follow
_OPENERS = frozenset(["—", "–", "-", "«", '"', "“", "„", "'", "‘", "(", "[", ":", ";", "•", "*", "…"])
_QUOTES_OPEN = OPENING_QUOTES
_QUOTES_CLOSE = frozenset(["»", '"', "”", "“", "'", "’"])
_JOINERS = frozenset({"&", "-", "+", "."})
#: Marks that may stand between a UI word and the control it names: a quote, a dash, a colon
#: (not a full stop or a comma: "… in the menu. HubSpot does it better" names a product).
_UI_MARKS = _QUOTES_OPEN | frozenset({"-", "—", "–", ":"})
# How strongly a trigger says "a name follows" (the `kind` of its record; Russian has only
# "trigger"): a switch admits a lower-case word or a short acronym, usage a lower-case word,
# a filler ("like X") only a word already spelled like a name.
_FILLER, _USAGE, _SWITCH = range(3)
_STRENGTH = {"filler": _FILLER, "usage": _USAGE, "switch": _SWITCH, "trigger": _SWITCH}
#: How many words after a name the verb of an inverted trigger may stand («с Битрикса мы ушли»).
INVERTED_WINDOW = 3
#: Stop-file kinds that are parts of job titles, not stop words on their own ("Product Hunt").
_TITLE_PARTS = ("department", "role")


def _plain_adjective(text: str) -> bool:
    """A lower-case adjective the dictionary knows («бесплатном», «новый»): it may stand between
    a trigger and a name."""
    if not text.islower():
        return False
    analysis = lemmatizer().analyze(text)
    return analysis.pos == "ADJ" and bool(analysis.flags & KNOWN)


def job_titles(departments: frozenset[str], roles: frozenset[str]) -> frozenset[str]:
    """"sales director", "head of sales", "vp of sales": every department with every role."""
    return frozenset(
        title
        for department in departments
        for title in (
            *(f"{department} {role}" for role in roles if role != department),
            f"head of {department}",
            f"vp of {department}",
        )
    )



class Discoverer:
    """Finds candidate competitor names in a doc; called by the `jtbd_competitor` component."""

    def __init__(self, nlp: Language, *, ner: str = "gated") -> None:
        self.lang: str = nlp.lang or "en"
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer
        #: a trained pipeline's `ner` ran before us: its entities stand in for Natasha's (in
        #: English, where discovery has no NER of its own, in every sentence)
        self.model_ner = "ner" in nlp.pipe_names
        self.ner_mode = ner if self.lang == "ru" or self.model_ner else "off"
        stop = resources.load_records(self.lang, "competitors_stop", ("text",))
        self.stop = frozenset(
            str(r["text"]).lower() for r in stop if r.get("kind") not in _TITLE_PARTS
        ) | resources.words(self.lang, "competitors_abbreviations")
        #: names of several words that name no competitor: places ("New York"), the terms of
        #: the research and of business metrics ("Customer Journey Map", "Churn Rate") and job
        #: titles made of a department and a role ("Sales Director", "Head of Marketing")
        self.terms = resources.words(self.lang, "competitors_stop", "term") | job_titles(
            resources.words(self.lang, "competitors_stop", "department"),
            resources.words(self.lang, "competitors_stop", "role"),
        )
        self.term_holds = TermHolds(self.terms, self.tokenizer, self.vocab.strings)
        self.stop_multi = resources.words(self.lang, "competitors_stop", "place") | self.terms
        #: nouns of a product's own screens and controls: a name right after one («экран
        #: «Воронка»», "the Deals tab") or ending on one ("the Pipeline View") names a part of
        #: the product, not a product
        self.ui_nouns = frozenset(
            self.vocab.strings.add(w) for w in resources.words(self.lang, "competitors_stop", "ui")
        )
        #: verbs of clicking: a name right after one is a menu item or a button («Нажимаем
        #: File», "click Export")
        self.ui_before = self.ui_nouns | frozenset(
            self.vocab.strings.add(w)
            for w in resources.words(self.lang, "competitors_stop", "ui_verb")
        )
        #: last lemma -> (lemma hashes of the phrase, strength), strongest first
        self.triggers: dict[int, TriggerList] = {}
        #: last lemma -> phrases ending in a trigger word that open a clause, not a name
        #: ("feel like": "I feel like Robotics is the future")
        self.clause_openers: dict[int, list[list[int]]] = {}
        #: trigger phrases only a tool follows («вести в», «пользоваться»; not «уйти в», «работать
        #: в»): after one, a word pymorphy only guesses to be a place is a brand («вели в Пайрусе»)
        self.tools_only: set[tuple[int, ...]] = set()
        #: words that may stand between a tools-only phrase's verb and its preposition: «вели
        #: всё в …», «ведём сделки в …», «сидели всей командой в …»
        self.gap_words = frozenset(
            self.vocab.strings.add(w) for w in resources.words(self.lang, "competitors_stop", "gap")
        )
        for r in resources.load_records(self.lang, "competitors_triggers", ("text",)):
            lemmas = self.phrase_lemmas(str(r["text"]))
            if r.get("tools_only"):
                self.tools_only.add(tuple(lemmas))
            if r.get("kind") == "clause":
                self.clause_openers.setdefault(lemmas[-1], []).append(lemmas)
                continue
            strength = _STRENGTH.get(str(r.get("kind", "trigger")), -1)
            if strength < 0:
                path = resources.lexicon_path(self.lang, "competitors_triggers")
                raise InputFileError(path, f"unknown trigger kind {r.get('kind')!r}")
            self.triggers.setdefault(lemmas[-1], []).append((lemmas, strength))
        for sequences in self.triggers.values():
            sequences.sort(key=lambda seq: -seq[1])
        self.trigger_index = {last: triggers_by_previous(seqs) for last, seqs in self.triggers.items()}
        #: trigger words that go to someone («уйти к»): a guessed surname after them is a person
        self.to_someone = frozenset(self.vocab.strings.add(w) for w in ("к", "ко"))
        records = resources.load_records(self.lang, "competitors_institutions", ("kind", "text"))
        self.institutions = {
            self.vocab.strings.add(str(r["text"])): r["kind"] == "standalone" for r in records
        }
        self.english = en.EnglishEvidence(nlp, self) if self.lang == "en" else None
        persons = self.english.cues if self.english else {}
        self.hot = frozenset(self.triggers) | frozenset(self.institutions) | frozenset(persons)
        #: trigger words that end only phrases of two words or more ("на" of «перейти на»)
        #: -> the words before them: in a doc without one of those, they trigger nothing
        self.paired = {
            last: frozenset(by_previous)
            for last, (by_previous, short) in self.trigger_index.items()
            if not short and last not in self.institutions and last not in persons
        }
        #: Natasha's ORG spans in a sentence (as token offsets from its start), keyed by a
        #: 64-bit hash of its forms and spacing. A verdict depends on its sentence alone, so the
        #: memo changes how fast a doc is read, never what is found in it: a doc gives the same
        #: names whatever was analyzed before it, in one process or several.
        self.ner_verdicts: dict[int, list[tuple[int, int]]] = {}
        self.spellings: dict[str, int] = {}
        self.orth_kinds: dict[int, int] = {}
        #: the forms whose kind is not _NONE: they may start a candidate
        self.starters: set[int] = set()
        self.judged: set[int] = set()  # the keys of orth_kinds, as a set for C set tests
        self.chain = FormChain()  # orth_kinds holds every form of the doc: no test needed

    def __call__(self, doc: Doc, taken: Iterable[tuple[int, int]] = ()) -> list[Span]:
        if not len(doc):
            return []
        found: list[Candidate] = [(s, e, 2.0, -1) for s, e in taken]  # list matches win
        view = doc_view(doc)
        lemmas = view.lemma  # read only
        positions = self._hot_positions(view)
        if positions:
            found += self._after_triggers(doc, lemmas, positions)
            found += self._institutions(doc, lemmas, positions)
        seen = en.Seen()
        found += self._by_spelling(doc, view, seen)
        if self.english is not None:
            found = self.english.in_context(doc, found, seen, lemmas, positions, view.segments)
        if not found:
            return []  # most docs name nothing
        if self.ui_before and not self.ui_before.isdisjoint(view.words):
            part = self._part_of_the_product
            found = [c for c in found if c[3] < 0 or not part(view, c[0], c[1])]
        chosen = [c for c in pick_non_overlapping(found) if c[3] >= 0]
        return [self._span(doc, s, e, score) for s, e, score, _ in chosen]

    def _part_of_the_product(self, view: DocView, start: int, end: int) -> bool:
        """Whether a UI noun («экран», "tab") or a verb of clicking («нажимаем», "click")
        stands just before the name (up to two marks between them: a quote, a dash, a colon —
        «кнопку - Create new Sprite», «пункт: Cursor to Center»), a UI noun ends a name of two
        words or more ("Pipeline View"), or follows a name of ordinary words ("the Deals tab";
        not "the GitHub page")."""
        before = start - 1
        while before >= 0 and start - before <= 3 and (
            view.space[before] or view.text(before) in _UI_MARKS
        ):
            before -= 1
        if before >= 0 and view.has(self.ui_before, before):
            return True
        if end - start >= 2 and view.has(self.ui_nouns, end - 1):
            return True
        if end >= len(view.lemma) or not view.has(self.ui_nouns, end):
            return False
        if any(product_like(view.strings[view.orth[i]]) for i in range(start, end)):
            return False  # spelled as a brand: "GitHub"
        if self.lang == "en":
            return all(view.text(i) in english_words() for i in range(start, end))
        return all(lemmatizer().analyze(view.text(i)).flags & KNOWN for i in range(start, end))

    def _hot_positions(self, view: DocView) -> list[int]:
        """The positions of trigger words, institutions and person cues, less the trigger words
        whose phrases cannot be complete in the doc (no «перейти» for the «на» of «перейти на»).
        """
        hot = self.hot
        if hot.isdisjoint(view.lemma):  # a set test in C first: most docs hold no hot word
            return []
        paired, words = self.paired, view.words
        wanted = {
            lemma for lemma in hot.intersection(view.lemma)
            if lemma not in paired or not paired[lemma].isdisjoint(words)
        }
        return view.places(wanted, on_lower=False)

    def phrase_lemmas(self, phrase: str) -> list[int]:
        """Lemma hashes of a lexicon phrase, tokenized as documents are ("we're" -> we, 're)."""
        add = self.vocab.strings.add
        return [add(lemmatizer().lemma(t.lower_)) for t in self.tokenizer(phrase) if not t.is_space]

    # -- usage patterns ----------------------------------------------------------------------
    def _after_triggers(self, doc: Doc, lemmas: list[int], positions: list[int]) -> list[Candidate]:
        found = []
        for i in positions:
            index = self.trigger_index.get(lemmas[i])
            if not index or i + 1 >= len(doc) or (doc[i + 1].is_punct and not doc[i + 1].is_quote):
                continue
            by_previous, short = index
            sequences = by_previous.get(lemmas[i - 1], short) if i else short
            matched = next(((seq, s) for seq, s in sequences if ends_with(lemmas, i, seq)), None)
            if matched is None and i >= 2 and lemmas[i - 1] in self.gap_words:
                matched = self._across_object(lemmas, i, by_previous, short)
            strength = -1 if matched is None else matched[1]
            # Russian word order: «с Битрикса ушли», «на амо перешли» (the verb after the name)
            inverted = strength < 0 and self.lang == "ru"
            if (strength < 0 and not inverted) or any(
                ends_with(lemmas, i, seq) for seq in self.clause_openers.get(lemmas[i], ())
            ):
                continue
            j = i + 1
            while j < len(doc) and doc[j].text in _QUOTES_OPEN:
                j += 1
            if j >= len(doc) or ((strength == _FILLER or inverted) and doc[j].is_lower):
                continue
            if self.lang == "ru" and not inverted and j + 1 < len(doc) and _plain_adjective(doc[j].text):
                j += 1  # «сидели на бесплатном хабспоте», «перешли на новый Битрикс»
            if not (doc[j].text[:1].isalpha() or product_like(doc[j].text)) or not_a_name(doc[j].text):
                continue  # a name starts with a letter («перешли на 2-3 системы», "like 30"), or is «1С»
            if strength < _SWITCH and en.short_acronym(doc[j].text):
                continue  # "we use SQL", "like PDP": in speech mostly a term
            # after a trigger a surname pymorphy only guesses is a brand («съехали с Трелло»),
            # unless the trigger goes to someone («ушли к Сидоренко»)
            trusted = self.lang == "ru" and lemmas[i] not in self.to_someone
            place = matched is not None and tuple(matched[0]) in self.tools_only
            end = self.name_end(
                doc, j, allow_lower=strength > _FILLER, guessed_person=trusted, guessed_place=place
            )
            if inverted and (
                self._spelling(doc[j].text) in (_NONE, _KNOWN)  # «С Нового года ушли в отпуск»
                or self._verb_after(lemmas, doc_view(doc).punct, lemmas[i], end) < 0
            ):
                continue
            if end > j and not self._place_name(doc, j, end):
                found.append((j, end, SCORE_PATTERN, 1))
        return found

    def _across_object(
        self, lemmas: list[int], i: int, by_previous: dict[int, TriggerList], short: TriggerList
    ) -> tuple[list[int], int] | None:
        """A tools-only phrase of two words or more whose last two stand one object word apart
        («вели всё в …», «ведём сделки в …»), or None."""
        skipped = [*lemmas[: i - 1], lemmas[i]]  # the list without the object word
        for seq, strength in by_previous.get(lemmas[i - 2], short):
            if len(seq) > 1 and tuple(seq) in self.tools_only and ends_with(skipped, i - 1, seq):
                return seq, strength
        return None

    def _verb_after(self, lemmas: list[int], punct: list[int], preposition: int, end: int) -> int:
        """The strength of a two-word trigger «VERB PREPOSITION» whose verb follows the name
        ending at `end` within INVERTED_WINDOW words of its clause, or -1."""
        verbs = {seq[0]: strength for seq, strength in self.triggers[preposition] if len(seq) == 2}
        for k in range(end, min(end + INVERTED_WINDOW, len(lemmas))):
            if punct[k]:
                break
            if lemmas[k] in verbs:
                return verbs[lemmas[k]]
        return -1

    def _place_name(self, doc: Doc, start: int, end: int) -> bool:
        """Is the name at start..end, or it with the next word or two, a place ("New York")?
        In Russian, one adjective before a capitalized place name is part of it («в Нижний
        Новгород», «Набережные Челны»; not «Сбербанк России»: a noun first)."""
        last = min(end + 2, len(doc))
        if any(doc[start:k].text.lower() in self.stop_multi for k in range(end, last + 1)):
            return True
        if self.lang != "ru" or end - start != 1 or end >= len(doc) or not doc[end].text[:1].isupper():
            return False
        analyze = lemmatizer().analyze
        return analyze(doc[start].text).pos == "ADJ" and bool(analyze(doc[end].text).flags & PLACE)

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
            if end == i + 1:
                end = self._named_complement(doc, i + 1)
            if standalone or (start, end) != (i, i + 1):
                found.append((start, end, SCORE_INSTITUTION, 9))
        return found

    @staticmethod
    def _named_complement(doc: Doc, j: int) -> int:
        """The end of a complement that makes an institution's head noun a name: lower-case
        nouns and adjectives (a genitive chain, one «по») ending in a capitalized name —
        «министерство финансов США», «университет штата Калифорния» — else j."""
        k, by = j, False
        while k < len(doc) and k - j < MAX_COMPLEMENT:
            token = doc[k]
            if token.text[:1].isupper():
                break
            if token.lower_ == "по" and k == j and not by:
                by = True
            elif not token.is_alpha or token.pos_ not in ("NOUN", "ADJ"):
                return j
            k += 1
        if k == j or k >= len(doc) or not doc[k].text[:1].isupper() or not doc[k].is_alpha:
            return j
        end = k + 1
        while end < len(doc) and end - k < 2 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        return end

    def name_end(
        self, doc: Doc, start: int, *, allow_lower: bool, guessed_person: bool = False,
        guessed_place: bool = False,
    ) -> int:
        """End of a name starting at `start` (0 tokens if `start` is no name-like word).
        `guessed_person` / `guessed_place`: its first word may be a surname / a place that
        pymorphy only guesses (a brand after a trigger)."""
        end = start
        view = doc_view(doc)
        while end < len(doc) and end - start < MAX_NAME_TOKENS:
            token = doc[end]
            if end > start and view.is_inline_space(end):
                after = view.skip_inline_space(end)  # «Business\xa0Booster»: one name
                if after < len(doc) and self._name_like(doc[after], allow_lower=False):
                    end = after
                    continue
                break
            if (
                end > start and token.text in _JOINERS and not token.whitespace_
                and end + 1 < len(doc) and self._name_like(doc[end + 1], allow_lower=False)
            ):
                end += 2  # NEWSru.com, Procter & Gamble
                continue
            if not self._name_like(
                token, allow_lower=allow_lower and end == start,
                guessed_person=guessed_person and end == start,
                guessed_place=guessed_place and end == start,
            ):
                break
            end += 1
        return end

    def _name_like(
        self, token: Any, *, allow_lower: bool, guessed_person: bool = False,
        guessed_place: bool = False,
    ) -> bool:
        text = token.text
        if not any(ch.isalpha() for ch in text) or token.lower_ in self.stop:
            # "Office 365", «Битрикс 24», "Python 3.11": a version number continues a name.
            return en.is_version(text)
        if self.lang == "en" and en.shouted_word(text):
            return False  # "NEVER", "ICE": an ordinary word in capitals
        flags = lemmatizer().analyze(text).flags
        if flags & (PERSON | PLACE) and not flags & ORG and not (
            guessed_person and flags & PERSON and not flags & (KNOWN | PLACE)
        ) and not (
            guessed_place and flags & PLACE and not flags & (KNOWN | PERSON) and not text.islower()
        ):
            return False
        if not text.islower():
            return True
        if self.lang == "ru" and text.isascii():
            return True
        return allow_lower and not flags & KNOWN

    # -- spelling and NER --------------------------------------------------------------------
    def _by_spelling(self, doc: Doc, view: DocView, seen: en.Seen) -> list[Candidate]:
        orths = view.orth
        kinds = self._orth_kinds(view)
        # Russian: a capitalized word that starts a sentence is no candidate (_classify's
        # first test, asked here without a call: most capitalized words start a sentence)
        starts = view.sent_start_set if self.english is None else frozenset()
        # terms of several words («Churn Rate», "the Customer Journey Map") hold their words
        found: list[Candidate] = self.term_holds(doc, view)
        held = {k for start, end, _, _ in found for k in range(start, end)}
        skip_to = -1
        for i in form_positions(orths, self.starters.intersection(orths)):
            if i < skip_to or i < seen.skip_to or i in held:
                continue
            kind = kinds[orths[i]]
            if i in starts and kind in (_KNOWN, _UNKNOWN):
                continue
            candidate = self._classify(doc, view, i, kind, seen)
            if candidate is not None:
                found.append(candidate)
                skip_to = candidate[1]
        if self.ner_mode != "off":
            found += self._ner(doc, seen.gated)
        return found

    def _orth_kinds(self, view: DocView) -> dict[int, int]:
        """What each word form of the doc may start (memoized per form: set operations in C
        find the forms met for the first time)."""
        kinds, judged, orths = self.orth_kinds, self.judged, view.orth
        if self.chain.knows_all(view):
            return kinds  # after the first docs, as a rule
        for orth in orths:  # a compiled loop (issuperset would first copy the list to a set)
            if orth not in judged:
                break
        else:
            return kinds
        new = set(orths).difference(kinds)
        if new:
            if len(kinds) > MEMO_LIMIT:
                kinds.clear()
                self.starters.clear()
                self.judged.clear()
                self.chain.forget()
                new = set(orths)
            self.judged.update(new)
            for orth in new:
                kind = kinds[orth] = self._orth_kind(self.vocab[orth])
                if kind != _NONE:
                    self.starters.add(orth)
        return kinds

    def _orth_kind(self, lexeme: Any) -> int:
        """_QUOTE for an opening quote, _NONE for a form that starts no candidate (lower case,
        punctuation, whitespace, a number, or a spelling that names nothing), else the kind of
        its spelling."""
        if lexeme.is_quote:
            return _QUOTE if lexeme.orth_ in _QUOTES_OPEN else _NONE
        if lexeme.is_lower or lexeme.is_punct or lexeme.is_space or lexeme.like_num:
            return _NONE
        text = lexeme.orth_
        spelling = self.spellings.get(text)
        return self._spelling(text) if spelling is None else spelling

    def _classify(
        self, doc: Doc, view: DocView, i: int, spelling: int, seen: en.Seen
    ) -> Candidate | None:
        if spelling == _QUOTE:
            return self._quoted(doc, i, seen)
        if spelling == _PRODUCT:
            # the spelling is the evidence: a word pymorphy only guesses to be a person or a
            # place («ТехноНИКОЛЬ») still starts the name, which was left empty
            end = self.name_end(doc, i, allow_lower=False, guessed_person=True, guessed_place=True)
            return i, max(end, i + 1), SCORE_PRODUCT_LIKE, 2
        if spelling == _LATIN:
            return self._latin_run(doc, i)
        if spelling == _ORG:
            return i, i + 1, SCORE_DICTIONARY, 3
        if spelling == _ABBREVIATION:
            end = i + 1 if self.lang == "ru" else self.name_end(doc, i, allow_lower=False)
            return i, max(end, i + 1), SCORE_ABBREVIATION, 4
        initial = sentence_initial(view, i)
        if self.english is not None:
            return self.english.capitalized(doc, i, initial, spelling == _KNOWN, seen)
        if not initial:
            seen.gated.add(i)  # NER judges the word in its context
        return None

    def _spelling(self, text: str) -> int:
        """What the spelling of a word form alone says (memoized per form)."""
        if len(self.spellings) > MEMO_LIMIT:
            self.spellings.clear()
        analysis = lemmatizer().analyze(text)
        if not_a_name(text) or text.lower() in self.stop or (not text[:1].isupper() and not product_like(text)):
            kind = _NONE
        elif text.endswith("s") and product_like(text) and text[:-1].lower() in self.stop:
            kind = _NONE  # "PhDs": the plural of a listed abbreviation in mixed case
        elif product_like(text):
            kind = _PRODUCT
        elif self.lang == "ru" and text.isascii():
            kind = _LATIN
        elif analysis.flags & ORG:
            kind = _ORG
        elif text.isupper() and self.lang == "ru" and not (
            analysis.flags & (PLACE | PERSON) and analysis.flags & KNOWN
        ):  # a person or place only guessed from the ending («ИГИЛ» as a name) is no evidence
            shouted = analysis.flags & KNOWN and analysis.pos not in _NAMING_POS
            kind = _ABBREVIATION if len(text) <= 6 and not shouted else _NONE  # «СЮДА», «ОТОЙДИ»
        elif self.lang == "en" and en.name_acronym(text):
            kind = _ABBREVIATION  # SHAP, TELUS: not a common abbreviation or a shouted word
        elif analysis.flags & (PERSON | PLACE):
            kind = _NONE
        elif self.lang == "ru" and analysis.flags & KNOWN and analysis.pos not in _NAMING_POS:
            kind = _NONE  # «Да», «Ну», «Скажите», «Хорошо»: capitalized after a colon or a
            # stage direction, but a word the dictionary knows as no noun or adjective
        else:
            kind = _KNOWN if analysis.flags & KNOWN else _UNKNOWN
        self.spellings[text] = kind
        return kind

    def _latin_run(self, doc: Doc, i: int) -> Candidate | None:
        """Latin words inside Russian text: a brand. A run of ordinary English words is one
        too («Business Booster», «Google Earth») or a term («Churn Rate»): it stays whole, at
        a lower score, and its last word is never judged again on its own («Rate», «Earth»)."""
        view = doc_view(doc)
        end = i + 1
        while end - i < MAX_NAME_TOKENS:
            after = view.skip_inline_space(end)  # «Jobs to\xa0Be\xa0Done»: one run
            if after >= len(doc) or not latin_word(doc[after].text):
                break
            end = after + 1
        if doc[i].is_lower or (end == i + 1 and len(doc[i]) == 1):
            return None  # a lower-case word, or one letter alone: a key («нажимаем F»), a variable
        words = [t.lower_ for t in doc[i:end] if t.is_alpha]
        if len(words) > 1 and all(w in english_words() for w in words):
            return i, end, SCORE_ENGLISH_WORDS, 2
        return i, end, SCORE_PRODUCT_LIKE, 2

    def _quoted(self, doc: Doc, i: int, seen: en.Seen | None = None) -> Candidate | None:
        j = i + 1
        while j < len(doc) and j - i <= MAX_NAME_TOKENS and doc[j].text not in _QUOTES_CLOSE:
            j += 1
        if j >= len(doc) or j == i + 1 or j - i > MAX_NAME_TOKENS:
            return None
        first = doc[i + 1].text
        if not (first[:1].isupper() or first[:1].isdigit()):
            return None
        analysis = lemmatizer().analyze(first)
        if analysis.pos not in ("NOUN", "PROPN", "X", "NUM", ""):
            return None  # «Отменить подписку», «Спящие»: a quote, not a name
        if analysis.flags & PERSON:
            if j != i + 2 or seen is None:
                return None
            seen.gated.add(i + 1)  # «Спартак», «Роберта»: a club or a person, NER decides
            return None
        if any(t.is_sent_start or t.text in ".!?" for t in doc[i + 2 : j]):
            return None
        key = j == i + 2 and len(first) == 1 and first.isascii() and self.english is None
        if key or any(t.lower_ in self.stop for t in doc[i + 1 : j]):
            return None  # «нажимаем "F"», «"Shift + S"»: a key, not a name («"Ъ"» is one)
        return i + 1, j, SCORE_QUOTED, 7

    def _ner(self, doc: Doc, gated: set[int]) -> list[Candidate]:
        """Natasha ORG spans in the sentences that hold a gated word (every sentence in mode
        "all"), each sentence judged once per process (`ner_verdicts`); a trained pipeline's
        entities instead, when it has a `ner`."""
        if self.model_ner:
            return self._model_entities(doc, gated)
        if not gated and self.ner_mode != "all":
            return []  # the common case: no sentence to tag
        view = doc_view(doc)
        starts, n = view.sent_starts, len(doc)
        ends = [*starts[1:], n]
        if self.ner_mode == "all":
            bounds = [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]
        else:
            held = {bisect_right(starts, i) - 1 for i in gated}
            bounds = [(starts[k], ends[k]) for k in sorted(held)]
        orth, spaced = view.orth, view.trailing_space
        keys = [hash((tuple(orth[s:e]), tuple(spaced[s : e - 1]))) for s, e in bounds]
        memo = self.ner_verdicts
        missing = {key: sb for key, sb in zip(keys, bounds, strict=True) if key not in memo}
        if missing:
            if len(memo) > MEMO_LIMIT:
                memo.clear()
            self._judge(doc, missing)
        found = []
        for (start, _), key in zip(bounds, keys, strict=True):
            found += [(start + a, start + b, SCORE_NER, 8) for a, b in memo[key]]
        return found

    def _model_entities(self, doc: Doc, gated: set[int]) -> list[Candidate]:
        """The trained `ner`'s ORG and PRODUCT entities that are no stop-listed word: in Russian
        those in the sentences Natasha would read (the same gate), in English all of them."""
        ents = [e for e in doc.ents if e.label_ in MODEL_LABELS and e.text.lower() not in self.stop]
        if ents and self.lang == "ru" and self.ner_mode == "gated":
            starts = doc_view(doc).sent_starts
            held = {bisect_right(starts, i) - 1 for i in gated}
            ents = [e for e in ents if bisect_right(starts, e.start) - 1 in held]
        return [(e.start, e.end, SCORE_NER, 8) for e in ents]

    def _judge(self, doc: Doc, sentences: dict[int, tuple[int, int]]) -> None:
        """Run Natasha on the sentences (one batch) and remember the ORG spans of each."""
        memo = self.ner_verdicts
        # each sentence's text rebuilt from the view: `doc.text` would build a Token per word
        # of the whole doc, to read a sentence or two of it
        view = doc_view(doc)
        orth, spaced, strings = view.orth, view.trailing_space, view.strings
        chars = {}
        for key, (start, end) in sentences.items():
            pieces = [strings[orth[i]] + (" " if spaced[i] else "") for i in range(start, end - 1)]
            chars[key] = doc[start].idx, "".join(pieces) + strings[orth[end - 1]]
        judged = [key for key, (_, sentence) in chars.items() if len(sentence) <= MAX_NER_CHARS]
        for key in chars.keys() - judged:
            memo[key] = _NO_SPANS  # too long for a sentence: a table or a run-on line
        markups = natasha_ner().map([chars[key][1] for key in judged])
        for key, markup in zip(judged, markups, strict=True):
            first, start = chars[key][0], sentences[key][0]
            spans = [self._ner_span(doc, first + e.start, first + e.stop) for e in markup.spans
                     if e.type == "ORG"]
            memo[key] = [(s.start - start, s.end - start) for s in spans if s is not None] or _NO_SPANS

    def _ner_span(self, doc: Doc, start_char: int, end_char: int) -> Span | None:
        """The tokens of an NER entity, unless they are a stop-listed word or phrase."""
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return span if span is not None and span.text.lower() not in self.stop else None

    def _span(self, doc: Doc, start: int, end: int, score: float) -> Span:
        label = discovered_label(doc[start:end])
        span = Span(doc, start, end, label=label)
        # one word read to its nominative: the key is that word, whatever pymorphy guessed
        key = label.lower() if end - start == 1 and label != span.text else (
            " ".join(t.lemma_ for t in span if not t.is_punct) or span.text.lower()
        )
        set_span_values(span, SPAN_GROUPS["competitor"], score=score, key=key)
        return span


def discovered_label(span: Span) -> str:
    """A readable name: one Russian word in its dictionary form («Сбера» -> Сбер), else as is.

    The form stays as written where the dictionary form would be a guess that misleads: a
    brand in mixed case («АмоЦРМ»), a word not read as a noun («Авито», guessed a verb form),
    or an unknown word the guess makes longer («амоцрм» read as a plural of «амоцрма»)."""
    if len(span) == 1 and span[0].is_alpha and not span[0].is_ascii:
        lemma, text = span[0].lemma_, span[0].text
        if text.isupper():
            return lemma.upper() if len(lemma) <= len(text) else text
        stem = _unknown_name_stem(span)
        if stem is not None:
            return stem
        if not text[1:].islower() or span[0].pos_ not in ("NOUN", "PROPN"):
            return text
        if len(lemma) > len(text) and not lemmatizer().analyze(text.lower()).flags & KNOWN:
            return text
        return lemma[:1].upper() + lemma[1:] if text[:1].isupper() else lemma
    return span.text


#: The case endings of a masculine noun on a consonant stem that an unknown name may carry, with
#: the prepositions that must stand before it when a feminine noun could end so too («с
#: Пайруса» but «Пента» is a nominative; «к Пайрусу» but «на Пенту»); the instrumental «-ом»
#: is masculine alone.
_GENITIVE = frozenset({"с", "со", "из", "от", "у", "до", "для", "без", "после", "вместо", "кроме"})
_DATIVE = frozenset({"к", "ко", "по"})
_MASCULINE_ENDINGS: dict[str, frozenset[str] | None] = {
    "ом": None, "ем": None, "ём": None, "а": _GENITIVE, "я": _GENITIVE, "у": _DATIVE, "ю": _DATIVE,
    "е": frozenset({"в", "во", "на", "о", "об", "при"}),
}
_VOWELS = frozenset("аеёиоуыэюя")


def _unknown_name_stem(span: Span) -> str | None:
    """The nominative of a capitalized Russian name pymorphy does not know, when its ending is
    a masculine noun's case ending on a consonant stem: «Пайрусом», «с Пайруса», «в Пайрусе»
    -> Пайрус (pymorphy guesses an adjective or an indeclinable word for some of them, so one
    product would get three labels). None when the word is known or no such ending shows."""
    token = span[0]
    text = token.text
    if not (text[:1].isupper() and text[1:].islower()) or len(text) < 5:
        return None
    lower = text.lower()
    if lemmatizer().analyze(lower).flags & KNOWN:
        return None
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    for ending, prepositions in _MASCULINE_ENDINGS.items():
        stem = lower[: -len(ending)]
        if (
            lower.endswith(ending) and len(stem) >= 4 and stem[-1] not in _VOWELS
            and (prepositions is None or before in prepositions)
        ):
            return text[:1] + stem[1:]
    return None


@functools.cache
def natasha_ner() -> Any:
    """Natasha's news NER tagger; its model and embeddings ship inside the package (offline)."""
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def is_sentence_initial(doc: Doc, i: int) -> bool:
    """Is token i the first word of its sentence, a line, or a quote or a dialogue line?"""
    return sentence_initial(doc_view(doc), i)


def sentence_initial(view: DocView, i: int) -> bool:
    """`is_sentence_initial` on the doc's view (which the caller has at hand)."""
    starts = view.sent_start_set
    if i in starts:
        return True
    j = i - 1
    while j >= 0 and (view.text(j) in _OPENERS or view.is_inline_space(j)):
        if j in starts:
            return True
        j -= 1
    if j < 0:
        return True
    before = view.text(j)  # lower case: the same as the text for punctuation and whitespace
    return before in ".!?…" or "\n" in before


def _proper_adjective(token: Any) -> bool:
    return token.pos_ == "ADJ" and (
        token.text[:1].isupper() or token.lemma_.endswith(("ский", "цкий"))
    )
