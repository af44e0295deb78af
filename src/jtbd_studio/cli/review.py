"""`suggestions` and `cluster`: review the engine's suggestions and group phrases by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from jtbd_studio.cli._common import database, echo_json_lines, echo_table, handle_errors
from jtbd_studio.cli.library import _date, _ids, _split, parse_valence
from jtbd_studio.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from jtbd_studio.library.filters import SearchFilters
    from jtbd_studio.store.db import Database

F = Callable[..., Any]
EXCERPT = 70

author_option = click.option(
    "--author", default=None, metavar="NAME",
    help="Who takes the decision (default: $JTBD_STUDIO_AUTHOR, else the login name).")
study_option = click.option("--study", "study_name", required=True, help="Study name or id.")
json_option = click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per row.")

# The same filters as `search` (minus --in and --raw), plus a search query; the names are the
# keyword arguments `build_filters` reads.
_FILTER_OPTIONS = [
    click.option("--kind", "kinds", multiple=True, help="Extraction kind (phrase, friction, …)."),
    click.option("--stage", "stages", multiple=True, help="Journey stage id."),
    click.option("--segment", "segments", multiple=True, help="Participant segment A–D."),
    click.option("--key-client/--not-key-client", "key_client", default=None,
                 help="Key clients only, or others only."),
    click.option("--participant-status", "statuses", multiple=True, help="active, churned, prospect."),
    click.option("--valence", help="negative, neutral, positive, N or N..M (−2..+2)."),
    click.option("--interview", "interviews", multiple=True, help="Interview id."),
    click.option("--since", help="Interviews on or after YYYY-MM-DD."),
    click.option("--until", help="Interviews on or before YYYY-MM-DD."),
    click.option("--status", "review_statuses", multiple=True, help="suggested, accepted, rejected."),
    click.option("--code", "code_refs", multiple=True, help="Code id or path (includes sub-codes)."),
    click.option("--query", help="Only extractions whose text matches this search query."),
]


def filter_options(func: F) -> F:
    for option in reversed(_FILTER_OPTIONS):
        func = option(func)
    return func


def who(author: str | None) -> str:
    """The author of a decision: --author, else the same default the TUI uses."""
    from jtbd_studio.services.library import default_author

    return " ".join((author or "").split()) or default_author()


def one_id(value: str, what: str) -> int:
    found = _ids((value,), what)
    if len(found) != 1:
        raise UsageError(f"{what} {value!r}: give one id")
    return found[0]


def study_id(db: Database, study_name: str) -> int:
    from jtbd_studio.services.library import find_study

    return find_study(db, study_name).id  # type: ignore[return-value]


def given_filters(chosen: dict[str, Any]) -> list[str]:
    """The filter options the user actually gave (an empty list selects everything)."""
    return [name for name, value in chosen.items() if value not in (None, (), "")]


def build_filters(db: Database, sid: int, chosen: dict[str, Any]) -> SearchFilters:
    from jtbd_studio.library import codes
    from jtbd_studio.library.filters import SearchFilters, checked

    low, high = parse_valence(chosen["valence"])
    stages = _split(chosen["stages"])
    for stage in stages:
        check_stage(db, sid, stage)
    return checked(SearchFilters(
        kinds=_split(chosen["kinds"]), stages=stages, segments=_split(chosen["segments"]),
        key_client=chosen["key_client"], participant_statuses=_split(chosen["statuses"]),
        valence_min=low, valence_max=high, interview_ids=_ids(chosen["interviews"], "interview"),
        date_from=_date(chosen["since"], "--since"), date_to=_date(chosen["until"], "--until"),
        review_statuses=_split(chosen["review_statuses"]),
        code_ids=tuple(codes.find_code(db, sid, ref).id for ref in _split(chosen["code_refs"])),  # type: ignore[misc]
    ))


def check_stage(db: Database, sid: int | None, stage: str) -> str:
    """A stage is known if the journey map, any interview script or the study's spans use it."""
    from jtbd_studio.library import review
    from jtbd_studio.library.filters import SearchFilters
    from jtbd_studio.scripts import cjm_stages, list_scripts

    if stage in {cjm for cjm, _ in cjm_stages()}:
        return stage
    if any(stage == st.id for script in list_scripts() for st in script.stages):
        return stage
    if sid is not None:
        with db.session() as s:
            if review.matching_ids(s, db, sid, SearchFilters(stages=(stage,))):
                return stage
    raise UsageError(f"stage {stage!r}: not a journey stage, a stage of any interview script, "
                     f"or a stage used in this study")


