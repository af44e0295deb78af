"""Job statements: when ..., I want to ..., so I can ... in any wording (ru, en)."""

from __future__ import annotations

import pytest

from tests.unit.nlp.kinds_pipeline import analyze


def jobs(lang: str, text: str, role: str | None = None) -> list[tuple[str, str, float]]:
    doc = analyze(lang, text, role)  # the spans live only as long as their doc
    spans = doc.spans["jtbd_job"]
    return [(s.text, s.label_, s._.score) for s in spans]


def test_full_job_statements_are_whole_sentences_with_the_highest_score() -> None:
    text = "Когда приходит новая заявка, хочу сразу видеть историю клиента, чтобы не терять время."
    ((span, label, score),) = jobs("ru", text)
    assert span == text.rstrip(".") and label == "full" and score >= 0.8
    text = "When a new lead comes in, I want to see their history so I can call back fast."
    ((span, label, score),) = jobs("en", text)
    assert span == text.rstrip(".") and label == "full" and score >= 0.8


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        (
            "ru",
            "Нам нужно видеть все сделки в одном окне, чтобы ничего не терялось.",
            "Нам нужно видеть все сделки в одном окне, чтобы ничего не терялось",
        ),
        (
            "en",
            "We need to send invoices in one click so that finance stops chasing us.",
            "We need to send invoices in one click so that finance stops chasing us",
        ),
        (
            "en",
            "Given a new region, I want to compare its sales with last year.",
            "Given a new region, I want to compare its sales with last year",
        ),
    ],
)
def test_partial_job_statements(lang: str, text: str, span: str) -> None:
    assert [found for found, _, _ in jobs(lang, text)] == [span]


def test_no_job_without_motivation_or_from_interviewer_questions() -> None:
    assert jobs("ru", "Отчёты строятся долго.") == []
    assert jobs("en", "The export was slow.") == []
    assert jobs("en", "Нужно ли?", None) == []
    question = "What did you want to achieve when you bought it?"
    assert jobs("en", question, role="interviewer") == []
    assert jobs("en", "It needs a restart sometimes.") == []


@pytest.mark.parametrize(
    "text",
    ["I just want to know which deals are stuck.", "Мне важно понимать, какие заявки горят."],
)
def test_a_bare_wish_without_situation_or_outcome_is_no_job(text: str) -> None:
    assert jobs("ru" if text[0] > "z" else "en", text) == []


def test_the_span_runs_from_the_situation_to_the_end_of_the_motivation_clause() -> None:
    text = "When a report is due, I want to export it in one click, but the button is hidden."
    assert [found for found, _, _ in jobs("en", text)] == [
        "When a report is due, I want to export it in one click"
    ]
    text = "Когда приходит заявка, я хочу сразу видеть клиента, а потом я иду обедать."
    assert [found for found, _, _ in jobs("ru", text)] == [
        "Когда приходит заявка, я хочу сразу видеть клиента"
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If you want to see the interactions between two features, you'd have to filter."),
        ("en", "If you want to change a stage, you have to open the deal first."),
        ("en", "So you can link it with an antenna, if needed, with local 5G networks."),
        ("en", "It's ranked by importance, if you understand what I'm trying to say."),
        ("ru", "Если хотите поменять этап, сначала нужно открыть сделку."),
        ("ru", "Если нужно, можно выгрузить отчёт в Excel, чтобы показать начальству."),
    ],
)
def test_a_condition_put_to_a_generic_you_is_nobodys_job(lang: str, text: str) -> None:
    assert jobs(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "When a deal goes quiet, I want the system to nudge the rep, so nothing slips."),
        ("en", "What we really needed was one place where sales and support see the same history."),
        ("en", "The point was to stop chasing people for their weekly numbers."),
        ("ru", "Когда крупный клиент жалуется, я должен узнать об этом в течение часа."),
        ("ru", "Смысл был в том, чтобы перестать бегать за людьми с цифрами."),
    ],
)
def test_frames_and_first_person_duties_state_a_job(lang: str, text: str) -> None:
    assert len(jobs(lang, text)) == 1


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        # a frame before a dash or a comma: the job is what follows it, to the end of the sentence
        ("ru", "Моя цель — видеть, какой филиал отстаёт. Остальное потом.", "Моя цель — видеть, какой филиал отстаёт"),
        ("ru", "Наша задача, по сути, — довезти монтажников до объекта.", "Наша задача, по сути, — довезти монтажников до объекта"),
        ("en", "Our job, really, is to get the installers to the site.", "Our job, really, is to get the installers to the site"),
        # a purpose needs its outcome, and a first person: advice is nobody's job
        ("ru", "Мы пользуемся ею, чтобы каждое предложение уходило в тот же день.", "Мы пользуемся ею, чтобы каждое предложение уходило в тот же день"),
        ("ru", "Используйте данные о покупках, чтобы формировать предложения.", None),
        ("en", "We use it to make sure every quote goes out the same day.", "We use it to make sure every quote goes out the same day"),
        ("en", "We use it every day.", None),
    ],
)
def test_frames_and_purposes_state_a_job(lang: str, text: str, span: str | None) -> None:
    found = [s for s, _, _ in jobs(lang, text)]
    assert found == ([span] if span else [])


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # what matters most to the speaker is the job
        (
            "ru", "Главное для нас — чтобы заявки не терялись и клиент получал ответ в тот же день.",
            ["Главное для нас — чтобы заявки не терялись и клиент получал ответ в тот же день"],
        ),
        ("ru", "Самое главное для меня, чтобы ничего не ломалось.", ["Самое главное для меня, чтобы ничего не ломалось"]),
        (
            "en", "What matters most is that no request gets lost and the client hears back the same day.",
            ["What matters most is that no request gets lost and the client hears back the same day"],
        ),
        # advice, or a fact
        ("ru", "Главное — чтобы каждое сообщение несло ценность.", []),
        ("ru", "Главное, что заявки больше не теряются.", []),
    ],
)
def test_what_matters_most_is_the_job(lang: str, text: str, expected: list[str]) -> None:
    assert [span for span, _, _ in jobs(lang, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a precaution is no purpose, and no confidence either
        ("In the end we just bought the higher one to be safe.", []),
        ("We bought it to stop losing leads.", ["We bought it to stop losing leads"]),
    ],
)
def test_a_precaution_is_no_job(text: str, expected: list[str]) -> None:
    doc = analyze("en", text)
    assert [span.text for span in doc.spans["jtbd_job"]] == expected


def test_a_precaution_is_no_confidence() -> None:
    doc = analyze("en", "They end up taking the photo twice just to be safe.")
    assert [span._.valence for span in doc.spans["jtbd_emotion"]] == []
    safe = analyze("en", "I feel safe with them.")
    assert [span._.valence for span in safe.spans["jtbd_emotion"]] == [1]
