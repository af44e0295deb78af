"""Token-level annotation (the `jtbd_lemmatizer` component) and chunking of long texts."""

from __future__ import annotations

import itertools
import re
import struct
from collections.abc import Iterator
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH, POS, SENT_START, SPACY
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from jtbd_studio.nlp.lemmas import Lemmatizer, lemmatizer
from jtbd_studio.nlp.view import CUE_WORDS, DocView, doc_view, remember_view

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
        #: per form (orth hash): its lemma's hash, part of speech id, lexical columns and cue
        #: flags packed as native uint64 (`_pack`; one bytes join makes the doc's LEMMA, POS
        #: array and the view's columns)
        self._packed: dict[int, bytes] = {}
        #: the version of view.CUE_WORDS the cache's cue flags were made at
        self._cue_version = CUE_WORDS.version
        #: the epoch of the form cache (it starts over past ORTH_CACHE_LIMIT) and the number of
        #: docs seen in it (view.FormChain)
        self._epoch = next(_EPOCHS)
        self._docs = 0

    def __call__(self, doc: Doc) -> Doc:
        annotated = self._annotate(doc, numbered=True)
        if annotated is not None:  # numbered: the pipeline's components see every such doc
            view, seen = annotated
            view.epoch, view.number, view.forms_seen = self._epoch, self._docs, seen
            self._docs += 1
        return doc

    def annotate_aside(self, doc: Doc) -> Doc:
        """Annotate `doc` without numbering it and without adding its forms to the cache of
        the epoch: for a doc the pipeline's other components will not see (the one-word docs
        of cues.pipeline_lemmatizer, made while the components are built). The forms of the
        cache must be forms they judged (view.FormChain)."""
        self._annotate(doc, numbered=False)
        return doc

    def _annotate(self, doc: Doc, *, numbered: bool) -> tuple[DocView, bool] | None:
        """The doc's view, and whether every form of the doc was in the cache already."""
        # One array in, one array out: dict look-ups mapped over the forms in C, never a Token
        # object (building them was most of this component's time). The doc gives the token
        # columns (form, trailing space, sentence starts); the lexical columns of the view
        # (view.py) come with the lemma from the per-form cache, one bytes join for them all.
        if not len(doc):
            return None
        if len(self._packed) > ORTH_CACHE_LIMIT or self._cue_version != CUE_WORDS.version:
            # past the limit, or cue words added by a pipeline built since (their flags in
            # the cache are old): start over
            self._cue_version = CUE_WORDS.version
            self._packed.clear()
            self._epoch = next(_EPOCHS)
            self._docs = 0
        orths, spaces, starts = doc.to_array(_READ).T.tolist()
        packed_of = self._packed
        seen = True
        try:  # one look-up per token; a form met for the first time raises, once per doc
            packed = b"".join([packed_of[orth] for orth in orths])
        except KeyError:
            seen = False
            new = {orth: self._pack(orth) for orth in set(orths).difference(packed_of)}
            if numbered:
                packed_of.update(new)
            packed = b"".join([packed_of.get(orth) or new[orth] for orth in orths])
        values: Any = numpy.frombuffer(packed, dtype=_PAIR).reshape(len(orths), _FIELDS)
        lemmas, _, lowers, puncts, blanks, stops, flags = values.T.tolist()
        values = values[:, :2]  # LEMMA, POS
        if self.keep_pos:
            trained = doc.to_array(POS)
            values = values.copy()
            values[:, 1] = numpy.where(trained != 0, trained, values[:, 1])
        doc.from_array([LEMMA, POS], values)
        # in view_columns() order: orth, lemma, lower, punct, space, trailing space, stop, start
        columns = [orths, lemmas, lowers, puncts, blanks, spaces, stops, starts]
        return remember_view(doc, columns, flags, self._cue_version), seen

    def _pack(self, orth: int) -> bytes:
        """Analyze one form: its lemma's hash, part of speech id, lower-case form's hash, its
        punctuation, whitespace and stop-word flags and its cue flags, packed (the layout of
        `_FIELDS`)."""
        analysis = self.words.analyze(self.vocab.strings[orth])
        lexeme = self.vocab[orth]
        lemma = self.vocab.strings.add(analysis.lemma)
        return _PACK(
            lemma, POS_IDS.get(analysis.pos, 0), lexeme.lower,
            lexeme.is_punct, lexeme.is_space, lexeme.is_stop, CUE_WORDS.flags_of(lemma, lexeme.lower),
        )


