"""`report`: the study report (journey map, NPS/CSI, saturation, churn drivers) as MD or HTML."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jtbd_studio.analysis.load import load_study_data
from jtbd_studio.analysis.report import StudyReport, build_report, parse_segments
from jtbd_studio.analysis.saturation import SaturationSettings
from jtbd_studio.errors import UsageError
from jtbd_studio.services.studies import get_study
from jtbd_studio.store.db import Database

FORMATS = ("html", "md")
REPORT_LANGUAGES = ("ru", "en")


def report_language(study_language: str, fallback: str | None = None) -> str:
    """The study's language; a mixed study takes `fallback` (the UI language), else English."""
    if study_language in REPORT_LANGUAGES:
        return study_language
    if fallback in REPORT_LANGUAGES:
        return fallback  # type: ignore[return-value]
    from jtbd_studio.i18n import default_ui_lang

    chosen = default_ui_lang()
    return chosen if chosen in REPORT_LANGUAGES else "en"


def study_report(db: Database, study: str | int, *, segments: str | Sequence[str] | None = None,
                 lang: str | None = None, ui_lang: str | None = None,
                 settings: SaturationSettings | None = None,
                 include_suggested: bool = True) -> StudyReport:
    """Compute the report of one study (NotFoundError for an unknown study).

    Labels are in `lang`, else in the study's language, else (a mixed study) in `ui_lang`.
    """
    chosen = parse_segments(segments)
    if lang is not None and lang not in REPORT_LANGUAGES:
        raise UsageError(f"report language {lang!r}: must be one of {', '.join(REPORT_LANGUAGES)}")
    with db.session() as s:
        data = load_study_data(s, get_study(s, study))
    language = lang if lang is not None else report_language(data.language, ui_lang)
    return build_report(data, lang=language, segments=chosen, settings=settings,
                        include_suggested=include_suggested)


def render_report(report: StudyReport, fmt: str) -> str:
    """The report as Markdown ("md") or a self-contained HTML page ("html")."""
    if fmt == "md":
        from jtbd_studio.export.report_md import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from jtbd_studio.export.report_html import render_html

        return render_html(report)
    raise UsageError(f"report format {fmt!r}: must be one of {', '.join(FORMATS)}")


def write_report(db: Database, study: str | int, path: Path, *, fmt: str = "html",
                 segments: str | Sequence[str] | None = None, lang: str | None = None,
                 ui_lang: str | None = None,
                 settings: SaturationSettings | None = None) -> StudyReport:
    """Compute, render and write the report atomically; returns what was written."""
    from jtbd_studio.services.exchange import write_text_atomic

    if fmt not in FORMATS:
        raise UsageError(f"report format {fmt!r}: must be one of {', '.join(FORMATS)}")
    report = study_report(db, study, segments=segments, lang=lang, ui_lang=ui_lang,
                          settings=settings)
    write_text_atomic(Path(path), render_report(report, fmt))
    return report
