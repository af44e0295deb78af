"""Churn risk: alternatives, cancelling, budget, champion, repeated problems, falling usage."""

from __future__ import annotations

import pytest

from tests.unit.nlp.kinds_pipeline import analyze


def churn(lang: str, text: str) -> list[tuple[str, str]]:
    doc = analyze(lang, text)  # the spans live only as long as their doc
    return [(s.label_, s.text) for s in doc.spans["jtbd_churn_risk"]]


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("ru", "Думаем посмотреть другие варианты.", "alternatives"),
        ("ru", "Скорее всего, не будем продлевать договор.", "cancel"),
        ("ru", "Нам урезали бюджет на следующий год.", "budget"),
        ("ru", "У нас сменился директор по продажам.", "champion"),
        ("ru", "Опять упала синхронизация, уже третий раз за месяц.", "repeated_problem"),
        ("ru", "Менеджеры почти не заходят в систему.", "usage"),
        ("en", "We're evaluating alternatives.", "alternatives"),
        ("en", "We're not renewing unless they fix the sync.", "cancel"),
        ("en", "Our budget was cut in half.", "budget"),
        ("en", "Our champion left the company in March.", "champion"),
        ("en", "The sync is still not fixed.", "repeated_problem"),
        ("en", "The sales team stopped using it.", "usage"),
    ],
)
def test_churn_signs(lang: str, text: str, label: str) -> None:
    assert label in [found for found, _ in churn(lang, text)]


def test_two_signs_in_one_sentence_are_two_spans() -> None:
    found = churn("en", "We're evaluating alternatives and we're not renewing unless they fix it.")
    assert found == [
        ("alternatives", "We're evaluating alternatives"),
        ("cancel", "we're not renewing unless they fix it"),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Мы не собираемся уходить к конкурентам."),
        ("ru", "Продлили договор ещё на год."),
        ("en", "We're not considering alternatives at all."),
        ("en", "We renewed for another year."),
        # a device that stopped sending data passes no volume to another supplier
        ("ru", "Через три недели половина датчиков перестала передавать данные."),
    ],
)
def test_denied_or_absent_signs(lang: str, text: str) -> None:
    assert churn(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("ru", "В прошлом месяце клиент едва не отказался от подписки.", "cancel"),
        ("ru", "Активность клиентов начала падать.", "usage"),
        ("ru", "Клиент сказал, что уйдёт к конкурентам.", "alternatives"),
        ("en", "They almost cancelled the contract in May.", "cancel"),
        ("en", "Usage dropped sharply after the price change.", "usage"),
        ("en", "They said they will look somewhere else.", "alternatives"),
    ],
)
def test_general_churn_signs(lang: str, text: str, label: str) -> None:
    assert label in [found for found, _ in churn(lang, text)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Активность в личном кабинете растёт."),
        ("en", "We almost forgot the meeting."),
    ],
)
def test_no_churn_sign_without_one(lang: str, text: str) -> None:
    assert churn(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "labels"),
    [
        ("en", "Budget for next year got cut by half.", ["budget"]),
        ("en", "Honestly, nobody logs in anymore.", ["usage"]),
        ("en", "We've been looking at HubSpot as an alternative.", ["alternatives"]),
        ("en", "If this bug isn't fixed, we'll have to reconsider.", ["alternatives"]),
        ("ru", "Бюджет на следующий год урезали вдвое.", ["budget"]),
        ("ru", "Пользоваться почти перестали.", ["usage"]),
        # the same words without a customer leaving
        ("en", "As an alternative, we export to CSV.", []),
        ("en", "Let me rethink the question.", []),
    ],
)
def test_more_ways_to_say_it(lang: str, text: str, labels: list[str]) -> None:
    assert [label for label, _ in churn(lang, text)] == labels


