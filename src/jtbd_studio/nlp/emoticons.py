"""Emoticons and emoji found in the text itself, for the `jtbd_emotion` component."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate

from jtbd_studio.nlp.cues import DocView, load_cues
from jtbd_studio.nlp.view import FormChain

_BRACKETS = re.compile(r"[()]")
#: How many forms judged to hold no emoticon are remembered; past it the memo starts over.
FORM_MEMO_LIMIT = 200_000


@dataclass
class Feeling:
    """One contribution to a sentence's valence: a lexicon word or an emoticon."""

    token: int
    valence: float
    label: str
    modal: bool = False
    """Said in the conditional itself ("I'd use it", «пользовался бы»): a wish or condition
    word in its clause does not weaken it."""
    expletive: bool = False
    """A curse said as an interjection ("damn", "hell", «чёрт», «блин»): alone in a sentence it
    is the feeling; beside another feeling it only strengthens that one ("Hell, it works great
    now", «Чёрт возьми, как быстро стало!»)."""
    fact: bool = False
    """Read from what happened, not from a word of feeling (an amount set against the one
    promised, `outcome`): a verb of saying before it reports no one else's feeling ("they said
    two weeks, and it was two weeks")."""


class Emoticons:
    """Emoticons and emoji from `emotion.jsonl` (role `emoticon`), found in the text itself.

    The search runs on characters, not tokens, so an emoticon glued to words («была:(смотришь»,
    "great!!:)") or cut into several tokens (":_(") is found all the same; each is placed on the
    token where it starts. A literal line matches its text; when it ends in a bracket, repeats
    of that bracket strengthen it (":(((" ). A `run: true` line names one bracket character: a
    run of two or more counts ("))", "((("); a single one counts when it is no bracket: a ")"
    with no open "(" before it in the sentence and not after a digit («сейчас)», «болды )»), a
    "(" with no ")" after it in the sentence and not opening a word («слабость(»).
    """

    def __init__(self, lang: str, *, shortcuts: bool = True) -> None:
        """`shortcuts=False` sends every token through the regex and the sentence text (the
        slow path the shortcuts of `_one_character` must agree with; tests compare the two)."""
        self.shortcuts = shortcuts
        self.literal: dict[str, tuple[float, str]] = {}
        self.runs: dict[str, tuple[float, str]] = {}
        for cue in load_cues(lang, "emotion"):
            if cue.role == "emoticon":
                target = self.runs if cue.get("run") else self.literal
                target[cue.pattern] = (float(cue.get("valence", 0)), cue.label)
        parts = [_literal_regex(text) for text in sorted(self.literal, key=len, reverse=True)]
        parts += [f"{re.escape(char)}+" for char in self.runs]
        firsts = {text[0].lower() for text in self.literal} | {t[0].upper() for t in self.literal}
        self._firsts = frozenset(firsts | set(self.runs))
        self._colons = frozenset(char for char in self._firsts if char not in self.runs)
        self._regex = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        self._lower = {text.lower(): meaning for text, meaning in self.literal.items()}
        # what can start at a character and the one after it: the first two characters of
        # every literal and every run, compared as the regex compares (ignoring case)
        starts = [re.escape(text[:2]) for text in self.literal] + [re.escape(c) for c in self.runs]
        self._start = re.compile("|".join(starts), re.IGNORECASE) if starts else None
        self._may_start: dict[str, bool] = {}  # memo of _start per pair of characters
        self._plain = plain_brackets(self.literal, self.runs)
        self._yes: set[int] = set()  # forms that may hold an emoticon
        self._no: set[int] = set()  # forms that cannot
        self._colon_forms: set[int] = set()  # forms that are one character of _colons
        self._words: dict[int, str] = {}
        self.chain = FormChain()  # _yes and _no hold every form of the doc: no test needed
        # the last sentence rebuilt for _is_smiley_at: brackets come in pairs in one sentence
        self._sentence: tuple[DocView, int, str, list[int]] | None = None

    def learn(self, view: DocView) -> None:
        """Judge the doc's forms not judged yet, once each: may they hold an emoticon? Every
        doc goes through here, even one `find` is not asked about (view.FormChain)."""
        if self.chain.knows_all(view):
            return  # after the first docs, as a rule
        # in C, over the doc's word set (its lemmas are judged as forms too: the same verdict
        # for the same string): most docs hold only forms judged before
        words = view.words
        no, yes = self._no, self._yes
        if no.issuperset(words):
            return
        if len(no) > FORM_MEMO_LIMIT:
            no.clear()  # memory stays flat on endless streams of new forms
            self.chain.forget()
        for form in words.difference(no).difference(yes):  # forms not judged yet
            text = view.strings[form]
            if not text.isalnum() and not self._firsts.isdisjoint(text):
                yes.add(form)
                if text in self._colons:
                    self._colon_forms.add(form)
            else:
                no.add(form)

    def _present(self, view: DocView) -> list[int]:
        """Positions of the tokens that may hold an emoticon, less the lone ":" before a space
        that opens a list or a speech."""
        self.learn(view)
        words = view.words
        if self._yes.isdisjoint(words):
            return []
        trailing_space, lower, colons = view.trailing_space, view.lower, self._colon_forms
        # a handful of forms at most (( ) : ; :)), placed by the view's index of lower forms
        return [
            i for i in view.places(self._yes.intersection(words), on_lower=True)
            if not (lower[i] in colons and trailing_space[i])
        ]

    def find(self, view: DocView) -> list[Feeling]:
        """Every emoticon in the doc, placed on the token where it starts."""
        tokens = self._present(view) if self._regex is not None else []
        feelings: list[Feeling] = []
        reach = opened = previous = -1  # opened: the last "(" settled as opening words
        for i in tokens:
            previous, before = i, previous  # before: the token before i that may hold one
            if i < reach:
                continue  # inside an emoticon already taken (":" "_" "(")
            word = self._word(view, i)
            if len(word) == 1 and self.shortcuts:
                smiley = self._one_character(view, i, word, before, opened >= 0 and before == opened)
                if smiley is not None:
                    if smiley:
                        feelings.append(Feeling(i, *self.runs[word]))
                    elif word == "(":
                        opened = i
                    continue
            found = self._at(view, i)
            if found is None:
                continue
            text, offset = found
            reach = i + 1 + sum(1 for _ in _tokens_covered(view, i, offset + len(text)))
            meaning = self._meaning(text)
            if meaning is not None:
                repeats = len(text) - len(text.rstrip(text[-1]))
                strength = 1.5 if repeats >= 2 and text[-1] in "()" else 1.0
                feelings.append(Feeling(i, meaning[0] * strength, meaning[1]))
            elif self._is_smiley_at(view, i, offset, len(text)):
                valence, label = self.runs[text[0]]
                feelings.append(Feeling(i, valence * (1.5 if len(text) > 2 else 1.0), label))
        self._sentence = None  # no reference to the doc kept past the call
        return feelings

    def _one_character(
        self, view: DocView, i: int, word: str, before: int, opened: bool
    ) -> bool | None:
        """Whether token `i`, one character long, is a smiley of one bracket (True) or starts no
        emoticon (False), told without the regex and the sentence text in the common cases
        (None in the others): what `_at`, `_meaning` and `_is_smiley` would say.

        `before` is the token before `i` that may hold an emoticon (-1: none), `opened` whether
        it is a "(" settled as opening words. A character that starts no literal or run
        together with the next one starts nothing («== Явление I ==»).
        """
        trailing, following = view.trailing_space[i], i + 1
        glued = not trailing and following < len(view.lower)
        after = self._word(view, following)[0] if glued else " " if trailing else ""
        if word in self._plain:
            return None if after == word else self._bracket(view, i, word, after, before, opened)
        pair = word + after
        may = self._may_start.get(pair)
        if may is None:
            assert self._start is not None
            may = self._may_start[pair] = self._start.match(pair) is not None
        return None if may else False

    def _bracket(
        self, view: DocView, i: int, word: str, after: str, before: int, opened: bool
    ) -> bool | None:
        """`_one_character` for a single bracket that is a run and starts no literal (`_plain`).

        A "(" followed by a word of its sentence opens words («(в сторону)»); one that ends
        its sentence is a smiley. A ")" is a smiley when no bracket comes before it in its
        sentence, none when the bracket before it is a "(" opening words in its sentence.
        Either is no smiley after a digit ("1)" numbers a list item).
        """
        first = view.sentence_start(i)
        if i > first and not view.trailing_space[i - 1] and self._word(view, i - 1)[-1].isdigit():
            return None  # left to _is_smiley, and `opened` only ever marks a "(" opening words
        if word == "(":
            following = i + 1
            if following < len(view.lower) and following not in view.sent_start_set:
                return False if after.isalnum() else None  # a space: only the line can tell
            return True
        if before < first:
            return True  # no "(" in the sentence before it
        return False if opened and before >= first else None

    def _at(self, view: DocView, i: int) -> tuple[str, int] | None:
        """The emoticon starting inside token `i` (read on into the next tokens when glued):
        its text and its offset in the token, or None."""
        assert self._regex is not None
        before = ""
        if i and not view.trailing_space[i - 1]:
            before = self._word(view, i - 1)[-1:]  # for the word-boundary look-behind
        local = before + "".join(
            self._word(view, j) + (" " if view.trailing_space[j] else "")
            for j in range(i, min(i + 3, len(view.lower)))
        )
        word = self._word(view, i)
        for at in range(len(before), len(before) + len(word)):
            if local[at] in self._firsts:
                match = self._regex.match(local, at)
                if match:
                    return match.group(), at - len(before)
        return None

    def _word(self, view: DocView, i: int) -> str:
        lower = view.lower[i]
        word = self._words.get(lower)
        if word is None:
            word = self._words[lower] = view.strings[lower]
        return word

    def _is_smiley_at(self, view: DocView, i: int, offset: int, length: int) -> bool:
        """`_is_smiley` on the sentence of token `i`, rebuilt only for a bracket run."""
        first = view.sentence_start(i)
        if self._sentence is None or self._sentence[0] is not view or self._sentence[1] != first:
            following = bisect_right(view.sent_starts, i)
            last = (
                view.sent_starts[following]
                if following < len(view.sent_starts)
                else len(view.lower)
            )
            self._sentence = (view, first, *lower_text(view, self._words, first, last))
        text, starts = self._sentence[2], self._sentence[3]
        start = starts[i - first] + offset
        return self._is_smiley(text, start, start + length)

    def _meaning(self, found: str) -> tuple[float, str] | None:
        if found[0] in self.runs and found.strip(found[0]) == "":
            return None  # a bare bracket run: judged by _is_smiley
        lower = found.lower()
        while lower and lower not in self._lower and lower[-1] in "()":
            lower = lower[:-1]  # ":(((" is ":(" repeated
        return self._lower.get(lower)

    @staticmethod
    def _is_smiley(text: str, start: int, end: int) -> bool:
        """Whether a bracket run at [start, end) of the sentence `text` is a smiley."""
        if end - start >= 2:
            return True
        before = text[start - 1] if start else " "
        if before.isdigit():
            return False  # "1)" numbers a list item
        sentence_before = text[:start]
        if text[start] == ")":
            return _open_brackets(sentence_before) == 0
        after = text[end] if end < len(text) else " "
        if after.isalnum():
            return False  # "(в сторону)": a bracket opening words
        stop = text.find("\n", end)
        rest = text[end : stop if stop >= 0 else len(text)]
        return ")" not in rest[:200] and (before.isalnum() or not rest.strip(" .!?…"))


