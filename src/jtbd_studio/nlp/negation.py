"""Negation and intensity around a cue: «проблем не было», "wasn't hard", «очень», "really"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jtbd_studio.nlp.cues import DocView, lang_of, load_cues, word_lists

if TYPE_CHECKING:
    from spacy.language import Language

#: How many tokens before a cue a negator may stand ("didn't find it hard" needs three).
PRE_WINDOW = 3
#: How far back (in tokens, transparent words included) a pre-negator is looked for at most.
MAX_REACH = 8
#: How many tokens after a nominal cue a post-negation may start («проблем с отчётами у нас не
#: было»); the window ends at punctuation and at a `barrier` word («что», «который»).
POST_WINDOW = 5
#: The longest aside between commas the window after a cue reads through («насколько я помню»).
MAX_ASIDE_WORDS = 4
#: How many tokens before a cue an intensifier may stand ("really very slow").
INTENSIFIER_WINDOW = 2


#: Parts of speech that head the noun phrase after a presupposed determiner's quality.
_NOUNS = frozenset({"NOUN", "PROPN"})


def hashes(nlp: Language, words: frozenset[str]) -> frozenset[int]:
    """The string hashes of `words` in the pipeline's vocabulary (compared with lemma/lower)."""
    return frozenset(nlp.vocab.strings.add(word) for word in words)


