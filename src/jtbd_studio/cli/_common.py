"""What every subcommand shares: the database option, error mapping, output helpers."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jtbd_studio.errors import JtbdError

if TYPE_CHECKING:
    from jtbd_studio.store.db import Database

F = TypeVar("F", bound=Callable[..., Any])

ui_lang_option = click.option(
    "--ui-lang",
    "ui_lang",
    type=click.Choice(["ru", "en"]),
    envvar="JTBD_STUDIO_UI_LANG",
    default=None,
    help="Language of the interface (default: from the locale).",
)


def fail(message: str, code: int = 1) -> None:
    """Print one line on stderr and exit."""
    click.echo(f"error: {' '.join(message.split())}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn the core's errors into a one-line message and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except JtbdError as exc:
            fail(exc.message, exc.exit_code)
        except BrokenPipeError:  # e.g. `| head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def database(ctx: click.Context, *, create: bool = True) -> Database:
    """Open the database chosen by --db / JTBD_STUDIO_DB (upgrading its schema)."""
    from jtbd_studio.store.db import open_database

    root = ctx.find_root()
    target = (root.obj or {}).get("db")
    db = open_database(target, create=create)
    ctx.call_on_close(db.close)
    return db


def echo_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def echo_table(headers: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """A plain aligned table on stdout (no Rich, so output pipes cleanly)."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            click.echo("  ".join("-" * w for w in widths))


def open_tui(ctx: click.Context, *, study: str | None, db: Database | None = None) -> None:
    """Start the Textual app (imported only here); it opens the database after its first frame."""
    from jtbd_studio.tui.app import run_app

    root = ctx.find_root()
    run_app(db if db is not None else (root.obj or {}).get("db"), study=study, ui_lang=(root.obj or {}).get("ui_lang"))
