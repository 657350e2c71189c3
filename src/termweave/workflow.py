"""What ``termweave run`` does between the steps: update the catalogs, draft with MT where a
model is installed, write the review page, and record each article's figures for the state."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

from termweave import pipeline, status
from termweave.catalog.identity import is_translated
from termweave.check.report import CheckReport, previous_sources_of
from termweave.config import Config
from termweave.console import Console
from termweave.formats.po import Catalog
from termweave.lock import staged_step
from termweave.project import Project
from termweave.review import REPORT_NAME, write_project_report
from termweave.state import ArticleState
from termweave.translate.catalogs import translate_catalogs
from termweave.translate.models import installed_packages, route


def update_catalogs(project: Project, console: Console) -> pipeline.Changes:
    templates = pipeline.extract(project)
    catalogs = pipeline.update(project, templates, console)
    changes = pipeline.write(pipeline.catalog_outputs(project, templates, catalogs), console, project.sources)
    changes.removed.extend(pipeline.remove_carried(project, console))
    for (name, lang), migration in project.migrations.items():
        if migration.rewritten:
            console.info(
                f"{project.article(name).po_path(lang)}: {migration.rewritten} message(s) moved to "
                "text-based identity (positions now live in #: references)"
            )
    return changes


def article_states(project: Project, report: CheckReport, build: pipeline.Build) -> dict[str, ArticleState]:
    """Each worked-on article's figures and fingerprint, as the run leaves its files."""
    rows: dict[str, list[status.Standing]] = {}
    for row in status.standings(project, report):
        rows.setdefault(row.article, []).append(row)
    editions: dict[Path, int] = {}
    for path in build.editions:
        editions[path.parent] = editions.get(path.parent, 0) + 1
    held: dict[str, list[str]] = {}
    for h in build.held_back:
        held.setdefault(h.article, []).append(f"{h.path} ({h.reason})")
    states = {}
    for article in project.articles:
        mine = rows.get(article.name, [])
        states[article.name] = ArticleState(
            fingerprint=project.fingerprint(article),
            editions=editions.get(article.folder, 0),
            held_back=held.get(article.name, []),
            errors=sum(r.errors + r.untranslated + r.fuzzy for r in mine),
            warnings=sum(r.warnings for r in mine),
            standings=[asdict(r) for r in mine],
        )
    return states


def draft_translations(project: Project, console: Console) -> set[Path]:
    """MT drafts (fuzzy, for review) where a model is installed and an article has untranslated
    messages; returns the catalogs rewritten."""
    packages = installed_packages()
    langs = [lang for lang in project.target_langs if route(project.source_lang, lang, packages)]
    missing = [lang for lang in project.target_langs if lang not in langs]
    if missing:
        console.info(
            f"translate: no MT model installed for "
            f"{', '.join(f'{project.source_lang}->{m}' for m in missing)}"
            " (termweave models install ...); skipping drafts"
        )
    written: set[Path] = set()
    for article in project.articles:
        todo = [lang for lang in langs if has_untranslated(project.catalog(article, lang))]
        if not todo:
            continue  # a complete article loads no model
        config: Config = replace(project.config, output=article.folder)  # the article's catalogs
        with staged_step("translate"):  # the article's catalogs land together
            summary = translate_catalogs(config, console, langs=todo)
        written |= {c.path for c in summary.catalogs if c.written}
        for line in summary.lines():
            console.info(line)
    return project.forget(written)  # the drafter wrote them: read them again


def has_untranslated(catalog: Catalog | None) -> bool:
    return catalog is not None and any(e.msgid and not e.obsolete and not is_translated(e) for e in catalog)


def review_page(project: Project, console: Console, report: CheckReport) -> Path:
    """Each article's review page; with several articles the journal's index page is
    written by :func:`journal_page` once the figures of every article are known."""
    write_project_report(project, console, report)
    return project.places[0].report_path if len(project.places) == 1 else project.config.output / REPORT_NAME


def all_standings(project: Project, fresh: list[status.Standing]) -> list[status.Standing]:
    """Every article's figures in project order: ``fresh`` for the articles worked on, the saved
    state's for the settled ones."""
    rows = {(r.article, r.lang): r for r in fresh}
    for name, state in project.settled.items():
        rows.update({(name, row["lang"]): status.Standing(**row) for row in state.standings})
    return [rows[place.name, lang] for place in project.places for lang in project.target_langs]


def journal_page(project: Project, rows: list[status.Standing], console: Console) -> None:
    """With several articles, ``<output>/report.html``: every article's counts, linked to its page."""
    if len(project.places) < 2:
        return
    index = project.config.output / REPORT_NAME
    pages = {place.name: place.report_path.relative_to(index.parent).as_posix() for place in project.places}
    page = status.render_html(f"{project.root.resolve().name}: review", rows, pages)
    pipeline.write([pipeline.Output(index, page)], console)


def previous_sources(project: Project) -> dict[tuple[str, str | None, str], str]:
    """The ``#|`` previous source of each fuzzy entry, from the catalogs in memory (as on disk)."""
    return previous_sources_of(
        (str(article.po_path(lang)), catalog)
        for article in project.articles
        for lang in project.target_langs
        if (catalog := project.catalog(article, lang)) is not None
    )
