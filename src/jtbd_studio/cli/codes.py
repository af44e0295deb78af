"""`code` and `cluster`: the codebook tree, codes on spans, and clusters of phrases by hand."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from jtbd_studio.cli._common import database, echo_json_lines, echo_table, handle_errors
from jtbd_studio.cli.library import _ids, _split
from jtbd_studio.cli.review import (
    author_option,
    excerpt,
    json_option,
    one_id,
    require_extractions,
    study_id,
    study_option,
    who,
)
from jtbd_studio.errors import UsageError

if TYPE_CHECKING:
    from jtbd_studio.library.codes import CodeNode
    from jtbd_studio.store.db import Database
    from jtbd_studio.store.tables import Code


@click.group()
def code() -> None:
    """The codebook: add, rename, move, merge and delete codes; apply them to extractions."""


def _code(db: Database, sid: int, ref: str) -> Code:
    from jtbd_studio.library import codes

    return codes.find_code(db, sid, ref)


@code.command("add")
@click.argument("path")
@study_option
@author_option
@click.pass_context
@handle_errors
def code_add(ctx: click.Context, path: str, study_name: str, author: str | None) -> None:
    """Add a code; a path "Parent/Child" creates the missing parents too.

    \b
    Examples:
      jtbd-studio code add "Forces/Anxiety" --study CRM
      jtbd-studio code add Pricing --study CRM
    """
    from jtbd_studio.library import codes

    parts = [" ".join(p.split()) for p in path.split(codes.PATH_SEPARATOR) if p.strip()]
    if not parts:
        raise UsageError("a code path must name at least one code")
    for part in parts:  # checked before any level is created, so a bad path changes nothing
        if len(part) > codes.MAX_NAME:
            raise UsageError(f"code name {part[:40]!r}…: longer than {codes.MAX_NAME} characters")
    db = database(ctx)
    sid = study_id(db, study_name)
    parent = codes.ensure_code_path(db, sid, codes.PATH_SEPARATOR.join(parts[:-1]),
                                    author=who(author)) if len(parts) > 1 else None
    made = codes.create_code(db, sid, parts[-1], parent_id=parent.id if parent else None,
                             author=who(author))
    click.echo(f"added code #{made.id} {codes.PATH_SEPARATOR.join(parts)!r}", err=True)


@code.command("rename")
@click.argument("code_ref", metavar="CODE")
@click.argument("name")
@study_option
@author_option
@click.pass_context
@handle_errors
def code_rename(ctx: click.Context, code_ref: str, name: str, study_name: str,
                author: str | None) -> None:
    """Rename a code (given by id or path).

    \b
    Example:
      jtbd-studio code rename "Forces/Anxiety" "Anxieties" --study CRM
    """
    from jtbd_studio.library import codes

    db = database(ctx)
    found = _code(db, study_id(db, study_name), code_ref)
    before = found.name
    renamed = codes.rename_code(db, found.id, name, author=who(author))  # type: ignore[arg-type]
    click.echo(f"renamed code #{renamed.id} {before!r} to {renamed.name!r}", err=True)


@code.command("move")
@click.argument("code_ref", metavar="CODE")
@click.option("--to", "parent_ref", metavar="PARENT", help="The new parent code (id or path).")
@click.option("--root", is_flag=True, help="Move to the top level of the codebook.")
@study_option
@author_option
@click.pass_context
@handle_errors
def code_move(ctx: click.Context, code_ref: str, parent_ref: str | None, root: bool,
              study_name: str, author: str | None) -> None:
    """Put a code under another parent, or at the top level; never under its own sub-code.

    \b
    Examples:
      jtbd-studio code move Anxiety --to Forces --study CRM
      jtbd-studio code move "Forces/Anxiety" --root --study CRM
    """
    from jtbd_studio.library import codes

    if root == (parent_ref is not None):
        raise UsageError("give exactly one of --to PARENT and --root")
    db = database(ctx)
    sid = study_id(db, study_name)
    found = _code(db, sid, code_ref)
    parent = _code(db, sid, parent_ref) if parent_ref is not None else None
    codes.move_code(db, found.id, parent.id if parent else None, author=who(author))  # type: ignore[arg-type]
    where = f"under {parent.name!r}" if parent else "to the top level"
    click.echo(f"moved code {found.name!r} {where}", err=True)


@code.command("merge")
@click.argument("source_ref", metavar="SOURCE")
@click.argument("target_ref", metavar="INTO")
@study_option
@author_option
@click.pass_context
@handle_errors
def code_merge(ctx: click.Context, source_ref: str, target_ref: str, study_name: str,
               author: str | None) -> None:
    """Fold SOURCE into INTO: its codings and sub-codes move there, then SOURCE is removed.

    \b
    Example:
      jtbd-studio code merge "Worries" "Forces/Anxiety" --study CRM
    """
    from jtbd_studio.library import codes

    db = database(ctx)
    sid = study_id(db, study_name)
    source, target = _code(db, sid, source_ref), _code(db, sid, target_ref)
    codes.merge_codes(db, source.id, target.id, author=who(author))  # type: ignore[arg-type]
    click.echo(f"merged code {source.name!r} into {target.name!r}", err=True)


@code.command("delete")
@click.argument("code_ref", metavar="CODE")
@study_option
@author_option
@click.pass_context
@handle_errors
def code_delete(ctx: click.Context, code_ref: str, study_name: str, author: str | None) -> None:
    """Delete a code and its codings; its sub-codes move up one level.

    \b
    Example:
      jtbd-studio code delete "Forces/Anxiety" --study CRM
    """
    from jtbd_studio.library import codes

    db = database(ctx)
    sid = study_id(db, study_name)
    found = _code(db, sid, code_ref)
    own = next((node.codings for root in codes.code_tree(db, sid) for _, node in root.walk()
                if node.id == found.id), 0)
    codes.delete_code(db, found.id, author=who(author))  # type: ignore[arg-type]
    click.echo(f"deleted code {found.name!r} and its {own} codings", err=True)


@code.command("tree")
@study_option
@json_option
@click.pass_context
@handle_errors
def code_tree(ctx: click.Context, study_name: str, as_json: bool) -> None:
    """Show the codebook with how many extractions carry each code (own, and with sub-codes).

    \b
    Example:
      jtbd-studio code tree --study CRM
    """
    from jtbd_studio.library import codes

    db = database(ctx)
    rows = [(depth, node, path) for root in codes.code_tree(db, study_id(db, study_name))
            for depth, node, path in _with_paths(root)]
    if as_json:
        echo_json_lines({"id": n.id, "name": n.name, "path": path, "parent_id": n.parent_id,
                         "depth": depth, "codings": n.codings, "total": n.total,
                         "description": n.description, "color": n.color} for depth, n, path in rows)
    elif rows:
        echo_table(["id", "code", "own", "total"],
                   ([n.id, "  " * depth + n.name, n.codings, n.total] for depth, n, _ in rows))
    else:
        click.echo("the codebook is empty: add codes with `code add PATH --study S`", err=True)


def _with_paths(root: CodeNode) -> list[tuple[int, CodeNode, str]]:
    """(depth, node, "Parent/Child" path) for a root and its descendants, depth-first."""
    from jtbd_studio.library.codes import PATH_SEPARATOR

    out: list[tuple[int, CodeNode, str]] = []
    trail: list[str] = []
    for depth, node in root.walk():
        trail[depth:] = [node.name]
        out.append((depth, node, PATH_SEPARATOR.join(trail)))
    return out


@code.command("apply")
@click.argument("code_ref", metavar="CODE")
@click.argument("extraction_ids", nargs=-1, required=True)
@study_option
@author_option
@click.pass_context
@handle_errors
def code_apply(ctx: click.Context, code_ref: str, extraction_ids: tuple[str, ...], study_name: str,
               author: str | None) -> None:
    """Apply a code to extractions (applying it twice is harmless).

    \b
    Example:
      jtbd-studio code apply "Forces/Anxiety" 12 15 --study CRM
    """
    from jtbd_studio.library import codes

    db = database(ctx)
    sid = study_id(db, study_name)
    found = _code(db, sid, code_ref)
    ids = _ids(extraction_ids, "extraction")
    require_extractions(db, sid, ids)  # all known before the first is coded
    made = [codes.apply_code(db, found.id, extraction_id=i, author=who(author)) for i in ids]  # type: ignore[arg-type]
    listed = ", ".join(f"#{c.id}" for c in made)
    click.echo(f"coded {len(ids)} extractions with {found.name!r} (codings {listed})", err=True)


@code.command("remove")
@click.argument("coding_id")
@author_option
@click.pass_context
@handle_errors
def code_remove(ctx: click.Context, coding_id: str, author: str | None) -> None:
    """Take a code off a span again (the coding id is printed by `code apply`).

    \b
    Example:
      jtbd-studio code remove 7
    """
    from jtbd_studio.library import codes

    number = one_id(coding_id, "coding")
    codes.remove_coding(database(ctx), number, author=who(author))
    click.echo(f"removed coding #{number}", err=True)


@click.group()
def cluster() -> None:
    """Clusters of similar phrases and frictions: build, list, label, merge, split."""


@cluster.command("build")
@study_option
@click.option("--kind", "kinds", multiple=True, help="Extraction kinds to cluster (default: phrase, friction).")
@click.option("--threshold", type=click.FloatRange(1, 100), default=None,
              help="Similarity 1–100 for grouping (default 80).")
@author_option
@click.pass_context
@handle_errors
def cluster_build(ctx: click.Context, study_name: str, kinds: tuple[str, ...],
                  threshold: float | None, author: str | None) -> None:
    """Regroup the study's phrases; clusters changed by hand are kept as they are.

    \b
    Example:
      jtbd-studio cluster build --study CRM --kind friction --threshold 75
    """
    from jtbd_studio.library import clusters, review
    from jtbd_studio.library.filters import SearchFilters, checked
    from jtbd_studio.library.grouping import DEFAULT_THRESHOLD

    db = database(ctx)
    sid = study_id(db, study_name)
    chosen = checked(SearchFilters(kinds=_split(kinds) or clusters.CLUSTER_KINDS,
                                   review_statuses=("suggested", "accepted")))
    with db.session() as s:
        if not review.matching_ids(s, db, sid, chosen):
            click.echo(f"nothing to cluster: the study has no {' or '.join(chosen.kinds)} extractions "
                       f"(import interviews and run analyze first)", err=True)
            return
    found = clusters.build_clusters(db, sid, kinds=chosen.kinds, threshold=threshold or DEFAULT_THRESHOLD,
                                    author=who(author))
    by_hand = sum(c.locked for c in found)
    click.echo(f"{len(found)} clusters of {sum(len(c.member_ids) for c in found)} extractions "
               f"({by_hand} kept as changed by hand)", err=True)


@cluster.command("list")
@study_option
@click.option("--kind", help="Only clusters of this extraction kind.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@json_option
@click.pass_context
@handle_errors
def cluster_list(ctx: click.Context, study_name: str, kind: str | None, limit: int,
                 as_json: bool) -> None:
    """List the study's stored clusters, biggest first.

    \b
    Example:
      jtbd-studio cluster list --study CRM --kind friction
    """
    from jtbd_studio.library import clusters
    from jtbd_studio.library.filters import SearchFilters, checked

    if kind:
        checked(SearchFilters(kinds=(kind,)))
    db = database(ctx)
    found = clusters.stored_clusters(db, study_id(db, study_name), kind)
    if as_json:
        echo_json_lines({"id": c.id, "kind": c.kind, "label": c.label, "canonical": c.canonical,
                         "key": c.key, "locked": c.locked, "members": c.member_ids}
                        for c in found[:limit])
    elif found:
        echo_table(["id", "kind", "size", "by hand", "title"],
                   ([c.id, c.kind, len(c.member_ids), "yes" if c.locked else "", excerpt(c.title)]
                    for c in found[:limit]))
    if not found:
        click.echo("no clusters yet: run `cluster build --study S`", err=True)
    elif len(found) > limit:
        click.echo(f"{len(found) - limit} more clusters: raise --limit", err=True)


@cluster.command("label")
@click.argument("cluster_id")
@click.argument("label")
@author_option
@click.pass_context
@handle_errors
def cluster_label(ctx: click.Context, cluster_id: str, label: str, author: str | None) -> None:
    """Name a cluster ("" clears the name); it is then kept by re-clustering.

    \b
    Example:
      jtbd-studio cluster label 4 "Setup takes too long"
    """
    from jtbd_studio.library import clusters

    number = one_id(cluster_id, "cluster")
    clusters.label_cluster(database(ctx), number, label, author=who(author))
    click.echo(f"labelled cluster #{number}", err=True)


@cluster.command("merge")
@click.argument("cluster_ids", nargs=-1, required=True)
@author_option
@click.pass_context
@handle_errors
def cluster_merge(ctx: click.Context, cluster_ids: tuple[str, ...], author: str | None) -> None:
    """Merge clusters into the first one given.

    \b
    Example:
      jtbd-studio cluster merge 4 9 11
    """
    from jtbd_studio.library import clusters

    kept = clusters.merge_clusters(database(ctx), list(_ids(cluster_ids, "cluster")), author=who(author))
    click.echo(f"merged into cluster #{kept}", err=True)


@cluster.command("split")
@click.argument("cluster_id")
@click.argument("extraction_ids", nargs=-1, required=True)
@author_option
@click.pass_context
@handle_errors
def cluster_split(ctx: click.Context, cluster_id: str, extraction_ids: tuple[str, ...],
                  author: str | None) -> None:
    """Move some of a cluster's extractions into a new cluster.

    \b
    Example:
      jtbd-studio cluster split 4 120 133
    """
    from jtbd_studio.library import clusters

    moving = list(_ids(extraction_ids, "extraction"))
    new = clusters.split_cluster(database(ctx), one_id(cluster_id, "cluster"), moving,
                                 author=who(author))
    click.echo(f"split {len(moving)} extractions off into cluster #{new}", err=True)
