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

    def __reduce__(self) -> tuple[type[Found], tuple[object, ...]]:
        """Pickled by its fields (extract_many's worker processes send these back): the compiled
        class has no instance dict for pickle's default to fill, and a frozen one refuses
        setattr."""
        fields = (self.kind, self.start, self.end, self.text, self.key, self.label, self.score, self.valence)
        return (Found, fields)

    def as_json(self) -> dict[str, object]:
        """The object `jtbd-studio extract` prints (valence only for emotion)."""
        row: dict[str, object] = {
            "kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
            "key": self.key, "label": self.label, "score": round(self.score, 3),
        }
        if self.kind == "emotion":
            row["valence"] = self.valence
        return row


#: Competitor scores at or above this come from the study's list (its weakest match, a fuzzy
#: one, scores exactly this; competitors.py); below it, from discovery.
LISTED_SCORE = 0.9
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def speaker_lemmas(names: Iterable[str | None]) -> frozenset[str]:
    """The lemmas of the words of the people on a call (speakers, participant, company), worked
    out once per transcript for `without_speakers`."""
    from jtbd_studio.nlp.lemmas import lemmatizer

    lemma = lemmatizer().lemma
    return frozenset(lemma(w) for name in names if name for w in _WORD.findall(name))


def without_speakers(found: list[Found], speakers: frozenset[str]) -> list[Found]:
    """`found` less the discovered names made only of words of the people on the call
    (`speaker_lemmas`): "Alfi" in a podcast whose guest is "Ben Alfi", «Городничего» where
    «Городничий» speaks. They are not products or companies. List matches are kept."""
    if not speakers:
        return found
    from jtbd_studio.nlp.lemmas import lemmatizer

    lemma = lemmatizer().lemma

    def a_speaker(f: Found) -> bool:
        if f.kind != "competitor" or f.score >= LISTED_SCORE:
            return False
        names = [lemma(w) for w in _WORD.findall(f.text)]
        return bool(names) and all(name in speakers or _spelled_like(name, speakers) for name in names)

    return [f for f in found if not a_speaker(f)]


def _spelled_like(word: str, speakers: frozenset[str]) -> bool:
    """Whether `word` is a speaker's name as a transcriber may spell it ("Connor" for the
    speaker Conor, "Shriharsh" for Shreeharsh): the same first letter and one edit apart (two
    in a name of eight letters or more). Shorter words must be exact: "Ben" is not "Ken"."""
    from rapidfuzz.distance import Levenshtein

    if len(word) < 4:
        return False
    return any(
        len(name) >= 4 and name[0] == word[0]
        and Levenshtein.distance(word, name, score_cutoff=2) <= (2 if min(len(word), len(name)) >= 8 else 1)
        for name in speakers
    )
