"""Schema migrations: Alembic, with its scripts inside the package (named, ordered steps).

Opening a database that is already current must stay cheap (the TUI and every CLI call do it),
so the current revision is read with one query and compared with HEAD; Alembic itself is
imported only when there is something to apply. A test keeps HEAD equal to the scripts' head.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

    from jtbd_studio.store.db import Database

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: the newest migration; update together with a new file in migrations/versions
HEAD = "0005_inline_vectors"


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = db.engine
    return cfg


def head_revision() -> str:
    """The head according to the migration scripts themselves (Alembic's view)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, revision: str = "head") -> None:
    """Run every migration step up to `revision` (in one transaction per step)."""
    from alembic import command

    command.upgrade(alembic_config(db), revision)


def upgrade_to_head(db: Database) -> bool:
    """Upgrade if the database is behind; return True when something was applied."""
    if current_revision(db) == HEAD:
        return False
    upgrade(db, "head")
    return True
