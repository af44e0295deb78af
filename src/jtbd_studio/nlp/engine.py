"""Text in, extractions out: language routing, chunking of long texts, doc.spans -> Found.

Language: "auto" detects per document; a document that is mixed (both scripts carry whole
sentences) is split into runs of consecutive sentences, each analyzed by its own language's
pipeline, offsets shifted back. A document in neither language (another language, other
scripts, no letters) is analyzed with the rules of the script most of its letters are in:
Russian for Cyrillic (Ukrainian, Bulgarian…), English otherwise; name discovery runs there only
when capitals mark names (not in German, which capitalizes nouns). Long texts are cut into pieces
of at most CHUNK_CHARS at sentence ends, so a 5 MB single line streams through in bounded
memory with exact offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from jtbd_studio.errors import JtbdError, UsageError
from jtbd_studio.nlp.competitor_list import CompetitorList
from jtbd_studio.nlp.found import Found
from jtbd_studio.nlp.lang import (
    capitals_mark_names,
    detect_language,
    language_runs,
    majority_language,
)
from jtbd_studio.nlp.spans import SPAN_GROUPS, span_values

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHUNK_CHARS = 100_000
FALLBACK_LANG = "en"
ROLES = ("customer", "interviewer", None)
_KIND_ORDER = {kind: n for n, kind in enumerate(SPAN_GROUPS)}
_KIND_OF_GROUP = {group: kind for kind, group in SPAN_GROUPS.items()}

Piece = tuple[int, int, str]  # start, end in the item's text, analysis language


def analysis_language(text: str, lang: str | None = "auto") -> str:
    """The language extract() analyzes `text` in: "ru", "en" or "mixed" (split per sentence)."""
    return _route(text, lang)[0]


def _route(text: str, lang: str | None) -> tuple[str, bool]:
    """The analysis language of `text` and whether discovery may read its capitals as names:
    always in Russian and English; in another language only when few words inside sentences
    are capitalized (German capitalizes every noun)."""
    if lang in ("ru", "en"):
        return lang, True
    if lang not in (None, "auto"):
        raise UsageError(f"unsupported language {lang!r} (expected auto, ru or en)")
    detected = detect_language(text)
    return (detected, True) if detected in _OURS else _foreign(text)


def foreign_rules(text: str) -> tuple[str, bool] | None:
    """For a text detected as neither Russian nor English (nor mixed): the language whose rules
    analyze it and whether name discovery runs on it; None for a Russian or English text."""
    return None if detect_language(text) in _OURS else _foreign(text)


_OURS = ("ru", "en", "mixed")


def _foreign(text: str) -> tuple[str, bool]:
    return majority_language(text, FALLBACK_LANG), capitals_mark_names(text)


def pieces(text: str, lang: str | None = "auto") -> list[Piece]:
    """How a text is cut for analysis: [start, end) ranges with their language."""
    return _cut(text, analysis_language(text, lang))


def _cut(text: str, chosen: str) -> list[Piece]:
    if chosen != "mixed" and 0 < len(text) <= CHUNK_CHARS:
        return [(0, len(text), chosen)]  # one piece: the turn or paragraph as a rule
    from jtbd_studio.nlp.tokens import chunk_bounds

    if chosen == "mixed":
        runs = [(r.start, r.end, r.lang) for r in language_runs(text)]
    else:
        runs = [(0, len(text), chosen)]
    found: list[Piece] = []
    for start, end, run_lang in runs:
        found += [(start + a, start + b, run_lang) for a, b in chunk_bounds(text[start:end], CHUNK_CHARS)]
    return [p for p in found if p[1] > p[0]]


def extract(
    text: str,
    *,
    lang: str = "auto",
    competitors: CompetitorList | None = None,
    role: str | None = None,
    discover: bool | None = None,
) -> list[Found]:
    """All extractions in `text`, sorted by position; `text == source[start:end]` always."""
    return next(
        extract_many([(text, None)], lang=lang, competitors=competitors, role=role, discover=discover)
    )


def extract_many(
    items: Iterable[tuple[str, str | None]],
    *,
    lang: str = "auto",
    competitors: CompetitorList | None = None,
    role: str | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    discover: bool | None = None,
) -> Iterator[list[Found]]:
    """Extractions for each (text, lang-or-None) item, in order, streaming (nlp.pipe).

    An item's own language wins over `lang`. `role` ("customer", "interviewer" or None) goes
    to every doc as `doc.user_data["jtbd_role"]`; phrases come from customer turns only.
    With `n_process` > 1 the work goes to spawned worker processes that stay for later calls
    (`close_workers` ends them): a script that asks for them must guard its entry point with
    `if __name__ == "__main__":`, as for any spawned process.
    """
    if role not in ROLES:
        raise UsageError(f"unknown speaker role {role!r} (expected customer or interviewer)")
    batch_size = max(1, batch_size)
    iterator = iter(items)
    if n_process > 1:
        yield from _extract_parallel(iterator, lang, competitors, role, n_process, batch_size, discover)
        return
    while batch := list(islice(iterator, batch_size * 4)):
        yield from _extract_window(batch, lang, competitors, role, batch_size, discover)


def _extract_parallel(
    iterator: Iterator[tuple[str, str | None]],
    lang: str,
    competitors: CompetitorList | None,
    role: str | None,
    n_process: int,
    batch_size: int,
    discover: bool | None,
) -> Iterator[list[Found]]:
    """extract_many over `n_process` worker processes, kept for the next call.

    Each worker builds its pipelines once and keeps its caches warm (lemmas per form, NER
    verdicts) across calls: `analyze` asks once per interview and speaker role. Chunks of
    `batch_size` texts go out and their Found lists come back; no Doc crosses a process
    boundary. (spaCy's own `nlp.pipe(n_process=…)` sends every doc both ways as bytes, and
    serializing a doc's span groups costs more than analyzing it: msgpack looks up its encoders
    among the installed packages' entry points for every group.) The stream is read a window of
    chunks at a time, so memory stays flat on endless input. A worker that dies (killed, out of
    memory) ends the call with a clear error instead of a wait for its lost chunk.
    """
    from concurrent.futures.process import BrokenProcessPool

    settings = (lang, competitors, role, batch_size, discover)
    try:
        pool = _worker_pool(n_process)
        while chunks := [
            chunk for _ in range(n_process * 4) if (chunk := list(islice(iterator, batch_size)))
        ]:
            for found in pool.map(_extract_chunk, [(chunk, settings) for chunk in chunks]):
                yield from found
    except BrokenProcessPool as exc:
        close_workers()
        raise JtbdError(f"an analysis worker process stopped unexpectedly ({exc}); try --n-process 1") from None


#: The worker pool of this process: its key (size and settings) and the executor.
_POOL: list[tuple[tuple[object, ...], Any]] = []
#: The settings that size a worker's BLAS thread pool (numpy's OpenBLAS reads the first).
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _worker_pool(n_process: int) -> Any:
    """The process's pool of `n_process` workers, made anew when the size or the engine's
    settings (JTBD_STUDIO_* variables, which a worker reads once) changed since.

    Spawned, not forked: a fork copies a process whose OpenBLAS threads (numpy's, started at
    import) may hold locks, and a worker's first matrix product (Natasha's NER) can then wait
    forever. Each worker's numpy runs one BLAS thread: Natasha's matrices are small, and idle
    BLAS threads spin, each taking a core from the other workers.
    """
    import os
    import time

    key = (n_process, *sorted((k, v) for k, v in os.environ.items() if k.startswith("JTBD_STUDIO_")))
    if _POOL and _POOL[0][0] == key:
        return _POOL[0][1]
    import atexit
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if not _POOL:
        atexit.register(close_workers)
    close_workers()
    blas = {name: os.environ.get(name) for name in _BLAS_THREADS}
    os.environ.update({name: value or "1" for name, value in blas.items()})
    try:
        pool = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn"))
        try:
            # a spawning executor starts a worker per task while none is idle: start them all
            # now, while the variables are set
            for started in [pool.submit(time.sleep, 0.05) for _ in range(n_process)]:
                started.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    finally:
        for name, value in blas.items():
            if value is None:
                del os.environ[name]
    _POOL.append((key, pool))
    return pool


def close_workers() -> None:
    """End the worker processes of `extract_many(n_process=…)`, if any (also done at exit)."""
    while _POOL:
        _, pool = _POOL.pop()
        pool.shutdown(wait=True, cancel_futures=True)


def _extract_chunk(
    task: tuple[list[tuple[str, str | None]], tuple[str, CompetitorList | None, str | None, int, bool | None]],
) -> list[list[Found]]:
    chunk, (lang, competitors, role, batch_size, discover) = task
    return list(_extract_window(chunk, lang, competitors, role, batch_size, discover))


def _extract_window(
    batch: list[tuple[str, str | None]],
    lang: str,
    competitors: CompetitorList | None,
    role: str | None,
    batch_size: int,
    discover: bool | None,
) -> Iterator[list[Found]]:
    from jtbd_studio.nlp.pipeline import build_pipeline

    results: list[list[Found]] = [[] for _ in batch]
    # per (language, whether capitals mark names): discovery proposes capitalized words, so on
    # German (every noun capitalized) it would propose common nouns; the list still matches
    by_lang: dict[tuple[str, bool], list[tuple[int, int, int]]] = defaultdict(list)
    for n, (text, item_lang) in enumerate(batch):
        chosen, names_by_case = _route(text, item_lang or lang)
        for start, end, piece_lang in _cut(text, chosen):
            by_lang[piece_lang, names_by_case].append((n, start, end))
    for (piece_lang, names_by_case), todo in by_lang.items():
        discovering = False if not names_by_case and discover is None else discover
        nlp = build_pipeline(piece_lang, competitors=competitors, discover=discovering)
        docs = _docs(nlp, batch, todo, role)  # made as nlp.pipe asks: a long text's pieces stream
        for doc, members in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
            if len(members) == 1:
                n, start = members[0][:2]
                results[n] += found_in(doc, batch[n][0], start)
                continue
            for (n, _, _), found in zip(members, _found_in_pack(doc, batch, members), strict=True):
                results[n] += found
    for found in results:
        found.sort(key=lambda f: (f.start, _KIND_ORDER.get(f.kind, 99), f.end))
        yield found


def _docs(
    nlp: Any, batch: list[tuple[str, str | None]], todo: list[tuple[int, int, int]], role: str | None
) -> Iterator[tuple[Doc, list[tuple[int, int, int]]]]:
    """The docs of the batch's pieces (n, start, end), each with the pieces it holds as
    (n, start, char offset in the doc).

    Short pieces go packed: one doc of up to PACK_CHARS characters holds several, joined by
    PACK_SEPARATOR and marked as segments (`doc.user_data["jtbd_segments"]`, their first tokens)
    that every component reads as documents of their own: a sentence starts at each, and no
    look-back or count crosses one. A doc costs a fixed share on top of its words (spaCy's Doc,
    each component's call, the token view): an interview's turns are a few dozen words each.
    """
    # a trained pipeline's own components (parser, tagger, NER) read each token in the context
    # of its neighbours, and a neighbouring piece would change what they find: no packing there
    packs = all(name.startswith("jtbd_") for name in nlp.pipe_names)
    pack: list[tuple[int, int, int]] = []
    size = 0
    for n, start, end in todo:
        text = batch[n][0]
        if not packs or not _packable(text, start, end):
            yield _make_doc(nlp, text[start:end], role), [(n, start, 0)]
            continue
        if pack and size + len(PACK_SEPARATOR) + end - start > PACK_CHARS:
            yield from _pack_docs(nlp, batch, pack, role)
            pack, size = [], 0
        pack.append((n, start, end))
        size += end - start + (len(PACK_SEPARATOR) if size else 0)
    if pack:
        yield from _pack_docs(nlp, batch, pack, role)


#: How long a doc of packed pieces grows (characters). Past about 1,000 a bigger pack saves
#: little more per word: on the benchmark's paragraphs packs of 1,000, 2,000 and 3,000 ran
#: within 4% of one another, all 1.2-1.3x one doc per paragraph (benchmarks/bench_nlp.py, the
#: row of packed texts).
PACK_CHARS = 2_000
#: What joins packed pieces: a blank line, a token of its own between two pieces that neither
#: start nor end with whitespace (_packable), so each piece keeps the tokens it has alone.
PACK_SEPARATOR = "\n\n"


def _packable(text: str, start: int, end: int) -> bool:
    """Whether the piece text[start:end] may share a doc: short, and its first and last
    characters not whitespace (those would join the separator's token)."""
    return (
        0 < end - start < PACK_CHARS
        and not text[start].isspace()
        and not text[end - 1].isspace()
    )


def _pack_docs(
    nlp: Any, batch: list[tuple[str, str | None]], pack: list[tuple[int, int, int]], role: str | None
) -> Iterator[tuple[Doc, list[tuple[int, int, int]]]]:
    """One doc of the pieces of `pack`, or one doc each should a separator not be a token of
    its own (a zero-width space at a piece's end joins the line break's token)."""
    if len(pack) == 1:
        n, start, end = pack[0]
        yield _make_doc(nlp, batch[n][0][start:end], role), [(n, start, 0)]
        return
    offsets: list[int] = []
    at = 0
    for _, start, end in pack:
        offsets.append(at)
        at += end - start + len(PACK_SEPARATOR)
    doc = _make_doc(nlp, PACK_SEPARATOR.join(batch[n][0][start:end] for n, start, end in pack), role)
    segments = _token_starts(doc, offsets)
    if segments is None:  # a separator joined a piece's token: each piece goes alone
        for n, start, end in pack:
            yield _make_doc(nlp, batch[n][0][start:end], role), [(n, start, 0)]
        return
    doc.user_data["jtbd_segments"] = segments
    yield doc, [(n, start, offset) for (n, start, _), offset in zip(pack, offsets, strict=True)]


def _token_starts(doc: Doc, offsets: list[int]) -> list[int] | None:
    """The tokens that start at the character `offsets` (each after a separator that is a
    token of its own), or None if one does not."""
    from spacy.attrs import IDX

    starts: Any = doc.to_array(IDX)
    found: list[int] = starts.searchsorted(offsets).tolist()
    for k, offset in zip(found[1:], offsets[1:], strict=True):
        if k >= len(starts) or starts[k] != offset or starts[k - 1] != offset - len(PACK_SEPARATOR):
            return None
    return found


def _make_doc(nlp: Any, text: str, role: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data["jtbd_role"] = role
    doc.user_data["jtbd_lang"] = nlp.lang
    return doc


def found_in(doc: Doc, source: str, offset: int = 0) -> list[Found]:
    """Turn every `jtbd_*` span group of `doc` (whose text is source[offset:...]) into Found."""
    return [
        # positional: a frozen dataclass takes keywords a good deal slower (thousands of
        # spans); the fields in order: kind, start, end, text, key, label, score, valence
        Found(kind, offset + start, offset + end, source[offset + start : offset + end], *values)
        for kind, start, end, values in _spans_of(doc)
    ]


def _found_in_pack(
    doc: Doc, batch: list[tuple[str, str | None]], members: list[tuple[int, int, int]]
) -> list[list[Found]]:
    """Found per packed piece of `doc` (members: item, start in its text, offset in the doc)."""
    offsets = [offset for _, _, offset in members]
    last = len(offsets) - 1
    found: list[list[Found]] = [[] for _ in members]
    for kind, start, end, values in _spans_of(doc):
        k = bisect_right(offsets, start) - 1
        if k < last and end > offsets[k + 1] - len(PACK_SEPARATOR):
            continue  # past its piece: no component makes one (tests/unit/nlp/test_pack.py)
        n, piece_start, offset = members[k]
        shift = piece_start - offset
        source = batch[n][0]
        found[k].append(Found(kind, shift + start, shift + end, source[shift + start : shift + end], *values))
    return found


def _spans_of(doc: Doc) -> Iterator[tuple[str, int, int, tuple[str, str | None, float, int | None]]]:
    """Every span of the `jtbd_*` groups: kind, characters, and the rest of a Found's fields
    (key, label, score, valence)."""
    # the SpanGroups' own dict: its items() skips UserDict's per-key Python __getitem__
    for group, spans in doc.spans.data.items():
        kind = _KIND_OF_GROUP.get(group)
        if kind is None or not spans:
            continue
        for span in spans:
            start_char, end_char = span.start_char, span.end_char
            if end_char <= start_char:
                continue
            score, valence, key = span_values(doc, start_char, end_char, group)
            yield kind, start_char, end_char, (
                key or " ".join(t.lemma_ for t in span),
                span.label_ or None,
                _unit(score),
                None if valence is None else int(valence),
            )


def _unit(score: float | None) -> float:
    if score is None:
        return 0.5
    return min(1.0, max(0.0, float(score)))
