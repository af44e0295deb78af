"""WebVTT quirks: timestamps, voices, blocks, rolling captions, broken timings."""

from __future__ import annotations

import pytest

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import ImportedTurn, read_transcript_bytes


def vtt(text: str, name: str = "call.vtt") -> list[ImportedTurn]:
    transcript = read_transcript_bytes(text.encode("utf-8"), name)
    assert transcript.format == "vtt"
    return transcript.turns


def test_timestamp_forms_hourless_unpadded_long_hours_and_settings() -> None:
    turns = vtt(
        "WEBVTT\n\n00:16.500 --> 00:18.5 align:start position:0%\none\n\n"
        "0:0:19.21 --> 0:0:20.210 line:90%\ntwo\n\n"
        "1088:42:00.500 --> 1088:42:07.000\nthree\n"
    )
    assert [(t.text, t.start_ms, t.end_ms) for t in turns] == [
        ("one", 16500, 18500),
        ("two", 19210, 20210),
        ("three", 3919320500, 3919327000),
    ]


def test_zoom_labels_merge_consecutive_cues_of_one_speaker() -> None:
    turns = vtt(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnna Petrova: Hello.\n\n"
        "2\n00:00:02.500 --> 00:00:04.000\nAnna Petrova: How do you plan trips?\n\n"
        "3\n00:00:05.000 --> 00:00:09.000\nDr. Ko: Mostly on my phone.\n\n"
        "4\n00:00:09.000 --> 00:00:10.000\nHmm.\n\n"
        "5\n00:00:10.000 --> 00:00:12.000\nAnna Petrova: Why?\n"
    )
    assert [(t.speaker, t.text, t.start_ms, t.end_ms, t.line) for t in turns] == [
        ("Anna Petrova", "Hello. How do you plan trips?", 1000, 4000, 4),
        ("Dr. Ko", "Mostly on my phone.", 5000, 9000, 12),
        (None, "Hmm.", 9000, 10000, 16),
        ("Anna Petrova", "Why?", 10000, 12000, 20),
    ]


def test_teams_voice_spans_with_and_without_closing_tag_crlf() -> None:
    turns = vtt(
        "WEBVTT\r\n\r\nab12-0\r\n00:00:00.000 --> 00:00:02.000\r\n<v Yuri Bakulin>There you go.</v>\r\n\r\n"
        "ab12-1\r\n00:00:01.000 --> 00:00:03.000\r\n<v.loud Adrian Petrescu>Why hello &amp; welcome\r\n"
    )
    assert [(t.speaker, t.text, t.start_ms) for t in turns] == [
        ("Yuri Bakulin", "There you go.", 0),
        ("Adrian Petrescu", "Why hello & welcome", 1000),
    ]


def test_note_style_region_blocks_and_header_metadata_are_skipped() -> None:
    turns = vtt(
        "\ufeffWEBVTT - my film\nKind: captions\nLanguage: ru\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0\n\n"
        "STYLE\n::cue { color: red }\n\nREGION\nid:fred width:40%\n\n"
        "NOTE a comment\nover two lines\n\n00:00:01.000 --> 00:00:02.000\nПривет\n\n"
        "NOTE inline\n\n00:00:02.000 --> 00:00:03.000\nмир\n"
    )
    assert [t.text for t in turns] == ["Привет", "мир"]


def test_youtube_rolling_lines_and_inline_word_timestamps() -> None:
    turns = vtt(
        "WEBVTT\nKind: captions\n\n"
        "00:00:01.000 --> 00:00:02.000 align:start position:0%\nso I<00:00:01.500><c> went</c>\n\n"
        "00:00:02.000 --> 00:00:02.010 align:start position:0%\nso I went\n \n\n"
        "00:00:02.010 --> 00:00:04.000 align:start position:0%\nso I went\n"
        "to<00:00:02.500><c.colorE5E5E5> the</c><c> shop</c>\n"
        "00:00:04.000 --> 00:00:05.000\nto the shop\nand then\n"
    )
    assert [(t.text, t.start_ms, t.end_ms) for t in turns] == [
        ("so I went", 1000, 2010),
        ("to the shop", 2010, 4000),
        ("and then", 4000, 5000),
    ]


def test_live_caption_revisions_keep_the_corrected_cue() -> None:
    turns = vtt(
        "WEBVTT\n\n00:05:20.000 --> 00:05:27.000\nIt looks like a number of steps for populating\n\n"
        "00:05:27.000 --> 00:05:35.000\nIt looks like a number of steps, for populating the data.\n\n"
        "00:05:35.000 --> 00:05:40.000\nCaption text #1\n\n00:05:40.000 --> 00:05:41.000\nCaption text #2\n"
    )
    assert [(t.text, t.start_ms) for t in turns] == [
        ("It looks like a number of steps, for populating the data.", 320000),
        ("Caption text #1", 335000),
        ("Caption text #2", 340000),
    ]


def test_text_split_by_a_blank_line_continues_its_cue() -> None:
    turns = vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhalf of\n\nthe sentence\n")
    assert [t.text for t in turns] == ["half of the sentence"]


def test_stage_note_marks_the_next_cue() -> None:
    turns = vtt("WEBVTT\n\nNOTE stage: Onboarding\n\n00:00:01.000 --> 00:00:02.000\nhi\n")
    assert turns[0].stage_marker == "Onboarding"


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("WEBVTT\n", None, "no cues"),
        ("WEBVTT\nKind: captions\n\n", None, "no cues"),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:03.000 --> 00:0",
            6,
            "invalid cue timing",
        ),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:03.0", 6, "incomplete cue timing"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nbackwards\n", 3, "ends before it starts"),
        ("WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nbad minutes\n", 3, "invalid cue timing"),
        (
            "WEBVTT\n\nstray words\nmore\n\n00:00:01.000 --> 00:00:02.000\nx\n",
            3,
            "before the first cue",
        ),
    ],
)
def test_broken_vtt_is_refused_with_line(text: str, line: int | None, problem: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_transcript_bytes(text.encode(), "broken.vtt")
    assert caught.value.line == line
    assert problem in str(caught.value) and str(caught.value).startswith("broken.vtt")
