"""Moving whole studies between databases: JSON export and import, backups."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from jtbd_studio.errors import InputFileError, JtbdError, StorageError, UsageError
from jtbd_studio.export.study_json import dump_study, load_study
from jtbd_studio.services.studies import get_study
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import Study


def export_study(db: Database, study: str | int) -> dict[str, Any]:
    with db.session() as s:
        return dump_study(s, get_study(s, study))


def write_json_atomic(path: Path, doc: Any) -> None:
    """Write JSON next to the target, then rename: never half a file."""
    write_text_atomic(path, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def write_text_atomic(path: Path, content: str) -> None:
    """Write next to the target, then rename: a failed export never leaves half a file."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".jtbd-", suffix=".json", dir=path.parent)
    except OSError as exc:
        raise InputFileError(path, f"cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def read_json(path: Path) -> Any:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputFileError(path, f"cannot read ({exc.strerror})") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputFileError(path, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputFileError(path, f"invalid JSON ({exc.msg}, column {exc.colno})", line=exc.lineno) from None


def import_study(db: Database, doc: dict[str, Any], *, rename: str | None = None, source: str = "document") -> Study:
    """Recreate a study in one transaction: all of it or nothing."""
    try:
        with db.session() as s:
            return load_study(s, doc, rename=rename)
    except JtbdError as exc:
        raise UsageError(f"{source}: {exc.message}") from None
    except IntegrityError as exc:
        raise UsageError(f"{source}: inconsistent data ({' '.join(str(exc.orig).split())[:200]})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(f"{source}: malformed study export ({type(exc).__name__}: {exc})") from None


def import_study_file(db: Database, path: Path, *, rename: str | None = None) -> Study:
    return import_study(db, read_json(path), rename=rename, source=str(path))


def backup(db: Database, target: Path) -> Path:
    """A consistent copy: SQLite's online backup, or a JSON dump of every study on PostgreSQL."""
    target = Path(target)
    if target.exists():
        raise UsageError(f"{target}: already exists; choose a new file name")
    if db.dialect == "sqlite":
        tmp = target.with_name(target.name + ".partial")
        try:
            src = sqlite3.connect(db.location)
            dst = sqlite3.connect(tmp)
            with dst:
                src.backup(dst)
            dst.close()
            src.close()
            os.replace(tmp, target)
        except (sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(f"{target}: backup failed ({exc})") from None
        return target
    from jtbd_studio.services.studies import list_studies

    docs = [export_study(db, summary.study.id) for summary in list_studies(db)]  # type: ignore[arg-type]
    write_json_atomic(target, {"format": "jtbd-studio/backup-1", "studies": docs})
    return target


