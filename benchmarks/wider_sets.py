"""Friction and emotion over every labelled set, in two groups: the sets whose errors may be read
and the sets kept unread (aggregates only: no text of an unread set is printed).

    python benchmarks/wider_sets.py

Readable: eval_tune, eval_fresh, the `read/` halves of the document rounds (tests/data/eval_docs*)
and the dev set's tune half. Unread: the `held/` halves, round 80 (eval_docs80, which has no
halves) and the dev set's check half. Friction is scored as in eval_quality.py (overlap, one to
one); emotion as the sign of a document's summed valence, with the three-way accuracy over signed
and neutral documents beside the sign accuracy over the signed ones. The dev set alone, with its
floors, is eval_quality.py's.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_quality import (
    GoldDoc,
    Span,
    document_sign,
    greedy_matches,
    in_split,
    load_gold,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: the dev set's file that is scored for discovery recall only
RECALL_ONLY = "ru_rusentne_orgs.jsonl"


def groups() -> dict[str, list[GoldDoc]]:
    """The readable and the unread documents."""
    rounds = sorted(path for path in DATA.glob("eval_docs*") if path.is_dir())
    readable = [DATA / "eval_tune", DATA / "eval_fresh"] + [r / "read" for r in rounds if (r / "read").is_dir()]
    unread = [r / "held" for r in rounds if (r / "held").is_dir()]
    unread += [r for r in rounds if not (r / "read").is_dir()]
    dev = [doc for doc in load_gold(DATA / "eval") if doc.file != RECALL_ONLY]
    return {
        "readable": [doc for folder in readable for doc in load_gold(folder)] + [d for d in dev if in_split(d.id, "tune")],
        "unread": [doc for folder in unread for doc in load_gold(folder)] + [d for d in dev if in_split(d.id, "check")],
    }


def main() -> int:
    from jtbd_studio.nlp import extract_many

    print(f"{'set':9s} {'lang':4s} {'friction P':>10s} {'R':>6s} {'F1':>6s} {'gold':>5s}   "
          f"{'emotion sign':>12s} {'3-way':>6s} {'signed':>6s} {'neutral':>7s} {'signed':>6s}")
    for name, docs in groups().items():
        counts: Counter[tuple[str, str]] = Counter()
        for doc, found in zip(docs, extract_many([(d.text, d.lang) for d in docs]), strict=True):
            lang = doc.lang
            if "friction" in doc.spans:
                spans = [Span(f.start, f.end, None) for f in found if f.kind == "friction"]
                counts[lang, "gold"] += len(doc.spans["friction"])
                counts[lang, "pred"] += len(spans)
                counts[lang, "match"] += len(greedy_matches(spans, doc.spans["friction"]))
            if doc.valence is not None:
                sign, want = document_sign(found), (doc.valence > 0) - (doc.valence < 0)
                if want:
                    counts[lang, "signed"] += 1
                    counts[lang, "right"] += sign == want
                else:
                    counts[lang, "neutral"] += 1
                    counts[lang, "neutral signed"] += sign != 0
        for lang in ("en", "ru"):
            c = {key: counts[lang, key] for key in ("gold", "pred", "match", "signed", "right", "neutral", "neutral signed")}
            p = c["match"] / c["pred"] if c["pred"] else 0.0
            r = c["match"] / c["gold"] if c["gold"] else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            sign_acc = c["right"] / c["signed"] if c["signed"] else 0.0
            judged = c["signed"] + c["neutral"]
            three = (c["right"] + c["neutral"] - c["neutral signed"]) / judged if judged else 0.0
            neutral_signed = c["neutral signed"] / c["neutral"] if c["neutral"] else 0.0
            print(f"{name:9s} {lang:4s} {p:10.3f} {r:6.3f} {f1:6.3f} {c['gold']:5d}   "
                  f"{sign_acc:12.3f} {three:6.3f} {c['signed']:6d} {neutral_signed:7.3f} {c['neutral']:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
