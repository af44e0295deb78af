"""Elapsed time of the interview and of the stage against its budget, with the overrun warning."""

from __future__ import annotations

from textual.widgets import Static

from jtbd_studio.tui.keys import tr


def hms(seconds: float) -> str:
    """12:34 below an hour, 1:02:03 above (never negative)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ClockBar(Static):
    """One line: interview time · stage time / budget; turns red when the stage overruns."""

    def show_times(self, interview_s: float, stage_s: float, budget_s: float | None) -> None:
        parts = [tr(self, "timer.interview", elapsed=hms(interview_s))]
        budget = hms(budget_s) if budget_s else "—"
        parts.append(tr(self, "timer.stage", elapsed=hms(stage_s), budget=budget))
        over = bool(budget_s) and stage_s > (budget_s or 0)
        if over:
            parts.append("⚠ " + tr(self, "timer.overrun", over=hms(stage_s - (budget_s or 0))))
        self.set_class(over, "-overrun")
        self.update("  ·  ".join(parts))
