"""The probe sets: interview-like sentences we wrote to probe the engine (tests/data/probe).
Discovery: a `+` line names after "|" the product discovery must find without a list.

Friction: every `+` line must give a friction span and no `-` line may; `~` lines are complaints
the engine still misses and `!` lines non-complaints it still flags, listed so that the file says
what it cannot do yet. Emotion: the sign of the summed valence must be the line's mark (+, -,
0), except on lines marked `~` (known misses). Churn risk and jobs: as friction. Forces: each line names the force it must carry, or
"none"."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd_studio.nlp import extract

PROBES = Path(__file__).resolve().parents[2] / "data" / "probe"


def probe_lines(lang: str) -> list[tuple[str, str]]:
    lines = (PROBES / f"friction_{lang}.txt").read_text(encoding="utf-8").splitlines()
    return [(line[0], line[2:]) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_probe_complaints_are_found_and_the_rest_left_alone(lang: str) -> None:
    lines = probe_lines(lang)
    assert {mark for mark, _ in lines} <= {"+", "-", "~", "!"}
    assert sum(mark == "+" for mark, _ in lines) >= 35 and sum(mark == "-" for mark, _ in lines) >= 30
    wrong = [
        (mark, text) for mark, text in lines if mark in "+-"
        and any(f.kind == "friction" for f in extract(text, lang=lang)) != (mark == "+")
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_emotion_probe_signs(lang: str) -> None:
    lines = (PROBES / f"emotion_{lang}.txt").read_text(encoding="utf-8").splitlines()
    marked = [(line[0], line[2:]) for line in lines if line and line[0] in "+-0"]
    assert len(marked) >= 24
    wrong = []
    for mark, text in marked:
        total = sum(f.valence or 0 for f in extract(text, lang=lang) if f.kind == "emotion")
        if (total > 0) - (total < 0) != {"+": 1, "-": -1, "0": 0}[mark]:
            wrong.append((mark, text))
    assert wrong == []


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(("name", "kind"), [("churn", "churn_risk"), ("jobs", "job")])
def test_churn_and_job_probes(lang: str, name: str, kind: str) -> None:
    lines = (PROBES / f"{name}_{lang}.txt").read_text(encoding="utf-8").splitlines()
    marked = [(line[0], line[2:]) for line in lines if line and line[0] in "+-"]
    assert len(marked) >= 9
    wrong = [
        (mark, text) for mark, text in marked
        if any(f.kind == kind for f in extract(text, lang=lang)) != (mark == "+")
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_force_probe(lang: str) -> None:
    lines = (PROBES / f"forces_{lang}.txt").read_text(encoding="utf-8").splitlines()
    marked = [line.split(" ", 1) for line in lines if line and not line.startswith("#")]
    assert {want for want, _ in marked} == {"push", "pull", "anxiety", "habit", "none"}
    wrong = []
    for want, text in marked:
        labels = {f.label for f in extract(text, lang=lang) if f.kind == "force"}
        if (want in labels) if want != "none" else not labels:
            continue
        wrong.append((want, text, labels))
    assert wrong == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_discovery_probe(lang: str) -> None:
    lines = (PROBES / f"discovery_{lang}.txt").read_text(encoding="utf-8").splitlines()
    marked = [(line[0], line[2:]) for line in lines if line and line[0] in "+-"]
    assert len(marked) >= 15
    wrong = []
    for mark, line in marked:
        text, _, name = line.partition(" | ")
        found = [text[f.start : f.end] for f in extract(text, lang=lang) if f.kind == "competitor"]
        if (mark == "+" and not any(name in f or f in name for f in found)) or (mark == "-" and found):
            wrong.append((mark, text, found))
    assert wrong == []
