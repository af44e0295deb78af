"""Small shared helpers for benchmarks: timing, percentiles, machine description."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def median_time(fn: Callable[[], Any], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def machine() -> str:
    return f"{platform.machine()} {os.cpu_count()} cpu, Python {platform.python_version()}"


def row(what: str, figure: str, baseline: str, ratio: float | str, note: str = "") -> dict[str, Any]:
    return {"what": what, "figure": figure, "baseline": baseline,
            "ratio": ratio if isinstance(ratio, str) else f"{ratio:.2f}", "note": note}
