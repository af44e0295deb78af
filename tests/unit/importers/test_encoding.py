"""Decoding: BOMs, UTF-16 with and without BOM, cp1251, koi8-r, cp866, cp1252, damaged UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import decode_bytes, read_transcript, read_transcript_bytes

DATA = Path(__file__).parents[2] / "data" / "transcripts"
RUSSIAN = "Интервьюер: Как вы выбираете поставщика?\nКлиент: Смотрю отзывы, «цену» и сроки — ё.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RUSSIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"), "utf-8-sig"),
        (RUSSIAN.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16"),
        (RUSSIAN.encode("utf-16-le"), "utf-16-le"),
        (RUSSIAN.encode("utf-16-be"), "utf-16-be"),
        (RUSSIAN.encode("utf-32"), "utf-32"),
        (RUSSIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-").encode("koi8-r"), "koi8-r"),
        (RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-").encode("cp866"), "cp866"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, "x.txt")
    assert found == encoding
    assert text.replace("«", '"').replace("»", '"').replace("—", "-") == RUSSIAN.replace(
        "«", '"'
    ).replace("»", '"').replace("—", "-")


def test_western_cp1252_is_not_read_as_cyrillic() -> None:
    text, encoding = decode_bytes("Dan: The café’s menu – naïve “design”.\n".encode("cp1252"), "x")
    assert (text, encoding) == ("Dan: The café’s menu – naïve “design”.\n", "cp1252")


def test_koi8r_copy_of_the_cp1251_transcript_imports_identically(tmp_path: Path) -> None:
    source = DATA / "ru/revizor-act4-complaints.cp1251.crlf.txt"
    text = source.read_bytes().decode("cp1251")
    koi8 = tmp_path / "revizor.koi8r.txt"
    plain = text.replace("–", "-").replace("—", "-").replace("«", '"').replace("»", '"')
    koi8.write_bytes(plain.encode("koi8-r"))
    original = read_transcript(source)
    copy = read_transcript(koi8)
    assert copy.encoding == "koi8-r"
    assert [t.speaker for t in copy.turns] == [t.speaker for t in original.turns]
    assert copy.turns[3].text == "Не погуби, государь! Обижательство терпим совсем понапрасну."


def test_short_cp1251_and_koi8r_lines() -> None:
    for encoding in ("cp1251", "koi8-r"):
        assert decode_bytes("Клиент: дорого.".encode(encoding), "x")[1] == encoding


def test_damaged_utf8_is_refused_with_line_not_read_as_cp1251() -> None:
    data = ("Клиент: всё хорошо, спасибо большое.\n" * 5).encode() + b"\xd0\n" + "ещё\n".encode()
    with pytest.raises(ImportFormatError) as caught:
        decode_bytes(data, "broken.txt")
    assert caught.value.line == 6
    assert str(caught.value).startswith("broken.txt:6: invalid UTF-8 at byte")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 10,
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(ImportFormatError, match="binary data") as caught:
        read_transcript_bytes(data, "image.png")
    assert str(caught.value).startswith("image.png: ")
