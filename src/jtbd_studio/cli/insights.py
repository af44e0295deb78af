"""`insight`: findings with their stage and the quotes that support them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from jtbd_studio.cli._common import database, echo_json_lines, echo_table, handle_errors
from jtbd_studio.cli.library import _ids
from jtbd_studio.cli.review import (
    author_option,
    check_stage,
    excerpt,
    json_option,
    one_id,
    study_id,
    study_option,
    who,
)
from jtbd_studio.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from jtbd_studio.library.insights import InsightView
    from jtbd_studio.store.db import Database


@click.group()
def insight() -> None:
    """Add, list, show, edit and delete insights and their evidence."""


@insight.command("add")
@click.argument("statement")
@study_option
@click.option("--stage", help="Journey stage the insight is about.")
@click.option("--evidence", "evidence", multiple=True, metavar="EXTRACTION_ID",
              help="An extraction that supports it (repeatable, or a comma list).")
@author_option
@click.pass_context
@handle_errors
def insight_add(ctx: click.Context, statement: str, study_name: str, stage: str | None,
                evidence: tuple[str, ...], author: str | None) -> None:
    """Add an insight: a statement, its stage and the extractions behind it.

    \b
    Example:
      jtbd-studio insight add "Setup is where key clients stall" --study CRM \\
          --stage onboarding --evidence 12,15,40
    """
    from jtbd_studio.library import insights

    db = database(ctx)
    sid = study_id(db, study_name)
    if stage:
        check_stage(db, sid, stage)
    ids = _ids(evidence, "extraction")
    made = insights.create_insight(db, sid, statement, stage=stage, evidence=ids, author=who(author))
    click.echo(f"added insight #{made.id} with {len(set(ids))} pieces of evidence", err=True)


@insight.command("list")
@study_option
@click.option("--stage", help="Only insights about this stage.")
@json_option
@click.pass_context
@handle_errors
def insight_list(ctx: click.Context, study_name: str, stage: str | None, as_json: bool) -> None:
    """List insights, best supported (most interviews) first.

    \b
    Example:
      jtbd-studio insight list --study CRM --stage onboarding
    """
    from jtbd_studio.library import insights

    db = database(ctx)
    sid = study_id(db, study_name)
    if stage:
        check_stage(db, sid, stage)
    found = insights.list_insights(db, sid, stage=stage)
    if as_json:
        echo_json_lines(_insight_dict(view, full=False) for view in found)
    elif found:
        echo_table(["id", "stage", "interviews", "people", "segments", "evidence", "statement"],
                   ([v.id, v.stage or "", v.interviews, v.participants, ",".join(v.segments),
                     len(v.evidence), excerpt(v.statement)] for v in found))
    else:
        click.echo("no insights yet: add one with `insight add STATEMENT --study S`", err=True)


def _insight_dict(view: InsightView, *, full: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": view.id, "statement": view.statement, "stage": view.stage, "author": view.author,
        "created_at": view.created_at.isoformat(), "interviews": view.interviews,
        "participants": view.participants, "segments": view.segments,
    }
    if full:
        row["evidence"] = [{"extraction_id": e.extraction_id, "interview_id": e.interview_id,
                            "turn_id": e.turn_id, "note_id": e.note_id, "start": e.start,
                            "end": e.end, "text": e.text, "kind": e.kind,
                            "participant": e.participant, "segment": e.segment, "stage": e.stage}
                           for e in view.evidence]
    else:
        row["evidence"] = [e.extraction_id for e in view.evidence]
    return row


@insight.command("show")
@click.argument("insight_id")
@json_option
@click.pass_context
@handle_errors
def insight_show(ctx: click.Context, insight_id: str, as_json: bool) -> None:
    """Show an insight with its evidence: each quote, its interview and where it sits in the turn.

    \b
    Example:
      jtbd-studio insight show 3
    """
    from jtbd_studio.library import insights

    view = insights.get_insight(database(ctx), one_id(insight_id, "insight"))
    if as_json:
        echo_json_lines([_insight_dict(view, full=True)])
        return
    click.echo(f"insight #{view.id} · stage {view.stage or '-'} · by {view.author or '-'} · "
               f"{view.created_at:%Y-%m-%d %H:%M}")
    click.echo(view.statement)
    click.echo(f"supported by {view.interviews} interviews, {view.participants} participants, "
               f"segments {', '.join(view.segments) or '-'}")
    if view.evidence:
        click.echo("")
        echo_table(["extraction", "interview", "who", "segment", "in", "span", "quote"],
                   ([e.extraction_id, e.interview_id, e.participant or "", e.segment or "",
                     f"turn {e.turn_id}" if e.turn_id else f"note {e.note_id}",
                     f"{e.start}..{e.end}", e.text] for e in view.evidence))


@insight.group("evidence")
def insight_evidence() -> None:
    """Link extractions to an insight, or unlink them."""


@insight_evidence.command("add")
@click.argument("insight_id")
@click.argument("extraction_ids", nargs=-1, required=True)
@author_option
@click.pass_context
@handle_errors
def evidence_add(ctx: click.Context, insight_id: str, extraction_ids: tuple[str, ...],
                 author: str | None) -> None:
    """Add extractions (of the insight's study) as evidence.

    \b
    Example:
      jtbd-studio insight evidence add 3 41 57
    """
    from jtbd_studio.library import insights

    ids = _ids(extraction_ids, "extraction")
    number = one_id(insight_id, "insight")
    new = insights.add_evidence(database(ctx), number, ids, author=who(author))
    click.echo(f"insight #{number}: {new} pieces of evidence added, {len(set(ids)) - new} were there",
               err=True)


@insight_evidence.command("remove")
@click.argument("insight_id")
@click.argument("extraction_ids", nargs=-1, required=True)
@author_option
@click.pass_context
@handle_errors
def evidence_remove(ctx: click.Context, insight_id: str, extraction_ids: tuple[str, ...],
                    author: str | None) -> None:
    """Unlink extractions from an insight (the extractions themselves stay).

    \b
    Example:
      jtbd-studio insight evidence remove 3 41
    """
    from jtbd_studio.library import insights

    db = database(ctx)
    number = one_id(insight_id, "insight")
    ids = _ids(extraction_ids, "extraction")
    linked = {e.extraction_id for e in insights.get_insight(db, number).evidence}
    stray = [i for i in ids if i not in linked]
    if stray:
        raise NotFoundError(f"extraction #{stray[0]} is not evidence of insight #{number}")
    insights.remove_evidence(db, number, ids, author=who(author))
    click.echo(f"insight #{number}: {len(set(ids))} pieces of evidence removed", err=True)


@insight.command("edit")
@click.argument("insight_id")
@click.option("--statement", help="The new statement.")
@click.option("--stage", help='The new stage ("" clears it).')
@author_option
@click.pass_context
@handle_errors
def insight_edit(ctx: click.Context, insight_id: str, statement: str | None, stage: str | None,
                 author: str | None) -> None:
    """Change an insight's statement or stage.

    \b
    Example:
      jtbd-studio insight edit 3 --stage usage_support
    """
    from jtbd_studio.library import insights

    if statement is None and stage is None:
        raise UsageError("nothing to change: give --statement or --stage")
    db = database(ctx)
    number = one_id(insight_id, "insight")
    if stage:
        check_stage(db, _study_of(db, number), stage)
    insights.update_insight(db, number, statement=statement, stage=stage, author=who(author))
    click.echo(f"updated insight #{number}", err=True)


def _study_of(db: Database, insight_id: int) -> int:
    from jtbd_studio.store.tables import Insight

    with db.session() as s:
        row = s.get(Insight, insight_id)
        if row is None:
            raise NotFoundError(f"no insight #{insight_id}")
        return row.study_id


@insight.command("delete")
@click.argument("insight_id")
@author_option
@click.pass_context
@handle_errors
def insight_delete(ctx: click.Context, insight_id: str, author: str | None) -> None:
    """Delete an insight (its evidence extractions stay).

    \b
    Example:
      jtbd-studio insight delete 3
    """
    from jtbd_studio.library import insights

    number = one_id(insight_id, "insight")
    insights.delete_insight(database(ctx), number, author=who(author))
    click.echo(f"deleted insight #{number}", err=True)
