"""Plain text and Markdown: speaker labels, prose with colons, headings, PDF page furniture."""

from __future__ import annotations

from jtbd_studio.importers import Transcript, read_transcript_bytes


def read(text: str, name: str = "notes.txt") -> Transcript:
    return read_transcript_bytes(text.encode("utf-8"), name)


def test_name_colon_lines_with_continuations() -> None:
    transcript = read(
        "Interviewer: When did you start looking?\nCustomer: Last spring.\n"
        "We had just lost a client.\nInterviewer: What happened then?\nCustomer: We switched.\n"
    )
    assert transcript.has_speakers and transcript.format == "text"
    assert [(t.speaker, t.text, t.line) for t in transcript.turns] == [
        ("Interviewer", "When did you start looking?", 1),
        ("Customer", "Last spring.\nWe had just lost a client.", 2),
        ("Interviewer", "What happened then?", 4),
        ("Customer", "We switched.", 5),
    ]


def test_prose_with_colons_is_not_a_dialogue() -> None:
    transcript = read(
        "Note: we called the client on Monday.\n\nThey said the export was slow.\n\n"
        "Note: follow up next week.\n\nИтог: клиент недоволен скоростью.\n\n"
        "Отток клиентов: угроза или возможность?\n\nThe team agreed: fix it first.\n"
    )
    assert not transcript.has_speakers
    assert [t.speaker for t in transcript.turns] == [None] * 6
    assert transcript.turns[0].text == "Note: we called the client on Monday."
    assert transcript.turns[3].text == "Итог: клиент недоволен скоростью."


def test_a_name_once_in_an_article_is_not_a_speaker() -> None:
    transcript = read(
        "Иван Петров: основатель компании, рассказал о продукте.\n\n"
        + "\n\n".join(f"Абзац номер {i} без всяких меток." for i in range(10))
    )
    assert not transcript.has_speakers and len(transcript.turns) == 11


def test_two_line_dialogue_with_names_said_once() -> None:
    transcript = read("Dan: How do you pick plots?\nAnn: By importance.\n")
    assert [(t.speaker, t.text) for t in transcript.turns] == [
        ("Dan", "How do you pick plots?"),
        ("Ann", "By importance."),
    ]


def test_question_and_answer_labels_and_roles_in_parentheses() -> None:
    transcript = read(
        "Q: What do you use now?\nA: Spreadsheets.\nQ: Why?\nA: Habit.\n"
        "Maria (PM): Can I add something?\n"
    )
    assert [t.speaker for t in transcript.turns] == ["Q", "A", "Q", "A", "Maria (PM)"]


def test_markdown_timestamped_bold_labels_headings_and_toc() -> None:
    transcript = read(
        "- [\\[00:00:00\\] Intro](#000000-intro)\n- [\\[00:01:00\\] Switch](#000100-switch)\n\n"
        "## [00:00:00] Intro\n\n[00:00:00] **Audrow Nash:** Who are you?\n\n"
        "[00:00:05] **Ben Alfi:** A founder.\n\nA second paragraph.\n\n\u200b\n\n"
        "## [00:01:00] Switch\n\nStill Ben after the heading.\n\n"
        "[00:01:30] **Audrow Nash**: Why?\n",
        "episode.md",
    )
    assert transcript.format == "markdown"
    assert [(t.speaker, t.text, t.start_ms, t.stage_marker) for t in transcript.turns] == [
        ("Audrow Nash", "Who are you?", 0, "Intro"),
        ("Ben Alfi", "A founder.\nA second paragraph.", 5000, None),
        ("Ben Alfi", "Still Ben after the heading.", None, "Switch"),
        ("Audrow Nash", "Why?", 90000, None),
    ]


def test_explicit_stage_markers_and_bracketed_annotations() -> None:
    transcript = read(
        "[stage: onboarding]\nAnna: Tell me about signing up.\n[laughs]\nBoris: It was long.\n"
        "[этап: Переключение]\nAnna: Why did you switch?\nBoris: Price.\n"
    )
    assert [(t.speaker, t.stage_marker) for t in transcript.turns] == [
        ("Anna", "onboarding"),
        ("Boris", None),
        ("Anna", "Переключение"),
        ("Boris", None),
    ]
    assert [(n.text, n.line) for n in transcript.notes] == [("[laughs]", 3)]


