"""The study report as one self-contained HTML page: inline CSS and SVG, no script, no network."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise

from jtbd_studio.analysis.journey import SUGGESTED_WEIGHT, StageCell
from jtbd_studio.analysis.report import GroupReport, StudyReport
from jtbd_studio.analysis.saturation import Saturation
from jtbd_studio.export.report_md import (
    DASH,
    TOP_QUOTES,
    churn_ratio,
    counted_lines,
    csi_text,
    emotion_text,
    forces_line,
    group_title,
    header_facts,
    kind_title,
    nps_text,
    num,
    run_ratio,
    run_span,
    saturation_method,
    saturation_verdict,
    share,
    stage_title,
)
from jtbd_studio.i18n import t
from jtbd_studio.scripts import pick_text

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 color:#1d2330;margin:0;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 8px;padding-top:8px;
 border-top:2px solid #e3e6ec}h3{font-size:16px;margin:24px 0 6px}
p.facts{color:#5b6475;margin:0 0 12px}p.note{color:#5b6475;font-size:13px;margin:4px 0 10px}
.banner{background:#fff4d6;border:1px solid #f0d48a;padding:6px 10px;border-radius:4px}
nav a{margin-right:14px;color:#2456a6;text-decoration:none}
table{border-collapse:collapse;margin:6px 0 14px;width:100%}
th,td{border:1px solid #dfe3ea;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f0f2f6;font-weight:600}td.n,th.n{text-align:right;white-space:nowrap}
table.grid{table-layout:fixed;font-size:12.5px}table.grid th:first-child{width:120px}
table.grid ul{margin:0;padding-left:14px}table.grid li{margin:0 0 3px}
.neg2{background:#f6c9c4}.neg1{background:#fbe3df}.zero{background:#f3f4f6}
.pos1{background:#e0f1e2}.pos2{background:#c5e6ca}.none{color:#9aa1ad}
.ev0{color:#9aa1ad}.ev1{background:#fdf3d9}.ev3{background:#dcebdc}
.bar{display:inline-block;height:9px;background:#6b8fd6;border-radius:2px;margin-right:6px}
.quote{font-style:italic}.who{color:#5b6475;font-style:normal}
svg{display:block;margin:4px 0 12px;width:100%;height:auto}
svg text{font-family:system-ui,"DejaVu Sans",sans-serif}
"""

# The charts are as wide as the journey grid, and their plot starts where its stage columns do,
# so each point of the curve stands above its column.
W, LEFT, RIGHT, TOP = 1124, 120, 0, 30


def _e(value: object) -> str:
    return escape(DASH if value is None or value == "" else str(value))


class _Raw:
    """Markup that is already escaped."""

    def __init__(self, html: str) -> None:
        self.html = html


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]],
           numeric: Sequence[int] = (), css: str = "") -> str:
    """A table; `rows` cells are plain values (escaped) unless wrapped by _raw."""
    def cell(tag: str, i: int, value: object) -> str:
        klass = ' class="n"' if i in numeric else ""
        body = value.html if isinstance(value, _Raw) else _e(value)
        return f"<{tag}{klass}>{body}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
                   for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _valence_class(mean: float | None) -> str:
    if mean is None:
        return "none"
    if abs(mean) < 0.25:
        return "zero"
    level = 2 if abs(mean) >= 1.0 else 1
    return f"{'pos' if mean > 0 else 'neg'}{level}"


# -- SVG charts ----------------------------------------------------------------------------

def _wrap(text: str, width: int = 18) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line][:3]


