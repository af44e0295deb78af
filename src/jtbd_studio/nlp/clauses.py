"""Clauses over tokens, and the cue-to-clause extractor shared by friction, force and churn risk.

A clause ends at a sentence boundary, a line break, hard punctuation (; : — ( ) and a spaced
hyphen used as a dash), before a contrastive conjunction («но», «а», "but"), before «и»/"and"
that opens a clause with its own subject ("and we"), at a comma followed by a clause opener
(«потому что», "because", "we"), and at the first comma after a subordinate clause that opened
the previous clause ("When we started, …"). The words come from `clauses.jsonl` per language
(roles `break`, `after_comma`, `subordinator`, `coordinator`, `subject`, `strip`, `strip_end`,
`why`: the words that make a question a complaint, "why is it so slow?"; `tag`: the words of a
question tag, "…, right?", that leave a statement a statement; `filler`: hesitation words;
`wh`: the words that open an indirect question, "ask what was hard").
"""

from __future__ import annotations

import itertools
import weakref
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from jtbd_studio.nlp.cues import (
    Cue,
    CueMatcher,
    DocView,
    doc_view,
    lang_of,
    range_key,
    speaker_role,
    word_lists,
)
from jtbd_studio.nlp.negation import Intensity, Negation, aside_end, hashes
from jtbd_studio.nlp.spans import SPAN_GROUPS, set_group, set_span_values

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_HARD = frozenset({";", ":", "—", "–", "(", ")", "[", "]", "…", "..."})
_DASHES = frozenset({"-", "--"})
#: How many tokens after a `resolve` guard ("fix", «устранить») a cue is its object.
RESOLVE_WINDOW = 3
#: Score factor for cues inside a question: questions often ask about a problem, not state it.
QUESTION_FACTOR = 0.6
#: How many words before a block guard its `unless` words may stand («наша главная проблема»).
UNLESS_WINDOW = 2
#: The longest question tag in words ("…, isn't it?" is three tokens, «…, не так ли?» three).
MAX_TAG_WORDS = 3


