"""The pipeline commands: extract -> update -> translate -> check -> build, and ``run`` (all)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from termweave.config import Config
from termweave.console import Console
from termweave.fsutil import write_if_changed


def register(subparsers, common) -> None:
    p = subparsers.add_parser("extract", parents=[common], help="segment the seed(s) and write the .pot template")
    p.set_defaults(func=cmd_extract)
    p = subparsers.add_parser("update", parents=[common],
                              help="extract, then merge the template into each language's .po (msgmerge semantics)")
    p.set_defaults(func=cmd_update)
    p = subparsers.add_parser("build", parents=[common], help="render the editions from the seed(s) and catalogs")
    p.add_argument("--allow-incomplete", action="store_true",
                   help="publish anyway: the source text stands in for fuzzy/untranslated entries, marked")
    p.add_argument("--format", action="append", choices=["md", "jats"], dest="formats",
                   help="output format (repeatable; default: md)")
    p.set_defaults(func=cmd_build)
    p = subparsers.add_parser("run", parents=[common],
                              help="the whole job: extract, update, translate (if a model is installed), check, build")
    p.add_argument("--allow-incomplete", action="store_true", help="build even with fuzzy/untranslated entries")
    p.set_defaults(func=cmd_run)


def _context(args: argparse.Namespace) -> tuple[Config, Console]:
    from termweave.cli import config_for, console_for

    return config_for(args), console_for(args)


def load_project_glossary(config: Config):
    from termweave.glossary import load_glossary

    return load_glossary(config.glossary, required_languages=config.languages)


@dataclass
class Inputs:
    """Everything a run reads, loaded and validated before any file is written."""

    glossary: object
    documents: list
    catalogs: dict  # lang -> formats.po.Catalog | None (None: not created yet)


def load_inputs(config: Config, with_catalogs: bool = True) -> Inputs:
    from termweave.catalog.extract import load_documents
    from termweave.formats.po import load_po

    glossary = load_project_glossary(config)
    documents = load_documents(config)
    catalogs = {}
    if with_catalogs:
        for lang in config.target_langs:
            path = config.po_path(lang)
            catalogs[lang] = load_po(path) if path.exists() else None
    return Inputs(glossary, documents, catalogs)


def extract_step(config: Config, console: Console, inputs: Inputs):
    from termweave.catalog.extract import extract

    pot, changed = extract(config, inputs.glossary, inputs.documents)
    console.info(f"{'wrote' if changed else 'unchanged'} {config.pot_path} ({len(pot.live)} segments)")
    return pot


def update_step(config: Config, console: Console, pot, inputs: Inputs) -> None:
    from termweave.catalog.merge import update

    for lang in config.target_langs:
        path = config.po_path(lang)
        changed = update(pot, path, lang, old=inputs.catalogs.get(lang))
        console.info(f"{'wrote' if changed else 'unchanged'} {path}")


def build_step(config: Config, console: Console, allow_incomplete: bool, formats: list[str],
               documents: list | None = None) -> None:
    from termweave.catalog.extract import context_for, load_documents
    from termweave.formats.po import load_po
    from termweave.render.edition import IncompleteError, describe_problems, source_edition, target_edition
    from termweave.render.markdown import render_markdown

    documents = documents if documents is not None else load_documents(config)
    # Catalogs are read here, not passed in: the translate step may have just written them.
    catalogs = {lang: load_po(config.po_path(lang)) for lang in config.target_langs}
    problems: list = []
    outputs: dict[Path, str] = {}
    for doc in documents:
        editions = [source_edition(doc)]
        for lang in config.target_langs:
            editions.append(target_edition(doc, lang, catalogs[lang],
                                           lambda s, d=doc: context_for(d, s, documents), problems))
        stem = "abstract" if len(documents) == 1 else doc.path.stem
        if "md" in formats:
            for edition in editions:
                outputs[config.output / f"{stem}.{edition.lang}.md"] = render_markdown(edition)
        if "jats" in formats:
            from termweave.render.jats import render_jats

            outputs[config.output / f"{stem}.jats.xml"] = render_jats(editions)
    if problems and not allow_incomplete:
        raise IncompleteError(describe_problems(problems))
    if problems:
        console.warn(describe_problems(problems, published=True))
    for path, text in outputs.items():
        changed = write_if_changed(path, text)
        console.info(f"{'wrote' if changed else 'unchanged'} {path}")
    from termweave.render.mo import compile_catalogs

    compile_catalogs(config, console)


def translate_step(config: Config, console: Console) -> None:
    from termweave.translate.models import installed_packages, route

    packages = installed_packages()
    langs = [lang for lang in config.target_langs if route(config.source_lang, lang, packages)]
    missing = [lang for lang in config.target_langs if lang not in langs]
    if missing:
        console.info(f"translate: no MT model installed for {', '.join(f'{config.source_lang}->{m}' for m in missing)}"
                     " (termweave models install ...); skipping drafts")
    if langs:
        from termweave.translate.draft import translate_catalogs

        summary = translate_catalogs(config, console, langs=langs)
        for line in summary.lines():
            console.info(line)


def check_step(config: Config, console: Console, glossary):
    from termweave.check import run_checks
    from termweave.check.report import render_text

    report = run_checks([config.po_path(lang) for lang in config.target_langs], glossary,
                        source_lang=config.source_lang, console=console)
    if report.findings:
        console.info(render_text(report, color=False))
    console.info(f"check: {report.errors} error(s), {report.warnings} warning(s) in {report.files} catalog(s)")
    return report


def cmd_extract(args) -> int:
    config, console = _context(args)
    extract_step(config, console, load_inputs(config, with_catalogs=False))
    return 0


def cmd_update(args) -> int:
    config, console = _context(args)
    inputs = load_inputs(config)
    pot = extract_step(config, console, inputs)
    update_step(config, console, pot, inputs)
    return 0


def cmd_build(args) -> int:
    config, console = _context(args)
    build_step(config, console, args.allow_incomplete, args.formats or ["md"])
    return 0


def cmd_run(args) -> int:
    config, console = _context(args)
    inputs = load_inputs(config)
    pot = extract_step(config, console, inputs)
    update_step(config, console, pot, inputs)
    translate_step(config, console)
    report = check_step(config, console, inputs.glossary)
    from termweave.render.report import write_report

    write_report(config, console, check_report=report)
    errors = report.errors
    if errors and not args.allow_incomplete:
        console.info("run: not building the editions while the check reports errors")
        return 1
    build_step(config, console, args.allow_incomplete, ["md"], documents=inputs.documents)
    return 1 if errors else 0
