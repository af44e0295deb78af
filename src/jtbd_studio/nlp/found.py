"""What the extraction engine returns: one `Found` per extracted span."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Found:
    """One extraction: `text == source[start:end]` in characters of the text as given."""

    kind: str
    start: int
    end: int
    text: str
    key: str
    label: str | None
    score: float
    valence: int | None = None

    def as_json(self) -> dict[str, object]:
        """The object `jtbd-studio extract` prints (valence only for emotion)."""
        row: dict[str, object] = {
            "kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
            "key": self.key, "label": self.label, "score": round(self.score, 3),
        }
        if self.kind == "emotion":
            row["valence"] = self.valence
        return row


#: Competitor scores at or above this come from the study's list; below it, from discovery.
LISTED_SCORE = 0.9
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def without_speakers(found: list[Found], speakers: Iterable[str | None]) -> list[Found]:
    """`found` less the discovered names made only of words of the transcript's speaker names
    ("Alfi" in a podcast whose guest is "Ben Alfi", «Городничего» where «Городничий» speaks):
    the people on the call are not products or companies. List matches are kept."""
    from jtbd_studio.nlp.lemmas import lemmatizer

    lemma = lemmatizer().lemma
    words = {lemma(w) for name in speakers if name for w in _WORD.findall(name)}
    if not words:
        return found

    def a_speaker(f: Found) -> bool:
        if f.kind != "competitor" or f.score >= LISTED_SCORE:
            return False
        names = [lemma(w) for w in _WORD.findall(f.text)]
        return bool(names) and words.issuperset(names)

    return [f for f in found if not a_speaker(f)]