class ClauseSplitter:
    """Finds the clause around a token; sentences are split only where a cue needs it."""

    def __init__(self, nlp: Language) -> None:
        words = {role: hashes(nlp, w) for role, w in word_lists(lang_of(nlp), "clauses").items()}
        empty: frozenset[int] = frozenset()
        self.breaks = words.get("break", empty)
        self.after_comma = words.get("after_comma", empty)
        self.subordinators = words.get("subordinator", empty)
        self.coordinators = words.get("coordinator", empty)
        self.subjects = words.get("subject", empty)
        self.strip = words.get("strip", empty) | self.breaks
        self.strip_end = words.get("strip_end", empty)
        self.why = words.get("why", empty)
        self.tags = words.get("tag", empty)
        self.fillers = words.get("filler", empty) | self.strip
        self.wh = words.get("wh", empty)
        self.relatives = words.get("relative", empty)
        self.statements = words.get("statement", empty)
        self.reasons = words.get("reason", empty)
        self.declaring = words.get("declares", empty)
        strings = nlp.vocab.strings
        self.hard = hashes(nlp, _HARD)
        self.dashes = hashes(nlp, _DASHES)
        self.comma = strings.add(",")
        #: the words of asides set off by commas («, конечно,», «, если честно,»): a comma that
        #: opens or closes one ends no clause. Only where the language's commas mark asides
        #: reliably (Russian); English transcripts put commas around fillers everywhere.
        asides = word_lists(lang_of(nlp), "clauses").get("aside", frozenset())
        self.aside_words = hashes(nlp, frozenset(w for aside in asides for w in aside.split()))
        #: Words that may open a clause with no punctuation before them (`starts` checks
        #: every other token against this set only).
        self.openers = self.breaks | self.coordinators

    def _boundary_before(self, view: DocView, i: int, opened_by_subordinator: bool) -> bool:
        prev = i - 1
        space = view.space
        if (space[prev] and view.is_newline(prev)) or (space[i] and view.is_newline(i)):
            return True  # a non-breaking space between words is no boundary
        if view.lower[prev] in self.hard or view.has(self.breaks, i):
            return True
        if view.lower[prev] == self.comma:
            if self.aside_words and self.at_aside(view, prev):
                return False  # «хотя приложение, конечно, сыровато»: one clause
            return opened_by_subordinator or view.has(self.after_comma, i)
        if (
            view.has(self.coordinators, i)
            and i + 1 < len(view.lemma)
            and view.has(self.subjects, i + 1)
        ):
            return True  # "… and we lost the data": a new clause with its own subject
        if view.lower[prev] in self.dashes and i > 1:
            return bool(view.trailing_space[prev] and view.trailing_space[prev - 1])
        return False

    def starts(self, view: DocView, start: int, end: int) -> list[int]:
        """Clause start offsets of the sentence [start, end), the first being `start`."""
        starts = [start]
        opened = view.has(self.subordinators, start)
        lower, lemma, space, punct = view.lower, view.lemma, view.space, view.punct
        openers = self.openers
        for i in range(start + 1, end):
            # The common case needs no full check: a word after a word (hard marks, commas
            # and dashes are punctuation), itself no contrastive word or coordinator.
            if (
                punct[i - 1]
                or space[i - 1]
                or space[i]
                or lower[i] in openers
                or lemma[i] in openers
            ) and self._boundary_before(view, i, opened):
                starts.append(i)
                opened = view.has(self.subordinators, i)
        return starts

    def at_aside(self, view: DocView, comma: int) -> bool:
        """Whether the comma at `comma` opens or closes an aside made only of aside words."""
        words, n = self.aside_words, len(view.lower)
        return (
            aside_end(view, comma, words, self.comma, n) >= 0
            or aside_end(view, comma, words, self.comma, n, step=-1) >= 0
        )

    def is_tag(self, view: DocView, start: int, mark: int) -> bool:
        """Whether the words before `mark` (a question mark, a clause end) are a tag after a
        comma ("…, right?", «…, не так ли?»): the sentence states, it does not ask."""
        i = mark - 1
        words = 0
        while i > start and (view.space[i] or view.has(self.tags, i)):
            words += not view.space[i]
            i -= 1
        return 0 < words <= MAX_TAG_WORDS and view.lower[i] == self.comma

    def breaks_between(self, view: DocView, start: int, end: int) -> bool:
        """Whether a contrastive word or hard punctuation stands in [start, end)."""
        return any(
            view.lower[i] in self.hard or view.has(self.breaks, i) for i in range(start, end)
        )

    def relative_to(self, view: DocView, g_end: int, clause: tuple[int, int]) -> bool:
        """Whether `clause` is a relative clause of the object that follows a word ending at
        `g_end` («исправляем места, которые вам не нравятся», "fix the bugs that users hit"):
        it opens with a `relative` word (one that refers to a noun: not "which", which may
        refer to the whole clause before it), and the object between is short."""
        start = clause[0]
        if not self.relatives or not g_end <= start <= g_end + RESOLVE_WINDOW + 1:
            return False
        return not self.breaks_between(view, g_end, start) and self.opens_with(
            view, self.relatives, start, clause[1]
        )

    def past_openers(
        self, view: DocView, i: int, end: int, fillers: frozenset[int] | None = None
    ) -> int:
        """The first position in [i, end) that is not punctuation, whitespace, a filler (or one
        of `fillers`) or a coordinating conjunction; `end` when there is none ("and — no, …",
        «ну, если …»)."""
        words = self.fillers if fillers is None else fillers
        while i < end and (
            view.punct[i] or view.space[i] or view.has(words, i) or view.has(self.coordinators, i)
        ):
            i += 1
        return i

    def opens_with(self, view: DocView, words: frozenset[int], start: int, end: int) -> bool:
        """Whether the clause [start, end) opens with one of `words`, after punctuation and
        dangling conjunctions ("and which …", «и где …»); "whether" may come second («было ли»)."""
        seen = 0
        for i in range(start, end):
            if view.punct[i] or view.space[i]:
                continue
            if view.has(words, i):
                return True
            if not view.has(self.strip, i) and not view.has(self.coordinators, i):
                seen += 1
                if seen == 2:
                    return False
        return False

    def asks_why(self, index: SentenceIndex, i: int) -> bool:
        """Whether the sentence of token `i` holds a why-word ("why", «почему», «зачем»)."""
        start, end = index.sentence(i)
        view = index.view
        return any(view.has(self.why, j) for j in range(start, end))

    def declares(self, index: SentenceIndex, i: int) -> bool:
        """Whether the question mark ending the sentence of token `i` is a statement's rising
        tone: its first word past fillers is a `declares` word, which opens a statement and no
        question ("It's been spinning for four minutes now?"; an English question opens with
        an auxiliary or a wh-word). Russian asks with a statement's word order: none there."""
        if not self.declaring:
            return False
        start, end = index.sentence(i)
        view = index.view
        start = self.past_openers(view, start, end)
        return start < end and view.has(self.declaring, start)

    def trim(self, view: DocView, start: int, end: int, keep: int = 0) -> tuple[int, int]:
        """Drop punctuation, spaces and dangling conjunctions from the clause edges; a word
        glued to the one before it ("that's" → "'s") keeps that one. A filler after a comma at
        the end ("more limitations, like") dangles too. Words before `keep` (the end of the
        last cue) are no dangling words: «цифры ни о чём» keeps its «чём»."""
        first = start
        while start < end and (
            view.punct[start] or view.space[start] or view.has(self.strip, start)
        ):
            start += 1
        if first < start < end and _glued(view, start):
            start -= 1  # "that's slow": not "'s slow"
        while end > start and (
            view.punct[end - 1] or view.space[end - 1] or (end > keep and (
                view.has(self.strip_end, end - 1)
                or (view.has(self.fillers, end - 1) and end - 2 > start and view.lower[end - 2] == self.comma)
            ))
        ):
            end -= 1
        if end > start and view.has(self.tags, end - 1) and self.is_tag(view, start, end):
            return self.trim(view, start, end - 1, keep)  # "it's slow, right": the tag is no part
        return start, end


