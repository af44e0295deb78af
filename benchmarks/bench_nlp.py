"""Speed and memory of the Russian analysis pipeline (and English packing), as ratios measured in
one run.

    python benchmarks/bench_nlp.py [--quick]

Corpus: real Russian text (Gogol's «Ревизор» as a transcript and two articles on churn and key
clients, from ../shared/data or their copies in tests/data) cut into paragraphs, shuffled and
repeated to size; plus the synthetic interview corpus of benchmarks/corpus.py. The per-form
caches warm up on the first pass, as they do on a real study (word frequencies are Zipfian).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks._util import row  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
SOURCES = (
    ("transcripts/ru/gogol-revizor.txt", ROOT / "tests/data/transcripts/ru/gogol-revizor.txt"),
    ("texts/ru/business_booster_key_clients.txt", None),
    ("texts/ru/churn_threat_or_opportunity.txt", None),
)
ORGS = ROOT / "tests/data/eval/ru_rusentne_orgs.jsonl"


#: Paragraphs per document in the long-document row.
LONG_DOC = 20


def real_paragraphs() -> list[str]:
    found = []
    for shared, copy in SOURCES:
        path = SHARED / shared if (SHARED / shared).exists() else copy
        if path is not None and path.exists():
            found += [p.strip() for p in path.read_text(encoding="utf-8").splitlines() if len(p.split()) >= 3]
    return found


def sized(paragraphs: list[str], n_words: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    words = 0
    while words < n_words:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for p in batch:
            out.append(p)
            words += len(p.split())
            if words >= n_words:
                break
    return out


def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def tokenizer_only() -> Callable[[list[str]], Any]:
    import spacy

    nlp = spacy.blank("ru")
    return lambda texts: [len(d) for d in nlp.tokenizer.pipe(texts)]


def our_tokenizer() -> Callable[[list[str]], Any]:
    """The tokenizer of our own pipeline alone, in this process (where the pipeline is loaded)."""
    from jtbd_studio.nlp.pipeline import build_pipeline

    tokenizer = build_pipeline("ru").tokenizer
    return lambda texts: [len(d) for d in tokenizer.pipe(texts)]


def stock_lemmatizer() -> Callable[[list[str]], Any]:
    import spacy

    nlp = spacy.blank("ru")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    return lambda texts: [len(d) for d in nlp.pipe(texts)]


def lemmas_and_sentences() -> Callable[[list[str]], Any]:
    """Our pipeline with every extraction component off: the ceiling of any analysis speed."""
    from jtbd_studio.nlp.pipeline import build_pipeline

    nlp = build_pipeline("ru")
    keep = ("jtbd_lemmatizer", "jtbd_sentencizer")
    off = [name for name in nlp.pipe_names if name not in keep]

    def run(texts: list[str]) -> list[int]:
        with nlp.select_pipes(disable=off):
            return [len(d) for d in nlp.pipe(texts)]

    return run


def ours(*, packed: bool = True, lang: str = "ru", **pipeline: Any) -> Callable[[list[str]], Any]:
    """Analysis as `extract` and `analyze` run it: extract_many over (text, lang) items, short
    texts packed into shared docs (engine.PACK_CHARS); `packed=False` gives each text its own doc."""
    from jtbd_studio.nlp import engine

    def run(texts: list[str]) -> list[int]:
        size = engine.PACK_CHARS
        engine.PACK_CHARS = size if packed else 0
        try:
            return [len(found) for found in engine.extract_many([(t, lang) for t in texts], **pipeline)]
        finally:
            engine.PACK_CHARS = size

    return run


def english_turns() -> list[str]:
    """The English turns of the dev gold sets (real interview and podcast transcripts)."""
    turns = []
    for path in sorted((ROOT / "tests/data").glob("eval*/en_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            if doc.get("text", "").strip():
                turns.append(doc["text"].strip())
    return turns


def discovery_recall(mode: str, limit: int | None = None) -> tuple[float, float]:
    """Recall on the RuSentNE organizations and words/s of discovery in NER mode `mode`."""
    from jtbd_studio.nlp.engine import found_in
    from jtbd_studio.nlp.pipeline import build_pipeline

    docs = [json.loads(x) for x in ORGS.read_text(encoding="utf-8").splitlines() if x.strip()][:limit]
    nlp = build_pipeline("ru", ner=mode)
    nlp(docs[0]["text"])
    hit = total = 0
    t0 = time.perf_counter()
    for doc, parsed in zip(docs, nlp.pipe([d["text"] for d in docs]), strict=True):
        found = [f for f in found_in(parsed, doc["text"]) if f.kind == "competitor"]
        for gold in doc["organizations"]:
            total += 1
            hit += any(f.start < gold["end"] and gold["start"] < f.end for f in found)
    elapsed = time.perf_counter() - t0
    return hit / total, words_in([d["text"] for d in docs]) / elapsed


_STREAM = """
import random, resource, sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_nlp import real_paragraphs
from jtbd_studio.nlp import extract_many
paragraphs = real_paragraphs()
target = {n_words}
def items():
    rng = random.Random(3); words = 0
    while words < target:
        p = rng.choice(paragraphs); words += len(p.split()); yield (p, "ru")
