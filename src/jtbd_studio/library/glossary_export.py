"""The glossary written out: CSV (UTF-8 with BOM, so Excel shows Cyrillic), Markdown, JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from jtbd_studio.library.glossary import GlossaryEntry

CSV_HEADER = ["kind", "canonical", "label", "frequency", "interviews", "participants", "segments",
              "stages", "valence", "variants", "quotes", "quote_sources"]


def _valence(entry: GlossaryEntry) -> str:
    return "" if entry.valence is None else f"{entry.valence:+.2f}"


def _sources(entry: GlossaryEntry) -> str:
    return "; ".join(f"interview {q.interview_id} turn {q.turn_id} [{q.start}:{q.end}] extraction {q.extraction_id}"
                     for q in entry.quotes)


def table_rows(entries: Sequence[GlossaryEntry]) -> tuple[list[str], list[list[object]]]:
    headers = ["kind", "wording", "freq", "interviews", "people", "segments", "valence", "variants"]
    rows = [[e.kind, e.label or e.canonical, e.frequency, e.interviews, e.participants,
             ",".join(e.segments), _valence(e), len(e.variants)] for e in entries]
    return headers, rows


def to_csv(entries: Sequence[GlossaryEntry]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for e in entries:
        writer.writerow([
            e.kind, e.canonical, e.label or "", e.frequency, e.interviews, e.participants,
            ",".join(e.segments), ",".join(e.stages), _valence(e),
            " | ".join(f"{t} ({n})" for t, n in e.variants),
            " | ".join(q.text for q in e.quotes), _sources(e),
        ])
    return out.getvalue().encode("utf-8-sig")


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(entries: Sequence[GlossaryEntry], title: str = "Glossary") -> str:
    lines = [f"# {_md_cell(title)}", ""]
    if not entries:
        return "\n".join([*lines, "_No customer phrases yet._", ""])
    for e in entries:
        lines.append(f"## {_md_cell(e.label or e.canonical)}")
        lines.append("")
        facts = [f"kind: {e.kind}", f"said {e.frequency}×", f"in {e.interviews} interview(s)",
                 f"by {e.participants} participant(s)"]
        if e.segments:
            facts.append("segments " + ", ".join(e.segments))
        if e.valence is not None:
            facts.append(f"valence {_valence(e)}")
        lines += ["- " + "; ".join(facts)]
        if len(e.variants) > 1:
            lines.append("- variants: " + "; ".join(f"«{_md_cell(t)}» ({n})" for t, n in e.variants))
        for q in e.quotes:
            who = f" — {_md_cell(q.participant)}" if q.participant else ""
            lines.append(f"  > {_md_cell(q.context)}{who} (interview {q.interview_id}, turn {q.turn_id}, "
                         f"{q.start}–{q.end})")
        lines.append("")
    return "\n".join(lines)


def to_json(entries: Sequence[GlossaryEntry]) -> str:
    return json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=2) + "\n"
