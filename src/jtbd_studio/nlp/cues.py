"""Cue and lexicon files per language: loading, validation, and compiling into spaCy matchers.

Every semantic component (friction, emotion, force, job, churn risk, phrase) reads its knowledge
from `corpora/lexicons/<lang>/<name>.jsonl`: one JSON object per line, blank lines and lines
starting with `#` ignored. Adding a language means adding a folder; no code changes.

Fields of a line (only `pattern` is required; each component documents what else it reads):

- `pattern`: a string in this small language, one item per token, separated by spaces:
  `word` matches the lemma of `word` (the pattern word is lemmatized by the pipeline's own
  lemmatizer, so «долгих» and «долгий» both work); `a|b|c` any of them; `=word` the exact
  lower-case form (no lemmatizing); `_` any non-punctuation token; a trailing `?` makes an item
  optional; `_{0,3}` is zero to three non-punctuation tokens. The first item must be a word.
- `label` (str), `score` (0..1, default 0.7), `role` (str, default "cue") and any other
  component-specific field (`polarity`, `valence`, `weak`, …).

Files are read once per process and cached; a malformed line raises `LexiconError` naming the
file and line.
"""

from __future__ import annotations

import functools
import json
import re
import weakref
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy

from jtbd_studio.errors import InputFileError
from jtbd_studio.paths import corpora_dir

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_REPEAT = re.compile(r"^_\{(\d+),(\d+)\}$")
#: Lemmas kept in normalized keys although spaCy lists them as stop words: they carry meaning.
_KEEP_IN_KEY = frozenset({"не", "нет", "ни", "без", "not", "no", "never", "without", "nothing"})


class LexiconError(InputFileError):
    """A lexicon or cue file under corpora/lexicons is malformed."""

    title = "Invalid lexicon file"


@dataclass(frozen=True)
class Cue:
    """One line of a cue file: a pattern and what a match of it means."""

    source: str
    line: int
    pattern: str
    label: str = ""
    score: float = 0.7
    role: str = "cue"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        """A component-specific field of the line (e.g. `polarity`, `valence`)."""
        return self.extra.get(name, default)


def lang_of(nlp: Language) -> str:
    """The pipeline's language code ("" if it has none: no cue files, no extraction)."""
    return nlp.lang or ""


def lexicon_path(lang: str, name: str) -> Path:
    """Where the cue file `name` of language `lang` lives inside the package."""
    return corpora_dir() / "lexicons" / lang / f"{name}.jsonl"


@lru_cache(maxsize=128)
def load_cues(lang: str, name: str) -> tuple[Cue, ...]:
    """Read and validate one cue file; a language without the file has no cues (empty tuple)."""
    path = lexicon_path(lang, name)
    if not path.is_file():
        return ()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(path, f"cannot read: {exc}") from exc
    return tuple(
        _parse_line(path, number, text)
        for number, text in enumerate(lines, 1)
        if text.strip() and not text.lstrip().startswith("#")
    )


def _parse_line(path: Path, number: int, text: str) -> Cue:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(path, f"not JSON: {exc.msg}", line=number) from exc
    if not isinstance(raw, dict) or "pattern" not in raw:
        raise LexiconError(path, "each line must be an object with a 'pattern'", line=number)
    pattern = raw.pop("pattern")
    if not isinstance(pattern, str) or not pattern.split():
        raise LexiconError(path, "'pattern' must be a non-empty string", line=number)
    score = raw.pop("score", 0.7)
    if not isinstance(score, int | float) or not 0 <= score <= 1:
        raise LexiconError(path, "'score' must be a number in 0..1", line=number)
    label, role = raw.pop("label", ""), raw.pop("role", "cue")
    if not isinstance(label, str) or not isinstance(role, str):
        raise LexiconError(path, "'label' and 'role' must be strings", line=number)
    return Cue(str(path), number, pattern, label, float(score), role, raw)