def emotion_svg(cells: Sequence[StageCell], lang: str, label: str) -> str:
    """The emotion curve: one point per column (mean valence, n), broken where there is none."""
    height, bottom = 250, 58
    plot_h, plot_w = height - TOP - bottom, W - LEFT - RIGHT
    step = plot_w / max(1, len(cells))

    def y(v: float) -> float:
        return TOP + (2 - v) / 4 * plot_h

    out = [f'<svg viewBox="0 0 {W} {height}" role="img" aria-label="{_e(label)}">',
           f"<title>{_e(label)}</title>"]
    for level in range(-2, 3):
        stroke = "#8a93a3" if level == 0 else "#e3e6ec"
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
                   f'stroke="{stroke}"/><text x="{LEFT - 8}" y="{y(level) + 4:.1f}" '
                   'text-anchor="end" font-size="12" fill="#5b6475">'
                   f"{num(level, 0, lang, sign=True)}</text>")
    points = [(LEFT + (i + 0.5) * step, c.emotion.mean) for i, c in enumerate(cells)]
    for (x1, v1), (x2, v2) in pairwise(points):
        if v1 is not None and v2 is not None:
            out.append(f'<line x1="{x1:.1f}" y1="{y(v1):.1f}" x2="{x2:.1f}" y2="{y(v2):.1f}" '
                       'stroke="#2456a6" stroke-width="2.5"/>')
    for (x, v), cell in zip(points, cells, strict=True):
        out += _stage_label(x, height - bottom + 16, stage_title(cell.stage, lang))
        if v is None:
            out.append(f'<text x="{x:.1f}" y="{y(0) - 8:.1f}" text-anchor="middle" '
                       f'font-size="11" fill="#9aa1ad">n = 0</text>')
            continue
        color = "#2e8b57" if v > 0.24 else "#c0392b" if v < -0.24 else "#6b7280"
        text_y = y(v) + 20 if v > 1.5 else y(v) - 11  # below the point at the very top
        out.append(f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="5.5" fill="{color}"/>'
                   f'<text x="{x:.1f}" y="{text_y:.1f}" text-anchor="middle" font-size="12" '
                   f'paint-order="stroke" stroke="#fff" stroke-width="3">'
                   f'{_e(emotion_text(cell.emotion, lang))}</text>')
    return "".join(out) + "</svg>"


def _stage_label(x: float, y: float, title: str) -> list[str]:
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else 14}">{_e(line)}</tspan>'
                    for i, line in enumerate(_wrap(title)))
    return [f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="12" '
            f'fill="#1d2330">{spans}</text>']


def _legend(sat: Saturation, lang: str, y: float) -> str:
    parts = [t("report.chart.base", lang, n=sat.settings.base), t("report.chart.new_bars", lang),
             t("report.chart.cumulative_line", lang)]
    if sat.reached_at:
        parts.append(t("report.chart.saturation_mark", lang, n=sat.reached_at))
    return (f'<text x="{LEFT}" y="{y:.1f}" font-size="12" fill="#5b6475">'
            f"{_e(' · '.join(parts))}</text>")


def saturation_svg(sat: Saturation, lang: str, label: str) -> str:
    """Cumulative unique themes (line) and new themes per interview (bars); the base shaded."""
    height, bottom = 230, 52
    plot_h, plot_w = height - TOP - bottom, W - LEFT - RIGHT
    n, top_value = sat.interviews, max(1, max(sat.cumulative, default=0))
    step = plot_w / max(1, n)
    bar = min(36.0, max(2.0, step * 0.5))

    def y(v: float) -> float:
        return TOP + plot_h - v / top_value * plot_h

    out = [f'<svg viewBox="0 0 {W} {height}" role="img" aria-label="{_e(label)}">',
           f"<title>{_e(label)}</title>",
           f'<rect x="{LEFT}" y="{TOP}" width="{min(n, sat.settings.base) * step:.1f}" '
           f'height="{plot_h}" fill="#f0f2f6"/>',
           f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#8a93a3"/>']
    for value in (0, top_value):
        out.append(f'<text x="{LEFT - 8}" y="{y(value) + 4:.1f}" text-anchor="end" '
                   f'font-size="12">{value}</text>')
    path = []
    for i, (new, total) in enumerate(zip(sat.new_per_interview, sat.cumulative, strict=True)):
        x = LEFT + (i + 0.5) * step
        out.append(f'<rect x="{x - bar / 2:.1f}" y="{y(new):.1f}" width="{bar:.1f}" '
                   f'height="{y(0) - y(new):.1f}" fill="#b9c9ea"/>'
                   f'<circle cx="{x:.1f}" cy="{y(total):.1f}" r="3.5" fill="#2456a6"/>'
                   f'<text x="{x:.1f}" y="{y(0) + 16:.1f}" text-anchor="middle" '
                   f'font-size="11" fill="#5b6475">{i + 1}</text>')
        path.append(f"{x:.1f},{y(total):.1f}")
    out.append(f'<polyline points="{" ".join(path)}" fill="none" stroke="#2456a6" '
               'stroke-width="2.5"/>')
    if sat.reached_at:
        x = LEFT + sat.reached_at * step
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{y(0):.1f}" '
                   'stroke="#2e8b57" stroke-width="2" stroke-dasharray="5 4"/>')
    out.append(_legend(sat, lang, height - 8))
    return "".join(out) + "</svg>"


# -- sections ------------------------------------------------------------------------------

def _groups(report: StudyReport) -> list[GroupReport]:
    return [report.overall, *report.groups]