class Negation:
    """The negators of one language, read from `negation.jsonl`.

    Roles: `pre` (a word that negates what follows: «не», «никакой», "not", "no", "never"),
    `post` (a word or lemma sequence that denies a preceding noun: «нет», «не быть»),
    `pseudo` (a word after a pre-negator that cancels it: «не только», "not only"),
    `npi` (a word that needs a negator earlier in the clause: "any", «какой-либо»; a cue right
    after it is negated by a negator anywhere before it in the clause),
    `transparent` (copulas, particles and degree words that do not count in the window before a
    cue: "not to be just stuck", «не так уж и сложно»),
    `scope` (a word or lemma sequence that denies the whole clause after it, however far: "not
    that", "I don't think", «не потому, что», «не скажу, что»; it reaches into the next clause
    when it ends its own: «не думаю, | что были сбои»),
    `doubt` (a scope that only withholds: "not sure that", «не уверен, что»; it denies a
    problem or a feeling, but a good quality doubted is not its opposite stated — "not sure if
    I'm familiar with it" is no complaint of unfamiliarity),
    `barrier` (a word that opens another clause, where a post-negation no longer speaks of the
    cue's noun: «проблема в том, что у нас нет отчётов» — written without its comma),
    `parenthetical` (the words of asides and fillers: an aside between commas made only of them
    does not end the window after a cue: «Проблем, в общем, не было», "issues, honestly, none"),
    `presupposed` (a possessive or demonstrative right before a quality of a noun: the noun
    phrase is given, and a negator of the verb before it does not reach the quality — "we
    couldn't use their terrible export", «не пользовались их запутанными отчётами»; see
    `negated_before`).
    """

    def __init__(self, nlp: Language) -> None:
        words = word_lists(lang_of(nlp), "negation")
        self.pre = hashes(nlp, words.get("pre", frozenset()))
        self.pseudo = hashes(nlp, words.get("pseudo", frozenset()))
        self.npi = hashes(nlp, words.get("npi", frozenset()))
        self.transparent = hashes(nlp, words.get("transparent", frozenset()))
        self.barriers = hashes(nlp, words.get("barrier", frozenset()))
        self.presupposed = hashes(nlp, words.get("presupposed", frozenset()))
        asides = words.get("parenthetical", frozenset())
        self.aside_words = hashes(nlp, frozenset(w for aside in asides for w in aside.split()))
        self.comma = nlp.vocab.strings.add(",")
        self.post = Sequences(self._sequences(nlp, "post"))
        #: doubts ("not sure that", «не уверен, что») deny a clause as scopes do, listed last
        doubts = self._sequences(nlp, "doubt")
        self.doubt = Sequences(doubts)
        self.scope = Sequences(self._sequences(nlp, "scope") + doubts)

    @staticmethod
    def _sequences(nlp: Language, role: str) -> list[tuple[int, ...]]:
        return [
            tuple(nlp.vocab.strings.add(w) for w in cue.pattern.lower().split())
            for cue in load_cues(lang_of(nlp), "negation")
            if cue.role == role
        ]

    def is_negator(self, view: DocView, i: int) -> bool:
        """Whether token `i` is a pre-negator (a cue starting with one carries its own)."""
        return view.has(self.pre, i)

    def negated_before(self, view: DocView, start: int, floor: int, end: int = -1) -> bool:
        """A pre-negator within the window before `start`, not crossing punctuation or `floor`;
        `transparent` words ("not to be just stuck", «не так уж и сложно») do not use it up.

        A cue that qualifies a noun after a possessive or demonstrative (`presupposed`) is out
        of reach of a negator that has a word between it and that determiner: the negator
        denies the verb, and the noun phrase keeps its quality ("didn't like their clunky
        interface"); right before the determiner it denies the phrase ("not their best work").
        """
        lemma, lower, punct = view.lemma, view.lower, view.punct
        pre, npi, transparent = self.pre, self.npi, self.transparent
        skipped = view.skipped
        counted = 0
        through = False  # whether a hesitation or a filler was read through ("not, um, easy")
        # words counted past a filler set off by commas: in "not great, I mean, it crashed"
        # the filler parts two clauses, and "great" took the negator
        set_off = False
        beyond = 0
        i = start - 1
        while i >= floor and counted < PRE_WINDOW and start - i <= MAX_REACH:
            if view.is_inline_space(i):
                i -= 1
                continue
            if skipped is not None and i in skipped:
                through = True
                set_off = set_off or lower[i] == self.comma
                i -= 1
                continue
            if lemma[i] in npi or lower[i] in npi:
                # "I don't think there are any issues": "any" carries a negator from further back.
                return self._negator_in(view, floor, i)
            if punct[i]:
                return False
            if lemma[i] in pre or lower[i] in pre:
                if (through and i == floor) or beyond:
                    # «Не, ну, удобно», "No, um, it's great": an answer, not a negator; or a word
                    # past a filler set off by commas took it ("not great, I mean, it crashed")
                    return False
                if counted > 1 and self._presupposed(view, start, floor, end) >= 0:
                    return False  # a word of its own between: the negator denies that word
                return not view.has(self.pseudo, view.skip_inline_space(i + 1))
            if lemma[i] not in transparent and lower[i] not in transparent:
                counted += 1
                beyond += set_off
            i -= 1
        return False

    def _presupposed(self, view: DocView, start: int, floor: int, end: int) -> int:
        """The position of a `presupposed` determiner right before the cue at [start, end) when
        the cue qualifies a noun after it, else -1. In Russian (with parts of speech) the word
        after the cue, past other qualities, is a noun; without them (English), a content word
        («их» is also "them": «не смогли их нормально настроить» keeps its negator)."""
        if end < 0 or not self.presupposed:
            return -1
        det = start - 1
        while det >= floor and view.is_inline_space(det):
            det -= 1
        if det < floor or not view.has(self.presupposed, det):
            return -1
        after = view.skip_inline_space(end)
        if after >= len(view.lower) or view.punct[after] or view.space[after]:
            return -1
        doc = view.doc
        if not doc[after].pos:  # no parts of speech (English)
            return -1 if view.stop[after] else det
        for _ in range(3):  # «их запутанными старыми отчётами»
            pos = doc[after].pos_
            if pos in _NOUNS:
                return det
            if pos != "ADJ":
                return -1
            after = view.skip_inline_space(after + 1)
            if after >= len(view.lower):
                return -1
        return -1

    def _negator_in(self, view: DocView, floor: int, end: int) -> bool:
        return any(
            view.has(self.pre, i) and not view.has(self.pseudo, view.skip_inline_space(i + 1))
            for i in range(floor, end)
        )

    def negated_after(self, view: DocView, end: int, ceiling: int) -> bool:
        """A post-negation («не было», «нет») starting within the window after `end`."""
        lemma, lower, punct, first = view.lemma, view.lower, view.punct, self.post.first
        seen = 0
        i = end
        hops = view.hops
        while i < ceiling and seen <= POST_WINDOW:
            if view.is_inline_space(i):
                i += 1
                continue
            if hops is not None and i in hops:
                i = hops[i]  # «Проблем, эм, не было»: read through what a pattern reads through
                continue
            if punct[i]:
                close = -1
                if lower[i] == self.comma:
                    close = aside_end(view, i, self.aside_words, self.comma, ceiling)
                if close < 0:
                    return False
                i = close + 1  # «Проблем, в общем, не было»: read on after the aside
                continue
            if lemma[i] in self.barriers:
                return False
            if (lemma[i] in first or lower[i] in first) and self.post.end(view, i, ceiling) > 0:
                return True
            seen += 1
            i += 1
        return False

    def clause_negators(self, view: DocView, start: int, end: int) -> list[tuple[int, int]]:
        """The clause negators ("not that", «не потому») in [start, end) as (start, end)."""
        scope_first = self.scope.first
        if scope_first.isdisjoint(view.lemma[start:end]) and scope_first.isdisjoint(
            view.lower[start:end]
        ):
            return []  # set tests in C: most sentences hold no clause negator
        found = []
        for i in range(start, end):
            if view.has(scope_first, i):
                stop = self.scope.end(view, i, end)
                if stop > 0:
                    found.append((i, stop))
        return found

    def is_doubt(self, view: DocView, at: int, stop: int) -> bool:
        """Whether the clause negator at [at, stop) is a doubt rather than a denial."""
        return bool(self.doubt) and self.doubt.end(view, at, stop) == stop

    @staticmethod
    def reaches(
        view: DocView, negators: list[tuple[int, int]], start: int, floor: int, outer: int | None
    ) -> bool:
        """Whether one of `negators` denies the cue at `start`: it stands before the cue in its
        clause [floor, …), or ends the clause before it (which starts at `outer`)."""
        first = floor if outer is None else outer
        return any(
            first <= at and stop <= start and (at >= floor or _only_punctuation(view, stop, floor))
            for at, stop in negators
        )

    def negated_in_scope(self, view: DocView, start: int, floor: int, outer: int | None) -> bool:
        """A clause negator ("not that", «не потому, что») before `start` in its clause, or
        ending the clause before it (which starts at `outer`)."""
        first = floor if outer is None else outer
        return self.reaches(view, self.clause_negators(view, first, start), start, floor, outer)

    def is_negated(
        self,
        view: DocView,
        start: int,
        end: int,
        floor: int,
        ceiling: int,
        clause_scope: bool = False,
        outer: int | None = None,
    ) -> bool:
        """Whether the cue at [start, end) is negated inside the clause [floor, ceiling).

        With `clause_scope` (callers whose floor is a true clause start, not a sentence's),
        a clause negator anywhere before the cue counts too, and `outer` (the start of the
        clause before, if any) lets one that ends that clause reach it («не думаю, что …»).
        """
        if self.is_negator(view, start):
            return False
        return (
            self.negated_before(view, start, floor, end)
            or self.negated_after(view, end, ceiling)
            or (
                clause_scope
                and bool(self.scope)
                and self.negated_in_scope(view, start, floor, outer)
            )
        )


