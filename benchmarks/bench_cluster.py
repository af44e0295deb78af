"""Glossary clustering: 20 000 phrases grouped (blocked leader clustering) vs all-pairs cdist.

Phrases are runs of 3–8 consecutive words cut from the synthetic corpus (benchmarks/corpus.py),
keyed by their lemmas as the library keys them. The baseline is `rapidfuzz.process.cdist` over
all pairs with the same scorer, single-threaded like ours, uint8 scores; a 20 000 × 20 000
matrix is 400 M cells, so it is timed on a 4 000-phrase sample and scaled by (20 000 / 4 000)²
(cdist's work is exactly proportional to the number of pairs). Ours is timed on all 20 000.
"""

from __future__ import annotations

import random
import time
from typing import Any

from benchmarks._util import row

N_PHRASES = 20_000
SAMPLE = 4_000


def phrases(n: int, seed: int = 5) -> list[str]:
    from benchmarks.corpus import corpus_text

    words = corpus_text(n * 6, lang="ru", seed=seed).split() + corpus_text(n * 6, lang="en", seed=seed).split()
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        size = rng.randint(3, 8)
        start = rng.randrange(0, len(words) - size)
        out.append(" ".join(words[start : start + size]))
    return out


def keys_of(texts: list[str]) -> list[str]:
    from jtbd_studio.nlp import lemma_text

    return [lemma_text(t).replace("ё", "е") for t in texts]


def _ours(keys: list[str]) -> tuple[float, int]:
    from jtbd_studio.library.grouping import DEFAULT_THRESHOLD, group_keys

    times, groups = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        groups = len(group_keys(keys, DEFAULT_THRESHOLD))
        times.append(time.perf_counter() - t0)
    return sorted(times)[1], groups


def _cdist(keys: list[str]) -> float:
    import numpy as np
    from rapidfuzz import fuzz, process

    from jtbd_studio.library.grouping import DEFAULT_THRESHOLD, normal_key

    sample = [normal_key(k) for k in keys[:SAMPLE]]
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        process.cdist(sample, sample, scorer=fuzz.ratio, score_cutoff=DEFAULT_THRESHOLD, dtype=np.uint8,
                      workers=1)
        times.append(time.perf_counter() - t0)
    return sorted(times)[1] * (len(keys) / SAMPLE) ** 2


def run(quick: bool) -> list[dict[str, Any]]:
    n = N_PHRASES
    keys = keys_of(phrases(n))
    ours, groups = _ours(keys)
    baseline = _cdist(keys)
    return [row(
        f"glossary clustering, {n} phrases", f"{ours:.2f} s", f"all-pairs cdist ≈ {baseline:.1f} s",
        ours / baseline,
        f"budget ≤ 10 s; {groups} groups, threshold 80; cdist timed on {SAMPLE} phrases × "
        f"({n}/{SAMPLE})², single thread, uint8; medians of 3",
    )]


if __name__ == "__main__":
    for r in run(quick=True):
        print(r)
