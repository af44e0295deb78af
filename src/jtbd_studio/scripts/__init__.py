"""Interview scripts and the vocabularies they use, loaded from TOML data and validated.

Pure: stdlib `tomllib` only; files are read on first use and the packaged ones cached.
"""

from __future__ import annotations

from jtbd_studio.scripts.loader import (
    fill_placeholders,
    list_script_problems,
    list_scripts,
    load_script,
    load_script_file,
)
from jtbd_studio.scripts.model import (
    CsiAspect,
    EmotionLabel,
    NoteKind,
    Prompt,
    Script,
    Stage,
    Term,
    pick_text,
)
from jtbd_studio.scripts.taxonomy import (
    cjm_frame_stage_ids,
    cjm_lanes,
    cjm_stages,
    emotion_by_id,
    emotion_by_key,
    emotion_taxonomy,
    jtbd_phases,
    note_kind_by_key,
    note_kinds,
    placeholders,
    prompt_kinds,
    script_kinds,
)

__all__ = [
    "CsiAspect",
    "EmotionLabel",
    "NoteKind",
    "Prompt",
    "Script",
    "Stage",
    "Term",
    "cjm_frame_stage_ids",
    "cjm_lanes",
    "cjm_stages",
    "emotion_by_id",
    "emotion_by_key",
    "emotion_taxonomy",
    "fill_placeholders",
    "jtbd_phases",
    "list_script_problems",
    "list_scripts",
    "load_script",
    "load_script_file",
    "note_kind_by_key",
    "note_kinds",
    "pick_text",
    "placeholders",
    "prompt_kinds",
    "script_kinds",
]
