"""Transcript import throughput (words/s) on a synthetic ru/en interview, VTT and plain text."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from jtbd_studio.importers import read_transcript_bytes

_WORDS = [
    "мы",
    "обычно",
    "выгружаем",
    "отчёт",
    "вручную",
    "каждую",
    "пятницу",
    "и",
    "это",
    "занимает",
    "три",
    "часа",
    "потому",
    "что",
    "данные",
    "приходят",
    "из",
    "двух",
    "систем",
    "we",
    "usually",
    "export",
    "the",
    "report",
    "by",
    "hand",
    "every",
    "friday",
    "and",
    "it",
    "takes",
    "three",
    "hours",
    "because",
    "the",
    "numbers",
    "come",
    "from",
    "two",
    "systems",
    "nobody",
    "trusts",
    "either",
    "of",
    "them",
    "клиент",
    "сказал",
    "что",
    "готов",
    "платить",
    "больше",
    "если",
    "будет",
    "интеграция",
    "с",
    "crm",
]
_QUESTIONS = ("Почему вы так решили?", "What happened next?", "Расскажите подробнее?", "Why then?")


def _utterance(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def synthetic_vtt(total_words: int, seed: int = 7) -> str:
    """A Zoom-style VTT: numbered cues, "Name: text", interviewer questions, long answers."""
    rng, parts, words, cue, ms = random.Random(seed), ["WEBVTT\n"], 0, 0, 0
    while words < total_words:
        cue += 1
        if cue % 3 == 1:
            speaker, text = "Анна Петрова", rng.choice(_QUESTIONS)
        else:
            speaker, text = "John Smith", _utterance(rng, rng.randint(8, 30))
        length = 1000 + 250 * len(text.split())
        parts.append(f"\n{cue}\n{_stamp(ms)} --> {_stamp(ms + length)}\n{speaker}: {text}\n")
        words += len(text.split()) + len(speaker.split())
        ms += length + 200
    return "".join(parts)


def synthetic_text(total_words: int, seed: int = 11) -> str:
    """A typed transcript: "Name: text" paragraphs separated by blank lines, some headings."""
    rng, parts, words, turn = random.Random(seed), [], 0, 0
    while words < total_words:
        turn += 1
        if turn % 200 == 1:
            parts.append(f"## Часть {turn // 200 + 1}\n")
        if turn % 2:
            parts.append(f"Interviewer: {rng.choice(_QUESTIONS)}\n")
            words += 3
        else:
            text = _utterance(rng, rng.randint(20, 80))
            parts.append(f"Клиент: {text}\n")
            words += len(text.split()) + 1
    return "\n".join(parts)


def _stamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _measure(kind: str, text: str, name: str, repeats: int) -> dict[str, object]:
    data = text.encode("utf-8")
    words = len(text.split())
    ours = _median_seconds(lambda: read_transcript_bytes(data, name), repeats)
    # Baseline: the least any importer must do - decode the bytes and split them into words.
    baseline = _median_seconds(lambda: len(data.decode("utf-8").split()), repeats)
    figure, floor = words / ours, words / baseline
    return {
        "what": f"import {kind} ({words:,} words, {len(data) / 2**20:.1f} MiB, ru/en)",
        "figure": f"{figure:,.0f} words/s",
        "baseline": f"{floor:,.0f} words/s (decode + str.split)",
        "ratio": round(figure / floor, 4),
        "note": f"median of {repeats} runs; read_transcript_bytes incl. decoding, labels, merging",
    }


def run(quick: bool) -> list[dict[str, object]]:
    total = 100_000 if quick else 1_000_000
    return [
        _measure("VTT", synthetic_vtt(total), "bench.vtt", 3),
        _measure("text", synthetic_text(total), "bench.txt", 3),
    ]


if __name__ == "__main__":
    import sys

    for row in run(quick="--quick" in sys.argv):
        print(row)
