"""Extraction quality on the dev gold set (tests/data/eval): P/R/F1 per kind and language.

    python benchmarks/eval_quality.py              the table
    python benchmarks/eval_quality.py --json       the same rows as JSON
    python benchmarks/eval_quality.py --errors --kind friction --lang ru --limit 40
                                                   false positives / negatives with context
    python benchmarks/eval_quality.py --split tune  only the documents with crc32(id) % 2 == 0
                                                   ("check": == 1); look at errors on tune only

Matching: a predicted span matches a gold span of the same kind when the two overlap by at least
one character; matching is one-to-one and greedy (pairs with the largest overlap are taken
first), so one long prediction covering two gold spans counts once. Competitors are scored
twice: with the study's list (tests/data/eval/competitors_<lang>.txt) against `competitors`,
and without a list ("discovery") against `organizations` - with precision where the file marks
every name, recall only for ru_rusentne_orgs.jsonl (one organization marked per sentence) - and
against `competitors`. Emotion: the engine's document valence is the sign of the sum of its
emotion spans' valences, compared with the sign of the gold `valence` on documents where that is
not 0; "acc" counts an engine 0 as wrong, "acc answered" leaves those documents out.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd_studio.errors import JtbdError

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "eval"
#: Text labelled after the rules were written (friction and valence only): see its README.
FRESH_DIR = ROOT / "tests" / "data" / "eval_fresh"
#: the second tune set (its errors are read, as the dev set's tune half's are)
TUNE_DIR = ROOT / "tests" / "data" / "eval_tune"
SPAN_KINDS = ("competitors", "organizations", "friction", "force", "job", "churn_risk")
FORCE_LABELS = frozenset({"push", "pull", "anxiety", "habit"})
META_KEYS = frozenset({"id", "lang", "text", "valence", "source"})
RECALL_ONLY_ORGS = frozenset({"ru_rusentne_orgs.jsonl"})
#: Deterministic halves of the gold set by document id: rules are tuned on one, checked on the other.
SPLITS = {"tune": 0, "check": 1}
MIN_LIST_MENTIONS = 20  # below this a list P/R says too little to hold a floor against
FLOORS = {"competitor (list) P": 0.95, "competitor (list) R": 0.95, "discovery R": 0.80,
          "friction F1": 0.80, "emotion sign acc": 0.80}


class GoldSetError(JtbdError):
    """A gold file breaks the format of GUIDELINES.md; the message names file and line."""


@dataclass(frozen=True)
class Span:
    """A character span of a document, end-exclusive, with an optional label."""

    start: int
    end: int
    label: str | None = None


@dataclass
class GoldDoc:
    """One labelled document; `spans` holds only the kinds the file labels for it."""

    file: str
    id: str
    lang: str
    text: str
    spans: dict[str, list[Span]]
    valence: int | None


def record_problems(rec: Any) -> list[str]:
    """Everything wrong with one JSONL record (empty when it is valid)."""
    if not isinstance(rec, dict):
        return ["not a JSON object"]
    probs = [f"unknown key {k!r}" for k in rec if k not in META_KEYS and k not in SPAN_KINDS]
    if not isinstance(rec.get("id"), str) or not rec.get("id"):
        probs.append("missing id")
    if rec.get("lang") not in ("ru", "en"):
        probs.append(f"lang {rec.get('lang')!r} is not ru or en")
    text = rec.get("text")
    if not isinstance(text, str) or not text:
        return [*probs, "missing text"]
    val = rec.get("valence")
    if "valence" in rec and (type(val) is not int or not -2 <= val <= 2):
        probs.append(f"valence {val!r} is not an integer in -2..2")
    for kind in SPAN_KINDS:
        for sp in rec.get(kind, []) if isinstance(rec.get(kind, []), list) else [None]:
            probs += _span_problems(kind, sp, text)
    return probs


def _span_problems(kind: str, sp: Any, text: str) -> list[str]:
    if not isinstance(sp, dict) or type(sp.get("start")) is not int or type(sp.get("end")) is not int:
        return [f"{kind}: span {sp!r} lacks integer start/end"]
    s, e = sp["start"], sp["end"]
    if not 0 <= s < e <= len(text):
        return [f"{kind}: span {s}..{e} outside the text (length {len(text)})"]
    if "name" in sp and text[s:e] != sp["name"]:
        return [f"{kind}: text[{s}:{e}] is {text[s:e]!r}, not {sp['name']!r}"]
    if kind in ("competitors", "organizations") and "name" not in sp:
        return [f"{kind}: span {s}..{e} has no name"]
    if kind == "force" and sp.get("label") not in FORCE_LABELS:
        return [f"force: label {sp.get('label')!r} is not one of {sorted(FORCE_LABELS)}"]
    return []


def load_gold(gold_dir: Path = GOLD_DIR) -> list[GoldDoc]:
    """Every document of every *.jsonl under `gold_dir`; raises GoldSetError on a bad record."""
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldSetError(f"{where}: not JSON ({exc.msg})") from None
            probs = record_problems(rec)
            if probs:
                raise GoldSetError(f"{where}: {probs[0]}")
            if rec["id"] in seen:
                raise GoldSetError(f"{where}: id {rec['id']!r} already used in {seen[rec['id']]}")
            seen[rec["id"]] = where
            spans = {k: [Span(s["start"], s["end"], s.get("label")) for s in rec[k]]
                     for k in SPAN_KINDS if k in rec}
            docs.append(GoldDoc(path.name, rec["id"], rec["lang"], rec["text"], spans,
                                rec.get("valence")))
    return docs


def greedy_matches(pred: Sequence[Span], gold: Sequence[Span],
                   same_label: bool = False) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of overlapping spans, largest overlap first."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0 and (not same_label or p.label == g.label):
                pairs.append((-overlap, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


@dataclass
class Tally:
    """Counts for one metric, with the misses kept for --errors."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    docs: int = 0
    recall_only: bool = False
    misses: list[tuple[str, GoldDoc, Span]] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return None if self.recall_only or not self.n_pred else self.tp / self.n_pred

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None or r is None else (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, doc: GoldDoc, pred: list[Span], gold: list[Span], same_label: bool) -> None:
        pairs = greedy_matches(pred, gold, same_label)
        self.docs += 1
        self.tp += len(pairs)
        self.n_gold += len(gold)
        hit_p = {i for i, _ in pairs}
        hit_g = {j for _, j in pairs}
        if not self.recall_only:
            self.n_pred += len(pred)
            self.misses += [("FP", doc, p) for i, p in enumerate(pred) if i not in hit_p]
        self.misses += [("FN", doc, g) for j, g in enumerate(gold) if j not in hit_g]


