"""Lexicon words that the pipeline's lemmatizer turns into a different common word.

A lemma item (a pattern word without `=`) matches every token whose lemma is the word or the
word's own lemma (cues.compile_items), and the lemmatizer works word by word, out of context.
So when it turns the written word into another word, the item silently matches every form of
that other word: "pleased" -> "please" made every "please" a delight, "broken" -> "break" made
"take a break" a breakage, «горе» -> «гора» made every mountain grief.

A collision is a lemma item's word `w` whose lemma `l` differs and is a common word in its own
right that the lexicon did not ask for:

- English (a lookup table, no senses): `l` is among the 5000 most frequent English forms
  (corpora/lexicons/en/common_words.txt). Rare lemmas ("annoy" from "annoyed", "frustrate")
  bring in only the same feeling's other forms.
- Russian (pymorphy3): `w` is itself a noun or full adjective of the dictionary (a known
  analysis has `w` as its normal form) that the most likely analysis takes to another word.
  Adverbs and short forms are the same word as their adjective (тоскливо -> тоскливый);
  participles that pymorphy3 files under their verb («раздражённый» -> «раздражить») and
  guessed forms of words it does not know are not headwords.
- Asked for: `l` is written among the item's alternatives ("фиг|фига"), or is a single-word
  lemma cue of the same file (for emotion, of the same sign: "annoyed" -> "annoy" is a cue).

The fix is to write the intended forms exactly (`=tired`) or to name the lemma as meant.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from jtbd_studio.nlp.cues import _REPEAT, Cue, CueMatcher, load_cues, pipeline_lemmatizer
from jtbd_studio.nlp.lemmas import english_ranks, morph
from jtbd_studio.nlp.pipeline import build_pipeline

FILES = ("emotion", "friction")
DATA = Path(__file__).resolve().parents[2] / "data"
#: an English lemma at least this frequent is a word of its own, not a rare verb behind a feeling
COMMON_RANK = 5000
#: Russian words that are lexemes of their own; an adverb or a short form of an adjective
#: (тоскливо -> тоскливый) is the same word
HEADWORD_POS = frozenset({"NOUN", "ADJF"})


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _sign(cue: Cue, name: str) -> int:
    if name != "emotion":
        return 0
    value = cue.get("valence", 0) or 0
    return (value > 0) - (value < 0)


def _lemma_words(cue: Cue) -> list[str]:
    """The alternatives of a single-word lemma cue (none for `=` items and longer patterns)."""
    items = cue.pattern.split()
    if cue.role != "cue" or len(items) != 1 or items[0].startswith("="):
        return []
    return [_norm(w) for w in items[0].rstrip("?").split("|") if w]


def _is_common(lang: str, word: str, lemma: str) -> bool:
    if lang == "en":
        return english_ranks().get(lemma, COMMON_RANK) < COMMON_RANK
    headwords = {
        _norm(parse.normal_form)
        for parse in morph().parse(word)
        if parse.is_known and str(parse.tag.POS) in HEADWORD_POS
    }
    return word in headwords


def collisions(
    lang: str, name: str, cues: Iterable[Cue], lemmatize: Callable[[str], str]
) -> list[str]:
    """One line per offending word: file line, the word, the lemma it is turned into."""
    cues = list(cues)
    asked: dict[str, set[int]] = {}
    for cue in cues:
        for word in _lemma_words(cue):
            asked.setdefault(word, set()).add(_sign(cue, name))
    found = []
    for cue in cues:
        words = _lemma_words(cue)
        for word in words:
            lemma = _norm(lemmatize(word))
            if lemma == word or lemma in words or _sign(cue, name) in asked.get(lemma, ()):
                continue
            if _is_common(lang, word, lemma):
                found.append(f"{lang}/{name}.jsonl:{cue.line} {word!r} -> {lemma!r}")
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", FILES)
def test_no_lemma_collisions(lang: str, name: str) -> None:
    lemmatize = pipeline_lemmatizer(build_pipeline(lang))
    found = collisions(lang, name, load_cues(lang, name), lemmatize)
    assert not found, "lemma items that match another word (write =form):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("lang", "pattern", "collides"),
    [
        ("en", "pleased", True),  # -> please
        ("en", "broken", True),  # -> break
        ("en", "well", True),  # -> good
        ("en", "=broken", False),
        ("en", "annoyed", False),  # -> annoy: rare, the same feeling
        ("en", "happy", False),
        ("ru", "горе", True),  # -> гора
        ("ru", "=горе|горем", False),
        ("ru", "кривой|кривая", False),  # the lemma named as meant
        ("ru", "раздраженный", False),  # a participle, filed under its verb
    ],
)
def test_the_check_itself(lang: str, pattern: str, collides: bool) -> None:
    lemmatize = pipeline_lemmatizer(build_pipeline(lang))
    cue = Cue("test", 1, pattern, "delight", extra={"valence": 1})
    assert bool(collisions(lang, "emotion", [cue], lemmatize)) is collides


#: every cue file read by CueMatcher; a filler word fills the gaps of a pattern
CUE_FILES = ("friction", "emotion", "forces", "jobs", "churn", "phrases")
FILLER = {"ru": "дело", "en": "thing"}


def written_text(cue: Cue, lang: str) -> str:
    """The pattern as a text: the first alternative of each required item, fillers for gaps."""
    words: list[str] = []
    for raw in cue.pattern.split():
        repeat = _REPEAT.match(raw)
        if repeat:
            words += [FILLER[lang]] * int(repeat[1])
            continue
        if raw.endswith("?") and len(raw) > 1:
            continue  # optional
        words.append(FILLER[lang] if raw == "_" else raw.split("|")[0].lstrip("="))
    return " ".join(words)


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", CUE_FILES)
def test_every_pattern_matches_its_own_wording(lang: str, name: str) -> None:
    """A pattern the tokenizer or the lemmatizer cannot meet never fires: "doesn't have" is
    three tokens in text ("does", "n't", "have"), «кое-как» was three until hyphenated words
    stayed whole. Each pattern, written out, must match itself."""
    nlp = build_pipeline(lang)
    matcher = CueMatcher(nlp, name)
    annotate = [proc for pipe, proc in nlp.pipeline if pipe in ("jtbd_lemmatizer", "jtbd_sentencizer")]
    dead = []
    for cue, _ in matcher.patterns:
        if cue.role == "emoticon":
            continue  # read by Emoticons on the text, not by CueMatcher
        doc = nlp.make_doc(written_text(cue, lang))
        for proc in annotate:
            doc = proc(doc)
        if not any(found is cue for found, _, _ in matcher.find(doc)):
            dead.append(f"{lang}/{name}.jsonl:{cue.line} {cue.pattern!r}")
    assert not dead, "patterns that cannot match their own words:\n" + "\n".join(dead)


def test_stop_words_kept_in_keys_are_the_reviewed_ones() -> None:
    """A cue's first word of four letters or more stays in the keys of every span of its kind,
    even when spaCy lists it as a stop word («долго», "never": the point of the cue). A pattern
    that starts with a function word ("what", «надо») would add it to unrelated keys, and the
    keys group statements across interviews. Start such a pattern with a content word, or mark
    the item exact (`=надо|нужно`: exact forms are not kept); a stop word that is the point of
    its cue is reviewed and added to tests/data/key_stop_words.json."""
    reviewed = json.loads((DATA / "key_stop_words.json").read_text(encoding="utf-8"))
    for lang in ("en", "ru"):
        nlp = build_pipeline(lang)
        strings, stops = nlp.vocab.strings, nlp.Defaults.stop_words
        kept = {
            name: sorted(strings[h] for h in proc.key_words if strings[h] in stops)
            for name, proc in nlp.pipeline if getattr(proc, "key_words", None)
        }
        assert kept == reviewed[lang], lang


def test_each_pattern_is_listed_once_per_role() -> None:
    """A pattern written twice under one role matches twice at the same place, and the
    components keep the first match: the second line is dead, whatever it says (a "nightmare"
    of -2 frustration lay under one of -1 anxiety). Say each pattern once."""
    twice = []
    for lang in ("en", "ru"):
        for name in ("emotion", "friction", "forces", "jobs", "churn", "phrases", "clauses", "negation", "intensifiers"):
            seen: dict[tuple[str, str], int] = {}
            for cue in load_cues(lang, name):
                key = (cue.pattern, cue.role)
                if key in seen:
                    twice.append(f"{lang}/{name}.jsonl:{cue.line} repeats line {seen[key]}: {cue.pattern!r} ({cue.role})")
                seen.setdefault(key, cue.line)
    assert not twice, "\n".join(twice)