def word_lists(lang: str, name: str) -> dict[str, frozenset[str]]:
    """Single-word cues of a file grouped by role, as sets of lower-case words (not lemmatized)."""
    groups: dict[str, set[str]] = {}
    for cue in load_cues(lang, name):
        word = cue.pattern.lower()
        groups.setdefault(cue.role, set()).update({word, _yo(word)})
    return {role: frozenset(words) for role, words in groups.items()}


def pipeline_lemmatizer(nlp: Language) -> Callable[[str], str]:
    """Lemmatize one pattern word with the pipes already in `nlp` that assign lemmas.

    Patterns are normalized by the same lemmatizer as the text, so a cue written in any form
    matches every form. Without such a pipe, the lower-case word is its own lemma.
    """
    procs = [
        proc for name, proc in nlp.pipeline if "token.lemma" in nlp.get_pipe_meta(name).assigns
    ]
    cache: dict[str, str] = {}

    def lemmatize(word: str) -> str:
        if word not in cache:
            doc = nlp.make_doc(word)
            for proc in procs:
                doc = proc(doc)
            cache[word] = doc[0].lemma_.lower() if len(doc) == 1 and doc[0].lemma_ else word
        return cache[word]

    return lemmatize


@dataclass(frozen=True)
class Item:
    """One pattern position: a set of lemma (or lower-case form) hashes, or any word."""

    hashes: frozenset[int] | None  # None: any non-punctuation token
    on_lower: bool
    low: int
    high: int


def compile_items(cue: Cue, lemmatize: Callable[[str], str], strings: Any) -> tuple[Item, ...]:
    """Turn a cue's pattern string into items; the first must be a concrete word."""
    items: list[Item] = []
    for item in cue.pattern.split():
        repeat = _REPEAT.match(item)
        if repeat:
            items.append(Item(None, False, int(repeat[1]), int(repeat[2])))
            continue
        if "{" in item or "}" in item:
            raise LexiconError(cue.source, f"bad repeat {item!r} (write _{{0,3}})", line=cue.line)
        optional = item.endswith("?") and len(item) > 1
        item = item[:-1] if optional else item
        low = 0 if optional else 1
        if item == "_":
            items.append(Item(None, False, low, 1))
            continue
        on_lower = item.startswith("=") and len(item) > 1
        words = [w.lower() for w in item.lstrip("=").split("|") if w]
        forms = set(words) | ({_yo(w) for w in words})
        if not on_lower:
            forms |= {lemmatize(w) for w in words}
        items.append(Item(frozenset(strings.add(f) for f in forms), on_lower, low, 1))
    if not items or items[0].hashes is None or items[0].low == 0:
        raise LexiconError(cue.source, "a pattern must start with a word", line=cue.line)
    return tuple(items)


def _yo(word: str) -> str:
    return word.replace("ё", "е")