@dataclass
class EmotionTally:
    """Sign agreement on documents whose gold valence is not 0."""

    n: int = 0
    answered: int = 0
    correct: int = 0
    misses: list[tuple[str, GoldDoc, int]] = field(default_factory=list)
    #: documents labelled neutral (valence 0), and those the engine gave a sign all the same:
    #: the cost of coverage, which the sign accuracy alone does not show
    neutral: int = 0
    neutral_signed: int = 0

    def add(self, doc: GoldDoc, engine_sign: int) -> None:
        gold_sign = 1 if (doc.valence or 0) > 0 else -1
        self.n += 1
        self.answered += engine_sign != 0
        if engine_sign == gold_sign:
            self.correct += 1
        else:
            self.misses.append(("SIGN", doc, engine_sign))

    def add_neutral(self, doc: GoldDoc, engine_sign: int) -> None:
        self.neutral += 1
        if engine_sign:
            self.neutral_signed += 1
            self.misses.append(("NEUTRAL", doc, engine_sign))


Extract = Callable[..., list[Any]]


def engine() -> tuple[Extract, Callable[[Path], Any]]:
    """The public API of the extraction engine; a clear error while it is not there yet."""
    try:
        from jtbd_studio.nlp import extract, load_competitors
    except ImportError as exc:
        raise RuntimeError(f"the engine API is not importable yet: {exc}") from exc
    return extract, load_competitors


