"""The codebook: a tree of codes per study (create, rename, move, merge) and codes on spans.

Codebook changes are logged as `LibraryEvent`s; coding an extraction is also a `ReviewEvent`.
"""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from jtbd_studio.errors import ConflictError, NotFoundError, UsageError
from jtbd_studio.library.filters import code_subtree
from jtbd_studio.library.review import log_event
from jtbd_studio.store.db import Database
from jtbd_studio.store.library_tables import LibraryEvent
from jtbd_studio.store.tables import Code, Coding, Extraction, Interview, Study, Turn

MAX_NAME = 100
PATH_SEPARATOR = "/"


@dataclass
class CodeNode:
    """A code with its sub-codes and how many spans carry it (itself, then with sub-codes)."""

    id: int
    name: str
    parent_id: int | None
    description: str | None
    color: str | None
    codings: int = 0
    children: list[CodeNode] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.codings + sum(c.total for c in self.children)

    def walk(self, depth: int = 0) -> list[tuple[int, CodeNode]]:
        """(depth, node) for this node and its descendants, depth-first."""
        out = [(depth, self)]
        for child in self.children:
            out += child.walk(depth + 1)
        return out


def _event(s: Session, study_id: int, action: str, author: str | None, **detail: Any) -> None:
    s.add(LibraryEvent(study_id=study_id, action=action, author=author, detail=detail))


