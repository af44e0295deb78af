"""Sentence context for friction hits: consequences of a condition, hearsay, imperative advice.

A conditional sentence whose condition states the problem ("если сроки затягиваются, клиент
почувствует себя обманутым") names the barrier in the condition; its main clause says what
follows from it (a consequence, which GUIDELINES.md does not count). Hearsay markers («будто
бы», «якобы», "allegedly") report a claim the speaker does not assert («я будто бы её высек»).
A sentence that opens with an imperative gives advice («Отвечайте на жалобы быстро»). «Нельзя»
beside a perfective infinitive names an action the product does not allow, whatever the verb
(`Inability`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jtbd_studio.nlp.lemmas import perfective_infinitive

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc

    from jtbd_studio.nlp.clauses import ClauseSplitter, Hit, SentenceIndex
    from jtbd_studio.nlp.cues import Cue
    from jtbd_studio.nlp.view import DocView

#: How many words into a clause a conditional word may stand and still open it ("даже если").
CONDITION_REACH = 2
#: How many words from «нельзя» its infinitive may stand, before or after it, with no punctuation
#: between («шаблоны писем вытащить нельзя никак», «нельзя массово поменять ответственного»).
INABILITY_REACH = 4
#: The POS of a word that opens a clause with a subject of its own («…, клиент почувствует»).
_SUBJECT_POS = frozenset({"NOUN", "PRON", "PROPN"})


class ConsequenceFilter:
    """Drops hits in the main clause of a conditional sentence whose condition has a hit.

    The sentence is read in segments: its clauses, further cut at commas (the shared splitter
    keeps "…, а сроки затягиваются, клиент почувствует себя обманутым" in one clause). A
    segment opened by a conditional word is a condition; one opened by a conjunction or a
    predicate continues the segment before; one opened by a new subject (a noun or pronoun,
    «то») after a condition is the main clause.
    """

    def __init__(
        self, splitter: ClauseSplitter, conditions: frozenset[int], then: frozenset[int]
    ) -> None:
        self.splitter = splitter
        self.conditions = conditions
        self.then = then

    def keep(self, doc: Doc, index: SentenceIndex, hits: list[Hit]) -> list[Hit]:
        """The hits that are not consequences of a problem stated in a condition before them."""
        if not self.conditions or len(hits) < 2:
            return hits  # a consequence needs a hit of its own in the condition
        view = index.view
        if self.conditions.isdisjoint(view.lemma) and self.conditions.isdisjoint(view.lower):
            return hits  # a set test in C: most docs hold no conditional word
        roles: dict[int, str] = {}
        for hit in hits:
            if hit.start in roles:
                continue
            start, end = index.sentence(hit.start)
            if self.conditions.isdisjoint(view.lemma[start:end]) and self.conditions.isdisjoint(
                view.lower[start:end]
            ):
                roles.update(dict.fromkeys(range(start, end), ""))  # no condition here
            else:
                roles.update(self.segment_roles(doc, index, hit.start))
        with_problem = {index.sentence(h.start)[0] for h in hits if roles[h.start] == "if"}
        return [
            hit
            for hit in hits
            if roles[hit.start] != "then" or index.sentence(hit.start)[0] not in with_problem
        ]

    def segment_roles(self, doc: Doc, index: SentenceIndex, i: int) -> dict[int, str]:
        """Each token of the sentence of token `i` → the role of its segment: "if" (a condition
        or its continuation), "then" (a main clause after a condition) or "" (neither)."""
        view = index.view
        sent_start, sent_end = index.sentence(i)
        comma = self.splitter.comma
        cuts = sorted(
            {*index.clause_starts(i)}
            | {k + 1 for k in range(sent_start, sent_end - 1) if view.lower[k] == comma}
        )
        roles: dict[int, str] = dict.fromkeys(range(sent_start, sent_end), "")
        previous = ""
        for start, end in zip(cuts, [*cuts[1:], sent_end], strict=True):
            opener = self.opener(doc, view, start, end)
            if opener == "condition":
                role = "if"
            elif opener == "subject":
                role = "then" if previous in ("if", "then") else ""
            else:
                role = previous
            for k in range(start, end):
                roles[k] = role
            previous = role
        return roles

    def opener(self, doc: Doc, view: DocView, start: int, end: int) -> str:
        """What opens the segment [start, end): "condition" («если», "if" within its first
        words), "subject" (a noun or pronoun: a clause with a subject of its own) or
        "continuation" (anything else: a conjunction, a predicate, an attribute)."""
        words = [k for k in range(start, end) if not view.punct[k] and not view.space[k]]
        words = words[:CONDITION_REACH]
        if any(view.has(self.conditions, k) for k in words):
            return "condition"
        if words and (view.has(self.then, words[0]) or doc[words[0]].pos_ in _SUBJECT_POS):
            return "subject"
        return "continuation"


def hearsay_before(view: DocView, g_start: int, opens_comparison: frozenset[int]) -> bool:
    """Whether the hearsay marker at `g_start` («будто бы») is one: «как будто бы» compares
    ("as if"), it reports no claim."""
    k = g_start - 1
    while k >= 0 and view.space[k]:
        k -= 1
    return k < 0 or not view.has(opens_comparison, k)


class AdviceMood:
    """Sentences that open with an imperative («Не ждите, пока клиент обратится с жалобой»,
    «Отвечайте на жалобы быстро»): advice to the business. In them a category noun
    («жалоба», «проблема») or a weak cue names a topic of the advice, not a problem met. Verbs
    of imagining («Представьте, что …») open an example instead, which counts."""

    #: How many stop words («не», «и», «поэтому») may stand before the opening verb.
    LEAD = 3

    def __init__(self, scenario: frozenset[int]) -> None:
        self.scenario = scenario

    def opens_advice(self, doc: Doc, view: DocView, sentence: tuple[int, int]) -> bool:
        """Whether the sentence [start, end) opens with an imperative that is not a verb of
        imagining."""
        lead = 0
        for k in range(*sentence):
            if view.punct[k] or view.space[k]:
                continue
            if view.stop[k] and lead < self.LEAD:
                lead += 1
                continue
            return not view.has(self.scenario, k) and self.imperative(doc[k].lower_)
        return False

    def imperative(self, form: str) -> bool:
        """Whether pymorphy3 reads the word form as an imperative (in any of its parses)."""
        from jtbd_studio.nlp.lemmas import IMPERATIVE, IMPERATIVE_OR_NOT, verb_mood

        return verb_mood(form) in (IMPERATIVE, IMPERATIVE_OR_NOT)


class Inability:
    """«Нельзя» with a perfective infinitive beside it: an action the product does not allow
    («шаблоны писем вытащить нельзя никак», «оказалось, что докупить лицензии посреди срока
    нельзя»), for any verb, where a pattern can only list verbs. An imperfective infinitive makes
    «нельзя» a ban or advice («нельзя тянуть с ответом»): no match. The words come from the cue
    lines of role `inability` («нельзя», «нереально»), a match's label and score from the first of
    them; a match is a cue like any other (negation, guards: «нельзя не заметить» is blocked)."""

    def __init__(self, cues: tuple[Cue, ...], strings: StringStore) -> None:
        self.cue = cues[0] if cues else None
        self.words = frozenset(
            strings.add(word) for cue in cues for word in cue.pattern.lower().split("|")
        )

    def find(self, view: DocView) -> list[tuple[Cue, int, int]]:
        """The matches in the doc as (cue, start, end), by start."""
        cue = self.cue
        if cue is None or self.words.isdisjoint(view.words):
            return []  # a set test in C: most docs hold no «нельзя»
        found: list[tuple[Cue, int, int]] = []
        for i, word in enumerate(view.lower):
            if word in self.words:
                verb = self._verb(view, i, 1)
                if verb < 0:
                    verb = self._verb(view, i, -1)
                if verb >= 0:
                    found.append((cue, min(i, verb), max(i, verb) + 1))
        return found

    @staticmethod
    def _verb(view: DocView, i: int, step: int) -> int:
        """The perfective infinitive within INABILITY_REACH words of `i` in direction `step`
        with no punctuation between, or -1."""
        n = len(view.lower)
        seen = 0
        j = i
        while seen < INABILITY_REACH:
            j += step
            if j < 0 or j >= n or view.punct[j]:
                return -1
            if view.space[j]:
                continue
            seen += 1
            if perfective_infinitive(view.strings[view.lower[j]]):
                return j
        return -1
