"""The study report as Markdown, plus the wording both report formats share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from jtbd_studio.analysis.churn import ChurnDriver
from jtbd_studio.analysis.data import UNSEGMENTED
from jtbd_studio.analysis.journey import (
    FORCES,
    SUGGESTED_WEIGHT,
    Counted,
    EmotionPoint,
    StageCell,
)
from jtbd_studio.analysis.metrics import Csi, Nps
from jtbd_studio.analysis.report import OVERALL, GroupReport, StudyReport
from jtbd_studio.analysis.saturation import SOURCE_CODES, SOURCE_SUGGESTED, Run, Saturation
from jtbd_studio.i18n import t
from jtbd_studio.scripts import cjm_stages, note_kinds, pick_text

TOP_ITEMS = 5
TOP_QUOTES = 3
DASH = "—"


# -- wording shared with the HTML report ---------------------------------------------------

def num(value: float | None, digits: int, lang: str, *, sign: bool = False) -> str:
    """A number for people: fixed digits, a true minus sign, a decimal comma in Russian."""
    if value is None:
        return DASH
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    if text.lstrip("+-").strip("0.,") == "":  # no "−0.0" or "+0"
        text = f"{0:.{digits}f}"
    text = text.replace("-", "−")
    return text.replace(".", ",") if lang == "ru" else text


def percent(fraction: float, lang: str) -> str:
    value = 100 * fraction
    return num(value, 0 if abs(value - round(value)) < 1e-9 else 1, lang) + " %"


def group_title(key: str, lang: str) -> str:
    if key == OVERALL:
        return t("report.overall", lang)
    if key == UNSEGMENTED:
        return t("report.unsegmented", lang)
    return t("report.segment", lang, segment=t(f"participant.segment_{key}", lang))


def stage_title(stage: str, lang: str) -> str:
    return next((pick_text(title, lang) for sid, title in cjm_stages() if sid == stage), stage)


def kind_title(kind: str, lang: str) -> str:
    """The title of a note kind (friction, churn_risk …), or the id itself."""
    return next((pick_text(k.title, lang) for k in note_kinds() if k.id == kind), kind)


def force_title(force: str, lang: str) -> str:
    return next((pick_text(k.title, lang) for k in note_kinds() if k.force == force), force)


def nps_text(nps: Nps, lang: str) -> str:
    if nps.score is None:
        return f"{DASH} (n = 0)"
    return f"{num(nps.score, 0, lang, sign=True)} (n = {nps.n}, SE {num(nps.se, 1, lang)})"


def csi_text(csi: Csi, lang: str) -> str:
    return f"{num(csi.index, 1, lang)} (n = {csi.n})"


def emotion_text(point: EmotionPoint, lang: str) -> str:
    if point.mean is None:
        return f"{DASH} (n = 0)"
    return f"{num(point.mean, 2, lang, sign=True)} (n = {point.n})"


def counted_lines(items: Sequence[Counted], lang: str, top: int = TOP_ITEMS) -> list[str]:
    lines = [f"{c.label} ×{c.count}" for c in items[:top]]
    if len(items) > top:
        lines.append(t("report.more", lang, n=len(items) - top))
    return lines


def forces_line(cell: StageCell, lang: str) -> str:
    parts = [f"{force_title(f, lang)}: {cell.forces.get(f, 0)}" for f in FORCES
             if cell.forces.get(f, 0)]
    return " · ".join(parts)


def source_text(source: str, lang: str) -> str:
    key = {SOURCE_CODES: "source_codes", SOURCE_SUGGESTED: "source_suggested"}.get(
        source, "source_accepted")
    return t(f"report.{key}", lang)


def saturation_method(sat: Saturation, lang: str) -> str:
    cfg = sat.settings
    return t("report.saturation_method", lang, base=cfg.base, run=cfg.run,
             threshold=percent(cfg.threshold, lang), source=source_text(sat.source, lang))


def saturation_verdict(sat: Saturation, lang: str) -> str:
    cfg = sat.settings
    args = {"base": cfg.base, "run": cfg.run, "threshold": percent(cfg.threshold, lang)}
    if sat.interviews and not sat.cumulative[-1]:
        return t("report.saturation_no_themes", lang)
    if sat.interviews < sat.needed:
        return t("report.saturation_too_few", lang, needed=sat.needed, n=sat.interviews)
    run = sat.confirming_run
    if run is None:
        return t("report.saturation_not_reached", lang, n=sat.interviews, **args)
    return t("report.saturation_reached", lang, n=sat.reached_at, span=run_span(run),
             new=run.new, ratio=percent(run.ratio, lang),
             base_themes=sat.base_themes, **args)


def run_span(run: Run) -> str:
    return str(run.first) if run.first == run.last else f"{run.first}–{run.last}"


def run_ratio(sat: Saturation, run: Run, lang: str) -> str:
    """The run's new-information ratio; ✓ marks the run that confirms saturation."""
    mark = " ✓" if run == sat.confirming_run else ""
    return percent(run.ratio, lang) + mark


