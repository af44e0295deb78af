"""Who is the interviewer: from names the user gives, else from who asks the questions."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from jtbd_studio.importers.model import ImportedTurn

INTERVIEWER = "interviewer"
CUSTOMER = "customer"

_WORD = re.compile(r"[\w'’-]+")
# Words that open a question in an interview, in Russian and English (lower case).
_QUESTION_OPENERS = frozenset(
    [
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "whom",
        "whose",
        "which",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "will",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "should",
        "tell",
        "describe",
        "walk",
        "explain",
        "что",
        "почему",
        "зачем",
        "как",
        "когда",
        "где",
        "куда",
        "откуда",
        "сколько",
        "какой",
        "какая",
        "какое",
        "какие",
        "каким",
        "кто",
        "кого",
        "чем",
        "чего",
        "расскажите",
        "расскажи",
        "опишите",
        "опиши",
        "объясните",
        "покажите",
        "подскажите",
        "можете",
        "могли",
        "были",
        "был",
        "была",
        "было",
        "есть",
        "ли",
    ]
)
_EVIDENCE_TURNS = 10


@dataclass(frozen=True)
class RoleAssignment:
    """The role of each speaker, how sure we are and how it was decided."""

    roles: dict[str | None, str]
    """speaker -> "interviewer" | "customer"."""
    confidence: float
    """0..1; 1.0 when given or obvious."""
    method: str
    """"given" | "heuristic" | "single_speaker"."""


def assign_roles(
    turns: Sequence[ImportedTurn], *, interviewer_names: Sequence[str] = ()
) -> RoleAssignment:
    """Roles from the names given (case-insensitive, "Dan" matches "Dan Smith"), else guessed."""
    speakers = list(dict.fromkeys(turn.speaker for turn in turns))
    named = [s for s in speakers if s is not None]
    if len(named) <= 1:
        return RoleAssignment({s: CUSTOMER for s in speakers}, 1.0, "single_speaker")
    given = [s for s in named if any(_same_person(s, name) for name in interviewer_names)]
    if given:
        roles = {s: INTERVIEWER if s in given else CUSTOMER for s in speakers}
        return RoleAssignment(roles, 1.0, "given")
    return _by_questions(turns, speakers)


def _same_person(speaker: str, name: str) -> bool:
    """Equal ignoring case, or all words of the shorter name among the longer one's words."""
    a, b = _words(speaker), _words(name)
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(word in longer for word in shorter)


def _words(name: str) -> list[str]:
    return [w.casefold().rstrip(".") for w in _WORD.findall(name)]


def is_question(text: str) -> bool:
    """Ends with (or its last sentence has) a "?", or opens with a question word."""
    tail = text.rstrip()[-80:]
    if "?" in tail:
        return True
    first = _WORD.findall(text[:40].lower())
    return bool(first) and first[0] in _QUESTION_OPENERS


def _by_questions(turns: Sequence[ImportedTurn], speakers: list[str | None]) -> RoleAssignment:
    """The speaker who asks most and talks least is the interviewer.

    score = share of own turns that are questions (smoothed, so that one question in one turn
    is no proof) - share of all words spoken; the confidence grows with the margin to the
    runner-up and with the number of turns seen.
    """
    words = {s: 0 for s in speakers}
    questions = {s: 0 for s in speakers}
    count = {s: 0 for s in speakers}
    for turn in turns:
        words[turn.speaker] += len(turn.text.split())
        questions[turn.speaker] += is_question(turn.text)
        count[turn.speaker] += 1
    total_words = max(1, sum(words.values()))
    scores = {
        s: (questions[s] + 1) / (count[s] + 3) - words[s] / total_words
        for s in speakers
        if s is not None
    }
    ranked = sorted(scores, key=lambda s: scores[s], reverse=True)
    top, runner_up = ranked[0], ranked[1]
    margin = scores[top] - scores[runner_up]
    evidence = min(1.0, (count[top] + count[runner_up]) / _EVIDENCE_TURNS)
    confidence = 0.5 + 0.5 * math.tanh(2.5 * margin) * evidence
    roles = {s: INTERVIEWER if s == top else CUSTOMER for s in speakers}
    return RoleAssignment(roles, round(confidence, 3), "heuristic")
