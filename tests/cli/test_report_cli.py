"""`jtbd-studio report` through the real console script: formats, segments and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.cli.conftest import assert_one_line_error

DEMO = "Demo: CRM for small sales teams"


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    """A real SQLite file holding the demo study."""
    from jtbd_studio.services.demo import ensure_demo_study
    from jtbd_studio.store.db import open_database

    path = tmp_path / "demo.sqlite3"
    db = open_database(path)
    ensure_demo_study(db)
    db.close()
    return str(path)


def test_html_report_is_self_contained(cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    result = cli("--db", demo_db, "report", "--study", DEMO, "-o", str(out), check=True)
    assert "6 interviews" in result.stderr and result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"<script|https?://|<link|<img|@import", html)
    assert html.count("<svg") == 5 and "Journey map" in html  # mixed study, UI language en
    assert "0 (n = 3, SE 47.1)" in html


def test_markdown_in_russian_for_two_segments(cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ab.md"
    cli("--db", demo_db, "report", "--study", DEMO, "--segment", "a,B", "--lang", "ru",
        "-o", str(out), check=True)  # the format follows the .md suffix
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Отчёт по исследованию: Demo")
    assert "Сегменты: A, B" in md and "## Карта пути клиента" in md
    assert "Сегмент A" in md and "Сегмент C" not in md and "Игорь М." not in md
    assert "| Все участники | 2 | 1 | 1 | 0 | +50 | 35,4 |" in md  # 9 and 7: P = ½, D = 0


def test_stdout_and_saturation_settings(cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", demo_db, "report", "--study", DEMO, "--format", "md", "-o", "-",
                 "--base", "3", "--run", "1", "--threshold", "0", check=True)
    assert "base b = 3, run r = 1, new-information threshold t = 0 %" in result.stdout


def test_empty_study_gives_an_empty_valid_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "empty.sqlite3")
    cli("--db", db, "study", "create", "Empty", "--lang", "en", check=True)
    out = tmp_path / "empty.html"
    cli("--db", db, "report", "--study", "Empty", "-o", str(out), check=True)
    html = out.read_text(encoding="utf-8")
    assert "This study has no interviews yet" in html and html.rstrip().endswith("</html>")


def test_unknown_study(cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.html"
    result = cli("--db", demo_db, "report", "--study", "Nope", "-o", str(out))
    assert_one_line_error(result, "no study 'Nope'", DEMO)
    assert not out.exists()


def test_unknown_segment_letter(cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", demo_db, "report", "--study", DEMO, "--segment", "A,X",
                 "-o", str(tmp_path / "x.md"))
    assert_one_line_error(result, "segment 'X'", "A, B, C, D")


def test_unwritable_target_and_missing_database(cli, demo_db: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", demo_db, "report", "--study", DEMO,
                 "-o", str(tmp_path / "no" / "such" / "dir" / "r.html"))
    assert_one_line_error(result, "r.html")
    missing = cli("--db", str(tmp_path / "missing.sqlite3"), "report", "--study", DEMO,
                  "-o", str(tmp_path / "r.html"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_bad_usage_exits_2(cli, demo_db: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--db", demo_db, "report", "--study", DEMO, "--format", "pdf", "-o", "x")
    assert result.returncode == 2 and "Traceback" not in result.stderr
