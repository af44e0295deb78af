"""Grouping similar phrases: exact lemma keys first, then rapidfuzz similarity within blocks.

All-pairs comparison is quadratic; instead each distinct key is blocked on its rarest lemma
tokens, and is compared only with the group leaders that share a block with it. Two phrases that
read alike share most tokens, so they share a rare one too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

DEFAULT_THRESHOLD = 80.0
#: how many of a key's rarest tokens it is blocked on
BLOCK_TOKENS = 2
#: blocks bigger than this come from tokens too common to tell phrases apart
MAX_BLOCK = 1500
MIN_TOKEN_CHARS = 3


def normal_key(key: str) -> str:
    """Lemma tokens sorted: word order does not make two phrases different."""
    return " ".join(sorted(key.split()))


def group_keys(keys: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Indices of `keys` (lemma strings) grouped by similarity ≥ threshold (0–100), biggest first.

    Leader clustering: distinct keys, most frequent first, each join the most similar leader
    among those sharing a block with it, or lead a group of their own. Unlike single linkage,
    a group cannot drift by chaining: every member is close to its leader.
    """
    if not 0 < threshold <= 100:
        raise ValueError("threshold must be in (0, 100]")
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        by_key[normal_key(key)].append(i)
    distinct = sorted(by_key, key=lambda k: (-len(by_key[k]), by_key[k][0]))
    leader_of = _leaders(distinct, threshold) if threshold < 100 else list(range(len(distinct)))
    groups: dict[int, list[int]] = defaultdict(list)
    for d, key in enumerate(distinct):
        groups[leader_of[d]] += by_key[key]
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def _leaders(distinct: Sequence[str], threshold: float) -> list[int]:
    from rapidfuzz import fuzz, process

    tokens = [[t for t in set(k.split()) if len(t) >= MIN_TOKEN_CHARS] for k in distinct]
    df = Counter(t for toks in tokens for t in toks)
    blocks: dict[str, list[int]] = defaultdict(list)  # token -> leaders blocked on it
    leader_of: list[int] = []
    for d, toks in enumerate(tokens):
        rare = sorted(toks, key=lambda t: (df[t], t))[:BLOCK_TOKENS]
        candidates = sorted({lead for t in rare if len(blocks[t]) <= MAX_BLOCK for lead in blocks[t]})
        best = process.extractOne(distinct[d], [distinct[c] for c in candidates], scorer=fuzz.ratio,
                                  score_cutoff=threshold) if candidates else None
        if best is not None:
            leader_of.append(candidates[best[2]])
            continue
        leader_of.append(d)
        for t in rare:
            blocks[t].append(d)
    return leader_of
