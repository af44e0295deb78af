"""Clusters of real phrases, glossary counts and insights with evidence, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlmodel import select
from tests.unit.library.library_studydata import fold, rows

from jtbd_studio.errors import UsageError
from jtbd_studio.library import clusters, glossary, glossary_export, insights
from jtbd_studio.library.grouping import group_keys
from jtbd_studio.library.search import search
from jtbd_studio.services.studies import create_study
from jtbd_studio.store.tables import Extraction


def real_phrases(kind: str) -> list[dict]:
    return [e for r in rows() for e in r["extractions"] if e["kind"] == kind]


def test_grouping_real_phrases_joins_forms_and_keeps_apart_unrelated():
    items = real_phrases("friction")
    keys = [e["key"] for e in items]
    groups = group_keys(keys, 80)
    where = {i: n for n, g in enumerate(groups) for i in g}

    def group_of(text: str) -> int:
        return where[next(i for i, e in enumerate(items) if e["text"] == text)]

    # «Игнорирование жалоб» and «Если его жалобу проигнорируют»: other forms, other order
    assert group_of("Игнорирование жалоб") == group_of("Если его жалобу проигнорируют")
    problems = {where[i] for i, e in enumerate(items) if fold(e["text"]) in ("проблем", "проблемы", "проблемы на")}
    assert len(problems) == 1
    assert group_of("Потеря ключевых клиентов всегда болезненна для бизнеса") not in problems
    assert group_of("допускаем ошибки") != group_of("Игнорирование жалоб")
    assert sum(len(g) for g in groups) == len(items)
    strict = group_keys(keys, 100)
    assert len(strict) >= len(groups) >= len(group_keys(keys, 60))


def test_threshold_is_checked(db, study):
    with pytest.raises(UsageError, match="threshold"):
        clusters.build_clusters(db, study.study_id, threshold=0)


def test_clustering_an_empty_study_is_a_clear_message(db):
    empty = create_study(db, "Пусто")
    with pytest.raises(UsageError, match="no phrase or friction extractions"):
        clusters.build_clusters(db, empty.id)
    assert glossary.build_glossary(db, empty.id) == []


def test_build_keeps_hand_made_clusters(db, study):
    built = clusters.build_clusters(db, study.study_id, author="anna")
    members = {e for c in built for e in c.member_ids}
    with db.session() as s:
        wanted = s.exec(select(Extraction.id).where(Extraction.kind.in_(("phrase", "friction")))).all()
    assert members == set(wanted)
    big = next(c for c in built if len(c.member_ids) >= 2)
    clusters.label_cluster(db, big.id, "Жалобы на городничего", author="anna")
    new_id = clusters.split_cluster(db, big.id, big.member_ids[:1], author="anna")
    rebuilt = clusters.build_clusters(db, study.study_id, threshold=60, author="anna")
    kept = {c.id: c for c in rebuilt}
    assert kept[big.id].label == "Жалобы на городничего" and kept[big.id].locked
    assert kept[big.id].member_ids == big.member_ids[1:]
    assert kept[new_id].member_ids == big.member_ids[:1]
    other = next(c for c in rebuilt if not c.locked)
    merged = clusters.merge_clusters(db, [new_id, other.id], author="anna")
    after = {c.id: c for c in clusters.stored_clusters(db, study.study_id)}
    assert other.id not in after and set(after[merged].member_ids) == {*big.member_ids[:1], *other.member_ids}
    with pytest.raises(UsageError, match="some, not all"):
        clusters.split_cluster(db, merged, after[merged].member_ids)


def test_glossary_counts(db, study):
    entries = glossary.build_glossary(db, study.study_id)
    phrases = [e for e in real_phrases("phrase") + real_phrases("friction")]
    assert sum(e.frequency for e in entries) == len(phrases)
    top = entries[0]
    assert top.frequency == sum(n for _, n in top.variants) >= top.interviews >= 1
    assert top.participants == top.interviews  # one participant per interview in this study
    for entry in entries:
        for q in entry.quotes:
            with db.session() as s:
                ex = s.get(Extraction, q.extraction_id)
            assert ex.text == q.text and (q.turn_id, q.start, q.end) == (ex.turn_id, ex.start, ex.end)
    by_segment = glossary.build_glossary(db, study.study_id, segments=("A",))
    assert by_segment and all(e.segments == ["A"] for e in by_segment)
    assert sum(e.frequency for e in by_segment) < sum(e.frequency for e in entries)
    staged = glossary.build_glossary(db, study.study_id, stages=("usage",))
    assert staged and all(e.stages == ["usage"] for e in staged)


def test_glossary_valence_comes_from_emotions_in_the_span(db, study):
    entries = glossary.build_glossary(db, study.study_id)
    rated = [e for e in entries if e.valence is not None]
    assert rated and all(-2 <= e.valence <= 2 for e in rated)


def test_glossary_exports(db, study):
    entries = glossary.build_glossary(db, study.study_id)
    data = glossary_export.to_csv(entries)
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == glossary_export.CSV_HEADER and len(table) == len(entries) + 1
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in row[1]) for row in table[1:])
    assert json.loads(glossary_export.to_json(entries))[0]["frequency"] == entries[0].frequency
    md = glossary_export.to_markdown(entries)
    assert md.startswith("# Glossary") and md.count("\n## ") == len(entries)


def test_insight_with_evidence_across_interviews(db, study):
    with db.session() as s:
        frictions = s.exec(select(Extraction).where(Extraction.kind == "friction").order_by(Extraction.id)).all()
    picked = []
    for ex in frictions:  # one friction from each of three interviews
        if ex.interview_id not in {p.interview_id for p in picked}:
            picked.append(ex)
        if len(picked) == 3:
            break
    insight = insights.create_insight(db, study.study_id, "Клиенты жалуются, что их не слышат",
                                      stage="usage", evidence=[p.id for p in picked], author="anna")
    view = insights.get_insight(db, insight.id)
    assert view.interviews == 3 and len(view.segments) == 3
    ev = view.evidence[0]
    assert (ev.turn_id, ev.start, ev.end) == (picked[0].turn_id, picked[0].start, picked[0].end)
    assert insights.add_evidence(db, insight.id, [picked[0].id], author="anna") == 0
    hits = search(db, study.study_id, "жалуются", limit=100).hits
    assert ("insight", insight.id) in {(h.source, h.id) for h in hits}
    other = create_study(db, "Другое")
    with pytest.raises(UsageError, match="another study"):
        insights.create_insight(db, other.id, "x", evidence=[picked[0].id])
    with pytest.raises(UsageError, match="needs a statement"):
        insights.create_insight(db, study.study_id, "   ")
    insights.remove_evidence(db, insight.id, [picked[0].id])
    assert insights.list_insights(db, study.study_id)[0].interviews == 2
