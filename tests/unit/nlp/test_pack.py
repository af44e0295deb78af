"""Packed docs: extract_many joins short texts into shared docs, and each text must come back
with exactly the Found list it gets alone (engine._docs, view.DocView.segments)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from jtbd_studio.nlp import engine, extract, extract_many, load_competitors

DATA = Path(__file__).resolve().parents[2] / "data"


def _gold_items() -> list[tuple[str, str | None]]:
    items = []
    for path in sorted(DATA.glob("eval*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            if "text" in doc:
                items.append((doc["text"], doc.get("lang") if doc.get("lang") in ("ru", "en") else None))
    return items


@pytest.fixture(scope="module")
def gold_items() -> list[tuple[str, str | None]]:
    items = _gold_items()
    assert len(items) > 1500  # every gold set of tests/data/eval*
    random.Random(11).shuffle(items)  # every text among other neighbours than in its file
    return items


@pytest.mark.parametrize(
    ("setting", "role"),
    [("discovery", None), ("list", "customer"), ("no discovery", None), ("discovery", "interviewer")],
)
def test_every_gold_text_gets_in_a_pack_what_it_gets_alone(gold_items, setting, role):
    competitors = load_competitors(DATA / "eval" / "competitors_en.txt") if setting == "list" else None
    options = {"competitors": competitors, "role": role, "discover": False if setting == "no discovery" else None}
    packed = list(extract_many(gold_items, **options))
    alone = [extract(text, lang=lang or "auto", **options) for text, lang in gold_items]
    differ = [text[:80] for (text, _), a, b in zip(gold_items, packed, alone, strict=True) if a != b]
    assert differ == []
    # the gold sets hold extractions of every kind (of an interviewer's, only names)
    assert sum(map(len, packed)) > (500 if role == "interviewer" else 1000)


def test_short_texts_share_a_doc_and_each_starts_a_sentence():
    from jtbd_studio.nlp.pipeline import build_pipeline

    nlp = build_pipeline("ru")
    batch = [("Выгрузка тормозит", None), ("(смеётся) Да", None), ("Всё хорошо.", None)]
    docs = list(engine._docs(nlp, batch, [(n, 0, len(t)) for n, (t, _) in enumerate(batch)], None))
    assert len(docs) == 1
    doc, members = docs[0]
    assert [offset for _, _, offset in members] == [0, 19, 33]
    assert doc.text == "Выгрузка тормозит\n\n(смеётся) Да\n\nВсё хорошо."
    segments = doc.user_data["jtbd_segments"]
    assert [doc[k].idx for k in segments] == [0, 19, 33]
    doc = nlp(doc)
    # the first piece has no final mark: alone it is one sentence, and so it is here
    assert [s.start for s in doc.sents] == segments
    found = list(extract_many(batch))
    assert [f.text for f in found[0] if f.kind == "friction"] == ["Выгрузка тормозит"]
    assert found == [extract(text) for text, _ in batch]


def test_a_text_that_cannot_share_a_doc_goes_alone():
    # whitespace at an edge would join the separator's token; a long text is over the pack's
    # size; the texts around them are packed together
    batch = [
        ("  Экспорт падает каждый день.", None),
        ("Экспорт падает\u200b", None),
        ("Интеграция постоянно ломается." * 80, None),
        ("Поддержка отвечает по три дня.", None),
        ("Сроки срываются.\n", None),
    ]
    from jtbd_studio.nlp.pipeline import build_pipeline

    nlp = build_pipeline("ru")
    todo = [(n, 0, len(t)) for n, (t, _) in enumerate(batch)]
    held = sorted([n for n, _, _ in members] for _, members in engine._docs(nlp, batch, todo, None))
    assert held == [[0], [1, 3], [2], [4]]
    assert list(extract_many(batch)) == [extract(text) for text, _ in batch]


def test_a_separator_that_is_no_token_of_its_own_unpacks_the_doc():
    from jtbd_studio.nlp.pipeline import build_pipeline

    doc = build_pipeline("ru").make_doc("Сроки срываются\n\nДа")
    assert engine._token_starts(doc, [0, 17]) == [0, 3]
    assert engine._token_starts(doc, [0, 16]) is None  # inside the separator's token
    assert engine._token_starts(doc, [0, 18]) is None  # inside a word


def test_a_piece_of_prose_after_a_piece_of_speech_reads_no_word_twice():
    # "Like this." holds a filler word ("like"): speech, where a word said twice is read
    # through. The next turn holds none, so alone its "so so" is two words; packed after the
    # first it once became a hesitation, and its job statement ended at "used" instead of
    # running to "aftermarket"
    text = next(
        t for t, _ in _gold_items() if t.startswith("you'll still need that Yeah, you'll still need")
    )
    alone = extract(text, lang="en", discover=False)
    assert [f.end for f in alone if f.kind == "job"] == [292]
    packed = list(extract_many([("Like this.", "en"), (text, "en")], discover=False))
    assert packed[1] == alone


def test_packing_off_gives_the_same_found_lists():
    items = _gold_items()[:300]
    size = engine.PACK_CHARS
    try:
        engine.PACK_CHARS = 0
        unpacked = list(extract_many(items))
    finally:
        engine.PACK_CHARS = size
    assert list(extract_many(items)) == unpacked


@pytest.mark.parametrize(
    "neighbour",
    ["Our fleet runs Bluewhite autonomy now.", "So we looked at Bluewhite Ready and John Deere."],
)
def test_an_english_name_is_weighed_by_its_own_piece(neighbour):
    # English discovery reads a sentence start as a name when the document names it elsewhere
    # (an echo): a neighbour naming Bluewhite is another document, and lends it no evidence
    text = next(t for t, _ in _gold_items() if t.startswith("Bluewhite Ready, so it's on off"))
    alone = extract(text, lang="en")
    assert [f.text for f in alone if f.kind == "competitor"] == []
    packed = list(extract_many([(neighbour, "en"), (text, "en")]))
    assert "Bluewhite" in [f.text.split()[0] for f in packed[0] if f.kind == "competitor"]
    assert packed[1] == alone


def test_a_person_named_in_one_piece_leaves_a_name_in_another():
    pieces = [("My name is Priya Raman, I run the ops team.", "en"), ("We also tried Raman for a month.", "en")]
    packed = list(extract_many(pieces))
    assert packed == [extract(text, lang="en") for text, _ in pieces]


@pytest.mark.parametrize(
    "items",
    [
        # a problem of the past is answered only by a present in its own text (friction.past_solved)
        [("We used to retype every order by hand.", "en"), ("Now the integration pulls them in.", "en")],
        [("Раньше мы всё вбивали руками.", "ru"), ("Сейчас выписки подтягиваются сами.", "ru")],
        # a choice said in the next sentence reaches back only within its own text (sentence_before)
        [("The export takes forever.", "en"), ("We do it on purpose.", "en")],
    ],
)
def test_a_guard_in_the_next_text_does_not_reach_back(items):
    alone = [extract(text, lang=lang) for text, lang in items]
    assert alone[0] and list(extract_many(items)) == alone
