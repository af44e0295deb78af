"""Rebuild study.jsonl from the real texts in /work/shared/data (run once; needs the NLP engine).

Each source file is cut into paragraphs (turns) and analyzed whole by `jtbd_studio.nlp.extract`;
every extraction lying inside one paragraph is kept with its span relative to that paragraph.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from jtbd_studio.nlp import extract

SOURCES = [  # (file under /work/shared/data, language, encoding, turns per interview, turns)
    ("texts/ru/business_booster_key_clients.txt", "ru", "utf-8", 14, 40),
    ("texts/ru/churn_threat_or_opportunity.txt", "ru", "utf-8", 16, 60),
    ("transcripts/ru/revizor-act4-complaints.cp1251.crlf.txt", "ru", "cp1251", 10, 30),
    ("transcripts/en/4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md",
     "en", "utf-8", 25, 100),
]
MIN_CHARS = 60


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.end() - m.start() >= MIN_CHARS]


def main(root: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for name, lang, encoding, per_interview, turns in SOURCES:
            text = (root / name).read_text(encoding=encoding).replace("\r\n", "\n")
            found = extract(text, lang=lang)
            for n, (a, b) in enumerate(paragraphs(text)[:turns]):
                inside = [f for f in found if f.start >= a and f.end <= b]
                fh.write(json.dumps({
                    "source": name, "lang": lang, "interview": n // per_interview, "seq": n,
                    "text": text[a:b],
                    "extractions": [{"kind": f.kind, "start": f.start - a, "end": f.end - a, "text": f.text,
                                     "key": f.key, "label": f.label, "score": f.score,
                                     "valence": getattr(f, "valence", None)} for f in inside],
                }, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"), Path(__file__).with_name("study.jsonl"))
