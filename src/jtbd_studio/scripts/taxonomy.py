"""The vocabularies shipped as data: emotions, note kinds, CJM stages and lanes, Switch phases.

Each file under corpora/taxonomy is read once per process, on first use, and validated like a
script: a broken file names its field and line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from jtbd_studio import paths
from jtbd_studio.errors import InputFileError
from jtbd_studio.scripts._fields import FieldReader, read_toml, unique
from jtbd_studio.scripts.model import EmotionLabel, NoteKind, Term

REQUIRED_LANGUAGES = ("ru", "en")
"""Every packaged title has at least these; more languages may be added in the files alone."""

AROUSAL_LEVELS = ("low", "mid", "high")
FORCES = ("push", "pull", "anxiety", "habit")
EXTRACTION_KINDS = ("phrase", "friction", "competitor", "force", "job", "churn_risk", "emotion")

def _read_file(name: str, **builders: Callable[[FieldReader], Any]) -> dict[str, tuple[Any, ...]]:
    """Read the arrays of tables of one taxonomy file, each with its own builder."""
    path = paths.corpora_dir() / "taxonomy" / name
    data, text = read_toml(path, InputFileError)
    root = FieldReader(data, "", path=path, text=text, error=InputFileError,
                       languages=REQUIRED_LANGUAGES)
    result: dict[str, tuple[Any, ...]] = {}
    for table, build in builders.items():
        items = []
        for entry in root.tables(table):
            items.append(build(entry))
            entry.finish()
        unique(root, table, [item.id for item in items])
        result[table] = tuple(items)
    root.finish()
    return result


def _term(entry: FieldReader, **extra: Callable[[FieldReader, str], object]) -> Term:
    values = {name: read(entry, name) for name, read in extra.items()}
    return Term(entry.identifier("id"), entry.localized("title"), MappingProxyType(values))


@cache
def _cjm() -> tuple[tuple[Term, ...], tuple[Term, ...]]:
    data = _read_file("cjm.toml", lanes=_term,
                      stages=lambda e: _term(e, frame=lambda r, n: r.boolean(n)))
    return data["stages"], data["lanes"]


def cjm_stages() -> tuple[tuple[str, Mapping[str, str]], ...]:
    """The CJM columns in journey order, as (id, {lang: title})."""
    return tuple((t.id, t.title) for t in _cjm()[0])


def cjm_frame_stage_ids() -> frozenset[str]:
    """CJM columns that frame the journey (context before, looking back after)."""
    return frozenset(t.id for t in _cjm()[0] if t.extra.get("frame"))


def cjm_lanes() -> tuple[tuple[str, Mapping[str, str]], ...]:
    """The CJM rows, as (id, {lang: title})."""
    return tuple((t.id, t.title) for t in _cjm()[1])


@cache
def jtbd_phases() -> tuple[Term, ...]:
    """Switch timeline phases; `extra["cjm_stage"]` is the CJM column each one sits in."""
    stage_ids = tuple(s for s, _ in cjm_stages())
    return _read_file("jtbd.toml", phases=lambda e: _term(
        e, cjm_stage=lambda r, n: r.choice(n, stage_ids)))["phases"]


@cache
def emotion_taxonomy() -> tuple[EmotionLabel, ...]:
    """The ten emotion labels, ordered by their digit key 1..9, 0."""
    def build(entry: FieldReader) -> EmotionLabel:
        key = entry.string("key")
        if len(key) != 1 or not key.isdigit():
            entry.fail(entry.field("key"), f"must be one digit, got {key!r}")
        return EmotionLabel(key=key, id=entry.identifier("id"), title=entry.localized("title"),
                            valence=entry.integer("valence", -2, 2),
                            arousal=entry.choice("arousal", AROUSAL_LEVELS))

    labels = _read_file("emotions.toml", labels=build)["labels"]
    _unique_keys("emotions.toml", [(label.id, (label.key,)) for label in labels])
    return labels


def emotion_by_key(key: str) -> EmotionLabel | None:
    """The label bound to a digit key, or None."""
    return next((label for label in emotion_taxonomy() if label.key == key), None)


def emotion_by_id(label_id: str) -> EmotionLabel | None:
    return next((label for label in emotion_taxonomy() if label.id == label_id), None)


@cache
def note_kinds() -> tuple[NoteKind, ...]:
    """The kinds of a live note in display order; `keys` hold the Latin and Cyrillic key."""
    lane_ids = tuple(lane for lane, _ in cjm_lanes())

    def build(entry: FieldReader) -> NoteKind:
        keys = entry.strings("keys")
        if any(len(k) != 1 for k in keys):
            entry.fail(entry.field("keys"), "each key must be one character")
        return NoteKind(id=entry.identifier("id"), title=entry.localized("title"), keys=keys,
                        lane=entry.choice("lane", lane_ids),
                        extraction_kind=entry.choice("extraction_kind", EXTRACTION_KINDS,
                                                     required=False),
                        force=entry.choice("force", FORCES, required=False))

    kinds = _read_file("note_kinds.toml", kinds=build)["kinds"]
    _unique_keys("note_kinds.toml", [(kind.id, kind.keys) for kind in kinds])
    return kinds


def note_kind_by_key(key: str) -> NoteKind | None:
    """The note kind whose shortcut is `key` in either layout (case-insensitive), or None."""
    key = key.lower()
    return next((kind for kind in note_kinds() if key in kind.keys), None)


@cache
def _interview_vocabulary() -> dict[str, tuple[Term, ...]]:
    return _read_file("interview.toml", script_kinds=_term, prompt_kinds=_term,
                      placeholders=_term)


def script_kinds() -> tuple[Term, ...]:
    return _interview_vocabulary()["script_kinds"]


def prompt_kinds() -> tuple[Term, ...]:
    return _interview_vocabulary()["prompt_kinds"]


def placeholders() -> tuple[Term, ...]:
    """Placeholders a prompt may contain, e.g. {product}; `title` is shown when unfilled."""
    return _interview_vocabulary()["placeholders"]


def _unique_keys(name: str, bindings: list[tuple[str, tuple[str, ...]]]) -> None:
    owner: dict[str, str] = {}
    for item_id, keys in bindings:
        for key in keys:
            if key in owner:
                path = paths.corpora_dir() / "taxonomy" / name
                raise InputFileError(path, f"key {key!r} is bound to both {owner[key]!r} and {item_id!r}")
            owner[key] = item_id
