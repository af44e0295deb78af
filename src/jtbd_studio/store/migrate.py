"""Schema migrations: Alembic, with its scripts inside the package (named, ordered steps)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from jtbd_studio.store.db import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = db.engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    """Run every migration step up to `revision` (in one transaction per step)."""
    command.upgrade(alembic_config(db), revision)


def upgrade_to_head(db: Database) -> bool:
    """Upgrade if the database is behind; return True when something was applied."""
    if current_revision(db) == head_revision():
        return False
    upgrade(db, "head")
    return True
