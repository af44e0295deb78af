"""`import PATH... --study S` (transcripts) and `import json FILE` (a whole study)."""

from __future__ import annotations

from pathlib import Path

import click

from jtbd_studio.cli._common import database, fail, handle_errors


@click.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | json FILE")
@click.option("--study", "study_name", help="Study to import transcripts into.")
@click.option("--participant", help="Participant the interview belongs to (default: the file name).")
@click.option("--script", "script_key", help="Interview script whose stages the turns get (default: cjm_walkthrough).")
@click.option("--lang", type=click.Choice(["auto", "ru", "en"]), default="auto", show_default=True)
@click.option("--interviewer", "interviewers", multiple=True, help="Name of the interviewer in the transcript (repeatable).")
@click.option("--force", is_flag=True, help="Import files even if the same content was imported before.")
@click.option("--rename", help="With `import json`: store the study under this name.")
@click.pass_context
@handle_errors
def import_(ctx: click.Context, paths: tuple[str, ...], study_name: str | None, participant: str | None,
            script_key: str | None, lang: str, interviewers: tuple[str, ...], force: bool, rename: str | None) -> None:
    """Import transcripts (VTT, SRT, text/Markdown, Otter, DOCX, Zoom chat), or a study JSON.

    Files or whole folders; each file is stored whole or not at all.

    \b
    Examples:
      jtbd-studio import calls/ --study "CRM onboarding" --interviewer "Dan"
      jtbd-studio import call.vtt --study "CRM onboarding" --participant "ООО Ромашка" --script jtbd_switch
      jtbd-studio import json crm.json --rename "CRM onboarding (copy)"
    """
    db = database(ctx)
    if paths[0] == "json":
        if len(paths) != 2:
            fail("usage: jtbd-studio import json FILE", 2)
        from jtbd_studio.services.exchange import import_study_file

        st = import_study_file(db, Path(paths[1]), rename=rename)
        click.echo(f"imported study {st.name!r}", err=True)
        return
    if not study_name:
        fail("--study is required to import transcripts", 2)
    from jtbd_studio.services.imports import ImportOptions, expand_paths, import_paths

    options = ImportOptions(study=study_name, participant=participant, script=script_key, lang=lang,
                            interviewers=interviewers, force=force)
    files = expand_paths(paths)
    with click.progressbar(length=len(files), label="importing", file=click.get_text_stream("stderr")) as bar:
        report = import_paths(db, files, options, progress=lambda _o: bar.update(1))
    for o in report.outcomes:
        if o.status == "imported":
            click.echo(f"imported  {o.path}: {o.turns} turns, {o.notes} notes (interview #{o.interview_id})", err=True)
        else:
            # a file error already names the file ("call.vtt:6: invalid cue timing …")
            detail = o.reason if o.reason.startswith(o.path) else f"{o.path}: {o.reason}"
            click.echo(f"{o.status:<9} {detail}", err=True)
    click.echo(f"{report.count('imported')} imported, {report.count('skipped')} skipped, "
               f"{report.count('failed')} failed", err=True)
    if report.count("failed") and not report.count("imported"):
        ctx.exit(1)
