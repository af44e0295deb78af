"""A bilingual synthetic interview corpus for scale tests (clearly synthetic, seeded, reusable).

Customer answers mix real sentences (Gogol's «Ревизор», public domain, and the English UX
interview transcripts, BSD-3/MIT; both copied under tests/data/transcripts with their licenses)
with sentences assembled from small pools of CRM-interview fragments. The real sentences give
the corpus a natural vocabulary (thousands of word forms, Zipf-like frequencies), so search
terms match a realistic share of turns; the fragments give domain words to search for.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "transcripts"
DOMAIN_SHARE = 0.2  # share of answer sentences built from the CRM fragments

SYNTHETIC_MARK = "SYNTHETIC BENCHMARK DATA"

RU = {
    "subj": ["мы", "наши менеджеры", "клиенты", "руководитель отдела", "я", "команда продаж", "бухгалтерия"],
    "verb": ["долго настраивали", "не могли найти", "постоянно теряли", "вручную переносили", "каждый день проверяли",
             "с трудом понимали", "быстро подключили", "перестали открывать", "сравнивали", "хотели автоматизировать"],
    "obj": ["заявки клиентов", "интеграцию с телефонией", "отчёты по сделкам", "карточки клиентов", "воронку продаж",
            "напоминания о звонках", "таблицы в Экселе", "счета и договоры", "историю переписки", "задачи менеджеров"],
    "tail": ["потому что поддержка отвечала медленно", "и это было ужасно", "когда пришло много новых клиентов",
             "пока сидели в Битриксе", "чтобы не терять ни одной сделки", "хотя обещали быстрый запуск",
             "и в итоге всё заработало", "но дорого по подписке", "после обновления интерфейса", "каждую неделю"],
}
EN = {
    "subj": ["we", "our sales reps", "the customers", "my manager", "I", "the support team", "finance"],
    "verb": ["spent weeks configuring", "could not find", "kept losing track of", "manually copied", "checked every day",
             "struggled to understand", "quickly connected", "stopped opening", "compared", "wanted to automate"],
    "obj": ["incoming leads", "the phone integration", "deal reports", "customer records", "the sales pipeline",
            "call reminders", "spreadsheets in Excel", "invoices and contracts", "email history", "team tasks"],
    "tail": ["because support answered slowly", "and it was awful", "when lots of new customers arrived",
             "while we were on HubSpot", "so that no deal gets lost", "although onboarding was promised in a day",
             "and in the end everything worked", "but the subscription is expensive", "after the redesign", "every week"],
}
QUESTIONS = {
    "ru": ["Расскажите, когда вы впервые задумались о смене системы?", "Что было дальше?",
           "Какие варианты вы рассматривали?", "Что чуть не остановило вас?", "Как прошли первые дни?"],
    "en": ["Tell me about the first time you thought about switching?", "What happened next?",
           "Which options did you consider?", "What almost stopped you?", "How did the first days go?"],
}


def sentence(rng: random.Random, lang: str) -> str:
    pools = RU if lang == "ru" else EN
    words = [rng.choice(pools["subj"]), rng.choice(pools["verb"]), rng.choice(pools["obj"]), rng.choice(pools["tail"])]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


@cache
def real_sentences(lang: str) -> tuple[str, ...]:
    """Sentences of real speech in `lang`, speaker labels and stage directions removed."""
    if lang == "ru":
        files = [DATA / "ru" / "gogol-revizor.txt"]
    else:
        files = sorted((DATA / "en").glob("transcript_P*.txt")) + sorted((DATA / "en").glob("4-*.md"))
    out: list[str] = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^\W*(\[[\d:]+\]\s*)?\**[\w .]{1,40}?:\**\s+", "", line.strip())
            if not line or line.startswith(("[", "=", "#", "-")) or line.isdigit():
                continue
            out.extend(s.strip() for s in re.split(r"(?<=[.!?…])\s+", line) if len(s.split()) >= 3)
    return tuple(out)


def answer_sentence(rng: random.Random, lang: str) -> str:
    if rng.random() < DOMAIN_SHARE:
        return sentence(rng, lang)
    return rng.choice(real_sentences(lang))


def generate_interviews(n_interviews: int, words_per_interview: int, *, lang: str = "mixed", seed: int = 7) -> Iterator[list[dict[str, Any]]]:
    """Yield interviews as lists of turns {speaker, role, start_ms, end_ms, text}; lang ru|en|mixed."""
    rng = random.Random(seed)
    for n in range(n_interviews):
        iv_lang = lang if lang != "mixed" else ("ru" if n % 2 == 0 else "en")
        turns: list[dict[str, Any]] = []
        words = 0
        t = 0
        while words < words_per_interview:
            q = rng.choice(QUESTIONS[iv_lang])
            turns.append({"speaker": "Interviewer", "role": "interviewer", "start_ms": t, "end_ms": t + 4000, "text": q})
            answer = " ".join(answer_sentence(rng, iv_lang) for _ in range(rng.randint(2, 6)))
            turns.append({"speaker": f"Client {n}", "role": "customer", "start_ms": t + 4000, "end_ms": t + 30000, "text": answer})
            words += len(q.split()) + len(answer.split())
            t += 30000
        yield turns


def corpus_text(n_words: int, *, lang: str, seed: int = 11) -> str:
    """Plain text of about n_words words (one paragraph per few sentences)."""
    rng = random.Random(seed)
    out: list[str] = []
    words = 0
    while words < n_words:
        para = " ".join(answer_sentence(rng, lang) for _ in range(rng.randint(3, 7)))
        words += len(para.split())
        out.append(para)
    return "\n\n".join(out)


def load_study(db: Any, name: str, n_interviews: int, words_per_interview: int, *, lang: str = "mixed",
               seed: int = 7, lemmatize: Any = None) -> int:
    """Bulk-load a synthetic study straight into the tables; returns the study id."""
    from sqlalchemy import insert

    from jtbd_studio.store.tables import Interview, Participant, Study, Turn

    with db.session() as s:
        study = Study(name=name, language=lang, synthetic=True, description=SYNTHETIC_MARK)
        s.add(study)
        s.flush()
        sid = study.id
    for n, turns in enumerate(generate_interviews(n_interviews, words_per_interview, lang=lang, seed=seed)):
        with db.session() as s:
            p = Participant(study_id=sid, name=f"Client {n}", segment="ABCD"[n % 4], key_client=n % 3 == 0)
            s.add(p)
            s.flush()
            iv = Interview(study_id=sid, participant_id=p.id, language="ru" if n % 2 == 0 else "en", status="imported")
            s.add(iv)
            s.flush()
            rows = [dict(interview_id=iv.id, seq=k, speaker=t["speaker"], role=t["role"], start_ms=t["start_ms"],
                         end_ms=t["end_ms"], text=t["text"], lemmas=lemmatize(t["text"]) if lemmatize else None)
                    for k, t in enumerate(turns)]
            s.execute(insert(Turn), rows)
    return sid  # type: ignore[return-value]
