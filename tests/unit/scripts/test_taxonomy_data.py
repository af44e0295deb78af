"""The vocabularies as data: emotions, note kinds with layout-proof keys, CJM stages and lanes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jtbd_studio import paths
from jtbd_studio.errors import InputFileError
from jtbd_studio.scripts import (
    cjm_frame_stage_ids,
    cjm_lanes,
    cjm_stages,
    emotion_by_id,
    emotion_by_key,
    emotion_taxonomy,
    jtbd_phases,
    note_kind_by_key,
    note_kinds,
    taxonomy,
)

# The Latin and Russian (ЙЦУКЕН) characters of the same physical keys, row by row.
QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,."
JCUKEN = "йцукенгшщзхъфывапролджэячсмитьбю"
SAME_KEY = dict(zip(QWERTY, JCUKEN, strict=True))


def test_ten_emotions_on_digit_keys_with_the_documented_valence() -> None:
    labels = emotion_taxonomy()
    assert [label.key for label in labels] == list("1234567890")
    assert {label.id: label.valence for label in labels} == {
        "delight": 2, "relief": 1, "confidence": 1, "interest": 1, "neutral": 0,
        "surprise": 0, "confusion": -1, "anxiety": -1, "frustration": -2, "disappointment": -1,
    }
    assert {label.arousal for label in labels} == {"low", "mid", "high"}
    assert all(label.title["ru"] and label.title["en"] for label in labels)
    assert emotion_by_key("9").id == "frustration"  # type: ignore[union-attr]
    assert emotion_by_key("x") is None
    assert emotion_by_id("relief").key == "2"  # type: ignore[union-attr]


def test_note_kinds_have_one_physical_key_in_both_layouts() -> None:
    kinds = note_kinds()
    assert [k.id for k in kinds] == ["note", "quote", "friction", "competitor", "push", "pull",
                                     "anxiety", "habit", "job", "churn_risk"]
    lanes = {lane for lane, _ in cjm_lanes()}
    for kind in kinds:
        latin, russian = kind.keys
        assert SAME_KEY[latin] == russian, kind.id
        assert kind.lane in lanes
        assert kind.title["ru"] and kind.title["en"]
    assert note_kind_by_key("Й").id == "quote"  # type: ignore[union-attr]
    assert note_kind_by_key("к").id == "churn_risk"  # type: ignore[union-attr]
    assert {k.force for k in kinds if k.force} == {"push", "pull", "anxiety", "habit"}


def test_cjm_stages_lanes_and_switch_phases() -> None:
    stage_ids = [stage_id for stage_id, _ in cjm_stages()]
    journey = [s for s in stage_ids if s not in cjm_frame_stage_ids()]
    assert journey == ["awareness", "search_evaluation", "purchase", "onboarding",
                       "usage_support", "renewal_or_churn"]
    assert stage_ids[0] == "context" and stage_ids[-1] == "reflection"
    assert len(cjm_lanes()) == 8
    assert jtbd_phases()[0].id == "first_thought"
    assert all(p.extra["cjm_stage"] in journey for p in jtbd_phases())


@pytest.fixture
def corpora_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    copy = tmp_path / "corpora"
    shutil.copytree(paths.corpora_dir(), copy)
    monkeypatch.setattr(paths, "corpora_dir", lambda: copy)
    caches = [taxonomy._cjm, taxonomy.emotion_taxonomy, taxonomy.note_kinds]
    for cached in caches:
        cached.cache_clear()
    yield copy
    for cached in caches:
        cached.cache_clear()


def test_a_broken_taxonomy_file_names_its_field(corpora_copy: Path) -> None:
    file = corpora_copy / "taxonomy" / "emotions.toml"
    file.write_text(file.read_text(encoding="utf-8").replace("valence = -2", "valence = -3"),
                    encoding="utf-8")
    with pytest.raises(InputFileError, match=r"emotions\.toml:\d+: labels\[8\]\.valence: must be"):
        emotion_taxonomy()


def test_a_key_bound_twice_is_refused(corpora_copy: Path) -> None:
    file = corpora_copy / "taxonomy" / "note_kinds.toml"
    file.write_text(file.read_text(encoding="utf-8").replace('["r", "к"]', '["q", "й"]'),
                    encoding="utf-8")
    with pytest.raises(InputFileError, match="bound to both 'quote' and 'churn_risk'"):
        note_kinds()


def test_a_new_language_in_a_taxonomy_needs_no_code(corpora_copy: Path) -> None:
    file = corpora_copy / "taxonomy" / "cjm.toml"
    text = file.read_text(encoding="utf-8").replace(
        'en = "Purchase" }', 'en = "Purchase", de = "Kauf" }')
    file.write_text(text, encoding="utf-8")
    assert dict(cjm_stages())["purchase"]["de"] == "Kauf"