class DocView:
    """Token attributes of a doc as Python lists (one `to_array` call): cheap to scan.

    Hashes of lemmas and lower-case forms (punctuation is its own lower-case form, so `lower`
    also serves for commas, dashes and brackets), 0/1 flags and the sentence starts.
    """

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import (
            IS_ALPHA,
            IS_PUNCT,
            IS_SPACE,
            IS_STOP,
            LEMMA,
            LOWER,
            SENT_START,
            SPACY,
        )

        # weakly: _VIEWS is keyed weakly by the doc, and a strong reference back from its value
        # would keep every analyzed doc alive
        self._doc = weakref.ref(doc)
        self.strings = doc.vocab.strings
        self.lemma: list[int] = []
        self.lower: list[int] = []
        # 0/1 flags per token, plain lists (read in every inner loop of every component)
        self.punct: list[int] = []
        self.space: list[int] = []
        self.alpha: list[int] = []
        self.trailing_space: list[int] = []
        """1 where whitespace follows the token."""
        self.stop: list[int] = []
        self.sent_starts: list[int] = [0]
        """The first token of every sentence (just [0] without sentence boundaries)."""
        self._newlines: frozenset[int] = frozenset()
        if len(doc):
            columns = [LEMMA, LOWER, IS_PUNCT, IS_SPACE, IS_ALPHA, SPACY, IS_STOP, SENT_START]
            values = doc.to_array(columns)
            self.lemma, self.lower = values[:, :2].T.tolist()
            flags = values[:, 2:7].astype("uint8").T.tolist()
            self.punct, self.space, self.alpha, self.trailing_space, self.stop = flags
            starts = numpy.flatnonzero(values[:, 7] == 1).tolist()
            if starts:
                self.sent_starts = starts if starts[0] == 0 else [0, *starts]
            strings, lower = self.strings, self.lower
            self._newlines = frozenset(
                i for i in numpy.flatnonzero(values[:, 3]).tolist() if "\n" in strings[lower[i]]
            )

    @property
    def doc(self) -> Doc:
        doc = self._doc()
        assert doc is not None, "the doc of a DocView is gone"
        return doc

    def has(self, hashes: frozenset[int], i: int) -> bool:
        """Whether token `i`'s lemma or lower-case form is in `hashes`."""
        return self.lemma[i] in hashes or self.lower[i] in hashes

    def text(self, i: int) -> str:
        """The lower-case text of token `i` (without building a Token)."""
        return self.strings[self.lower[i]]

    @property
    def has_newlines(self) -> bool:
        """Whether any token is whitespace holding a line break."""
        return bool(self._newlines)

    def is_newline(self, i: int) -> bool:
        """Whether token `i` is whitespace holding a line break."""
        return i in self._newlines

    def skip_inline_space(self, i: int) -> int:
        """The first position at or after `i` that is not whitespace within a line (NBSP)."""
        n = len(self.lemma)
        while i < n and self.space[i] and i not in self._newlines:
            i += 1
        return i

    def is_inline_space(self, i: int) -> bool:
        """Whether token `i` is whitespace without a line break (a non-breaking space)."""
        return bool(self.space[i]) and i not in self._newlines

    @functools.cached_property
    def sent_start_set(self) -> frozenset[int]:
        """The sentence starts as a set, for membership tests."""
        return frozenset(self.sent_starts)

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence holding token `i`."""
        return self.sent_starts[bisect_right(self.sent_starts, i) - 1]


_VIEWS: weakref.WeakKeyDictionary[Any, DocView] = weakref.WeakKeyDictionary()


_last: list[DocView | None] = [None]


def doc_view(doc: Doc) -> DocView:
    """The doc's view, built once and shared by the components that run after the lemmatizer.

    A doc passes through every component before the next one comes (nlp.pipe chains them),
    so the last view answers almost every call; the weak dictionary answers the rest.
    """
    view = _last[0]
    if view is None or view._doc() is not doc:
        view = _VIEWS.get(doc)
    if view is None or len(view.lemma) != len(doc):
        view = _VIEWS[doc] = DocView(doc)
    _last[0] = view
    return view


class CueMatcher:
    """Matches the cues of one file: a set look-up of first words, then a check of the rest of
    each pattern at those few positions (far faster here than one spaCy pattern per cue)."""

    def __init__(self, nlp: Language, name: str, roles: Iterable[str] | None = None) -> None:
        wanted = set(roles) if roles is not None else None
        self._strings = nlp.vocab.strings
        lemmatize = pipeline_lemmatizer(nlp)
        self.patterns: list[tuple[Cue, tuple[Item, ...]]] = []
        self._by_lemma: dict[int, list[int]] = {}
        self._by_lower: dict[int, list[int]] = {}
        for cue in load_cues(lang_of(nlp), name):
            if wanted is not None and cue.role not in wanted:
                continue
            items = compile_items(cue, lemmatize, nlp.vocab.strings)
            index = self._by_lower if items[0].on_lower else self._by_lemma
            for key in items[0].hashes or ():
                index.setdefault(key, []).append(len(self.patterns))
            self.patterns.append((cue, items))
        self._lemma_keys = frozenset(self._by_lemma)
        self._lower_keys = frozenset(self._by_lower)

    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def words(self) -> frozenset[int]:
        """Lemma hashes of the cues' head words of four letters or more (kept in keys even
        when spaCy calls them stop words); short function words stay out."""
        return frozenset(key for key in self._by_lemma if len(self._strings[key]) >= 4)

    def find(self, doc: Doc) -> list[tuple[Cue, int, int]]:
        """Matches as (cue, start, end) token offsets, longest first among equal starts."""
        if not self.patterns or not len(doc):
            return []
        view = doc_view(doc)
        space = view.space
        found: list[tuple[Cue, int, int]] = []
        for keys, values, index in (
            (self._lemma_keys, view.lemma, self._by_lemma),
            (self._lower_keys, view.lower, self._by_lower),
        ):
            present = keys.intersection(values)  # a set operation in C: most docs stop here
            if not present:
                continue
            # one comprehension over the few present keys beats indexing every token
            for start in [i for i, value in enumerate(values) if value in present]:
                for number in index[values[start]]:
                    cue, items = self.patterns[number]
                    if len(items) == 1:
                        found.append((cue, start, start + 1))
                        continue
                    second, after = items[1], start + 1
                    if after < len(values) and space[after]:
                        after = view.skip_inline_space(after)
                    if second.low and (after >= len(values) or not _fits(view, second, after)):
                        continue  # the common miss, without a recursive call
                    end = _match_rest(view, items, 1, start + 1)
                    if end > 0:
                        found.append((cue, start, end))
        found.sort(key=lambda m: (m[1], -m[2]))
        return found


def _match_rest(view: DocView, items: tuple[Item, ...], k: int, pos: int) -> int:
    """The end of the longest match of items[k:] from token `pos`, or -1."""
    if k == len(items):
        return pos
    item = items[k]
    n = len(view.lemma)
    taken = 0
    ends: list[int] = []  # positions after taking 0..high tokens
    while True:
        if taken >= item.low:
            ends.append(pos)
        # A non-breaking space is its own token: a pattern reads through it, never ends on it.
        at = view.skip_inline_space(pos) if pos < n and view.space[pos] else pos
        if taken == item.high or at >= n or not _fits(view, item, at):
            break
        taken += 1
        pos = at + 1
    for after in reversed(ends):  # greedy: longest first
        end = _match_rest(view, items, k + 1, after)
        if end > 0:
            return end
    return -1


def _fits(view: DocView, item: Item, i: int) -> bool:
    if item.hashes is None:
        return not view.punct[i] and not view.space[i]
    return (view.lower[i] if item.on_lower else view.lemma[i]) in item.hashes or (
        not item.on_lower and view.lower[i] in item.hashes
    )


def content_key(span: Span, keep: Container[int] = frozenset()) -> str:
    """The normalized key: lower-case lemmas of the span's content words, space-joined.

    Stop words are dropped except negators and the lemmas in `keep` (a component's cue words:
    spaCy lists «долго» as a Russian stop word, yet it is the point of «долго отвечали»).
    """
    view = doc_view(span.doc)
    strings = view.strings
    lemmas, lowers, punct, space, stop = view.lemma, view.lower, view.punct, view.space, view.stop
    words: list[str] = []
    every: list[str] = []
    for i in range(span.start, span.end):
        if punct[i] or space[i]:
            continue
        lemma_hash = lemmas[i]
        lemma = strings[lemma_hash or lowers[i]].lower()
        every.append(lemma)
        if not stop[i] or lemma_hash in keep or lemma in _KEEP_IN_KEY:
            words.append(lemma)
    return " ".join(words or every)


def speaker_role(doc: Doc) -> str:
    """The role of the doc's speaker: "customer", "interviewer", or "customer" when unknown."""
    role = doc.user_data.get("jtbd_role")
    return "interviewer" if role == "interviewer" else "customer"
