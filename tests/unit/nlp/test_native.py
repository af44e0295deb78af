"""The mypyc build of the engine (scripts/build_native.py): used only while it matches the
sources, and saying exactly what the Python modules say."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import jtbd_studio.nlp as engine

PACKAGE = Path(engine.__file__).resolve().parent.parent  # src/jtbd_studio
DATA = Path(__file__).resolve().parents[2] / "data"
COMPILED = engine.ENGINE.startswith("compiled")
REQUIRED = bool(os.environ.get("JTBD_STUDIO_REQUIRE_NATIVE"))
needs_build = pytest.mark.skipif(
    not COMPILED and not REQUIRED, reason=f"no current native build here: {engine.ENGINE}"
)

_REPORT = """
import jtbd_studio.nlp as engine
from jtbd_studio.nlp import cues
print(engine.ENGINE)
print(cues.__file__)
"""

_EXTRACT = """
import json, sys
from jtbd_studio.nlp import ENGINE, extract_many
items = [(json.loads(line)["text"], json.loads(line)["lang"]) for path in sys.argv[1:]
         for line in open(path, encoding="utf-8") if line.strip()]
print(ENGINE)
for found in extract_many(items):
    print(json.dumps([[f.kind, f.start, f.end, f.text, f.key, f.label, f.score, f.valence]
                      for f in found], ensure_ascii=False))
"""


def run(code: str, *args: str, pure: bool = False, path: Path | None = None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "JTBD_STUDIO_PURE"}
    if pure:
        env["JTBD_STUDIO_PURE"] = "1"
    if path is not None:
        env["PYTHONPATH"] = str(path)
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.splitlines()


def test_ci_runs_the_compiled_engine() -> None:
    if not REQUIRED:
        pytest.skip("JTBD_STUDIO_REQUIRE_NATIVE is not set")
    assert COMPILED, engine.ENGINE
    mode, cues_file = run(_REPORT)
    assert mode == "compiled (mypyc)"
    assert not cues_file.endswith(".py")


@needs_build
def test_the_build_and_the_python_modules_find_the_same_on_the_gold_sets() -> None:
    files = [str(DATA / "eval" / "ru_dev.jsonl"), str(DATA / "eval" / "en_dev.jsonl"),
             str(DATA / "eval_fresh" / "ru_fresh.jsonl"), str(DATA / "eval_fresh" / "en_fresh.jsonl")]
    native, pure = run(_EXTRACT, *files), run(_EXTRACT, *files, pure=True)
    assert native[0] == "compiled (mypyc)"
    assert pure[0].startswith("pure Python")
    assert len(native) > 800
    assert sum(line != "[]" for line in native) > 400  # most documents yield something
    assert native[1:] == pure[1:]


@needs_build
def test_a_module_edited_after_the_build_sends_the_engine_back_to_python(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "jtbd_studio"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    mode, cues_file = run(_REPORT, path=copy.parent)
    assert mode == "compiled (mypyc)"
    assert cues_file.startswith(str(copy)) and not cues_file.endswith(".py")

    churn = copy / "nlp" / "churn.py"
    churn.write_text(churn.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    mode, cues_file = run(_REPORT, path=copy.parent)
    assert mode == "pure Python (churn.py changed since the native build)"
    assert cues_file == str(copy / "nlp" / "cues.py")

    (copy / "nlp" / "jobs.py").unlink()  # a module gone since the build counts as changed
    mode, _ = run(_REPORT, path=copy.parent)
    assert mode == "pure Python (churn.py, jobs.py changed since the native build)"


@needs_build
def test_a_build_for_another_python_is_not_loaded(tmp_path: Path) -> None:
    copy = tmp_path / "src" / "jtbd_studio"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    stamp = copy / "nlp" / "_native" / "stamp.json"
    built = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps({**built, "ext_suffix": ".cpython-399-x86_64-linux-gnu.so"}))
    mode, cues_file = run(_REPORT, path=copy.parent)
    assert mode == "pure Python (the native build is for another Python)"
    assert cues_file.endswith(".py")


def test_jtbd_studio_pure_forces_the_python_modules() -> None:
    mode, cues_file = run(_REPORT, pure=True)
    assert mode == "pure Python (JTBD_STUDIO_PURE is set)"
    assert cues_file.endswith("cues.py")
