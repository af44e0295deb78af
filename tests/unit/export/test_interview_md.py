"""The Markdown export of one interview, and the summary it is built from (real SQLite files)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from jtbd_studio.errors import JtbdError
from jtbd_studio.export.interview_md import clock, interview_markdown, write_interview_markdown
from jtbd_studio.services import interviews, studies
from jtbd_studio.services.live import interview_summary, stage_seconds
from jtbd_studio.store.tables import Interview, Note

STARTED = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def finished(sqlite_db):
    db = sqlite_db
    studies.create_study(db, "CRM", product="Pipeline", language="ru")
    studies.add_participant(db, "CRM", "Ольга К.", company="ТД «Северный»", segment="B", key_client=True)
    iv = interviews.start_interview(db, "CRM", "Ольга К.", script_key="churn_exit", language="ru",
                                    first_stage="intro")
    for stage, kind, text, at in [
        ("intro", "note", "согласилась на запись", 30_000),
        ("intro", "quote", "мы | три недели не могли настроить", 90_000),
        ("original_job", "friction", "интеграция с 1С\nпадала", 300_000),
        ("original_job", "competitor", "смотрели Битрикс24", 420_000),
    ]:
        interviews.add_note(db, iv.id, text, kind=kind, stage=stage, offset_ms=at)
    gone = interviews.add_note(db, iv.id, "ошибочная", stage="intro", offset_ms=60_000)
    interviews.delete_note(db, gone.id)
    interviews.set_emotion(db, iv.id, "intro", valence=1, label="interest")
    interviews.set_emotion(db, iv.id, "original_job", valence=-2, label="frustration", comment="злится")
    interviews.set_nps(db, iv.id, 6, "поддержка медленная")
    interviews.set_rating(db, iv.id, "support", score=4, importance=9)
    interviews.end_interview(db, iv.id)
    with db.session() as s:
        row = s.exec(select(Interview).where(Interview.id == iv.id)).one()
        row.started_at, row.ended_at = STARTED, STARTED + timedelta(minutes=10)
        s.add(row)
    return db, iv.id


def test_stage_seconds_credits_each_gap_to_the_earlier_note():
    notes = [Note(interview_id=1, text="a", stage="a", offset_ms=0),
             Note(interview_id=1, text="b", stage="b", offset_ms=60_000),
             Note(interview_id=1, text="c", stage="a", offset_ms=90_000)]
    assert stage_seconds(notes, end_ms=120_000) == {"a": 90.0, "b": 30.0}
    assert stage_seconds([], end_ms=None) == {}


def test_summary_counts_notes_emotions_and_time_per_stage(finished):
    db, iv_id = finished
    summary = interview_summary(db, iv_id)
    assert summary.notes_per_kind["quote"] == 1 and summary.notes_per_kind["note"] == 1
    assert sum(summary.notes_per_kind.values()) == 4  # the deleted note does not count
    by_id = {s.stage_id: s for s in summary.stages}
    assert [s.stage_id for s in summary.stages][:2] == ["intro", "original_job"]
    assert (by_id["intro"].notes, by_id["intro"].seconds) == (2, 270.0)
    assert by_id["original_job"].seconds == 300.0  # to the end of the interview
    assert by_id["original_job"].emotion.label == "frustration"
    assert summary.duration_s == 600


def test_an_end_recorded_in_a_later_sitting_is_not_the_calls_length(finished):
    # taken up again and ended three days later: the days between are no part of the call
    db, iv_id = finished
    with db.session() as s:
        row = s.exec(select(Interview).where(Interview.id == iv_id)).one()
        row.ended_at = STARTED + timedelta(days=3)
        s.add(row)
    summary = interview_summary(db, iv_id)
    assert summary.duration_s == 420  # the last note, at 07:00
    assert {s.stage_id: s.seconds for s in summary.stages}["original_job"] == 120.0


def test_markdown_in_russian_has_every_section(finished):
    db, iv_id = finished
    text = interview_markdown(interview_summary(db, iv_id), "ru")
    assert text.startswith(f"# Интервью #{iv_id} — Ольга К.\n")
    assert "| Ольга К. | ТД «Северный» | — | B | да | активный |" in text
    assert "**6** (критик)" in text  # 0–6 detract
    assert "поддержка медленная" in text
    assert "| 4 | 9 |" in text
    assert "| Цитата | 1 |" in text
    assert "| 1 | Начало разговора | Интерес, надежда | +1 | — | 2 | 04:30 |" in text
    assert "| Раздражение | -2 | злится | 2 | 05:00 |" in text
    assert "- `01:30` **Цитата** — мы | три недели не могли настроить" in text
    assert "- `05:00` **Трение** — интеграция с 1С падала" in text  # one line per note
    assert "ошибочная" not in text
    assert text.index("### 1. Начало разговора") < text.index("### 2.")


def test_markdown_in_english_and_pipes_escaped_in_tables(finished, tmp_path: Path):
    db, iv_id = finished
    interviews.set_rating(db, iv_id, "product_fit", score=7, importance=None)
    out = write_interview_markdown(db, iv_id, tmp_path / "i.md", lang="en")
    text = out.read_text(encoding="utf-8")
    assert "## Notes by kind" in text and "| Friction | 1 |" in text
    assert "| 7 | — |" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| ") and "три недели" in line]
    assert table_rows == []  # notes are a list, not a table
    assert clock(3725) == "1:02:05" and clock(None) == "—"


def test_export_defaults_to_the_interview_language_and_reports_unwritable_paths(finished, tmp_path):
    db, iv_id = finished
    out = write_interview_markdown(db, iv_id, tmp_path / "ru.md")
    assert "## Заметки" in out.read_text(encoding="utf-8")
    with pytest.raises(JtbdError, match="cannot write"):
        write_interview_markdown(db, iv_id, tmp_path / "missing" / "x.md")
