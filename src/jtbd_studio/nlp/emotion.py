"""The `jtbd_emotion` component: valence −2..+2 and a taxonomy label per sentence with feeling.

Only the customer's feelings are research data: interviewer turns (`doc.user_data["jtbd_role"]
== "interviewer"`) give none. Their greetings, thanks and questions ("Where did you get
stuck?") would otherwise read as delight and frustration.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

from jtbd_studio.nlp.clauses import ClauseSplitter, SentenceIndex, per_pipeline, sentence_index
from jtbd_studio.nlp.cues import (
    Cue,
    CueMatcher,
    DocView,
    LexiconError,
    lang_of,
    load_cues,
    range_key,
    speaker_role,
    word_lists,
)
from jtbd_studio.nlp.emoticons import Emoticons, Feeling
from jtbd_studio.nlp.lemmas import IMPERATIVE, IMPERATIVE_OR_NOT, INFINITIVE, verb_mood
from jtbd_studio.nlp.negation import MAX_REACH, Intensity, Negation, hashes
from jtbd_studio.nlp.outcome import outcomes, within
from jtbd_studio.nlp.spans import (
    SPAN_GROUPS,
    problems_stated,
    register_extensions,
    set_group,
    set_span_values,
    span_values,
)
from jtbd_studio.nlp.view import FormChain, doc_view
from jtbd_studio.paths import corpora_dir

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

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
#: A requirement ("it needs to be fast", «должна быть удобной») states what is wanted: no feeling.
REQUIREMENT_FACTOR = 0.0
#: How many tokens from an adoption verb its object may stand ("pay that much for it")
INTENT_REACH = 4
STRONG = 2.0
DEFAULT_LABELS = {1: "delight", -1: "disappointment"}
NEGATED_LABELS = {1: "relief", -1: "disappointment"}
SURPRISE = "surprise"
ANXIETY = "anxiety"
FRUSTRATION = "frustration"
RELIEF = "relief"
#: How many tokens before a feeling "never" may stand with a degree word between (`_never_so`).
NEVER_SO_REACH = 6
#: The feeling of a worry found groundless (`worries_resolved`).
RELIEVED = 1.0
#: The feeling of a problem stated with no word of feeling but in an exclamation
#: (`exclaimed_complaints`) or as one that keeps coming back (`persisting_complaints`), and of
#: praise opened in irony beside a problem (`ironic_praise`).
COMPLAINT = 1.0
#: How many problems (friction spans) a turn with no word of feeling must state to be a plain
#: complaint (`plain_complaints`), and the score of the mild disappointment each of them gives.
PLAIN_PROBLEMS = 2
#: Within how many sentences after a worry a word of relief answers it (`_relief_later`).
RELIEF_REACH = 2
PLAIN_SCORE = 0.4
#: The feeling of an amount that came better (+) or worse (−) than promised (`outcome_feelings`).
OUTCOME_VALENCE = 1.0
#: The feeling of an amount that came as promised ("quoted 21 thousand … still 21"): mild trust.
KEPT_VALENCE = 0.5
KEPT_LABEL = "confidence"
#: How many words before a verb of saying its first-person subject may stand ("I've said").
REPORTER_REACH = 3
#: A token of laughter («ахахах», «хихи», "hahaha", "lol"): its length varies, so it is a
#: pattern, not a lexicon word; it counts as a cue of this valence.
LAUGHTER = re.compile(
    r"(?=.*(?:ха|ах).*(?:ха|ах))[ах]{4,}|(?:хе|хи){2,}х?|(?:ha|ah){2,}h?|(?:he){2,}h?"
    r"|лол|lol|lmao|rofl"
)
LAUGHTER_VALENCE = 1.0
#: An emoticon is the writer's own face; the words beside it may be about someone else («он
#: такой злой)))»: the writer is amused) or said in jest («самое ужасное — принтер))»). It
#: outweighs one strong word even with an intensifier before it (2 × 1.4).
FACE_WEIGHT = 3.0
LAUGHTER_MEMO_LIMIT = 400_000


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


class Emotion:
    """Lexicon valence with negation and intensifiers, plus emoticons, summed per sentence.

    Lexicon lines (`emotion.jsonl`, role `cue`) carry `valence` (−2..+2) and a taxonomy label;
    `negated_label` names the label when the word is negated. One span per sentence (split at
    line breaks) whose feelings sum to |valence| ≥ 0.5, or that holds only surprise. A line
    with `intent` is a verb of adopting, paying or relying, read as a verdict on the product
    when said as the speaker's intent about it (`states_intent`): `required` counts only
    then, `exempt` counts always and is then not weakened as a wish. A line with `not_after` /
    `not_before` ("a|b") does not count right after / right before those words (spoken "like"
    after a copula or before a comma is no liking).

    A sentence with a problem (a friction span) and no word of feeling is felt as frustration
    when it ends in "!" (`exclaimed_complaints`) or says the problem keeps coming back
    (`persistence`, `persisting_complaints`); praise in a sentence that opens in irony and
    states a problem is frustration too (`irony`, `ironic_praise`).
    """

    def __init__(self, nlp: Language) -> None:
        self.lexicon = CueMatcher(nlp, "emotion", roles=("cue",))
        #: "needs to be", «должна быть»: the quality after it is asked for, not felt
        self.requirements = CueMatcher(nlp, "emotion", roles=("requirement",))
        #: a bad thing taken back right after it is said ("— no, actually, it wasn't"): the
        #: friction lexicon's `retract` phrases, read here too (`worries_resolved`)
        self.retractions = CueMatcher(nlp, "friction", roles=("retract",))
        #: a good outcome that answers a worry ("it turned out fine", «всё обошлось»)
        self.outcomes = CueMatcher(nlp, "emotion", roles=("outcome",))
        #: per cue line with `not_after` / `not_before` ("a|b"): the lower-case forms that may not
        #: stand right before its first word / right after its last ("it's really like a
        #: spreadsheet", "I'm always like, …", "that also like, you know": "like" is no verb)
        self.neighbours: dict[int, tuple[frozenset[int], frozenset[int]]] = {
            id(cue): (
                hashes(nlp, frozenset(str(cue.get("not_after", "")).split("|")) - {""}),
                hashes(nlp, frozenset(str(cue.get("not_before", "")).split("|")) - {""}),
            )
            for cue, _ in self.lexicon.patterns if cue.get("not_after") or cue.get("not_before")
        }
        #: a sentence opened in irony ("oh yeah,", «ну да,»): its praise of a problem is a complaint
        self.irony = CueMatcher(nlp, "emotion", roles=("irony",))
        #: a problem that keeps coming back ("again", "every time", «опять», «до сих пор»)
        self.persistence = CueMatcher(nlp, "emotion", roles=("persistence",))
        self.emoticons = Emoticons(lang_of(nlp))
        self.negation = per_pipeline(nlp, Negation)
        self.intensity = Intensity(nlp)
        self.splitter = per_pipeline(nlp, ClauseSplitter)
        self.promises = outcomes(nlp)
        self.exclamation = nlp.vocab.strings.add("!")
        #: what ends a sentence or clause after a contrast word ("I don't trust it yet."): the
        #: sentencizer's final punctuation (tokens.py reads the same list), "..." and ";"
        from spacy.pipeline import Sentencizer

        ends = (*Sentencizer.default_punct_chars, "...", ";")
        self.final_marks = frozenset(nlp.vocab.strings.add(m) for m in ends)
        roles = word_lists(lang_of(nlp), "emotion")

        def role(name: str) -> frozenset[int]:
            return hashes(nlp, roles.get(name, frozenset()))

        self.irrealis = role("irrealis")
        #: «как» of the filler «как бы» said without commas (`_last_filler`): it hedges, as it
        #: does set off by commas (cues.Disfluency), and wishes for nothing
        self.how = nlp.vocab.strings.add("как")
        #: verbs after which "would" hedges an opinion ("I'd say"), not a hypothesis
        self.opinion = role("opinion")
        self.contrast = role("contrast")
        #: words that open a turn's concluding sentence ("But …", «Зато …»): `conclusions`;
        #: what may stand before one there (fillers that are not concluding words themselves)
        self.concludes = role("concludes")
        self.before_conclusion = self.splitter.fillers - self.concludes
        #: "no", «нет» said as a reply after a contrast word: a worry found groundless
        self.reply_no = role("reply_no")
        #: "never" and the degree words after it that make a feeling the strongest yet ("never
        #: been so happy", «никогда так не веселилась»): not a negation
        self.never = role("never")
        self.degree_so = role("degree_so")
        #: "than", «чем»: what a comparison sets the product against ("nicer than squinting at
        #: numbers"); its own words describe the other thing, not the speaker's feeling
        self.comparison = role("comparison")
        #: "although", «хотя»: the clause it opens is conceded, the other one carries the feeling
        self.concession = role("concession")
        #: "at first", «поначалу»: a state the clause says has passed; the sentence's other
        #: clause carries the feeling ("painful at first; now I can't imagine working without it")
        phrases = [phrase.split() for phrase in sorted(roles.get("superseded", frozenset()))]
        self.superseded = tuple(tuple(nlp.vocab.strings.add(w) for w in p) for p in phrases)
        #: each phrase's longest word: a doc without any of them holds none of the phrases
        self.superseded_anchors = frozenset(nlp.vocab.strings.add(max(p, key=len)) for p in phrases)
        #: a word right after a requirement that makes it a guess ("that has to be the best")
        self.not_required = role("not_requirement")
        #: an intent about the product ("I'd use it", «я бы на это не полагался»): the words of
        #: intent, the words that name the product as an object, and conditions after them
        self.intent_words = role("intent")
        self.product_words = role("product")
        #: "this", «это»: the product only as a pronoun, not before a noun ("this dataset"):
        #: followed by punctuation, the verb or one of the words after an object (`after_object`)
        self.demonstratives = role("demonstrative")
        self.after_object = role("after_object")
        self.conditions = role("condition")
        #: a negated imperative ("don't worry", «не волнуйтесь»): the auxiliary it leans on
        #: ("do"), the negators that make one alone ("never"), the words that may stand before
        #: it ("please", "just"), the subjects that make a Russian form read as indicative
        #: («вы не сердитесь?») and the modals of advice («не надо бояться»)
        self.plea_aux = role("plea_aux")
        self.plea_alone = role("plea_alone")
        self.plea_lead = role("plea_lead")
        self.subjects = role("subject")
        self.advice = role("advice")
        #: verbs of telling and asking: a negated infinitive after one is reported advice
        #: ("told us not to worry", «сказал нам не беспокоиться»)
        self.telling = role("telling")
        #: "you": a question holding one asks for the listener's feeling (English only)
        self.listener = role("listener")
        #: the auxiliaries that open a yes/no question ("do", "is", "would"), «разве»
        self.yes_no = role("yes_no")
        #: the negation particles that, right after a yes/no question's opener, ask back rather
        #: than deny: "Isn't that great?", «Разве это не здорово?»
        self.asked_back = role("asked_back")
        #: "said", "according": what follows is someone else's feeling, unless a first-person
        #: subject ("I", "we") stands a few words before the verb (English only)
        self.reporting = role("reporting")
        self.first_person = role("first_person")
        self.to = nlp.vocab.strings.add("to")
        self.speaker = role("speaker")
        self.russian = lang_of(nlp) == "ru"
        self.group = SPAN_GROUPS["emotion"]
        self.key_words = self.lexicon.words
        self._laughs: set[int] = set()  # forms judged laughter, and judged not
        self._not_laughs: set[int] = set()
        self._laugh_chain = FormChain()
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
        if len(doc) and speaker_role(doc) == "customer":
            index = sentence_index(doc, self.splitter)
            units: dict[tuple[int, int], list[Feeling]] = {}
            found = (
                self.without_specs(index, self.feelings(doc, index)) + self.laughter(index.view)
                + self.outcome_feelings(index)
            )
            faces = [
                Feeling(f.token, f.valence * FACE_WEIGHT, f.label)
                for f in self.emoticons.find(index.view)
            ]
            for feeling in found + faces:
                units.setdefault(self.unit(doc, index, feeling.token), []).append(feeling)
            # the problems stated (friction spans: the component runs first), with their
            # sentences, made once for the three ways a plain problem is felt
            stated = doc.spans.data.get(SPAN_GROUPS["friction"], ())
            problems = [(span.start, self.unit(doc, index, span.start)) for span in stated]
            if problems:
                self.exclaimed_complaints(index, problems, units)
                self.persisting_complaints(doc, index, problems, units)
            self.worries_resolved(doc, index, units)
            if problems:
                self.ironic_praise(doc, index, problems, units)
            # the last word of each requirement ("be", «чтобы»): its clause is the one asked for
            required = [
                end - 1 for _, _, end in (self.requirements.find(doc) if found else [])
                if end >= len(doc) or index.view.lower[end] not in self.not_required
            ]
            for (start, end), feelings in sorted(units.items()):
                span = self.judge(index, start, end, feelings, required)
                if span is not None:
                    spans.append(span)
            if problems and sum(map(problems_stated, stated)) >= PLAIN_PROBLEMS:
                spans = self.plain_complaints(index, problems, stated, spans)
            if len(spans) > 1 and self.concludes:
                self.conclusions(index, spans)
        elif len(doc):  # the memos of forms judge every doc's forms (view.FormChain)
            view = doc_view(doc)
            self.learn_laughter(view)
            self.emoticons.learn(view)
        set_group(doc, self.group, spans)
        return doc

    def outcome_feelings(self, index: SentenceIndex) -> list[Feeling]:
        """What came set against what was promised (`outcome`) is felt even when no word says
        so: "they said two weeks and it was here in four days" is good news, "quoted $12,000,
        invoiced $15,400" bad news, a promise kept mild trust; the feeling sits on the amount
        that came."""
        return [
            Feeling(o.came.start, OUTCOME_VALENCE * o.sign, DEFAULT_LABELS[o.sign], modal=True, fact=True) if o.sign
            else Feeling(o.came.start, KEPT_VALENCE, KEPT_LABEL, modal=True, fact=True)
            for o in self.promises.find(index)
        ]

    def without_specs(self, index: SentenceIndex, found: list[Feeling]) -> list[Feeling]:
        """The feelings less those said inside a limit stated as a spec that an outcome answers
        ("the contract caps errors at two percent": no frustration in "errors")."""
        specs = self.promises.specs(index)
        if not specs:
            return found
        return [f for f in found if not within(specs, f.token)]

    def plain_complaints(
        self, index: SentenceIndex, problems: list[tuple[int, tuple[int, int]]],
        stated: Sequence[Span], spans: list[Span],
    ) -> list[Span]:
        """A turn (a packed piece of the doc) with no word of feeling in it that states
        PLAIN_PROBLEMS problems or more (friction spans) is a complaint put plainly: each
        sentence with a problem is a mild disappointment. "It's been spinning for thirty seconds
        without rendering anything. Is that normal?", «Выгрузка в Excel теряет формат дат, а
        дашборд грузится сорок секунд». One problem alone is often told as a fact (the dev gold
        marks it neutral); a turn that feels anything speaks for itself.

        Measured (benchmarks/eval_quality.py, emotion sign accuracy): dev en 0.831 → 0.844,
        ru 0.884 → 0.884; the readable round sets en 0.601 → 0.659, ru 0.591 → 0.637; three-way
        accuracy (with neutral) dev en 0.805 → 0.799, ru 0.829 → 0.819, readable en 0.682 →
        0.706, ru 0.716 → 0.734. With one problem enough, dev three-way en fell to 0.726."""
        view = index.view
        felt = {view.segment_start(span.start) for span in spans}
        pieces = [(view.segment_start(start), unit) for start, unit in problems]
        count: Counter[int] = Counter()
        for (piece, _), span in zip(pieces, stated, strict=True):
            count[piece] += problems_stated(span)  # a problem with its consequence states two
        # each sentence once, in reading order (dict keys keep it)
        plain = dict.fromkeys(
            unit for piece, unit in pieces if piece not in felt and count[piece] >= PLAIN_PROBLEMS
        )
        if not plain:
            return spans
        doc = view.doc
        for (start, end) in plain:
            span = Span(doc, start, end, label=DEFAULT_LABELS[-1])
            set_span_values(
                span, self.group, valence=-1, score=PLAIN_SCORE,
                key=range_key(view, start, end, self.key_words),
            )
            spans.append(span)
        return sorted(spans, key=lambda span: span.start)

    def conclusions(self, index: SentenceIndex, spans: list[Span]) -> None:
        """A turn that concedes one feeling and then, in or after a sentence opened by a
        concluding word (`concludes`: "but", «зато»), states the opposite concludes with the
        second: "It's not perfect, the reports are a bit
        clunky. But it saved my team ten hours a week, so I'd buy it again."; «Продукт, может,
        и неплохой. Но с такой поддержкой я не уверен, что мы продлимся». The concluding
        sentence weighs one more (a mild feeling becomes a strong one); the conceded feeling
        stays as it was said."""
        view = index.view
        doc = view.doc
        signs: set[tuple[int, int]] = set()  # (segment, sign) of the spans read so far
        previous_end = 0
        for span in spans:
            valence = span_values(doc, span.start_char, span.end_char, self.group)[1] or 0
            sign = (valence > 0) - (valence < 0)
            segment = view.segment_start(span.start)
            if (
                abs(valence) == 1 and (segment, -sign) in signs
                and self._turned(view, max(previous_end, segment), span.start, span.end)
            ):
                set_span_values(span, self.group, valence=2 * sign)
            signs.add((segment, sign))
            previous_end = span.end

    def _turned(self, view: DocView, since: int, start: int, end: int) -> bool:
        """Whether a concluding word opens the sentence [start, end) or one of the sentences
        between `since` and it ("… I'll give them that. But half my staff can't log in. I'm
        pretty fed up.")."""
        if self._opened_by_contrast(view, start, end):
            return True
        starts = view.sent_starts
        k = bisect_left(starts, since)
        while k < len(starts) and starts[k] < start:
            stop = starts[k + 1] if k + 1 < len(starts) else start
            if self._opened_by_contrast(view, starts[k], min(stop, start)):
                return True
            k += 1
        return False

    def _opened_by_contrast(self, view: DocView, start: int, end: int) -> bool:
        """Whether a concluding word ("but", «зато») opens [start, end), past punctuation and
        fillers ("Well, but …")."""
        start = self.splitter.past_openers(view, start, end, self.before_conclusion)
        return start < end and view.has(self.concludes, start)

    def worries_resolved(
        self, doc: Doc, index: SentenceIndex, units: dict[tuple[int, int], list[Feeling]]
    ) -> None:
        """A worry the speaker had and then found groundless is relief: «я боялась, что будет
        тяжело… Но нет, никаких проблем не было», "I was bracing myself for the permissions
        screen. But no, it's just a dropdown". So is a bad thing said and then taken back
        ("was the installation a nightmare — no, actually, it wasn't", "people assume that was
        a painful migration. It really wasn't"). A sentence whose feelings are all negative
        gives way to relief at the reply when, after its feelings or in the next sentence, a
        denial follows that ends where it ends (the friction lexicon's `retract` phrases), or,
        for a worry (one of them anxiety: what it feared is part of it), a contrast word and a
        "no" set off by punctuation («но нет,», "but no,") or a good outcome (`outcome`: "It
        turned out fine", «всё обошлось»), or a word of relief within RELIEF_REACH sentences
        of its turn ("Huge relief, honestly.")."""
        view = index.view
        retractions: list[tuple[int, int]] | None = None  # found once a sentence asks
        outcomes: list[int] | None = None
        n = len(view.lower)
        for unit in sorted(units):
            feelings = units.get(unit)
            if not feelings or any(f.valence >= 0 for f in feelings):
                continue
            first = max(f.token for f in feelings) + 1
            limit = unit[1]
            if limit < n:  # the next sentence may open with the reply
                limit = self.unit(doc, index, view.skip_inline_space(limit))[1]
            reply = -1
            if any(f.label == ANXIETY for f in feelings):
                reply = self._reply_no(view, unit, first, limit)
                if reply < 0:
                    if outcomes is None:
                        outcomes = [s for _, s, _ in self.outcomes.find(doc)]
                    reply = next((s for s in outcomes if first <= s < limit), -1)
            if reply < 0 and any(f.label == ANXIETY for f in feelings):
                reply = self._relief_later(view, units, unit)
            if reply < 0:
                if retractions is None:
                    retractions = [(s, e) for _, s, e in self.retractions.find(doc)]
                reply = next((
                    s for s, e in retractions
                    if first <= s < limit
                    and (s < unit[1] or self._opens_unit(view, unit[1], s))
                    and (view.skip_inline_space(e) >= n or view.punct[view.skip_inline_space(e)])
                ), -1)
            if reply >= 0:
                del units[unit]
                units.setdefault(self.unit(doc, index, reply), []).append(
                    Feeling(reply, RELIEVED, RELIEF)
                )

    @staticmethod
    def _relief_later(
        view: DocView, units: dict[tuple[int, int], list[Feeling]], unit: tuple[int, int]
    ) -> int:
        """The first word of relief said in the same turn within RELIEF_REACH sentences after
        the worry of `unit` ("I was dreading our first payroll run with them. And then
        everybody got paid, on time. Huge relief, honestly."), or -1: the worry was answered."""
        segment = view.segment_start(unit[0])
        starts = view.sent_starts
        k = bisect_left(starts, unit[1]) + RELIEF_REACH
        limit = starts[k] if k < len(starts) else len(view.lower)
        for later in sorted(units):
            if later[0] >= limit:
                break
            if later[0] >= unit[1] and view.segment_start(later[0]) == segment:
                for f in units[later]:
                    if f.label == RELIEF and f.valence > 0:
                        return f.token
        return -1

    def _reply_no(self, view: DocView, unit: tuple[int, int], first: int, limit: int) -> int:
        """The position of a "no" set off by punctuation after a contrast word in [first,
        limit), the contrast in the sentence `unit` or opening the next one; or -1."""
        if not self.reply_no or self.reply_no.isdisjoint(view.words):
            return -1  # a set test in C: most docs hold no such reply
        n = len(view.lower)
        for j in range(first, limit):
            if view.has(self.contrast, j) and (j < unit[1] or self._opens_unit(view, unit[1], j)):
                reply = view.skip_inline_space(j + 1)
                after = view.skip_inline_space(reply + 1)
                if reply < limit and view.has(self.reply_no, reply) and after < n and view.punct[after]:
                    return reply
        return -1

    def _opens_unit(self, view: DocView, start: int, j: int) -> bool:
        """Whether only punctuation, whitespace, conjunctions and fillers stand in [start, j)
        ("But it didn't, so.")."""
        return self.splitter.past_openers(view, start, j) >= j

    def exclaimed_complaints(
        self, index: SentenceIndex, problems: list[tuple[int, tuple[int, int]]],
        units: dict[tuple[int, int], list[Feeling]],
    ) -> None:
        """A sentence that states a problem (`problems`: each friction span's start and
        sentence) and ends with an exclamation mark, with no word of feeling in it, is felt as
        frustration: «Денег не платит!», "It crashed again!"."""
        if self.exclamation not in index.view.words:
            return
        view = index.view
        for start, unit in problems:
            if unit in units:
                continue  # the sentence's own words of feeling speak for it
            last = unit[1] - 1
            while last > unit[0] and view.space[last]:
                last -= 1
            if "!" in view.text(last):
                units[unit] = [Feeling(start, -COMPLAINT, FRUSTRATION)]

    def ironic_praise(
        self, doc: Doc, index: SentenceIndex, problems: list[tuple[int, tuple[int, int]]],
        units: dict[tuple[int, int], list[Feeling]],
    ) -> None:
        """A sentence that opens in irony ("Oh yeah, great service, three days to get an
        answer", «Ну да, отличный сервис, три дня ждать ответа») and states a problem (a friction
        span) praises only in words: its feeling is frustration. Without a problem in it the
        praise stands («Ну да, отличный сервис»: irony needs the evidence)."""
        if not self.irony or not units:
            return
        view = index.view
        openers: list[int] | None = None
        for start, unit in problems:
            feelings = units.get(unit)
            if not feelings or not any(f.valence > 0 for f in feelings):
                continue  # no praise to read as irony
            if openers is None:
                openers = [at for _, at, _ in self.irony.find(doc)]
                if not openers:
                    return
            if any(
                unit[0] <= o < unit[1] and self.splitter.past_openers(view, unit[0], o) >= o
                for o in openers
            ):  # the irony opens the sentence, past fillers
                units[unit] = [Feeling(start, -COMPLAINT, FRUSTRATION)]

    def persisting_complaints(
        self, doc: Doc, index: SentenceIndex, problems: list[tuple[int, tuple[int, int]]],
        units: dict[tuple[int, int], list[Feeling]],
    ) -> None:
        """A sentence that states a problem (a friction span) and says that it keeps coming back
        or never ends (`persistence`: "again", "every single time", "still", "kept logging us
        out", «опять», «постоянно», «до сих пор», «так и не»), with no word of feeling in it, is
        felt as frustration: "The shift planner keeps duplicating entries", «Интеграция так и не
        заработала». The repetition is the speaker's exasperation; a problem told once and
        plainly ("the export took a minute") stays without feeling."""
        view = index.view
        marks: list[int] | None = None  # found once a sentence asks
        for start, unit in problems:
            if unit in units:
                continue  # the sentence's own words of feeling speak for it
            if marks is None:
                marks = [
                    at for cue, at, end in self.persistence.find(doc)
                    if not cue.get("gerund") or self._gerund_at(view, end)
                ]
                if not marks:
                    return
            if any(unit[0] <= m < unit[1] for m in marks):
                units[unit] = [Feeling(start, -COMPLAINT, FRUSTRATION)]

    @staticmethod
    def _gerund_at(view: DocView, i: int) -> bool:
        """Whether the word at `i` (past inline space) is an -ing form ("kept complaining")."""
        i = view.skip_inline_space(i)
        if i >= len(view.lower):
            return False
        word = view.text(i).lower()
        return len(word) > 4 and word.endswith("ing")

    def feelings(self, doc: Doc, index: SentenceIndex) -> list[Feeling]:
        """Lexicon matches with negation turning the sign and intensifiers scaling them."""
        result: list[Feeling] = []
        reach = -1
        view = index.view
        for cue, start, end in self.lexicon.find(doc):
            if end <= reach:
                continue  # nested in a longer cue ("не понимать" holds "понимать")
            modal = bool(cue.get("modal"))
            intent = cue.get("intent")
            if intent:
                stated = self.states_intent(index, start, end)
                if intent == "required" and not stated:
                    # "we use it on Mondays", "I'd use the second dataset": no view; and no
                    # shadow over the cues inside ("got stuck with" keeps "stuck")
                    continue
                modal = modal or stated
            if self.neighbours and id(cue) in self.neighbours and self._out_of_place(view, cue, start, end):
                continue  # "it's really like a spreadsheet": no feeling, and no shadow either
            reach = end
            if all(view.in_title_name(i) for i in range(start, end)):
                continue  # a name: "a plugin called Happy Inbox"
            # The sentence bounds the windows; negation and intensity stop at punctuation anyway.
            floor, ceiling = index.sentence(start)
            valence = float(cue.get("valence", 0)) * self.intensity.factor(view, start, floor)
            label = cue.label
            if valence and not self._never_so(view, start, floor) and (
                self.negation.is_negated(view, start, end, floor, ceiling)
                or index.denied_by_clause(start, self.negation)
            ):  # "I don't think it's great", «не скажу, что я в восторге»
                if self.is_plea(index, start, floor):
                    continue  # "don't worry", «не сердитесь»: asked of the listener, not felt
                if not self._asked_back(index, start, floor):
                    valence *= NEGATION_FACTOR
                    sign = 1 if valence > 0 else -1
                    label = cue.get("negated_label") or NEGATED_LABELS[sign]
            if result and self.intensity.counts(view, result[-1].token, start, floor):
                result.pop()  # «ужасно рад», "super slow": the first word is a degree, not a feeling
            result.append(Feeling(start, valence, label, modal, bool(cue.get("expletive"))))
        return result

    def _out_of_place(self, view: DocView, cue: Cue, start: int, end: int) -> bool:
        """Whether a word the cue line may not follow stands right before it, or one it may not
        precede right after it (`not_after`, `not_before`)."""
        after, before = self.neighbours[id(cue)]
        return (start > 0 and view.lower[start - 1] in after) or (
            end < len(view.lower) and view.lower[end] in before
        )

    def _never_so(self, view: DocView, start: int, floor: int) -> bool:
        """Whether "never" and a degree word after it stand before the feeling at `start` in
        its clause: "I've never been so happy", «никогда ещё так не веселилась» say the feeling
        is the strongest yet, not that it is missing."""
        if not self.never or self.never.isdisjoint(view.words):
            return False  # a set test in C: most docs hold no "never"
        degree = False
        for j in range(start - 1, max(floor, start - NEVER_SO_REACH) - 1, -1):
            if view.punct[j]:
                return False
            if view.has(self.degree_so, j):
                degree = True
            elif view.has(self.never, j):
                return degree
        return False

    def states_intent(self, index: SentenceIndex, start: int, end: int) -> bool:
        """Whether the verb at [start, end) states what the speaker would or will do with the
        product: a word of intent in its clause ("would", "'ll", «бы», «буду»), the product as
        its object close by ("it", "this", «это», «им») and no condition after it in the
        sentence ("I'd use it if it had…" is a wish). Said so, adopting, paying, relying,
        trusting and recommending are the speaker's verdict on the product, not a hope; and
        the negation of the verb («я бы на это не стал полагаться») makes the verdict a no."""
        if not self.intent_words or self.intent_words.isdisjoint(index.view.words):
            return False
        view = index.view
        c_start, c_end = index.clause(start)
        if not any(view.has(self.intent_words, j) for j in range(c_start, c_end)):
            return False
        near = range(max(c_start, start - INTENT_REACH), min(c_end, end + INTENT_REACH))
        if not any(self._names_product(view, j, start, end, c_end) for j in near):
            return False
        if index.is_question(start):
            return False  # "would you use it?" asks for a verdict
        s_end = index.sentence(start)[1]
        return not any(view.has(self.conditions, j) for j in range(end, s_end))

    def is_plea(self, index: SentenceIndex, start: int, floor: int) -> bool:
        """Whether the negator before the cue at `start` makes a negated imperative or advice:
        "don't worry", "never fear", «не волнуйтесь», «не сердитесь на нас», «не надо
        паниковать», or such advice reported ("told us not to worry"). It asks the listener not
        to feel so and states no feeling of the speaker's: neither the word's (the negator is
        there) nor its opposite (the relief the negation would otherwise read)."""
        view = index.view
        neg = self._negator_before(view, start, floor)
        if neg < 0 or index.is_question(start):
            return False
        c_start = index.clause(start)[0]
        after = view.skip_inline_space(neg + 1)
        if self.russian:
            if view.has(self.advice, after):  # «не стоит переживать», not «нам не нужно было»
                return not any(view.has(self.speaker, j) for j in range(c_start, neg))
            if after >= len(view.lower) or view.doc[after].pos_ not in _MAYBE_VERB:
                return False  # «не мой любимый»: «мой» may be read as "wash!", but is no verb here
            mood = verb_mood(view.text(after))
            if mood == INFINITIVE:  # «сказал нам не беспокоиться»
                return self._told(view, c_start, neg)
            if mood == IMPERATIVE:
                return True  # «вы не волнуйтесь» too: the form is no indicative
            return mood == IMPERATIVE_OR_NOT and not any(
                view.has(self.subjects, j) for j in range(c_start, neg)
            )
        if after < len(view.lower) and view.lower[after] == self.to:  # "not to worry"
            return self._told(view, c_start, neg)
        before = view.word_before(neg, c_start)
        if before >= 0 and view.lower[before] in self.plea_aux:  # "don't worry", "do not panic"
            before = view.word_before(before, c_start)
        elif not view.has(self.plea_alone, neg):  # "never fear"
            return False
        return before < 0 or view.has(self.plea_lead, before)

    def _told(self, view: DocView, c_start: int, neg: int) -> bool:
        """Whether a verb of telling or asking stands in the clause before the negator."""
        return any(view.has(self.telling, j) for j in range(c_start, neg))

    def _asked_back(self, index: SentenceIndex, start: int, floor: int) -> bool:
        """Whether the negator before the word at `start` belongs to a question asked back: a
        yes/no question whose opener (`yes_no`) a negation particle (`asked_back`) follows within
        two words. "Isn't that great?", «Разве это не здорово?» assert the word, not deny it (and
        a good word in a yes/no question is weighed, not felt: judge). «Неужели нельзя было
        сделать удобнее?» denies it: «нельзя» is no particle."""
        if not self.asked_back or not index.is_question(start):
            return False
        view = index.view
        neg = self._negator_before(view, start, floor)
        first = self._yes_no_opener(index, floor, start)
        return first >= 0 and first < neg <= first + 2 and view.has(self.asked_back, neg)

    def _negator_before(self, view: DocView, start: int, floor: int) -> int:
        """The nearest pre-negator before `start` in the sentence, or -1."""
        for i in range(start - 1, max(floor, start - MAX_REACH) - 1, -1):
            if self.negation.is_negator(view, i):
                return i
        return -1

    def _names_product(self, view: DocView, j: int, start: int, end: int, c_end: int) -> bool:
        """Whether token `j` names the product as an object: a pronoun ("it", «им»), or a
        demonstrative that stands for a noun rather than before one ("this." or «на это
        полагался», not "this dataset")."""
        if view.has(self.product_words, j):
            return True
        if not view.has(self.demonstratives, j):
            return False
        after = view.skip_inline_space(j + 1)
        return (
            after >= c_end or bool(view.punct[after]) or start <= after < end
            or view.has(self.after_object, after)
        )

    def learn_laughter(self, view: DocView) -> None:
        """Judge the doc's forms not judged yet, once each per process: laughter or not?
        Every doc goes through here, the interviewer's too (view.FormChain)."""
        if self._laugh_chain.knows_all(view):
            return  # after the first docs, as a rule
        words = view.words
        if len(self._not_laughs) > LAUGHTER_MEMO_LIMIT:
            self._not_laughs.clear()  # memory stays flat on endless streams of new forms
            self._laugh_chain.forget()
        if self._not_laughs.issuperset(words):
            return  # in C, without a new set: most docs hold only forms judged before
        new = words.difference(self._not_laughs).difference(self._laughs)
        for form in new:
            text = view.strings[form]
            is_laugh = len(text) < 40 and LAUGHTER.fullmatch(text) is not None
            (self._laughs if is_laugh else self._not_laughs).add(form)

    def laughter(self, view: DocView) -> list[Feeling]:
        """Tokens of laughter."""
        self.learn_laughter(view)
        if self._laughs.isdisjoint(view.words):
            return []
        laughs = self._laughs
        return [
            Feeling(i, LAUGHTER_VALENCE, DEFAULT_LABELS[1])
            for i, form in enumerate(view.lower)
            if form in laughs
        ]

    @staticmethod
    def _last(view: DocView, words: frozenset[int], start: int, end: int) -> int:
        """The last position in [start, end) holding one of `words`, or -1 (set tests first:
        the doc's, then the range's)."""
        if words.isdisjoint(view.words) or (
            words.isdisjoint(view.lower[start:end]) and words.isdisjoint(view.lemma[start:end])
        ):
            return -1
        return max((i for i in range(start, end) if view.has(words, i)), default=-1)

    def _asks_listener(self, index: SentenceIndex, start: int, end: int) -> bool:
        """Whether the sentence [start, end) is a question to the listener: it ends with a
        question mark and holds "you" ("What did you find most frustrating?"). English only."""
        if self.listener.isdisjoint(index.view.words) or not index.is_question(start):
            return False
        return self._last(index.view, self.listener, start, end) >= 0

    def _asks_yes_no(self, index: SentenceIndex, start: int, end: int) -> bool:
        """Whether the sentence [start, end) is a yes/no question: it ends with a question mark
        and opens, past fillers, with an auxiliary ("Do we trust…?", "Is it any good?"). A good
        word in one is weighed, not felt; a bad one may still be a complaint ("Is it broken
        again?")."""
        return index.is_question(start) and self._yes_no_opener(index, start, end) >= 0

    def _yes_no_opener(self, index: SentenceIndex, start: int, end: int) -> int:
        """The first word of [start, end) past fillers when it opens a yes/no question (an
        auxiliary, «разве»), else -1."""
        first = self.splitter.past_openers(index.view, start, end)
        return first if first < end and index.view.has(self.yes_no, first) else -1

    def _reported(self, view: DocView, start: int, end: int) -> int:
        """The first word of saying in the sentence [start, end) whose subject is not the
        speaker ("she said", "according to the survey"), or -1: the feelings after it are
        someone else's, reported. English only: in Russian tweets and dialogue a verb of saying
        as often carries the speaker's own feeling."""
        if self.reporting.isdisjoint(view.words):
            return -1  # a set test in C: most docs report no one
        for i in range(start, end):
            if not view.has(self.reporting, i):
                continue
            # the subject within the few words before the verb ("I said", "we'd mentioned",
            # "everything I've said"), not across punctuation
            own = False
            j, seen = i - 1, 0
            while j >= start and seen < REPORTER_REACH and not view.punct[j]:
                if not view.space[j]:
                    if view.has(self.first_person, j):
                        own = True
                        break
                    seen += 1
                j -= 1
            if not own:
                return i
        return -1

    def _turn(self, view: DocView, start: int, end: int) -> int:
        """The last contrast word of the sentence [start, end) that ends no sentence or clause,
        or -1: "I don't trust it yet.", "It's slow, however." end on one (a full stop, "!", "?",
        "…" or ";" after it), and so does "yet" of "I don't trust it yet, they …" (a word before
        it and punctuation after it: in English only, where "yet" and "however" are adverbs too);
        the feeling before it is the sentence's own, not one a turn outweighs. A contrast word
        that opens its clause stays one ("But, honestly, …", «НО,Я ЛЮБЛЮ»)."""
        turn = self._last(view, self.contrast, start, end)
        while turn >= 0:
            after = view.skip_inline_space(turn + 1)
            if after < end and view.lower[after] not in self.final_marks and (
                self.russian or not view.punct[after] or turn == start
                or bool(view.punct[turn - 1]) or bool(view.space[turn - 1])
            ):
                return turn
            turn = self._last(view, self.contrast, start, turn)
        return -1

    def _compared(
        self, index: SentenceIndex, start: int, end: int, feelings: list[Feeling]
    ) -> tuple[int, int]:
        """The tokens (from, to) of what the sentence [start, end) compares the product with:
        after its last "than"/«чем» to the end of that word's clause, when a feeling (the
        comparative) comes before the word in the clause ("much nicer than squinting at a
        table"); else (-1, -1). Not after a negator: "nothing is worse than …", «нет ничего
        ужаснее, чем …» says it of the other thing."""
        none = (-1, -1)
        than = self._last(index.view, self.comparison, start, end) if len(feelings) > 1 else -1
        if than < 0:
            return none
        first, last = index.clause(than)
        view = index.view
        if not any(first <= other.token < than for other in feelings) or any(
            self.negation.is_negator(view, j) for j in range(first, than)
        ):
            return none
        return than + 1, last

    def _conceded(self, index: SentenceIndex, i: int) -> bool:
        """Whether the clause holding token `i` opens with a concession ("although", "even
        though", «хотя», «несмотря на»; not «хотя бы», «хоть бы»: "at least", a wish)."""
        view = index.view
        if self.concession.isdisjoint(view.words):
            return False  # a set test in C: most docs hold no concession
        start, end = index.clause(i)
        words = [k for k in range(start, end) if not view.punct[k] and not view.space[k]][:2]
        return any(
            view.has(self.concession, k)
            and not (k + 1 < end and view.has(self.irrealis, view.skip_inline_space(k + 1)))
            for k in words
        )

    def _superseded(self, index: SentenceIndex, i: int) -> bool:
        """Whether the clause holding token `i` says its state has passed ("at first",
        "initially", «сначала», «поначалу»), in a sentence with another clause to carry it."""
        if self.superseded_anchors.isdisjoint(index.view.words):
            return False  # a set test in C: most docs hold none of these
        start, end = index.clause(i)
        sentence = index.sentence(i)
        if (start, end) == sentence:
            return False  # "it was slow at first.": nothing else to lean on
        lower = index.view.lower
        return any(
            lower[k] == phrase[0] and tuple(lower[k : k + len(phrase)]) == phrase
            for phrase in self.superseded
            for k in range(start, end)
        )

    def _irrealis_clause(self, index: SentenceIndex, i: int) -> bool:
        """Whether the clause holding token `i` has a word of wish or hypothesis."""
        if not self.irrealis:
            return False
        start, end = index.clause(i)
        view = index.view
        skipped = view.skipped  # «как бы» set off by commas is a filler, not a wish
        return any(
            view.has(self.irrealis, j) and (skipped is None or j not in skipped)
            and not self._last_filler(view, j)
            and not (self.opinion and view.has(self.opinion, self._after_would(view, j, end)))
            for j in range(start, end)
        )

    def _last_filler(self, view: DocView, j: int) -> bool:
        """Whether «бы» at `j` ends the filler «как бы» said without commas: last in its
        sentence («Кто мне этот простой оплатит, как бы?») or after a filler or a comma («ну
        как бы сколько можно»). «Как бы нам это настроить» opens its sentence: a wish."""
        if j < 1 or view.lower[j - 1] != self.how:
            return False
        after = view.skip_inline_space(j + 1) if j + 1 < len(view.lower) else j + 1
        if after >= len(view.lower) or view.punct[after]:
            return True
        before = j - 2
        while before >= 0 and view.space[before]:
            before -= 1
        return before >= 0 and (view.lower[before] == self.splitter.comma or view.has(self.splitter.fillers, before))

    def _after_would(self, view: DocView, j: int, end: int) -> int:
        """The word after the word of hypothesis at `j`, past a negator: "I'd say" and "I
        wouldn't say I'm thrilled" both hedge an opinion (the negator then denies it)."""
        k = min(view.skip_inline_space(j + 1), end - 1)
        if self.negation.is_negator(view, k):
            k = min(view.skip_inline_space(k + 1), end - 1)
        return k

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
        self, index: SentenceIndex, start: int, end: int, feelings: list[Feeling],
        required: list[int] | None = None,
    ) -> Span | None:
        """Sum the feelings of one sentence into a span with valence and label, or None.
        `required`: the last words of requirements ("needs to be", «нужно, чтобы»); a feeling
        after one in its clause is asked for, not felt."""
        view = index.view
        doc = view.doc
        if not self.russian and self._asks_listener(index, start, end):
            return None  # "Are you happy with the pricing?": asked, not felt
        if self.yes_no and all(f.valence > 0 for f in feelings) and self._asks_yes_no(index, start, end):
            return None  # "Do we trust the quality of this model?": weighed, not felt
        reported = -1 if self.russian else self._reported(view, start, end)
        turn = self._turn(view, start, end)
        irrealis = self._last(view, self.irrealis, start, end) >= 0
        total = 0.0
        # "Hell, it works great now": a curse beside other feelings adds its strength to
        # theirs, in their direction; a curse alone ("Damn.", «Чёрт, опять упало») is the feeling
        curses = [feeling for feeling in feelings if feeling.expletive]
        beside = bool(curses) and len(curses) < len(feelings)
        other_from, other_to = self._compared(index, start, end, feelings)
        # "I was braced for it, but we had no issues at all": a worry before the contrast that a
        # good word after it answers is the relief's occasion, not a feeling of its own
        answered = turn >= 0 and any(f.valence > 0 and f.token >= turn for f in feelings)
        for feeling in feelings:
            if beside and feeling.expletive:
                continue
            if other_from <= feeling.token < other_to:
                continue  # describes what the product is compared with
            if answered and feeling.label == ANXIETY and feeling.token < turn:
                continue
            if 0 <= reported < feeling.token and not feeling.fact:
                continue  # "my manager said she was frustrated": hers, told as a fact
            # "slow at first, but the support was great": the clause after "but" carries it;
            # so does the clause beside a concession ("although setup took a while, …")
            weight = BEFORE_CONTRAST if feeling.token < turn else 1.0
            if (self.concession and self._conceded(index, feeling.token)) or (
                self.superseded and self._superseded(index, feeling.token)
            ):
                weight = BEFORE_CONTRAST
            if (
                irrealis and not feeling.modal
                and (self.russian or feeling.label != ANXIETY)
                and self._irrealis_clause(index, feeling.token)
            ):
                # «было бы здорово», "would be nice": hope, not feeling. An English worry is
                # about what may come, and a condition beside it leaves it felt ("worried about
                # … if we leave"); Russian «бы» also makes «страх хотелось бы» "I'd so like"
                weight *= IRREALIS_FACTOR
            if required and any(
                start <= r < feeling.token and index.clause(r) == index.clause(feeling.token)
                for r in required
            ):
                weight *= REQUIREMENT_FACTOR  # "it has to be safe": a requirement, not a feeling
            total += feeling.valence * weight
        if beside:
            total = _with_curses(total, curses)
        if self.exclamation in view.words and self.exclamation in view.lower[start:end]:
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
        span = Span(doc, start, end, label=label)
        set_span_values(
            span, self.group,
            valence=valence,
            score=round(min(1.0, 0.45 + 0.1 * len(feelings) + 0.1 * abs(total)), 3),
            key=range_key(view, start, end, self.key_words),
        )
        return span


#: The parts of speech of a word after a negator that may make a plea («не волнуйтесь»): a verb,
#: or none known.
_MAYBE_VERB = frozenset({"VERB", "AUX", ""})


def _with_curses(total: float, curses: list[Feeling]) -> float:
    """The sum of the other feelings with the curses said beside them: each curse adds its
    strength in the direction of that sum; when the other words weigh nothing (a requirement,
    feelings that cancel out), the curses count alone."""
    strength = sum(curse.valence for curse in curses)
    if not total:
        return strength
    return total + abs(strength) * (1 if total > 0 else -1)


@Language.factory(
    "jtbd_emotion",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={},
)
def make_emotion(nlp: Language, name: str) -> Emotion:
    """Build the emotion component for the pipeline's language."""
    register_extensions()
    return Emotion(nlp)
