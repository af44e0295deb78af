"""Token-level annotation (the `jtbd_lemmatizer` component) and chunking of long texts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from jtbd_studio.nlp.lemmas import Lemmatizer, lemmatizer

#: Bound on the per-pipeline orth cache; past it the cache starts over (memory stays flat on
#: endless streams of new word forms; the string-level cache in lemmas.py is kept).
ORTH_CACHE_LIMIT = 400_000


@Language.factory(
    "jtbd_lemmatizer",
    assigns=["token.lemma", "token.pos"],
    default_config={"keep_pos": False},
)
def make_lemmatizer(nlp: Language, name: str, keep_pos: bool) -> FormLemmatizer:
    return FormLemmatizer(nlp.vocab, keep_pos=keep_pos)


class FormLemmatizer:
    """Sets lowercase `token.lemma_` (pymorphy3 / English lookup) and coarse `token.pos_`.

    Russian words get their UD part of speech from pymorphy3 (PROPN for names, places,
    organizations); English words get none without a trained tagger; numbers, punctuation and
    symbols get NUM / PUNCT / SYM everywhere. `token.norm_` is left to spaCy, whose norm is
    already the lowercase form. With `keep_pos`, a trained tagger's POS is kept.
    """

    def __init__(self, vocab: Vocab, *, keep_pos: bool = False) -> None:
        self.vocab = vocab
        self.keep_pos = keep_pos
        self.words: Lemmatizer = lemmatizer()
        self._by_orth: dict[int, tuple[int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        cache = self._by_orth
        if len(cache) > ORTH_CACHE_LIMIT:
            cache.clear()
        keep = self.keep_pos
        for token in doc:
            hit = cache.get(token.orth)
            if hit is None:
                hit = self._learn(token.orth, token.text)
            token.lemma = hit[0]
            if not (keep and token.pos):
                token.pos = hit[1]
        return doc

    def _learn(self, orth: int, text: str) -> tuple[int, int]:
        analysis = self.words.analyze(text)
        hit = (self.vocab.strings.add(analysis.lemma), POS_IDS.get(analysis.pos, 0))
        self._by_orth[orth] = hit
        return hit


_BREAK_SENTENCE = re.compile(r"[.!?…\n][\"'»”)\]]*\s+")
_BREAK_SPACE = re.compile(r"\s+")


def chunk_bounds(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """Cut `text` into consecutive [start, end) pieces of at most `limit` characters.

    Cuts fall after a sentence end if one is in the last half of the window, else at
    whitespace, else (one endless word) at the limit itself.
    """
    start, size = 0, len(text)
    while size - start > limit:
        window = text[start : start + limit]
        cut = _last_break(_BREAK_SENTENCE, window, limit // 2)
        if cut is None:
            cut = _last_break(_BREAK_SPACE, window, 1) or limit
        yield start, start + cut
        start += cut
    if start < size or size == 0:
        yield start, size


def _last_break(pattern: re.Pattern[str], window: str, floor: int) -> int | None:
    last = None
    for m in pattern.finditer(window, floor):
        last = m.end()
    return last
