"""How far a fear reaches in its sentence, and evaluative words that insult a person.

A fear stated at the start of a sentence colours the clauses joined to it: in "you're afraid
and, you're a bit skeptic and you don't have control" the lack of control is what is feared (an
anxiety about a new solution), not a barrier met. Only a contrastive conjunction ("but", «но»)
turns the sentence back to what happened. The shared extractor stops an `anticipation` guard at
its clause; `fear_reaches` carries it on to the end of the sentence.

GUIDELINES.md: "curses and insults alone are emotion, not friction". An evaluative word that
qualifies a person or animal in an exclamation or an address («Такое грубое животное», «Поросенок
ты скверный», «экий скверный мальчишка») insults; the same word about a thing («скверный обед»)
or a role without those marks («грубые операторы») states a problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from jtbd_studio.nlp.view import DocView

#: How many words either side of an evaluative adjective its noun may stand («ты скверный»).
NOUN_REACH = 2
#: Labels of cues that evaluate (insults are built from them), not report a failure or a delay.
EVALUATIVE = frozenset({"annoying"})


def fear_reaches(
    view: DocView,
    sentence_start: int,
    g_start: int,
    g_end: int,
    start: int,
    contrast: frozenset[int],
) -> bool:
    """Whether the anticipation guard [g_start, g_end) stands before the cue at `start` in its
    sentence with no contrastive word between them."""
    if not sentence_start <= g_start or not g_end <= start:
        return False
    return not any(view.has(contrast, k) for k in range(g_end, start))


class InsultFilter:
    """Evaluative cues that qualify an animate noun in an exclamation or address (Russian:
    animacy from pymorphy3). `marks` are the words that make an address or exclamation:
    second-person pronouns and exclamative determiners («ты», «такой», «экий», «этакий»)."""

    def __init__(self, marks: frozenset[int], exclamation: int) -> None:
        self.marks = marks
        self.exclamation = exclamation
        self._animate: dict[str, bool] = {}

    def insults(
        self, doc: Doc, view: DocView, start: int, clause: tuple[int, int], sentence_end: int
    ) -> bool:
        """Whether the evaluative adjective at `start` qualifies a person or animal in a clause
        that addresses or exclaims."""
        if doc[start].pos_ != "ADJ" or not self.marks:
            return False
        c_start, c_end = clause
        marked = any(view.has(self.marks, k) for k in range(c_start, c_end)) or any(
            view.lower[k] == self.exclamation for k in range(start, sentence_end)
        )
        if not marked:
            return False
        near = range(max(c_start, start - NOUN_REACH), min(c_end, start + NOUN_REACH + 1))
        return any(doc[k].pos_ == "NOUN" and self.animate(doc[k].lower_) for k in near)

    def animate(self, form: str) -> bool:
        """Whether pymorphy3's best noun parse of the word form is animate."""
        known = self._animate.get(form)
        if known is None:
            from jtbd_studio.nlp.lemmas import morph

            nouns = [p for p in morph().parse(form) if "NOUN" in p.tag]
            known = bool(nouns) and "anim" in nouns[0].tag and "inan" not in nouns[0].tag
            self._animate[form] = known
        return known
