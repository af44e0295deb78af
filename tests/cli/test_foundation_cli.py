"""The foundation commands through the real console script, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.cli.conftest import assert_one_line_error


def test_study_participant_export_import_round_trip(cli, db_url, tmp_path):
    comp = tmp_path / "конкуренты.txt"
    comp.write_text("Битрикс24|Bitrix24|битрикс\n# comment\n\nHubSpot\n", encoding="utf-8")
    cli("--db", db_url, "study", "create", "Онбординг CRM", "--product", "Pipeline", "--lang", "ru",
        "--competitors", str(comp), check=True)
    cli("--db", db_url, "participant", "add", "--study", "Онбординг CRM", "ООО Ромашка", "--segment", "a",
        "--key-client", check=True)
    listed = cli("--db", db_url, "study", "list", check=True).stdout
    assert "Онбординг CRM" in listed and "Pipeline" in listed
    people = cli("--db", db_url, "participant", "list", "--study", "Онбординг CRM", check=True).stdout
    assert "ООО Ромашка" in people and " A " in people
    out = tmp_path / "выгрузка исследования.json"
    cli("--db", db_url, "export", "json", "--study", "Онбординг CRM", "-o", str(out), check=True)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["competitors"][0] == {"name": "Битрикс24", "aliases": ["Bitrix24", "битрикс"]}
    again = cli("--db", db_url, "import", "json", str(out))
    assert_one_line_error(again, "already exists")
    cli("--db", db_url, "import", "json", str(out), "--rename", "Копия", check=True)
    assert "Копия" in cli("--db", db_url, "study", "list", check=True).stdout


def test_demo_without_tui(cli, tmp_path):
    db = tmp_path / "папка с пробелами" / "demo.sqlite3"
    first = cli("--db", str(db), "demo", "--no-tui", check=True)
    assert "created demo study" in first.stderr
    second = cli("--db", str(db), "demo", "--no-tui", check=True)
    assert "using demo study" in second.stderr
    assert "Demo" in cli("--db", str(db), "study", "list", check=True).stdout


def test_locate_and_backup(cli, tmp_path):
    db = tmp_path / "a.sqlite3"
    assert cli("--db", str(db), "db", "locate", check=True).stdout.strip() == str(db)
    cli("--db", str(db), "study", "create", "S", check=True)
    cli("--db", str(db), "db", "backup", str(tmp_path / "b.sqlite3"), check=True)
    assert "S" in cli("--db", str(tmp_path / "b.sqlite3"), "study", "list", check=True).stdout
    assert_one_line_error(cli("--db", str(db), "db", "backup", str(tmp_path / "b.sqlite3")), "already exists")
    assert "already at" in cli("--db", str(db), "db", "upgrade", check=True).stderr


def test_default_database_lives_in_the_data_dir(cli, isolated_home):
    cli("study", "create", "X", check=True)
    assert (isolated_home / "data" / "jtbd_studio.sqlite3").exists()


def test_garbage_database_file_is_untouched(cli, tmp_path):
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"this is not a database\x00" * 50)
    before = bad.read_bytes()
    assert_one_line_error(cli("--db", str(bad), "study", "list"), str(bad), "not an SQLite database")
    assert bad.read_bytes() == before
    assert not Path(str(bad) + "-wal").exists()


def test_unreachable_postgres(cli):
    r = cli("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "study", "list")
    assert_one_line_error(r, "127.0.0.1", "cannot open the database")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_data_dir(cli, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    assert_one_line_error(cli("--db", str(ro / "x.sqlite3"), "study", "list"), "read-only")


def test_read_only_data_dir_as_any_user(cli, tmp_path):
    """Root ignores permissions, so use a path under a file: the folder cannot exist."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_line_error(cli("--db", str(blocker / "sub" / "x.sqlite3"), "study", "list"), "cannot create the data folder")


def test_unknown_study_and_segment(cli, tmp_path):
    db = str(tmp_path / "x.sqlite3")
    cli("--db", db, "study", "create", "Известное", check=True)
    assert_one_line_error(cli("--db", db, "participant", "add", "--study", "Нет такого", "P"), "Нет такого", "Известное")
    r = cli("--db", db, "participant", "add", "--study", "Известное", "P", "--segment", "E")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_malformed_competitor_file(cli, tmp_path):
    comp = tmp_path / "comp.txt"
    comp.write_text("Битрикс24|\n", encoding="utf-8")
    db = str(tmp_path / "x.sqlite3")
    assert_one_line_error(cli("--db", db, "study", "create", "S", "--competitors", str(comp)), "comp.txt:1")
    assert "S" not in cli("--db", db, "study", "list", check=True).stdout.split()


def test_locked_database(cli, tmp_path):
    import sqlite3

    db = tmp_path / "locked.sqlite3"
    cli("--db", str(db), "study", "create", "S", check=True)
    conn = sqlite3.connect(db)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        r = cli("--db", str(db), "study", "create", "T", env={"JTBD_STUDIO_BUSY_TIMEOUT_MS": "200"})
        assert_one_line_error(r, str(db))
    finally:
        conn.rollback()
        conn.close()
    assert "T" not in cli("--db", str(db), "study", "list", check=True).stdout.split()


def test_help_everywhere(cli):
    top = cli("--help", check=True).stdout
    for name in ("study", "participant", "import", "export", "db", "demo", "script"):
        assert name in top
    assert "Example" in cli("study", "create", "--help", check=True).stdout


def test_version_says_which_extraction_engine_runs(cli):
    from importlib.metadata import version

    from jtbd_studio.nlp import ENGINE

    out = cli("--version", check=True).stdout.strip()
    assert out == f"jtbd-studio {version('jtbd-studio')} (extraction engine: {ENGINE})"
    forced = cli("--version", env={"JTBD_STUDIO_PURE": "1"}, check=True).stdout
    assert "(extraction engine: pure Python (JTBD_STUDIO_PURE is set))" in forced


def test_a_failed_transcript_is_named_once_with_its_reason(cli, tmp_path):
    db = str(tmp_path / "s.sqlite3")
    cli("--db", db, "study", "create", "S", check=True)
    bad = tmp_path / "call.vtt"
    bad.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHello\n", encoding="utf-8")
    garbage = tmp_path / "noise.bin"
    garbage.write_bytes(b"\x00\x01\x02" * 100)
    result = cli("--db", db, "import", str(bad), str(garbage), "--study", "S")
    assert result.returncode == 1
    failed = [ln for ln in result.stderr.splitlines() if ln.startswith("failed")]
    assert len(failed) == 2, result.stderr
    for line, path in zip(failed, (bad, garbage), strict=True):
        assert line.count(str(path)) == 1, line
    assert f"{bad}:3: " in failed[0]  # the line of the bad cue timing
    assert "binary data" in failed[1]
    assert "0 imported, 0 skipped, 2 failed" in result.stderr