t0 = time.perf_counter(); n = 0
for found in extract_many(items(), batch_size=64):
    n += len(found)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - t0, n)
"""


_COLD = """
import sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_nlp import real_paragraphs, ours, stock_lemmatizer, words_in
texts = real_paragraphs()
stock, full = stock_lemmatizer(), ours()
# one sentence not in the corpus loads what both load once (Natasha's model, pymorphy3's tables)
for run in (full, stock):
    run(["Вчера Иван Петров из «Ромашки» перешёл на Мегаплан."])
t0 = time.perf_counter(); full(texts); ours_s = time.perf_counter() - t0
t0 = time.perf_counter(); stock(texts); stock_s = time.perf_counter() - t0
print(words_in(texts) / ours_s, words_in(texts) / stock_s)
"""


_PURE = """
import statistics, sys
sys.path.insert(0, {root!r})
from benchmarks.bench_nlp import interleaved, ours, real_paragraphs, sized, stock_lemmatizer, tokenizer_only
from jtbd_studio.nlp import ENGINE
assert ENGINE.startswith("pure"), ENGINE
paragraphs = real_paragraphs()
texts, stock_texts = sized(paragraphs, {n_words}), sized(paragraphs, {n_words} // 10)
speeds = interleaved({{"tokenizer": (tokenizer_only(), texts), "stock": (stock_lemmatizer(), stock_texts),
                      "full": (ours(), texts)}}, rounds={rounds})
print(*(statistics.median(speeds[name]) for name in ("full", "tokenizer", "stock")),
      statistics.median(a / b for a, b in zip(speeds["full"], speeds["stock"])),
      statistics.median(a / b for a, b in zip(speeds["full"], speeds["tokenizer"])))
"""


def pure_engine(quick: bool) -> list[dict[str, Any]]:
    """The same analysis with the Python modules instead of their mypyc build, in a child
    process (JTBD_STUDIO_PURE=1) that measures its own baselines in the same rounds."""
    from jtbd_studio.nlp import ENGINE

    if not ENGINE.startswith("compiled"):
        return []  # the main rows are the pure engine already
    n_words, rounds = (40_000, 3) if quick else (200_000, 5)
    code = _PURE.format(root=str(ROOT), n_words=n_words, rounds=rounds)
    env = {**os.environ, "JTBD_STUDIO_PURE": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT, env=env)
    full, tokenizer, stock, vs_stock, vs_tokenizer = map(float, out.stdout.split())
    note = "the Python modules, not their mypyc build (JTBD_STUDIO_PURE=1), in a child process"
    return [
        row("ru analysis, pure-Python engine, vs stock pymorphy3 lemmatizer", f"{full:,.0f} words/s",
            f"{stock:,.0f} words/s", vs_stock, f"{note}; median of per-round ratios"),
        row("ru analysis, pure-Python engine, vs tokenizer alone", f"{full:,.0f} words/s",
            f"{tokenizer:,.0f} words/s", vs_tokenizer, note),
    ]


def cold_pass() -> tuple[float, float]:
    """Words/s of our analysis and of the stock pipeline over every paragraph once, in a fresh
    process: no per-form cache, tokenizer cache or NER memo has seen the text before."""
    code = _COLD.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    full, stock = out.stdout.split()
    return float(full), float(stock)


def streaming_peak_rss(n_words: int) -> tuple[float, float]:
    """Peak RSS (MB) and words/s of a fresh process streaming n_words through extract_many."""
    code = _STREAM.format(root=str(ROOT), n_words=n_words)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    kb, seconds, _ = out.stdout.split()
    return int(kb) / 1024, n_words / float(seconds)


_WORKERS = """
import sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_nlp import real_paragraphs, sized
from jtbd_studio.nlp.engine import extract_many
if __name__ == "__main__":
    texts = sized(real_paragraphs(), {n_words})
    for _ in range({passes}):  # the last pass is timed: the ones before warm the workers' caches
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_many([(t, None) for t in texts], lang="ru", n_process={n_process}))
    print(time.perf_counter() - t0)