def churn_ratio(driver: ChurnDriver, lang: str) -> str:
    ratio = driver.ratio
    return t("report.only_churned", lang) if ratio is None else num(ratio, 1, lang)


def share(count: int, fraction: float, lang: str) -> str:
    return f"{count} ({percent(fraction, lang)})"


def header_facts(report: StudyReport) -> list[str]:
    lang, study = report.lang, report.study
    scope = (t("report.scope_segments", lang, segments=", ".join(report.segments))
             if report.segments else t("report.scope_all", lang))
    product = f"{t('study.product', lang)}: {study.product}" if study.product else None
    return [x for x in (product, scope, t("report.generated", lang, date=date.today().isoformat()))
            if x]


# -- Markdown ------------------------------------------------------------------------------

def _cell(value: object) -> str:
    text = DASH if value is None or value == "" else " ".join(str(value).split())
    return text.replace("|", "\\|")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(h.replace("|", "\\|") for h in headers) + " |",
             "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _groups(report: StudyReport) -> list[GroupReport]:
    return [report.overall, *report.groups]


def _summary(report: StudyReport) -> list[str]:
    lang = report.lang
    rows = [(group_title(g.key, lang), g.interviews, g.participants, nps_text(g.nps, lang),
             csi_text(g.csi, lang), g.saturation.reached_at or DASH) for g in _groups(report)]
    return [f"## {t('report.summary', lang)}", "", *_table(
        [t("report.group", lang), t("study.interviews", lang), t("study.participants", lang),
         "NPS", "CSI", t("report.saturation_section", lang)], rows)]


def _nps(report: StudyReport) -> list[str]:
    lang = report.lang
    rows = [(group_title(g.key, lang), g.nps.n, g.nps.promoters, g.nps.passives,
             g.nps.detractors, num(g.nps.score, 0, lang, sign=True), num(g.nps.se, 1, lang))
            for g in _groups(report)]
    lines = [f"## {t('report.nps_section', lang)}", "", t("report.nps_formula", lang), "",
             *_table([t("report.group", lang), "n", t("report.promoters", lang),
                      t("report.passives", lang), t("report.detractors", lang), "NPS",
                      t("report.se", lang)], rows)]
    if report.nps_answers:
        lines += [f"### {t('report.nps_why', lang)}", "", *_table(
            [t("report.respondent", lang), t("participant.segment", lang), t("nps.score", lang),
             t("report.category", lang), t("nps.why", lang)],
            [(a.respondent, a.segment, a.score, t(f"nps.{a.category}", lang), a.why)
             for a in report.nps_answers])]
    return lines


def _csi(report: StudyReport) -> list[str]:
    lang = report.lang
    lines = [f"## {t('report.csi_section', lang)}", "", t("report.csi_formula", lang), ""]
    for g in _groups(report):
        lines += [f"### {group_title(g.key, lang)}: CSI {csi_text(g.csi, lang)}", ""]
        if not g.csi.aspects:
            lines += [t("report.no_data", lang), ""]
            continue
        titles = report.study.csi_titles
        lines += _table(
            [t("csi.aspect", lang), t("report.aspect_satisfaction", lang),
             t("report.aspect_importance", lang), t("report.gap", lang), "n"],
            [(pick_text(titles.get(a.aspect, {}), lang) or a.aspect, num(a.satisfaction, 1, lang),
              num(a.importance, 1, lang), num(a.gap, 1, lang, sign=True), a.n)
             for a in g.csi.aspects])
    return lines


