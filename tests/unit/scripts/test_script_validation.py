"""A malformed script gets a ScriptError naming the file, the field, the line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd_studio.errors import JtbdError, ScriptError
from jtbd_studio.scripts import load_script_file

# (what is broken, old text, new text, field named, problem named, text on the reported line)
CASES = [
    ("toml syntax", "minutes = 6", "minutes = = 6", "TOML syntax error", "", "minutes = = 6"),
    ("unknown cjm stage", 'cjm_stage = "usage_support"', 'cjm_stage = "usage_suport"',
     "stages[1].cjm_stage", "unknown value 'usage_suport'", "usage_suport"),
    ("duplicate stage id", 'id = "usage"', 'id = "intro"', "stages[1].id",
     "duplicate id 'intro'", ('id = "intro"', -1)),
    ("missing en stage title", 'title = { ru = "Начало", en = "Opening" }',
     'title = { ru = "Начало" }', "stages[0].title.en", "missing", 'ru = "Начало" }'),
    ("missing ru script title", 'ru = "Короткий сценарий"\n', "", "title.ru", "missing", "[title]"),
    ("title as plain text", 'goal = { ru = "Познакомиться.", en = "Get acquainted." }',
     'goal = "Get acquainted."', "stages[0].goal", "one text per language", "goal ="),
    ("zero minutes", "minutes = 4", "minutes = 0", "stages[0].minutes",
     "must be a positive number, got 0", "minutes = 0"),
    ("negative minutes", "minutes = 6", "minutes = -2.5", "stages[1].minutes",
     "must be a positive number", "minutes = -2.5"),
    ("minutes as text", "minutes = 6", 'minutes = "6"', "stages[1].minutes",
     "must be a positive number", 'minutes = "6"'),
    ("missing minutes", "minutes = 4\n", "", "stages[0].minutes", "missing", "[[stages]]"),
    ("empty prompt list", '[[stages.prompts]]\nkind = "consent"\nru = "Можно записать разговор о '
     '{product}?"\nen = "May we record this talk about {product}?"\n', "prompts = []\n",
     "stages[0].prompts", "non-empty list", "prompts = []"),
    ("no prompts at all", '[[stages.prompts]]\nkind = "consent"\nru = "Можно записать разговор о '
     '{product}?"\nen = "May we record this talk about {product}?"\n', "", "stages[0].prompts",
     "missing", "[[stages]]"),
    ("typo in a stage field", 'jtbd_phase = "ongoing_use"', 'jtbd_phsae = "ongoing_use"',
     "stages[1].jtbd_phsae", "unknown field; did you mean 'jtbd_phase'", "jtbd_phsae"),
    ("unknown top-level field", "duration_min = 10", "duration_min = 10\ncolour = 'red'",
     "colour", "unknown field", "colour"),
    ("typo in a prompt field", 'kind = "probe"', 'knd = "probe"', "stages[1].prompts[1].kind",
     "'knd' a typo", None),
    ("unknown prompt kind", 'kind = "probe"', 'kind = "question"', "stages[1].prompts[1].kind",
     "unknown value 'question'", 'kind = "question"'),
    ("unknown jtbd phase", 'jtbd_phase = "ongoing_use"', 'jtbd_phase = "daydreaming"',
     "stages[1].jtbd_phase", "unknown value 'daydreaming'", "daydreaming"),
    ("unknown script kind", 'kind = "cjm"', 'kind = "survey"', "kind", "unknown value 'survey'",
     'kind = "survey"'),
    ("unknown placeholder", "talk about {product}?", "talk about {prodcut}?",
     "stages[0].prompts[0].en", "unknown placeholder {prodcut}", "{prodcut}"),
    ("empty prompt text", 'en = "What annoys you?"', 'en = "  "', "stages[1].prompts[1].en",
     "non-empty string", 'en = "  "'),
    ("key not an id", 'key = "tiny"', 'key = "Tiny Script"', "key", "is not an id", "Tiny Script"),
    ("nps metric without asks_nps", 'cjm_stage = "usage_support"',
     'cjm_stage = "usage_support"\nmetric = "nps"', "stages[1].metric", "asks_nps = true",
     'metric = "nps"'),
    ("csi metric without aspects", 'cjm_stage = "usage_support"',
     'cjm_stage = "usage_support"\nmetric = "csi"', "stages[1].metric", "[[csi_aspects]]",
     'metric = "csi"'),
    ("undeclared language", 'en = "Opening" }', 'en = "Opening", de = "Anfang" }',
     "stages[0].title.de", "not one of the declared languages", "Anfang"),
    ("asks_nps not a boolean", "duration_min = 10", 'duration_min = 10\nasks_nps = "yes"',
     "asks_nps", "true or false", "asks_nps"),
    ("stages missing", "[[stages", "[[steps", "stages: missing", "", None),
]


@pytest.mark.parametrize(("old", "new", "field", "problem", "line_text"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_names_file_field_and_line(
    tmp_path: Path, minimal_script: str, old: str, new: str, field: str, problem: str,
    line_text: str | tuple[str, int] | None,
) -> None:
    assert old in minimal_script
    text = minimal_script.replace(old, new)
    file = tmp_path / "мой сценарий.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ScriptError) as caught:
        load_script_file(file)
    error = caught.value
    assert isinstance(error, JtbdError)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(str(file))
    assert field in message
    assert problem in message
    if line_text is not None:
        marker, nth = line_text if isinstance(line_text, tuple) else (line_text, 0)
        expected = [n for n, line in enumerate(text.splitlines(), 1) if marker in line][nth]
        assert error.line == expected, message
        assert f"{file}:{expected}: " in message


def test_the_original_minimal_script_is_valid(tmp_path: Path, minimal_script: str) -> None:
    file = tmp_path / "ok.toml"
    file.write_text(minimal_script, encoding="utf-8")
    assert load_script_file(file).key == "tiny"


@pytest.mark.parametrize(("content", "problem"), [
    (b"key = \"\xff\xfe\"\n", "not UTF-8"),
    (b"", "title: missing"),
    (b"stages = 3\nkind='cjm'\ntitle={ru='a',en='b'}\ndescription={ru='a',en='b'}\n",
     "stages: must be a non-empty list of tables"),
    (b"stages = [1]\nkind='cjm'\ntitle={ru='a',en='b'}\ndescription={ru='a',en='b'}\n",
     r"stages\[0\]: must be a table, got int"),
])
def test_unusable_files(tmp_path: Path, content: bytes, problem: str) -> None:
    file = tmp_path / "bad.toml"
    file.write_bytes(content)
    with pytest.raises(ScriptError, match=problem) as caught:
        load_script_file(file)
    assert str(file) in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match="no such file"):
        load_script_file(tmp_path / "nowhere.toml")
    with pytest.raises(ScriptError, match="is a directory"):
        load_script_file(tmp_path)


def test_inline_prompt_arrays_are_located_too(tmp_path: Path, minimal_script: str) -> None:
    inline = minimal_script.replace(
        '[[stages.prompts]]\nkind = "consent"\nru = "Можно записать разговор о {product}?"\n'
        'en = "May we record this talk about {product}?"\n',
        'prompts = [{ kind = "consent", ru = "Можно?", en = "May we?" },\n'
        '           { kind = "consnet", ru = "Точно?", en = "Sure?" }]\n')
    file = tmp_path / "inline.toml"
    file.write_text(inline, encoding="utf-8")
    with pytest.raises(ScriptError, match=r"stages\[0\]\.prompts\[1\]\.kind: unknown value") as caught:
        load_script_file(file)
    assert caught.value.line == inline.splitlines().index(
        'prompts = [{ kind = "consent", ru = "Можно?", en = "May we?" },') + 1