def test_prose_is_one_turn_per_paragraph() -> None:
    transcript = read(
        "Call with ACME, notes.\n\nThey export reports by hand every Friday and it takes\n"
        "three hours because the numbers come from two systems and\nnobody trusts either.\n\n"
        "Next step: send the pricing page and follow up in two weeks.\n"
    )
    assert not transcript.has_speakers
    assert [(t.text, t.line) for t in transcript.turns] == [
        ("Call with ACME, notes.", 1),
        (
            "They export reports by hand every Friday and it takes three hours because the numbers "
            "come from two systems and nobody trusts either.",
            3,
        ),
        ("Next step: send the pricing page and follow up in two weeks.", 7),
    ]


def test_prose_with_a_paragraph_per_line() -> None:
    transcript = read("Первый абзац статьи.\nВторой абзац, длиннее первого и с запятой.\nТретий.\n")
    assert [t.text for t in transcript.turns] == [
        "Первый абзац статьи.",
        "Второй абзац, длиннее первого и с запятой.",
        "Третий.",
    ]


def test_pdf_export_paragraph_numbers_footers_and_repeated_page_top() -> None:
    wide = "x" * 60
    transcript = read(
        f"1\n\nInterview\n\n2\n\nDan: First question {wide}\nwraps here.\n\n3\n\n"
        f"Participant: An answer that is long {wide}\nand goes on to the end of the\n\n1/2\n\n"
        f"\fand goes on to the end of the\npage and further.\n4\n\nDan: Thanks.\n\n2/2\n\n\f"
    )
    assert [n.text for n in transcript.notes] == ["Interview"]
    assert [(t.speaker, t.text, t.line) for t in transcript.turns] == [
        ("Dan", f"First question {wide} wraps here.", 7),
        (
            "Participant",
            f"An answer that is long {wide} and goes on to the end of the page and further.",
            12,
        ),
        ("Dan", "Thanks.", 21),
    ]


def test_lone_numbers_in_dialogue_are_kept_when_they_do_not_count_paragraphs() -> None:
    transcript = read("Dan: How many people?\nAnn:\n12\nDan: And last year?\nAnn:\n7\n")
    assert [t.text for t in transcript.turns] == ["How many people?", "12", "And last year?", "7"]


def test_otter_export() -> None:
    transcript = read(
        "Team sync\n\nJane Doe  0:03\nHi, thanks for joining.\nHow do you track expenses?\n\n"
        "Speaker 2  0:10\nIn a notebook.\n\nJane Doe  1:02:05\nWhy?\n\n"
        "Transcribed by https://otter.ai\n"
    )
    assert transcript.format == "otter"
    assert [(t.speaker, t.text, t.start_ms, t.line) for t in transcript.turns] == [
        ("Jane Doe", "Hi, thanks for joining. How do you track expenses?", 3000, 3),
        ("Speaker 2", "In a notebook.", 10000, 7),
        ("Jane Doe", "Why?", 3725000, 10),
    ]
    assert [n.text for n in transcript.notes] == ["Team sync", "Transcribed by https://otter.ai"]


def test_rev_style_label_with_time_then_text_below() -> None:
    transcript = read(
        "Speaker 1 (00:00):\nHello there.\n\nSpeaker 2 (00:04):\nHi.\n\nSpeaker 1 (01:10):\nBye.\n"
    )
    assert [(t.speaker, t.start_ms) for t in transcript.turns] == [
        ("Speaker 1", 0),
        ("Speaker 2", 4000),
        ("Speaker 1", 70000),
    ]


def test_zoom_chat_from_to_format_with_continuation_lines() -> None:
    transcript = read(
        "00:01:02 From  Anna Petrova  to  Everyone:\n\tHello all\n\tsecond line\n"
        '00:02:00 From Boris to Everyone:\n\tReacted to "Hello all" with 👍\n'
        "00:03:00 From Boris to Everyone:\n\tПривет!\n",
        "meeting_saved_chat.txt",
    )
    assert transcript.format == "zoom_chat"
    assert [(n.offset_ms, n.author, n.text) for n in transcript.notes] == [
        (62000, "Anna Petrova", "Hello all\nsecond line"),
        (180000, "Boris", "Привет!"),
    ]