def _glued(view: DocView, i: int) -> bool:
    """Whether word `i` is written on to the word before it, with no space ("'s" of "that's")."""
    return (
        i > 0 and not view.trailing_space[i - 1] and not view.punct[i] and not view.space[i]
        and not view.punct[i - 1] and not view.space[i - 1]
    )


_T = TypeVar("_T")
#: Per pipeline, the language-only helpers its components share (weakly: they go with it).
_PER_PIPELINE: weakref.WeakKeyDictionary[Any, dict[Callable[..., Any], Any]] = (
    weakref.WeakKeyDictionary()
)


def per_pipeline(nlp: Language, make: Callable[[Language], _T]) -> _T:
    """The one `make(nlp)` of this pipeline: the clause splitter and the negators depend on the
    language only, so every component of a pipeline shares one (and one SentenceIndex per doc,
    see `sentence_index`, whose clause and negator caches then serve them all)."""
    made = _PER_PIPELINE.setdefault(nlp, {})
    if make not in made:
        made[make] = make(nlp)
    return made[make]  # type: ignore[no-any-return]


def sentence_index(doc: Doc, splitter: ClauseSplitter) -> SentenceIndex:
    """The doc's SentenceIndex for `splitter`, shared by the components that run on the doc
    one after another (nlp.pipe passes a doc through all of them before the next doc)."""
    view = doc_view(doc)
    last = _LAST_INDEX[0]
    if last is None or last.view is not view or last.splitter is not splitter:
        last = _LAST_INDEX[0] = SentenceIndex(doc, splitter)
    return last


