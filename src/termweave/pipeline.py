"""The steps, as functions over a loaded :class:`~termweave.project.Project`.

extract -> update -> (translate) -> check -> build. Each step computes in memory and returns
what it would change; :func:`write` is the only place that touches the disk, and it runs only
after every input of the command was validated (``Project.load``), so bad input writes nothing.

    from termweave import Project, pipeline
    project = Project.load("path/to/journal")
    templates = pipeline.extract(project)
    catalogs = pipeline.update(project, templates)
    pipeline.write(pipeline.catalog_outputs(project, templates, catalogs))
    report = pipeline.check(project)
    build = pipeline.build(project, check_report=report)
    pipeline.write(build.outputs)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termweave.author import apply_author_translations, author_texts
from termweave.catalog.extract import build_template, comment_for_language
from termweave.catalog.identity import context_of, keep_reviewed
from termweave.catalog.merge import merge
from termweave.check import Resources, run_checks
from termweave.check.report import CheckReport
from termweave.formats.jats import render_jats
from termweave.formats.markdown import render_markdown
from termweave.formats.mo import compile_po
from termweave.formats.po import Catalog, dump_po, po_timestamp, save_po
from termweave.fsutil import write_if_changed
from termweave.glossary.match import Matcher, matcher_for
from termweave.lang.house_style import project_house_styles
from termweave.lock import staged_step
from termweave.places import REPORT_NAME, SINGLE_EDITION_NAME
from termweave.project import Article, Project
from termweave.render.edition import Edition, Problem, source_edition, target_edition, typeset_edition


@dataclass
class Output:
    """A file a step wants written: text, bytes, or a PO catalog (saved keeping its dates)."""

    path: Path
    text: str | None = None
    data: bytes | None = None
    catalog: Catalog | None = None
    on_change: dict[str, str] = field(default_factory=dict)  # PO headers to refresh if it changes
    current: str | None = None  # the file's text as read (not read again to compare)


@dataclass
class Changes:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class HeldBack:
    """An edition not published, and why."""

    article: str
    lang: str
    path: Path
    reason: str  # "3 untranslated, 1 fuzzy" / "2 check error(s)"
    problems: tuple[Problem, ...] = ()


@dataclass
class Build:
    outputs: list[Output] = field(default_factory=list)
    editions: list[Path] = field(default_factory=list)  # the edition files among the outputs
    held_back: list[HeldBack] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # stand-ins published with --allow-incomplete


# -- step 2: catalogs --------------------------------------------------------------------------


def extract(project: Project) -> dict[str, Catalog]:
    """Each article's template (nothing written). One term matcher serves every article."""
    matcher: Matcher | None = matcher_for(project.source_lang) if project.glossary is not None else None
    return {
        a.name: build_template(a.name, a.document, a.glossary, matcher, project.target_langs, project.root)
        for a in project.articles
    }


def update(project: Project, templates: dict[str, Catalog], console=None) -> dict[tuple[str, str], Catalog]:
    """Merge each template into the article's catalogs (msgmerge semantics); every reviewed
    message is kept, obsolete when its source changed. ``project.catalogs`` stays as loaded:
    once the result is written, :meth:`Project.load_catalogs` reads what changed."""
    merged = {}
    for article in project.articles:
        template = templates[article.name]
        for lang in project.target_langs:
            old = project.catalog(article, lang)
            po = merge(template, old, lang, project.source_lang)
            for message in po.live:  # each catalog lists its own language's glossary renderings
                message.extracted_comments = [comment_for_language(c, lang) for c in message.extracted_comments]
            keep_reviewed(old, po)
            po.set_header("Project-Id-Version", article.name)
            po.path = article.po_path(lang)
            merged[article.name, lang] = po
    _apply_author_translations(project, merged, console)
    return merged


