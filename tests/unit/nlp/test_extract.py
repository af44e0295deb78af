"""The extract() API: results per document, language routing, roles, batches."""

from __future__ import annotations

import pytest

from jtbd_studio.errors import InputFileError, UsageError
from jtbd_studio.nlp import Found, competitors_from, extract, extract_many, load_competitors
from jtbd_studio.nlp.lang import capitals_mark_names


def test_mixed_document_is_analyzed_per_sentence():
    text = "Раньше сидели в Битриксе и страдали. Then we switched to Pipedrive last year."
    found = {f.text for f in extract(text) if f.kind == "competitor"}
    assert found == {"Битриксе", "Pipedrive"}


def test_extract_many_keeps_order_and_item_languages():
    items = [("We switched to Pipedrive.", "en"), ("", None), ("Перешли на amoCRM.", None)]
    results = list(extract_many(items, batch_size=2))
    assert [[f.text for f in r if f.kind == "competitor"] for r in results] == [
        ["Pipedrive"], [], ["amoCRM"],
    ]


GERMAN = "Die Kunden haben sich über den Support beschwert, und wir sind zu Salesforce gewechselt."


def test_text_in_another_language_gets_no_name_discovery_but_the_list_matches():
    # German capitalizes every noun: discovery would propose «Kunden», «Support»
    assert [f.text for f in extract(GERMAN) if f.kind == "competitor"] == []
    rivals = competitors_from([("Salesforce", [])])
    found = [f.text for f in extract(GERMAN, competitors=rivals) if f.kind == "competitor"]
    assert found == ["Salesforce"]
    # asked for explicitly, discovery runs; an explicit language is no detection at all
    assert [f for f in extract(GERMAN, discover=True) if f.kind == "competitor"]
    assert [f for f in extract(GERMAN, lang="en") if f.kind == "competitor"]


@pytest.mark.parametrize("text", [
    "Les clients se sont plaints du support lent, et nous sommes passés à Salesforce.",
    "Los clientes se quejaron del soporte lento y por eso nos cambiamos a Salesforce el año pasado.",
])
def test_languages_that_capitalize_only_names_keep_discovery(text):
    assert [f.text for f in extract(text) if f.kind == "competitor"] == ["Salesforce"]


def test_capitals_mark_names_needs_enough_words_to_tell():
    assert not capitals_mark_names(GERMAN)
    assert capitals_mark_names("We moved to Salesforce because the old tool kept crashing on us.")
    assert not capitals_mark_names("Wir sind zu Salesforce.")  # too short to tell


def test_found_serializes_to_the_cli_contract():
    f = Found("emotion", 0, 5, "ужас!", "ужас", "frustration", 0.8, -2)
    assert list(f.as_json()) == ["kind", "text", "start", "end", "key", "label", "score", "valence"]
    assert "valence" not in Found("competitor", 0, 1, "x", "x", "X", 0.9).as_json()


def test_bad_role_and_language_are_usage_errors():
    with pytest.raises(UsageError):
        extract("text", role="boss")
    with pytest.raises(UsageError):
        extract("text", lang="de")


def test_load_competitors_reads_aliases_and_skips_comments(tmp_path):
    path = tmp_path / "rivals.txt"
    path.write_text("# rivals\n\nБитрикс24|Bitrix24|битрикс\nHubSpot\nbitrix24|Б24\n", encoding="utf-8")
    got = load_competitors(path)
    assert got == competitors_from([("Битрикс24", ["Bitrix24", "битрикс"]), ("HubSpot", []), ("bitrix24", ["Б24"])])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Битрикс24||битрикс\n", ":1: empty alias"),
        ("ok\n|alias\n", ":2: empty competitor name"),
        ("a\x00b\n", ":1: binary"),
        ('Мегаплан\n"\n', ":2: '\"' has no letter or digit"),
        ("amoCRM|амо|—\n", ":1: '—' has no letter or digit"),
        ("# only a comment\n", "no competitors"),
        ('{"Битрикс": ["Bitrix24"]}\n', "JSON, not a competitors file"),
        ('[\n  "HubSpot",\n  "Pipedrive"\n]\n', "JSON, not a competitors file"),
        ('{"Битрикс": [\n', "JSON, not a competitors file"),
    ],
)
def test_malformed_competitors_file_names_file_and_line(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content.encode())
    with pytest.raises(InputFileError, match=problem):
        load_competitors(path)


def test_a_name_in_square_brackets_is_a_name(tmp_path):
    path = tmp_path / "rivals.txt"
    path.write_text("[24]|24\n", encoding="utf-8")
    assert load_competitors(path) == competitors_from([("[24]", ["24"])])


def test_missing_competitors_file(tmp_path):
    with pytest.raises(InputFileError, match="cannot read"):
        load_competitors(tmp_path / "nope.txt")


def test_a_dead_worker_process_ends_the_call_with_a_clear_error() -> None:
    # a worker killed (out of memory, by hand) must not leave extract_many waiting for its chunk
    import os
    import signal

    from jtbd_studio.errors import JtbdError
    from jtbd_studio.nlp import engine, extract_many

    texts = [("Мы ушли с Битрикса, потому что всё было долго.", None)] * 40
    try:
        alone = list(extract_many(texts, lang="ru"))
        assert list(extract_many(texts, lang="ru", n_process=2, batch_size=4)) == alone
        pool = engine._POOL[0][1]
        for pid in list(pool._processes):
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(JtbdError, match="worker process stopped"):
            list(extract_many(texts, lang="ru", n_process=2, batch_size=4))
        assert engine._POOL == []  # the broken pool is gone: the next call starts anew
        assert list(extract_many(texts, lang="ru", n_process=2, batch_size=4)) == alone
    finally:
        engine.close_workers()