class SentenceIndex:
    """Sentence and clause lookup for one doc, computed lazily per sentence that has a cue."""

    #: The sentence found last: the checks of one cue ask about it again and again.
    _last = (0, 0)

    def __init__(self, doc: Doc, splitter: ClauseSplitter) -> None:
        self.view = doc_view(doc)
        self.splitter = splitter
        self._starts = self.view.sent_starts
        self._clauses: dict[int, list[int]] = {}
        # per sentence start: its question mark (-1: none), its clause negators;
        # made on first use (most docs hold no cue and never ask)
        self._marks: dict[int, int] | None = None
        self._negators: dict[int, list[tuple[int, int]]] | None = None

    def sentence(self, i: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding token `i`."""
        last = self._last
        if last[0] <= i < last[1]:
            return last
        k = bisect_right(self._starts, i) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.view.lemma)
        self._last = (self._starts[k], end)
        return self._last

    def clause(self, i: int) -> tuple[int, int]:
        """The (start, end) of the clause holding token `i`."""
        sent_start, sent_end = self.sentence(i)
        starts = self._clauses.get(sent_start)
        if starts is None:
            starts = self.splitter.starts(self.view, sent_start, sent_end)
            self._clauses[sent_start] = starts
        k = bisect_right(starts, i) - 1
        return starts[k], starts[k + 1] if k + 1 < len(starts) else sent_end

    def clause_starts(self, i: int) -> list[int]:
        """The clause starts of the sentence holding token `i` (the first is the sentence's)."""
        self.clause(i)
        return self._clauses[self.sentence(i)[0]]

    def clause_before(self, i: int) -> int | None:
        """The start of the clause before the one holding token `i` in its sentence, if any."""
        starts = self._clauses.get(self.sentence(i)[0]) or self.clause_starts(i)
        k = bisect_right(starts, i) - 1
        return starts[k - 1] if k > 0 else None

    def alone_in_sentence(self, start: int, end: int, fillers: frozenset[int]) -> bool:
        """Whether the tokens [start, end) are all the sentence holds, besides punctuation and
        `fillers` ("Um, so, pain points.")."""
        view = self.view
        sent_start, sent_end = self.sentence(start)
        return all(
            view.punct[i] or view.space[i] or view.has(fillers, i)
            for i in itertools.chain(range(sent_start, start), range(end, sent_end))
        )

    def negators(self, i: int, negation: Negation) -> list[tuple[int, int]]:
        """The clause negators of the sentence of token `i`, found once per sentence."""
        start, end = self.sentence(i)
        if self._negators is None:
            self._negators = {}
        found = self._negators.get(start)
        if found is None:
            found = self._negators[start] = negation.clause_negators(self.view, start, end)
        return found

    def denied_by_clause(self, start: int, negation: Negation, *, doubts: bool = True) -> bool:
        """Whether a clause negator ("I don't think …", «не потому, что …», with `doubts` also
        "not sure that …") reaches the cue at `start`; a cue that starts with its own negator
        is never reached."""
        if negation.is_negator(self.view, start):
            return False
        negators = self.negators(start, negation)
        if negators and not doubts:
            negators = [n for n in negators if not negation.is_doubt(self.view, *n)]
        return bool(negators) and negation.reaches(
            self.view, negators, start, self.clause(start)[0], self.clause_before(start)
        )

    def is_question(self, i: int) -> bool:
        """Whether token `i` stands in a question: its sentence ends with a question mark that
        is not a tag ("…, right?"), and no contrastive word or hard punctuation separates it
        from the mark ("that part is tricky, but what is the model missing?" states its
        first half)."""
        start, end = self.sentence(i)
        if self._marks is None:
            self._marks = {}
        mark = self._marks.get(start)
        view, splitter = self.view, self.splitter
        if mark is None:
            while end > start and view.space[end - 1]:
                end -= 1
            question = end > start and view.text(end - 1).endswith("?")
            mark = end - 1 if question and not splitter.is_tag(view, start, end - 1) else -1
            self._marks[start] = mark
        return mark >= 0 and not splitter.breaks_between(view, i + 1, mark)


#: The index made last (a doc at a time flows through the components).
_LAST_INDEX: list[SentenceIndex | None] = [None]


@dataclass
class Hit:
    """A cue match that survived negation and guards, placed in its clause."""

    cue: Cue
    start: int
    end: int
    clause: tuple[int, int]
    score: float
    label: str


class ClauseExtractor:
    """Cues on lemmas → negation and guards → one span per clause (per label if `by_label`).

    Cue lines (role `cue`) may carry `polarity` ("neg": a problem word, negation cancels it;
    "pos": a good quality that counts only when negated, "not easy") and `weak` (cancelled by a
    `wish` or `advice` guard earlier in the same clause). Guards with role `block` cancel any cue
    they overlap («не могу не отметить») unless one of the words of their `unless` field ("a|b")
    stands just before them in the clause (a definition «Проблема — это …» blocks; «Главная
    проблема — это …» states one) or one of `unless_after` just after them ("don't have to" blocks
    a missing feature; "don't have to manually resize" names the old way's burden);
    `anticipation` guards ("we were worried that …") cancel every cue after them in the clause:
    a feared problem is not one met; `resolve` guards (verbs of solving, reducing, preventing;
    "potential") cancel a cue that follows within
    RESOLVE_WINDOW tokens: "fix the bugs", «снизить вероятность разочарования» name a problem as
    a topic, not one met. `dismiss` guards cancel a cue stated before them in the same sentence
    (with `either_side`, one after them too: "our fault, we imported the wrong file"; with
    `after_contrast`, one after them past "but": "worried it would take all weekend, but it
    took two hours"; with `sentence_before`, one in the sentence just before theirs: "… we lost
    our biggest customer. That's not on the software."), of the labels in their `cancels` field
    ("a|b") or of any label without
    it: "which is fine",
    «нам она не нужна» (cancels: missing|cost) say a lack the customer does not need is no
    barrier; "it used to lag, but since the update it's instant" is a problem solved without
    pain.
    A cue line with `topic` (a category noun: "limitations", «проблемы») does not count when
    it makes up its sentence with only fillers: it echoes the interviewer's question.
    Interviewer turns give no spans: a prompt or a summary ("so onboarding was slow for you")
    is not what the customer said (emotion and phrases leave them out too).
    """

    kind: ClassVar[str] = ""
    #: Whether one clause may give several spans, one per label (forces); else one per clause.
    by_label: ClassVar[bool] = False
    #: The guard roles read from the cue file (subclasses may add their own and judge them).
    guard_roles: ClassVar[tuple[str, ...]] = (
        "wish", "advice", "block", "anticipation", "resolve", "dismiss"
    )

    def __init__(self, nlp: Language, cue_file: str) -> None:
        self.cues = CueMatcher(nlp, cue_file, roles=("cue",))
        self.guards = CueMatcher(nlp, cue_file, roles=self.guard_roles)
        self.negation = per_pipeline(nlp, Negation)
        self.splitter = per_pipeline(nlp, ClauseSplitter)
        self.group = SPAN_GROUPS[self.kind]
        # cue words stay in keys even when spaCy calls them stop words («долго»), but not the
        # degree words some cues start with («очень», "quite"): they say nothing of the topic
        self.degree_words = frozenset(per_pipeline(nlp, Intensity).factors)
        self.key_words = self.cues.words - self.degree_words
        self.topics = frozenset(id(cue) for cue, _ in self.cues.patterns if cue.get("topic"))
        #: block guards with an `unless` field -> the hashes of its words; with `unless_after`,
        #: of the words that void it when they follow it
        self.unless = {key: hashes(nlp, words) for key, words in self._guard_field("unless").items()}
        self.unless_after = {
            key: hashes(nlp, words) for key, words in self._guard_field("unless_after").items()
        }
        #: dismiss guards with `either_side`: they cancel a cue before them in the sentence, as
        #: every dismissal does, and one after them ("our fault, we imported the wrong file")
        self.either_side = frozenset(self._guard_field("either_side"))
        #: with `after_contrast`, a cue after them past a contrast word: "I was worried it would
        #: eat a whole weekend, but it took two hours" (a fear answered, no wait met)
        self.after_contrast = frozenset(self._guard_field("after_contrast"))
        #: with `sentence_before`, a cue in the sentence just before theirs as well: "Last year
        #: was rough, we lost our biggest customer. That's not on the software, that's just the
        #: market." (the problem said, then disowned for the product)
        self.sentence_before = frozenset(self._guard_field("sentence_before"))
        #: dismiss guards with a `cancels` field -> the labels they cancel (without it: any)
        self.dismisses = self._guard_field("cancels")

    def _guard_field(self, name: str) -> dict[int, frozenset[str]]:
        """The guards whose line has the field `name`: id -> its value's "a|b" items."""
        return {
            id(guard): frozenset(str(guard.get(name)).split("|"))
            for guard, _ in self.guards.patterns
            if guard.get(name)
        }

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        # what the interviewer says (prompts, summaries, questions) is no customer's statement
        if len(doc) and speaker_role(doc) != "interviewer":
            index = sentence_index(doc, self.splitter)
            spans = self.spans(doc, index, self.hits(doc, index))
        set_group(doc, self.group, spans)
        return doc

    def hits(self, doc: Doc, index: SentenceIndex) -> list[Hit]:
        """Matches kept after dropping nested ones, negated ones and guarded ones (the guards
        are matched only in docs where some cue passes negation)."""
        found = self.find_cues(doc)
        if not found:
            return []
        guards: list[tuple[Cue, int, int]] | None = None  # found once a cue passes negation
        wishes: list[tuple[int, int]] = []  # the wish guards among them
        kept: list[Hit] = []
        reach = -1
        for cue, start, end in found:
            if end <= reach:
                continue  # nested inside a longer cue already kept (or a topic echo)
            if id(cue) in self.topics and index.alone_in_sentence(
                start, end, self.splitter.fillers
            ):
                reach = end  # "Um, pain points.": the question's topic echoed, not a problem
                continue
            clause = index.clause(start)
            if not self.polarity_holds(index, cue, start, end, clause):
                continue
            if guards is None:
                guards = self.guards.find(doc)
                wishes = [(g_start, g_end) for guard, g_start, g_end in guards if guard.role == "wish"]
            if wishes:
                clause = self.after_wish(index, wishes, clause, start)
            if not self.accept(index, cue, start, end, clause, guards):
                continue
            score = cue.score
            if index.is_question(start) and not self.splitter.declares(index, start):
                # A question asks about a problem rather than states one; a customer's
                # "why is it so slow?" is the exception: a complaint put as a question.
                if not self.splitter.asks_why(index, start):
                    continue
                score *= QUESTION_FACTOR
            if end > clause[1] and self._read_through(index.view, clause[1]):
                # a cue read through a filler set off by commas («цена, ну, она растёт») ends in a
                # later clause: its span reaches the end of that one
                clause = (clause[0], index.clause(end - 1)[1])
            kept.append(Hit(cue, start, end, clause, score, cue.label))
            reach = max(reach, end)
        return kept

    def find_cues(self, doc: Doc) -> list[tuple[Cue, int, int]]:
        """The cue matches of `doc` as (cue, start, end), by start, longest first (a subclass
        may add matches its patterns cannot express)."""
        return self.cues.find(doc)

    @staticmethod
    def _read_through(view: DocView, boundary: int) -> bool:
        """Whether the clause boundary at `boundary` falls inside a run the cue patterns read
        through (a filler set off by commas, a hesitation: cues.Disfluency)."""
        skipped = view.skipped
        return skipped is not None and (boundary in skipped or boundary - 1 in skipped)

    def polarity_holds(
        self, index: SentenceIndex, cue: Cue, start: int, end: int, clause: tuple[int, int]
    ) -> bool:
        """Whether the cue states a problem: a problem word not negated, or a good quality
        negated ("not easy")."""
        positive = cue.get("polarity", "neg") == "pos"
        # a good quality doubted ("not sure it's easy") is not a problem stated
        negated = self.negation.is_negated(index.view, start, end, *clause) or (
            index.denied_by_clause(start, self.negation, doubts=not positive)
        )
        return negated == positive

    def accept(
        self,
        index: SentenceIndex,
        cue: Cue,
        start: int,
        end: int,
        clause: tuple[int, int],
        guards: list[tuple[Cue, int, int]],
    ) -> bool:
        """Whether no guard cancels a cue whose polarity holds."""
        for guard, g_start, g_end in guards:
            role = guard.role
            if role == "block":
                if g_start < end and start < g_end and not self.excepted(index, guard, g_start, g_end, clause):
                    return False
            elif role == "resolve":
                if clause[0] <= g_start and g_end <= start <= g_end + RESOLVE_WINDOW:
                    return False  # "fix the bugs", «снизить риск оттока»: a topic, not a problem
                if self.splitter.relative_to(index.view, g_end, clause):
                    return False  # «исправляем места, которые вам не нравятся»: the same topic
            elif role == "dismiss":
                if (
                    self._dismissed(index, guard, g_start, g_end, start, end)
                    and (id(guard) not in self.dismisses or cue.label in self.dismisses[id(guard)])
                ):
                    return False  # "only in the enterprise plan, but we don't need it"
            elif (
                role in ("wish", "advice", "anticipation")
                and clause[0] <= g_start < start
                and (role == "anticipation" or cue.get("weak"))
            ):
                return False
        return True

    def _dismissed(self, index: SentenceIndex, guard: Cue, g_start: int, g_end: int, start: int, end: int) -> bool:
        """Whether the dismiss guard at [g_start, g_end) stands where it reaches the cue at
        [start, end): after it in its sentence, or before it (`either_side`), or before it past
        a contrast word (`after_contrast`)."""
        first, last = index.sentence(start)
        if end <= g_start < last:
            return True
        key = id(guard)
        if g_start >= last and key in self.sentence_before:
            # the guard's sentence is the next one: nothing but spaces between the two, and of
            # the same text (not the next one packed beside it)
            view = index.view
            return index.sentence(g_start)[0] in (last, view.skip_inline_space(last)) and (
                view.segment_start(g_start) == view.segment_start(start)
            )
        if g_start >= start or g_start < first:
            return False
        return key in self.either_side or (
            key in self.after_contrast
            and any(index.view.has(self.splitter.breaks, k) for k in range(g_end, start))
        )

    def after_wish(
        self, index: SentenceIndex, wishes: list[tuple[int, int]], clause: tuple[int, int], start: int
    ) -> tuple[int, int]:
        """The clause of a cue at `start`, begun after a wish in it that a comma closes, the
        comma followed by a word that opens a statement of its own ("A dark mode would be nice,
        my eyes get tired"), or that a word giving its reason closes ("… would be nice because
        my eyes get tired"). English commas end no clause (ClauseSplitter), so the wish (and
        the "would be" inside it) would reach the problem and cancel it."""
        statements, reasons = self.splitter.statements, self.splitter.reasons
        if not statements and not reasons:
            return clause
        view, comma = index.view, self.splitter.comma
        begin = clause[0]
        for w_start, w_end in wishes:
            if w_start < clause[0] or w_end > start:
                continue
            for k in range(w_end, start):
                if view.has(reasons, k):
                    begin = max(begin, k + 1)
                elif view.lower[k] == comma:
                    after = view.skip_inline_space(k + 1)
                    if after <= start and view.has(statements, after):
                        begin = max(begin, after)
        return (begin, clause[1])

    def excepted(
        self, index: SentenceIndex, guard: Cue, g_start: int, g_end: int, clause: tuple[int, int]
    ) -> bool:
        """Whether a word of the block's `unless` list is among the UNLESS_WINDOW words before
        it in its clause, or one of its `unless_after` list among those after it ("you don't
        have to manually resize": the old way's burden)."""
        view = index.view
        before = self.unless.get(id(guard))
        if before is not None:
            near = [k for k in range(clause[0], g_start) if not view.space[k]][-UNLESS_WINDOW:]
            if any(view.has(before, k) for k in near):
                return True
        after = self.unless_after.get(id(guard))
        if after is None:
            return False
        near = [k for k in range(g_end, clause[1]) if not view.space[k]][:UNLESS_WINDOW]
        return any(view.has(after, k) for k in near)

    def spans(self, doc: Doc, index: SentenceIndex, hits: list[Hit]) -> list[Span]:
        """One span per clause; a comma between two hits of one clause splits it."""
        if not hits:
            return []
        from spacy.tokens import Span as SpacySpan

        result: list[Span] = []
        groups: dict[tuple[int, int, str], list[Hit]] = {}
        for hit in hits:
            groups.setdefault((*hit.clause, hit.label if self.by_label else ""), []).append(hit)
        view = index.view
        for (c_start, c_end, _), group in groups.items():
            for start, end, members in self._split_at_commas(view, c_start, c_end, group):
                start, end = self.splitter.trim(view, start, end, max(hit.end for hit in members))
                if end <= start:
                    continue
                best = max(hit.score for hit in members)
                label = next(hit.label for hit in members if hit.score == best)
                span = SpacySpan(doc, start, end, label=label)
                set_span_values(
                    span, self.group,
                    score=round(min(1.0, best + 0.05 * (len(members) - 1)), 3),
                    key=range_key(view, start, end, self.key_words),
                )
                result.append(span)
        result.sort(key=lambda s: (s.start, s.end))
        return result

    def _split_at_commas(
        self, view: DocView, start: int, end: int, group: list[Hit]
    ) -> list[tuple[int, int, list[Hit]]]:
        pieces: list[tuple[int, int, list[Hit]]] = []
        current_start, members = start, [group[0]]
        for previous, hit in itertools.pairwise(group):
            comma = next(
                (i for i in range(previous.end, hit.start) if view.lower[i] == self.splitter.comma),
                None,
            )
            if comma is None:
                members.append(hit)
                continue
            pieces.append((current_start, comma, members))
            current_start, members = comma + 1, [hit]
        pieces.append((current_start, end, members))
        return pieces