def run_engine(docs: Sequence[GoldDoc], extract: Extract,
               lists: dict[str, Any]) -> dict[tuple[str, str], list[Any]]:
    """Extractions per (doc id, mode): "list" with the study's competitor list, "open" without."""
    out: dict[tuple[str, str], list[Any]] = {}
    for doc in docs:
        out[doc.id, "list"] = list(extract(doc.text, lang=doc.lang, competitors=lists.get(doc.lang)))
        out[doc.id, "open"] = list(extract(doc.text, lang=doc.lang, competitors=None))
    return out


def spans_of(found: Iterable[Any], kind: str) -> list[Span]:
    return [Span(f.start, f.end, getattr(f, "label", None)) for f in found if f.kind == kind]


def document_sign(found: Iterable[Any]) -> int:
    total = sum(getattr(f, "valence", 0) or 0 for f in found if f.kind == "emotion")
    return (total > 0) - (total < 0)


# (metric, gold key, engine kind, mode, labels must agree)
SPAN_METRICS = (
    ("competitor (list)", "competitors", "competitor", "list", False),
    ("discovery", "organizations", "competitor", "open", False),
    ("discovery vs competitors", "competitors", "competitor", "open", False),
    ("friction", "friction", "friction", "list", False),
    ("force", "force", "force", "list", False),
    ("force+label", "force", "force", "list", True),
    ("job", "job", "job", "list", False),
    ("churn_risk", "churn_risk", "churn_risk", "list", False),
)


def score(docs: Sequence[GoldDoc], found: dict[tuple[str, str], list[Any]]) -> dict[tuple[str, str], Any]:
    """Tallies keyed by (metric, language); rusentne discovery is kept apart as recall only."""
    tallies: dict[tuple[str, str], Any] = {}
    for doc in docs:
        for metric, key, kind, mode, same_label in SPAN_METRICS:
            if key not in doc.spans:
                continue
            name = metric
            if metric == "discovery" and doc.file in RECALL_ONLY_ORGS:
                name = "discovery (rusentne, recall only)"
            if metric == "discovery vs competitors" and not doc.spans[key]:
                continue  # recall against competitors: documents without one add nothing
            tally = tallies.setdefault((name, doc.lang), Tally(recall_only=name != metric
                                                                or metric.endswith("competitors")))
            tally.add(doc, spans_of(found[doc.id, mode], kind), doc.spans[key], same_label)
        if doc.valence is not None:
            tally = tallies.setdefault(("emotion sign", doc.lang), EmotionTally())
            sign = document_sign(found[doc.id, "list"])
            tally.add(doc, sign) if doc.valence else tally.add_neutral(doc, sign)
    return tallies


def floor_checks(metric: str, tally: Any) -> list[tuple[str, float | None, float]]:
    """(figure name, value, floor) for every issue floor this tally is held to."""
    if isinstance(tally, EmotionTally):
        return [("emotion sign acc", tally.correct / tally.n if tally.n else None,
                 FLOORS["emotion sign acc"])]
    if metric == "competitor (list)":
        if tally.n_gold < MIN_LIST_MENTIONS:
            return []
        return [("competitor (list) P", tally.precision, FLOORS["competitor (list) P"]),
                ("competitor (list) R", tally.recall, FLOORS["competitor (list) R"])]
    if metric.startswith("discovery") and metric != "discovery vs competitors":
        return [("discovery R", tally.recall, FLOORS["discovery R"])]
    if metric == "friction":
        return [("friction F1", tally.f1, FLOORS["friction F1"])]
    return []