def _anchor(section: str, key: str = "") -> str:
    return f"{section}-{key}".strip("-").replace(" ", "_")


def _summary(report: StudyReport) -> str:
    lang = report.lang
    rows = [(group_title(g.key, lang), g.interviews, g.participants, nps_text(g.nps, lang),
             csi_text(g.csi, lang), g.saturation.reached_at or DASH) for g in _groups(report)]
    return (f'<h2 id="summary">{_e(t("report.summary", lang))}</h2>' + _table(
        [t("report.group", lang), t("study.interviews", lang), t("study.participants", lang),
         "NPS", "CSI", t("report.saturation_section", lang)], rows, numeric=(1, 2, 5)))


def _nps(report: StudyReport) -> str:
    lang = report.lang
    rows = [(group_title(g.key, lang), g.nps.n, g.nps.promoters, g.nps.passives,
             g.nps.detractors, num(g.nps.score, 0, lang, sign=True), num(g.nps.se, 1, lang))
            for g in _groups(report)]
    html = [f'<h2 id="nps">{_e(t("report.nps_section", lang))}</h2>',
            f'<p class="note">{_e(t("report.nps_formula", lang))}</p>',
            _table([t("report.group", lang), "n", t("report.promoters", lang),
                    t("report.passives", lang), t("report.detractors", lang), "NPS",
                    t("report.se", lang)], rows, numeric=(1, 2, 3, 4, 5, 6))]
    if report.nps_answers:
        html += [f"<h3>{_e(t('report.nps_why', lang))}</h3>", _table(
            [t("report.respondent", lang), t("participant.segment", lang), t("nps.score", lang),
             t("report.category", lang), t("nps.why", lang)],
            [(a.respondent, a.segment, a.score, t(f"nps.{a.category}", lang), a.why)
             for a in report.nps_answers], numeric=(2,))]
    return "".join(html)


def _bar(value: float | None, lang: str) -> _Raw:
    if value is None:
        return _Raw(DASH)
    return _Raw(f'<span class="bar" style="width:{value * 8:.0f}px"></span>'
                f"{_e(num(value, 1, lang))}")


def _csi(report: StudyReport) -> str:
    lang, titles = report.lang, report.study.csi_titles
    html = [f'<h2 id="csi">{_e(t("report.csi_section", lang))}</h2>',
            f'<p class="note">{_e(t("report.csi_formula", lang))}</p>']
    for g in _groups(report):
        html.append(f"<h3>{_e(group_title(g.key, lang))}: CSI {_e(csi_text(g.csi, lang))}</h3>")
        if not g.csi.aspects:
            html.append(f'<p class="note">{_e(t("report.no_data", lang))}</p>')
            continue
        html.append(_table(
            [t("csi.aspect", lang), t("report.aspect_satisfaction", lang),
             t("report.aspect_importance", lang), t("report.gap", lang), "n"],
            [(pick_text(titles.get(a.aspect, {}), lang) or a.aspect, _bar(a.satisfaction, lang),
              _bar(a.importance, lang), num(a.gap, 1, lang, sign=True), a.n)
             for a in g.csi.aspects], numeric=(3, 4)))
    return "".join(html)


def _list(lines: Sequence[str]) -> _Raw:
    """Already-escaped lines as a bullet list, or a grey dash."""
    if not lines:
        return _Raw(f'<span class="none">{DASH}</span>')
    return _Raw("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")


