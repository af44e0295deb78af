"""`suggestions`, `code`, `cluster` and `insight`: the review commands on a real SQLite study.

Most calls run the click app in-process (spaCy loads once); a few go through the real console
script to prove the groups are registered and errors stay one line.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jtbd_studio.cli import app
from tests.cli.conftest import assert_one_line_error
from tests.unit.library.library_studydata import load_study

STUDY = "Ключевые клиенты"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from jtbd_studio.store.db import open_database

    path = tmp_path_factory.mktemp("cli-review") / "study.sqlite3"
    db = open_database(path)
    load_study(db, STUDY)
    db.close()
    return path


@pytest.fixture
def db_file(template, tmp_path) -> str:
    """A fresh copy of the study for every test, as the commands change it."""
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{template}{suffix}")
        if source.exists():
            shutil.copy(source, tmp_path / f"study.sqlite3{suffix}")
    return str(tmp_path / "study.sqlite3")


def run(db_file: str, *args: str, author: str = "anna") -> Result:
    result = CliRunner().invoke(app, ["--db", db_file, *args], env={"JTBD_STUDIO_AUTHOR": author})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{args}: {result.exception!r}") from result.exception
    return result


def ok(db_file: str, *args: str, author: str = "anna") -> Result:
    result = run(db_file, *args, author=author)
    assert result.exit_code == 0, (args, result.stderr)
    return result


def one_line_error(result: Result, *needles: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def rows(db_file: str, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db_file)) as conn:
        return conn.execute(sql, params).fetchall()


def snapshot(db_file: str) -> dict[str, list[tuple]]:
    """Every row of every table but the full-text index (which follows the tables)."""
    tables = [name for (name,) in rows(db_file, "SELECT name FROM sqlite_master WHERE type='table'")
              if "_fts" not in name]
    return {t: rows(db_file, f'SELECT * FROM "{t}" ORDER BY rowid') for t in tables}


def json_lines(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def ids_of(db_file: str, kind: str, n: int) -> list[int]:
    return [i for (i,) in rows(db_file, "SELECT id FROM extraction WHERE kind=? ORDER BY id LIMIT ?", kind, n)]


# --- suggestions ---------------------------------------------------------------------------

def test_list_filters_table_and_json(db_file):
    found = json_lines(ok(db_file, "suggestions", "list", "--study", STUDY, "--kind", "friction",
                          "--segment", "A", "--limit", "1000", "--json"))
    wanted = rows(db_file, "SELECT e.id FROM extraction e JOIN interview i ON i.id=e.interview_id "
                           "JOIN participant p ON p.id=i.participant_id "
                           "WHERE e.kind='friction' AND p.segment='A' ORDER BY e.id")
    assert [f["id"] for f in found] == [i for (i,) in wanted] and found
    assert {f["kind"] for f in found} == {"friction"} and found[0]["status"] == "suggested"
    table = ok(db_file, "suggestions", "list", "--study", STUDY, "--kind", "phrase", "--limit", "3")
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["id", "interview", "kind", "status", "by", "text"] and len(lines) == 5
    assert "more match" in table.stderr
    none = ok(db_file, "suggestions", "list", "--study", STUDY, "--status", "accepted")
    assert none.stdout == "" and "no extractions match" in none.stderr


def test_list_by_query_and_stage(db_file):
    found = json_lines(ok(db_file, "suggestions", "list", "--study", STUDY, "--query", "клиентов",
                          "--stage", "usage", "--json", "--limit", "1000"))
    assert found and all("клиент" in f["text"].lower() for f in found)
    stages = {s for (s,) in rows(db_file, "SELECT t.stage FROM extraction e JOIN turn t ON t.id=e.turn_id "
                                          f"WHERE e.id IN ({','.join(str(f['id']) for f in found)})")}
    assert stages == {"usage"}


def test_accept_reject_reset_store_author_and_time(db_file):
    first, second = ids_of(db_file, "friction", 2)
    result = ok(db_file, "suggestions", "accept", str(first), str(second), "--author", "boris")
    assert "accepted 2 of 2 given" in result.stderr
    assert "accepted 0 of 1" in ok(db_file, "suggestions", "accept", str(first)).stderr  # no-op
    ok(db_file, "suggestions", "reject", str(second))  # author from JTBD_STUDIO_AUTHOR
    status, by, at = rows(db_file, "SELECT status, decided_by, decided_at FROM extraction WHERE id=?", first)[0]
    assert (status, by) == ("accepted", "boris") and at
    assert rows(db_file, "SELECT status, decided_by FROM extraction WHERE id=?", second)[0] == ("rejected", "anna")
    ok(db_file, "suggestions", "reset", str(second), "--author", "vera")
    events = json_lines(ok(db_file, "suggestions", "history", str(second), "--json"))
    assert [(e["action"], e["author"]) for e in events] == [("accept", "boris"), ("reject", "anna"),
                                                            ("reset", "vera")]
    assert all(e["at"].startswith("20") for e in events)
    assert events[1]["detail"] == {"before": "accepted", "after": "rejected"}
    table = ok(db_file, "suggestions", "history", str(second)).stdout.splitlines()
    assert table[0].split() == ["at", "action", "author", "detail"] and len(table) == 5


def test_bulk_accept_by_filter_with_dry_run(db_file):
    frictions = rows(db_file, "SELECT count(*) FROM extraction WHERE kind='friction'")[0][0]
    ok(db_file, "suggestions", "reject", str(ids_of(db_file, "friction", 1)[0]))
    before = snapshot(db_file)
    dry = ok(db_file, "suggestions", "accept", "--study", STUDY, "--kind", "friction", "--dry-run")
    assert f"would have accepted {frictions} of {frictions} matching" in dry.stderr
    assert snapshot(db_file) == before
    dry = ok(db_file, "suggestions", "accept", "--study", STUDY, "--kind", "friction",
             "--status", "suggested", "--dry-run")
    assert f"would have accepted {frictions - 1} of {frictions - 1} matching" in dry.stderr
    done = ok(db_file, "suggestions", "accept", "--study", STUDY, "--kind", "friction",
              "--status", "suggested", "--author", "boris")
    assert f"accepted {frictions - 1} of {frictions - 1} matching" in done.stderr
    assert rows(db_file, "SELECT status, decided_by, count(*) FROM extraction WHERE kind='friction' "
                         "GROUP BY 1, 2 ORDER BY 1") == [("accepted", "boris", frictions - 1),
                                                        ("rejected", "anna", 1)]
    assert rows(db_file, "SELECT count(*) FROM reviewevent WHERE action='accept' AND author='boris'")[0][0] \
        == frictions - 1
    assert rows(db_file, "SELECT count(*) FROM extraction WHERE kind!='friction' AND status!='suggested'") == [(0,)]


def test_bulk_reject_by_query(db_file):
    result = ok(db_file, "suggestions", "reject", "--study", STUDY, "--kind", "phrase", "--query", "клиентов")
    rejected = rows(db_file, "SELECT kind, text FROM extraction WHERE status='rejected'")
    assert rejected and f"rejected {len(rejected)} of {len(rejected)} matching" in result.stderr
    assert all(kind == "phrase" and "клиент" in text.lower() for kind, text in rejected)


def test_edit_span_and_change_kind(db_file):
    ex_id, turn_id, start, end = rows(db_file, "SELECT id, turn_id, start, end FROM extraction "
                                               "WHERE kind='phrase' AND start > 2 ORDER BY id LIMIT 1")[0]
    text = rows(db_file, "SELECT text FROM turn WHERE id=?", turn_id)[0][0]
    result = ok(db_file, "suggestions", "edit", str(ex_id), "--start", str(start - 2), "--end", str(end))
    assert f"spans {start - 2}..{end}" in result.stderr
    assert rows(db_file, "SELECT text, start, end, edited FROM extraction WHERE id=?", ex_id)[0] == \
        (text[start - 2:end], start - 2, end, 1)
    ok(db_file, "suggestions", "kind", str(ex_id), "friction", "--author", "boris")
    events = json_lines(ok(db_file, "suggestions", "history", str(ex_id), "--json"))
    assert [(e["action"], e["author"]) for e in events] == [("edit_span", "anna"), ("change_kind", "boris")]
    assert events[1]["detail"] == {"before": "phrase", "after": "friction"}


# --- codes ---------------------------------------------------------------------------------

def tree(db_file: str) -> dict[str, dict]:
    return {c["path"]: c for c in json_lines(ok(db_file, "code", "tree", "--study", STUDY, "--json"))}


def test_codebook_commands(db_file):
    assert "empty" in ok(db_file, "code", "tree", "--study", STUDY).stderr
    ok(db_file, "code", "add", "Forces/Anxiety", "--study", STUDY)
    ok(db_file, "code", "add", "Forces/Anxiety/Price", "--study", STUDY)
    ok(db_file, "code", "add", "Worries", "--study", STUDY)
    assert set(tree(db_file)) == {"Forces", "Forces/Anxiety", "Forces/Anxiety/Price", "Worries"}
    first, second, third = ids_of(db_file, "friction", 3)
    applied = ok(db_file, "code", "apply", "Anxiety", str(first), str(second), "--study", STUDY)
    assert "coded 2 extractions with 'Anxiety'" in applied.stderr
    ok(db_file, "code", "apply", "Worries", str(second), str(third), "--study", STUDY, "--author", "boris")
    codes = tree(db_file)
    assert codes["Forces"]["total"] == 2 and codes["Forces/Anxiety"]["codings"] == 2
    assert codes["Worries"]["codings"] == 2
    assert [e["action"] for e in json_lines(ok(db_file, "suggestions", "history", str(second), "--json"))] == ["code", "code"]
    listed = ok(db_file, "suggestions", "list", "--study", STUDY, "--code", "Forces", "--json")
    assert [x["id"] for x in json_lines(listed)] == [first, second]

    ok(db_file, "code", "merge", "Worries", "Forces/Anxiety", "--study", STUDY)
    codes = tree(db_file)
    assert "Worries" not in codes and codes["Forces/Anxiety"]["codings"] == 3  # the shared one merged
    ok(db_file, "code", "rename", "Forces/Anxiety/Price", "Cost", "--study", STUDY)
    ok(db_file, "code", "move", "Cost", "--root", "--study", STUDY)
    ok(db_file, "code", "move", "Cost", "--to", "Forces", "--study", STUDY)
    assert "Forces/Cost" in tree(db_file)

    coding_id = rows(db_file, "SELECT id FROM coding WHERE extraction_id=?", first)[0][0]
    ok(db_file, "code", "remove", str(coding_id), "--author", "vera")
    assert tree(db_file)["Forces/Anxiety"]["codings"] == 2
    assert json_lines(ok(db_file, "suggestions", "history", str(first), "--json"))[-1]["author"] == "vera"
    assert "its 2 codings" in ok(db_file, "code", "delete", "Forces/Anxiety", "--study", STUDY).stderr
    assert set(tree(db_file)) == {"Forces", "Forces/Cost"}
    assert rows(db_file, "SELECT count(*) FROM coding") == [(0,)]
    actions = [a for (a,) in rows(db_file, "SELECT action FROM library_event ORDER BY id")]
    assert {"code_create", "code_merge", "code_rename", "code_move", "code_delete"} <= set(actions)
    table = ok(db_file, "code", "tree", "--study", STUDY).stdout.splitlines()
    assert table[0].split() == ["id", "code", "own", "total"] and "  Cost" in table[3]


# --- clusters ------------------------------------------------------------------------------

def test_cluster_build_label_merge_split(db_file):
    built = ok(db_file, "cluster", "build", "--study", STUDY, "--kind", "friction", "--threshold", "70")
    assert "clusters of" in built.stderr
    found = json_lines(ok(db_file, "cluster", "list", "--study", STUDY, "--json", "--limit", "100000"))
    frictions = rows(db_file, "SELECT count(*) FROM extraction WHERE kind='friction'")[0][0]
    assert {c["kind"] for c in found} == {"friction"}
    assert sum(len(c["members"]) for c in found) == frictions
    big = found[0]
    assert len(big["members"]) >= 2
    ok(db_file, "cluster", "label", str(big["id"]), "Потеря клиентов")
    small = [c for c in found if c["id"] != big["id"]][:2]
    merged = ok(db_file, "cluster", "merge", str(big["id"]), *(str(c["id"]) for c in small))
    assert f"cluster #{big['id']}" in merged.stderr
    members = big["members"] + [m for c in small for m in c["members"]]
    split = ok(db_file, "cluster", "split", str(big["id"]), str(members[0]))
    new_id = int(split.stderr.rsplit("#", 1)[1])
    after = {c["id"]: c for c in json_lines(ok(db_file, "cluster", "list", "--study", STUDY, "--json",
                                                "--limit", "100000"))}
    assert after[new_id]["members"] == [members[0]] and after[new_id]["locked"]
    assert sorted(after[big["id"]]["members"]) == sorted(members[1:])
    assert after[big["id"]]["label"] == "Потеря клиентов" and after[big["id"]]["locked"]
    ok(db_file, "cluster", "build", "--study", STUDY, "--kind", "friction")  # keeps hand-made ones
    kept = {c["id"]: c for c in json_lines(ok(db_file, "cluster", "list", "--study", STUDY, "--json",
                                               "--limit", "100000"))}
    assert kept[big["id"]]["label"] == "Потеря клиентов" and kept[new_id]["members"] == [members[0]]
    table = ok(db_file, "cluster", "list", "--study", STUDY, "--limit", "2")
    assert table.stdout.splitlines()[0].split()[:3] == ["id", "kind", "size"] and "more clusters" in table.stderr


def test_clustering_an_empty_study_is_not_an_error(db_file):
    ok(db_file, "study", "create", "Пусто")
    before = snapshot(db_file)
    result = ok(db_file, "cluster", "build", "--study", "Пусто")
    assert "nothing to cluster" in result.stderr and result.stdout == ""
    assert snapshot(db_file) == before
    assert "no clusters yet" in ok(db_file, "cluster", "list", "--study", "Пусто").stderr


# --- insights ------------------------------------------------------------------------------

def test_insight_commands(db_file):
    evidence = rows(db_file, "SELECT e.id, e.interview_id, p.segment FROM extraction e "
                             "JOIN interview i ON i.id=e.interview_id JOIN participant p ON p.id=i.participant_id "
                             "WHERE e.kind='friction' GROUP BY e.interview_id ORDER BY e.interview_id LIMIT 3")
    ids = [str(e[0]) for e in evidence]
    added = ok(db_file, "insight", "add", "Клиенты уходят молча", "--study", STUDY, "--stage", "usage",
               "--evidence", ",".join(ids[:2]), "--author", "boris")
    assert "with 2 pieces of evidence" in added.stderr
    ok(db_file, "insight", "add", "Onboarding is slow", "--study", STUDY, "--stage", "onboarding")
    listed = json_lines(ok(db_file, "insight", "list", "--study", STUDY, "--json"))
    first = listed[0]
    assert first["statement"] == "Клиенты уходят молча" and first["author"] == "boris"
    assert first["interviews"] == 2 and first["segments"] == sorted({e[2] for e in evidence[:2]})
    assert [i["statement"] for i in json_lines(ok(db_file, "insight", "list", "--study", STUDY,
                                                  "--stage", "onboarding", "--json"))] == ["Onboarding is slow"]

    number = str(first["id"])
    ok(db_file, "insight", "evidence", "add", number, ids[2], ids[0])
    shown = json_lines(ok(db_file, "insight", "show", number, "--json"))[0]
    assert shown["interviews"] == 3 and len(shown["evidence"]) == 3
    for e in shown["evidence"]:  # every quote opens its turn at the span
        turn_text = rows(db_file, "SELECT text FROM turn WHERE id=?", e["turn_id"])[0][0]
        assert turn_text[e["start"]:e["end"]] == e["text"]
    text = ok(db_file, "insight", "show", number).stdout
    assert "supported by 3 interviews" in text and shown["evidence"][0]["text"] in text
    assert f"{shown['evidence'][0]['start']}..{shown['evidence'][0]['end']}" in text
    table = ok(db_file, "insight", "list", "--study", STUDY).stdout.splitlines()
    assert table[0].split()[:3] == ["id", "stage", "interviews"] and table[2].split()[2] == "3"

    ok(db_file, "insight", "evidence", "remove", number, ids[0])
    assert len(json_lines(ok(db_file, "insight", "show", number, "--json"))[0]["evidence"]) == 2
    ok(db_file, "insight", "edit", number, "--statement", "Клиенты уходят без жалоб", "--stage", "onboarding")
    assert rows(db_file, "SELECT statement, stage FROM insight WHERE id=?", int(number))[0] == \
        ("Клиенты уходят без жалоб", "onboarding")
    ok(db_file, "insight", "delete", number)
    assert rows(db_file, "SELECT count(*) FROM insight WHERE id=?", int(number)) == [(0,)]
    assert rows(db_file, "SELECT count(*) FROM insightevidence WHERE insight_id=?", int(number)) == [(0,)]
    actions = [a for (a,) in rows(db_file, "SELECT action FROM library_event ORDER BY id")]
    assert actions[-1] == "insight_delete" and "insight_evidence_remove" in actions


# --- bad input -----------------------------------------------------------------------------

@pytest.fixture
def prepared(db_file) -> str:
    """A study with a small codebook, clusters and an insight, so bad input has things to break."""
    ok(db_file, "code", "add", "Forces/Anxiety", "--study", STUDY)
    ok(db_file, "cluster", "build", "--study", STUDY, "--kind", "friction")
    ok(db_file, "insight", "add", "Клиенты уходят", "--study", STUDY, "--evidence", "2")
    return db_file


BAD_INPUT = [
    (["suggestions", "accept", "999999"], "no extraction #999999"),
    (["suggestions", "reject", "1", "999998", "999999"], "no extraction #999998 (and 1 more)"),
    (["suggestions", "accept", "abc"], "extraction 'abc'"),
    (["suggestions", "accept", "--dry-run", "999999"], "no extraction #999999"),
    (["suggestions", "accept", "--study", STUDY], "refusing to accept every extraction"),
    (["suggestions", "reject"], "name the extraction ids"),
    (["suggestions", "accept", "1", "--kind", "friction"], "ids or filters, not both"),
    (["suggestions", "accept", "--study", STUDY, "--kind", "mood"], "kind 'mood'"),
    (["suggestions", "accept", "--study", STUDY, "--stage", "nowhere"], "stage 'nowhere'"),
    (["suggestions", "accept", "--study", STUDY, "--query", '"'], "nothing to search"),
    (["suggestions", "list", "--study", STUDY, "--stage", "nowhere"], "stage 'nowhere'"),
    (["suggestions", "list", "--study", "нет такого"], "no study 'нет такого'"),
    (["analyze", "--study", "нет такого"], "no study 'нет такого'"),  # before any progress bar
    (["suggestions", "edit", "2", "--start", "0", "--end", "100000"], "must lie inside the text"),
    (["suggestions", "edit", "2", "--start", "5", "--end", "5"], "must lie inside the text"),
    (["suggestions", "edit", "999999", "--start", "0", "--end", "1"], "no extraction #999999"),
    (["suggestions", "kind", "2", "mood"], "kind 'mood'"),
    (["suggestions", "history", "999999"], "no extraction #999999"),
    (["code", "merge", "Forces", "Forces/Anxiety", "--study", STUDY], "into its own sub-code"),
    (["code", "move", "Forces", "--to", "Anxiety", "--study", STUDY], "one of its sub-codes"),
    (["code", "move", "Forces", "--study", STUDY], "exactly one of --to PARENT and --root"),
    (["code", "add", "Forces/Anxiety", "--study", STUDY], "already exists"),
    (["code", "add", "New/" + "x" * 101, "--study", STUDY], "longer than 100"),
    (["code", "add", " / ", "--study", STUDY], "at least one code"),
    (["code", "rename", "Nothing", "X", "--study", STUDY], "no code 'Nothing'"),
    (["code", "apply", "Anxiety", "2", "999999", "--study", STUDY], "no extraction #999999 in this study"),
    (["code", "remove", "999999"], "no coding #999999"),
    (["cluster", "label", "999999", "x"], "no cluster #999999"),
    (["cluster", "merge", "1"], "at least two clusters"),
    (["cluster", "merge", "1", "999999"], "no cluster #999999"),
    (["cluster", "split", "1", "999999"], "some, not all"),
    (["cluster", "build", "--study", STUDY, "--kind", "mood"], "kind 'mood'"),
    (["insight", "add", "x", "--study", STUDY, "--stage", "nowhere"], "stage 'nowhere'"),
    (["insight", "add", "x", "--study", STUDY, "--evidence", "2,999999"], "no extraction #999999"),
    (["insight", "add", "   ", "--study", STUDY], "needs a statement"),
    (["insight", "list", "--study", STUDY, "--stage", "nowhere"], "stage 'nowhere'"),
    (["insight", "show", "999999"], "no insight #999999"),
    (["insight", "edit", "1"], "nothing to change"),
    (["insight", "edit", "1", "--stage", "nowhere"], "stage 'nowhere'"),
    (["insight", "edit", "999999", "--stage", "usage"], "no insight #999999"),
    (["insight", "evidence", "add", "1", "999999"], "no extraction #999999"),
    (["insight", "evidence", "remove", "1", "3"], "not evidence of insight #1"),
    (["insight", "delete", "999999"], "no insight #999999"),
]


@pytest.mark.parametrize(("args", "needle"), BAD_INPUT, ids=[" ".join(a)[:50] for a, _ in BAD_INPUT])
def test_bad_input_is_one_line_and_changes_nothing(prepared, args, needle):
    before = snapshot(prepared)
    one_line_error(run(prepared, *args), needle)
    assert snapshot(prepared) == before


# --- the real console script ---------------------------------------------------------------

def test_console_script_lists_and_runs_the_groups(cli, db_file):
    listing = cli("--help", check=True).stdout
    for group in ("suggestions", "code", "cluster", "insight"):
        assert f"  {group} " in listing
    result = cli("--db", db_file, "suggestions", "accept", "--study", STUDY, "--kind", "job",
                 "--dry-run", env={"JTBD_STUDIO_AUTHOR": "anna"}, check=True)
    jobs = rows(db_file, "SELECT count(*) FROM extraction WHERE kind='job'")[0][0]
    assert f"would have accepted {jobs} of {jobs} matching" in result.stderr
    before = snapshot(db_file)
    assert_one_line_error(cli("--db", db_file, "code", "merge", "X", "Y", "--study", STUDY), "no code 'X'")
    assert_one_line_error(cli("--db", db_file, "suggestions", "kind", "1", "mood"), "kind 'mood'")
    assert snapshot(db_file) == before