def _journey_grid(g: GroupReport, lang: str) -> list[str]:
    cells = g.journey.cells
    quotes = [[f"{q.text} — {q.respondent}" for q in c.quotes[:TOP_QUOTES]] for c in cells]
    rows = [
        (t("report.lane_emotion", lang), *(emotion_text(c.emotion, lang) for c in cells)),
        (t("report.lane_frictions", lang),
         *("<br>".join(counted_lines(c.frictions, lang)) for c in cells)),
        (t("report.lane_competitors", lang),
         *("<br>".join(counted_lines(c.competitors, lang)) for c in cells)),
        (t("report.lane_forces", lang), *(forces_line(c, lang) for c in cells)),
        (t("report.lane_quotes", lang), *("<br>".join(q) for q in quotes)),
        (t("report.lane_evidence", lang), *(c.interviews for c in cells)),
    ]
    return _table(["", *(stage_title(c.stage, lang) for c in cells)], rows)


def _journey(report: StudyReport) -> list[str]:
    lang = report.lang
    lines = [f"## {t('report.journey_section', lang)}", "",
             t("report.journey_note", lang, outside=report.overall.journey.outside,
               weight=num(SUGGESTED_WEIGHT, 1, lang)), "", t("report.evidence_note", lang), ""]
    for g in _groups(report):
        lines += [f"### {group_title(g.key, lang)} (n = {g.interviews})", "",
                  *_journey_grid(g, lang)]
    return lines


def _saturation(report: StudyReport) -> list[str]:
    lang = report.lang
    lines = [f"## {t('report.saturation_section', lang)}", "",
             saturation_method(report.overall.saturation, lang), ""]
    for g in _groups(report):
        sat = g.saturation
        lines += [f"### {group_title(g.key, lang)}", "", saturation_verdict(sat, lang), ""]
        if sat.interviews and sat.cumulative[-1]:
            lines += _table([t("report.interview_no", lang), t("report.new_in_interview", lang),
                             t("report.cumulative", lang)],
                            [(i, new, total) for i, (new, total) in
                             enumerate(zip(sat.new_per_interview, sat.cumulative, strict=True), 1)])
        if sat.runs:
            lines += _table([t("report.run", lang), t("report.new_themes", lang),
                             t("report.new_information", lang)],
                            [(run_span(r), r.new, run_ratio(sat, r, lang))
                             for r in sat.runs])
    return lines


def _churn(report: StudyReport) -> list[str]:
    lang, churn = report.lang, report.churn
    lines = [f"## {t('report.churn_section', lang)}", ""]
    if not churn.churned:
        return [*lines, t("report.churn_none", lang), ""]
    lines += [t("report.churn_note", lang, churned=churn.churned, active=churn.active), ""]
    if not churn.drivers:
        return [*lines, t("report.churn_no_drivers", lang), ""]
    return lines + _table(
        [t("report.kind", lang), t("report.theme", lang),
         f"{t('report.churned', lang)} (n = {churn.churned})",
         f"{t('report.active', lang)} (n = {churn.active})", t("report.ratio", lang)],
        [(kind_title(d.kind, lang), d.label, share(d.churned, d.churned_share, lang),
          share(d.active, d.active_share, lang), churn_ratio(d, lang)) for d in churn.drivers])


def render_markdown(report: StudyReport) -> str:
    """The whole report as one Markdown document."""
    lang = report.lang
    lines = [f"# {t('report.title', lang)}: {report.study.name}", "",
             " · ".join(header_facts(report)), ""]
    if report.study.synthetic:
        lines += [f"> {t('report.synthetic', lang)}", ""]
    if not report.overall.interviews:
        lines += [t("report.empty_study", lang), ""]
    for part in (_summary, _nps, _csi, _journey, _saturation, _churn):
        lines += part(report)
    return "\n".join(lines).rstrip() + "\n"
