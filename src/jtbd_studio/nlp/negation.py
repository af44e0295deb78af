"""Negation and intensity around a cue: «проблем не было», "wasn't hard", «очень», "really"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jtbd_studio.nlp.cues import DocView, lang_of, load_cues, word_lists

if TYPE_CHECKING:
    from spacy.language import Language

#: How many tokens before a cue a negator may stand ("didn't find it hard" needs three).
PRE_WINDOW = 3
#: How many tokens after a nominal cue a post-negation may start («проблем вообще не было»).
POST_WINDOW = 3
#: How many tokens before a cue an intensifier may stand ("really very slow").
INTENSIFIER_WINDOW = 2


def hashes(nlp: Language, words: frozenset[str]) -> frozenset[int]:
    """The string hashes of `words` in the pipeline's vocabulary (compared with lemma/lower)."""
    return frozenset(nlp.vocab.strings.add(word) for word in words)


class Negation:
    """The negators of one language, read from `negation.jsonl`.

    Roles: `pre` (a word that negates what follows: «не», «никакой», "not", "no", "never"),
    `post` (a word or lemma sequence that denies a preceding noun: «нет», «не быть»),
    `pseudo` (a word after a pre-negator that cancels it: «не только», "not only"),
    `npi` (a word that needs a negator earlier in the clause: "any", «какой-либо»; a cue right
    after it is negated by a negator anywhere before it in the clause).
    """

    def __init__(self, nlp: Language) -> None:
        words = word_lists(lang_of(nlp), "negation")
        self.pre = hashes(nlp, words.get("pre", frozenset()))
        self.pseudo = hashes(nlp, words.get("pseudo", frozenset()))
        self.npi = hashes(nlp, words.get("npi", frozenset()))
        self.post: list[tuple[int, ...]] = [
            tuple(nlp.vocab.strings.add(w) for w in cue.pattern.lower().split())
            for cue in load_cues(lang_of(nlp), "negation")
            if cue.role == "post"
        ]
        self.post_first = frozenset(sequence[0] for sequence in self.post)

    def is_negator(self, view: DocView, i: int) -> bool:
        """Whether token `i` is a pre-negator (a cue starting with one carries its own)."""
        return view.has(self.pre, i)

    def negated_before(self, view: DocView, start: int, floor: int) -> bool:
        """A pre-negator within the window before `start`, not crossing punctuation or `floor`."""
        for i in _window_before(view, start, floor, PRE_WINDOW):
            if view.has(self.npi, i):
                # "I don't think there are any issues": "any" carries a negator from further back.
                return self._negator_in(view, floor, i)
            if view.punct[i]:
                return False
            if view.has(self.pre, i):
                return not view.has(self.pseudo, view.skip_inline_space(i + 1))
        return False

    def _negator_in(self, view: DocView, floor: int, end: int) -> bool:
        return any(
            view.has(self.pre, i) and not view.has(self.pseudo, view.skip_inline_space(i + 1))
            for i in range(floor, end)
        )

    def negated_after(self, view: DocView, end: int, ceiling: int) -> bool:
        """A post-negation («не было», «нет») starting within the window after `end`."""
        for i in _window_after(view, end, ceiling, POST_WINDOW + 1):
            if view.punct[i]:
                return False
            if not view.has(self.post_first, i):
                continue
            for sequence in self.post:
                words = _words_from(view, i, ceiling, len(sequence))
                if len(words) == len(sequence) and all(
                    view.lemma[j] == word or view.lower[j] == word
                    for j, word in zip(words, sequence, strict=True)
                ):
                    return True
        return False

    def is_negated(self, view: DocView, start: int, end: int, floor: int, ceiling: int) -> bool:
        """Whether the cue at [start, end) is negated inside the clause [floor, ceiling)."""
        if self.is_negator(view, start):
            return False
        return self.negated_before(view, start, floor) or self.negated_after(view, end, ceiling)


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


def _window_after(view: DocView, end: int, ceiling: int, size: int) -> list[int]:
    """Up to `size` token positions from `end` on, below `ceiling`, skipping non-breaking spaces."""
    return _words_from(view, end, ceiling, size)


def _words_from(view: DocView, i: int, ceiling: int, size: int) -> list[int]:
    found: list[int] = []
    while i < ceiling and len(found) < size:
        if not view.is_inline_space(i):
            found.append(i)
        i += 1
    return found
