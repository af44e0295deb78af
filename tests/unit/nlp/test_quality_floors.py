"""The dev gold set is well-formed, and the extraction engine meets the floors of issue 5 on it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "eval"


def _scorer() -> Any:
    # benchmarks/ is not on sys.path under pytest's default import mode; load the file itself
    spec = importlib.util.spec_from_file_location("eval_quality", ROOT / "benchmarks" / "eval_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_quality"] = module
    spec.loader.exec_module(module)
    return module


EQ = _scorer()


def _records(name: str, folder: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _list_names(lang: str) -> set[str]:
    names = set()
    for line in (GOLD / f"competitors_{lang}.txt").read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("|")]
        assert line.strip() and all(parts), f"competitors_{lang}.txt: malformed line {line!r}"
        names.add(parts[0])
    return names


@pytest.mark.parametrize("name", sorted(p.name for p in GOLD.glob("*.jsonl")))
def test_gold_file_is_valid(name):
    for lineno, rec in enumerate(_records(name), 1):
        assert EQ.record_problems(rec) == [], f"{name}:{lineno}"
        for kind in ("competitors", "organizations"):
            for sp in rec.get(kind, []):
                assert rec["text"][sp["start"]:sp["end"]] == sp["name"], f"{name}:{lineno}"


FRESH = ROOT / "tests" / "data" / "eval_fresh"


@pytest.mark.parametrize("name", sorted(p.name for p in FRESH.glob("*.jsonl")))
def test_fresh_set_is_valid_and_shares_no_text_with_the_dev_set(name):
    """The fresh set is text the rules were not written on: no 30-character stretch of it may
    come from a dev document (whose errors shaped the rules)."""
    dev = "\n".join(rec["text"] for dev_name in ("en_dev.jsonl", "ru_dev.jsonl")
                    for rec in _records(dev_name))
    docs = _records(name, FRESH)
    assert len(docs) >= 100
    for lineno, rec in enumerate(docs, 1):
        assert EQ.record_problems(rec) == [], f"{name}:{lineno}"
        assert set(rec) <= {"id", "lang", "source", "text", "friction", "valence"}
        text = rec["text"]
        shared = [text[i:i + 30] for i in range(0, max(1, len(text) - 29), 10) if text[i:i + 30] in dev]
        assert not shared, f"{name}:{lineno} repeats dev text {shared[0]!r}"


TUNE = ROOT / "tests" / "data" / "eval_tune"


def test_tune_set_shares_no_text_with_the_dev_or_fresh_set():
    """The second tune set is read for errors: it must hold no text of the sets that are not
    (the dev set's check half, the fresh set), nor of the dev set at all."""
    held = "\n".join(rec["text"] for path in (*GOLD.glob("*_dev.jsonl"), *FRESH.glob("*.jsonl"))
                     for rec in _records(path.name, path.parent))
    docs = EQ.load_gold(TUNE)
    assert len(docs) >= 100
    for doc in docs:
        text = doc.text
        shared = [text[i:i + 30] for i in range(0, max(1, len(text) - 29), 5) if text[i:i + 30] in held]
        assert not shared, f"{doc.id} repeats held text {shared[0]!r}"


AGREEMENT = ROOT / "tests" / "data" / "eval_agreement"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_agreement_labels_are_dev_documents_with_exact_spans(lang):
    """The second readers' labels (benchmarks/agreement.py) cover the same dev documents, once
    each, with spans whose text is the document's at their offsets and valence in -2..+2."""
    texts = {rec["id"]: rec["text"] for rec in _records(f"{lang}_dev.jsonl")}
    labelled = []
    for who in "AB":
        recs = _records(f"{lang}_{who}.jsonl", AGREEMENT)
        ids = [rec["id"] for rec in recs]
        assert len(ids) == len(set(ids)) == 200, f"{lang}_{who}.jsonl"
        for rec in recs:
            assert set(rec) == {"id", "friction", "valence"} and rec["valence"] in (-2, -1, 0, 1, 2)
            for sp in rec["friction"]:
                assert 0 <= sp["start"] < sp["end"], f"{lang}_{who}.jsonl {rec['id']}"
                assert texts[rec["id"]][sp["start"]:sp["end"]] == sp["text"], f"{lang}_{who}.jsonl {rec['id']}"
        labelled.append(set(ids))
    assert labelled[0] == labelled[1]


def test_gold_ids_unique_and_loadable():
    docs = EQ.load_gold(GOLD)
    assert len({d.id for d in docs}) == len(docs)
    assert {d.file for d in docs} == {p.name for p in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_dev_set_has_150_documents_per_language_with_every_kind(lang):
    recs = _records(f"{lang}_dev.jsonl")
    assert len(recs) >= 150
    assert all(rec["lang"] == lang for rec in recs)
    for kind in ("friction", "organizations"):
        assert sum(len(rec[kind]) for rec in recs) >= 20, kind
    assert sum(1 for rec in recs if rec["valence"]) >= 40


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_gold_competitor_labels_are_on_the_study_list(lang):
    listed = _list_names(lang)
    labels = {sp["label"] for path in sorted(GOLD.glob("*.jsonl")) for rec in _records(path.name)
              if rec["lang"] == lang for sp in rec.get("competitors", [])}
    assert labels and labels <= listed


def test_bad_gold_record_is_reported_with_file_and_line(tmp_path):
    good = {"id": "x-1", "lang": "en", "text": "We tried SHAP first.",
            "competitors": [{"start": 9, "end": 13, "name": "SHAP"}]}
    bad = {**good, "id": "x-2", "competitors": [{"start": 8, "end": 13, "name": "SHAP"}]}
    (tmp_path / "g.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(EQ.GoldSetError, match=r"g\.jsonl:2: competitors"):
        EQ.load_gold(tmp_path)


def test_overlap_matching_is_one_to_one():
    span = EQ.Span
    gold = [span(0, 5), span(10, 15)]
    assert EQ.greedy_matches([span(0, 15)], gold) == [(0, 0)]
    assert sorted(EQ.greedy_matches([span(4, 11), span(12, 13)], gold)) == [(0, 0), (1, 1)]
    assert EQ.greedy_matches([span(4, 14)], gold) == [(0, 1)]  # the larger overlap wins
    assert EQ.greedy_matches([span(5, 10)], gold) == []


def test_emotion_tally_counts_signs_given_to_neutral_documents():
    """Coverage has a cost the sign accuracy cannot show: a sign on a neutral document."""
    doc = EQ.GoldDoc
    tally = EQ.EmotionTally()
    fields = {"lang": "en", "text": "t", "spans": {}, "file": "f.jsonl"}
    tally.add(doc(id="a", valence=1, **fields), 1)
    tally.add_neutral(doc(id="b", valence=0, **fields), 0)
    tally.add_neutral(doc(id="c", valence=0, **fields), -1)
    (row,) = EQ.result_rows({("emotion sign", "en"): tally})
    assert (row["acc"], row["neutral"], row["neutral_signed"]) == (1.0, 2, 0.5)
    assert [(what, d.id) for what, d, _ in tally.misses] == [("NEUTRAL", "c")]


@pytest.fixture(scope="module")
def quality_rows() -> list[dict[str, Any]]:
    rows, _ = EQ.evaluate(GOLD)
    return rows


def _floors(rows: list[dict[str, Any]], figure: str) -> list[tuple[str, dict[str, Any]]]:
    return [(r["lang"], f) for r in rows for f in r["floors"] if f["figure"] == figure]


# Floors of issue 5 not reached yet are strict xfails: they still run and are reported, and the
# day the engine meets one the XPASS fails the suite, so the marker must be removed then.
NOT_MET_YET = pytest.mark.xfail(strict=True, reason="issue 5 floor not met yet (see benchmarks/RESULTS.md)")


#: (figure, language) pairs below their floor today; see benchmarks/RESULTS.md and the issue note.
#: (English emotion is above it on the whole dev set again, 0.805, after the spoken-evaluation
#: lexicon; its check half alone is 0.714: the issue note says so.)
BELOW = {("friction F1", "en"), ("friction F1", "ru")}
FIGURES = ["competitor (list) P", "competitor (list) R", "discovery R", "friction F1",
           "emotion sign acc"]


@pytest.mark.slow  # runs the engine over ~1,400 documents twice (a few minutes on this machine)
@pytest.mark.parametrize(("figure", "lang"), [
    pytest.param(figure, lang, marks=[NOT_MET_YET] if (figure, lang) in BELOW else [])
    for figure in FIGURES for lang in ("en", "ru")
])
def test_engine_meets_issue_floor(quality_rows, figure, lang):
    held = [f for held_lang, f in _floors(quality_rows, figure) if held_lang == lang]
    if not held:
        assert any(_floors(quality_rows, figure)), f"no language has enough gold to hold {figure}"
        pytest.skip(f"too little {lang} gold to hold {figure}")
    below = [f"{lang}: {f['value']} < {f['floor']}" for f in held if not f["met"]]
    assert not below, f"{figure} below the floor: {'; '.join(below)}"
