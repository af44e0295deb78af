"""`search QUERY --study S` and `glossary --study S`: the library from the command line."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from jtbd_studio.cli._common import database, echo_json_lines, echo_table, handle_errors
from jtbd_studio.errors import InputFileError, UsageError

_VALENCE_WORDS = {"negative": (-2, -1), "neutral": (0, 0), "positive": (1, 2)}
_RANGE = re.compile(r"^([+-]?\d)\.\.([+-]?\d)$")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated options and comma lists both work: --kind phrase --kind friction, --kind phrase,friction."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def parse_valence(value: str | None) -> tuple[int | None, int | None]:
    """negative | neutral | positive | N | N..M (−2..+2)."""
    if not value:
        return None, None
    value = value.strip().lower().replace("−", "-")
    if value in _VALENCE_WORDS:
        return _VALENCE_WORDS[value]
    m = _RANGE.match(value)
    try:
        low, high = (int(m.group(1)), int(m.group(2))) if m else (int(value), int(value))
    except ValueError:
        raise UsageError(f"valence {value!r}: use negative, neutral, positive, a number or N..M") from None
    return low, high


def _date(value: str | None, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} {value!r}: use YYYY-MM-DD") from None


def _ids(values: tuple[str, ...], what: str) -> tuple[int, ...]:
    found = []
    for v in _split(values):
        if not v.isdigit():
            raise UsageError(f"{what} {v!r}: must be a number (an id)")
        found.append(int(v))
    return tuple(found)


@click.command()
@click.argument("query")
@click.option("--study", "study_name", required=True, help="Study name or id.")
@click.option("--in", "sources", multiple=True, metavar="turn,note,extraction,insight",
              help="Where to search (default: everywhere the filters allow).")
@click.option("--kind", "kinds", multiple=True, help="Extraction kind (phrase, friction, …).")
@click.option("--stage", "stages", multiple=True, help="Journey stage id.")
@click.option("--segment", "segments", multiple=True, help="Participant segment A–D.")
@click.option("--key-client/--not-key-client", "key_client", default=None, help="Key clients only, or others only.")
@click.option("--participant-status", "statuses", multiple=True, help="active, churned, prospect.")
@click.option("--valence", help="negative, neutral, positive, N or N..M (−2..+2).")
@click.option("--interview", "interviews", multiple=True, help="Interview id.")
@click.option("--since", help="Interviews on or after YYYY-MM-DD.")
@click.option("--until", help="Interviews on or before YYYY-MM-DD.")
@click.option("--status", "review_statuses", multiple=True, help="suggested, accepted, rejected.")
@click.option("--code", "code_refs", multiple=True, help="Code id or path (includes sub-codes).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per hit.")
@click.option("--raw", is_flag=True, help="Pass QUERY to the backend's own syntax (FTS5 or tsquery).")
@click.pass_context
@handle_errors
def search(ctx: click.Context, query: str, study_name: str, sources: tuple[str, ...],
           kinds: tuple[str, ...], stages: tuple[str, ...], segments: tuple[str, ...],
           key_client: bool | None, statuses: tuple[str, ...], valence: str | None,
           interviews: tuple[str, ...], since: str | None, until: str | None,
           review_statuses: tuple[str, ...], code_refs: tuple[str, ...], limit: int,
           as_json: bool, raw: bool) -> None:
    """Search turns, notes, extractions and insights of a study.

    Words match every form («клиентов» finds «клиент», «клиентами»); "quoted phrases" match
    consecutive words; -word excludes; word* matches a prefix.

    \b
    Examples:
      jtbd-studio search 'клиентов -"служба поддержки"' --study CRM
      jtbd-studio search onboarding --study CRM --kind friction --segment A --json
    """
    from jtbd_studio.library import codes
    from jtbd_studio.library.filters import SearchFilters
    from jtbd_studio.services import library

    db = database(ctx)
    study = library.find_study(db, study_name)
    low, high = parse_valence(valence)
    filters = SearchFilters(
        sources=_split(sources), kinds=_split(kinds), stages=_split(stages), segments=_split(segments),
        key_client=key_client, participant_statuses=_split(statuses), valence_min=low, valence_max=high,
        interview_ids=_ids(interviews, "interview"), date_from=_date(since, "--since"),
        date_to=_date(until, "--until"), review_statuses=_split(review_statuses),
        code_ids=tuple(codes.find_code(db, study.id, ref).id for ref in _split(code_refs)),  # type: ignore[arg-type,misc]
    )
    result = library.search(db, study.id, query, filters, limit=limit, raw=raw)  # type: ignore[arg-type]
    if as_json:
        echo_json_lines(h.as_dict() for h in result.hits)
    elif result.hits:
        echo_table(["source", "id", "interview", "who", "stage", "snippet"],
                   ([h.source, h.id, h.interview_id or "", h.participant or "", h.stage or "",
                     h.snippet.marked("[", "]")] for h in result.hits))
    _report_empty(result)


def _report_empty(result: Any) -> None:
    if result.hits:
        if result.more:
            click.echo("more hits exist: raise --limit or add filters", err=True)
        return
    click.echo("no matches", err=True)
    for word, close in result.suggestions.items():
        click.echo(f"  {word!r}: did you mean {', '.join(close)}?", err=True)


@click.command()
@click.option("--study", "study_name", required=True, help="Study name or id.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "md", "json"]), default="table",
              show_default=True)
@click.option("--stage", "stages", multiple=True, help="Only phrases said at this journey stage.")
@click.option("--segment", "segments", multiple=True, help="Only phrases of participants in segment A–D.")
@click.option("--kind", "kinds", multiple=True, help="Extraction kinds to include (default: phrase, friction).")
@click.option("--rebuild", is_flag=True, help="Re-cluster now (hand-made clusters are kept).")
@click.option("--threshold", type=click.FloatRange(1, 100), default=None,
              help="Similarity 1–100 for grouping phrases (implies --rebuild; default 80).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE.")
@click.pass_context
@handle_errors
def glossary(ctx: click.Context, study_name: str, fmt: str, stages: tuple[str, ...],
             segments: tuple[str, ...], kinds: tuple[str, ...], rebuild: bool,
             threshold: float | None, output: Path | None) -> None:
    """The glossary of the customers' own words: one entry per cluster of phrases.

    CSV is UTF-8 with a BOM so that Excel shows Cyrillic.

    \b
    Examples:
      jtbd-studio glossary --study CRM
      jtbd-studio glossary --study CRM --segment A --format csv -o glossary.csv
    """
    from jtbd_studio.library import glossary_export
    from jtbd_studio.library.clusters import CLUSTER_KINDS
    from jtbd_studio.services import library

    db = database(ctx)
    entries = library.build_glossary(db, study_name, stages=_split(stages), segments=_split(segments),
                                     kinds=_split(kinds) or CLUSTER_KINDS, rebuild=rebuild,
                                     threshold=threshold)
    if not entries:
        click.echo("the glossary is empty: no phrases match (run analyze, or loosen the filters)", err=True)
    if fmt == "table" and output is None:
        headers, rows = glossary_export.table_rows(entries)
        if entries:
            echo_table(headers, rows)
        return
    data: bytes = {
        "csv": lambda: glossary_export.to_csv(entries),
        "md": lambda: glossary_export.to_markdown(entries, f"Glossary: {study_name}").encode(),
        "json": lambda: glossary_export.to_json(entries).encode(),
        "table": lambda: "\n".join("\t".join(map(str, r)) for r in glossary_export.table_rows(entries)[1]).encode(),
    }[fmt]()
    _write(data, output)


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise InputFileError(output, f"cannot write ({exc.strerror})") from None
    click.echo(f"wrote {output}", err=True)
