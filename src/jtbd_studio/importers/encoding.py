"""Turn a transcript's raw bytes into text: BOMs, UTF-8, UTF-16, and Russian single-byte code pages."""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from jtbd_studio.errors import ImportFormatError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Code pages tried when the bytes are not UTF-8: Windows Cyrillic, KOI8-R (old Unix mail and
# sites), DOS Cyrillic, and Windows Western (an English file saved by Word with "café").
SINGLE_BYTE = ("cp1251", "koi8-r", "cp866", "cp1252")
_SAMPLE = 64 * 1024

# Relative frequency (%) of Russian letters in running text (National Corpus counts, rounded).
_RU_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            10.97,
            8.45,
            8.01,
            7.35,
            6.70,
            6.26,
            5.47,
            4.73,
            4.54,
            4.40,
            3.49,
            3.21,
            2.98,
            2.81,
            2.62,
            2.01,
            1.90,
            1.74,
            1.70,
            1.65,
            1.59,
            1.44,
            1.21,
            0.97,
            0.94,
            0.73,
            0.64,
            0.48,
            0.36,
            0.32,
            0.26,
            0.04,
            0.04,
        ),
        strict=True,
    )
)
_LOG_RU = {letter: math.log(pct / 100) for letter, pct in _RU_FREQ.items()}
_PUNCTUATION = set("«»—–“”„…№’‘•\u00a0°§©®™±·")
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """The text of `data` and the name of its encoding; ImportFormatError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding
    if b"\x00" in data[:_SAMPLE]:
        return _utf16_without_bom(data, name)
    if len(_CONTROL.findall(data[:_SAMPLE])) > max(2, len(data[:_SAMPLE]) // 200):
        raise ImportFormatError(name, "binary data, not text (control bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_damaged_utf8(data, exc, name)
    encoding = guess_single_byte(data)
    return data.decode(encoding, errors="replace"), encoding


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            name, f"invalid {encoding} text at byte {exc.start}", line=line
        ) from None
    return text.removeprefix("\ufeff")


def _utf16_without_bom(data: bytes, name: str) -> tuple[str, str]:
    """UTF-16 without a BOM shows as NUL bytes on one parity (ASCII) or 0x04 (Cyrillic)."""
    sample = data[:_SAMPLE]
    half = max(1, len(sample) // 2)
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    if len(data) % 2 == 0 and max(zeros_even, zeros_odd) >= half // 10:
        encoding = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = ""
        if text and _printable_share(text[: _SAMPLE // 2]) >= 0.97:
            return text.removeprefix("\ufeff"), encoding
    raise ImportFormatError(name, "binary data, not text (NUL bytes)")


def _printable_share(text: str) -> float:
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    return printable / max(1, len(text))


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> None:
    """Refuse UTF-8 with a few broken bytes rather than read it as a Cyrillic code page.

    A file in cp1251 or koi8-r hardly ever forms valid multi-byte UTF-8 sequences, so many
    valid ones around a few invalid bytes mean damaged (or truncated) UTF-8.
    """
    sample = data[: 4 * _SAMPLE]
    decoded = sample.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    multibyte = sum(1 for ch in decoded if ch > "\x7f") - bad
    if multibyte >= 10 and multibyte >= 4 * bad:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(name, f"invalid UTF-8 at byte {exc.start}", line=line)


def guess_single_byte(data: bytes) -> str:
    """The most likely of SINGLE_BYTE for non-UTF-8 bytes, scored on Russian letter statistics."""
    sample = data[:_SAMPLE]
    runs = [(m.start(), m.end()) for m in _HIGH_RUN.finditer(sample)]
    best, best_score = SINGLE_BYTE[0], -math.inf
    for encoding in SINGLE_BYTE:
        score = _score(sample, runs, encoding)
        if score > best_score:
            best, best_score = encoding, score
    return best


def _score(sample: bytes, runs: list[tuple[int, int]], encoding: str) -> float:
    """Log-likelihood of the non-ASCII characters as Russian (or accented Latin) text."""
    total = 0.0
    for start, end in runs:
        before = sample[start - 1 : start].decode("latin-1")
        after = sample[end : end + 1].decode("latin-1")
        chunk = sample[start:end].decode(encoding, errors="replace")
        ascii_neighbour = before.isalpha() or after.isalpha()
        previous = before
        for ch in chunk:
            total += _char_score(ch, previous, ascii_neighbour)
            previous = ch
    return total


def _char_score(ch: str, previous: str, ascii_neighbour: bool) -> float:
    lower = ch.lower()
    if lower in _LOG_RU:
        score = _LOG_RU[lower]
        if ch != lower:
            # Russian is mostly lower case; a capital inside a word is a wrong code page.
            score += -4.0 if previous.isalpha() else -1.0
        # Cyrillic glued to Latin letters ("cafй") is a Western file read as Cyrillic.
        return score - 4.0 if ascii_neighbour else score
    if ch in _PUNCTUATION:
        return math.log(0.01)
    if ch.isalpha() and unicodedata.category(ch) in ("Ll", "Lu"):
        return math.log(0.02) if ascii_neighbour else math.log(0.0005)
    return math.log(1e-5)
