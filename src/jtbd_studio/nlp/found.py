"""What the extraction engine returns: one `Found` per extracted span."""

from __future__ import annotations

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
