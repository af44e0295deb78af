"""Forces of progress: push, pull, anxiety, habit as clause spans (ru, en)."""

from __future__ import annotations

import pytest

from tests.unit.nlp.kinds_pipeline import analyze


def forces(lang: str, text: str) -> list[tuple[str, str]]:
    doc = analyze(lang, text)  # the spans live only as long as their doc
    return [(s.label_, s.text) for s in doc.spans["jtbd_force"]]


@pytest.mark.parametrize(
    ("lang", "text", "label", "span"),
    [
        ("ru", "Надоело сводить отчёты вручную.", "push", "Надоело сводить отчёты вручную"),
        (
            "ru",
            "Нас подкупила интеграция с телефонией.",
            "pull",
            "Нас подкупила интеграция с телефонией",
        ),
        (
            "ru",
            "Боялись, что данные потеряются при переезде.",
            "anxiety",
            "Боялись, что данные потеряются при переезде",
        ),
        (
            "ru",
            "Не были уверены, что команда справится.",
            "anxiety",
            "Не были уверены, что команда справится",
        ),
        ("ru", "Команда привыкла к старой системе.", "habit", "Команда привыкла к старой системе"),
        (
            "en",
            "We were fed up with copying data between spreadsheets.",
            "push",
            "We were fed up with copying data between spreadsheets",
        ),
        (
            "en",
            "What sold us was the integration with our phone system.",
            "pull",
            "What sold us was the integration with our phone system",
        ),
        ("en", "We were worried about lock-in.", "anxiety", "We were worried about lock-in"),
        ("en", "The team got used to the old tool.", "habit", "The team got used to the old tool"),
    ],
)
def test_force_cues(lang: str, text: str, label: str, span: str) -> None:
    assert (label, span) in forces(lang, text)


def test_friction_about_the_old_way_is_a_push() -> None:
    found = forces("ru", "Раньше сидели в Экселе, и там постоянно терялись заявки.")
    assert ("push", "там постоянно терялись заявки") in found
    assert forces("ru", "Сейчас иногда теряются заявки.") == []


def test_one_clause_may_carry_two_forces_and_negation_cancels() -> None:
    found = forces("en", "We liked the reports, but we were afraid of the migration.")
    assert {label for label, _ in found} == {"pull", "anxiety"}
    assert forces("ru", "Мы совсем не боялись переезда.") == []
    assert forces("en", "We weren't worried at all.") == []


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("en", "The highlighting was very useful.", "pull"),
        ("en", "We made all these charts by hand.", "push"),
        ("en", "Scatter plots are just the go-to for us.", "habit"),
        ("ru", "Раньше мы сверяли остатки вручную.", "push"),
    ],
)
def test_general_force_cues(lang: str, text: str, label: str) -> None:
    assert label in [found for found, _ in forces(lang, text)]


def test_a_purpose_is_no_pull() -> None:
    assert forces("ru", "Мы меняем анкету, чтобы сделать её более удобной.") == []
    assert forces("en", "We changed the form in order to make it easier.") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a doubt about the product is anxiety …
        ("en", "We weren't sure it would scale.", ["anxiety"]),
        ("ru", "Мы не уверены, что это нам подойдёт.", ["anxiety"]),
        # … not knowing how, or a bare "not sure" answering a question, is not
        ("en", "I'm not sure how to set it up.", []),
        ("en", "I'm not sure.", []),
        ("ru", "Не уверен, как это настроить.", []),
        ("ru", "Не уверен.", []),
    ],
)
def test_not_knowing_is_not_anxiety(lang: str, text: str, expected: list[str]) -> None:
    assert [label for label, _ in forces(lang, text)] == expected


