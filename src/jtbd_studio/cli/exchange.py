"""`export json|csv --study S -o FILE`."""

from __future__ import annotations

from pathlib import Path

import click

from jtbd_studio.cli._common import database, handle_errors


@click.command()
@click.argument("fmt", metavar="json|csv", type=click.Choice(["json", "csv"]))
@click.option("--study", "study_name", required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write ('-' for stdout).")
@click.option("--redact", is_flag=True, help="Replace participant names, companies and e-mails/phones with placeholders.")
@click.pass_context
@handle_errors
def export(ctx: click.Context, fmt: str, study_name: str, output: Path, redact: bool) -> None:
    """Export a whole study.

    \b
    json: the lossless exchange format (`jtbd-studio import json FILE` reads it back).
    csv:  one row per evidence item (turns, notes, extractions) for spreadsheets and map tools.
    \b
    Example:
      jtbd-studio export json --study "CRM onboarding" -o crm.json
    """
    import json
    import sys

    from jtbd_studio.export.redact import redact_study
    from jtbd_studio.services.exchange import export_study, write_json_atomic

    doc = export_study(database(ctx), study_name)
    if redact:
        doc = redact_study(doc)
    if fmt == "json":
        if str(output) == "-":
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        else:
            write_json_atomic(output, doc)
    else:
        from jtbd_studio.export.evidence_csv import write_evidence_csv

        write_evidence_csv(doc, output)
    if str(output) != "-":
        click.echo(f"exported study {study_name!r} to {output}", err=True)
