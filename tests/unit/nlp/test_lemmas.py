"""Lemmas for storage and search: cached per form, both scripts, no spaCy needed."""

from __future__ import annotations

from jtbd_studio.nlp import lemma_text, query_lemmas
from jtbd_studio.nlp.lemmas import KNOWN, PERSON, lemmatizer


def test_lemma_text_russian_and_english_words():
    assert lemma_text("Клиенты ушли к конкурентам", "ru") == "клиент уйти к конкурент"
    assert lemma_text("We switched to HubSpot", "en") == "we switch to hubspot"
    assert lemma_text("Мы switched на Битрикс24!", "ru") == "мы switch на битрикс24"


def test_a_verb_form_wins_a_tie_with_an_indeclinable_first_name():
    # «вели»: the imperative of велеть, the name «Вели» and вести's past plural, scored alike
    assert lemma_text("Раньше вели всё в таблицах", "ru").split()[1] == "вести"
    # a name tied only with other nouns stays a name
    assert lemmatizer().analyze("ренэ").pos == "PROPN"


def test_past_plural_wins_a_tie_with_an_imperative():
    # pymorphy3 scores «нашли» as наслать (imperative) and найти (past) alike, наслать first
    assert lemma_text("Мы нашли ошибку и перешли на Битрикс, клиенты пришли", "ru") == (
        "мы найти ошибка и перейти на битрикс клиент прийти"
    )
    assert lemma_text("Пришлите счёт, смотри", "ru") == "прислать счет смотреть"  # no tie here
    assert set(query_lemmas("нашли", "ru")) >= {"найти", "наслать"}  # search still offers both


def test_a_common_verb_wins_a_tie_with_a_rare_one():
    # «спал», «спали»: спать and the rare спасть ("to fall off") are scored alike, спасть first
    assert lemma_text("Мы ночами не спали, он не спал", "ru") == "мы ночь не спать он не спать"
    assert set(query_lemmas("спали", "ru")) >= {"спать", "спасть"}  # search still offers both


def test_query_lemmas_lists_every_candidate():
    assert set(query_lemmas("стали", "ru")) >= {"стать", "сталь"}
    assert query_lemmas("switched", "en")[0] == "switch"
    assert query_lemmas("долгие ответы", "ru") == ["долгий ответ"]
    assert query_lemmas("  ", None) == []


def test_each_form_is_analyzed_once():
    lem = lemmatizer()
    first = lem.analyze("Конкурентами")
    assert lem.analyze("конкурентами") is first
    assert first.lemma == "конкурент" and first.flags & KNOWN


def test_names_are_flagged():
    assert lemmatizer().analyze("Иван").flags & PERSON


def test_english_lookup_slips_are_fixed():
    from jtbd_studio.nlp import lemma_text

    assert lemma_text("as does atlas", "en") == "as do atlas"
    assert lemma_text("explanations companies went", "en") == "explanation company go"


def test_slang_verbs_the_dictionary_lacks_get_one_lemma_per_verb():
    # the suffix guesser reads «глючила» as a noun «глючил» and «подвисал» as «подвисало»
    forms = {
        "глючить": "глючит глючила глючило глючили глючат",
        "подвисать": "подвисает подвисал подвисала подвисало",
        "юзать": "юзали юзала",
        "пофиксить": "пофиксили пофиксил",
        # read as a made-up prefix before «есть» or «чать»: «логиру» + «ем», «кося» + «чит»
        "косячить": "косячит косячила",
        "логировать": "логируем логировали",
        "лагать": "лагает лагало лагали",
        # a past form names its infinitive where the guessers offer only «офиг» + «есть»
        "офигеть": "офигела офигели",
        "кайфануть": "кайфанули",
    }
    for verb, words in forms.items():
        assert set(lemma_text(words, "ru").split()) == {verb}, words
    # unknown nouns and names keep their reading: no verb ending, or no verb reading
    assert lemmatizer().analyze("пэппер").lemma == "пэппер"
    assert lemmatizer().analyze("интеркрим").lemma == "интеркрим"  # a company, not «интеркрить»
    # a loan noun's genitive is no past form: «в рамках триала» is no «триать»
    assert lemma_text("триала туториала", "ru") == "триал туториал"
    assert lemma_text("в Битриксе, зумеры, тесла", "ru") == "в битрикс зумера тесло"


def test_english_forms_the_lookup_table_lacks_reduce_to_a_known_base():
    # newer words are missing from spaCy's table: "glitching" stayed "glitching"
    assert lemma_text("glitching glitched glitches", "en") == "glitch glitch glitch"
    assert lemma_text("spammed googling uninstalled screenshotted", "en") == (
        "spam google uninstall screenshot"
    )
    # frequent words that only look inflected, and bases too short to trust, stay whole
    assert lemma_text("during the morning news, always", "en") == "during the morning news always"
    assert lemma_text("incoming herring series", "en") == "incoming herring series"


def test_a_dictionary_reading_is_known_without_a_second_look_up():
    # _known must say what pymorphy3's own `is_known` says, for every reading of: dictionary
    # words (ё written as е too), known and made-up prefixes, suffix guesses, hyphenated words,
    # one-letter initials and slang verbs; the KNOWN flag of every form rests on it
    from jtbd_studio.nlp.lemmas import _known, morph

    words = [
        "отчёт", "отчет", "еще", "ещё", "елка", "авиасервис", "автоворонку", "автомеханники",
        "авито", "аааа", "кое-где", "скажи-ка", "по-моему", "а", "с", "ж", "и", "глючила",
        "подвисал", "косячит", "логируем", "офигели", "пэппер", "триала", "спали", "нашли",
    ]
    readings = [(w, p) for w in words for p in morph().parse(w)]
    assert len(readings) > 100
    assert [(w, str(p.tag), _known(p)) for w, p in readings] == [
        (w, str(p.tag), bool(p.is_known)) for w, p in readings
    ]
    assert any(_known(p) for _, p in readings) and not all(_known(p) for _, p in readings)


def test_the_polite_particle_and_the_intensifying_prefix_leave_the_word():
    lem = lemmatizer()
    # «-с» (словоерс) after a word: the word's own reading
    assert lem.lemma("платит-с") == "платить"
    assert lem.lemma("нет-с") == "нет"
    assert lem.lemma("отменная-с") == "отменный"
    # «пре-» before an adjective, when the dictionary lacks the whole word
    assert lem.lemma("прегадкая") == "гадкий"
    assert lem.analyze("прегадкая").flags & KNOWN
    # a dictionary word with the prefix stays itself
    assert lem.lemma("прекрасная") == "прекрасный"
    assert lem.lemma("прелестный") == "прелестный"
    # a hyphenated word with no particle is left as pymorphy3 reads it
    assert lem.lemma("кто-нибудь") == "кто-нибудь"
