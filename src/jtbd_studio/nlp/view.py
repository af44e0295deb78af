"""A doc's token attributes as plain Python lists, built once per doc and shared by components."""

from __future__ import annotations

import functools
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Opening quotes: a name may follow one (a capitalized pair after one is a name, not two words
#: of feeling; discovery reads a quoted name after one).
OPENING_QUOTES = frozenset({"«", '"', "“", "„", "'", "‘"})


#: Bits of a token's cue flags (`CueWords.flags_of`, `DocView.cue_flags`): its lemma starts some
#: cue pattern, its lower-case form does, its lemma is some pattern's anchor word, its form is.
FIRST_LEMMA, FIRST_LOWER, ANCHOR_LEMMA, ANCHOR_LOWER = 1, 2, 4, 8


class CueWords:
    """The words every cue pattern of the process starts with (by lemma, by lower-case form)
    and anchors on (cues.CueMatcher adds them as it is built), with a version that grows with
    them. The lemmatizer stores each form's flags (`flags_of`) with the form's lemma, so the
    matchers find a doc's pattern-starting and anchor words in a column of small ints, not by
    set look-ups per token; flags made at an older version are made again (`DocView.cue_flags`)."""

    __slots__ = ("anchors", "lemma_firsts", "lower_firsts", "version")

    def __init__(self) -> None:
        self.lemma_firsts: set[int] = set()
        self.lower_firsts: set[int] = set()
        self.anchors: set[int] = set()
        self.version = 0

    def add(self, firsts: tuple[int, ...], on_lower: bool, anchors: frozenset[int]) -> None:
        """Add one pattern's first words (lemmas, or forms `on_lower`) and its anchor words."""
        known = self.lower_firsts if on_lower else self.lemma_firsts
        if not known.issuperset(firsts) or not self.anchors.issuperset(anchors):
            known.update(firsts)
            self.anchors.update(anchors)
            self.version += 1

    def flags_of(self, lemma: int, lower: int) -> int:
        """The cue flags of one form, by its lemma and lower-case form hashes."""
        anchors = self.anchors
        return (
            (FIRST_LEMMA if lemma in self.lemma_firsts else 0)
            | (FIRST_LOWER if lower in self.lower_firsts else 0)
            | (ANCHOR_LEMMA if lemma in anchors else 0)
            | (ANCHOR_LOWER if lower in anchors else 0)
        )


#: The cue words of the process (one set for every language: a hash names one string).
CUE_WORDS = CueWords()


class DocView:
    """Token attributes of a doc as Python lists: cheap to scan. The lemmatizer makes them
    from its per-form cache; a doc it did not see is read with one `to_array` call.

    Hashes of lemmas and lower-case forms (punctuation is its own lower-case form, so `lower`
    also serves for commas, dashes and brackets), 0/1 flags and the sentence starts.
    """

    def __init__(
        self, doc: Doc, columns: list[list[int]] | None = None,
        cue_flags: list[int] | None = None, cue_version: int = -1,
    ) -> None:
        """`columns`: `doc.to_array(view_columns()).T.tolist()`, when the caller has it;
        `cue_flags`: the tokens' cue flags of CUE_WORDS at `cue_version`, when it has those."""
        # weakly: _VIEWS is keyed weakly by the doc, and a strong reference back from its value
        # would keep every analyzed doc alive
        self._doc = weakref.ref(doc)
        self.strings = doc.vocab.strings
        self.orth: list[int] = []
        """Hashes of the verbatim token texts."""
        self.lemma: list[int] = []
        self.lower: list[int] = []
        # 0/1 flags per token, plain lists (read in every inner loop of every component)
        self.punct: list[int] = []
        self.space: list[int] = []
        self.trailing_space: list[int] = []
        """1 where whitespace follows the token."""
        self.stop: list[int] = []
        self.sent_starts: list[int] = [0]
        """The first token of every sentence (just [0] without sentence boundaries)."""
        self.segments: list[int] = [0]
        """The first token of every piece packed into the doc (engine._docs): to every rule a
        doc of its own, which no look-back or count crosses; the token before one is the
        separator. Just [0] in a doc of one piece."""
        self._newlines: frozenset[int] = frozenset()
        self._start_set: frozenset[int] | None = None
        #: the doc's words that anchor some cue pattern, and where the first words of cue
        #: patterns stand (lemma hash -> positions, lower-case form hash -> positions, over
        #: only the words some pattern starts with), kept by cues.py for its matchers
        #: (`cue_words_seen`: the version of CUE_WORDS they were made for, -1: none yet)
        self.anchors: frozenset[int] = frozenset()
        self.first_at: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        self.cue_words_seen = -1
        #: positions where a cue pattern reads through a hesitation, a filler set off by commas
        #: or a word said twice, each with the position read instead; kept by cues.py
        #: (`hops_of`: the number of the Disfluency that made them, -1: none yet)
        self.hops: dict[int, int] | None = None
        self.hops_of = -1
        #: every position inside those runs (negation reads back through them)
        self.skipped: frozenset[int] | None = None
        #: per token, its flags of CUE_WORDS (FIRST_LEMMA …) at version `cue_version`
        self._cue_flags: list[int] = cue_flags if cue_flags is not None else []
        self._cue_version = cue_version if cue_flags is not None else -1
        self.words: frozenset[int] = frozenset()
        """The lemma and lower-case form hashes of the doc, for set tests (every matcher's)."""
        #: set by the lemmatizer (FormChain): the epoch of its form cache, the doc's number in
        #: it, and whether every form of the doc came in an earlier doc of the epoch
        self.epoch = -1
        self.number = -1
        self.forms_seen = False
        if len(doc):
            # one array, one tolist: numpy calls cost more than the work on a short doc
            if columns is None:
                columns = doc.to_array(view_columns()).T.tolist()
            self.orth, self.lemma, self.lower, self.punct, self.space = columns[:5]
            self.trailing_space, self.stop, sent_start = columns[5:]
            self.words = frozenset(self.lemma).union(self.lower)
            segments = doc.user_data.get("jtbd_segments")
            if segments:
                self.segments = segments
            self.set_sentence_starts(sent_start)
            if 1 in self.space:
                strings, lower = self.strings, self.lower
                self._newlines = frozenset(
                    i for i, blank in enumerate(self.space) if blank and "\n" in strings[lower[i]]
                )

    def set_sentence_starts(self, sent_start: list[int]) -> None:
        """Take the sentence starts from a SENT_START column (1 where a sentence starts)."""
        # (`1 in`, a scan in C, answers for a doc no one has split yet)
        starts = [i for i, value in enumerate(sent_start) if value == 1] if 1 in sent_start else []
        self.sent_starts = [0] if not starts else starts if starts[0] == 0 else [0, *starts]
        self._start_set = None  # the set of the old starts, if made

    def cue_flags(self) -> list[int]:
        """Per token, its flags of CUE_WORDS as they are now: the lemmatizer's, made with its
        per-form cache, unless the cue words grew since (or the view was made without them)."""
        cue_words = CUE_WORDS
        if self._cue_version != cue_words.version:
            flags_of, lower = cue_words.flags_of, self.lower
            self._cue_flags = [flags_of(key, lower[i]) for i, key in enumerate(self.lemma)]
            self._cue_version = cue_words.version
        return self._cue_flags

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

    def word_before(self, i: int, floor: int = 0) -> int:
        """The token before `i`, at or after `floor`, skipping whitespace within a line; -1 at
        `floor`, at a line break or after punctuation."""
        j = i - 1
        while j >= floor and self.is_inline_space(j):
            j -= 1
        return -1 if j < floor or self.punct[j] or self.space[j] else j

    def is_inline_space(self, i: int) -> bool:
        """Whether token `i` is whitespace without a line break (a non-breaking space)."""
        return bool(self.space[i]) and i not in self._newlines

    @property
    def sent_start_set(self) -> frozenset[int]:
        """The sentence starts as a set, for membership tests (made on first use)."""
        if self._start_set is None:
            self._start_set = frozenset(self.sent_starts)
        return self._start_set

    def places(self, keys: Iterable[int], on_lower: bool) -> list[int]:
        """The positions of any of `keys` (lemma hashes, or lower-case form hashes with
        `on_lower`), ascending, by one pass over the column: a few words (the emoticons'
        brackets, a trigger word) that most docs never ask for again."""
        wanted = keys if isinstance(keys, (set, frozenset)) else frozenset(keys)
        return [i for i, key in enumerate(self.lower if on_lower else self.lemma) if key in wanted]

    def in_title_name(self, i: int) -> bool:
        """Whether token `i` is a capitalized word inside a run of capitalized words mid-sentence
        ("a plugin called Happy Inbox", «сеть Хорошие Окна»): part of a name, not a word used for
        its meaning. A word after punctuation or at a sentence start may be capitalized for
        that alone, so it does not count."""
        n = len(self.orth)
        if not 0 < i < n or self.space[i - 1] or i in self.sent_start_set or not self._title(i):
            return False
        if self.punct[i - 1]:  # only an opening quote: «Весёлый Молочник»
            quote = self.strings[self.orth[i - 1]]
            return quote in OPENING_QUOTES and i + 1 < n and self._title(i + 1)
        return (i + 1 < n and self._title(i + 1)) or (
            self._title(i - 1) and (i - 1) not in self.sent_start_set
        )

    def _title(self, i: int) -> bool:
        text = self.strings[self.orth[i]]
        return text.istitle() and text.isalpha() and text != "I"

    def segment_start(self, i: int) -> int:
        """The first token of the packed piece holding token `i` (0 in a doc of one piece)."""
        segments = self.segments
        return 0 if len(segments) == 1 else segments[bisect_right(segments, i) - 1]

    def sentence_start(self, i: int) -> int:
        """The first token of the sentence holding token `i`."""
        return self.sent_starts[bisect_right(self.sent_starts, i) - 1]


class FormChain:
    """Whether a component's memo of verdicts per word form (laughter, emoticons, list names)
    holds every form of a doc already, told without a set test over the doc's forms.

    The lemmatizer numbers the docs of each epoch of its form cache and marks those whose forms
    all came in earlier docs of the epoch (`DocView.forms_seen`: most docs after the first
    few hundred). A component that judged every form of every doc of the epoch, from its
    first, holds them all. One doc it did not judge (it was disabled for that doc, or
    cleared its memo: `forget`) breaks the chain until the lemmatizer's next epoch.
    """

    __slots__ = ("epoch", "next", "unbroken")

    def __init__(self) -> None:
        self.epoch = -1
        self.next = 0
        self.unbroken = False

    def knows_all(self, view: DocView) -> bool:
        """Ask once per doc, before judging its forms (the component then judges every form
        of the doc it has not judged yet): True when there is none."""
        if view.epoch != self.epoch or view.number != self.next:
            self.epoch = view.epoch
            self.unbroken = view.number == 0 and view.epoch >= 0
        self.next = view.number + 1
        return self.unbroken and view.forms_seen

    def forget(self) -> None:
        """The component's memo lost verdicts: the chain is broken until the next epoch."""
        self.unbroken = False


@functools.cache
def view_columns() -> list[int | str]:
    """The token attributes a DocView reads, in its order (spaCy imported on first use)."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, SENT_START, SPACY

    return [ORTH, LEMMA, LOWER, IS_PUNCT, IS_SPACE, SPACY, IS_STOP, SENT_START]


def remember_view(
    doc: Doc, columns: list[list[int]] | None = None,
    cue_flags: list[int] | None = None, cue_version: int = -1,
) -> DocView:
    """Make a view of `doc` the one doc_view returns; `columns` (in view_columns() order) and
    the cue flags when they are known already (the lemmatizer makes them from its per-form
    cache)."""
    view = _VIEWS[doc] = DocView(doc, columns, cue_flags, cue_version)
    _last[0] = view
    return view


#: Every live doc's view (weakly keyed: a view goes with its doc), and the last one asked for.
_VIEWS: weakref.WeakKeyDictionary[Any, DocView] = weakref.WeakKeyDictionary()
_last: list[DocView | None] = [None]


def doc_view(doc: Doc) -> DocView:
    """The doc's view, built once and shared by the components that run after the lemmatizer.

    A doc passes through every component before the next one comes (nlp.pipe chains them),
    so the last view answers almost every call; the weak dictionary answers callers that go
    component by component over many docs.
    """
    view = _last[0]
    if view is None or view._doc() is not doc:
        view = _VIEWS.get(doc)
        if view is not None:
            _last[0] = view
    if view is None or len(view.lemma) != len(doc):
        view = remember_view(doc)
    return view
