"""SRT: comma decimals, numbering, multi-line cues, multi-language files, lost timings."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import read_transcript, read_transcript_bytes

DATA = Path(__file__).parents[2] / "data" / "transcripts"


def test_multiline_cue_and_missing_blank_line() -> None:
    transcript = read_transcript_bytes(
        b"1\n00:00:01,000 --> 00:00:02,500\nfirst line\nsecond line\n"
        b"2\n00:00:03,000 --> 00:00:04,000\n<i>third</i> {\\an8}cue\n",
        "a.srt",
    )
    assert [(t.text, t.start_ms, t.end_ms, t.line) for t in transcript.turns] == [
        ("first line second line", 1000, 2500, 2),
        ("third cue", 3000, 4000, 6),
    ]


def test_msrt_keeps_one_language_russian_by_default_english_on_request() -> None:
    path = DATA / "formats-ru/course-pepper__coatools-lesson-1.msrt"
    russian = read_transcript(path)
    english = read_transcript(path, language="en")
    single = read_transcript(DATA / "formats-ru/course-pepper__rus__coatools-lesson-1.srt")
    assert [t.text for t in russian.turns] == [t.text for t in single.turns]
    assert [t.start_ms for t in russian.turns] == [t.start_ms for t in single.turns]
    assert english.turns[0].text == "Hello friends!"
    assert english.turns[-1].text == "Everything is in its place!"
    assert [n.text for n in russian.notes] == [
        '"Cutout animation in Blender with Pepper&Carrot" course - Lesson 1',
        "Translators and correctors:",
        "English: Stas Kholodilin, scribblemaniac",
    ]


def test_cp1251_crlf_copy_equals_the_utf8_original() -> None:
    cp1251 = read_transcript(DATA / "formats-ru/DERIVED__coatools-lesson-1-rus.cp1251.crlf.srt")
    utf8 = read_transcript(DATA / "formats-ru/course-pepper__rus__coatools-lesson-1.srt")
    assert cp1251.encoding == "cp1251"
    assert cp1251.turns == utf8.turns


def test_srt_without_timings_drops_leftover_language_lines() -> None:
    transcript = read_transcript(DATA / "formats-ru/course-synfig__rus__synfig-promo.srt")
    assert all(t.start_ms is None and "[epo]" not in t.text for t in transcript.turns)
    assert transcript.turns[5].text == "На первый взгляд синфиг может показаться сложным..."
    # Cue 7 has only its Esperanto line: nothing Russian is left, so no turn.
    assert transcript.turns[6].text == "Вы узнаете:"


def test_speaker_labels_in_srt() -> None:
    transcript = read_transcript_bytes(
        "1\n00:00:01,000 --> 00:00:02,000\nИнтервьюер: Как вы выбираете?\n\n"
        "2\n00:00:02,000 --> 00:00:05,000\nКлиент: По отзывам.\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\nКлиент: И по цене.\n".encode(),
        "x.srt",
    )
    assert [(t.speaker, t.text, t.end_ms) for t in transcript.turns] == [
        ("Интервьюер", "Как вы выбираете?", 2000),
        ("Клиент", "По отзывам. И по цене.", 7000),
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:0x,000 --> 00:00:03,000\nbad\n", 6),
        ("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\nno timing here\n", 6),
        ("intro text\n\n1\n00:00:01,000 --> 00:00:02,000\nok\n", 1),
    ],
)
def test_broken_srt_is_refused_with_line(text: str, line: int) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_transcript_bytes(text.encode(), "bad.srt")
    assert caught.value.line == line


def test_srt_extension_without_cues_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="no cue timings found: not a SRT file"):
        read_transcript_bytes(b"Just some words.\n", "notes.srt")
