"""Fixtures for the script and taxonomy tests: the user's scripts folder and a small valid script."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd_studio import paths

MINIMAL_SCRIPT = """\
key = "tiny"
kind = "cjm"
duration_min = 10

[title]
ru = "Короткий сценарий"
en = "A short script"

[description]
ru = "Для проверки загрузчика."
en = "For testing the loader."

[[stages]]
id = "intro"
title = { ru = "Начало", en = "Opening" }
goal = { ru = "Познакомиться.", en = "Get acquainted." }
minutes = 4
cjm_stage = "context"

[[stages.prompts]]
kind = "consent"
ru = "Можно записать разговор о {product}?"
en = "May we record this talk about {product}?"

[[stages]]
id = "usage"
title = { ru = "Работа с продуктом", en = "Using the product" }
goal = { ru = "Понять обычный день.", en = "Understand a normal day." }
minutes = 6
cjm_stage = "usage_support"
jtbd_phase = "ongoing_use"

[[stages.prompts]]
kind = "open"
ru = "Как проходит обычный день?"
en = "How does a normal day go?"

[[stages.prompts]]
kind = "probe"
ru = "Что раздражает?"
en = "What annoys you?"
"""


@pytest.fixture
def minimal_script() -> str:
    """The text of a small valid script (key "tiny", two stages)."""
    return MINIMAL_SCRIPT


@pytest.fixture
def user_scripts() -> Path:
    """The user's scripts folder inside the isolated config directory (created)."""
    folder = paths.user_scripts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def packaged_scripts() -> Path:
    return paths.corpora_dir() / "scripts"