def plain_brackets(literal: Mapping[str, object], runs: Mapping[str, object]) -> frozenset[str]:
    """The brackets that `Emoticons._bracket` may settle without the regex: runs that start no
    literal (compared as the regex compares, ignoring case)."""
    firsts = "|".join(re.escape(text[0]) for text in literal)
    literal_first = re.compile(firsts, re.IGNORECASE) if firsts else None
    return frozenset(
        c for c in "()" if c in runs and not (literal_first and literal_first.match(c))
    )


def _open_brackets(text: str) -> int:
    """How many "(" of `text` stay open (a ")" without its "(" is a smiley, not a closer)."""
    if "(" not in text:
        return 0
    depth = 0
    for char in _BRACKETS.findall(text):  # only the brackets, found in C
        if char == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _literal_regex(text: str) -> str:
    """A literal emoticon as a regex: not inside a word when it starts or ends with a letter;
    a final bracket may repeat."""
    body = re.escape(text) + ("+" if text[-1] in "()" else "")
    if text[0].isalnum():
        body = r"(?<![^\W_])" + body
    if text[-1].isalnum():
        body += r"(?![^\W_])"
    return body


def _tokens_covered(view: DocView, i: int, end: int) -> list[int]:
    """The tokens after `i` that an emoticon ending `end` characters into token `i` covers."""
    covered: list[int] = []
    at = len(view.strings[view.lower[i]]) + view.trailing_space[i]
    j = i + 1
    while j < len(view.lower) and at < end:
        covered.append(j)
        at += len(view.strings[view.lower[j]]) + view.trailing_space[j]
        j += 1
    return covered


def lower_text(view: DocView, words: dict[int, str], start: int, end: int) -> tuple[str, list[int]]:
    """The lower-case text of tokens [start, end) rebuilt from the view, and where each token
    starts in it.

    Far cheaper than `doc.text`, which builds a Token per word (`words` caches the strings of
    hashes across docs); lower-casing may change a word's length, so offsets into this text
    are kept apart from the doc's own.
    """
    hashes = view.lower[start:end]
    get = words.get
    forms = [get(lower) for lower in hashes]
    if None in forms:
        for k, lower in enumerate(hashes):
            if forms[k] is None:
                forms[k] = words[lower] = view.strings[lower]
    spaces = view.trailing_space[start:end]
    pieces = [f"{form} " if space else str(form) for form, space in zip(forms, spaces, strict=True)]
    starts = [0, *accumulate(map(len, pieces))]
    starts.pop()
    return "".join(pieces), starts