#: Epoch numbers of the lemmatizers' form caches, unique in the process (view.FormChain).
_EPOCHS = itertools.count()
#: What the lemmatizer reads per token: the form, trailing whitespace and sentence starts (set by
#: a trained parser, if any; our sentencizer sets them after). The rest is per form (_pack).
_READ = [ORTH, SPACY, SENT_START]
#: Per form, as native uint64: lemma hash, part of speech id, LOWER, IS_PUNCT, IS_SPACE, IS_STOP,
#: cue flags (view.CueWords.flags_of).
_FIELDS = 7
_PACK = struct.Struct("=" + "Q" * _FIELDS).pack
_PAIR = numpy.dtype(numpy.uint64)  # native byte order, as "="
#: Opening brackets and quotes (a straight quote may close as well as open: not listed).
OPENING_PUNCT = ("(", "[", "{", "«", "“", "„")


@Language.factory("jtbd_sentencizer", assigns=["token.is_sent_start", "doc.sents"])
def make_sentencizer(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp.vocab)


class Sentences:
    """Sentence starts by punctuation: the rule of spaCy's `sentencizer`, on arrays.

    A sentence ends after a token that is one of the sentence-final characters (and any
    punctuation right after it, such as a closing quote); the next token that is not
    punctuation, or an opening bracket or quote before a word, starts the next one. spaCy's
    rule, except that it would end «Я доволен. (С декламацией.)» with the "(" (and emotion
    would read it as a sad smiley); done on arrays, without building a Token per word. The
    token columns it reads are the doc's DocView (view.py), made by the
    lemmatizer; it fills in the view's sentence starts for the kind components.
    """

    def __init__(self, vocab: Vocab) -> None:
        from spacy.pipeline import Sentencizer

        self.final = frozenset(vocab.strings.add(c) for c in Sentencizer.default_punct_chars)
        #: Punctuation that opens the next sentence rather than closing the last one: the "(" of
        #: a stage direction («Я доволен. (С декламацией.)») or an opening quote.
        self.opening = frozenset(vocab.strings.add(c) for c in OPENING_PUNCT)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        view = doc_view(doc)  # made by the lemmatizer from its cache, as a rule
        orths, puncts = view.orth, view.punct
        final, opening, last = self.final, self.opening, len(orths)
        starts = [-1] * len(orths)
        starts[0] = 1
        segments = view.segments
        if not final.isdisjoint(orths):  # a set test in C: a doc without a final mark is one
            # a packed piece (engine._docs) starts a sentence, and the separator before it
            # ends the piece's last one: the rule runs on each piece as on a doc of its own
            separators = frozenset(k - 1 for k in segments[1:])
            reach = 0  # the tokens before it are read already
            # from each final mark, the first token after it that starts a sentence: past
            # more final marks and other punctuation, never past a separator
            for mark in [i for i, orth in enumerate(orths) if orth in final]:
                if mark < reach:
                    continue  # a mark of a run read from an earlier one («?!», "...")
                i = mark + 1
                while i < last:
                    if orths[i] in final:
                        i += 1  # more marks of the run
                    elif i in separators:
                        break  # the piece ends: the next one starts at its own first token
                    elif not puncts[i] or (
                        orths[i] in opening and i + 1 < last and not puncts[i + 1]
                    ):  # a word, or a bracket that opens words ("((" is a sad smiley)
                        starts[i] = 1
                        break
                    else:
                        i += 1  # a closing quote or bracket of the sentence
                reach = i
        for i in segments:
            starts[i] = 1
        # -1 wraps to 2**64 - 1, as in spaCy's own; a view, not a copy
        values: Any = numpy.array(starts, dtype=numpy.int64).view(numpy.uint64)
        doc.from_array([SENT_START], values)
        view.set_sentence_starts(starts)
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