def _apply_author_translations(project: Project, merged: dict[tuple[str, str], Catalog], console) -> None:
    """The author's own translation, where termweave.toml declares one (termweave.author)."""
    by_seed = {(a.seed, lang): merged[a.name, lang] for a in project.articles for lang in project.target_langs}
    apply_author_translations(
        project.config,
        by_seed,
        {a.seed: a.document for a in project.articles},
        warn=console.warn if console is not None else None,
    )


def catalog_outputs(
    project: Project, templates: dict[str, Catalog], catalogs: dict[tuple[str, str], Catalog]
) -> list[Output]:
    stamp = {"POT-Creation-Date": po_timestamp()}
    outputs = []
    for article in project.articles:
        outputs.append(Output(article.pot_path, catalog=templates[article.name], on_change=stamp))
        for lang in project.target_langs:
            po = catalogs[article.name, lang]
            known = project.sources.get(article.po_path(lang))  # the file as read, byte for byte (a BOM too)
            outputs.append(
                Output(
                    article.po_path(lang),
                    catalog=po,
                    on_change=_template_date(templates[article.name]),
                    current=known.decode("utf-8") if known is not None else None,
                )
            )
    return outputs


def _template_date(template: Catalog) -> dict[str, str]:
    date = template.header_value("POT-Creation-Date")
    return {"POT-Creation-Date": date} if date else {}


# -- step 4: checks ----------------------------------------------------------------------------


def check(project: Project, console=None, only: set[str] | None = None) -> CheckReport:
    """Check every article's catalogs (as on disk) against the article's glossary."""
    by_glossary: dict[int, tuple[Article, list[Path]]] = {}
    for article in project.articles:
        paths = [article.po_path(lang) for lang in project.target_langs if article.po_path(lang).exists()]
        by_glossary.setdefault(id(article.glossary), (article, []))[1].extend(paths)
    house_styles = project_house_styles(project.config)
    authors = _author_texts(project)
    parts = []
    for article, paths in by_glossary.values():
        if not paths:
            continue
        resources = Resources(glossary=article.glossary, house_styles=house_styles, author_texts=authors)
        texts = {path: text for path in paths if (text := project.source_text(path)) is not None}
        part = run_checks(
            paths,
            article.glossary,
            source_lang=project.source_lang,
            only=only,
            console=console,
            resources=resources,
            texts=texts,
        )
        parts.append(part)
    return CheckReport.merged(parts)


def _author_texts(project: Project) -> dict:
    return author_texts(project.config, {a.seed: a.document for a in project.articles})


# -- step 5: editions --------------------------------------------------------------------------


def build(
    project: Project,
    langs: tuple[str, ...] | None = None,
    allow_incomplete: bool = False,
    formats: tuple[str, ...] = ("md",),
    check_report: CheckReport | None = None,
) -> Build:
    """Every edition that is ready, and the ones held back (fuzzy or untranslated entries, or
    check errors when ``check_report`` is given). The source-language edition is always built;
    ``langs`` limits the translations. With ``allow_incomplete`` the source text stands in."""
    langs = project.target_langs if langs is None else langs
    errors = _errors_by_file(check_report)
    result = Build()
    house_styles = project_house_styles(project.config)
    for article in project.articles:
        ready = [source_edition(article.document)]
        for lang in langs:
            edition = _target(project, article, lang, errors, allow_incomplete, result)
            if edition is not None:
                ready.append(edition)
        if "md" in formats:
            for edition in ready:
                path = article.edition_path(edition.lang)
                # House typography for readers; the JATS metadata keeps the catalog text as is.
                result.outputs.append(Output(path, text=render_markdown(typeset_edition(edition, house_styles))))
                result.editions.append(path)
        if "jats" in formats:
            result.outputs.append(Output(article.folder / f"{article.edition_name}.jats.xml", text=render_jats(ready)))
    return result


