"""The `jtbd_friction` component: clauses that state a barrier, with negation, wishes and advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from jtbd_studio.nlp.clauses import ClauseExtractor, Hit, SentenceIndex, sentence_index
from jtbd_studio.nlp.cues import Cue, disfluency, lang_of, load_cues, range_key, word_lists
from jtbd_studio.nlp.friction_context import (
    AdviceMood,
    ConsequenceFilter,
    Inability,
    hearsay_before,
)
from jtbd_studio.nlp.friction_reasons import LeavingReasons
from jtbd_studio.nlp.friction_scope import EVALUATIVE, InsultFilter, fear_reaches
from jtbd_studio.nlp.friction_spans import join_one_problem, merge_pieces, through_dash
from jtbd_studio.nlp.lemmas import IMPERATIVE, IMPERATIVE_OR_NOT, verb_mood
from jtbd_studio.nlp.negation import hashes
from jtbd_studio.nlp.outcome import MONEY, TIME, outcomes, within
from jtbd_studio.nlp.spans import (
    problems_stated,
    register_extensions,
    set_problems_stated,
    set_span_values,
    span_values,
)
from jtbd_studio.nlp.view import doc_view

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from jtbd_studio.nlp.view import DocView

#: How many tokens after its wh-word a cue may stand and still be inside the indirect question.
INQUIRY_WINDOW = 7
#: How many content words besides its verb a bare complaint may hold ("our cleaners grumble",
#: «Главбух у нас ругалась страшно»): its subject and one more (`_without_bare_complaints`).
BARE_COMPLAINT_WORDS = 2
#: The label of the cues of annoyance ("annoying", "frustrating", «бесит»): a feeling about a
#: problem, which may be all a clause says (`Friction._without_reactions`).
ANNOYING = "annoying"
#: Within how many words of its sentence's start a `past` guard («раньше») must stand to set the
#: sentence in the past ("Мы раньше …", «У нас раньше …»; `Friction.past_solved`).
PAST_OPENING = 3


class Friction(ClauseExtractor):
    """Problem cues («долго», «не работать», "took forever") → the clause that states the problem.

    Cues come from `friction.jsonl`; labels are sub-types (slow, hard, broken, missing, cost,
    confusing, annoying, support, general). A denied problem («проблем не было», "no issues at
    all"), a wish without a problem ("it would be nice to have…") and advice that names no
    problem are not friction: negation and the `wish`/`advice` guards drop them. `inquiry`
    guards (verbs of asking and researching, infinitives of purpose) drop a cue in the short
    indirect question after them ("we ask what was hard", «выясняем, где возникают
    трудности»): a question about problems, not one met. Words in brackets are a transcript's
    stage directions and notes ("(sighs)", «(с досадою)»), not the speaker's statement.

    A `retract` guard, a denial said right after the problem as a clause of its own ("was it
    a nightmare — no, actually, it wasn't"), takes the problem back.

    `hypothetical` guards (conditionals in English, purposes in both: "if we fail", «чтобы
    клиенты не уходили») drop the cues of the clause they open: a condition imagined or a goal,
    not a barrier met. `hearsay` guards («будто бы», "allegedly") drop the cues after them in
    the clause. A problem told of the past (a `past` guard: «раньше», "used to") and answered by
    the present after it (a `now` guard: «сейчас», "now") is a work-around removed or a problem
    solved, not one met (`past_solved`). In a sentence that opens with an imperative
    («Отвечайте на жалобы быстро») a topic noun or weak cue is the subject of advice. A main clause after a condition that
    states a problem is its consequence («если сроки затягиваются, клиент почувствует себя
    обманутым»), see `friction_context`; comma pieces that state one problem stay one span,
    see `friction_spans`. A fear marked `sentence` reaches the clauses joined to it ("you're
    afraid and … you don't have control") and an evaluative word about a person in an address or
    exclamation is an insult, not a problem, see `friction_scope`.
    """

    kind = "friction"
    guard_roles = (
        *ClauseExtractor.guard_roles, "inquiry", "hypothetical", "hearsay", "retract", "past", "now"
    )

    def __init__(self, nlp: Language) -> None:
        super().__init__(nlp, "friction")
        self.opening = hashes(nlp, frozenset({"(", "["}))
        #: words that may stand before a condition at the start of its clause and leave it the
        #: clause's opener: hesitations and discourse fillers ("I mean if it crashed", «ну если»)
        # (the words of the set-off fillers the cue patterns read through, `cues.Disfluency`)
        set_off = disfluency(nlp).set_off
        self.lead_ins = self.splitter.fillers | frozenset(word for phrase in set_off for word in phrase)
        self.closing = hashes(nlp, frozenset({")", "]"}))
        words = word_lists(lang_of(nlp), "friction")
        self.comparison = hashes(nlp, words.get("comparison", frozenset()))
        self.advice = AdviceMood(hashes(nlp, words.get("scenario", frozenset())))
        self.contrast = hashes(nlp, words.get("contrast", frozenset()))
        #: a word that makes a dash a copula («Самое неудобное — это права доступа»)
        self.copulas = hashes(nlp, words.get("copula", frozenset()))
        self.insult = InsultFilter(
            hashes(nlp, words.get("address", frozenset())), nlp.vocab.strings.add("!")
        )
        self.consequences = ConsequenceFilter(
            self.splitter,
            hashes(nlp, words.get("condition", frozenset())),
            hashes(nlp, words.get("then", frozenset())),
        )
        self.reasons = LeavingReasons(nlp, self.negation)
        #: verbs of complaining that, with nothing said of what, only report how a problem
        #: stated before was taken (`_without_bare_complaints`), and the prepositions that name
        #: what was complained of («на», "about")
        self.grumbles = hashes(nlp, words.get("grumble", frozenset()))
        self.about_words = hashes(nlp, words.get("about", frozenset()))
        self.inability = Inability(
            tuple(cue for cue in load_cues(lang_of(nlp), "friction") if cue.role == "inability"),
            nlp.vocab.strings,
        )
        self.outcomes = outcomes(nlp)
        #: an amount that came worse than promised is a cue of these (label, score: the line of
        #: role `outcome` whose pattern names the dimension; a date is a time)
        self.outcome_cues = {
            cue.pattern: cue for cue in load_cues(lang_of(nlp), "friction") if cue.role == "outcome"
        }
        #: the labels of slowness and cost, whose cues go in the clauses of a promise kept or
        #: bettered
        self.outcome_labels = frozenset(
            cue.label for dimension, cue in self.outcome_cues.items() if dimension in (TIME, MONEY)
        )
        #: the English auxiliary of a negated imperative ("do n't", "do not"); -1 in Russian,
        #: where the imperative is a verb form
        english = lang_of(nlp) == "en"
        self.do = nlp.vocab.strings.add("do") if english else -1
        self.nots = hashes(nlp, frozenset({"n't", "not"}))
        #: the words that open what a verb of complaining complains of («что», "that")
        self.complement_words = hashes(nlp, words.get("complement", frozenset()))
        #: the words after a guard that make it no guard (`not_before`: "so that's" is a pronoun
        #: and its verb, not a purpose), per guard
        self.not_before = {key: hashes(nlp, words) for key, words in self._guard_field("not_before").items()}
        #: the words before a `past` guard that void it, per guard ("got used to" is a habit)
        self.not_after = {key: hashes(nlp, words) for key, words in self._guard_field("not_after").items()}
        #: verbs a spoken English sentence says after a dropped subject ("don't know why")
        self.unsaid = hashes(nlp, words.get("unsaid", frozenset()))
        #: what a bare reaction holds beside its word of annoyance: degree words and softeners
        #: ("really", "kind of", «очень») and the pronouns, copulas and particles of `reaction`
        #: (none in Russian: there the cues of annoyance name problems too, «игнорирование
        #: жалоб», and the gold counts one-word spans such as «Невыносимо»; with Russian words
        #: the rule took ru dev friction F1 from 0.677 to 0.656, benchmarks/eval_quality.py)
        reaction = hashes(nlp, words.get("reaction", frozenset()))
        self.reaction_words = self.degree_words | reaction if reaction else frozenset()
        #: problem words of other labels that, alone in a clause, are a reaction too ("It's
        #: painful", "maddening")
        self.evaluations = hashes(nlp, words.get("evaluation", frozenset()))
        #: what may stand between two spans of one sentence that state one problem, its cause or
        #: its detail ("it kind of lags, like there's a half-second delay", "the label is tiny,
        #: because …"; «…, потому что …»): `joins` words and punctuation; "," in the list lets
        #: punctuation alone join (English, where a comma ends no clause: two problems are
        #: joined by "and"; Russian lists its problems with bare commas)
        joins = words.get("joins", frozenset())
        self.join_words = hashes(nlp, joins - {","})
        self.comma_joins = "," in joins
        #: words that, opening a span, make it the consequence of the problem before it in the
        #: sentence, joined across a bare comma («Ваш биллинг такой формат выдать не мог,
        #: приходилось просить менеджера …»): the forced work-around is part of that problem
        self.consequence_words = hashes(nlp, words.get("consequence", frozenset()))
        #: words that may stand before a span its consequence word opens («…, а справочники
        #: приходится вести руками», "…, and we have to …")
        self.before_consequence = hashes(nlp, words.get("before_consequence", frozenset()))

    def find_cues(self, doc: Doc) -> list[tuple[Cue, int, int]]:
        """The cue matches, with «нельзя» beside a perfective infinitive (`Inability`) and the
        amounts that came worse than promised (`outcome`: "quoted six weeks, took four
        months"), less the cues of slowness or cost in the clauses of a promise and an amount
        that came as promised or better ("they said a week and it took three days"), and in the
        clause of a promise answered worse in another sentence (the problem is what came), less
        the cues inside a limit stated as a spec ("caps errors at two percent"), plus what a
        worse outcome led to, said next ("So the whole shift was standing around")."""
        found = self.cues.find(doc)
        more = self.inability.find(doc_view(doc))
        index = sentence_index(doc, self.splitter)
        came = self.outcomes.find(index)
        if came:
            better = {
                index.clause(at) for o in came if o.sign >= 0 and o.came.dimension in (TIME, MONEY)
                for at in (o.promised.start, o.came.start)
            }
            # a promise answered in another sentence is no problem of its own ("they quoted us
            # six weeks for the rollout. … we went live in May"): the problem is what came
            better.update(
                index.clause(o.promised.start) for o in came
                if o.sign < 0 and o.promised is not o.came
                and index.sentence(o.promised.start) != index.sentence(o.came.start)
            )
            if better:
                found = [
                    match for match in found
                    if match[0].label not in self.outcome_labels or index.clause(match[1]) not in better
                ]
            specs = self.outcomes.specs(index)
            if specs:  # "a limit of seventy-five decibels", "caps errors at two percent": a spec
                found = [match for match in found if not within(specs, match[1])]
            worse = [o for o in came if o.sign < 0]
            more = more + [
                (self.outcome_cues.get(o.came.dimension, self.outcome_cues["time"]), o.came.start, o.came.end)
                for o in worse
            ]
            # what it led to, said next ("… ten past one. So the whole morning shift was standing
            # around the dock", «Привезли пятьсот пятьдесят… Короче, кухня стоит разобранная»)
            for o in worse:
                at = self.outcomes.consequence_after(index, o.came.start)
                if at >= 0:
                    more.append((self.outcome_cues.get(o.came.dimension, self.outcome_cues["time"]), at, at + 1))
        if not more:
            return found
        return sorted(found + more, key=lambda match: (match[1], -match[2]))

    def hits(self, doc: Doc, index: SentenceIndex) -> list[Hit]:
        """The shared hits, less those inside brackets and consequences of a condition, plus
        the reasons given for leaving (`friction_reasons`)."""
        hits = super().hits(doc, index)
        if hits and not self.opening.isdisjoint(index.view.lower):  # a set test in C first
            hits = [hit for hit in hits if not self.in_brackets(index, hit)]
        hits = self.consequences.keep(doc, index, hits)
        reasons = self.reasons.hits(doc, index, hits)
        if reasons:
            reasons = [hit for hit in reasons if not self.in_brackets(index, hit)]
            hits = sorted(hits + reasons, key=lambda hit: (hit.start, hit.end))
        return hits

    def spans(self, doc: Doc, index: SentenceIndex, hits: list[Hit]) -> list[Span]:
        """The shared spans, with clauses joined by an elaborating dash, or by words of a cause
        or detail (friction_spans), made one span, and a
        span that ends on its topic noun before a dash, or before a dash and a copula, reaching
        through the clause after it («Главная проблема — это выгрузка», «Самое неудобное — это
        права доступа»)."""
        spans = self._without_reactions(index, super().spans(doc, index, hits), hits)
        view = index.view
        spans = join_one_problem(
            view, spans, index.sentence, lambda first, second, consequence: self._joined(view, first, second, consequence),
            self.join_words, self.comma_joins, self.consequence_words, self.before_consequence,
        )
        if spans and self.outcomes.find(index):  # made once per doc, by find_cues
            spans = self._with_promises(index, spans)
        complaint_ends = {hit.end for hit in hits if hit.cue.get("complement")}
        if complaint_ends.intersection(span.end for span in spans):
            spans = self._with_complaints(index, spans, complaint_ends)
        if self.grumbles and len(spans) > 1:
            spans = self._without_bare_complaints(index, spans, hits)
        topic_ends = {hit.end for hit in hits if id(hit.cue) in self.topics}
        copular = {span.end for span in spans if self._before_copula(view, span.end)}
        if not topic_ends.intersection(span.end for span in spans) and not copular:
            return spans
        reached: list[Span] = []
        for span in spans:
            if reached and span.start < reached[-1].end:
                continue  # inside the clause an earlier span reached through
            end = span.end
            if end in topic_ends or end in copular:
                end = self.splitter.trim(
                    view, span.start, through_dash(view, end, index.sentence(span.start)[1], index.clause)
                )[1]
            reached.append(span if end <= span.end else self._joined(view, span, doc[span.start : end]))
        return reached

    def _with_promises(self, index: SentenceIndex, spans: list[Span]) -> list[Span]:
        """A span of an amount that came worse than promised reaches back to the promise when
        both are said in one sentence: "they quoted six weeks and it took four months" states
        one problem, the two amounts together (a span the promise's own cue made is taken in)."""
        view = index.view
        doc = view.doc
        for outcome in self.outcomes.find(index):
            if outcome.sign >= 0 or index.sentence(outcome.promised.start) != index.sentence(outcome.came.start):
                continue
            first = self.splitter.trim(view, *index.clause(outcome.promised.start))[0]
            at = next((k for k, span in enumerate(spans) if span.start <= outcome.came.start < span.end), -1)
            if at < 0 or first >= spans[at].start:
                continue
            inside = [k for k, span in enumerate(spans) if span.end > first and span.start < spans[at].start]
            lead = spans[inside[0]] if inside and spans[inside[0]].start <= first else doc[first : first + 1]
            joined = self._joined(view, lead, spans[at])
            spans = [span for k, span in enumerate(spans) if k not in inside and k != at]
            spans = sorted([*spans, joined], key=lambda span: span.start)
        return spans

    def _without_reactions(self, index: SentenceIndex, spans: list[Span], hits: list[Hit]) -> list[Span]:
        """Spans less the bare reactions to a problem that another span of the same document
        states: "The export drops the totals. This is really frustrating." The problem is the
        clause that states it; a clause of nothing but a word of annoyance ("annoying",
        «бесит»), pronouns, copulas, degree words and fillers (`reaction`) only says how the
        speaker took it (emotion reads that). Said with no other problem in its document, the
        reaction stays: it is then all there is to point to the problem."""
        if not self.reaction_words or len(spans) < 2 or not any(self._reacts(index.view, hit) for hit in hits):
            return spans
        view = index.view
        bare = [self._bare_reaction(view, span, hits) for span in spans]
        if not any(bare):
            return spans
        stating = {view.segment_start(span.start) for span, reaction in zip(spans, bare, strict=True) if not reaction}
        return [
            span for span, reaction in zip(spans, bare, strict=True)
            if not reaction or view.segment_start(span.start) not in stating
        ]

    def _reacts(self, view: DocView, hit: Hit) -> bool:
        """Whether a hit is a word of feeling about a problem: a cue of annoyance, or one that
        holds a word of `evaluation` ("painful", "maddening")."""
        return hit.label == ANNOYING or (
            bool(self.evaluations) and any(view.has(self.evaluations, i) for i in range(hit.start, hit.end))
        )

    def _without_bare_complaints(self, index: SentenceIndex, spans: list[Span], hits: list[Hit]) -> list[Span]:
        """Spans less a bare report of complaining after a problem an earlier span of the same
        piece states: "Demo screen sharing keeps dropping. … the guys complain", «…мастер пришёл
        только через три недели. Уборщицы наши ругаются». A complaint is bare when every cue in
        its span is a word of `grumble` and nothing in the span says what was complained of (no
        «что» / "that" clause, no noun after «на» / "about"): it only tells how the problem was
        taken. Said first, or alone, it stays: it is then all there is to point to the problem."""
        view = index.view
        kept: list[Span] = []
        stated: set[int] = set()  # the pieces (packed segments) where a span states a problem
        for span in spans:
            piece = view.segment_start(span.start)
            if piece in stated and self._bare_complaint(view, span, hits):
                continue
            kept.append(span)
            stated.add(piece)
        return kept

    def _bare_complaint(self, view: DocView, span: Span, hits: list[Hit]) -> bool:
        """Whether every hit inside `span` is a word of `grumble` and the span names no object
        of the complaint (a complement word, or a content word after a word of `about`)."""
        inside = [hit for hit in hits if span.start <= hit.start < span.end]
        if not inside or not all(
            all(view.has(self.grumbles, i) for i in range(hit.start, hit.end)) for hit in inside
        ):
            return False
        grumbled = {i for hit in inside for i in range(hit.start, hit.end)}
        said = 0  # content words besides the complaint: its subject ("the guys") and little more
        for i in range(span.start, span.end):
            if view.has(self.complement_words, i):
                return False
            if view.has(self.about_words, i):
                j = view.skip_inline_space(i + 1)
                if j < span.end and not view.stop[j] and not view.punct[j]:
                    return False
            if not (
                i in grumbled or view.punct[i] or view.space[i] or view.stop[i]
                or view.has(self.degree_words, i) or view.has(self.lead_ins, i)
            ):
                said += 1
        return said <= BARE_COMPLAINT_WORDS

    def _bare_reaction(self, view: DocView, span: Span, hits: list[Hit]) -> bool:
        """Whether every word of `span` is part of a cue of annoyance or a word of `reaction`
        (or a degree word or filler)."""
        annoyed = {
            i for hit in hits if span.start <= hit.start < span.end and self._reacts(view, hit)
            for i in range(hit.start, hit.end)
        }
        if not annoyed:
            return False
        return all(
            i in annoyed or view.punct[i] or view.space[i]
            or view.has(self.reaction_words, i) or view.has(self.lead_ins, i)
            for i in range(span.start, span.end)
        )

    def _with_complaints(
        self, index: SentenceIndex, spans: list[Span], complaint_ends: set[int]
    ) -> list[Span]:
        """A verb of complaining whose clause ends where a «что» / "that" clause begins takes
        in what was complained of: «Бариста жалуются, что терминал подвисает», "our managers
        complained that the export times out" are one span, with the spans inside it."""
        view = index.view
        n = len(view.lower)
        joined: list[Span] = []
        for span in spans:
            if joined and span.start < joined[-1].end:
                continue  # the complaint of a span before took it in
            if span.end in complaint_ends:
                k = view.skip_inline_space(span.end)
                if k < n and view.lower[k] == self.splitter.comma:
                    k = view.skip_inline_space(k + 1)
                if k < n and view.has(self.complement_words, k):
                    end = self.splitter.trim(view, span.start, index.clause(k)[1])[1]
                    if end > span.end:
                        span = self._joined(view, span, view.doc[k:end])
            joined.append(span)
        return joined

    def _before_copula(self, view: DocView, end: int) -> bool:
        """Whether a dash and a copula («— это») follow the token before `end`."""
        if not self.copulas:
            return False
        dash = view.skip_inline_space(end)
        if dash >= len(view.lower) or not view.punct[dash]:
            return False
        after = view.skip_inline_space(dash + 1)
        return after < len(view.lower) and view.has(self.copulas, after)

    def _joined(self, view: DocView, first: Span, second: Span, two_stated: bool = False) -> Span:
        """One span from the start of `first` to the end of `second`, with the higher score.
        With `two_stated`, the second part is the consequence the problem forced ("…, so I
        had to redo it", «…, пришлось перезапускать»), a cost stated of its own: the joined span
        counts the statements of both (`problems_stated`)."""
        from spacy.tokens import Span as SpacySpan

        doc = first.doc
        scores = [span_values(doc, s.start_char, s.end_char)[0] or 0.0 for s in (first, second)]
        label = first.label_ if scores[0] >= scores[1] else second.label_
        span = SpacySpan(doc, first.start, second.end, label=label)
        if two_stated:
            set_problems_stated(span, problems_stated(first) + problems_stated(second))
        set_span_values(
            span, self.group,
            score=max(scores),
            key=range_key(view, first.start, second.end, self.key_words),
        )
        return span

    def _split_at_commas(
        self, view: DocView, start: int, end: int, group: list[Hit]
    ) -> list[tuple[int, int, list[Hit]]]:
        """The shared cut at commas, with pieces that state one problem joined again."""
        return merge_pieces(view.doc, view, super()._split_at_commas(view, start, end, group))

    def in_brackets(self, index: SentenceIndex, hit: Hit) -> bool:
        """Whether an opening bracket before the hit is still open. The sentencizer leaves an
        opening bracket at the end of the sentence before ("Славно будет. (Бьет рукою по
        ковру.)"), so the search reaches back into the previous sentence."""
        lower, opening, closing = index.view.lower, self.opening, self.closing
        first = index.sentence(hit.start)[0]
        if first > index.view.segment_start(first):
            first = index.sentence(first - 1)[0]
        clause_start = hit.clause[0]
        for k in range(clause_start - 1, first - 1, -1):
            if lower[k] in closing:
                return False
            if lower[k] in opening:
                return True
        return False

    def accept(
        self,
        index: SentenceIndex,
        cue: Cue,
        start: int,
        end: int,
        clause: tuple[int, int],
        guards: list[tuple[Cue, int, int]],
    ) -> bool:
        """The shared checks, then the inquiry, hypothetical and hearsay guards, advice, fears
        that reach the rest of their sentence and insults (see `friction_scope`)."""
        if not super().accept(index, cue, start, end, clause, guards):
            return False
        view = index.view
        if cue.get("degree") and modifies_next(view, end, clause[1]):
            return False  # «ужасно рад»: a degree of the next word, which speaks for itself
        sentence = index.sentence(start)
        if (id(cue) in self.topics or cue.get("weak")) and self.advice.opens_advice(
            view.doc, view, sentence
        ):
            return False  # «Отвечайте на жалобы быстро»: a topic of advice
        if self.prohibits(index, start, clause):
            return False  # «не пытайтесь сразу всё перенести», "Don't let IT set it up": advice
        if cue.label in EVALUATIVE and self.insult.insults(
            view.doc, view, start, clause, sentence[1]
        ):
            return False  # «Такое грубое животное»: an insult is emotion
        if self.past_solved(index, start, end, guards):
            return False  # «Раньше менеджер всё перепечатывал… А сейчас …»: a problem gone
        return not any(
            self.cancels(index, guard, g_start, g_end, start, end, clause)
            for guard, g_start, g_end in guards
        )

    def past_solved(self, index: SentenceIndex, start: int, end: int, guards: list[tuple[Cue, int, int]]) -> bool:
        """Whether the cue at [start, end) is told of the past and answered by the present:
        a `past` guard before it in its sentence («раньше», "used to", "back then"), among the
        sentence's first PAST_OPENING words unless the guard is marked `anywhere` (so that the
        comparative «узнаёт раньше нас» is no past), and a `now` guard after it, in its sentence
        or the next («сейчас», «теперь», "now", "these days"): "We used to retype every invoice
        by hand. Now it all syncs overnight", «Раньше менеджер всё перепечатывал на сайте
        каждого банка. А сейчас одобрение приходит за минуту». The annotators of session 37's
        probe rounds all left such turns without friction: a work-around removed is no barrier
        met. A `past` guard with `not_after` is void after one of those words ("got used to it"
        is a habit). The next sentence counts only within the same text of a packed doc."""
        first, last = index.sentence(start)
        view = index.view
        past = False
        for guard, g_start, g_end in guards:
            if guard.role != "past" or not first <= g_start or g_end > start:
                continue
            void = self.not_after.get(id(guard))
            before = view.word_before(g_start, first) if void else -1
            if void and before >= 0 and view.lower[before] in void:
                continue
            if guard.get("anywhere") or self._among_first(view, first, g_start):
                past = True
                break
        if not past:
            return False
        n = len(view.lower)
        following = view.skip_inline_space(last) if last < n else n
        # the next sentence, if it is of the same text (not the next one packed beside it)
        same_text = following < n and view.segment_start(following) == view.segment_start(start)
        limit = index.sentence(following)[1] if same_text else last
        return any(guard.role == "now" and end <= g_start < limit for guard, g_start, _ in guards)

    def _among_first(self, view: DocView, first: int, at: int) -> bool:
        """Whether `at` is among the first PAST_OPENING words of the sentence that opens at
        `first` (fillers, conjunctions and punctuation not counted)."""
        seen = 0
        for i in range(self.splitter.past_openers(view, first, at), at):
            if not (view.punct[i] or view.space[i] or view.has(self.lead_ins, i)):
                seen += 1
                if seen >= PAST_OPENING:
                    return False
        return True

    def cancels(
        self,
        index: SentenceIndex,
        guard: Cue,
        g_start: int,
        g_end: int,
        start: int,
        end: int,
        clause: tuple[int, int],
    ) -> bool:
        """Whether one of this component's own guards cancels the cue at [start, end)."""
        role = guard.role
        if role == "anticipation" and guard.get("sentence"):
            # "you're afraid and … you don't have control": a fear reaches on
            return fear_reaches(
                index.view, index.sentence(start)[0], g_start, g_end, start, self.contrast
            )
        if role == "inquiry":
            # "we ask what was hard": a question about problems
            return g_end <= start and self.in_indirect_question(index, g_start, g_end, start)
        if role == "hypothetical":
            # "if it's not intuitive, …", «чтобы клиенты не уходили»: imagined, or a goal; a cue
            # may start inside a guard with words between («если портал когда-нибудь ляжет»).
            # A guard marked `to_comma` reaches its first comma: a concession without a verb of
            # its own is not split from the main clause («Даже если формально всё в рамках
            # договора, доверие восстанавливается долго»)
            after = self.not_before.get(id(guard))
            if after and g_end < len(index.view.lower) and index.view.lower[g_end] in after:
                return False  # "so that's no help": a pronoun and its verb, not a purpose
            return (
                clause[0] <= g_start < start
                and self.opens(index, clause[0], g_start)
                and not (guard.get("to_comma") and self.splitter.comma in index.view.lower[g_end:start])
            )
        if role == "retract":
            # "was the installation a nightmare — no, actually, it wasn't": denied right after;
            # a denial inside the cue is the cue's own ("expected it to update, but it didn't")
            return g_start >= end and self.retracts(index, g_start, g_end, start)
        if role == "hearsay":
            # «я будто бы её высек»: a claim reported, not asserted
            return clause[0] <= g_start < start and hearsay_before(
                index.view, g_start, self.comparison
            )
        return False

    def prohibits(self, index: SentenceIndex, start: int, clause: tuple[int, int]) -> bool:
        """Whether a negated imperative that opens the cue's clause or one before it in its
        sentence takes the cue in. A prohibition is advice or a plea, not a problem met, and so
        are the clauses that hang on it: «Не ждите, пока клиент сам обратится с жалобой», «не
        пытайтесь сразу всё перенести» (its negator commands, it does not deny «сразу»), "Don't
        let IT configure the zones alone", «Помилуйте, не погубите!». A clause after a contrast
        word is the speaker's own again ("Don't get me wrong, but the export is slow")."""
        view = index.view
        sentence_end = index.sentence(start)[1]
        for opening in index.clause_starts(start):
            if opening > start:
                break
            k = self.splitter.past_openers(view, opening, start)
            verb = self._commanded_verb(view, k, sentence_end)
            if verb >= 0 and k <= start and not any(
                view.has(self.contrast, j) for j in range(verb + 1, start)
            ):
                return True
        return False

    def _commanded_verb(self, view: DocView, k: int, limit: int) -> int:
        """The position of the verb of a negated imperative opening at `k` («не ждите», "do
        n't let", "do not assume") before `limit`, or -1. Speech says some of them as set
        phrases, not commands (`unsaid`): English drops subjects ("don't know why"), and «не
        говори» agrees ("tell me about it")."""
        lower = view.lower
        if self.do < 0:  # Russian: «не» and a form pymorphy3 reads only as an imperative, or a
            # plural one that is also a present («не погубите»), not «нашли» (also a past)
            if k >= limit or not view.has(self.negation.pre, k):
                return -1
            verb = view.skip_inline_space(k + 1)
            if verb >= limit or view.punct[verb] or view.has(self.unsaid, verb):
                return -1
            form = view.text(verb)
            mood = verb_mood(form)
            told = mood == IMPERATIVE or (mood == IMPERATIVE_OR_NOT and form.endswith(("те", "тесь")))
            return verb if told else -1
        if not (k + 1 < limit and lower[k] == self.do and lower[k + 1] in self.nots):
            return -1
        verb = view.skip_inline_space(k + 2)
        told = verb < limit and not view.punct[verb] and not view.has(self.unsaid, verb)
        return verb if told else -1

    def retracts(self, index: SentenceIndex, g_start: int, g_end: int, start: int) -> bool:
        """Whether the denial at [g_start, g_end) is said of the problem at `start`: a clause
        of its own ("it really wasn't", «ничего подобного») that ends where it ends, in the
        problem's sentence or opening the next one ("People assume that was some big painful
        migration. It really wasn't — our infra lead did it over a weekend")."""
        view = index.view
        after = view.skip_inline_space(g_end)
        if after < len(view.lower) and not view.punct[after]:
            return False  # "it wasn't fixed": the denial goes on, it is a statement of its own
        sentence = index.sentence(start)
        if g_start >= sentence[1]:  # the next sentence, which it must open
            following = index.sentence(g_start)
            if following[0] != view.skip_inline_space(sentence[1]) or not self.opens(
                index, following[0], g_start
            ):
                return False
        return self.opens(index, index.clause(g_start)[0], g_start)

    def opens(self, index: SentenceIndex, clause_start: int, at: int) -> bool:
        """Whether only punctuation, dangling conjunctions and fillers stand in
        [clause_start, at): the word at `at` opens its clause ("and if we fail", "I mean, if
        it crashed")."""
        return self.splitter.past_openers(index.view, clause_start, at, self.lead_ins) >= at

    def in_indirect_question(self, index: SentenceIndex, g_start: int, g_end: int, i: int) -> bool:
        """Whether token `i` stands in an indirect question that follows the guard [g_start,
        g_end) in its sentence: a wh-word shortly before it, and every clause opened on the way
        opens with one («выясняя, что понравилось, что вызвало трудности»)."""
        view = index.view
        splitter = self.splitter
        sent_start, sent_end = index.sentence(i)
        if g_start < sent_start:
            return False
        # An indirect question is short: "trying to understand what the model does is tricky"
        # states a problem after it.
        near = range(max(g_end, i - INQUIRY_WINDOW), i)
        if not any(view.has(splitter.wh, j) for j in near):
            return False
        starts = index.clause_starts(i)
        ends = [*starts[1:], sent_end]
        return all(
            splitter.opens_with(view, splitter.wh, s, e)
            for s, e in zip(starts, ends, strict=True)
            if g_end < s <= i
        )


@Language.factory(
    "jtbd_friction",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.is_sent_start"],
    default_config={},
)
def make_friction(nlp: Language, name: str) -> Friction:
    """Build the friction component for the pipeline's language."""
    register_extensions()
    return Friction(nlp)


#: Parts of speech a degree adverb modifies («ужасно рад», «ужасно медленно», «ужасно хочется»).
_MODIFIED = frozenset({"ADJ", "ADV", "VERB"})


def modifies_next(view: DocView, end: int, clause_end: int) -> bool:
    """Whether the word right after a cue ending at `end`, in its clause, is one a degree
    adverb modifies (an adjective, adverb or verb): the cue is then that word's degree."""
    after = view.skip_inline_space(end)
    return after < clause_end and not view.punct[after] and view.doc[after].pos_ in _MODIFIED
