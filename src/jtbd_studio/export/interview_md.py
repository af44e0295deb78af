"""One interview as Markdown: header, participant, NPS/CSI, emotion and time per stage, notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from jtbd_studio.errors import JtbdError
from jtbd_studio.i18n import t
from jtbd_studio.scripts import emotion_by_id, note_kinds, pick_text
from jtbd_studio.services.live import InterviewSummary, StageSummary, interview_summary
from jtbd_studio.store.db import Database


def clock(seconds: float | None) -> str:
    """12:34, or 1:02:03 past an hour; "—" when unknown."""
    if seconds is None:
        return "—"
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _cell(value: object) -> str:
    text = "—" if value is None or value == "" else " ".join(str(value).split())
    return text.replace("|", "\\|")


def _table(headers: list[str], rows: Iterable[Iterable[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "—"


def _kind_title(kind: str, lang: str) -> str:
    return next((pick_text(k.title, lang) for k in note_kinds() if k.id == kind), kind)


def _stage_title(stage: StageSummary, lang: str) -> str:
    return pick_text(stage.title, lang) or stage.stage_id


def _header(s: InterviewSummary, lang: str) -> list[str]:
    iv, study, p = s.detail.interview, s.detail.study, s.detail.participant
    who = p.name if p else "—"
    lines = [f"# {t('interview.title', lang)} #{iv.id} — {who}", ""]
    facts = [
        (t("study.name", lang), study.name + (f" ({study.product})" if study.product else "")),
        (t("interview.script", lang), f"{pick_text(s.script_title, lang) or iv.script_key} ({iv.script_key})"),
        (t("interview.language", lang), iv.language),
        (t("interview.interviewer", lang), iv.interviewer or "—"),
        (t("interview.started", lang), _when(iv.started_at)),
        (t("interview.ended", lang), _when(iv.ended_at)),
        (t("summary.total_time", lang), clock(s.duration_s)),
        (t("participant.status", lang), t(f"interview.{iv.status}", lang)),
    ]
    lines += [f"- **{name}:** {value}" for name, value in facts]
    return [*lines, ""]


def _participant(s: InterviewSummary, lang: str) -> list[str]:
    p = s.detail.participant
    if p is None:
        return []
    yes_no = t("app.yes" if p.key_client else "app.no", lang)
    return [f"## {t('participant.title', lang)}", "", *_table(
        [t("participant.name", lang), t("participant.company", lang), t("participant.role", lang),
         t("participant.segment", lang), t("participant.key_client", lang), t("participant.status", lang)],
        [[p.name, p.company, p.role, p.segment, yes_no, t(f"participant.status_{p.status}", lang)]],
    )]


def _nps_csi(s: InterviewSummary, lang: str) -> list[str]:
    iv = s.detail.interview
    lines = [f"## {t('summary.nps', lang)}", ""]
    if iv.nps is None:
        lines.append("—")
    else:
        group = "promoter" if iv.nps >= 9 else "passive" if iv.nps >= 7 else "detractor"
        lines.append(f"**{iv.nps}** ({t(f'nps.{group}', lang)})")
    if iv.nps_why:
        lines.append(f"\n{t('nps.why', lang)} {' '.join(iv.nps_why.split())}")
    lines += ["", f"## {t('summary.csi', lang)}", ""]
    if not s.ratings:
        return [*lines, "—", ""]
    rows = [[pick_text(s.csi_titles.get(r.aspect, {}), lang) or r.aspect, r.score, r.importance]
            for r in s.ratings]
    return lines + _table([t("csi.aspect", lang), t("csi.satisfaction", lang), t("csi.importance", lang)], rows)


def _stages(s: InterviewSummary, lang: str) -> list[str]:
    rows = []
    for n, stage in enumerate(s.stages, 1):
        tag = stage.emotion
        label = emotion_by_id(tag.label) if tag and tag.label else None
        rows.append([
            n, _stage_title(stage, lang), pick_text(label.title, lang) if label else None,
            f"{tag.valence:+d}" if tag else None, tag.comment if tag else None, stage.notes,
            clock(stage.seconds), clock(stage.budget_min * 60) if stage.budget_min else None,
        ])
    headers = ["#", t("stage.title", lang), t("emotion.label", lang), t("emotion.valence", lang),
               t("emotion.comment", lang), t("note.list", lang), t("interview_md.time", lang),
               t("interview_md.budget", lang)]
    note = t("interview_md.time_note", lang)
    return [f"## {t('interview_md.stages', lang)}", "", *_table(headers, rows), f"_{note}_", ""]


def _kinds(s: InterviewSummary, lang: str) -> list[str]:
    rows = [[_kind_title(kind, lang), n] for kind, n in s.notes_per_kind.items() if n]
    if not rows:
        return [f"## {t('summary.notes_by_kind', lang)}", "", t("note.empty_list", lang), ""]
    return [f"## {t('summary.notes_by_kind', lang)}", "",
            *_table([t("note.kind", lang), t("note.list", lang)], rows)]


def _notes(s: InterviewSummary, lang: str) -> list[str]:
    lines = [f"## {t('note.list', lang)}", ""]
    titles = {st.stage_id: _stage_title(st, lang) for st in s.stages}
    order = [st.stage_id for st in s.stages]
    by_stage: dict[str | None, list] = {}
    for note in sorted(s.detail.notes, key=lambda n: (n.offset_ms or 0, n.id or 0)):
        by_stage.setdefault(note.stage, []).append(note)
    stages = [sid for sid in order if sid in by_stage] + [k for k in by_stage if k not in order]
    for sid in stages:
        number = f"{order.index(sid) + 1}. " if sid in order else ""
        lines += [f"### {number}{titles.get(sid or '', sid or '—')}", ""]
        for note in by_stage[sid]:
            at = clock(note.offset_ms / 1000) if note.offset_ms is not None else "—"
            lines.append(f"- `{at}` **{_kind_title(note.kind, lang)}** — {' '.join(note.text.split())}")
        lines.append("")
    if not stages:
        lines += [t("note.empty_list", lang), ""]
    return lines


def interview_markdown(summary: InterviewSummary, lang: str) -> str:
    """The whole document; headings in `lang`, the client's words as they were typed."""
    parts = [_header, _participant, _nps_csi, _kinds, _stages, _notes]
    lines: list[str] = []
    for part in parts:
        lines += part(summary, lang)
    return "\n".join(lines).rstrip() + "\n"


def write_interview_markdown(db: Database, interview_id: int, path: str | Path, *, lang: str | None = None) -> Path:
    """Export one interview to `path` (in the interview's language unless `lang` is given)."""
    summary = interview_summary(db, interview_id)
    text = interview_markdown(summary, lang or summary.detail.interview.language)
    target = Path(path).expanduser()
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise JtbdError(f"{target}: cannot write the file ({exc.strerror})") from None
    return target
