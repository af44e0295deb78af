"""Property tests: random and mutated input yields a transcript or an ImportFormatError naming
the file - never any other exception."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jtbd_studio.errors import ImportFormatError
from jtbd_studio.importers import Transcript, read_transcript_bytes
from jtbd_studio.importers.roles import assign_roles
from jtbd_studio.importers.stages import StageSpec, assign_stages

DATA = Path(__file__).parents[2] / "data" / "transcripts"
SEEDS = {
    name: (DATA / name).read_bytes()
    for name in (
        "formats/zoom_GMT20240124-202901_Recording.transcript.vtt",
        "formats/webvttpy_youtube_dl.vtt",
        "formats/webvttpy_teams_timeframe.vtt",
        "formats/webvttpy_sample.srt",
        "formats-ru/course-pepper__coatools-lesson-1.msrt",
        "formats-ru/DERIVED__coatools-lesson-1-rus.cp1251.crlf.srt",
        "formats/zoom_GMT20240124-202901_RecordingnewChat.txt",
        "ru/revizor-act4-complaints.cp1251.crlf.txt",
    )
}
SEEDS["en/transcript_P1.txt"] = (DATA / "en/transcript_P1.txt").read_bytes()[:6000]
SEEDS["en/episode.md"] = (
    DATA / "en/4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md"
).read_bytes()[:6000]
SEEDS["otter.txt"] = (
    b"Jane Doe  0:03\nHello there.\n\nSpeaker 2  0:10\nHi.\n\nJane Doe  0:12\nBye?\n"
)
STAGES = [
    StageSpec("a", ("tell me about yourself",), ("Intro",), 5),
    StageSpec("b", ("why did you switch",), ("Switch",), 10),
]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str) -> Transcript | None:
    """Parse; an error must be ours and name the file; a result must be well formed."""
    try:
        transcript = read_transcript_bytes(data, name)
    except ImportFormatError as exc:
        assert str(exc).startswith(f"{name}"), str(exc)
        assert "\n" not in str(exc)
        return None
    lines = max(1, data.count(b"\n") + data.count(b"\r") + 1)
    for turn in transcript.turns:
        assert turn.text and turn.text == turn.text.strip()
        assert 1 <= turn.line <= lines
        if turn.start_ms is not None and turn.end_ms is not None:
            assert 0 <= turn.start_ms <= turn.end_ms
    roles = assign_roles(transcript.turns)
    assert set(roles.roles) == {t.speaker for t in transcript.turns}
    assert 0.0 <= roles.confidence <= 1.0
    assert len(assign_stages(transcript.turns, roles, STAGES)) == len(transcript.turns)
    return transcript


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"\n",
                        b"\n\n",
                        b"-->",
                        b"\x00",
                        b"<v ",
                        b"</c>",
                        b":",
                        b"\r",
                        b"00:00:",
                        b"\f",
                        b"WEBVTT\n",
                        b"\xd0",
                        b"Dan: ",
                        b"## ",
                        b"[",
                        b"\t",
                    ]
                )
            )
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data), name.rsplit("/", 1)[-1]


@FAST
@given(mutated())
def test_mutated_real_files(case: tuple[bytes, str]) -> None:
    check(*case)


@FAST
@given(
    st.binary(max_size=2000), st.sampled_from(["a.vtt", "a.srt", "a.txt", "a.md", "a.docx", "a"])
)
def test_random_bytes(data: bytes, name: str) -> None:
    check(data, name)


_TIME = st.builds(
    lambda h, m, s, f, sep: f"{h}:{m:02d}:{s:02d}{sep}{f:03d}",
    st.integers(0, 120),
    st.integers(0, 70),
    st.integers(0, 70),
    st.integers(0, 999),
    st.sampled_from([".", ","]),
)
_CUE_LINE = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda n, t: f"<v {n}>{t}</v>", st.sampled_from(["Ann", "Dr. Bo", ""]), st.text(max_size=20)
    ),
    st.builds(
        lambda n, t: f"{n}: {t}", st.sampled_from(["Ann", "Bob Lee", "Note"]), st.text(max_size=20)
    ),
    st.builds(lambda t, w: f"<{t}><c> {w}</c>", _TIME, st.text(max_size=10)),
    st.sampled_from(["", "NOTE x", "STYLE", "-->", "[rus] привет", "[eng] hi", "1", "WEBVTT"]),
)


@st.composite
def cue_files(draw: st.DrawFn) -> str:
    header = draw(
        st.sampled_from(["WEBVTT\n\n", "WEBVTT\nKind: captions\n\n", "\ufeffWEBVTT\n\n", ""])
    )
    blocks = []
    for index in range(draw(st.integers(0, 8))):
        ident = draw(st.sampled_from(["", f"{index + 1}\n", "id\n"]))
        timing = f"{draw(_TIME)} --> {draw(_TIME)}{draw(st.sampled_from(['', ' align:start']))}"
        body = "\n".join(draw(st.lists(_CUE_LINE, max_size=3)))
        blocks.append(f"{ident}{timing}\n{body}")
    joiner = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n"]))
    return header + joiner.join(blocks)


@FAST
@given(cue_files(), st.sampled_from(["x.vtt", "x.srt"]))
def test_generated_cue_files(text: str, name: str) -> None:
    check(text.encode("utf-8"), name)


_TEXT_LINE = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda n, t: f"{n}: {t}",
        st.sampled_from(["Dan", "Участник", "Итог", "Note", "A b c d e f"]),
        st.text(max_size=40),
    ),
    st.builds(
        lambda t, n, x: f"[{t}] **{n}:** {x}",
        _TIME,
        st.sampled_from(["Ann", "Bo"]),
        st.text(max_size=20),
    ),
    st.sampled_from(
        [
            "",
            "12",
            "3/7",
            "\f",
            "## Heading",
            "== Акт ==",
            "[stage: a]",
            "- [x](#y)",
            "Jane Doe  0:03",
            "00:01:02\tAnn:\thi",
            "\u200b",
            "(laughs)",
        ]
    ),
)


@FAST
@given(
    st.lists(_TEXT_LINE, max_size=25),
    st.sampled_from(["t.txt", "t.md", "t"]),
    st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8-r"]),
)
def test_generated_text_files(lines: list[str], name: str, encoding: str) -> None:
    check("\n".join(lines).encode(encoding, errors="replace"), name)


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx(["Anna: How do you plan?", "Boris: On paper.", "Anna: Why?"])


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(DOCX) - 1), st.integers(0, 255), st.integers(0, len(DOCX)))
def test_damaged_docx(at: int, value: int, cut: int) -> None:
    data = bytearray(DOCX)
    data[at] = value
    check(bytes(data[: max(cut, 4)]), "interview.docx")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40),
        min_size=1,
        max_size=8,
    )
)
def test_generated_docx(paragraphs: list[str]) -> None:
    check(_docx(paragraphs), "generated.docx")
