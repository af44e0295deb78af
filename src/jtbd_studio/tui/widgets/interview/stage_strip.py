"""The strip of stages with each stage's emotion so far: the interview's emotion curve."""

from __future__ import annotations

from dataclasses import dataclass

from textual.markup import escape
from textual.reactive import reactive
from textual.widget import Widget

BARS = {-2: "▁", -1: "▂", 0: "▄", 1: "▆", 2: "█"}
COLOURS = {-2: "$error", -1: "$warning", 0: "$text-muted", 1: "$success", 2: "$success"}


@dataclass(frozen=True)
class StripCell:
    """One stage as the strip shows it."""

    title: str
    valence: int | None


class StageStrip(Widget):
    """Two lines: numbered stage titles, and under each the valence as a bar and a number."""

    cells: reactive[tuple[StripCell, ...]] = reactive((), layout=True)
    """The stages in script order, set by the screen."""
    current: reactive[int] = reactive(0)
    """The index of the stage being talked about."""

    def render(self) -> str:
        if not self.cells:
            return ""
        width = max(4, self.size.width // len(self.cells))
        top, bottom = [], []
        for i, cell in enumerate(self.cells):
            title = f"{i + 1} {cell.title}"[: width - 1].ljust(width - 1)
            style = "reverse bold" if i == self.current else "bold" if cell.valence is not None else ""
            top.append(f"[{style}]{escape(title)}[/] " if style else escape(title) + " ")
            if cell.valence is None:
                mark = "·".ljust(width)
                bottom.append(f"[$text-muted]{mark}[/]")
            else:
                v = cell.valence
                mark = f"{BARS[v] * 2} {v:+d}"[:width].ljust(width)
                bottom.append(f"[{COLOURS[v]}]{mark}[/]")
        return "".join(top) + "\n" + "".join(bottom)
