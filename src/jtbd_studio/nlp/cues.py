"""Cue and lexicon files per language: loading, validation, and compiling into spaCy matchers.

Every semantic component (friction, emotion, force, job, churn risk, phrase) reads its knowledge
from `corpora/lexicons/<lang>/<name>.jsonl`: one JSON object per line, blank lines and lines
starting with `#` ignored. Adding a language means adding a folder; no code changes.

Fields of a line (only `pattern` is required; each component documents what else it reads):

- `pattern`: a string in this small language, one item per token, separated by spaces:
  `word` matches the lemma of `word` (the pattern word is lemmatized by the pipeline's own
  lemmatizer, so «долгих» and «долгий» both work); `a|b|c` any of them; `=word` the exact
  lower-case form (no lemmatizing; `=a|b` is the exact form a or b); `_` any non-punctuation
  token; a trailing `?` makes an item optional; `_{0,3}` is zero to three non-punctuation
  tokens. The first item must be a word. Between items a pattern reads through hesitations,
  fillers set off by commas and a word said twice in speech (`Disfluency`): "took me, um, a
  while" matches "take a while".
- `label` (str), `score` (0..1, default 0.7), `role` (str, default "cue") and any other
  component-specific field (`polarity`, `valence`, `weak`, …).

Files are read once per process and cached; a malformed line raises `LexiconError` naming the
file and line.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jtbd_studio.errors import InputFileError
from jtbd_studio.nlp.view import (
    ANCHOR_LEMMA,
    ANCHOR_LOWER,
    CUE_WORDS,
    FIRST_LEMMA,
    FIRST_LOWER,
    DocView,
    doc_view,
)
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


@lru_cache(maxsize=8)
def key_function_words(lang: str) -> frozenset[str]:
    """Function words never kept in a key, though a cue pattern starts with them
    (`corpora/lexicons/<lang>/key_function_words.jsonl`; none if the file is absent)."""
    from jtbd_studio.nlp import resources

    if not resources.lexicon_path(lang, "key_function_words").is_file():
        return frozenset()
    return resources.words(lang, "key_function_words")


def word_lists(lang: str, name: str) -> dict[str, frozenset[str]]:
    """Single-word cues of a file grouped by role, as sets of lower-case words (not lemmatized);
    "a|b" lists both words, as in a pattern, and a leading "=" is dropped."""
    groups: dict[str, set[str]] = {}
    for cue in load_cues(lang, name):
        for word in cue.pattern.lower().split("|"):
            word = word.removeprefix("=")
            groups.setdefault(cue.role, set()).update({word, _yo(word)})
    return {role: frozenset(words) for role, words in groups.items()}


def pipeline_lemmatizer(nlp: Language) -> Callable[[str], str]:
    """Lemmatize one pattern word with the pipes already in `nlp` that assign lemmas.

    Patterns are normalized by the same lemmatizer as the text, so a cue written in any form
    matches every form. Without such a pipe, the lower-case word is its own lemma.
    """
    # our lemmatizer annotates these docs aside: the components being built never see them
    procs = [
        getattr(proc, "annotate_aside", proc)
        for name, proc in nlp.pipeline if "token.lemma" in nlp.get_pipe_meta(name).assigns
    ]
    cache: dict[str, str] = {}

    def lemmatize(word: str) -> str:
        if word not in cache:
            doc = nlp.make_doc(word)
            for proc in procs:
                proc(doc)  # each annotates the doc in place
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
        raw = item
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
        alternatives = item.lstrip("=").split("|")
        if not on_lower and any(w.startswith("=") for w in alternatives):
            raise LexiconError(
                cue.source, f"'=' marks a whole item: write ={item.replace('=', '')}", line=cue.line
            )
        # "=me|=us" reads as "=me|us": the mark is the item's, a repeat of it is allowed
        words = [w.lstrip("=").lower() for w in alternatives if w.lstrip("=")]
        if not words:  # "=?" is "=" made optional: a literal "?" is written "=?|¿"
            raise LexiconError(cue.source, f"item {raw!r} has no word", line=cue.line)
        if len(words) < len(alternatives):  # "a||b", or "=.|=?": the last "?" made it optional
            raise LexiconError(
                cue.source, f"item {raw!r} has an empty alternative (a literal '?' goes first: "
                "'=?|=.')", line=cue.line,
            )
        forms = set(words) | ({_yo(w) for w in words})
        if not on_lower:
            forms |= {lemmatize(w) for w in words}
        items.append(Item(frozenset(strings.add(f) for f in forms), on_lower, low, 1))
    if not items or items[0].hashes is None or items[0].low == 0:
        raise LexiconError(cue.source, "a pattern must start with a word", line=cue.line)
    return tuple(items)


def _yo(word: str) -> str:
    return word.replace("ё", "е")


class _Compiled:
    """What `CueMatcher.find` reads of one pattern, in one object: its number (the order of
    the file), items, first words, and the words that must be in a doc for it to match
    (`_compiled` makes one)."""

    def __init__(
        self, number: int, items: tuple[Item, ...], first_keys: tuple[int, ...], first_lower: bool,
        must: frozenset[int] | None, any_of: tuple[frozenset[int], ...] | None,
    ) -> None:
        self.number = number
        self.items = items
        #: the first item's words as a tuple (looked up one by one in the index of first words,
        #: no set made per doc), and whether they are lower-case forms
        self.first_keys = first_keys
        self.first_lower = first_lower
        #: the other required items: each must have a word among the doc's words too; those of
        #: one word make one set (one subset test), the others are tested one by one
        self.must = must
        self.any_of = any_of


def _compiled(number: int, items: tuple[Item, ...], anchor: Item) -> _Compiled:
    """What `find` reads of the pattern `items` whose anchor item is `anchor`."""
    required = [
        item.hashes for item in items
        if item is not anchor and item.hashes is not None and item.low
    ]
    single = frozenset(key for hashes in required if len(hashes) == 1 for key in hashes)
    # sets of their own, made beside the pattern's object (frozenset(a frozenset) is the same
    # object, which lies with the items)
    several = tuple(frozenset(list(hashes)) for hashes in required if len(hashes) > 1)
    return _Compiled(
        number, items, tuple(items[0].hashes or ()), items[0].on_lower, single or None, several or None
    )


class CueMatcher:
    """Matches the cues of one file. Each pattern has an anchor, its rarest-looking required
    word: a pattern whose anchor is not among the doc's words cannot match, so one set
    operation in C leaves the few patterns to check, and only at their first words' positions
    (most patterns start with a function word, «не», "not", that most docs hold)."""

    def __init__(self, nlp: Language, name: str, roles: Iterable[str] | None = None) -> None:
        wanted = set(roles) if roles is not None else None
        self._strings = nlp.vocab.strings
        self._function_words = key_function_words(lang_of(nlp))
        lemmatize = pipeline_lemmatizer(nlp)
        self.patterns: list[tuple[Cue, tuple[Item, ...]]] = []
        self._by_lemma: dict[int, list[int]] = {}
        anchors: list[Item] = []  # per pattern, its anchor item
        numbers: dict[int, list[int]] = {}  # anchor-word hash -> the patterns it anchors
        for cue in load_cues(lang_of(nlp), name):
            if wanted is not None and cue.role not in wanted:
                continue
            items = compile_items(cue, lemmatize, nlp.vocab.strings)
            if not items[0].on_lower:
                for key in items[0].hashes or ():
                    self._by_lemma.setdefault(key, []).append(len(self.patterns))
            anchor = _anchor(items, self._strings)
            for key in anchor.hashes or ():
                numbers.setdefault(key, []).append(len(self.patterns))
            CUE_WORDS.add(tuple(items[0].hashes or ()), items[0].on_lower, anchor.hashes or frozenset())
            anchors.append(anchor)
            self.patterns.append((cue, items))
        self._disfluency = disfluency(nlp)
        #: anchor-word hash -> the patterns it anchors, each with what `find` reads of it. Made
        #: last, anchor by anchor: `find` reads the candidates of a doc's anchor words one after
        #: another, and objects made side by side share memory lines and pages instead of lying
        #: among the lexicons' strings and the items they were made with (paired A/B runs of the
        #: whole analysis put the gain between none and 3 %: within the machine's noise).
        made: dict[int, _Compiled] = {}
        self._by_anchor: dict[int, list[_Compiled]] = {}
        for key, group in numbers.items():
            self._by_anchor[key] = [
                made.get(number) or made.setdefault(
                    number, _compiled(number, self.patterns[number][1], anchors[number])
                )
                for number in group
            ]
        self._anchor_keys = frozenset(self._by_anchor)

    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def words(self) -> frozenset[int]:
        """Lemma hashes of the cues' head words of four letters or more (kept in keys even
        when spaCy calls them stop words: «долго», "never"); short function words and those
        of `key_function_words.jsonl` ("that", «чтобы») stay out."""
        strings, function_words = self._strings, self._function_words
        return frozenset(
            key for key in self._by_lemma
            if len(strings[key]) >= 4 and strings[key] not in function_words
        )

    def find(self, doc: Doc) -> list[tuple[Cue, int, int]]:
        """Matches as (cue, start, end) token offsets, longest first among equal starts."""
        if not self.patterns or not len(doc):
            return []
        view = doc_view(doc)
        # in C, over the few anchor words of any matcher the doc holds: most docs stop here
        anchored = self._anchor_keys.intersection(_anchors_in(view))
        if not anchored:
            return []
        words = view.words
        self._disfluency.mark(view)
        found: list[tuple[int, int, int, int]] = []  # start, -end, first word by form, number
        by_anchor = self._by_anchor
        candidates: Iterable[_Compiled] = (  # one anchor word, as a rule: its list, no new set
            by_anchor[next(iter(anchored))] if len(anchored) == 1
            else {compiled for key in anchored for compiled in by_anchor[key]}
        )
        by_lemma, by_lower = _first_positions(view)
        for compiled in candidates:
            if compiled.must is not None and not compiled.must.issubset(words):
                continue  # a required word is missing
            if compiled.any_of is not None and any(item.isdisjoint(words) for item in compiled.any_of):
                continue  # no word of a required item is there
            self._match_pattern(view, compiled, by_lower if compiled.first_lower else by_lemma, found)
        # the order of a scan by first word: by start, longest first, then as listed (the
        # patterns whose first word is a lemma before those whose first word is a form)
        found.sort()
        patterns = self.patterns
        return [(patterns[number][0], start, -end) for start, end, _, number in found]

    def _match_pattern(
        self, view: DocView, compiled: _Compiled, at: dict[int, list[int]],
        found: list[tuple[int, int, int, int]],
    ) -> None:
        """Append every match of one pattern; `at` holds the positions of the first words
        (`_first_positions`, of lemmas or of lower-case forms as the first item reads)."""
        items = compiled.items
        first = items[0]
        number = compiled.number
        n = len(view.lemma)
        hops = view.hops
        for key in compiled.first_keys:
            starts = at.get(key)
            if starts is None:
                continue
            for start in starts:
                if len(items) == 1:
                    found.append((start, -start - 1, first.on_lower, number))
                    continue
                after = start + 1
                if after < n and view.space[after]:
                    after = view.skip_inline_space(after)
                if hops is not None:
                    after = hops.get(after, after)
                second = items[1]
                if second.low and (after >= n or not _fits(view, second, after)):
                    continue  # the common miss, without a recursive call
                end = _match_rest(view, items, 1, start + 1)
                if end > 0:
                    found.append((start, -end, first.on_lower, number))


class Disfluency:
    """What a cue pattern reads through between its words, as if it were not there: a sound of
    hesitation ("um", «эм»), a filler set off by commas (", like,", «, как бы,») and a word said
    twice ("for, for support", "the the"). Spoken complaints are full of them: "it took me, um,
    a while" is "it took me a while" to the pattern of "take a while". The words are the roles
    `hesitation` and `set_off` of `clauses.jsonl`. The first word of a match is never skipped:
    a match starts at a word of its pattern. A word said twice is read through only in a doc
    that holds a hesitation or a filler (speech, not an article's prose), so that the other docs
    cost one set test."""

    def __init__(self, nlp: Language, number: int) -> None:
        lists = word_lists(lang_of(nlp), "clauses")
        add = nlp.vocab.strings.add
        self.number = number
        self.hesitations = frozenset(add(w) for w in lists.get("hesitation", ()))
        #: fillers set off by commas, as sequences of lower-case form hashes ("you know")
        self.set_off = tuple(
            tuple(add(w) for w in phrase.split()) for phrase in sorted(lists.get("set_off", ()))
        )
        self.first_words = frozenset(phrase[0] for phrase in self.set_off)
        #: a doc without any of these words has nothing to read through: its last words
        #: ("know" of "you know", «бы» of «как бы») are rarer than its first ("i", «в»)
        self.signs = self.hesitations | frozenset(phrase[-1] for phrase in self.set_off)
        self.comma = add(",")

    def mark(self, view: DocView) -> None:
        """Set `view.hops` (None when nothing in the doc is read through), once per doc."""
        if view.hops_of == self.number:
            return
        view.hops_of = self.number
        view.hops = None
        view.skipped = None
        lower, punct = view.lower, view.punct
        n = len(lower)
        if n < 2:
            return
        if self.signs.isdisjoint(view.words):
            return  # in C, over the few sign words (their hashes kept in the set): most docs
        hesitations, first_words, comma = self.hesitations, self.first_words, self.comma
        # the positions a hop may start at: one pass, no call per token
        starts: list[int] = []
        last = n - 1
        previous = lower[0]
        for i in range(1, n):
            word = lower[i]
            if word == comma:
                if i < last:
                    after = lower[i + 1]
                    if after in hesitations or after in first_words or after == previous:
                        starts.append(i)
            elif word in hesitations or (word == previous and not punct[i]):
                starts.append(i)
            previous = word
        if len(view.segments) > 1:  # packed pieces: each is speech or prose on its own
            starts = self._in_speech(view, starts)
        if not starts:
            return
        hops: dict[int, int] = {}
        for i in starts:
            j = self._skip(view, i)
            if j != i:
                hops[i] = j
        if hops:
            view.hops = hops
            view.skipped = frozenset(k for i, j in hops.items() for k in range(i, j))

    def _in_speech(self, view: DocView, starts: list[int]) -> list[int]:
        """The `starts` in packed pieces (view.segments) that hold a sign word."""
        bounds = [*view.segments, len(view.lower)]
        spoken = {
            a for a, b in itertools.pairwise(bounds)
            if not (self.signs.isdisjoint(view.lower[a:b]) and self.signs.isdisjoint(view.lemma[a:b]))
        }
        return [i for i in starts if view.segment_start(i) in spoken]

    def _skip(self, view: DocView, i: int) -> int:
        """The position read instead of `i`: past every run of what is read through."""
        lower, punct, n = view.lower, view.punct, len(view.lower)
        start = i
        previous = self._previous_word(view, start)
        while i < n:
            at = view.skip_inline_space(i) if view.space[i] else i
            if at >= n:
                break
            word = lower[at]
            if word in self.hesitations:  # with the comma after it: "me um, a while"
                i = at + 2 if at + 1 < n and lower[at + 1] == self.comma else at + 1
                continue
            if word == self.comma and at + 1 < n:
                k = view.skip_inline_space(at + 1) if view.space[at + 1] else at + 1
                if k < n and lower[k] in self.hesitations:
                    end = k + 1
                    i = end + 1 if end < n and lower[end] == self.comma else end
                    continue
                end = self._set_off_end(view, k)
                if end >= 0 and end < n and lower[end] == self.comma:
                    i = end + 1
                    continue
                if k < n and previous >= 0 and lower[k] == lower[previous] and not punct[k]:
                    i = k + 1  # "for, for support"
                    continue
                break
            if previous >= 0 and word == lower[previous] and not punct[at] and at == i:
                i = at + 1  # "the the"
                continue
            break
        return i

    def _set_off_end(self, view: DocView, k: int) -> int:
        """The end of a set-off filler starting at `k`, or -1."""
        lower, n = view.lower, len(view.lower)
        if k >= n or lower[k] not in self.first_words:
            return -1
        for phrase in self.set_off:
            end = k + len(phrase)
            if end <= n and tuple(lower[k:end]) == phrase:
                return end
        return -1

    @staticmethod
    def _previous_word(view: DocView, i: int) -> int:
        """The last token before `i` that is neither punctuation nor whitespace, or -1."""
        j = i - 1
        while j >= 0 and (view.punct[j] or view.space[j]):
            j -= 1
        return j


_DISFLUENCIES: dict[str, Disfluency] = {}


def disfluency(nlp: Language) -> Disfluency:
    """The language's Disfluency, one per process (its number tells views apart by language)."""
    lang = lang_of(nlp)
    if lang not in _DISFLUENCIES:
        _DISFLUENCIES[lang] = Disfluency(nlp, len(_DISFLUENCIES))
    return _DISFLUENCIES[lang]


def _anchors_in(view: DocView) -> frozenset[int]:
    """The doc's words that anchor a pattern of some matcher (`_index_cue_words`): the seven
    kinds' matchers each intersect their anchors with these few words."""
    if view.cue_words_seen != CUE_WORDS.version:
        _index_cue_words(view)
    return view.anchors


def _first_positions(view: DocView) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Where the words that start some pattern stand in the doc, by lemma and by lower-case
    form (`_index_cue_words`)."""
    if view.cue_words_seen != CUE_WORDS.version:
        _index_cue_words(view)
    return view.first_at


def _index_cue_words(view: DocView) -> None:
    """The doc's anchor words and the positions of its pattern-starting words, made in one
    pass over its cue flags once per doc: only those words get a list (a third of the tokens,
    a few dozen distinct words), not every word of the doc."""
    by_lemma: dict[int, list[int]] = {}
    by_lower: dict[int, list[int]] = {}
    anchors: list[int] = []
    lemma, lower = view.lemma, view.lower
    for i, flag in enumerate(view.cue_flags()):
        if flag:
            if flag & FIRST_LEMMA:
                _place(by_lemma, lemma[i], i)
            if flag & FIRST_LOWER:
                _place(by_lower, lower[i], i)
            if flag & ANCHOR_LEMMA:
                anchors.append(lemma[i])
            if flag & ANCHOR_LOWER:
                anchors.append(lower[i])
    view.first_at = (by_lemma, by_lower)
    view.anchors = frozenset(anchors)
    view.cue_words_seen = CUE_WORDS.version


def _place(index: dict[int, list[int]], key: int, i: int) -> None:
    """Add position `i` to the positions of `key`."""
    places = index.get(key)
    if places is None:
        index[key] = [i]
    else:
        places.append(i)


def _anchor(items: tuple[Item, ...], strings: Any) -> Item:
    """The required concrete item whose shortest word is longest (content words are longer
    and rarer than function words); the first item on ties."""
    required = [item for item in items if item.hashes is not None and item.low]
    return max(required, key=lambda item: min(len(strings[h]) for h in item.hashes or ()))


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
        if view.hops is not None:
            at = view.hops.get(at, at)
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


#: The lower-cased string of a lemma hash, shared across docs (bounded: cleared past the limit).
_LOWERED: dict[int, str] = {}
LOWERED_LIMIT = 200_000


def content_key(span: Span, keep: Container[int] = frozenset()) -> str:
    """The normalized key: lower-case lemmas of the span's content words, space-joined.

    Stop words are dropped except negators and the lemmas in `keep` (a component's cue words:
    spaCy lists «долго» as a Russian stop word, yet it is the point of «долго отвечали»).
    """
    return range_key(doc_view(span.doc), span.start, span.end, keep)


def range_key(view: DocView, start: int, end: int, keep: Container[int] = frozenset()) -> str:
    """`content_key` of the tokens [start, end) of a view (no Span needed)."""
    lowered = _LOWERED
    if len(lowered) > LOWERED_LIMIT:
        lowered.clear()
    strings = view.strings
    words: list[str] = []
    every: list[str] = []
    lemmas, lowers, puncts, spaces, stops = view.lemma, view.lower, view.punct, view.space, view.stop
    for i in range(start, end):  # by index: no slice of each column made per key
        if puncts[i] or spaces[i]:
            continue
        lemma_hash = lemmas[i]
        text_hash = lemma_hash or lowers[i]
        lemma = lowered.get(text_hash)
        if lemma is None:
            lemma = lowered[text_hash] = strings[text_hash].lower()
        every.append(lemma)
        if not stops[i] or lemma_hash in keep or lemma in _KEEP_IN_KEY:
            words.append(lemma)
    return " ".join(words or every)


def speaker_role(doc: Doc) -> str:
    """The role of the doc's speaker: "customer", "interviewer", or "customer" when unknown."""
    role = doc.user_data.get("jtbd_role")
    return "interviewer" if role == "interviewer" else "customer"