@pytest.mark.parametrize(
    ("lang", "text", "labels"),
    [
        ("en", "Procurement asked us to get two other quotes before the renewal.", ["alternatives"]),
        ("ru", "Закупки попросили до продления взять ещё два коммерческих предложения.", ["alternatives"]),
        ("en", "We've started moving the smaller teams back to spreadsheets.", ["usage"]),
        ("ru", "Небольшие команды мы уже начали переводить обратно на таблицы.", ["usage"]),
        ("en", "Our sponsor moved to a different division last month.", ["champion"]),
        ("ru", "Наш куратор в прошлом месяце перешёл в другое подразделение.", ["champion"]),
        ("ru", "Остаёмся только до конца договора.", ["cancel"]),
        ("en", "Nobody on the team would notice if we turned it off tomorrow.", ["usage"]),
        # an evaluation that ended in choosing the vendor; a past "would"; the vendor's own plan
        ("en", "We looked at other options two years ago and chose you.", []),
        ("ru", "Два года назад мы смотрели другие варианты и выбрали вас.", []),
        ("en", "We had a problem, and no one would notice it for weeks.", []),
        ("ru", "Сколько стоит другой тариф?", []),
    ],
)
def test_session_22_pairs(lang: str, text: str, labels: list[str]) -> None:
    assert [label for label, _ in churn(lang, text)] == labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving as a necessity: the provider or system is what must change, or the verb ends
        # the clause
        ("Придётся менять поставщика.", [("cancel", "Придётся менять поставщика")]),
        ("Наверное, придётся менять систему целиком.", [("cancel", "Наверное, придётся менять систему целиком")]),
        ("Всё, пора переходить.", [("cancel", "Всё, пора переходить")]),
        ("Надо уходить от них.", [("cancel", "Надо уходить от них")]),
        # a step of work in the program is no leaving
        ("Теперь нужно перейти на вкладку шкалы кадров.", []),
        ("Нужно перейти в раздел отчётов.", []),
        ("Надо сменить пароль в настройках.", []),
        ("Нужно менять настройки каждый раз.", []),
    ],
)
def test_a_switch_that_must_be_made_is_churn_only_away_from_the_provider(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert churn("ru", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's own verb is a sign
        ("We might churn if the price goes up.", [("cancel", "We might churn if the price goes up")]),
        ("We're thinking about churning.", [("cancel", "We're thinking about churning")]),
        ("Honestly, we almost churned last year.", [("cancel", "we almost churned last year")]),
        # the noun is the speaker's business metric or the topic of their work
        ("Our churn rate is 3%.", []),
        ("Churn went up last quarter.", []),
        ("Our problem is basically churn, like predicting which customers are gonna leave.", []),
        ("Customers with these attributes have a higher churn probability.", []),
    ],
)
def test_churn_the_verb_is_a_sign_churn_the_metric_is_not(text: str, expected: list[tuple[str, str]]) -> None:
    assert churn("en", text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ru", "Если честно, мы уже пару месяцев присматриваемся к Мегаплану.", [("alternatives", "мы уже пару месяцев присматриваемся к Мегаплану")]),
        ("ru", "Нам прислали предложение на треть дешевле.", [("alternatives", "Нам прислали предложение на треть дешевле")]),
        ("ru", "Пользователей стало меньше: из двадцати человек заходят пятеро.", [("usage", "Пользователей стало меньше")]),
        ("ru", "У них своя CRM, так что, скорее всего, переедем к ним.", [("alternatives", "так что, скорее всего, переедем к ним")]),
        ("en", "Our director asked why we pay more.", [("budget", "Our director asked why we pay more")]),
        # moving on to the next questions is no switch
        ("ru", "Перейдём к ним.", []),
    ],
)
def test_interview_probe_signs(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert churn(lang, text) == expected


@pytest.mark.parametrize("text", ["Nobody uses the reports.", "No one really uses the dashboards."])
def test_nobody_using_it_is_falling_usage(text: str) -> None:
    # "nobody|no one" in one item read as "nobody|no" then "one": "Nobody uses" was missed
    assert [label for label, _ in churn("en", text)] == ["usage"]


def test_a_renewal_not_yet_decided_is_a_sign() -> None:
    assert churn("ru", "Мы пока не решили, продлевать или нет.") == [("cancel", "Мы пока не решили, продлевать или нет")]


def test_an_undecided_renewal_is_a_sign_in_english_too() -> None:
    assert churn("en", "We haven't decided whether to renew.") == [("cancel", "We haven't decided whether to renew")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We'd switch tomorrow if someone offered the same thing with better reporting.",
         [("alternatives", "We'd switch tomorrow if someone offered the same thing with better reporting")]),
        ("en", "We would leave if a competitor offered this.", [("alternatives", "We would leave if a competitor offered this")]),
        ("ru", "Перешли бы хоть завтра, если бы кто-то предложил то же самое.", [("alternatives", "Перешли бы хоть завтра")]),
        # a switch already made, or a plain plan for tomorrow, is no readiness to leave
        ("en", "We'd switch tabs tomorrow morning anyway.", []),
        ("ru", "Завтра перейдём к отчётам.", []),
    ],
)
def test_ready_to_switch_at_once_or_on_an_offer(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert churn(lang, text) == expected


def test_on_the_fence_about_renewing_is_a_sign() -> None:
    assert churn("en", "I'm on the fence about renewing.") == [("cancel", "I'm on the fence about renewing")]
