"""`jtbd-studio search` and `jtbd-studio glossary` through the real console script."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import assert_one_line_error
from tests.unit.library.library_studydata import load_study

STUDY = "Ключевые клиенты"


@pytest.fixture(scope="module")
def db_file(tmp_path_factory) -> str:
    from jtbd_studio.store.db import open_database

    path = tmp_path_factory.mktemp("cli-library") / "study.sqlite3"
    db = open_database(path)
    load_study(db, STUDY)
    db.close()
    return str(path)


def test_search_json_lines(cli, db_file):
    result = cli("--db", db_file, "search", "клиентов", "--study", STUDY, "--json", "--limit", "5", check=True)
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 5
    for hit in hits:
        assert {"source", "id", "text", "snippet", "interview_id", "turn_id", "highlights"} <= set(hit)
        assert "**" in hit["snippet"]
        start, end = hit["highlights"][0]
        assert hit["text"][start:end].lower().startswith("клиент")


def test_search_table_and_filters(cli, db_file):
    result = cli("--db", db_file, "search", "проблема", "--study", STUDY, "--kind", "friction",
                 "--segment", "a,b", check=True)
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["source", "id"] and len(lines) > 2
    assert all(line.startswith("extraction") for line in lines[2:])
    result = cli("--db", db_file, "search", "клиент", "--study", STUDY, "--valence", "-2..-1", "--json", check=True)
    assert result.stdout and all(json.loads(x)["kind"] == "emotion" for x in result.stdout.splitlines())


def test_search_without_hits_suggests_words(cli, db_file):
    result = cli("--db", db_file, "search", "клеинтов", "--study", STUDY)
    assert result.returncode == 0 and result.stdout == ""
    assert "no matches" in result.stderr and "клиент" in result.stderr


@pytest.mark.parametrize(
    ("query", "needle"),
    [('"', "nothing to search"), ("-клиент", "only excludes"), ("x" * 10_000, "10000 characters"),
     ("\x01\x02", "nothing to search")],
)
def test_bad_queries_are_one_line_errors(cli, db_file, query, needle):
    assert_one_line_error(cli("--db", db_file, "search", "--study", STUDY, "--", query), needle)


@pytest.mark.parametrize("query", ["'; DROP TABLE turn; --", "NEAR(a b) AND (", "клиент* OR {text}:x"])
def test_hostile_queries_exit_cleanly(cli, db_file, query):
    result = cli("--db", db_file, "search", "--study", STUDY, "--", query)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_raw_query_errors_are_one_line(cli, db_file):
    assert_one_line_error(cli("--db", db_file, "search", '"open AND (', "--study", STUDY, "--raw"), "raw query")


def test_bad_filter_values(cli, db_file):
    assert_one_line_error(cli("--db", db_file, "search", "клиент", "--study", STUDY, "--segment", "Z"), "segment 'Z'")
    assert_one_line_error(cli("--db", db_file, "search", "клиент", "--study", STUDY, "--since", "вчера"), "--since")
    assert_one_line_error(cli("--db", db_file, "search", "клиент", "--study", "нет такого"), "no study")


def test_glossary_formats(cli, db_file, tmp_path):
    table = cli("--db", db_file, "glossary", "--study", STUDY, check=True)
    assert table.stdout.splitlines()[0].split()[:3] == ["kind", "wording", "freq"]
    out = tmp_path / "glossary.csv"
    cli("--db", db_file, "glossary", "--study", STUDY, "--format", "csv", "-o", str(out), "--segment", "A", check=True)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "kind,canonical" in data.decode("utf-8-sig")
    entries = json.loads(cli("--db", db_file, "glossary", "--study", STUDY, "--format", "json", check=True).stdout)
    assert entries and all("quotes" in e and "frequency" in e for e in entries)
    md = cli("--db", db_file, "glossary", "--study", STUDY, "--format", "md", "--stage", "usage", check=True).stdout
    assert md.startswith("# Glossary")


def test_glossary_rebuild_and_empty_study(cli, db_file, tmp_path):
    cli("--db", db_file, "glossary", "--study", STUDY, "--threshold", "70", check=True)
    empty_db = str(tmp_path / "empty.sqlite3")
    cli("--db", empty_db, "study", "create", "Пусто", check=True)
    result = cli("--db", empty_db, "glossary", "--study", "Пусто")
    assert result.returncode == 0 and "empty" in result.stderr
    assert_one_line_error(cli("--db", empty_db, "glossary", "--study", "Пусто", "--rebuild"), "no phrase or friction")
