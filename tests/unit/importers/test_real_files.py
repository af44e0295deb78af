"""Every real transcript in tests/data/transcripts imports with the speakers, turns and times it has."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import read_transcript
from jtbd_studio.importers.roles import assign_roles

DATA = Path(__file__).parents[2] / "data" / "transcripts"
# (speaker, text start or end, start_ms, end_ms, line)
Turn = tuple[str | None, str, int | None, int | None, int]


@dataclass(frozen=True)
class Case:
    path: str
    format: str
    encoding: str
    turns: int
    notes: int
    speakers: int
    first: Turn
    last: Turn
    interviewer: list[str]
    method: str


CASES = [
    Case(
        "en/4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md",
        "markdown",
        "utf-8",
        194,
        0,
        2,
        (
            "Audrow Nash",
            "What do you think when a robotics company comes into an old ",
            0,
            None,
            25,
        ),
        (
            "Audrow Nash",
            "look for at Audrow on X. That's all for now. Happy building!",
            5366000,
            None,
            739,
        ),
        ["Audrow Nash"],
        "heuristic",
    ),
    Case(
        "en/transcript_P1.txt",
        "text",
        "utf-8",
        92,
        1,
        2,
        ("Dan", "Okay. So now you can stop sharing your screen and then we'll", None, None, 7),
        ("Participant", "Thank you.", None, None, 485),
        ["Dan"],
        "heuristic",
    ),
    Case(
        "en/transcript_P2.txt",
        "text",
        "utf-8",
        159,
        1,
        2,
        ("Dan", "Okay. So now I just had, the last part is just an, I have so", None, None, 7),
        ("Dan", "Yes, let me remember where that button is.", None, None, 834),
        ["Dan"],
        "heuristic",
    ),
    Case(
        "en/transcript_P3.txt",
        "text",
        "utf-8",
        121,
        1,
        2,
        ("Dan", "Okay. Now I'll share my screen. And the last step will just ", None, None, 7),
        ("Dan", "Bye.", None, None, 627),
        ["Dan"],
        "heuristic",
    ),
    Case(
        "en/transcript_P4.txt",
        "text",
        "utf-8",
        107,
        1,
        2,
        ("Dan", "Um, so the first question is not, uh, about PDPilot, but it'", None, None, 7),
        ("Dan", "Bye.", None, None, 630),
        ["Dan"],
        "heuristic",
    ),
    Case(
        "formats-ru/DERIVED__coatools-lesson-1-rus.cp1251.crlf.srt",
        "srt",
        "cp1251",
        71,
        0,
        0,
        (None, "Привет, Друзья!", 3760, 4880, 2),
        (None, "Всё стоит на своих местах!", 306980, 309160, 282),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__coatools-lesson-1.msrt",
        "srt",
        "utf-8",
        71,
        3,
        0,
        (None, "Привет, Друзья!", 3760, 4880, 7),
        (None, "Всё стоит на своих местах!", 306980, 309160, 357),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__rus__coatools-lesson-1.srt",
        "srt",
        "utf-8",
        71,
        0,
        0,
        (None, "Привет, Друзья!", 3760, 4880, 2),
        (None, "Всё стоит на своих местах!", 306980, 309160, 282),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__rus__coatools-lesson-2.srt",
        "srt",
        "utf-8",
        42,
        0,
        0,
        (None, "Давайте же уже закончим с этими скучными подготовлениями...", 3540, 7760, 2),
        (None, "деть, как эта марионетка может быть использована в анимации.", 212980, 219080, 166),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__rus__coatools-lesson-3.srt",
        "srt",
        "utf-8",
        55,
        0,
        0,
        (None, "В этом и в последующих уроках...", 3760, 6380, 2),
        (None, "Ну вот, меш готов.", 250720, 252900, 218),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__rus__coatools-lesson-4.srt",
        "srt",
        "utf-8",
        53,
        0,
        0,
        (None, 'Урок №4: "Продвинутый Риг".', 740, 2560, 2),
        (None, "...иначе, ничего двигаться не будет.", 273240, 275600, 210),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-pepper__rus__coatools-lesson-5.srt",
        "srt",
        "utf-8",
        59,
        0,
        0,
        (None, "Итак...", 2200, 3120, 2),
        (None, "На данном этапе можно уже сделать вот такую анимацию.", 272300, 276960, 234),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-synfig__rus__synfig-10-linking-files.srt",
        "srt",
        "utf-8",
        46,
        0,
        0,
        (None, "Давайте снова откроем файл шагающим персонажем, над которым ", 400, 4480, 2),
        (None, "...вот в этом параметре.", 276800, 278180, 182),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-synfig__rus__synfig-11-moving-background.srt",
        "srt",
        "utf-8",
        39,
        0,
        0,
        (None, "А теперь давайте попробуем сделать анимацию немного по-друго", 480, 4910, 2),
        (None, "Всё, теперь наш персонаж будет двигаться синхронно с фоном.", 202410, 211550, 154),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/course-synfig__rus__synfig-12-parallax-effect.srt",
        "srt",
        "utf-8",
        54,
        0,
        0,
        (None, "А теперь мы попробуем сделать нашу анимацию ещё лучше.", 830, 4000, 2),
        (None, "Ну вот, теперь у нас есть анимация с эффектом параллакса!", 287930, 292640, 214),
        [],
        "single_speaker",
    ),
    # The malformed one: no timings, Esperanto leftovers beside the Russian lines (dropped).
    Case(
        "formats-ru/course-synfig__rus__synfig-promo.srt",
        "srt",
        "utf-8",
        13,
        0,
        0,
        (None, "Synfig прекрасно подходит для моушен дизайна, создания обуча", None, None, 1),
        (None, "Но в его основе лежат простые принципы. Стоит лишь изучить их...", None, None, 53),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/morevna-ep3__morevna-ep3-rus.srt",
        "srt",
        "utf-8",
        59,
        0,
        0,
        (None, 'Проект "Моревна"...', 360, 2400, 2),
        (None, "О, нет...", 574880, 576040, 234),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/morevna-ep4__morevna-ep4-rus.srt",
        "srt",
        "utf-8",
        61,
        0,
        0,
        (None, "Для создания этой анимации использовалось свободно распростр", 1060, 5660, 2),
        (None, "изводство новых эпизодов: https://morevnaproject.org/donate/", 595240, 611720, 242),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/pepper-and-carrot-ep6__pepper-and-carrot-ep6-rus.srt",
        "srt",
        "utf-8",
        97,
        0,
        0,
        (None, 'Проект "Моревна"...', 1030, 3530, 2),
        (None, "Мяу!", 395710, 396420, 390),
        [],
        "single_speaker",
    ),
    Case(
        "formats-ru/the-story-of-mim-and-tiger__the-story-of-mim-and-tiger-rus.srt",
        "srt",
        "utf-8",
        34,
        0,
        0,
        (None, "История Мима и Тигра", 3500, 5940, 2),
        (None, "А то еще оба работу потеряем!", 138020, 139800, 134),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_captions_with_bom.vtt",
        "vtt",
        "utf-8-sig",
        4,
        0,
        0,
        (None, "Caption text #1", 500, 7000, 3),
        (None, "Caption text #4", 16320, 21580, 12),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_comments.vtt",
        "vtt",
        "utf-8",
        3,
        0,
        0,
        (None, "- Ta en kopp varmt te.\n- Det är inte varmt.", 135000, 140000, 8),
        (None, "- Ta en kopp", 145000, 150000, 20),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_cue_tags.vtt",
        "vtt",
        "utf-8",
        3,
        0,
        0,
        (None, "When the moon hits your eye", 16500, 18500, 3),
        (None, "That's amore", 20500, 21500, 9),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_metadata_headers.vtt",
        "vtt",
        "utf-8",
        2,
        0,
        0,
        (None, "Caption text #1", 500, 7000, 5),
        (None, "Caption text #2", 7000, 11890, 8),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_sample.srt",
        "srt",
        "utf-8",
        5,
        0,
        0,
        (None, "Caption text #1", 500, 7000, 2),
        (None, "Caption text #5", 21580, 23880, 18),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_sample.vtt",
        "vtt",
        "utf-8",
        16,
        0,
        0,
        (None, "Caption text #1", 500, 7000, 3),
        (None, "Caption text #16", 61350, 64300, 48),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_sample_hls.vtt",
        "vtt",
        "utf-8",
        16,
        0,
        0,
        (None, "Caption text #1", 3919320500, 3919327000, 4),
        (None, "Caption text #16", 3919381350, 3919384300, 49),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_styles.vtt",
        "vtt",
        "utf-8",
        1,
        0,
        0,
        (None, "- Hello world.", 0, 10000, 14),
        (None, "- Hello world.", 0, 10000, 14),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_teams_timeframe.vtt",
        "vtt",
        "utf-8",
        2,
        0,
        2,
        ("Yuri Bakulin", "There you go.", 0, 570, 3),
        ("Adrian Petrescu", "Why hello there, Yuri.", 210, 1130, 6),
        ["Adrian Petrescu"],
        "heuristic",
    ),
    Case(
        "formats/webvttpy_using_identifiers.vtt",
        "vtt",
        "utf-8",
        6,
        0,
        0,
        (None, "Caption text #1", 500, 7000, 3),
        (None, "Caption text #6", 23880, 27280, 20),
        [],
        "single_speaker",
    ),
    Case(
        "formats/webvttpy_youtube_dl.vtt",
        "vtt",
        "utf-8",
        3,
        0,
        0,
        (None, "yeah", 286070, 286470, 12),
        (None, "this will happen is I'm telling", 304080, 305400, 19),
        [],
        "single_speaker",
    ),
    Case(
        "formats/zoom_GMT20240124-202901_Recording.cc.vtt",
        "vtt",
        "utf-8",
        96,
        0,
        0,
        (None, "This doesn't.", 68000, 69000, 3),
        (None, "ahead and stop the Zoom Meeting and everybody can come join.", 724000, 739000, 300),
        [],
        "single_speaker",
    ),
    # A meeting, not an interview: the heuristic picks who asked most for how little they said.
    Case(
        "formats/zoom_GMT20240124-202901_Recording.transcript.vtt",
        "vtt",
        "utf-8",
        26,
        0,
        5,
        ("Srijani Ghosh", "Hi!", 50, 1790, 4),
        (
            "Conor Healy",
            "head and stop the Zoom Meeting, and everybody can come join.",
            695350,
            735620,
            388,
        ),
        ["Shreeharsh Kelkar"],
        "heuristic",
    ),
    Case(
        "ru/gogol-revizor.txt",
        "text",
        "utf-8",
        918,
        87,
        47,
        (
            "Городничий",
            "Я пригласил вас, господа, с тем чтобы сообщить вам пренеприя",
            None,
            None,
            6,
        ),
        (
            "Жандарм",
            "к требует вас сей же час к себе. Он остановился в гостинице.",
            None,
            None,
            1121,
        ),
        ["Свистунов"],
        "heuristic",
    ),
    Case(
        "ru/revizor-act4-complaints.cp1251.crlf.txt",
        "text",
        "cp1251",
        46,
        3,
        7,
        ("Хлестаков", "А что вы, любезные?", None, None, 5),
        ("Осип", "пирается вместе с ним в прихожую, захлопнув за собою дверь.)", None, None, 53),
        ["Хлестаков"],
        "heuristic",
    ),
]


def _transcript_files() -> list[str]:
    skip = ("LICENSE", "QUIRKS.md", "SOURCE_README.md")
    return sorted(
        str(p.relative_to(DATA)) for p in DATA.glob("*/*") if not any(s in p.name for s in skip)
    )


def test_every_real_file_has_a_case() -> None:
    covered = {case.path for case in CASES} | {
        "formats/webvttpy_invalid_timeframe.vtt",  # test_invalid_timing_is_refused_with_its_line
        "formats/zoom_GMT20240124-202901_RecordingnewChat.txt",  # test_zoom_chat_becomes_notes
    }
    assert set(_transcript_files()) == covered


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path.split("/")[-1][:40])
def test_real_file(case: Case) -> None:
    transcript = read_transcript(DATA / case.path)
    assert (transcript.format, transcript.encoding) == (case.format, case.encoding)
    assert (len(transcript.turns), len(transcript.notes)) == (case.turns, case.notes)
    assert len({t.speaker for t in transcript.turns if t.speaker}) == case.speakers
    assert transcript.has_speakers == (case.speakers > 0)
    first, last = transcript.turns[0], transcript.turns[-1]
    assert (first.speaker, first.start_ms, first.end_ms, first.line) == (
        case.first[0],
        *case.first[2:],
    )
    assert first.text.startswith(case.first[1])
    assert (last.speaker, last.start_ms, last.end_ms, last.line) == (case.last[0], *case.last[2:])
    assert last.text.endswith(case.last[1])
    roles = assign_roles(transcript.turns)
    assert sorted(str(s) for s, r in roles.roles.items() if r == "interviewer") == case.interviewer
    assert roles.method == case.method
    assert len(transcript.sha256) == 64


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path.split("/")[-1][:40])
def test_turns_are_clean(case: Case) -> None:
    """No cue tags, inline timestamps, page footers or form feeds inside any turn."""
    for turn in read_transcript(DATA / case.path).turns:
        assert turn.text.strip() == turn.text and turn.text
        assert "<" not in turn.text and "-->" not in turn.text and "\f" not in turn.text
        assert "\u200b" not in turn.text
        if turn.start_ms is not None and turn.end_ms is not None:
            assert turn.start_ms <= turn.end_ms


def test_invalid_timing_is_refused_with_its_line() -> None:
    path = DATA / "formats/webvttpy_invalid_timeframe.vtt"
    with pytest.raises(ImportFormatError) as caught:
        read_transcript(path)
    assert caught.value.line == 6
    assert f"{path}:6: invalid cue timing '00:00:07.000 --> 00:00:1d.890'" == str(caught.value)


def test_pdf_export_keeps_no_page_furniture() -> None:
    """P1: the "3/5" footer, the repeated line at the page top and "70" all vanish."""
    turns = read_transcript(DATA / "en/transcript_P1.txt").turns
    turn = next(t for t in turns if "cluster of cars" in t.text)
    assert turn.speaker == "Participant"
    assert turn.text.count("that and I thought it was useful") == 1
    assert turn.text.endswith(
        "by highlighting those and seeing what was happening. And then when "
        "I looked at only the highest prices cars, houses, what they have, so "
        "yeah highlighting was very useful."
    )
    for t in turns:
        assert not any(word.isdigit() and "/" in word for word in t.text.split())


def test_markdown_headings_are_stage_markers_and_toc_is_dropped() -> None:
    transcript = read_transcript(
        DATA / "en/4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md"
    )
    markers = [(t.stage_marker, t.start_ms) for t in transcript.turns if t.stage_marker]
    assert len(markers) == 21
    assert markers[0] == ("Episode Intro", 0)
    assert markers[1] == ("Introducing Ben Alfi and Bluewhite Robotics", 69000)
    assert markers[-1] == ("Episode outro", 5366000)
    assert not any("](#" in t.text for t in transcript.turns)
    ben = transcript.turns[2]
    assert ben.speaker == "Ben Alfi" and ben.text.startswith(
        "Hi, I'm very happy to be here today.\nMy name"
    )


def test_zoom_chat_becomes_notes_without_reactions() -> None:
    transcript = read_transcript(DATA / "formats/zoom_GMT20240124-202901_RecordingnewChat.txt")
    assert transcript.format == "zoom_chat" and transcript.turns == []
    notes = transcript.notes
    assert len(notes) == 8
    assert (notes[0].offset_ms, notes[0].author, notes[0].line) == (316000, "Ryan Sloan", 1)
    assert notes[0].text == "Let’s try to stay muted unless speaking up, just to reduce echo"
    assert (notes[-1].offset_ms, notes[-1].text) == (
        909000,
        "interesting — voice isn’t being picked up",
    )
    assert not any(n.text.startswith("Reacted to") for n in notes)


def test_gogol_stage_directions_are_notes_and_acts_are_markers() -> None:
    transcript = read_transcript(DATA / "ru/gogol-revizor.txt")
    assert transcript.notes[0].text == "[Комната в доме городничего.]"
    assert transcript.turns[0].stage_marker == "Явление I"
    one_off = next(t for t in transcript.turns if t.speaker == "Голоса двух женщин")
    assert one_off.text == "Милости твоей, отец, прошу! Повели, государь, выслушать!"


def test_cp1251_transcript_has_every_letter_right() -> None:
    cp1251 = read_transcript(DATA / "ru/revizor-act4-complaints.cp1251.crlf.txt")
    expected = (DATA / "ru/revizor-act4-complaints.cp1251.crlf.txt").read_bytes().decode("cp1251")
    assert cp1251.turns[3].text == "Не погуби, государь! Обижательство терпим совсем понапрасну."
    assert cp1251.notes[0].text == expected.splitlines()[0]
    assert all("\r" not in t.text for t in cp1251.turns)
