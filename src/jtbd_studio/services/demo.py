"""The demo study: synthetic sample data shipped in corpora/demo, loaded on request."""

from __future__ import annotations

from sqlmodel import select

from jtbd_studio import paths
from jtbd_studio.services.exchange import import_study, read_json
from jtbd_studio.store.db import Database
from jtbd_studio.store.tables import Study


def demo_document() -> dict:
    return read_json(paths.corpora_dir() / "demo" / "demo_study.json")


def ensure_demo_study(db: Database) -> tuple[Study, bool]:
    """The demo study, imported if this database does not have it yet."""
    doc = demo_document()
    name = doc["study"]["name"]
    with db.session() as s:
        existing = s.exec(select(Study).where(Study.name == name)).first()
    if existing is not None:
        return existing, False
    return import_study(db, doc, source="demo study"), True
