"""The `jtbd_emotion` component: valence −2..+2 and a taxonomy label per sentence with feeling."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
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
    """Emoticons and emoji from `emotion.jsonl` (role `emoticon`), found on tokens.

    A literal line matches a token whose lower-case text is the pattern (":)", "😂"), or a run
    of emoji glued into one token. A `run: true` line names one bracket character: a run of two
    or more counts ("))", "((("); a single one counts when glued to a word («сейчас)»,
    «слабость(») and is not a bracket (")" closing an open "(", "(" opening before a word).
    """

    def __init__(self, lang: str) -> None:
        self.literal: dict[str, tuple[float, str]] = {}
        self.runs: dict[str, tuple[float, str]] = {}
        for cue in load_cues(lang, "emotion"):
            if cue.role == "emoticon":
                target = self.runs if cue.get("run") else self.literal
                target[cue.pattern.lower()] = (float(cue.get("valence", 0)), cue.label)
        self._chars = frozenset("".join(self.literal)) | frozenset(self.runs)
        self._yes: set[int] = set()
        self._no: set[int] = set()

    def _present(self, view: DocView) -> set[int]:
        """Hashes of the doc's tokens that may be emoticons (each form is judged once)."""
        forms = set(view.lower)
        for form in forms - self._yes - self._no:
            text = view.strings[form]
            maybe = not text.isalnum() and not self._chars.isdisjoint(text)
            (self._yes if maybe else self._no).add(form)
        return forms & self._yes

    def find(self, view: DocView) -> list[Feeling]:
        """Every emoticon in the doc, placed on its (first) token."""
        present = self._present(view) if self.literal or self.runs else set()
        if not present:
            return []
        where = view.where(True)
        feelings: list[Feeling] = []
        taken = -1
        for i in sorted(i for form in present for i in where[form]):
            if i <= taken:
                continue
            text = view.text(i)
            if text in self.runs:
                end = self._run_end(view, i)
                taken = end - 1
                if self._is_smiley(view, i, end, text):
                    valence, label = self.runs[text]
                    feelings.append(Feeling(i, valence * (1.5 if end - i > 2 else 1.0), label))
                continue
            meaning = self.literal.get(text) or next(
                (self.literal[ch] for ch in text if ch in self.literal), None
            )
            if meaning is not None:
                feelings.append(Feeling(i, *meaning))
        return feelings

    @staticmethod
    def _run_end(view: DocView, i: int) -> int:
        end = i + 1
        while (
            end < len(view.lower)
            and view.lower[end] == view.lower[i]
            and not view.trailing_space[end - 1]
        ):
            end += 1
        return end

    @staticmethod
    def _is_smiley(view: DocView, start: int, end: int, char: str) -> bool:
        if end - start >= 2:
            return True
        if start == 0 or view.trailing_space[start - 1] or not view.alpha[start - 1]:
            return False  # a lone bracket not glued to a word is punctuation
        if char == ")":
            before = [view.text(j) for j in range(view.sentence_start(start), start)]
            return before.count("(") <= before.count(")")
        return end >= len(view.lower) or bool(view.trailing_space[start]) or not view.alpha[end]


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
        self.irrealis = hashes(
            nlp, word_lists(lang_of(nlp), "emotion").get("irrealis", frozenset())
        )
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
                span = self.judge(index.view, start, end, feelings)
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
    def unit(doc: Doc, index: SentenceIndex, i: int) -> tuple[int, int]:
        """The sentence holding token `i`, cut at line breaks."""
        start, end = index.sentence(i)
        view = index.view
        for j in range(i - 1, start - 1, -1):
            if view.is_newline(j):
                start = j + 1
                break
        for j in range(i + 1, end):
            if view.is_newline(j):
                end = j
                break
        return start, end

    def judge(self, view: DocView, start: int, end: int, feelings: list[Feeling]) -> Span | None:
        """Sum the feelings of one sentence into a span with valence and label, or None."""
        doc = view.doc
        total = sum(f.valence for f in feelings)
        if self.exclamation in view.lower[start:end]:
            total *= EXCLAMATION_FACTOR
        if any(view.has(self.irrealis, i) for i in range(start, end)):
            total *= IRREALIS_FACTOR  # "it would be nice", «было бы здорово»: hope, not feeling
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
