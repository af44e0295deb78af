"""`jtbd-studio script list|show` through the real command, in Russian and English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jtbd_studio import paths
from jtbd_studio.cli import app

KEYS = ("churn_exit", "cjm_walkthrough", "jtbd_switch", "key_client_checkin")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), prog_name="jtbd-studio")
    return result.exit_code, result.stdout, result.stderr


def test_list_in_english() -> None:
    code, out, err = run("script", "list", "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Key", "Title", "Stages", "Minutes", "Source"]
    rows = {line.split()[0]: line for line in lines[2:]}
    assert tuple(rows) == KEYS
    assert "Key-client check-in: NPS & CSI" in rows["key_client_checkin"]
    assert rows["churn_exit"].split()[-3:] == ["9", "45", "built-in"]
    assert err == ""


def test_list_in_russian_from_the_ui_language() -> None:
    code, out, _ = run("--ui-lang", "ru", "script", "list")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["Ключ", "Название"]
    assert "Интервью с ушедшим клиентом" in out


def test_show_in_both_languages() -> None:
    code, out, _ = run("script", "show", "key_client_checkin", "--lang", "ru")
    assert code == 0
    assert out.startswith("key_client_checkin — Встреча с ключевым клиентом")
    assert "1. Что нового  [opening · 4 мин · CJM: Контекст и ожидания]" in out
    assert "Цель: Понять, что изменилось" in out
    assert "Какие цели на [период] для вас сейчас главные?" in out
    code, out, _ = run("script", "show", "jtbd_switch", "--lang", "en")
    assert code == 0
    assert "2. The moment of purchase  [purchase_moment · 7 min · CJM: Purchase]" in out
    assert "   JTBD phase: Deciding" in out
    assert "   - [probe] Why at that moment, and not earlier or later?" in out


def test_show_a_users_file_by_path(tmp_path: Path) -> None:
    source = (paths.corpora_dir() / "scripts" / "churn_exit.toml").read_text(encoding="utf-8")
    file = tmp_path / "мой сценарий.toml"
    file.write_text(source.replace('key = "churn_exit"', 'key = "my_exit"'), encoding="utf-8")
    code, out, _ = run("script", "show", str(file), "--lang", "en")
    assert code == 0
    assert out.startswith("my_exit — Churn / exit interview")


def test_list_reports_a_broken_user_script_but_lists_the_rest() -> None:
    folder = paths.user_scripts_dir()
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("key = 'x'\ntitle = \n", encoding="utf-8")
    code, out, err = run("script", "list", "--lang", "en")
    assert code == 0
    assert all(key in out for key in KEYS)
    assert "broken.toml:2: TOML syntax error" in err


@pytest.mark.parametrize(("args", "message"), [
    (("script", "show", "no_such_script"), "no interview script 'no_such_script'"),
    (("script", "show", "missing.toml"), "missing.toml: no such file"),
])
def test_bad_key_or_path_is_one_line_and_exit_1(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and message in err


def test_unknown_language_is_a_usage_error() -> None:
    code, _, err = run("script", "list", "--lang", "xx")
    assert code == 2
    assert "'xx' is not one of: en, ru" in err


def test_console_script_bad_file_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "плохой сценарий.toml"
    bad.write_text('key = "x"\nkind = "cjm"\n[[stages]]\nminutes = 0\n', encoding="utf-8")
    exe = Path(sys.executable).with_name("jtbd-studio")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "jtbd_studio"]
    done = subprocess.run([*command, "script", "show", str(bad)], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert f"{bad}:" in done.stderr
