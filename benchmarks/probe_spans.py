"""Friction on the probe rounds with span-level gold (tests/data/probe/friction_spans_*.txt).

    python benchmarks/probe_spans.py            every round, both languages
    python benchmarks/probe_spans.py --errors   and each turn the engine gets wrong

Each round is a set of interview turns written and labelled by a separate annotator who read only
GUIDELINES.md. A line is `+ <turn> || <clause> || …` or `- <turn>`; a round starts at a comment
line naming it ("# round 93 …", «# раунд 93 …»). Friction spans are matched to the clauses by
overlap, one to one (`eval_quality.greedy_matches`), and scored as precision, recall and F1.
To score the engine of another commit, put its sources first on the path:
`git worktree add /tmp/old <rev>` then `PYTHONPATH=/tmp/old/src JTBD_STUDIO_PURE=1 python
benchmarks/probe_spans.py`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_quality import Span, greedy_matches

PROBES = Path(__file__).resolve().parent.parent / "tests" / "data" / "probe"
ROUND = re.compile(r"^#\s*(?:round|раунд)\s+(\d+)", re.IGNORECASE)
Turn = tuple[str, list[Span]]


def rounds(lang: str) -> dict[str, list[Turn]]:
    """The turns of each round of the language's file, with their gold clauses as spans."""
    found: dict[str, list[Turn]] = {}
    current: list[Turn] | None = None
    path = PROBES / f"friction_spans_{lang}.txt"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        named = ROUND.match(line)
        if named:
            current = found.setdefault(named.group(1), [])
        elif line[:2] in ("+ ", "- ") and current is not None:
            turn, *clauses = line[2:].split(" || ")
            gold = []
            for clause in clauses:
                start = turn.find(clause)
                if start < 0 or (line[0] == "-"):
                    raise SystemExit(f"{path}:{number}: a clause that is not in its turn, or on a '-' line")
                gold.append(Span(start, start + len(clause), None))
            current.append((turn, gold))
    return found


def score(turns: list[Turn], lang: str, errors: bool) -> tuple[int, int, int]:
    """(matched, predicted, gold) over the turns; with `errors`, print each turn gone wrong."""
    from jtbd_studio.nlp import extract_many

    matched = predicted = wanted = 0
    for (turn, gold), found in zip(turns, extract_many([(turn, lang) for turn, _ in turns]), strict=True):
        spans = [Span(f.start, f.end, None) for f in found if f.kind == "friction"]
        pairs = greedy_matches(spans, gold)
        matched += len(pairs)
        predicted += len(spans)
        wanted += len(gold)
        if errors and not (len(pairs) == len(spans) == len(gold)):
            print(f"  {turn}\n    gold: {[turn[s.start:s.end] for s in gold]}\n    ours: {[turn[s.start:s.end] for s in spans]}")
    return matched, predicted, wanted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the turns the engine gets wrong")
    args = parser.parse_args()
    print(f"{'lang':4s} {'round':>5s} {'turns':>5s} {'gold':>5s} {'pred':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for lang in ("en", "ru"):
        for name, turns in rounds(lang).items():
            matched, predicted, wanted = score(turns, lang, args.errors)
            p = matched / predicted if predicted else 0.0
            r = matched / wanted if wanted else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{lang:4s} {name:>5s} {len(turns):5d} {wanted:5d} {predicted:5d} {p:6.3f} {r:6.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
