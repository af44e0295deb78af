"""The assembled report: segments, churn drivers, an empty study, both renderers, both backends."""

from __future__ import annotations

import re

import pytest

from jtbd_studio.analysis import (
    ExtractionItem,
    InterviewItem,
    NoteItem,
    churn_drivers,
    parse_segments,
)
from jtbd_studio.errors import NotFoundError, UsageError
from jtbd_studio.services.demo import ensure_demo_study
from jtbd_studio.services.report import render_report, study_report
from jtbd_studio.services.studies import add_participant, create_study

DEMO = "Demo: CRM for small sales teams"


def _iv(n: int, who: str, status: str, *notes: NoteItem, extractions=()) -> InterviewItem:  # type: ignore[no-untyped-def]
    return InterviewItem(id=n, participant=who, segment="B", status=status, key_client=False,
                         script_key=None, language="en", when=None, notes=notes,
                         extractions=tuple(extractions))


def test_parse_segments() -> None:
    assert parse_segments("a, B,a") == ("A", "B")
    assert parse_segments(["d"]) == ("D",)
    assert parse_segments(None) is None and parse_segments(" , ") is None
    with pytest.raises(UsageError, match="segment 'E'"):
        parse_segments("A,E")


def test_churn_drivers_by_participant_share() -> None:
    price = ExtractionItem("friction", "too pricey", "price", "cost", "accepted", "purchase")
    price_again = ExtractionItem("friction", "so expensive", "price", "cost", "suggested", None)
    leaving = ExtractionItem("churn_risk", "looking at others", "look other", None, "accepted",
                             None)
    rejected_kind = ExtractionItem("phrase", "nice", "nice", None, "accepted", None)
    interviews = [
        _iv(1, "c1", "churned", extractions=[price, leaving, rejected_kind]),
        _iv(2, "c1", "churned", extractions=[price_again]),  # same person: counted once
        _iv(3, "c2", "churned", NoteItem("friction", "Paper-only cancellation", None),
            extractions=[price]),
        _iv(4, "a1", "active", extractions=[price]),
        _iv(5, "a2", "active"), _iv(6, "a3", "active"), _iv(7, "a4", "active"),
        _iv(8, "p1", "prospect", extractions=[leaving]),
    ]
    result = churn_drivers(interviews)
    assert (result.churned, result.active) == (2, 4)
    rows = [(d.kind, d.label, d.churned, d.active, d.ratio) for d in result.drivers]
    # Only churned ones first (most named first), then by ratio: price 2/2 vs 1/4 → 4.0.
    assert rows == [("churn_risk", "looking at others", 1, 0, None),
                    ("friction", "Paper-only cancellation", 1, 0, None),
                    ("friction", "too pricey", 2, 1, pytest.approx(4.0))]


def test_no_churned_participants() -> None:
    result = churn_drivers([_iv(1, "a1", "active")])
    assert (result.churned, result.drivers) == (0, ())


def test_empty_study_gives_an_empty_but_valid_report(db) -> None:  # type: ignore[no-untyped-def]
    create_study(db, "Пустое", language="ru")
    report = study_report(db, "Пустое")
    assert report.lang == "ru" and report.overall.interviews == 0 and report.groups == ()
    assert report.overall.nps.score is None and report.overall.csi.index is None
    markdown = render_report(report, "md")
    assert "В исследовании пока нет интервью" in markdown
    html = render_report(report, "html")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_unknown_study_and_format(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="no study 'nope'"):
        study_report(db, "nope")
    create_study(db, "S", language="en")
    with pytest.raises(UsageError):
        render_report(study_report(db, "S"), "pdf")


def test_a_segment_without_interviews_is_listed_empty(db) -> None:  # type: ignore[no-untyped-def]
    create_study(db, "S", language="en")
    add_participant(db, "S", "Ann", segment="A")
    report = study_report(db, "S", segments="D")
    assert [g.key for g in report.groups] == ["D"] and report.groups[0].interviews == 0


def test_demo_report_overall_and_by_segment(db) -> None:  # type: ignore[no-untyped-def]
    ensure_demo_study(db)
    report = study_report(db, DEMO, lang="en")
    overall = report.overall
    # NPS answers 9, 3, 7: P = D = 1/3 → 0; SE = 100·√((2/3)/3) = 47.14.
    assert (overall.nps.n, overall.nps.score) == (3, pytest.approx(0.0))
    assert overall.nps.se == pytest.approx(47.14, abs=0.01)
    # Σ Iᵢ = 68, Σ Iᵢ·Sᵢ = 428.083 over the eight aspects (each participant rated once).
    assert overall.csi.index == pytest.approx(10 * 428.0833 / 68, abs=1e-3)
    assert overall.csi.n == 3
    assert [g.key for g in report.groups] == ["A", "B", "C", "D"]
    by_key = {g.key: g for g in report.groups}
    assert by_key["A"].nps.score == 100.0 and by_key["C"].nps.score == -100.0
    assert by_key["D"].nps.n == 0 and by_key["D"].csi.index is None
    assert report.study.csi_titles["value_for_money"]["en"]
    assert [d.churned for d in report.churn.drivers] == [1, 1, 1]
    assert overall.saturation.source == "accepted+suggested"  # no codes, no extractions yet
    assert overall.saturation.reached_at is None


def test_segment_filter_keeps_only_those_interviews(db) -> None:  # type: ignore[no-untyped-def]
    ensure_demo_study(db)
    report = study_report(db, DEMO, segments="c,a", lang="ru")
    assert report.segments == ("C", "A") and [g.key for g in report.groups] == ["C", "A"]
    assert report.overall.interviews == 3
    md = render_report(report, "md")
    assert "Сегмент C" in md and "Сегмент B" not in md and "Priya" not in md


def test_both_renderers_show_every_section_with_n(db) -> None:  # type: ignore[no-untyped-def]
    ensure_demo_study(db)
    report = study_report(db, DEMO, lang="en")
    md, html = render_report(report, "md"), render_report(report, "html")
    for heading in ("NPS (Net Promoter Score)", "CSI (Customer Satisfaction Index)",
                    "Journey map", "Thematic saturation", "Churn drivers"):
        assert heading in md and heading in html
    assert "| All participants | 3 | 1 | 1 | 1 | 0 | 47.1 |" in md
    assert "+0.20 (n = 5)" in md and "Visible business results" in md
    assert html.count("<svg") == 5  # one emotion curve per group: all, A, B, C, D
    assert not re.search(r"<script|https?://|<link|@import", html)
    assert "Ольга К." in html and "&lt;" not in md
