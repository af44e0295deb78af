"""How far two careful readers agree on friction and feeling, against the dev gold set and the engine.

    python benchmarks/agreement.py          the table
    python benchmarks/agreement.py --json   the same rows as JSON

`tests/data/eval_agreement/` holds two independent annotations (A and B) per language of the same
200 documents of the dev set (`tests/data/eval/<lang>_dev.jsonl`, drawn at random among those
labelled for friction); each annotator read only GUIDELINES.md and the texts (its README says who
they were). Each pair of labellings is scored the way `eval_quality.py` scores the engine:
friction F1 over spans matched one-to-one by overlap (symmetric: swapping the two sides swaps P
and R), with a 95% interval from resampling the documents; and the share of documents whose
valence sign the two agree on, over the documents where the second one is not 0 (the engine's
"emotion sign acc"), and over all documents (with Cohen's kappa over -, 0, +).

What it tells: the F1 the engine is asked for (0.80 against the gold) next to the F1 a second
person reaches against the same gold following the same guidelines.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_quality import Span, document_sign, engine, greedy_matches, spans_of

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FOLDER = DATA / "eval_agreement"
LANGS = ("en", "ru")
#: one labelling: doc id -> (friction spans, valence sign)
Labels = dict[str, tuple[list[Span], int]]


def _sign(value: float | None) -> int:
    return 0 if not value else (1 if value > 0 else -1)


def gold(lang: str, ids: list[str]) -> Labels:
    wanted = set(ids)
    found: Labels = {}
    for line in (DATA / "eval" / f"{lang}_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and (rec := json.loads(line))["id"] in wanted:
            found[rec["id"]] = (
                [Span(s["start"], s["end"]) for s in rec["friction"]], _sign(rec.get("valence"))
            )
    return found


def texts(lang: str) -> dict[str, str]:
    return {
        rec["id"]: rec["text"]
        for line in (DATA / "eval" / f"{lang}_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip() and (rec := json.loads(line))
    }


def annotation(path: Path, text_of: dict[str, str]) -> Labels:
    """One annotator's file; a span whose text is not the document's at its offsets is an error."""
    found: Labels = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        text = text_of[rec["id"]]
        spans = []
        for s in rec["friction"]:
            if text[s["start"] : s["end"]] != s["text"]:
                raise SystemExit(f"{path.name}:{n}: span {s['text']!r} is not at {s['start']}..{s['end']}")
            spans.append(Span(s["start"], s["end"]))
        found[rec["id"]] = (spans, _sign(rec["valence"]))
    return found


def by_engine(lang: str, ids: list[str], text_of: dict[str, str]) -> Labels:
    """The engine's labels, as eval_quality.py gets them (with the dev set's competitor list)."""
    extract, load_competitors = engine()
    listed = DATA / "eval" / f"competitors_{lang}.txt"
    competitors = load_competitors(listed) if listed.exists() else None
    found: Labels = {}
    for doc_id in ids:
        items = list(extract(text_of[doc_id], lang=lang, competitors=competitors))
        found[doc_id] = (spans_of(items, "friction"), document_sign(items))
    return found


def compare(pred: Labels, truth: Labels) -> dict[str, Any]:
    counts = {  # per document: matched spans, predicted, reference
        doc_id: (len(greedy_matches(pred[doc_id][0], spans)), len(pred[doc_id][0]), len(spans))
        for doc_id, (spans, _) in truth.items()
    }
    tp, n_pred, n_truth = (sum(c[k] for c in counts.values()) for k in range(3))
    precision, recall = tp / max(1, n_pred), tp / max(1, n_truth)
    low, high = _f1_interval(list(counts.values()))
    signed = [doc_id for doc_id, (_, sign) in truth.items() if sign]
    pairs = [(pred[doc_id][1], truth[doc_id][1]) for doc_id in truth]
    return {
        "friction P": round(precision, 3), "friction R": round(recall, 3),
        "friction F1": round(_f1(tp, n_pred, n_truth), 3), "F1 95% CI": f"{low:.2f}-{high:.2f}",
        "spans": f"{n_pred}/{n_truth}",
        "sign acc": round(sum(pred[i][1] == truth[i][1] for i in signed) / max(1, len(signed)), 3),
        "sign agree all": round(sum(a == b for a, b in pairs) / max(1, len(pairs)), 3),
        "kappa": round(_kappa(pairs), 3),
    }


def _f1(tp: int, n_pred: int, n_truth: int) -> float:
    precision, recall = tp / max(1, n_pred), tp / max(1, n_truth)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


#: bootstrap resamples of the documents for the F1 interval (a fixed seed: the same table each run)
RESAMPLES = 2000


def _f1_interval(counts: list[tuple[int, int, int]]) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of friction F1 over documents resampled with replacement."""
    rng = random.Random(5)
    n = len(counts)
    scores = sorted(
        _f1(*(sum(c[k] for c in picked) for k in range(3)))
        for picked in ([counts[rng.randrange(n)] for _ in range(n)] for _ in range(RESAMPLES))
    )
    return scores[int(0.025 * RESAMPLES)], scores[int(0.975 * RESAMPLES) - 1]


def _kappa(pairs: list[tuple[int, int]]) -> float:
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in (-1, 0, 1)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def rows() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for lang in LANGS:
        text_of = texts(lang)
        a = annotation(FOLDER / f"{lang}_A.jsonl", text_of)
        b = annotation(FOLDER / f"{lang}_B.jsonl", text_of)
        ids = list(a)
        if set(b) != set(ids):
            raise SystemExit(f"{lang}_A.jsonl and {lang}_B.jsonl label different documents")
        truth = gold(lang, ids)
        machine = by_engine(lang, ids, text_of)
        for name, pred, against in (
            ("annotator A vs gold", a, truth), ("annotator B vs gold", b, truth),
            ("annotator A vs annotator B", a, b), ("engine vs gold", machine, truth),
            ("engine vs annotator A", machine, a), ("engine vs annotator B", machine, b),
        ):
            found.append({"lang": lang, "pair": name, "docs": len(ids), **compare(pred, against)})
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args()
    table = rows()
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=1))
        return 0
    columns = ["lang", "pair", "docs", "spans", "friction P", "friction R", "friction F1", "F1 95% CI", "sign acc",
               "sign agree all", "kappa"]
    print(" | ".join(columns))
    for row in table:
        print(" | ".join(str(row[c]) for c in columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
