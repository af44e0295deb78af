"""ruff on the whole tree and mypy on the core are part of the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_ruff():
    result = subprocess.run([str(BIN / "ruff"), "check", "src", "tests", "benchmarks"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-4000:]


def test_mypy_core():
    core = ["src/jtbd_studio/store", "src/jtbd_studio/services", "src/jtbd_studio/errors.py",
            "src/jtbd_studio/paths.py", "src/jtbd_studio/export", "src/jtbd_studio/scripts",
            "src/jtbd_studio/importers", "src/jtbd_studio/nlp", "src/jtbd_studio/library"]
    present = [p for p in core if (ROOT / p).exists()]
    result = subprocess.run([str(BIN / "mypy"), "--no-error-summary", *present], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-4000:]