def _target(
    project: Project, article: Article, lang: str, errors: dict[Path, int], allow_incomplete: bool, result: Build
) -> Edition | None:
    catalog = project.catalog(article, lang)
    path = article.edition_path(lang)
    problems: list[Problem] = []
    edition = target_edition(
        article.document, lang, catalog if catalog is not None else Catalog(), context_of, problems
    )
    if problems and not allow_incomplete:
        states = [p.state for p in problems]
        reason = ", ".join(f"{states.count(s)} {s}" for s in ("untranslated", "fuzzy") if s in states)
        result.held_back.append(HeldBack(article.name, lang, path, reason, tuple(problems)))
        return None
    failing = errors.get(article.po_path(lang).resolve(), 0)
    if failing and not allow_incomplete:
        result.held_back.append(HeldBack(article.name, lang, path, f"{failing} check error(s)"))
        return None
    result.problems.extend(problems)
    return edition


def _errors_by_file(report: CheckReport | None) -> dict[Path, int]:
    counts: dict[Path, int] = {}
    for finding in report.findings if report is not None else ():
        if finding.severity == "error" and finding.check not in ("fuzzy", "untranslated"):
            key = Path(finding.path).resolve()
            counts[key] = counts.get(key, 0) + 1
    return counts


def mo_outputs(project: Project, langs: tuple[str, ...] | None = None) -> list[Output]:
    """``<lang>.mo`` beside each catalog (as on disk) that has a translated entry."""
    outputs = []
    for article in project.articles:
        for lang in project.target_langs if langs is None else langs:
            if article.po_path(lang).exists():
                data = compile_po(article.po_path(lang), project.source_text(article.po_path(lang)))
                outputs.append(Output(article.mo_path(lang), data=data))  # None: no translation, no file
    return outputs


# -- writing -----------------------------------------------------------------------------------


def write(outputs: list[Output], console=None, sources: dict[Path, bytes] | None = None) -> Changes:
    """Write what changed (atomically, each file); catalogs keep their dates when only those
    would change. An output with nothing in it removes a stale file (an empty .mo).
    The files land together (:func:`termweave.lock.staged_step`): a kill part-way is finished
    by the next command.
    ``sources`` (a project's) learns the bytes of each catalog written."""
    changes = Changes()
    with staged_step("write"):
        _write_each(outputs, changes, console, sources)
    return changes


def _write_each(outputs: list[Output], changes: Changes, console, sources: dict[Path, bytes] | None) -> None:
    for output in outputs:
        if output.catalog is not None:
            changed = save_po(output.catalog, output.path, output.on_change, current=output.current)
            if changed and sources is not None:
                sources[output.path] = dump_po(output.catalog).encode("utf-8")
        elif output.text is not None:
            changed = write_if_changed(output.path, output.text)
        elif output.data is not None:
            changed = write_if_changed(output.path, output.data)
        else:
            if output.path.exists():
                output.path.unlink()
                changes.removed.append(output.path)
                if console is not None:
                    console.info(f"removed {output.path}")
            continue
        (changes.written if changed else changes.unchanged).append(output.path)
        if console is not None:
            console.debug(f"{'wrote' if changed else 'unchanged'} {output.path}")


def remove_carried(project: Project, console=None) -> list[Path]:
    """Remove catalogs whose messages now live in the current layout's catalogs, with the files
    generated from them there (template, MO files, editions, review page: all rebuilt in the
    new place)."""
    removed = []
    for path in project.carried:
        if not path.exists():
            continue
        path.unlink()
        removed.append(path)
        if console is not None:
            console.info(f"moved {path} into {', '.join(project.carried[path])}'s catalogs")
        generated = [path.with_suffix(".mo")]
        if not any(path.parent.glob("*.po")):  # the old place holds no catalog any more
            names = {SINGLE_EDITION_NAME, path.parent.name}
            generated += [path.parent / f"{project.config.domain}.pot", path.parent / REPORT_NAME]
            generated += [md for md in path.parent.glob("*.md") if md.name.split(".")[0] in names]
        for old in generated:
            if old.exists():
                old.unlink()
                removed.append(old)
        if path.parent != project.config.output and not any(path.parent.iterdir()):
            path.parent.rmdir()
    return removed
