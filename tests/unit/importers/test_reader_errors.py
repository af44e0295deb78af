"""Bad input is refused with one line naming the file: empty, binary, too big, unknown formats."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import read_transcript, read_transcript_bytes


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\r\n\t  \n", "empty file"),
        ("   \n".encode("utf-16"), "only whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "old Word .doc"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (json.dumps({"segments": [{"text": "hi"}]}).encode(), "JSON"),
        (b"<?xml version='1.0'?><tt xmlns='http://www.w3.org/ns/ttml'></tt>", "XML/HTML"),
        (b"[Music]\n\n[Applause]\n", "no speech found"),
        (b'00:00:01\tAnna:\tReacted to "hi" with \xf0\x9f\x91\x8d\r\n', "no messages"),
    ],
)
def test_unusable_input_is_refused(data: bytes, problem: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_transcript_bytes(data, "input.bin")
    assert problem in str(caught.value)
    assert str(caught.value).startswith("input.bin: ")
    assert "\n" not in str(caught.value)


def test_file_over_the_limit_is_refused_by_size_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.vtt"
    with big.open("wb") as handle:  # sparse: 80 MB on paper, nothing on disk
        handle.truncate(80 * 2**20)
    with pytest.raises(ImportFormatError) as caught:
        read_transcript(big)
    assert str(caught.value) == (
        f"{big}: file is 83,886,080 bytes (80.0 MiB), over the import limit of "
        "67,108,864 bytes (64.0 MiB)"
    )
    with pytest.raises(ImportFormatError, match="over the import limit of 10 bytes"):
        read_transcript_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", "x.vtt", max_bytes=10)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="cannot read the file"):
        read_transcript(tmp_path / "nope.txt")
    with pytest.raises(ImportFormatError, match="is a folder"):
        read_transcript(tmp_path)


def _docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_with_speaker_paragraphs() -> None:
    data = _docx_bytes(
        [
            "Interview with a customer",
            "Анна: Как вы ведёте учёт?",
            "Борис: В Excel.",
            "Это неудобно.",
            "Анна: Почему?",
        ]
    )
    transcript = read_transcript_bytes(data, "interview.docx")
    assert (transcript.format, transcript.encoding) == ("docx", "docx")
    assert [(t.speaker, t.text, t.line) for t in transcript.turns] == [
        ("Анна", "Как вы ведёте учёт?", 2),
        ("Борис", "В Excel.\nЭто неудобно.", 3),
        ("Анна", "Почему?", 5),
    ]
    assert [n.text for n in transcript.notes] == ["Interview with a customer"]


def test_docx_prose_and_otter_layout() -> None:
    prose = read_transcript_bytes(_docx_bytes(["First note.", "", "Second: note."]), "n.docx")
    assert [(t.speaker, t.text) for t in prose.turns] == [
        (None, "First note."),
        (None, "Second: note."),
    ]
    otter = read_transcript_bytes(
        _docx_bytes(["Jane Doe  0:03", "Hello.", "Sam Lee  0:07", "Hi.", "Jane Doe  0:09", "Bye."]),
        "o.docx",
    )
    assert otter.format == "docx"
    assert [(t.speaker, t.start_ms) for t in otter.turns] == [
        ("Jane Doe", 3000),
        ("Sam Lee", 7000),
        ("Jane Doe", 9000),
    ]


def test_zip_that_is_not_docx_and_damaged_docx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ImportFormatError, match=r"not a Word \.docx"):
        read_transcript_bytes(buffer.getvalue(), "a.zip")
    data = _docx_bytes(["Anna: hi", "Boris: hello"])
    with pytest.raises(ImportFormatError, match=r"damaged \.docx"):
        read_transcript_bytes(data[: len(data) // 2], "cut.docx")
    with pytest.raises(ImportFormatError, match="no text"):
        read_transcript_bytes(_docx_bytes(["", "  "]), "blank.docx")


@pytest.mark.slow
def test_fifty_megabyte_vtt_within_the_limit_parses() -> None:
    cue = "{n}\n00:{m:02d}:{s:02d}.000 --> 00:{m:02d}:{s:02d}.500\nSpeaker {k}: слово word " * 1
    parts = ["WEBVTT\n\n"]
    size, n = 0, 0
    while size < 50 * 2**20:
        block = cue.format(n=n, m=(n // 60) % 60, s=n % 60, k=n % 2) + "текст " * 40 + "\n\n"
        parts.append(block)
        size += len(block.encode())
        n += 1
    data = "".join(parts).encode()
    transcript = read_transcript_bytes(data, "big.vtt")
    assert len(transcript.turns) == n
