"""The layers stay clean: the core never imports the shells; the CLI's help never imports spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jtbd_studio

CORE = ["store", "store.db", "store.tables", "store.fts", "services.studies", "services.interviews",
        "services.exchange", "services.imports", "errors", "paths", "export.study_json"]
PKG = Path(jtbd_studio.__file__).parent


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_core_never_imports_ui_toolkits():
    imports = "\n".join(f"import jtbd_studio.{m}" for m in CORE)
    loaded = _modules_after(imports)
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "click", "rich"}}
    assert "spacy" not in loaded


def test_help_does_not_import_spacy_or_textual():
    loaded = _modules_after("from jtbd_studio.cli import app\ntry:\n    app.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass")
    assert "spacy" not in loaded and "textual" not in loaded


def test_no_core_module_mentions_textual_or_click():
    """A static check too, so a lazy import inside a function cannot slip through."""
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).parts
        if rel[0] in {"cli", "tui"}:
            continue
        text = path.read_text(encoding="utf-8")
        for word in ("import textual", "from textual", "import click", "from click", "from rich", "import rich"):
            if word in text:
                offenders.append(f"{path.relative_to(PKG)}: {word}")
    assert offenders == []


def test_import_linter_contracts():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=PKG.parent.parent)
    assert result.returncode == 0, result.stdout[-2000:]
