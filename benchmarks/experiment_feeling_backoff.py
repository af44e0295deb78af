"""Experiment: would negative feelings the engine finds make good friction where no cue fired?

    python benchmarks/experiment_feeling_backoff.py

Not part of the engine, not run by `benchmarks/run.py`: it records why friction does not back off
to emotion. For every labelled set it scores friction F1 (overlap, as eval_quality.py) three
ways: the engine's friction spans; those plus every negative emotion span (valence <= -1) that
overlaps none of them; those plus only the strongly negative ones (valence -2).

Found (2026-11-29): adding every negative feeling lowers friction F1 on 29 of the 34 set and
language pairs (raises 3; dev check ru 0.484 -> 0.466); adding only valence -2 lowers 8 and raises
2. A feeling is not a barrier stated, so friction does not back off to emotion.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_quality import Span, greedy_matches
from benchmarks.experiment_clause_filter import sets

MODES = (("rules", None), ("+ feelings <= -1", -1), ("+ feelings -2", -2))


def main() -> int:
    from jtbd_studio.nlp import extract

    print(f"{'set':22s} {'lang':4s} " + " | ".join(name for name, _ in MODES))
    readable, unread = sets(dev_tune=False)
    for name, docs in {**readable, **unread}.items():
        for lang in ("en", "ru"):
            counts = {mode: [0, 0, 0] for mode, _ in MODES}  # matched, predicted, gold
            mine = [d for d in docs if d.lang == lang]
            for doc in mine:
                found = extract(doc.text, lang=lang)
                friction = [Span(f.start, f.end) for f in found if f.kind == "friction"]
                feelings = [f for f in found if f.kind == "emotion" and (f.valence or 0) < 0]
                for mode, limit in MODES:
                    predicted = list(friction)
                    for f in feelings if limit is not None else ():
                        if f.valence <= limit and not any(p.start < f.end and f.start < p.end for p in predicted):
                            predicted.append(Span(f.start, f.end))
                    gold = doc.spans["friction"]
                    tally = counts[mode]
                    tally[0] += len(greedy_matches(predicted, gold))
                    tally[1] += len(predicted)
                    tally[2] += len(gold)
            if mine:
                print(f"{name:22s} {lang:4s} " + "  ".join(f"{_f1(*counts[mode]):.3f}" for mode, _ in MODES))
    return 0


def _f1(matched: int, predicted: int, gold: int) -> float:
    precision, recall = matched / max(1, predicted), matched / max(1, gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
