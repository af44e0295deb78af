"""Pilot tests of the library screens: transcript review, search as you type, glossary, insights."""

from __future__ import annotations

import pytest
from sqlmodel import select
from textual.app import App
from textual.widgets import DataTable, Input, Static

from jtbd_studio.library import insights
from jtbd_studio.store.db import open_database
from jtbd_studio.store.tables import Coding, Extraction, ReviewEvent
from jtbd_studio.tui.screens.glossary import GlossaryScreen
from jtbd_studio.tui.screens.insights import InsightsScreen
from jtbd_studio.tui.screens.library import LibraryScreen
from jtbd_studio.tui.screens.transcript import TranscriptScreen
from tests.tui.helpers import wait_until
from tests.unit.library.library_studydata import load_study

pytestmark = pytest.mark.anyio


@pytest.fixture
def lib(tmp_path, monkeypatch):
    monkeypatch.setenv("JTBD_STUDIO_AUTHOR", "anna")
    db = open_database(tmp_path / "library.sqlite3")
    study = load_study(db)
    yield db, study
    db.close()


class Host(App[None]):
    """An app that shows one screen, as the main app's `push_screen` would."""

    def __init__(self, screen) -> None:
        super().__init__()
        self.first = screen
        self.ui_lang = "en"

    def on_mount(self) -> None:
        self.push_screen(self.first)


def status(db, extraction_id: int) -> str:
    with db.session() as s:
        return s.get(Extraction, extraction_id).status


async def test_transcript_accept_reject_next_and_code(lib):
    db, study = lib
    interview = study.interviews[-1]
    screen = TranscriptScreen(db, interview)
    async with Host(screen).run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: screen.current is not None)
        first = screen.current
        assert first.status == "suggested" and screen.query(".transcript-turn")
        await pilot.press("a")
        await wait_until(pilot, lambda: status(db, first.id) == "accepted")
        await pilot.press("n")
        await wait_until(pilot, lambda: screen.current is not None and screen.current.id != first.id)
        second = screen.current
        await pilot.press("к")  # r on a Russian keyboard layout
        await wait_until(pilot, lambda: status(db, second.id) == "rejected")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen.query_one(Input), Input)
                         and pilot.app.screen is not screen)
        pilot.app.screen.query_one(Input).value = "Барьеры/Интеграция"
        await pilot.press("enter")
        await wait_until(pilot, lambda: _coded(db, second.id))
        await wait_until(pilot, lambda: "Интеграция" in str(screen.query_one("#transcript-status", Static).render()))
    with db.session() as s:
        events = s.exec(select(ReviewEvent).where(ReviewEvent.extraction_id.in_([first.id, second.id]))).all()
    assert sorted(e.action for e in events) == ["accept", "code", "reject"]
    assert {e.author for e in events} == {"anna"}


def _coded(db, extraction_id: int) -> bool:
    with db.session() as s:
        return s.exec(select(Coding).where(Coding.extraction_id == extraction_id)).first() is not None


async def test_library_searches_as_you_type_and_opens_the_hit(lib):
    db, study = lib
    screen = LibraryScreen(db, study.study_id)
    async with Host(screen).run_test(size=(140, 40)) as pilot:
        await pilot.press(*"клиентов")
        await wait_until(pilot, lambda: len(screen.hits) > 5)
        assert all(h.highlights for h in screen.hits[:5])
        table = screen.query_one(DataTable)
        assert table.row_count == len(screen.hits)
        screen.query_one(Input).value = "клеинтов"
        await wait_until(pilot, lambda: "клиент" in str(screen.query_one("#library-status", Static).render()))
        assert screen.hits == []
        screen.query_one(Input).value = '"""'
        await wait_until(pilot, lambda: "nothing to search" in str(screen.query_one("#library-status", Static).render()))
        screen.query_one(Input).value = "городничего"
        await wait_until(pilot, lambda: screen.hits)
        table.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TranscriptScreen))
        await wait_until(pilot, lambda: pilot.app.screen.transcript is not None)
        assert pilot.app.screen.interview_id == screen.hits[0].interview_id


async def test_library_filters_and_new_insight(lib):
    db, study = lib
    screen = LibraryScreen(db, study.study_id, query="проблема")
    async with Host(screen).run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: screen.hits)
        screen.query_one("#filter-kind").value = "friction"
        await wait_until(pilot, lambda: screen.hits and all(h.kind == "friction" for h in screen.hits))
        screen.query_one(DataTable).focus()
        await pilot.press("f2")
        await wait_until(pilot, lambda: pilot.app.screen is not screen)
        pilot.app.screen.query_one(Input).value = "Клиенты не видят проблему сами"
        await pilot.press("enter")
        await wait_until(pilot, lambda: insights.list_insights(db, study.study_id))
    made = insights.list_insights(db, study.study_id)[0]
    assert made.statement == "Клиенты не видят проблему сами" and made.evidence[0].kind == "friction"


