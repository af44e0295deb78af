"""`jtbd-studio extract` through the real console script: files, stdin, --jsonl, --competitors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import assert_one_line_error

DATA = Path(__file__).resolve().parents[1] / "data" / "transcripts"
KEYS = ["doc", "kind", "text", "start", "end", "key", "label", "score"]


def rows(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_plain_text_file_offsets_are_into_the_whole_file(cli, tmp_path):
    path = tmp_path / "notes.txt"
    text = "Раньше сидели в Битриксе.\r\nПотом перешли на amoCRM 😀, и стало проще.\n"
    path.write_bytes(text.encode("utf-8"))
    found = rows(cli("extract", str(path)))
    competitors = [r for r in found if r["kind"] == "competitor"]
    assert [r["text"] for r in competitors] == ["Битриксе", "amoCRM"]
    decoded = path.read_bytes().decode("utf-8")
    for row in found:
        assert list(row)[:8] == KEYS and "turn" not in row
        assert decoded[row["start"] : row["end"]] == row["text"]


def test_transcript_rows_carry_the_turn(cli, tmp_path):
    source = DATA / "ru" / "gogol-revizor.txt"
    found = rows(cli("extract", "--lang", "ru", str(source)))
    assert found and all(isinstance(r["turn"], int) for r in found)
    assert {r["kind"] for r in found} >= {"competitor", "friction", "emotion"}


def test_speakers_of_a_transcript_are_not_competitors(cli):
    found = rows(cli("extract", str(DATA / "en" / "4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md")))
    names = {r["text"] for r in found if r["kind"] == "competitor"}
    assert "Bluewhite" in names and not names & {"Alfi", "Ben Alfi", "Audrow", "Nash"}


def test_stdin_and_competitors_file(cli, tmp_path):
    rivals = tmp_path / "rivals.txt"
    rivals.write_text("Битрикс24|Bitrix24|битрикс\nHubSpot\n", encoding="utf-8")
    result = cli("extract", "--competitors", str(rivals), "-", input="We left Bitrix24 for HubSpot's CRM.\n")
    got = [(r["doc"], r["text"], r["label"]) for r in rows(result) if r["kind"] == "competitor"]
    assert got == [("-", "Bitrix24", "Битрикс24"), ("-", "HubSpot", "HubSpot")]


def test_jsonl_input_uses_ids_and_languages(cli, tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "We switched to Pipedrive.", "lang": "en"},
        {"id": "b", "text": "Перешли на amoCRM."},
        {"id": "c", "text": "Wir nutzen Pipedrive.", "lang": "de"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = cli("extract", "--jsonl", str(path))
    got = [(r["doc"], r["text"]) for r in rows(result) if r["kind"] == "competitor"]
    assert ("a", "Pipedrive") in got and ("b", "amoCRM") in got
    assert "language 'de' is not ru/en" in result.stderr


def test_other_language_is_a_stated_fallback(cli):
    result = cli("extract", "-", input="这是一个中文句子。\n")
    assert result.returncode == 0
    assert "neither Russian nor English" in result.stderr


@pytest.mark.parametrize(("text", "rules"), [
    ("Die Kunden haben sich über den langsamen Support beschwert, und wir sind zu Salesforce "
     "gewechselt.\n", "English"),
    ("Клієнти скаржилися на повільну підтримку, і ми перейшли на Бітрікс. Це було дуже "
     "незручно.\n", "Russian"),
])
def test_latin_and_cyrillic_languages_other_than_ours_are_stated(cli, text, rules):
    result = cli("extract", "-", input=text)
    assert result.returncode == 0
    assert f"neither Russian nor English; analyzed with {rules} rules" in result.stderr
    if rules == "English":  # German capitalizes nouns: no names proposed from capitals
        assert "names come from the competitor list only" in result.stderr
        assert not [r for r in rows(result) if r["kind"] == "competitor"]


def test_five_megabyte_single_line(cli, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Сидели в Битриксе и ждали ответа поддержки. " * 110_000, encoding="utf-8")
    rivals = tmp_path / "rivals.txt"
    rivals.write_text("Битрикс24|битрикс\n", encoding="utf-8")
    result = cli("extract", "--competitors", str(rivals), str(path))
    found = [r for r in rows(result) if r["kind"] == "competitor"]
    assert len(found) == 110_000 and found[-1]["text"] == "Битриксе"


def test_missing_file(cli, tmp_path):
    assert_one_line_error(cli("extract", str(tmp_path / "nope.txt")), "nope.txt")


def test_empty_file(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_one_line_error(cli("extract", str(tmp_path / "empty.txt")), "empty.txt", "empty")


def test_binary_garbage(cli, tmp_path):
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(cli("extract", str(tmp_path / "junk.bin")), "junk.bin")


def test_malformed_competitors_file(cli, tmp_path):
    (tmp_path / "rivals.txt").write_text("ok\nBad||alias\n", encoding="utf-8")
    result = cli("extract", "--competitors", str(tmp_path / "rivals.txt"), "-", input="text\n")
    assert_one_line_error(result, "rivals.txt:2")


def test_malformed_jsonl_line_is_named(cli, tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "ok"}\n{oops\n', encoding="utf-8")
    assert_one_line_error(cli("extract", "--jsonl", str(tmp_path / "in.jsonl")), "in.jsonl:2")


def test_one_bad_file_among_good_ones_still_prints_the_good(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Перешли на amoCRM.", encoding="utf-8")
    result = cli("extract", str(tmp_path / "nope.txt"), str(good))
    assert result.returncode == 0
    assert "nope.txt" in result.stderr and "amoCRM" in result.stdout


def test_no_input_is_a_usage_error(cli):
    assert_one_line_error(cli("extract"), "nothing to analyze")
