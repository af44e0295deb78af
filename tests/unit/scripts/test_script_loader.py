"""Loading scripts: the packaged four, the user's folder overriding them, keys and paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jtbd_studio.errors import NotFoundError, ScriptError
from jtbd_studio.scripts import (
    Script,
    cjm_stages,
    fill_placeholders,
    jtbd_phases,
    list_script_problems,
    list_scripts,
    load_script,
    load_script_file,
    pick_text,
)

PACKAGED = {"jtbd_switch", "cjm_walkthrough", "churn_exit", "key_client_checkin"}


def test_the_four_packaged_scripts_are_listed() -> None:
    assert {s.key for s in list_scripts()} == PACKAGED
    assert list_script_problems() == []


@pytest.mark.parametrize("key", sorted(PACKAGED))
def test_packaged_script_is_complete_in_both_languages(key: str) -> None:
    script = load_script(key)
    cjm_ids = {stage_id for stage_id, _ in cjm_stages()}
    phase_ids = {p.id for p in jtbd_phases()}
    assert script.languages == ("ru", "en")
    assert sum(s.minutes for s in script.stages) == pytest.approx(script.duration_min)
    for stage in script.stages:
        assert 3 <= len(stage.prompts) <= 6, stage.id
        assert stage.cjm_stage in cjm_ids
        assert stage.jtbd_phase is None or stage.jtbd_phase in phase_ids
        for mapping in (stage.title, stage.goal, *(p.text for p in stage.prompts)):
            assert mapping["ru"] and mapping["en"]
            assert re.search("[а-яё]", mapping["ru"], re.I), mapping["ru"]
            assert not re.search("[а-яё]", mapping["en"], re.I), mapping["en"]


def test_check_in_asks_nps_and_weighted_csi() -> None:
    script = load_script("key_client_checkin")
    assert script.asks_nps
    assert 5 <= len(script.csi_aspects) <= 8
    assert {s.metric for s in script.stages} >= {"nps", "csi"}
    assert script.stage("csi_block").metric == "csi"


def test_switch_script_walks_the_timeline_from_the_purchase_backwards() -> None:
    phases = [s.jtbd_phase for s in load_script("jtbd_switch").stages if s.jtbd_phase]
    assert phases[:3] == ["deciding", "first_thought", "passive_looking"]
    assert {"active_looking", "first_use", "ongoing_use"} <= set(phases)


def test_stage_lookup_and_unknown_stage() -> None:
    script = load_script("cjm_walkthrough")
    assert script.stage("onboarding").cjm_stage == "onboarding"
    assert script.stage_index("purchase") == 3
    with pytest.raises(NotFoundError, match="no stage 'nope'"):
        script.stage("nope")


def test_text_falls_back_to_the_other_language() -> None:
    assert Script.text({"ru": "Привет", "en": "Hello"}, "ru") == "Привет"
    assert Script.text({"ru": "Привет"}, "en") == "Привет"
    assert pick_text({"ru": "Привет", "en": "Hello"}, "de") == "Hello"
    assert pick_text({"ru": "Привет", "en": "Hello"}, "ru_RU") == "Привет"


def test_placeholders_are_filled_or_shown_as_brackets() -> None:
    assert fill_placeholders("про {product} в {period}", "ru", {"product": "Pipeline CRM"}) == (
        "про Pipeline CRM в [период]"
    )
    assert fill_placeholders("{company}", "en") == "[company]"


def test_stage_budgets_scale_with_the_session_length() -> None:
    script = load_script("churn_exit")
    assert sum(script.stage_budgets().values()) == pytest.approx(45)
    assert sum(script.stage_budgets(90).values()) == pytest.approx(90, abs=0.5)
    assert script.stage_budgets(90)["intro"] == pytest.approx(6)


def test_a_user_script_with_a_packaged_key_overrides_it(user_scripts: Path,
                                                        packaged_scripts: Path) -> None:
    text = (packaged_scripts / "churn_exit.toml").read_text(encoding="utf-8")
    mine = user_scripts / "мой уход.toml"
    mine.write_text(text.replace('en = "Churn / exit interview"', 'en = "Our own exit talk"'),
                    encoding="utf-8")
    scripts = {s.key: s for s in list_scripts()}
    assert set(scripts) == PACKAGED
    assert scripts["churn_exit"].title["en"] == "Our own exit talk"
    assert scripts["churn_exit"].source == mine
    assert load_script("churn_exit").source == mine


def test_a_new_user_script_is_listed_and_loads_by_key(minimal_script: str, user_scripts: Path) -> None:
    (user_scripts / "tiny.toml").write_text(minimal_script, encoding="utf-8")
    assert {s.key for s in list_scripts()} == PACKAGED | {"tiny"}
    tiny = load_script("tiny")
    assert [s.id for s in tiny.stages] == ["intro", "usage"]
    assert tiny.stage("usage").prompts[1].kind == "probe"
    assert tiny.duration_min == 10


def test_a_broken_user_file_does_not_hide_the_others(minimal_script: str, user_scripts: Path) -> None:
    (user_scripts / "tiny.toml").write_text(minimal_script, encoding="utf-8")
    (user_scripts / "broken.toml").write_text(minimal_script.replace("minutes = 6", "minutes = -1"),
                                              encoding="utf-8")
    assert {s.key for s in list_scripts()} == PACKAGED | {"tiny"}
    problems = list_script_problems()
    assert len(problems) == 1
    assert "broken.toml" in problems[0].message
    assert "stages[1].minutes" in problems[0].message
    with pytest.raises(ScriptError, match=r"broken\.toml:\d+: stages\[1\]\.minutes"):
        load_script("broken")


def test_two_user_files_with_one_key_keep_the_first(minimal_script: str, user_scripts: Path) -> None:
    (user_scripts / "a.toml").write_text(minimal_script, encoding="utf-8")
    (user_scripts / "b.toml").write_text(minimal_script.replace("A short script", "Other"),
                                         encoding="utf-8")
    assert load_script("tiny").title["en"] == "A short script"
    assert "already used by a.toml" in list_script_problems()[0].message


def test_extra_folders_come_last_and_override(minimal_script: str, user_scripts: Path, tmp_path: Path) -> None:
    (user_scripts / "tiny.toml").write_text(minimal_script, encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "t.toml").write_text(minimal_script.replace("A short script", "From extra"),
                                  encoding="utf-8")
    scripts = {s.key: s for s in list_scripts([extra])}
    assert scripts["tiny"].title["en"] == "From extra"


def test_load_by_path_with_cyrillic_and_spaces(minimal_script: str, tmp_path: Path) -> None:
    folder = tmp_path / "мои сценарии"
    folder.mkdir()
    file = folder / "короткий сценарий.toml"
    file.write_text(minimal_script, encoding="utf-8")
    assert load_script(str(file)).key == "tiny"
    assert load_script(file).source == file
    assert load_script_file(file).stages[0].prompts[0].text["ru"].endswith("{product}?")


def test_key_defaults_to_the_file_name(minimal_script: str, tmp_path: Path) -> None:
    file = tmp_path / "quick_call.toml"
    file.write_text(minimal_script.replace('key = "tiny"\n', ""), encoding="utf-8")
    assert load_script_file(file).key == "quick_call"


def test_unknown_key_names_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match=r"no interview script 'nope'.*jtbd_switch"):
        load_script("nope")


def test_a_third_language_needs_only_data(minimal_script: str, tmp_path: Path) -> None:
    german = minimal_script.replace('kind = "cjm"', 'kind = "cjm"\nlanguages = ["ru", "en", "de"]')
    german = re.sub(r'(\nen = "[^"]*"\n)', r'\1de = "Auf Deutsch"\n', german)
    german = german.replace(
        'en = "Opening" }', 'en = "Opening", de = "Anfang" }').replace(
        'en = "Get acquainted." }', 'en = "Get acquainted.", de = "Kennenlernen." }').replace(
        'en = "Using the product" }', 'en = "Using the product", de = "Nutzung" }').replace(
        'en = "Understand a normal day." }', 'en = "Understand a normal day.", de = "Alltag." }')
    file = tmp_path / "de.toml"
    file.write_text(german, encoding="utf-8")
    script = load_script_file(file)
    assert script.languages == ("ru", "en", "de")
    assert Script.text(script.stages[1].title, "de") == "Nutzung"
    file.write_text(german.replace(', de = "Nutzung"', ""), encoding="utf-8")
    with pytest.raises(ScriptError, match=r"stages\[1\]\.title\.de: missing"):
        load_script_file(file)
