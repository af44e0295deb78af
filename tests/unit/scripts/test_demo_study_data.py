"""The demo study: valid export JSON whose every script, stage, kind and label exists."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import pytest

from jtbd_studio import paths
from jtbd_studio.scripts import emotion_by_id, load_script, note_kinds

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    with (paths.corpora_dir() / "demo" / "demo_study.json").open(encoding="utf-8") as file:
        return json.load(file)


def test_it_is_a_marked_synthetic_study_export(demo: dict[str, Any]) -> None:
    assert demo["format"] == "jtbd-studio/1"
    assert demo["synthetic"] is True and demo["study"]["synthetic"] is True
    study = demo["study"]
    assert study["name"] == "Demo: CRM for small sales teams"
    assert study["product"] == "Pipeline CRM" and study["language"] == "mixed"
    assert "SYNTHETIC" in study["description"]
    assert demo["codes"] == demo["codings"] == demo["insights"] == []


def test_participants_cover_segments_statuses_and_key_clients(demo: dict[str, Any]) -> None:
    people = demo["participants"]
    assert len(people) == 6
    assert len({p["name"] for p in people}) == 6
    assert {p["segment"] for p in people} == {"A", "B", "C", "D"}
    assert {p["status"] for p in people} == {"active", "churned", "prospect"}
    assert {p["key_client"] for p in people} == {True, False}
    assert all(set(p) == {"name", "company", "role", "segment", "key_client", "status"}
               for p in people)


def test_every_competitor_is_named_in_some_turn(demo: dict[str, Any]) -> None:
    texts = " ".join(t["text"] for i in demo["interviews"] for t in i["turns"]).lower()
    for competitor in demo["competitors"]:
        names = [competitor["name"], *competitor["aliases"]]
        assert any(name.lower() in texts for name in names), competitor["name"]


def test_interviews_reference_only_what_exists(demo: dict[str, Any]) -> None:
    interviews = demo["interviews"]
    people = {p["name"] for p in demo["participants"]}
    kinds = {k.id for k in note_kinds()}
    assert sorted(i["language"] for i in interviews) == ["en"] * 3 + ["ru"] * 3
    assert {i["script_key"] for i in interviews} == {
        "jtbd_switch", "cjm_walkthrough", "churn_exit", "key_client_checkin"}
    for interview in interviews:
        script = load_script(interview["script_key"])
        stages = {s.id for s in script.stages}
        assert interview["participant"] in people
        assert interview["source_file"] is None
        _check_turns(interview, stages)
        for note in interview["notes"]:
            assert note["kind"] in kinds and note["stage"] in stages and note["text"].strip()
        for tag in interview["emotion_tags"]:
            assert tag["stage"] in stages and tag["source"] == "interviewer"
            assert emotion_by_id(tag["label"]) is not None and -2 <= tag["valence"] <= 2
        aspects = {a.id for a in script.csi_aspects}
        for rating in interview["ratings"]:
            assert rating["aspect"] in aspects
            assert 1 <= rating["score"] <= 10 and 1 <= rating["importance"] <= 10
        if interview["nps"] is None:
            assert interview["nps_why"] is None
        else:
            assert script.asks_nps and 0 <= interview["nps"] <= 10 and interview["nps_why"]
    used = {n["kind"] for i in interviews for n in i["notes"]}
    assert used == kinds, kinds - used


def _check_turns(interview: dict[str, Any], stages: set[str]) -> None:
    turns = interview["turns"]
    assert 12 <= len(turns) <= 25
    assert [t["seq"] for t in turns] == list(range(len(turns)))
    speakers = {interview["participant"], interview["interviewer"]}
    started = datetime.fromisoformat(interview["started_at"])
    length_ms = (datetime.fromisoformat(interview["ended_at"]) - started).total_seconds() * 1000
    previous_end = 0
    for turn in turns:
        assert turn["stage"] in stages and turn["speaker"] in speakers
        assert turn["role"] == ("interviewer" if turn["speaker"] == interview["interviewer"]
                                else "customer")
        assert previous_end <= turn["start_ms"] < turn["end_ms"] <= length_ms
        previous_end = turn["end_ms"]
        assert bool(CYRILLIC.search(turn["text"])) == (interview["language"] == "ru"), turn["text"]
    for note in interview["notes"]:
        assert 0 <= note["offset_ms"] <= length_ms
