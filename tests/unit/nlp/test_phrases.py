"""Phrases: the customer's own reusable wording, verbatim, from customer turns only."""

from __future__ import annotations

import itertools

import pytest

from jtbd_studio.nlp.pipeline import build_pipeline, pipeline_summary
from tests.unit.nlp.kinds_pipeline import analyze


def phrases(lang: str, text: str, role: str | None = None) -> list[str]:
    doc = analyze(lang, text, role)  # the spans live only as long as their doc
    return [s.text for s in doc.spans["jtbd_phrase"]]


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        (
            "ru",
            "Мы просто тонули в заявках из разных каналов.",
            "Мы просто тонули в заявках из разных каналов",
        ),
        ("ru", "Долго не могли настроить интеграцию.", "Долго не могли настроить интеграцию"),
        ("ru", "Теперь можем спать спокойно, заявки не теряются.", "Теперь можем спать спокойно"),
        ("en", "I was drowning in spreadsheets.", "I was drowning in spreadsheets"),
        ("en", "Onboarding took forever.", "Onboarding took forever"),
        ("en", "It saves us hours every week.", "It saves us hours every week"),
    ],
)
def test_customer_wording_is_quoted_verbatim(lang: str, text: str, phrase: str) -> None:
    assert phrase in phrases(lang, text)
    assert phrase in text


def test_interviewer_speech_is_never_a_phrase() -> None:
    text = "So you were drowning in spreadsheets and onboarding took forever?"
    assert phrases("en", text, role="interviewer") == []
    assert phrases("en", text, role="customer") != []
    assert phrases("en", text) != []  # unknown role: treated as the customer


def test_phrases_are_short_and_do_not_overlap() -> None:
    text = (
        "Когда приходит новая заявка от клиента из любого канала, менеджер должен сразу видеть "
        "всю историю переписки, все прошлые сделки и договоры, чтобы не переспрашивать клиента, "
        "а ещё отчёты строятся очень долго."
    )
    doc = analyze("ru", text)  # the spans live only as long as their doc
    spans = list(doc.spans["jtbd_phrase"])
    assert spans
    for span in spans:
        words = [t for t in span if not t.is_punct]
        assert 3 <= len(words) <= 12
        assert text[span.start_char : span.end_char] == span.text
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a quote does not open with a hedge or a filler, nor with the clitic of a word cut off
        ("en", "I think, um, maybe the highlighting was really useful.", ["the highlighting was really useful"]),
        ("en", "It takes twenty seconds, then that's slows the rest, so we wait.", ["that's slows the rest"]),
        ("ru", "Мне кажется, ну, отчёты строятся очень долго.", ["отчёты строятся очень долго"]),
        # too little content to reuse
        ("en", "Yeah, they were useful.", []),
        ("en", "I would say more limitations, like, you know.", []),
    ],
)
def test_a_phrase_is_a_quote_worth_reusing(lang: str, text: str, expected: list[str]) -> None:
    assert phrases(lang, text) == expected


def test_plain_statements_give_no_phrase() -> None:
    assert phrases("ru", "Мы работаем с системой третий год.") == []
    assert phrases("en", "We have twelve managers in sales.") == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pipeline_analysis_reports_no_problems(lang: str) -> None:
    summary = pipeline_summary(build_pipeline(lang))
    assert summary["problems"] == {name: [] for name in summary["pipes"]}
    for name in (
        "jtbd_friction",
        "jtbd_emotion",
        "jtbd_force",
        "jtbd_job",
        "jtbd_churn_risk",
        "jtbd_phrase",
    ):
        assert name in summary["pipes"]