def result_rows(tallies: dict[tuple[str, str], Any]) -> list[dict[str, Any]]:
    """One plain dict per (metric, language), in a stable order."""
    order = [m[0] for m in SPAN_METRICS] + ["discovery (rusentne, recall only)", "emotion sign"]
    rows = []
    for (metric, lang), t in sorted(tallies.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1])):
        row: dict[str, Any] = {"metric": metric, "lang": lang}
        if isinstance(t, EmotionTally):
            row |= {"docs": t.n, "acc": _r(t.correct / t.n if t.n else None),
                    "acc_answered": _r(t.correct / t.answered if t.answered else None),
                    "coverage": _r(t.answered / t.n if t.n else None), "neutral": t.neutral,
                    "neutral_signed": _r(t.neutral_signed / t.neutral if t.neutral else None)}
        else:
            row |= {"docs": t.docs, "gold": t.n_gold, "pred": None if t.recall_only else t.n_pred,
                    "tp": t.tp, "P": _r(t.precision), "R": _r(t.recall), "F1": _r(t.f1)}
        row["floors"] = [{"figure": f, "value": _r(v), "floor": fl, "met": v is not None and v >= fl}
                         for f, v, fl in floor_checks(metric, t)]
        rows.append(row)
    return rows


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def in_split(doc_id: str, split: str | None) -> bool:
    """Whether a document belongs to the half `split` ("tune", "check"; None: both)."""
    return split is None or zlib.crc32(doc_id.encode("utf-8")) % 2 == SPLITS[split]


def evaluate(gold_dir: Path = GOLD_DIR, every: int = 1,
             split: str | None = None) -> tuple[list[dict[str, Any]], dict]:
    """Run the engine over the gold set (every n-th document of the half `split`) and score it."""
    extract, load_competitors = engine()
    lists = {lang: load_competitors(gold_dir / f"competitors_{lang}.txt")
             for lang in ("en", "ru") if (gold_dir / f"competitors_{lang}.txt").exists()}
    docs = [d for d in load_gold(gold_dir) if in_split(d.id, split)][::every]
    tallies = score(docs, run_engine(docs, extract, lists))
    return result_rows(tallies), tallies


def run(quick: bool) -> list[dict[str, Any]]:
    """Benchmark contract (HELPERS.md): one row per floor figure and per other F1, then the
    floor figures again on the two sets whose errors shaped no rule: the check half of the dev
    set and the fresh set (tests/data/eval_fresh); and on the second tune set
    (tests/data/eval_tune), whose errors did."""
    every = 4 if quick else 1
    out = _rows(evaluate(every=every)[0], "", quick)
    for scope, rows in (("check half", evaluate(every=every, split="check")[0]),
                        ("fresh set", evaluate(FRESH_DIR, every=every)[0]),
                        ("second tune set", evaluate(TUNE_DIR, every=every)[0])):
        out += [row for row in _rows(rows, f" [{scope}]", quick) if row["baseline"] != "no floor"]
    return out + _agreement_rows()


def _agreement_rows() -> list[dict[str, Any]]:
    """Friction F1 against the gold of a second reader of GUIDELINES.md and of the engine, on the
    same 100 dev documents per language (benchmarks/agreement.py, tests/data/eval_agreement)."""
    from benchmarks.agreement import rows

    table = {(r["lang"], r["pair"]): r for r in rows()}
    out = []
    for lang in ("en", "ru"):
        readers = [table[lang, f"annotator {who} vs gold"]["friction F1"] for who in "AB"]
        machine = table[lang, "engine vs gold"]
        out.append({
            "what": f"quality [agreement]: friction F1 vs gold, engine beside a second reader ({lang})",
            "figure": machine["friction F1"], "baseline": f"readers {readers[0]:.3f} / {readers[1]:.3f}",
            "ratio": f"{machine['friction F1'] / (sum(readers) / 2):.2f}",
            "note": f"{machine['docs']} dev docs drawn at random, each labelled anew by two annotators who "
                    f"read only GUIDELINES.md (they agree with each other at F1 "
                    f"{table[lang, 'annotator A vs annotator B']['friction F1']:.3f}: one model, two runs); "
                    f"ratio = engine / the readers' mean",
        })
    return out


