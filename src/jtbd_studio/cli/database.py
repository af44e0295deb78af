"""`db upgrade | backup FILE | locate`."""

from __future__ import annotations

from pathlib import Path

import click

from jtbd_studio.cli._common import database, handle_errors


@click.group()
def db() -> None:
    """Upgrade, back up and locate the database."""


@db.command("upgrade")
@click.pass_context
@handle_errors
def db_upgrade(ctx: click.Context) -> None:
    """Apply pending schema migrations (opening the database does this too)."""
    from jtbd_studio.store.db import open_database
    from jtbd_studio.store.migrate import HEAD, current_revision, upgrade_to_head

    target = (ctx.find_root().obj or {}).get("db")
    database_ = open_database(target, upgrade=False)
    try:
        before = current_revision(database_)
        applied = upgrade_to_head(database_)
        state = f"upgraded from {before or 'empty'} to {HEAD}" if applied else f"already at {HEAD}"
        click.echo(f"{database_.location}: {state}", err=True)
    finally:
        database_.close()


@db.command("backup")
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_context
@handle_errors
def db_backup(ctx: click.Context, target: Path) -> None:
    """Write a consistent copy of the database to TARGET (a new file).

    \b
    Example:
      jtbd-studio db backup ~/backups/jtbd-2026-11-25.sqlite3
    """
    from jtbd_studio.services.exchange import backup

    out = backup(database(ctx), target)
    click.echo(f"backup written to {out}", err=True)


@db.command("locate")
@click.pass_context
@handle_errors
def db_locate(ctx: click.Context) -> None:
    """Print where the database is (file path or URL without password)."""
    from sqlalchemy.engine import make_url

    from jtbd_studio.store.db import resolve_url

    url = make_url(resolve_url((ctx.find_root().obj or {}).get("db")))
    click.echo(url.database if url.drivername.startswith("sqlite") else url.render_as_string(hide_password=True))