def _clean(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise UsageError("a code name must not be empty")
    if len(name) > MAX_NAME:
        raise UsageError(f"code name {name[:40]!r}…: longer than {MAX_NAME} characters")
    if PATH_SEPARATOR in name:
        raise UsageError(f"code name {name!r}: must not contain {PATH_SEPARATOR!r} (it separates levels)")
    return name


def _get(s: Session, code_id: int) -> Code:
    code = s.get(Code, code_id)
    if code is None:
        raise NotFoundError(f"no code #{code_id}")
    return code


def _sibling(s: Session, study_id: int, parent_id: int | None, name: str) -> Code | None:
    """The code of that name (ignoring case; in Python, as SQLite's lower() is ASCII-only)."""
    stmt = select(Code).where(Code.study_id == study_id)
    stmt = stmt.where(col(Code.parent_id).is_(None) if parent_id is None else Code.parent_id == parent_id)
    wanted = name.casefold()
    return next((c for c in s.execute(stmt).scalars() if c.name.casefold() == wanted), None)


def _descendants(s: Session, code_id: int) -> set[int]:
    _get(s, code_id)  # NotFoundError for an unknown code
    return code_subtree(s, [code_id]) - {code_id}


def path_of(s: Session, code: Code) -> str:
    names, seen = [code.name], {code.id}
    while code.parent_id is not None and code.parent_id not in seen:
        code = _get(s, code.parent_id)
        seen.add(code.id)
        names.append(code.name)
    return PATH_SEPARATOR.join(reversed(names))


def create_code(
    db: Database, study_id: int, name: str, *, parent_id: int | None = None,
    description: str | None = None, color: str | None = None, author: str | None = None,
) -> Code:
    name = _clean(name)
    with db.session() as s:
        if s.get(Study, study_id) is None:
            raise NotFoundError(f"no study #{study_id}")
        if parent_id is not None and _get(s, parent_id).study_id != study_id:
            raise UsageError(f"code #{parent_id} belongs to another study")
        if _sibling(s, study_id, parent_id, name):
            raise ConflictError(f"code {name!r} already exists at that level of the codebook")
        code = Code(study_id=study_id, parent_id=parent_id, name=name, description=description, color=color)
        s.add(code)
        s.flush()
        _event(s, study_id, "code_create", author, code_id=code.id, name=name, parent_id=parent_id)
        return code


def find_code(db: Database, study_id: int, ref: str | int) -> Code:
    """A code by id or by path ("Forces/Anxiety"; a bare name if it is unique in the study)."""
    with db.session() as s:
        if isinstance(ref, int) or str(ref).isdigit():
            code = s.get(Code, int(ref))
            if code is not None and code.study_id == study_id:
                return code
        parts = [p.strip() for p in str(ref).split(PATH_SEPARATOR) if p.strip()]
        if len(parts) == 1:
            hits = [c for c in s.execute(select(Code).where(Code.study_id == study_id)).scalars()
                    if c.name.casefold() == parts[0].casefold()]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise UsageError(f"code {ref!r} exists at several levels; give its path, e.g. "
                                 f"{path_of(s, hits[0])!r}")
        parent: int | None = None
        code = None
        for part in parts:
            code = _sibling(s, study_id, parent, part)
            if code is None:
                break
            parent = code.id
        if code is None:
            raise NotFoundError(f"no code {str(ref)!r} in this study")
        return code


def rename_code(db: Database, code_id: int, name: str, *, author: str | None = None) -> Code:
    name = _clean(name)
    with db.session() as s:
        code = _get(s, code_id)
        other = _sibling(s, code.study_id, code.parent_id, name)
        if other is not None and other.id != code.id:
            raise ConflictError(f"code {name!r} already exists at that level of the codebook")
        _event(s, code.study_id, "code_rename", author, code_id=code.id, before=code.name, after=name)
        code.name = name
        s.add(code)
        s.flush()
        return code


def move_code(db: Database, code_id: int, parent_id: int | None, *, author: str | None = None) -> Code:
    """Put a code under another parent (None: the top level); never under its own sub-code."""
    with db.session() as s:
        code = _get(s, code_id)
        if parent_id is not None:
            parent = _get(s, parent_id)
            if parent.study_id != code.study_id:
                raise UsageError(f"code {parent.name!r} belongs to another study")
            if parent_id == code.id or parent_id in _descendants(s, code.id):
                raise UsageError(f"cannot move code {code.name!r} under {parent.name!r}: "
                                 f"{parent.name!r} is {code.name!r} itself or one of its sub-codes")
        if _sibling(s, code.study_id, parent_id, code.name) not in (None, code):
            raise ConflictError(f"code {code.name!r} already exists at the new level; merge them instead")
        _event(s, code.study_id, "code_move", author, code_id=code.id, before=code.parent_id, after=parent_id)
        code.parent_id = parent_id
        s.add(code)
        s.flush()
        return code


def merge_codes(db: Database, source_id: int, target_id: int, *, author: str | None = None) -> Code:
    """Fold `source` into `target`: its codings and sub-codes move there, then it is removed."""
    with db.session() as s:
        source, target = _get(s, source_id), _get(s, target_id)
        if source.study_id != target.study_id:
            raise UsageError(f"codes {source.name!r} and {target.name!r} belong to different studies")
        if source.id == target.id:
            raise UsageError(f"cannot merge code {source.name!r} into itself")
        if target.id in _descendants(s, source.id):
            raise UsageError(f"cannot merge code {source.name!r} into its own sub-code {target.name!r}; "
                             f"move {target.name!r} out first or merge the other way")
        moved = _fold_into(s, source, target)
        _event(s, source.study_id, "code_merge", author, source_id=source_id, source=source.name,
               target_id=target.id, target=target.name, codings=moved)
        s.flush()
        return target


def _fold_into(s: Session, source: Code, target: Code) -> int:
    """Move codings and children of `source` to `target` (same-named children merge too)."""
    have = {(c.extraction_id, c.turn_id, c.start, c.end)
            for c in s.execute(select(Coding).where(Coding.code_id == target.id)).scalars()}
    moved = 0
    for coding in s.execute(select(Coding).where(Coding.code_id == source.id)).scalars().all():
        spot = (coding.extraction_id, coding.turn_id, coding.start, coding.end)
        if spot in have:
            s.delete(coding)
            continue
        have.add(spot)
        coding.code_id = target.id  # type: ignore[assignment]
        s.add(coding)
        moved += 1
    for child in s.execute(select(Code).where(Code.parent_id == source.id)).scalars().all():
        twin = _sibling(s, target.study_id, target.id, child.name)
        if twin is not None:
            moved += _fold_into(s, child, twin)
        else:
            child.parent_id = target.id
            s.add(child)
    s.flush()
    s.delete(source)
    s.flush()
    return moved


def delete_code(db: Database, code_id: int, *, author: str | None = None) -> None:
    """Remove a code and its codings; its sub-codes move up to its parent."""
    with db.session() as s:
        code = _get(s, code_id)
        for child in s.execute(select(Code).where(Code.parent_id == code.id)).scalars().all():
            if _sibling(s, code.study_id, code.parent_id, child.name) is not None:
                raise ConflictError(f"sub-code {child.name!r} would clash with a code of the same "
                                    f"name one level up; merge them first")
            child.parent_id = code.parent_id
            s.add(child)
        s.flush()
        _event(s, code.study_id, "code_delete", author, code_id=code.id, name=code.name)
        s.delete(code)


def code_tree(db: Database, study_id: int) -> list[CodeNode]:
    """The study's codebook as a forest, each level sorted by name."""
    with db.session() as s:
        codes = s.execute(select(Code).where(Code.study_id == study_id)).scalars().all()
        counts = dict(s.execute(
            select(Coding.code_id, func.count()).where(col(Coding.code_id).in_([c.id for c in codes]))
            .group_by(Coding.code_id)).all())
    nodes = {c.id: CodeNode(c.id, c.name, c.parent_id, c.description, c.color, counts.get(c.id, 0))  # type: ignore[arg-type]
             for c in codes}
    roots: list[CodeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id is not None else None
        (parent.children if parent else roots).append(node)
    for node in nodes.values():
        node.children.sort(key=lambda n: n.name.lower())
    return sorted(roots, key=lambda n: n.name.lower())


def apply_code(
    db: Database, code_id: int, *, extraction_id: int | None = None, turn_id: int | None = None,
    start: int | None = None, end: int | None = None, author: str | None = None,
) -> Coding:
    """Code an extraction, or a span (or the whole) of a turn; applying twice is a no-op."""
    if (extraction_id is None) == (turn_id is None):
        raise UsageError("code exactly one extraction or one turn")
    with db.session() as s:
        code = _get(s, code_id)
        study_of = _study_of(s, extraction_id, turn_id)
        if study_of != code.study_id:
            raise UsageError(f"code {code.name!r} belongs to another study")
        if turn_id is not None and (start is not None or end is not None):
            text = s.get(Turn, turn_id).text  # type: ignore[union-attr]
            if start is None or end is None or not 0 <= start < end <= len(text):
                raise UsageError(f"span {start}..{end}: must lie inside the turn (0..{len(text)})")
        stmt = select(Coding).where(Coding.code_id == code_id, Coding.extraction_id == extraction_id,
                                    Coding.turn_id == turn_id, Coding.start == start, Coding.end == end)
        found = s.execute(stmt).scalars().first()
        if found is not None:
            return found
        coding = Coding(code_id=code_id, extraction_id=extraction_id, turn_id=turn_id, start=start,
                        end=end, author=author)
        s.add(coding)
        s.flush()
        if extraction_id is not None:
            log_event(s, s.get(Extraction, extraction_id), "code", author, code_id=code_id,  # type: ignore[arg-type]
                      code=code.name)
        return coding


def _study_of(s: Session, extraction_id: int | None, turn_id: int | None) -> int:
    if extraction_id is not None:
        ex = s.get(Extraction, extraction_id)
        if ex is None:
            raise NotFoundError(f"no extraction #{extraction_id}")
        interview_id = ex.interview_id
    else:
        turn = s.get(Turn, turn_id)
        if turn is None:
            raise NotFoundError(f"no turn #{turn_id}")
        interview_id = turn.interview_id
    return s.get(Interview, interview_id).study_id  # type: ignore[union-attr]


def remove_coding(db: Database, coding_id: int, *, author: str | None = None) -> None:
    with db.session() as s:
        coding = s.get(Coding, coding_id)
        if coding is None:
            raise NotFoundError(f"no coding #{coding_id}")
        if coding.extraction_id is not None:
            log_event(s, s.get(Extraction, coding.extraction_id), "uncode", author,  # type: ignore[arg-type]
                      code_id=coding.code_id)
        s.delete(coding)


def codes_of(db: Database, extraction_ids: list[int]) -> dict[int, list[str]]:
    """extraction id -> names of the codes on it (for showing them beside a span)."""
    with db.session() as s:
        rows = s.execute(select(Coding.extraction_id, Code.name).join(Code, Code.id == Coding.code_id)
                         .where(col(Coding.extraction_id).in_(extraction_ids))).all()
    found: dict[int, list[str]] = {}
    for eid, name in rows:
        found.setdefault(eid, []).append(name)
    return found


def ensure_code_path(db: Database, study_id: int, path: str, *, author: str | None = None) -> Code:
    """The code at "Parent/Child", creating the levels that are missing."""
    parts = [p for p in (x.strip() for x in path.split(PATH_SEPARATOR)) if p]
    if not parts:
        raise UsageError("a code path must name at least one code")
    parent: int | None = None
    code: Code | None = None
    for part in parts:
        with db.session() as s:
            code = _sibling(s, study_id, parent, _clean(part))
        if code is None:
            code = create_code(db, study_id, part, parent_id=parent, author=author)
        parent = code.id
    assert code is not None
    return code