def _rows(rows: list[dict[str, Any]], scope: str, quick: bool) -> list[dict[str, Any]]:
    sample = " (quick: every 4th doc)" if quick else ""
    out = []
    for r in rows:
        if "gold" in r:
            note = f"n={r['gold']} gold spans in {r['docs']} docs"
        else:
            note = (f"n={r['docs']} docs with valence != 0, coverage {_fmt(r['coverage'])}; "
                    f"a sign on {_fmt(r['neutral_signed'])} of {r['neutral']} neutral docs")
        for f in r["floors"]:
            v = f["value"]
            out.append({"what": f"quality{scope}: {r['metric']} {f['figure'].split()[-1]} ({r['lang']})",
                        "figure": v, "baseline": f"floor {f['floor']:.2f}",
                        "ratio": "-" if v is None else f"{v / f['floor']:.2f}", "note": note + sample})
        if not r["floors"] and r.get("F1") is not None:
            out.append({"what": f"quality: {r['metric']} F1 ({r['lang']})", "figure": r["F1"],
                        "baseline": "no floor", "ratio": "-", "note": note + sample})
    return out


def print_table(rows: Sequence[dict[str, Any]]) -> None:
    fmt = "{:<36} {:<4} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6}  {}"
    print(fmt.format("metric", "lang", "docs", "gold", "pred", "P", "R", "F1", "floors"))
    for r in rows:
        floors = ", ".join(f"{f['figure']} {'ok' if f['met'] else 'BELOW'} {f['floor']:.2f}"
                           for f in r["floors"])
        if r["metric"] == "emotion sign":
            cells = [r["docs"], "", "", f"acc={_fmt(r['acc'])}",
                     f"answered={_fmt(r['acc_answered'])}", f"cov={_fmt(r['coverage'])}",
                     f"neutral signed={_fmt(r['neutral_signed'])}/{r['neutral']}"]
            print("{:<36} {:<4} {:>5} {:>6} {:>6} {:>10} {:>16} {:>10} {:>22}  {}".format(
                r["metric"], r["lang"], *cells, floors))
            continue
        print(fmt.format(r["metric"], r["lang"], r["docs"], r["gold"], _fmt(r["pred"]),
                         _fmt(r["P"]), _fmt(r["R"]), _fmt(r["F1"]), floors))


def _fmt(x: Any) -> str:
    return "-" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))


def print_errors(tallies: dict[tuple[str, str], Any], kind: str | None, lang: str | None,
                 limit: int) -> None:
    """False positives/negatives (and emotion sign misses) with 40 characters of context."""
    for (metric, lg), t in sorted(tallies.items()):
        if (kind and not metric.startswith(kind)) or (lang and lg != lang):
            continue
        print(f"\n== {metric} ({lg}): {len(t.misses)} misses")
        for what, doc, item in t.misses[:limit]:
            if isinstance(item, Span):
                ctx = (doc.text[max(0, item.start - 40):item.start] + "[[" +
                       doc.text[item.start:item.end] + "]]" + doc.text[item.end:item.end + 40])
                label = f" {item.label}" if item.label and metric.startswith("force") else ""
                print(f"{what}{label} {doc.id}: {' '.join(ctx.split())}")
            else:
                print(f"{what} gold {doc.valence:+d} engine {item:+d} {doc.id}: {doc.text[:160]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--errors", action="store_true", help="print misses with context")
    ap.add_argument("--kind", help="with --errors: only metrics starting with this")
    ap.add_argument("--lang", choices=("en", "ru"), help="with --errors: only this language")
    ap.add_argument("--limit", type=int, default=30, help="with --errors: misses per metric")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold *.jsonl files")
    ap.add_argument("--split", choices=tuple(SPLITS),
                    help="only one half of the documents, by crc32(id) %% 2 (tune 0, check 1)")
    args = ap.parse_args(argv)
    try:
        rows, tallies = evaluate(args.gold, split=args.split)
    except (JtbdError, RuntimeError) as exc:
        print(f"eval_quality: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print_table(rows)
    if args.errors:
        print_errors(tallies, args.kind, args.lang, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
