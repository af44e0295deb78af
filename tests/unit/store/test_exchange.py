"""The study JSON export is lossless between SQLite and PostgreSQL, in both directions."""

from __future__ import annotations

import json

import pytest

from jtbd_studio.errors import ConflictError, InputFileError, UsageError
from jtbd_studio.services import interviews as live
from jtbd_studio.services.exchange import export_study, import_study, import_study_file
from jtbd_studio.services.studies import add_participant, create_study
from jtbd_studio.store.db import open_database
from jtbd_studio.store.library_tables import PhraseCluster, PhraseClusterMember
from jtbd_studio.store.tables import (
    Code,
    Coding,
    Extraction,
    Insight,
    InsightEvidence,
    Interview,
    ReviewEvent,
    Turn,
    utcnow,
)


def make_rich_study(db) -> None:
    """Every table gets rows, with Cyrillic, emoji, nulls and nested references."""
    create_study(db, "Удержание 🔑", product="Pipeline", language="mixed",
                 competitors=[("Битрикс24", ["Bitrix24", "битрикс"]), ("HubSpot", [])], interviewers=["Дан"])
    add_participant(db, "Удержание 🔑", "ООО «Ромашка»", segment="A", key_client=True, company="Ромашка")
    add_participant(db, "Удержание 🔑", "Acme", segment="C", status="churned")
    iv = live.start_interview(db, "Удержание 🔑", "ООО «Ромашка»", script_key="jtbd_switch", first_stage="first_thought")
    live.add_note(db, iv.id, "долго не могли настроить интеграцию", kind="friction")
    n2 = live.add_note(db, iv.id, "remove me", kind="quote")
    live.delete_note(db, n2.id)
    live.set_emotion(db, iv.id, "first_thought", valence=-2, label="frustration", comment="вздохнула")
    live.set_nps(db, iv.id, 7, "поддержка\nотвечает долго")
    live.set_rating(db, iv.id, "support", score=6, importance=9)
    live.end_interview(db, iv.id)
    with db.session() as s:
        t0 = Turn(interview_id=iv.id, seq=0, speaker="Дан", role="interviewer", start_ms=0, end_ms=1500,
                  stage="first_thought", stage_method="marker", text="Когда вы впервые задумались?")
        t1 = Turn(interview_id=iv.id, seq=1, speaker="Анна", role="customer", start_ms=1500, end_ms=None,
                  stage="first_thought", text="Раньше сидели в Битриксе, но он тормозил 😩", lemmas="раньше сидеть в битрикс")
        s.add_all([t0, t1])
        s.flush()
        ex = Extraction(interview_id=iv.id, turn_id=t1.id, kind="competitor", text="Битриксе", start=16, end=24,
                        key="битрикс", label="Битрикс24", score=0.95, status="accepted", decided_by="Дан", decided_at=utcnow())
        ex2 = Extraction(interview_id=iv.id, turn_id=t1.id, kind="friction", text="он тормозил", start=29, end=40,
                         score=0.7, valence=-1)
        s.add_all([ex, ex2])
        s.flush()
        s.add(ReviewEvent(extraction_id=ex.id, action="accept", author="Дан", detail={"from": "suggested"}))
        root = Code(study_id=iv.study_id, name="Барьеры")
        s.add(root)
        s.flush()
        child = Code(study_id=iv.study_id, parent_id=root.id, name="Скорость", color="#ff0000")
        s.add(child)
        s.flush()
        s.add(Coding(code_id=child.id, extraction_id=ex2.id, author="Дан"))
        s.add(Coding(code_id=root.id, turn_id=t1.id, start=0, end=6))
        ins = Insight(study_id=iv.study_id, statement="Скорость важнее функций", stage="first_thought")
        s.add(ins)
        s.flush()
        s.add(InsightEvidence(insight_id=ins.id, extraction_id=ex2.id))
        cluster = PhraseCluster(study_id=iv.study_id, kind="friction", label="Тормозит", canonical="он тормозил",
                                key="тормозить", locked=True, threshold=80.0)
        s.add(cluster)
        s.flush()
        s.add(PhraseClusterMember(cluster_id=cluster.id, extraction_id=ex2.id))


def test_round_trip_is_exact_across_backends(db, tmp_path, request):
    make_rich_study(db)
    first = export_study(db, "Удержание 🔑")
    assert first["format"] == "jtbd-studio/1"
    assert [t["speaker"] for t in first["interviews"][0]["turns"]] == ["Дан", "Анна"]
    # into the other backend and back
    other_url = str(tmp_path / "other.sqlite3") if db.dialect == "postgresql" else request.getfixturevalue("pg_url")
    other = open_database(other_url)
    try:
        import_study(other, json.loads(json.dumps(first)))
        second = export_study(other, "Удержание 🔑")
    finally:
        other.close()
    assert second == first
    assert first["clusters"][0]["label"] == "Тормозит" and first["clusters"][0]["locked"] is True
    assert first["clusters"][0]["members"] == [2]  # the friction, by its export reference


def test_clusters_labelled_by_hand_survive_the_trip(db):
    from jtbd_studio.library.clusters import stored_clusters
    from jtbd_studio.services.studies import find_study

    make_rich_study(db)
    import_study(db, export_study(db, "Удержание 🔑"), rename="Копия")
    copy_id = find_study(db, "Копия").id
    [cluster] = stored_clusters(db, copy_id)
    assert (cluster.label, cluster.locked, cluster.kind) == ("Тормозит", True, "friction")
    with db.session() as s:
        texts = [s.get(Extraction, i).text for i in cluster.member_ids]
        assert all(s.get(Interview, s.get(Extraction, i).interview_id).study_id == copy_id
                   for i in cluster.member_ids)
    assert texts == ["он тормозил"]


def test_import_again_is_refused_unless_renamed(db):
    make_rich_study(db)
    doc = export_study(db, "Удержание 🔑")
    with pytest.raises(UsageError, match="already exists"):
        import_study(db, doc)
    import_study(db, doc, rename="Копия")
    copy = export_study(db, "Копия")
    assert copy["interviews"] == doc["interviews"]


def test_broken_documents_leave_the_database_unchanged(db, tmp_path):
    make_rich_study(db)
    doc = export_study(db, "Удержание 🔑")
    doc["study"]["name"] = "Broken"
    doc["codings"][0]["code"] = 99  # a dangling reference deep inside
    with pytest.raises(UsageError):
        import_study(db, doc)
    from jtbd_studio.services.studies import list_studies

    assert [s.study.name for s in list_studies(db)] == ["Удержание 🔑"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jtbd-studio/1", "study": ', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"bad\.json:1"):
        import_study_file(db, bad)


def test_duplicate_study_name(db):
    create_study(db, "X")
    with pytest.raises(ConflictError):
        create_study(db, " X ")