def _grid(g: GroupReport, lang: str) -> str:
    cells = g.journey.cells
    head = "".join(f"<th>{_e(stage_title(c.stage, lang))}</th>" for c in cells)

    def row(title: str, values: Iterable[tuple[str, str]]) -> str:
        return (f"<tr><th>{_e(title)}</th>"
                + "".join(f'<td class="{k}">{v}</td>' for k, v in values) + "</tr>")

    def items(lines: list[str]) -> str:
        return _list([_e(x) for x in lines]).html

    quotes = [[f'{_e(q.text)} <span class="who">— {_e(q.respondent)}</span>'
               for q in c.quotes[:TOP_QUOTES]] for c in cells]
    strength = ["ev0" if c.interviews == 0 else "ev1" if c.interviews < 3 else "ev3" for c in cells]
    rows = [
        row(t("report.lane_emotion", lang), ((_valence_class(c.emotion.mean),
                                               _e(emotion_text(c.emotion, lang))) for c in cells)),
        row(t("report.lane_frictions", lang),
            (("", items(counted_lines(c.frictions, lang))) for c in cells)),
        row(t("report.lane_competitors", lang),
            (("", items(counted_lines(c.competitors, lang))) for c in cells)),
        row(t("report.lane_forces", lang),
            (("", items(forces_line(c, lang).split(" · ") if forces_line(c, lang) else []))
             for c in cells)),
        row(t("report.lane_quotes", lang), (("quote", _list(q).html) for q in quotes)),
        row(t("report.lane_evidence", lang), zip(strength, (str(c.interviews) for c in cells),
                                                 strict=True)),
    ]
    return (f'<table class="grid"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _journey(report: StudyReport) -> str:
    lang = report.lang
    html = [f'<h2 id="journey">{_e(t("report.journey_section", lang))}</h2>',
            f'<p class="note">{_e(t("report.journey_note", lang, outside=report.overall.journey.outside, weight=num(SUGGESTED_WEIGHT, 1, lang)))}</p>',
            f'<p class="note">{_e(t("report.evidence_note", lang))}</p>']
    for g in _groups(report):
        title = f"{group_title(g.key, lang)} (n = {g.interviews})"
        html += [f'<h3 id="{_anchor("journey", g.key)}">{_e(title)}</h3>',
                 emotion_svg(g.journey.cells, lang, f"{t('emotion.curve', lang)}: {title}"),
                 _grid(g, lang)]
    return "".join(html)


def _saturation(report: StudyReport) -> str:
    lang = report.lang
    html = [f'<h2 id="saturation">{_e(t("report.saturation_section", lang))}</h2>',
            f'<p class="note">{_e(saturation_method(report.overall.saturation, lang))}</p>']
    for g in _groups(report):
        sat = g.saturation
        html += [f"<h3>{_e(group_title(g.key, lang))}</h3>",
                 f"<p>{_e(saturation_verdict(sat, lang))}</p>"]
        if sat.interviews and sat.cumulative[-1]:
            html.append(saturation_svg(sat, lang, f"{t('report.cumulative', lang)}: "
                                                  f"{group_title(g.key, lang)}"))
        if sat.runs:
            html.append(_table([t("report.run", lang), t("report.new_themes", lang),
                                t("report.new_information", lang)],
                               [(run_span(r), r.new, run_ratio(sat, r, lang))
                                for r in sat.runs], numeric=(1, 2)))
    return "".join(html)


def _churn(report: StudyReport) -> str:
    lang, churn = report.lang, report.churn
    html = f'<h2 id="churn">{_e(t("report.churn_section", lang))}</h2>'
    if not churn.churned:
        return html + f'<p class="note">{_e(t("report.churn_none", lang))}</p>'
    html += f'<p class="note">{_e(t("report.churn_note", lang, churned=churn.churned, active=churn.active))}</p>'
    if not churn.drivers:
        return html + f"<p>{_e(t('report.churn_no_drivers', lang))}</p>"
    return html + _table(
        [t("report.kind", lang), t("report.theme", lang),
         f"{t('report.churned', lang)} (n = {churn.churned})",
         f"{t('report.active', lang)} (n = {churn.active})", t("report.ratio", lang)],
        [(kind_title(d.kind, lang), d.label, share(d.churned, d.churned_share, lang),
          share(d.active, d.active_share, lang), churn_ratio(d, lang)) for d in churn.drivers],
        numeric=(2, 3, 4))


def _nav(lang: str) -> str:
    links = [("summary", "report.summary"), ("nps", "report.nps_section"),
             ("csi", "report.csi_section"), ("journey", "report.journey_section"),
             ("saturation", "report.saturation_section"), ("churn", "report.churn_section")]
    return "<nav>" + "".join(f'<a href="#{a}">{_e(t(k, lang))}</a>' for a, k in links) + "</nav>"


def render_html(report: StudyReport) -> str:
    """The whole report as one HTML document that needs nothing else to display."""
    lang = report.lang
    title = f"{t('report.title', lang)}: {report.study.name}"
    parts = [f"<h1>{_e(title)}</h1>",
             f'<p class="facts">{_e(" · ".join(header_facts(report)))}</p>']
    if report.study.synthetic:
        parts.append(f'<p class="banner">{_e(t("report.synthetic", lang))}</p>')
    if not report.overall.interviews:
        parts.append(f'<p class="banner">{_e(t("report.empty_study", lang))}</p>')
    parts += [_nav(lang), _summary(report), _nps(report), _csi(report), _journey(report),
              _saturation(report), _churn(report)]
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head>"
            f"<body><main>{''.join(parts)}</main></body></html>\n")