class Sequences:
    """Word sequences (lemma or form hashes, as `negation.jsonl` lists them), indexed by their
    first word: a token is compared with the few sequences that can start at it."""

    def __init__(self, sequences: list[tuple[int, ...]]) -> None:
        self.first = frozenset(sequence[0] for sequence in sequences)
        #: first word -> (place in the file, sequence), in file order
        self._by_first: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for place, sequence in enumerate(sequences):
            self._by_first.setdefault(sequence[0], []).append((place, sequence))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def end(self, view: DocView, i: int, ceiling: int) -> int:
        """The end of the first sequence (in file order) matching from token `i` below
        `ceiling`, or -1; non-breaking spaces between words are read through."""
        by_first = self._by_first
        lemma, lower = view.lemma[i], view.lower[i]
        candidates = by_first.get(lemma, [])
        if lower != lemma and lower in by_first:
            candidates = sorted(candidates + by_first[lower])
        if not candidates:
            return -1
        words = _words_from(view, i, ceiling, max(len(sequence) for _, sequence in candidates))
        for _, sequence in candidates:
            size = len(sequence)
            if size <= len(words) and all(
                view.lemma[j] == word or view.lower[j] == word
                for j, word in zip(words[:size], sequence, strict=True)
            ):
                return words[size - 1] + 1
        return -1


