"""Churn drivers: friction and churn-risk themes churned clients name more often than active ones.

Unit: the participant (a theme counts once per participant however often it recurs). Themes
are extraction keys (accepted and suggested) of kind friction and churn_risk, and the text of
friction and churn-risk notes. A theme is over-represented when the share of churned
participants naming it exceeds the share of active ones; `ratio` is churned share / active
share (None when no active participant names it). Prospects are in neither group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from jtbd_studio.analysis.data import InterviewItem
from jtbd_studio.analysis.naming import short_label

DRIVER_KINDS = ("friction", "churn_risk")


@dataclass(frozen=True)
class ChurnDriver:
    kind: str
    label: str
    churned: int
    active: int
    churned_share: float
    active_share: float

    @property
    def ratio(self) -> float | None:
        return self.churned_share / self.active_share if self.active_share else None


@dataclass(frozen=True)
class ChurnDrivers:
    churned: int
    active: int
    drivers: tuple[ChurnDriver, ...]


Theme = tuple[str, str]  # kind, grouping key


def _themes(iv: InterviewItem, labels: dict[Theme, str]) -> set[Theme]:
    found: set[Theme] = set()
    for note in iv.notes:
        if note.kind in DRIVER_KINDS:
            theme = (note.kind, " ".join(note.text.split()).casefold())
            labels.setdefault(theme, short_label(note.text))
            found.add(theme)
    for x in iv.extractions:
        if x.kind in DRIVER_KINDS:
            theme = (x.kind, x.theme)
            labels.setdefault(theme, short_label(x.text))  # the label is only a cue category
            found.add(theme)
    return found


def churn_drivers(interviews: Sequence[InterviewItem]) -> ChurnDrivers:
    """The over-represented themes, strongest first."""
    labels: dict[Theme, str] = {}
    named: dict[str, dict[Theme, set[str]]] = {"churned": defaultdict(set),
                                               "active": defaultdict(set)}
    people: dict[str, set[str]] = {"churned": set(), "active": set()}
    for iv in interviews:
        if iv.status not in people:
            continue
        people[iv.status].add(iv.respondent)
        for theme in _themes(iv, labels):
            named[iv.status][theme].add(iv.respondent)
    n_churned, n_active = len(people["churned"]), len(people["active"])
    drivers = []
    for theme, who in named["churned"].items():
        active = len(named["active"].get(theme, ()))
        churned_share = len(who) / n_churned
        active_share = active / n_active if n_active else 0.0
        if churned_share > active_share:
            drivers.append(ChurnDriver(theme[0], labels[theme], len(who), active,
                                       churned_share, active_share))
    drivers.sort(key=lambda d: (d.ratio is not None, -(d.ratio or 0), -d.churned,
                                d.label.casefold()))
    return ChurnDrivers(n_churned, n_active, tuple(drivers))
