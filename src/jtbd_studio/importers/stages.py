"""Which script stage each turn belongs to: explicit markers, else matched prompts, else time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from jtbd_studio.errors import UsageError
from jtbd_studio.importers.model import ImportedTurn
from jtbd_studio.importers.roles import INTERVIEWER, RoleAssignment

MARKER_THRESHOLD = 85.0
PROMPT_THRESHOLD = 72.0
"""Score (0..100) an interviewer turn needs to move the interview on to a later stage."""
BACKTRACK_THRESHOLD = 90.0
"""A match to an earlier stage must be this close: interviews rarely go back."""


@dataclass(frozen=True)
class StageSpec:
    """A script stage as matching needs it."""

    id: str
    prompts: tuple[str, ...]
    """Prompt texts in any language (the script's ru and en prompts)."""
    titles: tuple[str, ...]
    """Stage titles in ru and en, for explicit markers."""
    minutes: float
    """Time budget."""


@dataclass(frozen=True)
class StageAssignment:
    stage_id: str
    method: str
    """"marker" | "prompt_match" | "time_share"."""


def assign_stages(
    turns: Sequence[ImportedTurn], roles: RoleAssignment, stages: Sequence[StageSpec]
) -> list[StageAssignment]:
    """One assignment per turn, in order."""
    if not turns:
        return []
    if not stages:
        raise UsageError("the interview script has no stages to assign turns to")
    assigned = _by_prompts(turns, roles, stages) or _by_time(turns, stages)
    return _apply_markers(turns, stages, assigned)


def _apply_markers(
    turns: Sequence[ImportedTurn], stages: Sequence[StageSpec], assigned: list[StageAssignment]
) -> list[StageAssignment]:
    """From each marker that names a stage on, until the next such marker, the marker wins."""
    current: str | None = None
    result = []
    for turn, base in zip(turns, assigned, strict=True):
        if turn.stage_marker:
            named = match_marker(turn.stage_marker, stages)
            current = named if named is not None else current
        result.append(StageAssignment(current, "marker") if current else base)
    return result


def match_marker(marker: str, stages: Sequence[StageSpec]) -> str | None:
    """The id of the stage a marker ("## Onboarding", "[stage: onboarding]") names, if any."""
    wanted = utils.default_process(marker)
    best_id, best = None, 0.0
    for stage in stages:
        for name in (stage.id.replace("_", " ").replace("-", " "), *stage.titles):
            candidate = utils.default_process(name)
            if not candidate:
                continue
            score = fuzz.token_sort_ratio(wanted, candidate)
            if score > best:
                best_id, best = stage.id, score
    return best_id if best >= MARKER_THRESHOLD else None


def prompt_score(text: str, prompts: Sequence[str]) -> float:
    """How closely an interviewer's words follow one of the prompts (0..100)."""
    said = utils.default_process(text)
    if not said:
        return 0.0
    best = 0.0
    for prompt in prompts:
        wanted = utils.default_process(prompt)
        if wanted:
            # token_set_ratio forgives words added around the prompt; partial_ratio forgives
            # a prompt said inside a longer turn with different word endings (Russian).
            score = 0.5 * fuzz.token_set_ratio(said, wanted) + 0.5 * fuzz.partial_ratio(
                wanted, said
            )
            best = max(best, score)
    return best


def _by_prompts(
    turns: Sequence[ImportedTurn], roles: RoleAssignment, stages: Sequence[StageSpec]
) -> list[StageAssignment] | None:
    """Carry the stage of the last matched interviewer question forward; None if none matched."""
    current: int | None = None
    first_match: tuple[int, int] | None = None
    indices: list[int | None] = []
    for position, turn in enumerate(turns):
        if roles.roles.get(turn.speaker) == INTERVIEWER:
            current = _next_stage(turn.text, stages, current)
            if current is not None and first_match is None:
                first_match = (position, current)
        indices.append(current)
    if first_match is None:
        return None
    position, stage = first_match
    # Turns before the first matched question share the stages up to it in proportion to time.
    lead = _by_time(turns[:position], stages[: max(1, stage)]) if position else []
    tail = [
        StageAssignment(stages[i].id, "prompt_match") for i in indices[position:] if i is not None
    ]
    return lead + tail


def _next_stage(text: str, stages: Sequence[StageSpec], current: int | None) -> int | None:
    best, best_score = current, 0.0
    for index, stage in enumerate(stages):
        score = prompt_score(text, stage.prompts)
        backwards = current is not None and index < current
        needed = BACKTRACK_THRESHOLD if backwards else PROMPT_THRESHOLD
        if score >= needed and score > best_score:
            best, best_score = index, score
    return best


def _by_time(turns: Sequence[ImportedTurn], stages: Sequence[StageSpec]) -> list[StageAssignment]:
    """Stage by where a turn starts: in time when every turn has a start, else in words."""
    if not turns:
        return []
    positions = _positions(turns)
    budgets = [max(0.0, stage.minutes) for stage in stages]
    total = sum(budgets) or float(len(stages))
    shares = budgets if sum(budgets) else [1.0] * len(stages)
    bounds, running = [], 0.0
    for share in shares:
        running += share / total
        bounds.append(running)
    result = []
    index = 0
    for position in positions:
        while index < len(stages) - 1 and position >= bounds[index]:
            index += 1
        result.append(StageAssignment(stages[index].id, "time_share"))
    return result


def _positions(turns: Sequence[ImportedTurn]) -> list[float]:
    """Each turn's start as a share (0..1) of the whole interview."""
    starts = [turn.start_ms for turn in turns]
    if all(start is not None for start in starts):
        first = min(s for s in starts if s is not None)
        last = max((t.end_ms or t.start_ms or 0) for t in turns)
        span = max(1, last - first)
        return [((s or 0) - first) / span for s in starts]
    words = [len(turn.text.split()) for turn in turns]
    total = max(1, sum(words))
    positions, before = [], 0
    for count in words:
        positions.append(before / total)
        before += count
    return positions
