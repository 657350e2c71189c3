"""Step 6: the review page ``translations/report.html``.

One self-contained file (inline CSS and JS, no font, image or script from anywhere else, so it
works from ``file://`` and offline): a summary per target language (and per article, with
navigation, when the project has several), then one row per segment in reading order with a
column per language (source first). In every column the glossary terms are highlighted -- the
same term in the same colour in all columns, no two terms of a segment in one colour, its id
and approved renderings shown on hover and on keyboard focus -- and each check finding is
listed under the translation it concerns, with the offending characters marked. Fuzzy entries
show what changed in the source, word by word. Fuzzy, untranslated and outdated entries carry
a badge, with the catalog line of their ``msgid``. Filters (progressive enhancement: without JS
every row shows) hide the segments without findings and toggle columns; their state lives in
the URL fragment, e.g. ``report.html#only-findings&hide-ko``. Below 48rem the tables become
labelled cards (a phone at 360 px scrolls only vertically); a print style sheet drops the
controls.

Three parts: ``review_data`` gathers what is shown, ``review_html`` renders it into the
template ``assets/review.html`` with ``assets/review.css`` and ``assets/review.js`` (package
data); this module is the command.
"""

from __future__ import annotations

from pathlib import Path

from termweave.config import Config
from termweave.console import Console
from termweave.fsutil import write_if_changed
from termweave.glossary.match import matcher_for
from termweave.pipeline import check
from termweave.places import REPORT_NAME
from termweave.project import Project
from termweave.render.review_data import collect, colour_index
from termweave.render.review_html import mark_text, render_review
from termweave.render.review_style import (
    BADGES,
    MUTED_TEXT,
    PAGE_BACKGROUND,
    PALETTE,
    STRIPE_BACKGROUND,
    TEXT_COLOUR,
    contrast_ratio,
)

__all__ = [
    "BADGES",
    "MUTED_TEXT",
    "PAGE_BACKGROUND",
    "PALETTE",
    "STRIPE_BACKGROUND",
    "TEXT_COLOUR",
    "REPORT_NAME",
    "build_report_html",
    "collect",
    "colour_index",
    "contrast_ratio",
    "mark_text",
    "render_review",
    "report_path",
    "write_report",
]


def build_report_html(*args, **kwargs) -> str:
    """The whole page as one string; the arguments are :func:`collect`'s."""
    return render_review(collect(*args, **kwargs))


# -- the command ----------------------------------------------------------------------------


def report_path(config: Config) -> Path:
    return config.output / REPORT_NAME


def write_report(config: Config, console: Console, check_report=None, output: Path | None = None) -> Path:
    """Run the checks (unless ``check_report`` is given) and write the review page(s)."""
    project = Project.from_config(config)
    if check_report is None:
        check_report = check(project, console)
    return write_project_report(project, console, check_report, output)


def write_project_report(project: Project, console: Console, check_report, output: Path | None = None) -> Path:
    """One review page per article, ``report.html`` in the article's folder (with one article,
    the output folder's, or ``output``). Returns the page's path (the output folder's, with
    several articles)."""
    matchers = {lang: matcher_for(lang) for lang in (project.source_lang, *project.target_langs)}
    by_file: dict[Path, list] = {}
    for finding in check_report.findings:  # grouped once: a journal has thousands of catalogs
        by_file.setdefault(Path(finding.path).resolve(), []).append(finding)
    single = len(project.places) == 1
    for article in project.articles:
        catalogs = {lang: project.catalog(article, lang) for lang in project.target_langs}
        findings = {lang: by_file.get(article.po_path(lang).resolve(), []) for lang in project.target_langs}
        review = collect(
            [article.document],
            catalogs,
            article.glossary,
            findings,
            project.source_lang,
            project.target_langs,
            title=article.name,
            progress=console.progress,
            matchers=matchers,
        )
        for summary in review.summaries:
            console.debug(
                f"report {article.name} [{summary.lang}]: {summary.entries} entries, "
                f"{summary.percent}% translated, {summary.errors} error(s), {summary.warnings} warning(s)"
            )
        page_path = output if output is not None and single else article.report_path
        changed = write_if_changed(page_path, render_review(review))
        console.debug(f"{'wrote' if changed else 'unchanged'} {page_path}")
    if single:
        return output or project.places[0].report_path
    return project.config.output
