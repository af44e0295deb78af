"""Run every benchmark module (bench_*.py, eval_quality.py) and rewrite benchmarks/RESULTS.md.

    python benchmarks/run.py            all benchmarks, full sizes
    python benchmarks/run.py --quick    smaller sizes (a smoke run)
    python benchmarks/run.py --only store,search
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks._util import machine  # noqa: E402


def modules() -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if (HERE / "eval_quality.py").exists():
        names.append("eval_quality")
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", help="comma-separated module names without the bench_ prefix")
    ap.add_argument("--output", default=str(HERE / "RESULTS.md"))
    args = ap.parse_args(argv)
    wanted = {w.strip() for w in args.only.split(",")} if args.only else None
    rows: list[dict] = []
    failures: list[str] = []
    for name in modules():
        short = name.removeprefix("bench_")
        if wanted and short not in wanted and name not in wanted:
            continue
        print(f"== {name}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            mod = importlib.import_module(f"benchmarks.{name}")
            for r in mod.run(args.quick):
                rows.append({"module": short, **r})
                print(f"   {r['what']}: {r['figure']} vs {r['baseline']} -> {r['ratio']}", file=sys.stderr, flush=True)
        except Exception:  # a broken benchmark is reported, the others still run
            failures.append(f"{name}: {traceback.format_exc().strip().splitlines()[-1]}")
            traceback.print_exc()
        print(f"   ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    ran = {r["module"] for r in rows} | {f.split(":")[0].removeprefix("bench_") for f in failures}
    write_results(Path(args.output), kept_rows(Path(args.output), ran) + rows, failures, quick=args.quick)
    return 1 if failures else 0


def kept_rows(path: Path, ran: set[str]) -> list[dict]:
    """Rows of modules not run this time, kept from the previous RESULTS.md (with their dates)."""
    if not path.exists():
        return []
    keys = ["module", "what", "figure", "baseline", "ratio", "machine", "date", "note"]
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == len(keys) and line.startswith("| ") and cells[0] not in ("area", "---") and cells[0] not in ran:
            out.append(dict(zip(keys, cells, strict=True)))
    return out


def write_results(path: Path, rows: list[dict], failures: list[str], *, quick: bool) -> None:
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        "Written by `python benchmarks/run.py`" + (" --quick" if quick else "") + " (`make bench`). Every figure is",
        "a median of repeats, set beside a baseline measured in the same run on the same machine;",
        "the ratio is what the budget in DESIGN.md speaks of. The machine is shared and noisy.",
        "",
        f"last run: {machine()} · {when}",
        "",
        "| area | what | figure | baseline | ratio | machine | date | note |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        cells = [r["module"], r["what"], r["figure"], r["baseline"], r["ratio"], r.get("machine") or machine(),
                 r.get("date") or when[:10], r.get("note", "")]
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    if failures:
        lines += ["", "Failed modules:", ""] + [f"- {f}" for f in failures]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
