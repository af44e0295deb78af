"""Strings of the library screens in the interface language (the catalog wins once it has them).

Kept here until the `[library]` section joins corpora/i18n/*.toml; `say` looks in the catalog
first, so moving the strings there needs no change to the screens.
"""

from __future__ import annotations

from typing import Any

from jtbd_studio.i18n import catalog, languages

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "library.title": "Library", "library.query": "Search: words, \"phrases\", -exclude, prefix*",
        "library.no_hits": "No matches.", "library.did_you_mean": "Did you mean: {words}",
        "library.hits": "{n} hits", "library.more": "{n}+ hits (showing the best)",
        "library.type_to_search": "Type to search turns, notes, extractions and insights.",
        "library.any": "any", "library.source": "Where", "library.kind": "Kind",
        "library.segment": "Segment", "library.status": "Status",
        "library.new_insight": "New insight from this hit", "library.statement": "Insight statement",
        "library.insight_saved": "Insight #{id} saved",
        "transcript.title": "Transcript", "transcript.none": "No suggestions left in this interview.",
        "transcript.code_prompt": "Code (path, e.g. Forces/Anxiety; created if new)",
        "transcript.kind_prompt": "Kind ({kinds})", "transcript.position": "suggestion {n} of {total}",
        "glossary.title": "Glossary", "glossary.empty": "No customer phrases yet: run analyze.",
        "glossary.rebuilt": "Clusters rebuilt", "glossary.stage": "Stage",
        "insights.title": "Insights", "insights.empty": "No insights yet: add one from the library (F2).",
        "insights.support": "{interviews} interviews · {participants} people · segments {segments}",
        "col.source": "source", "col.who": "who", "col.stage": "stage", "col.snippet": "snippet",
        "col.wording": "wording", "col.freq": "freq", "col.interviews": "interviews",
        "col.people": "people", "col.segments": "segments", "col.valence": "valence",
        "col.statement": "statement", "col.kind": "kind",
    },
    "ru": {
        "library.title": "Библиотека", "library.query": "Поиск: слова, \"фразы\", -исключить, префикс*",
        "library.no_hits": "Ничего не найдено.", "library.did_you_mean": "Возможно, вы искали: {words}",
        "library.hits": "Найдено: {n}", "library.more": "Найдено больше {n} (показаны лучшие)",
        "library.type_to_search": "Начните печатать: поиск по репликам, заметкам, находкам и инсайтам.",
        "library.any": "все", "library.source": "Где", "library.kind": "Вид",
        "library.segment": "Сегмент", "library.status": "Статус",
        "library.new_insight": "Новый инсайт из этой находки", "library.statement": "Формулировка инсайта",
        "library.insight_saved": "Инсайт №{id} сохранён",
        "transcript.title": "Расшифровка", "transcript.none": "В этом интервью не осталось предложений.",
        "transcript.code_prompt": "Код (путь, напр. Силы/Тревога; новый будет создан)",
        "transcript.kind_prompt": "Вид ({kinds})", "transcript.position": "предложение {n} из {total}",
        "glossary.title": "Глоссарий", "glossary.empty": "Фраз клиентов пока нет: запустите analyze.",
        "glossary.rebuilt": "Кластеры пересобраны", "glossary.stage": "Этап",
        "insights.title": "Инсайты", "insights.empty": "Инсайтов пока нет: добавьте из библиотеки (F2).",
        "insights.support": "интервью: {interviews} · людей: {participants} · сегменты {segments}",
        "col.source": "где", "col.who": "кто", "col.stage": "этап", "col.snippet": "фрагмент",
        "col.wording": "формулировка", "col.freq": "раз", "col.interviews": "интервью",
        "col.people": "людей", "col.segments": "сегменты", "col.valence": "оценка",
        "col.statement": "формулировка", "col.kind": "вид",
    },
}


def say(node: Any, key: str, /, **fmt: Any) -> str:
    """`key` in the running app's interface language (catalog first, then this table)."""
    lang = getattr(getattr(node, "app", None), "ui_lang", "en")
    if lang in languages() and key in catalog(lang):
        text = catalog(lang)[key]
    else:
        text = STRINGS.get(lang, STRINGS["en"]).get(key) or STRINGS["en"].get(key, key)
    try:
        return text.format(**fmt)
    except (KeyError, IndexError, ValueError):
        return text
