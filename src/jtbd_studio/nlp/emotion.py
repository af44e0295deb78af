"""The `jtbd_emotion` component: valence −2..+2 and a taxonomy label per sentence with feeling."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseSplitter, SentenceIndex
from jtbd_studio.nlp.cues import (
    Cue,
    CueMatcher,
    DocView,
    LexiconError,
    content_key,
    lang_of,
    load_cues,
    word_lists,
)
from jtbd_studio.nlp.negation import Intensity, Negation, hashes
from jtbd_studio.nlp.spans import SPAN_GROUPS, register_extensions
from jtbd_studio.paths import corpora_dir

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: A negated cue keeps half its strength with the sign turned ("not bad", «не очень доволен»).
NEGATION_FACTOR = -0.5
#: Feelings before the last "but"/«но» of a sentence count this much ("…, but …" leans right).
BEFORE_CONTRAST = 0.5
#: An exclamation mark strengthens the feeling of its sentence.
EXCLAMATION_FACTOR = 1.3
#: |sum| below this carries no feeling; at or above STRONG it is ±2.
FEELING_THRESHOLD = 0.5
#: A wish or a hypothetical («было бы», "would") carries hope more than felt emotion.
IRREALIS_FACTOR = 0.45
STRONG = 2.0
DEFAULT_LABELS = {1: "delight", -1: "disappointment"}
NEGATED_LABELS = {1: "relief", -1: "disappointment"}
SURPRISE = "surprise"
_BRACKETS = re.compile(r"[()]")


@lru_cache(maxsize=1)
def taxonomy_labels() -> frozenset[str]:
    """The emotion label ids of `corpora/taxonomy/emotions.toml` (empty if the file is absent)."""
    path = corpora_dir() / "taxonomy" / "emotions.toml"
    if not path.is_file():
        return frozenset()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(path, f"cannot read the emotion taxonomy: {exc}") from exc
    return frozenset(str(label["id"]) for label in data.get("labels", []) if "id" in label)


@dataclass
class Feeling:
    """One contribution to a sentence's valence: a lexicon word or an emoticon."""

    token: int
    valence: float
    label: str


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

    def __init__(self, lang: str) -> None:
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
        self._yes: set[int] = set()
        self._no: set[int] = set()
        self._words: dict[int, str] = {}
        # the last sentence rebuilt for _is_smiley_at: brackets come in pairs in one sentence
        self._sentence: tuple[DocView, int, str, list[int]] | None = None

    def _present(self, view: DocView) -> list[int]:
        """Positions of the tokens that may hold an emoticon (each form is judged once)."""
        forms = set(view.lower)
        for form in forms - self._yes - self._no:
            text = view.strings[form]
            maybe = not text.isalnum() and not self._firsts.isdisjoint(text)
            (self._yes if maybe else self._no).add(form)
        present = forms & self._yes
        if not present:
            return []
        return [i for i, form in enumerate(view.lower) if form in present]

    def find(self, view: DocView) -> list[Feeling]:
        """Every emoticon in the doc, placed on the token where it starts."""
        tokens = self._present(view) if self._regex is not None else []
        feelings: list[Feeling] = []
        reach = -1
        for i in tokens:
            if i < reach:
                continue  # inside an emoticon already taken (":" "_" "(")
            if view.trailing_space[i] and self._word(view, i) in self._colons:
                continue  # ": " opens a list or a speech, no face
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


