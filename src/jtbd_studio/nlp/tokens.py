"""Token-level annotation (the `jtbd_lemmatizer` component) and chunking of long texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from jtbd_studio.nlp.lemmas import Lemmatizer, lemmatizer
from jtbd_studio.nlp.view import (
    ORTH_COLUMN,
    PUNCT_COLUMN,
    SENT_START_COLUMN,
    remember_view,
    view_columns,
)

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
        # One array in, one array out: a Python loop over ints and a dict look-up per token,
        # never a Token object (building them was most of this component's time).
        if not len(doc):
            return doc
        cache = self._by_orth
        if len(cache) > ORTH_CACHE_LIMIT:
            cache.clear()
        orths: list[int] = doc.to_array(ORTH).tolist()
        hits = [cache.get(orth) or self._learn(orth, doc.vocab.strings[orth]) for orth in orths]
        # fromiter over the flattened pairs: half the time of numpy.array on a list of tuples
        flat = numpy.fromiter(chain.from_iterable(hits), dtype=numpy.uint64, count=2 * len(hits))
        values: Any = flat.reshape(len(hits), 2)  # spaCy types it as thinc's Ints2d
        if self.keep_pos:
            trained = doc.to_array(POS)
            values[:, 1] = numpy.where(trained != 0, trained, values[:, 1])
        doc.from_array([LEMMA, POS], values)
        return doc

    def _learn(self, orth: int, text: str) -> tuple[int, int]:
        analysis = self.words.analyze(text)
        hit = (self.vocab.strings.add(analysis.lemma), POS_IDS.get(analysis.pos, 0))
        self._by_orth[orth] = hit
        return hit


@Language.factory("jtbd_sentencizer", assigns=["token.is_sent_start", "doc.sents"])
def make_sentencizer(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp.vocab)


class Sentences:
    """Sentence starts by punctuation: the rule of spaCy's `sentencizer`, on arrays.

    A sentence ends after a token that is one of the sentence-final characters (and any
    punctuation right after it, such as a closing quote); the next token that is not
    punctuation starts the next one. Same boundaries as spaCy's component, without building a
    Token per word. The token columns it reads are the doc's DocView (view.py), which it leaves
    for the kind components: one `to_array` per doc for both.
    """

    def __init__(self, vocab: Vocab) -> None:
        from spacy.pipeline import Sentencizer

        self.final = frozenset(vocab.strings.add(c) for c in Sentencizer.default_punct_chars)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # the columns of the doc's view: read once here, the view is made from them below
        columns = doc.to_array(view_columns()).T.tolist()
        orths, puncts = columns[ORTH_COLUMN], columns[PUNCT_COLUMN]
        final = self.final
        starts = [-1] * len(orths)
        starts[0] = 1
        if not final.isdisjoint(orths):  # a set test in C: a doc without a final mark is one
            seen_final = False
            for i, orth in enumerate(orths):
                if orth in final:
                    seen_final = True
                elif seen_final and not puncts[i]:
                    starts[i] = 1
                    seen_final = False
        # -1 wraps to 2**64 - 1, as in spaCy's own; a view, not a copy
        values: Any = numpy.array(starts, dtype=numpy.int64).view(numpy.uint64)
        doc.from_array([SENT_START], values)
        columns[SENT_START_COLUMN] = starts
        remember_view(doc, columns)
        return doc


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
