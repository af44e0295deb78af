"""Compile the extraction engine (`jtbd_studio.nlp`) to C with mypyc, beside the sources.

    python scripts/build_native.py [--force]

The modules are the same typed Python: mypyc turns them into one C extension, so the loops of
the matchers, clause splitting and negation run without the interpreter's dispatch. The result
goes to `src/jtbd_studio/nlp/_native/` (not in git) with a stamp of every source's SHA-256;
`jtbd_studio.nlp` loads it only while each source still matches its stamp, and falls back to
the Python modules otherwise (an edited file, another Python, `JTBD_STUDIO_PURE=1`), so a stale
build can slow the engine down but never change what it says.

Without a C compiler or mypyc the build is skipped with one line and exit status 0: the engine
then runs as pure Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NLP = ROOT / "src" / "jtbd_studio" / "nlp"
NATIVE = NLP / "_native"
STAMP = NATIVE / "stamp.json"
#: the name of the shared library (`<GROUP>__mypyc`), imported from `_native` at the top level
GROUP = "jtbd_studio_nlp"


def sources() -> list[Path]:
    """The modules compiled: every module of the package but its `__init__` (which loads the
    build and must stay importable without it)."""
    return sorted(p for p in NLP.glob("*.py") if p.name != "__init__.py")


def digests(paths: list[Path]) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def up_to_date(paths: list[Path]) -> bool:
    try:
        built = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return built.get("ext_suffix") == sysconfig.get_config_var("EXT_SUFFIX") and built.get(
        "sources"
    ) == digests(paths)


def build() -> int:
    paths = sources()
    if "--force" not in sys.argv and up_to_date(paths):
        STAMP.touch()  # newer than the sources again, for make
        print("native build: up to date")
        return 0
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        print(f"native build skipped ({exc.name} is not installed); the engine runs as pure Python")
        return 0
    started = time.perf_counter()
    before = digests(paths)
    with tempfile.TemporaryDirectory(prefix="jtbd-native-") as tmp:
        work = Path(tmp)
        out = work / "lib"
        # mypyc reads the sources by their paths relative to the current folder (the package
        # layout), and writes its C files under `target_dir`
        cwd = Path.cwd()
        os.chdir(ROOT / "src")
        try:
            (work / "mypy.ini").write_text(
                "[mypy]\nignore_missing_imports = True\npython_version = 3.11\n"
                f"cache_dir = {ROOT / 'build' / 'mypyc-cache'}\n",  # not in src/ (build/ is ignored)
                encoding="utf-8",
            )
            modules = mypycify(
                ["--config-file", str(work / "mypy.ini"),
                 *[str(p.relative_to(ROOT / "src")) for p in paths]],
                opt_level="3",
                target_dir=str(work / "c"),
                group_name=GROUP,
            )
            setup(
                name="jtbd_studio_native",
                ext_modules=modules,
                script_name="build_native.py",
                script_args=["-q", "build_ext", "--build-lib", str(out),
                             "--build-temp", str(work / "tmp")],
            )
        except (Exception, SystemExit) as exc:  # a compiler error ends setup() with SystemExit
            print(f"native build failed ({str(exc).splitlines()[0] if str(exc) else exc!r}); "
                  "the engine runs as pure Python")
            return 0
        finally:
            os.chdir(cwd)
        if digests(paths) != before:
            print("native build discarded: a source changed while it was compiled")
            return 0
        shutil.rmtree(NATIVE, ignore_errors=True)
        shutil.copytree(out, NATIVE)
    STAMP.write_text(json.dumps({
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "group": GROUP,
        "sources": before,
    }, indent=1), encoding="utf-8")
    print(f"native build: {len(paths)} modules compiled in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(build())
