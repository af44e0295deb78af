"""`jtbd-studio script list|show`: the interview scripts, as a table or stage by stage."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

from jtbd_studio import paths
from jtbd_studio.cli._common import echo_table, handle_errors
from jtbd_studio.i18n import default_ui_lang, languages, t
from jtbd_studio.scripts import (
    Script,
    cjm_stages,
    fill_placeholders,
    jtbd_phases,
    list_script_problems,
    list_scripts,
    load_script,
    pick_text,
    prompt_kinds,
    script_kinds,
)


def _check_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and value not in languages():
        raise click.BadParameter(f"{value!r} is not one of: {', '.join(languages())}")
    return value


lang_option = click.option(
    "--lang",
    metavar="|".join(("ru", "en")),
    callback=_check_lang,
    default=None,
    help="Language of titles and prompts (default: the interface language).",
)


def _lang(ctx: click.Context, lang: str | None) -> str:
    return lang or (ctx.find_root().obj or {}).get("ui_lang") or default_ui_lang()


def _minutes(value: float) -> str:
    return f"{value:g}"


def _source(path: Path, lang: str) -> str:
    if path.is_relative_to(paths.corpora_dir()):
        return t("script.built_in", lang)
    return str(path)


@click.group("script")
def script() -> None:
    """List and show interview scripts (packaged ones and your own)."""


@script.command("list")
@lang_option
@click.pass_context
@handle_errors
def list_(ctx: click.Context, lang: str | None) -> None:
    """A table of the scripts: key, title, stages, minutes, source."""
    lang = _lang(ctx, lang)
    headers = [t(f"script.{h}", lang) for h in ("key", "title", "stages", "minutes", "source")]
    echo_table(headers, [
        (s.key, pick_text(s.title, lang), len(s.stages), _minutes(s.duration_min),
         _source(s.source, lang))
        for s in list_scripts()
    ])
    problems = list_script_problems()
    if problems:
        click.echo(t("script.problems", lang, n=len(problems)), err=True)
        for problem in problems:
            click.echo(f"  {problem.message}", err=True)


@script.command("show")
@click.argument("key_or_path", metavar="KEY|PATH")
@lang_option
@click.pass_context
@handle_errors
def show(ctx: click.Context, key_or_path: str, lang: str | None) -> None:
    """One script in full: stages with minutes, goal and prompts."""
    lang = _lang(ctx, lang)
    loaded = load_script(key_or_path)
    for line in _describe(loaded, lang):
        click.echo(line)


def _describe(s: Script, lang: str) -> list[str]:
    cjm = dict(cjm_stages())
    phases = {p.id: p.title for p in jtbd_phases()}
    prompt_titles = {k.id: k.title for k in prompt_kinds()}
    kind_titles = {k.id: k.title for k in script_kinds()}

    def text(mapping: Mapping[str, str]) -> str:
        return fill_placeholders(pick_text(mapping, lang), lang)

    yes_no = t("app.yes" if s.asks_nps else "app.no", lang)
    lines = [
        f"{s.key} — {text(s.title)}",
        text(s.description),
        f"{t('script.kind', lang)}: {text(kind_titles[s.kind])} · "
        f"{t('script.languages', lang)}: {', '.join(s.languages)} · "
        f"{t('script.duration', lang)}: {t('timer.minutes', lang, n=_minutes(s.duration_min))} · "
        f"{t('script.asks_nps', lang)}: {yes_no}",
    ]
    if s.csi_aspects:
        aspects = "; ".join(text(a.title) for a in s.csi_aspects)
        lines.append(f"{t('script.csi_aspects', lang)}: {aspects}")
    if s.guidance:
        lines.append(f"{t('script.guidance', lang)}: {text(s.guidance)}")
    for n, stage in enumerate(s.stages, start=1):
        lines += ["", t("script.stage_heading", lang, n=n, title=text(stage.title), id=stage.id,
                        minutes=_minutes(stage.minutes), cjm=text(cjm[stage.cjm_stage]))]
        if stage.jtbd_phase:
            lines.append(f"   {t('script.jtbd_phase', lang)}: {text(phases[stage.jtbd_phase])}")
        lines.append(f"   {t('stage.goal', lang)}: {text(stage.goal)}")
        lines += [f"   - [{text(prompt_titles[p.kind])}] {text(p.text)}" for p in stage.prompts]
    return lines
