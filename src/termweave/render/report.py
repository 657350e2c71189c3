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
from termweave.render.review_data import collect, colour_index
from termweave.render.review_html import (
    BADGES,
    MUTED_TEXT,
    PAGE_BACKGROUND,
    PALETTE,
    STRIPE_BACKGROUND,
    TEXT_COLOUR,
    contrast_ratio,
    mark_text,
    render_review,
)

REPORT_NAME = "report.html"
__all__ = ["BADGES", "MUTED_TEXT", "PAGE_BACKGROUND", "PALETTE", "STRIPE_BACKGROUND", "TEXT_COLOUR", "REPORT_NAME",
           "build_report_html", "collect", "colour_index", "contrast_ratio", "mark_text", "render_review",
           "report_path", "write_report"]


def build_report_html(*args, **kwargs) -> str:
    """The whole page as one string; the arguments are :func:`collect`'s."""
    return render_review(collect(*args, **kwargs))


# -- the command ----------------------------------------------------------------------------


def report_path(config: Config) -> Path:
    return config.output / REPORT_NAME


def write_report(config: Config, console: Console, check_report=None, output: Path | None = None) -> Path:
    """Run the checks (unless ``check_report`` is given) and write the review page."""
    from termweave.catalog.extract import load_documents
    from termweave.formats.po import load_po
    from termweave.glossary import load_glossary

    glossary = load_glossary(config.glossary, required_languages=config.languages)
    documents = load_documents(config)
    catalogs = {lang: load_po(config.po_path(lang)) if config.po_path(lang).exists() else None
                for lang in config.target_langs}
    present = [config.po_path(lang) for lang in config.target_langs if catalogs[lang] is not None]
    if check_report is None:
        from termweave.check import run_checks

        check_report = run_checks(present, glossary, source_lang=config.source_lang, console=console)
    findings = {lang: [f for f in check_report.findings if _same_file(f.path, config.po_path(lang))]
                for lang in config.target_langs}
    review = collect(documents, catalogs, glossary, findings, config.source_lang, config.target_langs,
                     progress=console.progress)
    for summary in review.summaries:
        console.debug(f"report [{summary.lang}]: {summary.entries} entries, {summary.percent}% translated, "
                      f"{summary.errors} error(s), {summary.warnings} warning(s)")
    page = render_review(review)
    output = output or report_path(config)
    changed = write_if_changed(output, page)
    console.info(f"{'wrote' if changed else 'unchanged'} {output}")
    return output


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)