class Intensity:
    """Intensifiers and softeners of one language, read from `intensifiers.jsonl` (`factor`)."""

    def __init__(self, nlp: Language) -> None:
        self.factors: dict[int, float] = {}
        for cue in load_cues(lang_of(nlp), "intensifiers"):
            for form in {cue.pattern.lower(), cue.pattern.lower().replace("ё", "е")}:
                self.factors[nlp.vocab.strings.add(form)] = float(cue.get("factor", 1.5))

    def factor(self, view: DocView, start: int, floor: int) -> float:
        """The product of the intensifier factors in the window before `start`."""
        result = 1.0
        for i in _window_before(view, start, floor, INTENSIFIER_WINDOW):
            if view.punct[i]:
                break
            result *= self.factors.get(view.lower[i], self.factors.get(view.lemma[i], 1.0))
        return result

    def counts(self, view: DocView, i: int, start: int, floor: int) -> bool:
        """Whether token `i` is an intensifier that `factor(view, start, floor)` counts."""
        if view.lower[i] not in self.factors and view.lemma[i] not in self.factors:
            return False
        for j in _window_before(view, start, floor, INTENSIFIER_WINDOW):
            if view.punct[j]:
                return False
            if j == i:
                return True
        return False


def aside_end(
    view: DocView, comma: int, words: frozenset[int], comma_hash: int, limit: int, step: int = 1
) -> int:
    """The comma that ends an aside next to the comma at `comma` — after it (`step` 1, below
    `limit`) or before it (`step` -1) — when the aside is 1 to MAX_ASIDE_WORDS words, all of
    them in `words` («, в общем,», «, если честно,»); else -1. Shared by the post-negation
    window and the Russian clause splitter, each with its own word list."""
    count, i = 0, comma + step
    while 0 <= i < limit:
        if view.space[i] and not view.is_newline(i):
            i += step
            continue
        if view.lower[i] == comma_hash:
            return i if count else -1
        if count == MAX_ASIDE_WORDS or not view.has(words, i):
            return -1
        count += 1
        i += step
    return -1


def _window_before(view: DocView, start: int, floor: int, size: int) -> list[int]:
    """Up to `size` token positions before `start` (nearest first), not below `floor`,
    skipping non-breaking spaces."""
    found: list[int] = []
    i = start - 1
    while i >= floor and len(found) < size:
        if not view.is_inline_space(i):
            found.append(i)
        i -= 1
    return found


def _only_punctuation(view: DocView, start: int, end: int) -> bool:
    """Whether the tokens [start, end) are all punctuation or whitespace."""
    return all(view.punct[i] or view.space[i] for i in range(start, end))


def _words_from(view: DocView, i: int, ceiling: int, size: int) -> list[int]:
    found: list[int] = []
    while i < ceiling and len(found) < size:
        if not view.is_inline_space(i):
            found.append(i)
        i += 1
    return found
