"""The one `jtbd-studio` command: a thin click shell over `jtbd_studio.services`.

Subcommands live one module each in this package and are imported only when used, so
`jtbd-studio --help` stays fast and never imports spaCy or Textual.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from typing import Any

import click

from jtbd_studio.cli._common import ui_lang_option

# name -> (module, attribute, one-line help). The help is here so that listing commands
# does not import every module.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "demo": ("jtbd_studio.cli.studies", "demo", "Create the demo study and open the TUI."),
    "study": ("jtbd_studio.cli.studies", "study", "Create and list studies."),
    "participant": ("jtbd_studio.cli.studies", "participant", "Add, list and edit participants."),
    "script": ("jtbd_studio.cli.scripts", "script", "List and show interview scripts."),
    "db": ("jtbd_studio.cli.database", "db", "Upgrade, back up and locate the database."),
    "export": ("jtbd_studio.cli.exchange", "export", "Export a study as JSON, CSV or QDPX."),
    "import": ("jtbd_studio.cli.imports", "import_", "Import transcripts, or a study from JSON."),
    "extract": ("jtbd_studio.cli.extract", "extract", "Run the extraction engine on files or JSONL (stdout: JSON Lines)."),
    "analyze": ("jtbd_studio.cli.analyze", "analyze", "Store extraction suggestions for a study's interviews."),
    "search": ("jtbd_studio.cli.library", "search", "Search turns, notes, extractions and insights."),
    "glossary": ("jtbd_studio.cli.library", "glossary", "The glossary of customers' own words."),
    "suggestions": ("jtbd_studio.cli.review", "suggestions", "Review suggestions: list, accept, reject, edit, by id or filter."),
    "code": ("jtbd_studio.cli.codes", "code", "The codebook tree and codes applied to extractions."),
    "cluster": ("jtbd_studio.cli.codes", "cluster", "Cluster similar phrases; label, merge and split clusters."),
    "insight": ("jtbd_studio.cli.insights", "insight", "Insights with their stage and evidence."),
    "report": ("jtbd_studio.cli.report", "report", "Write a study report (journey map, NPS/CSI, saturation)."),
    "interview": ("jtbd_studio.cli.interviews", "interview", "List interviews and export one as Markdown."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n, (mod, _, _) in COMMANDS.items() if _module_exists(mod))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attr, _ = COMMANDS[cmd_name]
        if not _module_exists(module_name):
            return None
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _show_version(ctx: click.Context) -> None:
    """`jtbd-studio 0.x (extraction engine: compiled (mypyc))`: the engine's speed differs
    by about a fifth between its compiled build and its Python modules."""
    from importlib.metadata import version

    from jtbd_studio.nlp import ENGINE  # no spaCy: the package's __init__ only checks the build

    click.echo(f"jtbd-studio {version('jtbd-studio')} (extraction engine: {ENGINE})")
    ctx.exit()


def _module_exists(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    envvar="JTBD_STUDIO_DB",
    metavar="PATH|URL",
    help="Database file or URL (postgresql+psycopg://…). Default: the user data directory.",
)
@ui_lang_option
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _show_version(ctx) if value else None,
    help="Show the version and which extraction engine runs, and exit.",
)
@click.pass_context
def app(ctx: click.Context, db: str | None, ui_lang: str | None) -> None:
    """jtbd-studio: Jobs-To-Be-Done interview studio (Russian and English).

    With no command it opens the terminal UI on the default database.

    \b
    Examples:
      jtbd-studio demo
      jtbd-studio --db study.sqlite3 study create "CRM onboarding" --lang ru
      jtbd-studio import calls/ --study "CRM onboarding"
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["ui_lang"] = ui_lang
    if ctx.invoked_subcommand is None:
        from jtbd_studio.cli._common import open_tui

        open_tui(ctx, study=None)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the console script."""
    # One BLAS thread (numpy is imported later, by the commands that analyze): Natasha's NER
    # multiplies small matrices, and OpenBLAS's idle threads spin, keeping a second core busy
    # for next to no gain in wall time; a user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        return app.main(args=argv, prog_name="jtbd-studio", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)
    except Exception as exc:  # a bug, not a user's mistake: one line, details on request
        if os.environ.get("JTBD_STUDIO_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (set JTBD_STUDIO_DEBUG=1 for details)", file=sys.stderr)
        sys.exit(70)