async def test_glossary_screen_filters_and_shows_quotes(lib):
    db, study = lib
    screen = GlossaryScreen(db, study.study_id)
    async with Host(screen).run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: screen.entries)
        everything = sum(e.frequency for e in screen.entries)
        assert screen.query_one(DataTable).row_count == len(screen.entries)
        assert "«" in str(screen.query_one("#glossary-quotes", Static).render())
        screen.query_one("#glossary-segment").value = "A"
        await wait_until(pilot, lambda: screen.entries and sum(e.frequency for e in screen.entries) < everything)
        assert all(e.segments == ["A"] for e in screen.entries)
        await pilot.press("b")
        await wait_until(pilot, lambda: screen.entries and all(e.cluster_id for e in screen.entries))


async def test_insights_screen_shows_support_and_opens_evidence(lib):
    db, study = lib
    with db.session() as s:
        picked = s.exec(select(Extraction).where(Extraction.kind == "friction").order_by(Extraction.id)).all()
    two = [picked[0], next(e for e in picked if e.interview_id != picked[0].interview_id)]
    insights.create_insight(db, study.study_id, "Жалобы игнорируют", evidence=[e.id for e in two])
    screen = InsightsScreen(db, study.study_id)
    async with Host(screen).run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: screen.insights)
        assert "2 interviews" in str(screen.query_one("#insights-evidence", Static).render())
        screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, TranscriptScreen)
                         and pilot.app.screen.current is not None)
        assert pilot.app.screen.current.id == two[0].id


def _first_frustration(db) -> Extraction:
    """The study's first suggested frustration (a negative emotion span)."""
    with db.session() as s:
        return s.exec(select(Extraction).where(Extraction.kind == "emotion", Extraction.valence < 0,
                                               Extraction.label == "frustration")
                      .order_by(Extraction.id)).first()


async def _wait_for_status(pilot, screen: TranscriptScreen, expected: str) -> None:
    """Wait until the cursor has landed and the status line shows `expected`: the line is drawn
    after the turns are mounted (under load, a frame after the cursor lands)."""
    def shown() -> bool:
        return screen.current is not None and expected in str(
            screen.query_one("#transcript-status", Static).render())
    await wait_until(pilot, shown)


async def test_transcript_stops_at_emotions_and_hides_them_on_e(lib):
    """An emotion suggestion is reviewed like any span: its label and valence in the status line;
    `e` takes the emotions out of the stops and back, keeping the place in the transcript."""
    db, _ = lib
    feeling = _first_frustration(db)
    screen = TranscriptScreen(db, feeling.interview_id, focus_extraction=feeling.id)
    expected = f"emotion · Frustration {feeling.valence:+d}".replace("-", "−")
    async with Host(screen).run_test(size=(140, 40)) as pilot:
        await _wait_for_status(pilot, screen, expected)
        assert screen.current.id == feeling.id
        kinds = {e.kind for e in screen.spans}
        assert "emotion" in kinds and len(kinds) > 1
        await pilot.press("r")
        await wait_until(pilot, lambda: status(db, feeling.id) == "rejected")
        await pilot.press("e")
        await wait_until(pilot, lambda: screen.spans and all(e.kind != "emotion" for e in screen.spans))
        after = screen.current
        assert after is not None and after.kind != "emotion"
        order = [e.id for t in screen.transcript.turns for e in t.extractions]
        assert order.index(after.id) > order.index(feeling.id)  # the next stop, not the first
        await pilot.press("у")  # e on a Russian keyboard layout
        await wait_until(pilot, lambda: any(e.kind == "emotion" for e in screen.spans))
        assert screen.current.id == after.id


async def test_transcript_status_speaks_the_interface_language(lib):
    """In the Russian interface the kind, the emotion label and the status are Russian too."""
    db, _ = lib
    feeling = _first_frustration(db)
    screen = TranscriptScreen(db, feeling.interview_id, focus_extraction=feeling.id)
    host = Host(screen)
    host.ui_lang = "ru"
    expected = f"эмоция · Раздражение {feeling.valence:+d} · предложено".replace("-", "−")
    async with host.run_test(size=(140, 40)) as pilot:
        await _wait_for_status(pilot, screen, expected)


async def test_library_shows_kinds_in_the_interface_language(lib):
    db, study = lib
    screen = LibraryScreen(db, study.study_id, query="проблема")
    host = Host(screen)
    host.ui_lang = "ru"
    async with host.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: screen.hits)
        screen.query_one("#filter-kind").value = "friction"  # the stored id filters
        await wait_until(pilot, lambda: screen.hits and all(h.kind == "friction" for h in screen.hits))
        table = screen.query_one(DataTable)
        assert {str(table.get_row_at(n)[0]) for n in range(table.row_count)} == {"трение"}
