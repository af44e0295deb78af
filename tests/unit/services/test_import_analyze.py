"""Importing real transcripts into a study and analyzing them, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from jtbd_studio.errors import NotFoundError
from jtbd_studio.services.analysis import analyze_study
from jtbd_studio.services.imports import ImportOptions, import_paths
from jtbd_studio.services.studies import create_study
from jtbd_studio.store.tables import Extraction, Interview, Study, Turn

DATA = Path(__file__).resolve().parents[2] / "data" / "transcripts"
P1 = DATA / "en" / "transcript_P1.txt"
TEAMS = DATA / "formats" / "webvttpy_teams_timeframe.vtt"
RU_CP1251 = DATA / "ru" / "revizor-act4-complaints.cp1251.crlf.txt"
INVALID = DATA / "formats" / "webvttpy_invalid_timeframe.vtt"
FOUNDER = DATA / "en" / "4-making-disruptive-tech-not-disruptive-exciting-uses-for-robots-on-farms.md"


def _counts(db):
    with db.session() as s:
        return tuple(s.exec(select(func.count()).select_from(t)).one() for t in (Interview, Turn, Extraction))


def test_import_good_and_bad_files(db):
    create_study(db, "Исследование", competitors=[("SHAP", ["Shapley"])])
    report = import_paths(db, [P1, INVALID, RU_CP1251], ImportOptions(study="Исследование", interviewers=("Dan",)))
    status = {Path(o.path).name: o.status for o in report.outcomes}
    assert status == {P1.name: "imported", INVALID.name: "failed", RU_CP1251.name: "imported"}
    failed = next(o for o in report.outcomes if o.status == "failed")
    assert INVALID.name in failed.reason
    with db.session() as s:
        ivs = s.exec(select(Interview).order_by(Interview.id)).all()
        assert [iv.language for iv in ivs] == ["en", "ru"]
        turns = s.exec(select(Turn).where(Turn.interview_id == ivs[0].id).order_by(Turn.seq)).all()
        assert turns[0].speaker == "Dan" and turns[0].role == "interviewer"
        assert {t.role for t in turns if t.speaker == "Participant"} == {"customer"}
        assert all(t.stage for t in turns) and all(t.lemmas for t in turns)
        ru_turns = s.exec(select(Turn).where(Turn.interview_id == ivs[1].id)).all()
        assert any("жалоб" in t.text.lower() or "просьб" in t.text.lower() for t in ru_turns)
    again = import_paths(db, [P1], ImportOptions(study="Исследование"))
    assert again.outcomes[0].status == "skipped"
    forced = import_paths(db, [P1], ImportOptions(study="Исследование", force=True))
    assert forced.outcomes[0].status == "imported"


def test_a_failed_file_stores_nothing(db):
    create_study(db, "S")
    before = _counts(db)
    report = import_paths(db, [INVALID], ImportOptions(study="S"))
    assert report.count("failed") == 1
    assert _counts(db) == before


def test_unknown_study(db):
    with pytest.raises(NotFoundError):
        import_paths(db, [P1], ImportOptions(study="nope"))


def test_analyze_is_idempotent_and_keeps_decisions(db):
    create_study(db, "S", competitors=[("SHAP", ["Shapley"]), ("XGBoost", ["XGB"])])
    import_paths(db, [P1, TEAMS], ImportOptions(study="S", interviewers=("Dan",)))
    first = analyze_study(db, "S")
    assert first.added > 0
    with db.session() as s:
        kinds = set(s.exec(select(Extraction.kind)).all())
        assert {"competitor", "emotion"} <= kinds
        for ex in s.exec(select(Extraction)).all():
            turn = s.get(Turn, ex.turn_id) if ex.turn_id else None
            if turn is not None:
                assert turn.text[ex.start:ex.end] == ex.text
        decided = s.exec(select(Extraction).where(Extraction.kind == "competitor")).first()
        decided.status = "rejected"
        s.add(decided)
        decided_id = decided.id
    second = analyze_study(db, "S")
    assert (second.added, second.removed) == (0, 0)
    assert second.kept_decisions == 1
    with db.session() as s:
        assert s.get(Extraction, decided_id).status == "rejected"


def test_analyze_brings_undecided_suggestions_up_to_the_engine(db):
    """A suggestion stored by an older engine (another key rule, label or score) is updated in
    place when it is found again; one the researcher decided on keeps what it had."""
    create_study(db, "S")
    import_paths(db, [P1], ImportOptions(study="S", interviewers=("Dan",)))
    analyze_study(db, "S")
    with db.session() as s:
        old, decided = s.exec(select(Extraction).where(Extraction.kind == "friction")).all()[:2]
        ids, key = (old.id, decided.id), old.key
        old.key, old.label, old.score = "that old key", "general", 0.1
        decided.key, decided.status = "that old key", "accepted"
        s.add(old)
        s.add(decided)
    again = analyze_study(db, "S")
    assert (again.added, again.removed, again.refreshed) == (0, 0, 1)
    with db.session() as s:
        assert s.get(Extraction, ids[0]).key == key and s.get(Extraction, ids[0]).score > 0.1
        assert s.get(Extraction, ids[1]).key == "that old key"
    assert analyze_study(db, "S").refreshed == 0


def test_the_people_on_the_call_are_not_proposed_as_competitors(db):
    # the founder interview: the guest "Ben Alfi" is named in the turns ("I speak with Ben
    # Alfi", "people call me Alfi"); discovery took "Alfi" for a name until speakers were known
    create_study(db, "S")
    import_paths(db, [FOUNDER], ImportOptions(study="S"))
    analyze_study(db, "S")
    with db.session() as s:
        names = set(s.exec(select(Extraction.text).where(Extraction.kind == "competitor")).all())
        speakers = set(s.exec(select(Turn.speaker)).all())
    assert speakers >= {"Ben Alfi", "Audrow Nash"}
    assert "Bluewhite" in names
    assert not names & {"Alfi", "Ben Alfi", "Audrow", "Nash", "Audrow Nash"}


def test_the_clients_own_company_is_not_proposed_as_a_competitor(db, tmp_path):
    from jtbd_studio.services.studies import add_participant

    create_study(db, "S")
    add_participant(db, "S", "Priya N.", company="Northwind Traders")
    call = tmp_path / "call.txt"
    call.write_text(
        "At Northwind Traders we switched from Pipedrive last year.\n"
        "Northwind Traders has twelve reps.\n",
        encoding="utf-8",
    )
    import_paths(db, [call], ImportOptions(study="S", participant="Priya N."))
    analyze_study(db, "S")
    with db.session() as s:
        names = set(s.exec(select(Extraction.text).where(Extraction.kind == "competitor")).all())
    assert "Pipedrive" in names
    assert not any("Northwind" in n for n in names)


def test_correcting_a_speaker_role(db):
    from jtbd_studio.services.imports import set_speaker_role

    create_study(db, "S")
    report = import_paths(db, [TEAMS], ImportOptions(study="S"))
    iv_id = report.outcomes[0].interview_id
    with db.session() as s:
        speakers = sorted({t.speaker for t in s.exec(select(Turn).where(Turn.interview_id == iv_id)).all()})
    changed = set_speaker_role(db, iv_id, speakers[0], "interviewer")
    assert changed > 0
    with db.session() as s:
        roles = {t.role for t in s.exec(select(Turn).where(Turn.speaker == speakers[0])).all()}
        assert roles == {"interviewer"}
        assert s.get(Interview, iv_id).role_method == "given"
    with pytest.raises(NotFoundError, match="speakers"):
        set_speaker_role(db, iv_id, "Nobody", "customer")


def test_an_import_ends_with_fresh_statistics(db):
    from sqlalchemy import text

    create_study(db, "Исследование")
    import_paths(db, [P1], ImportOptions(study="Исследование"))
    with db.engine.connect() as conn:
        if db.dialect == "postgresql":
            # vacuumed and analyzed now, so autovacuum has nothing left to do in the searches
            # that follow
            vacuumed, analyzed = conn.execute(text(
                "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'turn'")).one()
            assert vacuumed and analyzed
        else:  # PRAGMA optimize leaves the planner statistics of the searched tables
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar() == 1


def test_analysis_over_worker_processes_stores_what_one_process_stores(db):
    # analyze asks once per interview and speaker role: the workers outlive a call (their
    # caches stay warm) and give back the same suggestions as the process alone
    from jtbd_studio.nlp import engine

    create_study(db, "One", competitors=[("SHAP", ["Shapley"])])
    create_study(db, "Two", competitors=[("SHAP", ["Shapley"])])
    for study in ("One", "Two"):
        import_paths(db, [P1, TEAMS, RU_CP1251], ImportOptions(study=study, interviewers=("Dan",)))
    analyze_study(db, "One")
    try:
        analyze_study(db, "Two", n_process=2)
        pool = engine._POOL[0][1]
        analyze_study(db, "Two", n_process=2)
        assert engine._POOL[0][1] is pool  # the same workers served the second run
    finally:
        engine.close_workers()
    assert engine._POOL == []

    def stored(study: str) -> list[tuple]:
        with db.session() as s:
            study_id = s.exec(select(Study.id).where(Study.name == study)).one()
            ids = list(s.exec(select(Interview.id).where(Interview.study_id == study_id)).all())
            rows = s.exec(select(Extraction).where(Extraction.interview_id.in_(ids))).all()  # type: ignore[attr-defined]
            turns = {t.id: t.seq for t in s.exec(select(Turn).where(Turn.interview_id.in_(ids))).all()}  # type: ignore[attr-defined]
            return sorted(((turns.get(r.turn_id), r.kind, r.start, r.end, r.key, r.label, r.score, r.valence)
                           for r in rows), key=repr)

    assert stored("Two") == stored("One")
