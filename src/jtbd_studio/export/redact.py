"""Redaction of a study export: pseudonyms for people and companies, masks for contacts."""

from __future__ import annotations

import copy
import re
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{7,}\d(?!\w)")


def _mask(text: str | None, names: dict[str, str]) -> str | None:
    if not text:
        return text
    out = EMAIL.sub("[email]", text)
    out = PHONE.sub("[phone]", out)
    for real, alias in sorted(names.items(), key=lambda kv: -len(kv[0])):
        out = re.sub(rf"(?<!\w){re.escape(real)}(?!\w)", alias, out)
    return out


def redact_study(doc: dict[str, Any]) -> dict[str, Any]:
    """A copy of `doc` where participant names and companies become P1…, Company 1…"""
    out = copy.deepcopy(doc)
    names: dict[str, str] = {}
    for n, p in enumerate(out.get("participants", []), 1):
        if p.get("name"):
            names[p["name"]] = f"P{n}"
        if p.get("company"):
            names.setdefault(p["company"], f"Company {n}")
    for p in out.get("participants", []):
        p["name"] = names.get(p.get("name"), p.get("name"))
        p["company"] = names.get(p.get("company"), p.get("company")) if p.get("company") else None
    for iv in out.get("interviews", []):
        iv["participant"] = names.get(iv.get("participant"), iv.get("participant"))
        iv["nps_why"] = _mask(iv.get("nps_why"), names)
        iv["source_file"] = None
        for group in ("turns", "notes", "extractions"):
            for row in iv.get(group, []):
                row["text"] = _mask(row.get("text"), names)
                if group == "turns" and row.get("speaker") in names:
                    row["speaker"] = names[row["speaker"]]
        for row in iv.get("extractions", []):
            row.pop("start", None)
            row.pop("end", None)
    return out
