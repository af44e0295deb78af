"""`study`, `participant` and `demo` commands."""

from __future__ import annotations

from pathlib import Path

import click

from jtbd_studio.cli._common import database, echo_table, handle_errors, open_tui

SEGMENT = click.Choice(["A", "B", "C", "D", "a", "b", "c", "d"])
STATUS = click.Choice(["active", "churned", "prospect"])


@click.group()
def study() -> None:
    """Create and list studies."""


@study.command("create")
@click.argument("name")
@click.option("--product", help="The study's own product (never counted as a competitor).")
@click.option("--lang", "language", type=click.Choice(["ru", "en", "mixed"]), default="ru", show_default=True)
@click.option("--competitors", "competitors_file", type=click.Path(path_type=Path),
              help="File with one competitor per line, aliases after '|': Битрикс24|Bitrix24|битрикс")
@click.option("--interviewer", "interviewers", multiple=True, help="A team member who runs interviews (repeatable).")
@click.pass_context
@handle_errors
def study_create(ctx: click.Context, name: str, product: str | None, language: str,
                 competitors_file: Path | None, interviewers: tuple[str, ...]) -> None:
    """Create a study.

    \b
    Example:
      jtbd-studio study create "CRM onboarding" --product "Pipeline" --lang ru --competitors comp.txt
    """
    from jtbd_studio.services.studies import create_study

    pairs: list[tuple[str, list[str]]] = []
    if competitors_file is not None:
        from jtbd_studio.services.competitors import read_competitor_file

        pairs = read_competitor_file(competitors_file)
    st = create_study(database(ctx), name, product=product, language=language,
                      competitors=pairs, interviewers=interviewers)
    click.echo(f"created study {st.name!r} ({len(pairs)} competitors)", err=True)


@study.command("list")
@click.pass_context
@handle_errors
def study_list(ctx: click.Context) -> None:
    """List studies with their participant and interview counts."""
    from jtbd_studio.services.studies import list_studies

    rows = [(s.study.name, s.study.product or "", s.study.language, s.participants, s.interviews)
            for s in list_studies(database(ctx))]
    echo_table(["study", "product", "lang", "participants", "interviews"], rows)


@click.group()
def participant() -> None:
    """Add, list and edit participants."""


@participant.command("add")
@click.argument("name")
@click.option("--study", "study_name", required=True, help="Study name.")
@click.option("--company")
@click.option("--role", help="The person's job title.")
@click.option("--segment", type=SEGMENT, help="ABCD segment.")
@click.option("--key-client", is_flag=True, help="Mark as a key client.")
@click.option("--status", type=STATUS, default="active", show_default=True)
@click.pass_context
@handle_errors
def participant_add(ctx: click.Context, name: str, study_name: str, company: str | None, role: str | None,
                    segment: str | None, key_client: bool, status: str) -> None:
    """Add a participant to a study.

    \b
    Example:
      jtbd-studio participant add --study "CRM onboarding" "ООО Ромашка" --segment A --key-client
    """
    from jtbd_studio.services.studies import add_participant

    p = add_participant(database(ctx), study_name, name, company=company, role=role, segment=segment,
                        key_client=key_client, status=status)
    click.echo(f"added participant {p.name!r}", err=True)


@participant.command("list")
@click.option("--study", "study_name", required=True)
@click.pass_context
@handle_errors
def participant_list(ctx: click.Context, study_name: str) -> None:
    """List a study's participants."""
    from jtbd_studio.services.studies import list_participants

    rows = [(p.name, p.company or "", p.segment or "", "yes" if p.key_client else "", p.status)
            for p in list_participants(database(ctx), study_name)]
    echo_table(["participant", "company", "segment", "key client", "status"], rows)


@participant.command("set")
@click.argument("name")
@click.option("--study", "study_name", required=True)
@click.option("--segment", type=SEGMENT)
@click.option("--key-client/--not-key-client", default=None)
@click.option("--status", type=STATUS)
@click.pass_context
@handle_errors
def participant_set(ctx: click.Context, name: str, study_name: str, segment: str | None,
                    key_client: bool | None, status: str | None) -> None:
    """Change a participant's segment, key-client flag or status."""
    from jtbd_studio.services.studies import find_participant, update_participant

    db = database(ctx)
    p = find_participant(db, study_name, name)
    update_participant(db, p.id, segment=segment if segment is not None else ..., key_client=key_client, status=status)  # type: ignore[arg-type]
    click.echo(f"updated participant {p.name!r}", err=True)


@click.command()
@click.option("--no-tui", is_flag=True, help="Only create the demo study and print it.")
@click.pass_context
@handle_errors
def demo(ctx: click.Context, no_tui: bool) -> None:
    """Create the demo study (synthetic sample data, ru and en) and open the TUI on it."""
    from jtbd_studio.services.demo import ensure_demo_study

    db = database(ctx)
    study_obj, created = ensure_demo_study(db)
    click.echo(f"{'created' if created else 'using'} demo study {study_obj.name!r} in {db.location}", err=True)
    if no_tui:
        from jtbd_studio.services.studies import list_studies

        rows = [(s.study.name, s.participants, s.interviews) for s in list_studies(db) if s.study.id == study_obj.id]
        echo_table(["study", "participants", "interviews"], rows)
        return
    open_tui(ctx, study=study_obj.name, db=db)
