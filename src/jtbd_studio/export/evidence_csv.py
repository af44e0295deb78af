"""The long evidence CSV: one row per turn, note and extraction, pivotable in any map tool."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

COLUMNS = ["interview", "participant", "segment", "key_client", "status", "stage", "item", "kind",
           "label", "valence", "status_review", "offset_ms", "speaker", "role", "text"]


def evidence_rows(doc: dict[str, Any]) -> list[list[Any]]:
    people = {p["name"]: p for p in doc.get("participants", [])}
    rows: list[list[Any]] = []
    for n, iv in enumerate(doc.get("interviews", []), 1):
        p = people.get(iv.get("participant") or "", {})
        base = [n, iv.get("participant"), p.get("segment"), p.get("key_client"), p.get("status")]
        stage_of_turn = {t["seq"]: t.get("stage") for t in iv.get("turns", [])}
        for t in iv.get("turns", []):
            rows.append([*base, t.get("stage"), "turn", None, None, None, None, t.get("start_ms"),
                         t.get("speaker"), t.get("role"), t.get("text")])
        for note in iv.get("notes", []):
            if note.get("deleted"):
                continue
            rows.append([*base, note.get("stage"), "note", note.get("kind"), None, None, None,
                         note.get("offset_ms"), iv.get("interviewer"), "interviewer", note.get("text")])
        for e in iv.get("extractions", []):
            rows.append([*base, stage_of_turn.get(e.get("turn")), "extraction", e.get("kind"), e.get("label"),
                         e.get("valence"), e.get("status"), None, None, None, e.get("text")])
    return rows


def write_evidence_csv(doc: dict[str, Any], output: Path) -> None:
    """UTF-8 with BOM so Excel shows Cyrillic; written whole or not at all."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows(evidence_rows(doc))
    if str(output) == "-":
        sys.stdout.write(buf.getvalue())
        return
    from jtbd_studio.services.exchange import write_text_atomic

    write_text_atomic(Path(output), "\ufeff" + buf.getvalue())