"""


def workers_seconds(n_words: int, n_process: int, passes: int = 1) -> float:
    """Seconds a fresh process takes to stream n_words through extract_many(n_process=…),
    worker start-up included (a script file: spawned workers import the parent's main); with
    `passes` > 1, the last of as many passes over the same texts (started, warm workers)."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(_WORKERS.format(root=str(ROOT), n_words=n_words, n_process=n_process, passes=passes))
    try:
        out = subprocess.run([sys.executable, script.name], capture_output=True, text=True, check=True, cwd=ROOT)
    finally:
        os.unlink(script.name)
    return float(out.stdout.split()[-1])


def interleaved(runners: dict[str, tuple[Callable[[list[str]], Any], list[str]]], rounds: int) -> dict[str, list[float]]:
    """Words/s of each runner, measured in turns (a, b, c, a, b, c, …) after one warm-up pass.

    On a shared, noisy machine a slow minute hits every runner of a round alike, so the
    per-round ratios are steadier than ratios of separately timed medians.
    """
    for fn, texts in runners.values():
        fn(texts[: max(1, len(texts) // 10)])
    speeds: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(rounds):
        for name, (fn, texts) in runners.items():
            t0 = time.perf_counter()
            fn(texts)
            speeds[name].append(words_in(texts) / (time.perf_counter() - t0))
    return speeds


def _ratio_range(speeds: dict[str, list[float]], name: str, base: str) -> str:
    """The lowest and highest per-round ratio: how far the noise of the machine reaches."""
    ratios = [a / b for a, b in zip(speeds[name], speeds[base], strict=True)]
    return f"{min(ratios):.2f}-{max(ratios):.2f}"


def _median_ratio(speeds: dict[str, list[float]], name: str, base: str) -> float:
    return statistics.median(a / b for a, b in zip(speeds[name], speeds[base], strict=True))


def run(quick: bool) -> list[dict[str, Any]]:
    from jtbd_studio.nlp import ENGINE
    from jtbd_studio.nlp.engine import PACK_CHARS

    paragraphs = real_paragraphs()
    texts = sized(paragraphs, 40_000 if quick else 200_000)
    stock_texts = sized(paragraphs, 6_000 if quick else 20_000)
    speeds = interleaved({
        "tokenizer": (tokenizer_only(), texts),
        "stock": (stock_lemmatizer(), stock_texts),
        "full": (ours(), texts),
        "auto": (ours(lang="auto"), texts),
        "unpacked": (ours(packed=False), texts),
        "listed": (ours(competitors=_study_list()), texts),
        "ceiling": (lemmas_and_sentences(), texts),
        "our_tokenizer": (our_tokenizer(), texts),
        # the same words as documents of 20 paragraphs (too long to pack)
        "long": (ours(), ["\n".join(texts[i : i + LONG_DOC]) for i in range(0, len(texts), LONG_DOC)]),
    }, rounds=3 if quick else 9)
    med = {name: statistics.median(values) for name, values in speeds.items()}
    n = (
        f"{words_in(texts):,} words of real Russian text, one paragraph per text, through extract_many "
        f"(short texts packed into docs of up to {PACK_CHARS:,} characters); median of "
        f"{len(speeds['full'])} per-round ratios; engine: {ENGINE}"
    )
    rows = [
        row("ru analysis vs tokenizer alone", f"{med['full']:,.0f} words/s", f"{med['tokenizer']:,.0f} words/s",
            _median_ratio(speeds, "full", "tokenizer"), f"budget >= 0.30; full pipeline, discovery + gated NER; {n}"),
        row("ru analysis vs stock pymorphy3 lemmatizer", f"{med['full']:,.0f} words/s", f"{med['stock']:,.0f} words/s",
            _median_ratio(speeds, "full", "stock"),
            f"budget >= 10; baseline blank('ru') + sentencizer + lemmatizer(pymorphy3); engine: {ENGINE}; "
            f"per-round ratios {_ratio_range(speeds, 'full', 'stock')}"),
        row("ru analysis, language detected per text, vs the language given", f"{med['auto']:,.0f} words/s",
            f"{med['full']:,.0f} words/s", _median_ratio(speeds, "auto", "full"),
            "the same paragraphs as items without a language (`extract`'s default, and `analyze` on an "
            "interview of no single language): each text is routed by lang.detect_language first"),
        row("ru analysis with a competitor list vs tokenizer", f"{med['listed']:,.0f} words/s",
            f"{med['tokenizer']:,.0f} words/s", _median_ratio(speeds, "listed", "tokenizer"),
            "list matching only (no discovery)"),
        row("ru lemmas + sentences only (no extraction) vs tokenizer", f"{med['ceiling']:,.0f} words/s",
            f"{med['tokenizer']:,.0f} words/s", _median_ratio(speeds, "ceiling", "tokenizer"),
            "the ceiling of any analysis on this design: our tokenizer, pymorphy3 lemmas (cached per form), "
            "sentence starts and the token view the kinds share (built by the sentencizer); "
            "no jtbd_* kind component"),
        row("our pipeline's tokenizer alone vs blank('ru') tokenizer", f"{med['our_tokenizer']:,.0f} words/s",
            f"{med['tokenizer']:,.0f} words/s", _median_ratio(speeds, "our_tokenizer", "tokenizer"),
            "spaCy's tokenizer with our affix rules (line breaks as separators, Russian hyphenated words "
            "kept), a larger chunk cache and only the special cases that split otherwise than the affix "
            "rules (a doc holding one, such as a non-breaking space, is not cached by spaCy), inside the "
            "loaded pipeline: the share of the baseline's speed our analysis starts from before any "
            "component runs"),
        row("ru analysis, short texts packed vs one doc per text", f"{med['full']:,.0f} words/s",
            f"{med['unpacked']:,.0f} words/s", _median_ratio(speeds, "full", "unpacked"),
            f"the same paragraphs (average {words_in(texts) / len(texts):.1f} words), extract_many with packing "
            f"off as the baseline: what packing saves of the work done once per doc (spaCy's Doc, each "
            f"component's call and span groups, the token view); the Found lists are the same "
            f"(tests/unit/nlp/test_pack.py)"),
        row(f"ru analysis, documents of {LONG_DOC} paragraphs vs one paragraph each", f"{med['long']:,.0f} words/s",
            f"{med['full']:,.0f} words/s", _median_ratio(speeds, "long", "full"),
            f"the same {words_in(texts):,} words joined by line breaks into {LONG_DOC}-paragraph documents, "
            f"too long to pack, against the paragraphs packed: what packing leaves of the per-doc work"),
    ]
    rows.append(_english_packing(quick))
    rows += _where_the_time_goes(texts, rounds=3 if quick else 7)
    rows += _language_detection(paragraphs, rounds=3 if quick else 9)
    rows += pure_engine(quick)
    cold = [cold_pass() for _ in range(1 if quick else 3)]
    cold_full = statistics.median(c[0] for c in cold)
    cold_stock = statistics.median(c[1] for c in cold)
    rows.append(row(
        "ru analysis vs stock pymorphy3 lemmatizer, first pass (cold caches)", f"{cold_full:,.0f} words/s",
        f"{cold_stock:,.0f} words/s", statistics.median(a / b for a, b in cold),
        f"each of the {len(paragraphs):,} paragraphs ({words_in(paragraphs):,} words) once, in a fresh "
        f"process: every form is analyzed and every NER verdict made for the first time (one unrelated "
        f"sentence first loads the models); median of "
        f"{len(cold)} processes"))
    rows.append(_new_forms(paragraphs, rounds=3 if quick else 7))
    rows += _synthetic(quick, base_rate=None)
    rows += _ner_tradeoff(quick)
    n_words = 60_000 if quick else 600_000
    rounds = [(workers_seconds(n_words, 1), workers_seconds(n_words, 2)) for _ in range(1 if quick else 3)]
    one = statistics.median(a for a, _ in rounds)
    two = statistics.median(b for _, b in rounds)
    rows.append(row(
        "extract_many over 2 worker processes (analyze --n-process 2)", f"{n_words / two:,.0f} words/s",
        f"1 process: {n_words / one:,.0f} words/s", statistics.median(a / b for a, b in rounds),
        f"{n_words:,} words of the real paragraphs, each run a fresh process (worker start-up and cold "
        f"caches included), medians of {len(rounds)}; {os.cpu_count()} CPUs, shared"))
    n_warm = 40_000 if quick else 300_000
    warm = [(workers_seconds(n_warm, 1, passes=3), workers_seconds(n_warm, 2, passes=3))
            for _ in range(1 if quick else 3)]
    rows.append(row(
        "extract_many over 2 worker processes, started and warm", f"{n_warm / statistics.median(b for _, b in warm):,.0f} words/s",
        f"1 process: {n_warm / statistics.median(a for a, _ in warm):,.0f} words/s",
        statistics.median(a / b for a, b in warm),
        f"the third of three passes over {n_warm:,} words in one process (each worker sees half of each "
        f"pass, so two passes warm its caches): what a long study gains once the workers have started "
        f"and their caches are warm (analyze keeps its workers across a study's interviews); medians of "
        f"{len(warm)}"))
    peak, speed = streaming_peak_rss(300_000 if quick else 10_000_000)
    rows.append(row("peak RSS streaming extract_many", f"{peak:.0f} MB", "500 MB budget", peak / 500,
                    f"{'300 k' if quick else '10 M'} words, {speed:,.0f} words/s, fresh process"))
    return rows


def _english_packing(quick: bool) -> dict[str, Any]:
    """English turns through extract_many with discovery (no list), packed against one doc each."""
    turns = english_turns()
    texts = sized(turns, 20_000 if quick else 100_000)
    speeds = interleaved({"packed": (ours(lang="en"), texts), "unpacked": (ours(lang="en", packed=False), texts)},
                         rounds=3 if quick else 7)
    return row("en analysis, short texts packed vs one doc per text", f"{statistics.median(speeds['packed']):,.0f} words/s",
               f"{statistics.median(speeds['unpacked']):,.0f} words/s", _median_ratio(speeds, "packed", "unpacked"),
               f"{words_in(texts):,} words: the {len(turns):,} English turns of the gold sets (interview and podcast "
               f"transcripts; average {words_in(turns) / len(turns):.1f} words), repeated; discovery on (no list), "
               f"English discovery reading each piece as its own document; median of per-round ratios")


def _new_forms(paragraphs: list[str], rounds: int) -> dict[str, Any]:
    """Our analysis of a Russian form seen for the first time (a new Lemmatizer, so no cache:
    pymorphy3's readings, the choice among them, part of speech and flags) against pymorphy3's
    `parse` alone on the same forms, in turns: what a first pass pays per new form."""
    import re

    from jtbd_studio.nlp.lemmas import Lemmatizer, morph

    forms = sorted({w.lower() for p in paragraphs for w in re.findall(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", p)})
    analyzer = morph()

    def ours_once() -> float:
        words = Lemmatizer()
        t0 = time.perf_counter()
        for form in forms:
            words.analyze(form)
        return len(forms) / (time.perf_counter() - t0)

    def parse_once() -> float:
        t0 = time.perf_counter()
        for form in forms:
            analyzer.parse(form)
        return len(forms) / (time.perf_counter() - t0)

    parse_once()
    pairs = [(ours_once(), parse_once()) for _ in range(rounds)]
    return row(
        "ru analysis of a word form seen for the first time vs pymorphy3 parse alone",
        f"{statistics.median(a for a, _ in pairs):,.0f} forms/s",
        f"{statistics.median(b for _, b in pairs):,.0f} forms/s", statistics.median(a / b for a, b in pairs),
        f"the {len(forms):,} distinct Cyrillic forms of the real paragraphs, each round a new Lemmatizer "
        f"(no cache): pymorphy3's readings plus our choice among them, part of speech and flags; "
        f"median of {rounds} per-round ratios")


def _study_list() -> Any:
    from jtbd_studio.nlp import competitors_from

    return competitors_from([("Битрикс24", ["Bitrix24", "битрикс"]), ("amoCRM", ["амоCRM"]),
                             ("Мегаплан", ["Megaplan"]), ("HubSpot", [])])


def _synthetic(quick: bool, base_rate: float | None) -> list[dict[str, Any]]:
    try:
        from benchmarks.corpus import corpus_text
    except ImportError:
        return []
    text = corpus_text(30_000 if quick else 150_000, lang="ru")
    texts = [p for p in text.split("\n") if p.strip()]
    speeds = interleaved({"tokenizer": (tokenizer_only(), texts), "full": (ours(), texts)}, rounds=3)
    full, base = statistics.median(speeds["full"]), statistics.median(speeds["tokenizer"])
    return [row("ru analysis vs tokenizer, synthetic corpus", f"{full:,.0f} words/s", f"{base:,.0f} words/s",
                _median_ratio(speeds, "full", "tokenizer"), f"{words_in(texts):,} words from benchmarks/corpus.py")]


def component_seconds(texts: list[str], rounds: int) -> list[dict[str, float]]:
    """Per timed pass of extract_many over `texts` (after one warm pass): the seconds of each
    component's calls, of what is left outside them (language routing, tokenizing, packing,
    Found objects) and of the whole."""
    from jtbd_studio.nlp.pipeline import build_pipeline

    nlp = build_pipeline("ru", competitors=None, discover=None)  # the one extract_many uses
    spent: dict[str, float] = {}

    def timed(name: str, proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def call(doc: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return proc(doc)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0

        return call

    original = list(nlp._components)
    nlp._components = [(name, timed(name, proc)) for name, proc in original]
    run = ours()
    passes: list[dict[str, float]] = []
    try:
        run(texts)  # warm
        for _ in range(rounds):
            spent.clear()
            t0 = time.perf_counter()
            run(texts)
            total = time.perf_counter() - t0
            passes.append({**spent, "outside the components": total - sum(spent.values()), "whole": total})
    finally:
        nlp._components = original
    return passes


def _where_the_time_goes(texts: list[str], rounds: int) -> list[dict[str, Any]]:
    """Each component's share of the Russian analysis (its calls timed inside extract_many), and
    what is left outside them: language routing, tokenizing, packing, Found objects."""
    passes = component_seconds(texts, rounds)
    words = words_in(texts)
    shares = {name: [p[name] / p["whole"] for p in passes] for name in passes[0] if name != "whole"}
    per_word = statistics.median(p["whole"] for p in passes) / words * 1e6
    return [
        row(f"ru analysis, share of {name}", f"{statistics.median(values) * per_word:.2f} µs/word",
            f"the whole analysis: {per_word:.2f} µs/word", statistics.median(values),
            f"median of {rounds} per-round shares, each component's calls timed inside extract_many over "
            f"the {words:,} words of the main rows (a component that runs first builds what the later "
            f"ones share: friction makes the sentence and clause index)" if name == "jtbd_friction"
            else f"median of {rounds} per-round shares")
        for name, values in shares.items()
    ]


#: Language detection's letter counts as they were made before b1dd121: one regex match, and one
#: string, per letter (Russian Cyrillic, basic Latin, any letter)
_BY_LETTER = ("[А-Яа-яЁё]", "[A-Za-z]", r"[^\W\d_]")


def _language_detection(paragraphs: list[str], rounds: int) -> list[dict[str, Any]]:
    """detect_language against the tokenizer, and its letter counts by runs against the same
    counts made one match per letter (the counting before b1dd121; the counts are the same)."""
    import re

    from jtbd_studio.nlp.lang import SAMPLE, _letters, detect_language

    by_letter = [re.compile(p) for p in _BY_LETTER]

    def one_per_letter(texts: list[str]) -> list[tuple[int, int, int]]:
        found = []
        for text in texts:
            cyr, lat, letters = (len(p.findall(text[:SAMPLE])) for p in by_letter)
            found.append((cyr, lat, letters - cyr - lat))
        return found

    texts = sized(paragraphs, 200_000)
    assert one_per_letter(texts) == [_letters(t[:SAMPLE]) for t in texts]
    speeds = interleaved({
        "tokenizer": (tokenizer_only(), texts),
        "detect": (lambda batch: [detect_language(t) for t in batch], texts),
        "runs": (lambda batch: [_letters(t[:SAMPLE]) for t in batch], texts),
        "letters": (one_per_letter, texts),
    }, rounds=rounds)
    med = {name: statistics.median(values) for name, values in speeds.items()}
    return [
        row("language detection (detect_language) vs the tokenizer", f"{med['detect']:,.0f} words/s",
            f"{med['tokenizer']:,.0f} words/s", _median_ratio(speeds, "detect", "tokenizer"),
            "the same Russian paragraphs; what routing a text without a language costs before analysis"),
        row("language detection's letter counts: by runs vs one match per letter", f"{med['runs']:,.0f} words/s",
            f"{med['letters']:,.0f} words/s", _median_ratio(speeds, "runs", "letters"),
            "the same counts (asserted); one match per letter is how they were made before b1dd121"),
    ]


def _ner_tradeoff(quick: bool) -> list[dict[str, Any]]:
    """Recall and speed of each NER mode: in each round every mode reads the documents once
    with a new pipeline (its memos of NER verdicts and spellings empty), after a pass without
    discovery has filled the per-process caches (forms, lemmas, tokenizer) that all modes
    share; speeds are medians over the rounds, ratios medians of per-round ratios."""
    from jtbd_studio.nlp.pipeline import build_pipeline

    limit, rounds = (120, 1) if quick else (None, 3)
    docs = [json.loads(x) for x in ORGS.read_text(encoding="utf-8").splitlines() if x.strip()][:limit]
    for _ in build_pipeline("ru", discover=False).pipe([d["text"] for d in docs]):
        pass
    texts = real_paragraphs()
    for _ in build_pipeline("ru", discover=False).pipe(texts):
        pass
    modes = ("off", "gated", "all")
    recalls: dict[str, float] = {}
    speeds: dict[str, list[float]] = {mode: [] for mode in modes}
    real: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(rounds):
        for mode in modes:
            build_pipeline.cache_clear()
            recalls[mode], speed = discovery_recall(mode, limit)
            speeds[mode].append(speed)
            build_pipeline.cache_clear()
            nlp = build_pipeline("ru", ner=mode)
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            real[mode].append(words_in(texts) / (time.perf_counter() - t0))

    def ratio(runs: dict[str, list[float]], mode: str) -> float:
        return statistics.median(a / b for a, b in zip(runs[mode], runs["off"], strict=True))

    rows = [
        row(f"discovery, Natasha NER {mode}",
            f"recall {recalls[mode]:.3f}, {statistics.median(speeds[mode]):,.0f} words/s",
            f"NER off: {statistics.median(speeds['off']):,.0f} words/s", ratio(speeds, mode),
            "RuSentNE organizations (news: most sentences hold names, so gating saves least here); "
            "each mode's first pass with a new pipeline")
        for mode in modes
    ]
    rows += [
        row(f"ru analysis, Natasha NER {mode}, first pass over the shared texts",
            f"{statistics.median(real[mode]):,.0f} words/s", f"NER off: {statistics.median(real['off']):,.0f} words/s",
            ratio(real, mode), "two business articles and «Ревизор» (the benchmark's real paragraphs), 27,021 words; a new pipeline per pass")
        for mode in modes[1:]
    ]
    return rows


if __name__ == "__main__":
    for r in run("--quick" in sys.argv):
        print(" | ".join(str(r[k]) for k in ("what", "figure", "baseline", "ratio", "note")))
