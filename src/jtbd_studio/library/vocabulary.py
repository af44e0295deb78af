"""A study's vocabulary (lemmas with frequencies) and "did you mean" suggestions from it.

Built in Python from the lemma columns, so both backends suggest the same words; cached per
database and study until a row is added.
"""
# SQLModel types table attributes as Python values, so SQLAlchemy Core select()/where() overloads
# cannot match them; the queries are checked by the tests on both backends instead.
# mypy: disable-error-code="call-overload, attr-defined, union-attr, var-annotated"

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select
from sqlmodel import col

from jtbd_studio.library.query import WORD, ParsedQuery, fold
from jtbd_studio.store.db import Database
from jtbd_studio.store.fts import Term
from jtbd_studio.store.tables import Extraction, Insight, Interview, Note, Turn

SUGGESTIONS_PER_WORD = 5
MIN_SIMILARITY = 60.0
_cache: dict[tuple[str, int], tuple[tuple[int, ...], Counter[str]]] = {}
_lock = threading.Lock()


def study_vocabulary(db: Database, study_id: int) -> Counter[str]:
    """How many times each lemma (or, where no lemmas are stored, word) occurs in the study."""
    with db.session() as s:
        version = tuple(
            s.execute(select(func.coalesce(func.max(c), 0))).scalar_one()
            for c in (Turn.id, Note.id, Extraction.id, Insight.id)
        )
        key = (db.url, study_id)
        with _lock:
            cached = _cache.get(key)
        if cached and cached[0] == version:
            return cached[1]
        counts: Counter[str] = Counter()
        statements = (
            select(func.coalesce(Turn.lemmas, Turn.text)).join(Interview, Interview.id == Turn.interview_id)
            .where(Interview.study_id == study_id),
            select(func.coalesce(Note.lemmas, Note.text)).join(Interview, Interview.id == Note.interview_id)
            .where(Interview.study_id == study_id, col(Note.deleted).is_(False)),
            select(func.coalesce(Extraction.key, Extraction.text))
            .join(Interview, Interview.id == Extraction.interview_id).where(Interview.study_id == study_id),
            select(func.coalesce(Insight.lemmas, Insight.statement)).where(Insight.study_id == study_id),
        )
        for stmt in statements:
            for (value,) in s.execute(stmt.execution_options(yield_per=2000)):
                counts.update(WORD.findall(fold(value or "")))
    with _lock:
        _cache[key] = (version, counts)
    return counts


def suggestions(db: Database, study_id: int, query: ParsedQuery) -> dict[str, list[str]]:
    """For each searched word the study never uses, the closest words it does use."""
    from rapidfuzz import fuzz, process

    vocabulary = study_vocabulary(db, study_id)
    if not vocabulary:
        return {}
    choices = list(vocabulary)
    found: dict[str, list[str]] = {}
    for word, forms, prefix in _searched(query):
        if prefix and any(v.startswith(forms) for v in choices):
            continue
        if not prefix and any(f in vocabulary for f in forms):
            continue
        matches = process.extract(word, choices, scorer=fuzz.ratio, limit=SUGGESTIONS_PER_WORD * 4,
                                  score_cutoff=MIN_SIMILARITY)
        # closest first; among equally close, the more frequent word
        ranked = sorted(matches, key=lambda m: (-round(m[1]), -vocabulary[m[0]], m[0]))
        close = [m[0] for m in ranked[:SUGGESTIONS_PER_WORD]]
        if close:
            found[word] = close
    return found


def _searched(query: ParsedQuery) -> list[tuple[str, tuple[str, ...], bool]]:
    """(word as typed, forms that count as known, prefix?) for each positive word."""
    found: list[tuple[str, tuple[str, ...], bool]] = []
    for item in query.positive_items:
        if isinstance(item, Term):
            found.append((item.forms[0], item.forms, item.prefix))
        else:
            lemmas = item.lemmas or item.surface
            found += [(w, (w, lem), False) for w, lem in zip(item.surface, lemmas, strict=False)]
    return found
