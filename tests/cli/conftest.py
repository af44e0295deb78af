"""CLI helpers: run the real `jtbd-studio` console script in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("jtbd-studio")


@pytest.fixture
def cli():
    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None, check: bool = False):
        full_env = {**os.environ, **(env or {})}
        result = subprocess.run([str(EXE), *args], capture_output=True, text=True, input=input, env=full_env, timeout=300)
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}: {result.stderr}")
        return result

    return run


def assert_one_line_error(result, *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
