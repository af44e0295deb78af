"""Opening a database: URL resolution, engine factory, SQLite pragmas, sessions, upgrades."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from jtbd_studio import paths
from jtbd_studio.errors import StorageError

if TYPE_CHECKING:
    from jtbd_studio.store.fts import FullTextBackend

def busy_timeout_ms() -> int:
    """How long to wait for a lock held by another process (env JTBD_STUDIO_BUSY_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("JTBD_STUDIO_BUSY_TIMEOUT_MS", "5000")))
    except ValueError:
        return 5000


def resolve_url(target: str | os.PathLike[str] | None) -> str:
    """Turn `--db PATH|URL` (or nothing: the default file) into an SQLAlchemy URL."""
    if target is None or str(target) == "":
        target = os.environ.get(paths.ENV_DB) or paths.default_db_path()
    raw = str(target)
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError as exc:
            raise StorageError(f"{raw}: not a database URL ({exc})") from None
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if not url.drivername.startswith(("sqlite", "postgresql")):
            raise StorageError(f"{raw}: only SQLite files and postgresql:// URLs are supported")
        return url.render_as_string(hide_password=False)
    return "sqlite:///" + str(Path(raw).expanduser().absolute())


@dataclass
class Database:
    """An open database: its engine, a session factory and the full-text backend."""

    url: str
    engine: Engine
    fts: FullTextBackend = field(repr=False)
    _reader: Engine | None = field(default=None, repr=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        """The file path for SQLite, the URL without password for PostgreSQL."""
        if self.dialect == "sqlite":
            return str(self.engine.url.database)
        return self.engine.url.render_as_string(hide_password=True)

    def after_bulk_load(self) -> None:
        """Statistics and full-text indexes brought up to date after many rows came in.

        Runs outside a transaction (PostgreSQL's VACUUM must). Only an optimization: a user who
        may write rows but not VACUUM or ANALYZE them (a shared PostgreSQL repository owned by
        someone else) loses nothing when it is refused.
        """
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as connection:
                self.fts.after_bulk_load(connection.execution_options(isolation_level="AUTOCOMMIT"))
        except SQLAlchemyError:
            pass

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise StorageError(f"{self.location}: {_short(exc)}") from None
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for one read-only search; a plain `session()` on SQLite.

        On PostgreSQL every round trip counts at a p95 of 20 ms: this session's connections
        run in autocommit (no BEGIN and COMMIT around the search's few SELECTs), are not pinged
        before use (a search is read-only, so `search` retries once on a dropped connection
        instead), and keep joins in the written order (join_collapse_limit = 1: the few ranked
        matches first, each joined to its row by id; right after a bulk import the statistics
        may say a study has one interview, and the planner would rather scan all its turns).
        Nothing is written through it: its statements see committed data only, one snapshot
        per statement, as READ COMMITTED transactions would.
        """
        if self.dialect != "postgresql":
            with self.session() as session:
                yield session
            return
        if self._reader is None:
            self._reader = create_engine(
                self.url, isolation_level="AUTOCOMMIT", pool_size=2, max_overflow=8,
                connect_args={"connect_timeout": 5, "options": "-c join_collapse_limit=1"},
            )
        with Session(self._reader, expire_on_commit=False) as session:
            session.info["autocommit"] = True
            try:
                yield session
            except OperationalError as exc:
                if exc.connection_invalidated:
                    raise
                raise StorageError(f"{self.location}: {_short(exc)}") from None

    def close(self) -> None:
        self.engine.dispose()
        if self._reader is not None:
            self._reader.dispose()


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return " ".join(str(orig).split())[:300]


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """The engine factory (never called at import time)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


def _check_sqlite_target(path: Path, *, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise StorageError(f"{path}: is a folder, not a database file")
        with path.open("rb") as fh:
            head = fh.read(16)
        if head and head != b"SQLite format 3\x00":
            raise StorageError(f"{path}: not an SQLite database (the file holds something else)")
        if not os.access(path, os.R_OK):
            raise StorageError(f"{path}: cannot read the database file (permission denied)")
        return
    if not create:
        raise StorageError(f"{path}: no such database")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"{parent}: cannot create the data folder ({exc.strerror})") from None
    if not os.access(parent, os.W_OK):
        raise StorageError(f"{parent}: the data folder is read-only; choose another with --db")


def open_database(target: str | os.PathLike[str] | None = None, *, create: bool = True, upgrade: bool = True) -> Database:
    """Open (creating and migrating if needed) the database named by PATH or URL."""
    from jtbd_studio.store.fts import backend_for
    from jtbd_studio.store.migrate import upgrade_to_head

    url = resolve_url(target)
    if url.startswith("sqlite"):
        _check_sqlite_target(Path(make_url(url).database or ""), create=create)
    engine = make_engine(url)
    db = Database(url=url, engine=engine, fts=backend_for(engine.dialect.name))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        if upgrade:
            upgrade_to_head(db)
    except (DBAPIError, SQLAlchemyError, sqlite3.Error) as exc:
        engine.dispose()
        raise StorageError(f"{db.location}: cannot open the database: {_short(exc)}") from None
    return db
