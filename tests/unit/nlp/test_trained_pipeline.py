"""A trained spaCy pipeline, installed the way pip installs one, is found and used.

spaCy's trained ru/en packages cannot be installed here, so the session trains a small pipeline
of its own (morphologizer, senter, ner) on the test sentences and lays it out as pip would: the
package folder and a `.dist-info` whose `spacy_models` entry point is what spaCy lists as an
installed model. The pipeline is real: spaCy trains, saves and loads it; the tests check that
a new process finds it without being told, that `build_pipeline` keeps its parts of speech,
sentence starts and entities, and that extraction on top of it stays exact. (Inside this
process the package is named: the registry of installed models is read once, when spaCy is
imported, as for any user, who installs a model before starting the program.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jtbd_studio.errors import UsageError
from jtbd_studio.nlp.discovery import SCORE_NER
from jtbd_studio.nlp.engine import found_in
from jtbd_studio.nlp.pipeline import ENV_MODEL, build_pipeline, trained_model_name

# Two sentences per language: a name only NER marks (a capitalized word with no trigger before
# it) and a complaint. Tokens, parts of speech and the entity, as the pipeline is trained.
TRAINING = {
    "ru": (
        "Менеджеры из Ромашки звонили вчера. Отчёты постоянно зависают.",
        ["NOUN", "ADP", "PROPN", "VERB", "ADV", "PUNCT", "NOUN", "ADV", "VERB", "PUNCT"],
        [(13, 20, "ORG")],
        "Отчёты постоянно зависают",
    ),
    "en": (
        "Our managers called Northwind yesterday. The reports keep freezing.",
        ["PRON", "NOUN", "VERB", "PROPN", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "VERB", "PUNCT"],
        [(20, 29, "ORG")],
        "The reports keep freezing",
    ),
}
PACKAGE = {"ru": "ru_core_news_sm", "en": "en_core_web_sm"}


def _train(lang: str, site: Path) -> None:
    import spacy
    from spacy.training import Example

    text, pos, ents, _ = TRAINING[lang]
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank(lang)
    package = PACKAGE[lang]
    nlp.meta.update(name=package.split("_", 1)[1], version="0.0.1")
    for name in ("morphologizer", "senter", "ner"):
        nlp.add_pipe(name)
    doc = nlp.make_doc(text)
    assert len(doc) == len(pos), [t.text for t in doc]
    starts = [1 if i == 0 or doc[i - 1].text == "." else 0 for i in range(len(doc))]
    example = Example.from_dict(doc, {"pos": pos, "sent_starts": starts, "entities": ents})
    optimizer = nlp.initialize(lambda: [example])
    for _ in range(40):
        nlp.update([example], sgd=optimizer)
    # the layout pip gives a model package: the package, its data folder, its metadata
    root = site / package
    root.mkdir(parents=True)
    nlp.to_disk(root / f"{package}-0.0.1")
    (root / "meta.json").write_text((root / f"{package}-0.0.1" / "meta.json").read_text())
    (root / "__init__.py").write_text(
        "from spacy.util import load_model_from_init_py\n\n\n"
        "def load(**overrides):\n    return load_model_from_init_py(__file__, **overrides)\n"
    )
    info = site / f"{package}-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.0.1\n")
    (info / "entry_points.txt").write_text(f"[spacy_models]\n{package} = {package}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site-packages")
    for lang in TRAINING:
        _train(lang, folder)
    return folder


@pytest.fixture
def installed(site: Path, monkeypatch: pytest.MonkeyPatch):
    """The trained packages importable, and every pipeline built afresh around the test."""
    monkeypatch.delenv(ENV_MODEL, raising=False)
    monkeypatch.syspath_prepend(str(site))
    build_pipeline.cache_clear()
    yield site
    build_pipeline.cache_clear()


def _run(site: Path, args: list[str], model: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python args…` in a new process that sees the trained packages (`model`: the setting)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    env.pop(ENV_MODEL, None)
    if model is not None:
        env[ENV_MODEL] = model
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_a_new_process_finds_the_installed_pipelines(site: Path) -> None:
    code = (
        "from jtbd_studio.nlp.pipeline import trained_model_name as t;"
        "print(t('ru'), t('en'))"
    )
    assert _run(site, ["-c", code]).stdout.split() == [PACKAGE["ru"], PACKAGE["en"]]
    assert _run(site, ["-c", code], model="none").stdout.split() == ["None", "None"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_installed_trained_pipeline_is_used(
    installed: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    import spacy

    monkeypatch.setenv(ENV_MODEL, PACKAGE[lang])
    nlp = build_pipeline(lang)
    assert nlp.pipe_names[:3] == ["morphologizer", "senter", "ner"]
    assert "jtbd_sentencizer" not in nlp.pipe_names  # the model's senter sets the sentences
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems == {name: [] for name in nlp.pipe_names}
    # the model's components read norms: the special cases that only set one stay
    assert nlp.tokenizer.rules["\xa0"] == spacy.blank(lang).tokenizer.rules["\xa0"]

    text, pos, ents, complaint = TRAINING[lang]
    model = spacy.load(PACKAGE[lang])
    alone = model(text)
    assert [t.pos_ for t in alone] == pos  # what the model learned, as a reference
    doc = nlp(text)
    assert [t.pos_ for t in doc] == pos  # its parts of speech are kept, not ours
    assert [s.text for s in doc.sents] == [s.text for s in alone.sents]
    assert doc[0].lemma_ == ("менеджер" if lang == "ru" else "our")  # our lemmas still

    found = found_in(doc, text)
    assert all(text[f.start : f.end] == f.text for f in found)
    assert complaint in [f.text for f in found if f.kind == "friction"]
    # the model's entity is the discovered name, at the NER score
    start, end, _ = ents[0]
    names = [(f.start, f.end, f.score) for f in found if f.kind == "competitor"]
    assert (start, end, SCORE_NER) in names


def test_texts_are_not_packed_for_a_trained_pipeline(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # its tagger, parser and NER read each token among its neighbours: a text packed beside
    # another could be tagged otherwise than alone, so each text keeps a doc of its own
    from jtbd_studio.nlp import engine, extract, extract_many

    monkeypatch.setenv(ENV_MODEL, PACKAGE["ru"])
    nlp = build_pipeline("ru")
    batch = [(s.strip() + ".", None) for s in TRAINING["ru"][0].split(".") if s.strip()]
    todo = [(n, 0, len(t)) for n, (t, _) in enumerate(batch)]
    assert [len(members) for _, members in engine._docs(nlp, batch, todo, None)] == [1, 1]
    assert list(extract_many(batch, lang="ru")) == [extract(t, lang="ru") for t, _ in batch]
    monkeypatch.setenv(ENV_MODEL, "none")  # the built-in pipeline packs the same two
    build_pipeline.cache_clear()
    todo = [(n, 0, len(t)) for n, (t, _) in enumerate(batch)]
    assert [len(members) for _, members in engine._docs(build_pipeline("ru"), batch, todo, None)] == [2]


def test_none_keeps_the_built_in_pipeline(installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_MODEL, "none")
    assert trained_model_name("en") is None
    nlp = build_pipeline("en")
    assert nlp.pipe_names[:2] == ["jtbd_lemmatizer", "jtbd_sentencizer"]
    text = TRAINING["en"][0]
    # without the model's entity, English discovery has no NER: the name is not at its score
    assert SCORE_NER not in [f.score for f in found_in(nlp(text), text) if f.kind == "competitor"]


def test_a_pipeline_of_the_other_language_is_refused(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_MODEL, PACKAGE["en"])
    with pytest.raises(UsageError, match="is a 'en' pipeline, not 'ru'"):
        build_pipeline("ru")


def _extract(site: Path, tmp_path: Path, model: str | None, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    return _run(site, ["-m", "jtbd_studio", "extract", str(path), "--lang", "en"], model)


def test_extract_uses_the_installed_pipeline(site: Path, tmp_path: Path) -> None:
    text = TRAINING["en"][0]
    done = _extract(site, tmp_path, None, text)
    assert done.returncode == 0, done.stderr
    assert '"text": "Northwind"' in done.stdout and f'"score": {SCORE_NER}' in done.stdout


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("no_such_pipeline", "JTBD_STUDIO_SPACY_MODEL=no_such_pipeline could not be loaded: [E050]"),
        ("ru_core_news_sm", "JTBD_STUDIO_SPACY_MODEL=ru_core_news_sm is a 'ru' pipeline, not 'en'"),
    ],
)
def test_a_model_that_cannot_serve_is_one_line(
    site: Path, tmp_path: Path, model: str, message: str
) -> None:
    done = _extract(site, tmp_path, model, TRAINING["en"][0])
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], done.stderr
