"""The journey map across interviews: CJM columns × lanes (emotion, friction, competitors …).

Columns are the CJM stages of corpora/taxonomy/cjm.toml without the two frame columns
(context before the journey, the look back after it). Every item lands in the column its
script stage feeds; items in a frame column or on no known stage stay out of the map and are
counted in `JourneyMap.outside`.

Emotion curve: per interview and column, the interviewer's tags are used when there are any,
otherwise the suggested ones; that interview's value is the mean of the tags used. The column's
point is the mean over interviews, an interview whose value rests only on suggested tags
weighing SUGGESTED_WEIGHT (an interviewer-tagged one weighs 1). `n` counts the interviews.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from jtbd_studio.analysis.data import (
    CompetitorName,
    ExtractionItem,
    InterviewItem,
    NoteItem,
    TagItem,
)
from jtbd_studio.analysis.naming import named_competitors, short_label

SUGGESTED_WEIGHT = 0.5
FORCES = ("push", "pull", "anxiety", "habit")


def journey_columns() -> tuple[str, ...]:
    """The CJM stage ids that are columns of the map, in journey order."""
    from jtbd_studio.scripts import cjm_frame_stage_ids, cjm_stages

    frames = cjm_frame_stage_ids()
    return tuple(stage for stage, _ in cjm_stages() if stage not in frames)


@dataclass(frozen=True)
class Counted:
    """A label with how often it was mentioned and in how many interviews."""

    label: str
    count: int
    interviews: int


@dataclass(frozen=True)
class EmotionPoint:
    """The curve at one column: weighted mean valence (−2..+2) over `n` interviews."""

    mean: float | None
    n: int
    n_interviewer: int = 0
    """Interviews whose value comes from interviewer tags (the rest from suggested ones)."""
    tags: int = 0


@dataclass(frozen=True)
class Quote:
    """A quote note and who said it."""

    text: str
    respondent: str
    segment: str | None


@dataclass(frozen=True)
class StageCell:
    """One column of the map."""

    stage: str
    emotion: EmotionPoint
    frictions: tuple[Counted, ...] = ()
    competitors: tuple[Counted, ...] = ()
    forces: Mapping[str, int] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()
    interviews: int = 0
    """Interviews with any evidence in this column (the strength of the evidence)."""

    @property
    def friction_total(self) -> int:
        return sum(c.count for c in self.frictions)

    @property
    def competitor_total(self) -> int:
        return sum(c.count for c in self.competitors)


@dataclass(frozen=True)
class JourneyMap:
    """Columns in journey order, the interviews the map is built from, items left out."""

    cells: tuple[StageCell, ...]
    interviews: int
    outside: int

    def cell(self, stage: str) -> StageCell:
        return next(c for c in self.cells if c.stage == stage)


Mention = tuple[str, str, int]  # theme (grouping key), label shown, interview id


def tally(mentions: Iterable[Mention]) -> tuple[Counted, ...]:
    """Group mentions by theme: most mentioned first, then most interviews, then label."""
    counts: Counter[str] = Counter()
    where: dict[str, set[int]] = defaultdict(set)
    labels: dict[str, str] = {}
    for theme, label, interview_id in mentions:
        counts[theme] += 1
        where[theme].add(interview_id)
        labels.setdefault(theme, label)
    items = [Counted(labels[t], counts[t], len(where[t])) for t in counts]
    return tuple(sorted(items, key=lambda c: (-c.count, -c.interviews, c.label.casefold())))


def _emotion(interviews: Sequence[InterviewItem], stage: str) -> EmotionPoint:
    total = weights = 0.0
    n = by_interviewer = tags = 0
    for iv in interviews:
        here = [tag for tag in iv.tags if tag.cjm_stage == stage]
        own = [tag for tag in here if tag.source == "interviewer"]
        used = own or here
        if not used:
            continue
        weight = 1.0 if own else SUGGESTED_WEIGHT
        total += weight * sum(tag.valence for tag in used) / len(used)
        weights += weight
        n += 1
        by_interviewer += 1 if own else 0
        tags += len(used)
    return EmotionPoint(total / weights if weights else None, n, by_interviewer, tags)


def _notes(iv: InterviewItem, stage: str, kind: str) -> list[NoteItem]:
    return [note for note in iv.notes if note.cjm_stage == stage and note.kind == kind]


def _frictions(interviews: Sequence[InterviewItem], stage: str) -> tuple[Counted, ...]:
    mentions: list[Mention] = []
    for iv in interviews:
        mentions += [(" ".join(n.text.split()).casefold(), short_label(n.text), iv.id)
                     for n in _notes(iv, stage, "friction")]
        # A friction's label is its cue category (slow, broken …): show the customer's words.
        mentions += [(x.theme, short_label(x.text), iv.id) for x in iv.extractions
                     if x.kind == "friction" and x.cjm_stage == stage]
    return tally(mentions)


def competitor_mentions(iv: InterviewItem, competitors: Sequence[CompetitorName],
                        stage: str | None = None) -> list[Mention]:
    """Competitors named in the interview's competitor notes and extractions (one column or all)."""
    mentions: list[Mention] = []
    for note in iv.notes:
        if note.kind != "competitor" or (stage is not None and note.cjm_stage != stage):
            continue
        names = named_competitors(note.text, competitors) or [short_label(note.text)]
        mentions += [(name.casefold(), name, iv.id) for name in names]
    for x in iv.extractions:
        if x.kind == "competitor" and (stage is None or x.cjm_stage == stage):
            name = x.label or short_label(x.text)
            mentions.append((name.casefold(), name, iv.id))
    return mentions


def _forces(interviews: Sequence[InterviewItem], stage: str) -> dict[str, int]:
    counts = dict.fromkeys(FORCES, 0)
    for iv in interviews:
        for note in iv.notes:
            if note.cjm_stage == stage and note.force in counts:
                counts[note.force] += 1
        for x in iv.extractions:
            if x.kind == "force" and x.cjm_stage == stage and x.label in counts:
                counts[x.label] += 1
    return counts


def _staged(iv: InterviewItem) -> list[NoteItem | TagItem | ExtractionItem]:
    """Every item of the interview that sits on a stage."""
    return [*iv.notes, *iv.tags, *iv.extractions]


def _has_evidence(iv: InterviewItem, stage: str) -> bool:
    return any(item.cjm_stage == stage for item in _staged(iv))


def _cell(interviews: Sequence[InterviewItem], stage: str,
          competitors: Sequence[CompetitorName]) -> StageCell:
    named = [m for iv in interviews for m in competitor_mentions(iv, competitors, stage)]
    quotes = tuple(Quote(" ".join(n.text.split()), iv.respondent, iv.segment)
                   for iv in interviews for n in _notes(iv, stage, "quote"))
    return StageCell(
        stage=stage, emotion=_emotion(interviews, stage), frictions=_frictions(interviews, stage),
        competitors=tally(named), forces=_forces(interviews, stage), quotes=quotes,
        interviews=sum(1 for iv in interviews if _has_evidence(iv, stage)))


def journey_map(interviews: Sequence[InterviewItem], *,
                competitors: Sequence[CompetitorName] = (),
                columns: Sequence[str] | None = None) -> JourneyMap:
    """The map over these interviews (filter them first for one segment)."""
    stages = tuple(columns) if columns is not None else journey_columns()
    inside = set(stages)
    outside = sum(1 for iv in interviews for item in _staged(iv) if item.cjm_stage not in inside)
    cells = tuple(_cell(interviews, stage, competitors) for stage in stages)
    return JourneyMap(cells, len(interviews), outside)
