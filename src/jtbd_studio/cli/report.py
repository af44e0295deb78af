"""`report --study S [--segment A,B] [--format html|md] -o FILE`: the study report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from jtbd_studio.cli._common import database, handle_errors

MARKDOWN_SUFFIXES = (".md", ".markdown")


def _format_for(output: Path, fmt: str | None) -> str:
    if fmt is not None:
        return fmt
    return "md" if output.suffix.lower() in MARKDOWN_SUFFIXES else "html"


@click.command()
@click.option("--study", "study_name", required=True, help="Study name or id.")
@click.option("--segment", "segments", metavar="A,B", default=None,
              help="Only these ABCD segments (comma-separated). Default: all.")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default=None,
              help="html (one self-contained page) or md. Default: from the file name, else html.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write ('-' for stdout).")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None,
              help="Language of the labels. Default: the study's (a mixed study: the UI's).")
@click.option("--base", type=click.IntRange(min=1), default=4, show_default=True,
              help="Saturation: base size b (interviews).")
@click.option("--run", "run_length", type=click.IntRange(min=1), default=2, show_default=True,
              help="Saturation: run length r (interviews).")
@click.option("--threshold", type=click.FloatRange(0, 100, max_open=True), default=5.0,
              show_default=True, help="Saturation: new-information threshold t, in percent.")
@click.pass_context
@handle_errors
def report(ctx: click.Context, study_name: str, segments: str | None, fmt: str | None,
           output: Path, lang: str | None, base: int, run_length: int, threshold: float) -> None:
    """Write a study report: NPS and CSI, the journey map, saturation, churn drivers.

    Every figure is shown overall and per ABCD segment, with its n.

    \b
    Examples:
      jtbd-studio report --study "CRM onboarding" -o report.html
      jtbd-studio report --study "CRM onboarding" --segment A,B --format md -o ab.md
    """
    from jtbd_studio.analysis.saturation import SaturationSettings
    from jtbd_studio.services.report import render_report, study_report

    root = ctx.find_root().obj or {}
    settings = SaturationSettings(base=base, run=run_length, threshold=threshold / 100)
    chosen = _format_for(output, fmt)
    db = database(ctx, create=False)
    result = study_report(db, study_name, segments=segments, lang=lang,
                          ui_lang=root.get("ui_lang"), settings=settings)
    text = render_report(result, chosen)
    if str(output) == "-":
        sys.stdout.write(text)
        return
    from jtbd_studio.services.exchange import write_text_atomic

    write_text_atomic(output, text)
    click.echo(f"wrote the {chosen} report of study {result.study.name!r} "
               f"({result.overall.interviews} interviews) to {output}", err=True)
