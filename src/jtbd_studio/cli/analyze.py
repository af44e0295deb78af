"""`analyze --study S`: store extraction suggestions for every interview of a study."""

from __future__ import annotations

import click

from jtbd_studio.cli._common import database, handle_errors


@click.command()
@click.option("--study", "study_name", required=True)
@click.option("--n-process", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Worker processes for big studies.")
@click.pass_context
@handle_errors
def analyze(ctx: click.Context, study_name: str, n_process: int) -> None:
    """Run the extraction engine over a study and store its suggestions.

    Running it again is safe: accepted, rejected and edited extractions are kept as they are.

    \b
    Example:
      jtbd-studio analyze --study "CRM onboarding"
    """
    from jtbd_studio.services.analysis import analyze_study
    from jtbd_studio.services.studies import find_study

    db = database(ctx)
    find_study(db, study_name)  # an unknown study is one line, before any progress bar
    with click.progressbar(length=1, label="analyzing", file=click.get_text_stream("stderr")) as bar:
        def step(done: int, total: int) -> None:
            bar.length = total
            bar.update(1)

        report = analyze_study(db, study_name, n_process=n_process, progress=step)
    click.echo(f"{report.interviews} interviews, {report.turns} turns: {report.added} suggestions added, "
               f"{report.removed} withdrawn, {report.refreshed} updated, "
               f"{report.kept_decisions} researcher decisions kept", err=True)
