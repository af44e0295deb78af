"""Is the engine of this checkout faster than at an earlier commit? A paired, interleaved A/B.

    python benchmarks/ab_engine.py REV [--pairs 4] [--words 100000]

The shared machine drifts by 10 % and more within minutes, more than most single changes gain,
and the ratio against the tokenizer drifts with it (the analysis is bound by memory, the
tokenizer much less). Two runs of `run.py` an hour apart cannot tell a 5 % gain from the
weather. This script checks REV out in a git worktree under `build/` and compiles its engine
(`scripts/build_native.py` of that commit), then times the two engines in turns, each in a fresh
process, on the same Russian paragraphs as bench_nlp's main rows, with every component's calls
timed inside `extract_many` (as bench_nlp's "share of" rows). The order alternates from pair to
pair. It prints the median µs/word of each part for both sides and the median of the per-pair
ratios of the whole.

Not run by `run.py`: it needs the git history, and its figure belongs in a change's note, not
in RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child(src: str, n_words: int, rounds: int) -> dict[str, float]:
    """µs/word of each component and of the whole, the engine imported from `src`."""
    sys.path.insert(0, src)
    import jtbd_studio
    from benchmarks.bench_nlp import component_seconds, real_paragraphs, sized, words_in
    from jtbd_studio.nlp import ENGINE

    if not Path(jtbd_studio.__file__).resolve().is_relative_to(Path(src).resolve()):
        raise SystemExit(f"ab_engine: jtbd_studio came from {jtbd_studio.__file__}, not {src}")
    if not ENGINE.startswith("compiled"):
        raise SystemExit(f"ab_engine: the engine under {src} is not compiled ({ENGINE})")
    texts = sized(real_paragraphs(), n_words)
    words = words_in(texts)
    passes = component_seconds(texts, rounds)
    return {name: statistics.median(p[name] for p in passes) / words * 1e6 for name in passes[0]}


def worktree(rev: str) -> Path:
    """REV checked out under build/ with its engine compiled (made once, reused)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True, text=True
    )
    if commit.returncode:
        raise SystemExit(f"ab_engine: {rev!r} is not a commit of this repository")
    sha = commit.stdout.strip()
    path = ROOT / "build" / f"ab-{sha[:12]}"
    if not path.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), sha], cwd=ROOT, check=True,
                       capture_output=True)
    built = subprocess.run([sys.executable, "scripts/build_native.py"], cwd=path, capture_output=True, text=True)
    if built.returncode:
        raise SystemExit(f"ab_engine: building {sha[:12]}'s engine failed:\n{built.stderr[-2000:]}")
    return path


def measure(src: Path, n_words: int, rounds: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(src), "--words", str(n_words), "--rounds", str(rounds)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if out.returncode:
        raise SystemExit(f"ab_engine: the timing run under {src} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", nargs="?", help="the commit to compare this checkout with")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed passes per process")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.words, args.rounds)))
        return 0
    if not args.rev:
        parser.error("give the commit to compare with (e.g. HEAD~3)")
    sides = {"this checkout": ROOT / "src", args.rev: worktree(args.rev) / "src"}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    for pair in range(args.pairs):
        order = list(sides) if pair % 2 == 0 else list(reversed(sides))
        for name in order:
            runs[name].append(measure(sides[name], args.words, args.rounds))
        print(f"pair {pair + 1}: " + ", ".join(f"{name} {runs[name][-1]['whole']:.2f}" for name in sides)
              + " µs/word", flush=True)
    new, old = (runs[name] for name in sides)
    print(f"\n{'part':28s} {'this checkout':>14s} {args.rev:>14s}   µs/word, medians of {args.pairs} processes")
    for part in new[0]:
        print(f"{part:28s} {statistics.median(r[part] for r in new):14.2f} "
              f"{statistics.median(r[part] for r in old):14.2f}")
    ratios = [b["whole"] / a["whole"] for a, b in zip(new, old, strict=True)]
    print(f"\nthis checkout is {statistics.median(ratios):.3f}x as fast as {args.rev} (median of per-pair "
          f"ratios; range {min(ratios):.3f}-{max(ratios):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
