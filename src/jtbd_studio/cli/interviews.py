"""`interview list` and `interview export`: the live interviews from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from jtbd_studio.cli._common import database, echo_table, handle_errors


@click.group()
def interview() -> None:
    """List interviews and export one as Markdown."""


@interview.command("list")
@click.option("--study", "study", required=True, help="Study name or id.")
@click.option("--unfinished", is_flag=True, help="Only interviews still in progress.")
@click.pass_context
@handle_errors
def interview_list(ctx: click.Context, study: str, unfinished: bool) -> None:
    """List a study's interviews, newest first.

    \b
    Example:
      jtbd-studio interview list --study "CRM onboarding"
    """
    from jtbd_studio.services.interviews import list_interviews

    rows = []
    for iv, _study, who in list_interviews(database(ctx), study, unfinished_only=unfinished):
        started = iv.started_at.strftime("%Y-%m-%d %H:%M") if iv.started_at else ""
        rows.append((iv.id, started, who or "", iv.script_key or "", iv.language, iv.status,
                     "" if iv.nps is None else iv.nps))
    echo_table(["id", "started", "participant", "script", "lang", "status", "nps"], rows)


@interview.command("export")
@click.argument("interview_id", type=int)
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Markdown file to write.")
@click.option("--lang", "lang", type=click.Choice(["ru", "en"]), default=None,
              help="Language of the headings (default: the interview's language).")
@click.pass_context
@handle_errors
def interview_export(ctx: click.Context, interview_id: int, output: Path, lang: str | None) -> None:
    """Write one interview as Markdown: participant, NPS/CSI, emotion and time per stage, notes.

    \b
    Example:
      jtbd-studio interview export 12 -o interview-12.md
    """
    from jtbd_studio.export.interview_md import write_interview_markdown

    path = write_interview_markdown(database(ctx), interview_id, output, lang=lang)
    click.echo(f"wrote {path}", err=True)


@interview.command("set-role")
@click.argument("interview_id", type=int)
@click.argument("speaker")
@click.argument("role", type=click.Choice(["interviewer", "customer"]))
@click.pass_context
@handle_errors
def interview_set_role(ctx: click.Context, interview_id: int, speaker: str, role: str) -> None:
    """Correct who is the interviewer in an imported transcript.

    \b
    Example:
      jtbd-studio interview set-role 12 "Dan" interviewer
    """
    from jtbd_studio.services.imports import set_speaker_role

    changed = set_speaker_role(database(ctx), interview_id, speaker, role)
    click.echo(f"{changed} turns of {speaker!r} are now {role}; run `analyze` again to refresh suggestions", err=True)
