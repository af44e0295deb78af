"""The current stage in the interview language: title, goal, prompts, and its emotion."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from jtbd_studio.scripts import EmotionLabel, Stage, fill_placeholders, pick_text
from jtbd_studio.tui.keys import tr


class StagePanel(VerticalScroll):
    """Shows one stage; the screen calls `show_stage` and `show_emotion` (attributes down)."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(id="stage-title")
        yield Static(id="stage-goal")
        yield Static(id="stage-prompts")
        yield Static(id="stage-emotion")
        yield Static(id="emotion-legend")

    def show_stage(
        self, stage: Stage, *, number: int, total: int, lang: str,
        values: Mapping[str, str | None] | None = None,
    ) -> None:
        """`lang` is the interview's language (the client's), not the interface's."""
        self.query_one("#stage-title", Static).update(
            f"[$text-muted]{escape(tr(self, 'stage.of', n=number, total=total))}[/]\n"
            f"[b]{escape(pick_text(stage.title, lang))}[/b]"
        )
        goal = fill_placeholders(pick_text(stage.goal, lang), lang, values)
        self.query_one("#stage-goal", Static).update(
            f"[$text-muted]{escape(tr(self, 'stage.goal'))}:[/] {escape(goal)}"
        )
        prompts = [f"• {escape(fill_placeholders(pick_text(p.text, lang), lang, values))}"
                   for p in stage.prompts]
        self.query_one("#stage-prompts", Static).update(
            f"[$text-muted]{escape(tr(self, 'stage.prompts'))}:[/]\n" + "\n".join(prompts)
        )
        self.scroll_home(animate=False)

    def show_emotion(self, label: EmotionLabel | None, valence: int | None, comment: str | None) -> None:
        lang = getattr(self.app, "ui_lang", "en")
        head = f"[$text-muted]{escape(tr(self, 'emotion.title'))}:[/] "
        if valence is None:
            body = f"[$text-muted]{escape(tr(self, 'emotion.none'))}[/]"
        else:
            name = f"{label.key} {pick_text(label.title, lang)}" if label else "—"
            body = f"[b]{escape(name)}[/b] ({valence:+d})"
            if comment:
                body += f" — {escape(comment)}"
        self.query_one("#stage-emotion", Static).update(head + body)

    def show_legend(self, labels: tuple[EmotionLabel, ...]) -> None:
        lang = getattr(self.app, "ui_lang", "en")
        items = " · ".join(f"{lab.key} {escape(pick_text(lab.title, lang))}" for lab in labels)
        self.query_one("#emotion-legend", Static).update(
            f"[$text-muted]{escape(tr(self, 'tui.interview.emotion_keys'))} {items}[/]"
        )