class Emotion:
    """Lexicon valence with negation and intensifiers, plus emoticons, summed per sentence.

    Lexicon lines (`emotion.jsonl`, role `cue`) carry `valence` (−2..+2) and a taxonomy label;
    `negated_label` names the label when the word is negated. One span per sentence (split at
    line breaks) whose feelings sum to |valence| ≥ 0.5, or that holds only surprise.
    """

    def __init__(self, nlp: Language) -> None:
        self.lexicon = CueMatcher(nlp, "emotion", roles=("cue",))
        self.emoticons = Emoticons(lang_of(nlp))
        self.negation = Negation(nlp)
        self.intensity = Intensity(nlp)
        self.splitter = ClauseSplitter(nlp)
        self.exclamation = nlp.vocab.strings.add("!")
        roles = word_lists(lang_of(nlp), "emotion")
        self.irrealis = hashes(nlp, roles.get("irrealis", frozenset()))
        self.contrast = hashes(nlp, roles.get("contrast", frozenset()))
        self.group = SPAN_GROUPS["emotion"]
        self.key_words = self.lexicon.words
        self._check_labels(load_cues(lang_of(nlp), "emotion"))

    @staticmethod
    def _check_labels(cues: tuple[Cue, ...]) -> None:
        known = taxonomy_labels()
        for cue in cues:
            for label in (cue.label, cue.get("negated_label")):
                if known and label and label not in known:
                    raise LexiconError(
                        cue.source, f"unknown emotion label {label!r}", line=cue.line
                    )

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if len(doc):
            index = SentenceIndex(doc, self.splitter)
            units: dict[tuple[int, int], list[Feeling]] = {}
            for feeling in self.feelings(doc, index) + self.emoticons.find(index.view):
                units.setdefault(self.unit(doc, index, feeling.token), []).append(feeling)
            for (start, end), feelings in sorted(units.items()):
                span = self.judge(index, start, end, feelings)
                if span is not None:
                    spans.append(span)
        doc.spans[self.group] = spans
        return doc

    def feelings(self, doc: Doc, index: SentenceIndex) -> list[Feeling]:
        """Lexicon matches with negation turning the sign and intensifiers scaling them."""
        result: list[Feeling] = []
        reach = -1
        view = index.view
        for cue, start, end in self.lexicon.find(doc):
            if end <= reach:
                continue  # nested in a longer cue ("не понимать" holds "понимать")
            reach = end
            # The sentence bounds the windows; negation and intensity stop at punctuation anyway.
            floor, ceiling = index.sentence(start)
            valence = float(cue.get("valence", 0)) * self.intensity.factor(view, start, floor)
            label = cue.label
            if valence and self.negation.is_negated(view, start, end, floor, ceiling):
                valence *= NEGATION_FACTOR
                sign = 1 if valence > 0 else -1
                label = cue.get("negated_label") or NEGATED_LABELS[sign]
            result.append(Feeling(start, valence, label))
        return result

    @staticmethod
    def _last(view: DocView, words: frozenset[int], start: int, end: int) -> int:
        """The last position in [start, end) holding one of `words`, or -1 (a set test first)."""
        if words.isdisjoint(view.lower[start:end]) and words.isdisjoint(view.lemma[start:end]):
            return -1
        return max((i for i in range(start, end) if view.has(words, i)), default=-1)

    def _irrealis_clause(self, index: SentenceIndex, i: int) -> bool:
        """Whether the clause holding token `i` has a word of wish or hypothesis."""
        if not self.irrealis:
            return False
        start, end = index.clause(i)
        return any(index.view.has(self.irrealis, j) for j in range(start, end))

    @staticmethod
    def unit(doc: Doc, index: SentenceIndex, i: int) -> tuple[int, int]:
        """The sentence holding token `i`, cut at line breaks."""
        start, end = index.sentence(i)
        view = index.view
        if not view.has_newlines:
            return start, end
        for j in range(i - 1, start - 1, -1):
            if view.is_newline(j):
                start = j + 1
                break
        for j in range(i + 1, end):
            if view.is_newline(j):
                end = j
                break
        return start, end

    def judge(
        self, index: SentenceIndex, start: int, end: int, feelings: list[Feeling]
    ) -> Span | None:
        """Sum the feelings of one sentence into a span with valence and label, or None."""
        view = index.view
        doc = view.doc
        turn = self._last(view, self.contrast, start, end)
        irrealis = self._last(view, self.irrealis, start, end) >= 0
        total = 0.0
        for feeling in feelings:
            # "slow at first, but the support was great": the clause after "but" carries it.
            weight = BEFORE_CONTRAST if feeling.token < turn else 1.0
            if irrealis and self._irrealis_clause(index, feeling.token):
                weight *= IRREALIS_FACTOR  # «было бы здорово», "would be nice": hope, not feeling
            total += feeling.valence * weight
        if self.exclamation in view.lower[start:end]:
            total *= EXCLAMATION_FACTOR
        while start < end and view.space[start]:
            start += 1
        while end > start and view.space[end - 1]:
            end -= 1
        if end <= start:
            return None
        if abs(total) < FEELING_THRESHOLD:
            if not any(f.label == SURPRISE for f in feelings):
                return None
            valence, label = 0, SURPRISE
        else:
            sign = 1 if total > 0 else -1
            valence = sign * (2 if abs(total) >= STRONG else 1)
            same = [f for f in feelings if f.valence * sign > 0]
            label = max(same, key=lambda f: abs(f.valence)).label or DEFAULT_LABELS[sign]
        span = doc[start:end]
        span.label_ = label
        span._.valence = valence
        span._.score = round(min(1.0, 0.45 + 0.1 * len(feelings) + 0.1 * abs(total)), 3)
        span._.key = content_key(span, self.key_words)
        return span


@Language.factory(
    "jtbd_emotion",
    assigns=["doc.spans"],
    requires=["token.lemma", "doc.sents"],
    default_config={},
)
def make_emotion(nlp: Language, name: str) -> Emotion:
    """Build the emotion component for the pipeline's language."""
    register_extensions()
    return Emotion(nlp)