def require_extractions(db: Database, sid: int, ids: tuple[int, ...]) -> None:
    """Fail before changing anything if an id is not an extraction of the study."""
    from jtbd_studio.library import review
    from jtbd_studio.library.filters import SearchFilters

    with db.session() as s:
        known = set(review.matching_ids(s, db, sid, SearchFilters()))
    missing = [i for i in ids if i not in known]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise NotFoundError(f"no extraction #{missing[0]} in this study{more}")


def excerpt(text: str, width: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@click.group()
def suggestions() -> None:
    """List suggestions; accept, reject, edit them one by one or by filter."""


@suggestions.command("list")
@study_option
@filter_options
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@json_option
@click.pass_context
@handle_errors
def suggestions_list(ctx: click.Context, study_name: str, limit: int, as_json: bool,
                     **chosen: Any) -> None:
    """List a study's extractions (every status unless --status is given), in id order.

    \b
    Examples:
      jtbd-studio suggestions list --study CRM --kind friction --status suggested
      jtbd-studio suggestions list --study CRM --query onboarding --json
    """
    from sqlmodel import col, select

    from jtbd_studio.library import review
    from jtbd_studio.store.tables import Extraction

    db = database(ctx)
    sid = study_id(db, study_name)
    filters = build_filters(db, sid, chosen)
    rows: list[Extraction] = []
    with db.session() as s:
        ids = review.matching_ids(s, db, sid, filters, chosen["query"])
        for start in range(0, min(limit, len(ids)), 500):  # bounded IN lists, as bulk_decide does
            chunk = ids[start : min(start + 500, limit)]
            rows += s.exec(select(Extraction).where(col(Extraction.id).in_(chunk))).all()
    rows.sort(key=lambda ex: ex.id or 0)
    if as_json:
        echo_json_lines(_extraction_dict(ex) for ex in rows)
    elif rows:
        echo_table(["id", "interview", "kind", "status", "by", "text"],
                   ([ex.id, ex.interview_id, ex.kind, ex.status, ex.decided_by or "", excerpt(ex.text)]
                    for ex in rows))
    if not ids:
        click.echo("no extractions match", err=True)
    elif len(ids) > limit:
        click.echo(f"{len(ids) - limit} more match: raise --limit or add filters", err=True)


def _extraction_dict(ex: Any) -> dict[str, Any]:
    fields = ("id", "interview_id", "turn_id", "note_id", "kind", "status", "origin", "start", "end",
              "text", "key", "label", "score", "valence", "edited", "decided_by")
    row = {name: getattr(ex, name) for name in fields}
    row["decided_at"] = ex.decided_at.isoformat() if ex.decided_at else None
    return row


def _decision(name: str, status: str, done: str, doc: str) -> click.Command:
    """accept / reject / reset: by ids, or every extraction an explicit filter selects."""

    @suggestions.command(name, help=doc)
    @click.argument("extraction_ids", nargs=-1)
    @click.option("--study", "study_name", help="Study name or id (needed to decide by filter).")
    @filter_options
    @click.option("--dry-run", is_flag=True, help="Only say how many would change.")
    @author_option
    @click.pass_context
    @handle_errors
    def command(ctx: click.Context, extraction_ids: tuple[str, ...], study_name: str | None,
                dry_run: bool, author: str | None, **chosen: Any) -> None:
        db = database(ctx)
        ids = _ids(extraction_ids, "extraction")
        if ids and given_filters(chosen):
            raise UsageError("give extraction ids or filters, not both")
        if ids:
            if study_name:
                require_extractions(db, study_id(db, study_name), ids)
            changed = _by_ids(db, ids, status, author, dry_run)
            click.echo(_said(dry_run, done, changed, f"{len(ids)} given"), err=True)
            return
        if not study_name:
            raise UsageError("name the extraction ids, or give --study and filters to decide in bulk")
        if not given_filters(chosen):
            raise UsageError(f"refusing to {name} every extraction of the study: give ids or a filter "
                             f"(--kind, --status, --query …)")
        changed, matching = _by_filter(db, study_id(db, study_name), chosen, status, author, dry_run)
        click.echo(_said(dry_run, done, changed, f"{matching} matching"), err=True)

    return command


def _said(dry_run: bool, done: str, changed: int, out_of: str) -> str:
    return f"{'dry run: would have ' if dry_run else ''}{done} {changed} of {out_of} extractions"


def _by_ids(db: Database, ids: tuple[int, ...], status: str, author: str | None, dry_run: bool) -> int:
    from jtbd_studio.library import review
    from jtbd_studio.store.tables import Extraction

    if not dry_run:
        return review.decide(db, ids, status, author=who(author))
    with db.session() as s:
        found = {i: s.get(Extraction, i) for i in dict.fromkeys(ids)}
    missing = [i for i, ex in found.items() if ex is None]
    if missing:
        raise NotFoundError(f"no extraction #{missing[0]}")
    return sum(ex.status != status for ex in found.values() if ex is not None)


def _by_filter(db: Database, sid: int, chosen: dict[str, Any], status: str, author: str | None,
               dry_run: bool) -> tuple[int, int]:
    """(changed, matching); a dry run counts the matches whose status differs."""
    from dataclasses import replace

    from jtbd_studio.library import review
    from jtbd_studio.store.tables import EXTRACTION_STATUSES

    filters = build_filters(db, sid, chosen)
    query = chosen["query"]
    with db.session() as s:
        matching = len(review.matching_ids(s, db, sid, filters, query))
        others = tuple(x for x in filters.review_statuses or EXTRACTION_STATUSES if x != status)
        # the matches not yet in the target status are the ones a decision would change
        would = len(review.matching_ids(s, db, sid, replace(filters, review_statuses=others), query)
                    ) if others else 0
    if dry_run:
        return would, matching
    return review.bulk_decide(db, sid, filters, status, author=who(author), query=query), matching


suggestions_accept = _decision("accept", "accepted", "accepted", """Accept suggestions: by id, or all that a filter selects.

    \b
    Examples:
      jtbd-studio suggestions accept 12 15 17
      jtbd-studio suggestions accept --study CRM --kind friction --status suggested --dry-run
    """)
suggestions_reject = _decision("reject", "rejected", "rejected", """Reject suggestions: by id, or all that a filter selects.

    \b
    Examples:
      jtbd-studio suggestions reject 12
      jtbd-studio suggestions reject --study CRM --kind competitor --query битрикс
    """)
suggestions_reset = _decision("reset", "suggested", "reset", """Undo decisions: set extractions back to suggested.

    \b
    Example:
      jtbd-studio suggestions reset 12 --author anna
    """)


@suggestions.command("edit")
@click.argument("extraction_id")
@click.option("--start", type=int, required=True, help="First character of the span in its turn.")
@click.option("--end", type=int, required=True, help="Character after the span's last one.")
@author_option
@click.pass_context
@handle_errors
def suggestions_edit(ctx: click.Context, extraction_id: str, start: int, end: int,
                     author: str | None) -> None:
    """Move a span's boundaries (character offsets in its turn or note).

    \b
    Example:
      jtbd-studio suggestions edit 12 --start 4 --end 31
    """
    from jtbd_studio.library import review

    ex = review.edit_span(database(ctx), one_id(extraction_id, "extraction"), start, end,
                          author=who(author))
    click.echo(f"extraction #{ex.id} now spans {ex.start}..{ex.end}: {excerpt(ex.text)!r}", err=True)


@suggestions.command("kind")
@click.argument("extraction_id")
@click.argument("kind")
@author_option
@click.pass_context
@handle_errors
def suggestions_kind(ctx: click.Context, extraction_id: str, kind: str, author: str | None) -> None:
    """Change an extraction's kind (phrase, friction, competitor, force, job, churn_risk, emotion).

    \b
    Example:
      jtbd-studio suggestions kind 12 friction
    """
    from jtbd_studio.library import review

    ex = review.change_kind(database(ctx), one_id(extraction_id, "extraction"), kind, author=who(author))
    click.echo(f"extraction #{ex.id} is now of kind {ex.kind!r}", err=True)


@suggestions.command("history")
@click.argument("extraction_id")
@json_option
@click.pass_context
@handle_errors
def suggestions_history(ctx: click.Context, extraction_id: str, as_json: bool) -> None:
    """The decisions taken on one extraction: when, by whom, what changed.

    \b
    Example:
      jtbd-studio suggestions history 12
    """
    from jtbd_studio.library import review

    events = review.history(database(ctx), one_id(extraction_id, "extraction"))
    rows = [{"id": e.id, "at": e.at.isoformat(), "action": e.action, "author": e.author,
             "detail": e.detail} for e in events]
    if as_json:
        echo_json_lines(rows)
    elif rows:
        echo_table(["at", "action", "author", "detail"],
                   ([e.at.strftime("%Y-%m-%d %H:%M:%S"), e.action, e.author or "",
                     json.dumps(e.detail, ensure_ascii=False)] for e in events))
    else:
        click.echo("no decisions yet", err=True)