def test_a_clause_that_states_a_problem_is_no_pull() -> None:
    # «интеграция с» is a pull cue; in a clause that states a problem nothing attracts
    assert forces("ru", "Интеграция с почтой работает отлично.") == [
        ("pull", "Интеграция с почтой работает отлично")]
    assert forces("ru", "А вот интеграция с почтой иногда теряет письма.") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Менеджеры быстро привыкли к новой системе."),
        ("en", "The reps got used to it fast."),
    ],
)
def test_getting_used_to_the_new_tool_quickly_is_no_habit(lang: str, text: str) -> None:
    assert "habit" not in [label for label, _ in forces(lang, text)]
    slow = {"ru": "Команда привыкла к Экселю.", "en": "The team was used to Excel."}[lang]
    assert "habit" in [label for label, _ in forces(lang, slow)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The highlighting was very useful.", [("pull", "The highlighting was very useful")]),
        ("At least the highlighting was useful.", [("pull", "At least the highlighting was useful")]),
        # ranked lowest, the feature draws no one
        ("I would say, yeah, the ranking least useful.", []),
        ("The ranking was the least useful.", []),
    ],
)
def test_the_least_useful_feature_is_no_pull(text: str, expected: list[tuple[str, str]]) -> None:
    assert forces("en", text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # an integration the customer has or praises draws them
        ("ru", "У них есть интеграция с 1С.", [("pull", "У них есть интеграция с 1С")]),
        ("en", "It has an integration with Slack.", [("pull", "It has an integration with Slack")]),
        ("en", "The integration with Slack works great.", [("pull", "The integration with Slack works great")]),
        # one named as the topic of the call is no pull
        ("ru", "Сегодня я по другому вопросу, по интеграции с почтой.", []),
        ("en", "I'm calling about the integration with our mail server.", []),
    ],
)
def test_an_integration_named_as_a_topic_is_no_pull(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert forces(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a recommendation the customer received draws them
        ("ru", "Конструктор мне посоветовала сестра.", [("pull", "Конструктор мне посоветовала сестра")]),
        ("ru", "Взяли по совету бухгалтера.", [("pull", "Взяли по совету бухгалтера")]),
        ("en", "A friend recommended it to us.", [("pull", "A friend recommended it to us")]),
        (
            "en", "We were recommended this tool by our accountant.",
            [("pull", "We were recommended this tool by our accountant")],
        ),
        # one they give or ask for is advice
        ("ru", "Я бы посоветовал не спешить.", []),
        ("ru", "Посоветуйте, что выбрать.", []),
        ("en", "I'd recommend starting with one team.", []),
    ],
)
def test_a_recommendation_received_is_a_pull_one_given_is_advice(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert forces(lang, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # retraining people is a cost of switching
        ("We'd have to retrain the whole team.", [("habit", "We'd have to retrain the whole team")]),
        ("The cost of retraining was the main thing keeping us.", [("habit", "The cost of retraining was the main thing keeping us")]),
        # retraining a model is routine work
        ("We retrain the model every week.", []),
    ],
)
def test_retraining_people_is_habit_retraining_a_model_is_not(text: str, expected: list[tuple[str, str]]) -> None:
    assert forces("en", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was worried about the migration.", [("anxiety", "I was worried about the migration")]),
        ("Migration was the big unknown for us.", [("anxiety", "Migration was the big unknown for us")]),
        # the topic alone is no worry
        ("Honestly, the migration went fine on our end.", []),
        ("We're still in the planning stage for the migration.", []),
    ],
)
def test_a_migration_is_an_anxiety_only_when_feared(text: str, expected: list[tuple[str, str]]) -> None:
    assert forces("en", text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Внедрение, если честно, прошло тише, чем я боялся."),
        ("ru", "Всё оказалось проще, чем мы опасались."),
        ("en", "It went smoother than I feared."),
        ("en", "It was easier than we worried it would be."),
    ],
)
def test_a_fear_not_borne_out_is_no_anxiety(lang: str, text: str) -> None:
    assert forces(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a generic "you" adapting to the new tool
        ("en", "I wouldn't say the interface is intuitive, but you get used to it.", [("push", "I wouldn't say the interface is intuitive")]),
        ("ru", "Интерфейс так себе, но привыкнуть можно.", []),
        # the habit of the old way
        ("en", "The team was used to the old system.", [("habit", "The team was used to the old system")]),
        ("ru", "Команда привыкла к старой системе.", [("habit", "Команда привыкла к старой системе")]),
    ],
)
def test_getting_used_to_the_new_tool_is_no_habit(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert forces(lang, text) == expected


def test_a_feature_asked_for_is_no_pull() -> None:
    assert forces("en", "We'd love to see an export to Google Sheets.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We were afraid to migrate.", [("anxiety", "We were afraid to migrate")]),
        # the verb alone is a plan or a topic, as "migration" is
        ("We moved from QuickBooks, and migrating the data took almost a month.", []),
        ("We migrate everything next month.", []),
    ],
)
def test_migrating_is_an_anxiety_only_when_feared(text: str, expected: list[tuple[str, str]]) -> None:
    assert forces("en", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # getting used to the new tool over time is learning it, not the old way's hold
        ("Сначала бесило, что всё на английском, потом привыкли.", []),
        ("Со временем привыкли к новому интерфейсу.", []),
        ("Все привыкли к Excel, и менять никто не хотел.", [("habit", "Все привыкли к Excel")]),
    ],
)
def test_getting_used_to_it_over_time_is_no_habit(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(label, span) for label, span in forces("ru", text) if label == "habit"] == expected


def test_comfort_not_reached_yet_is_no_habit() -> None:
    assert forces("en", "Every new hire needs about a week before they're comfortable with it.") == []
    assert forces("en", "We were comfortable with spreadsheets, so we didn't want to switch.") == [
        ("habit", "We were comfortable with spreadsheets")]
