"""``termweave glossary ...`` subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termweave.cli.common import config_for, console_for
from termweave.cli.session import writing
from termweave.formats.glossary_csv import existing_newline
from termweave.formats.tbx import TBX_FORMS, glossary_to_tbx, parse_tbx
from termweave.fsutil import write_if_changed
from termweave.glossary import load_glossary
from termweave.glossary.lint import lint
from termweave.glossary.merge import plan_import, render_plan
from termweave.project import glossary_conflicts


def glossary_arguments(glossary: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    commands = glossary.add_subparsers(dest="glossary_command", metavar="SUBCOMMAND", required=True)
    p = commands.add_parser("lint", parents=[common], help="report problems in the glossary CSV (errors exit 1)")
    p.add_argument("csv", nargs="?", type=Path, help="glossary CSV (default: the project's)")
    p.set_defaults(func=cmd_lint)
    p = commands.add_parser("export", parents=[common], help="write the glossary as TBX-Basic (ISO 30042)")
    p.add_argument("csv", nargs="?", type=Path, help="glossary CSV (default: the project's)")
    p.add_argument(
        "--format",
        choices=["tbx", "tbx3"],
        default="tbx",
        help="tbx: TBX v2 <martif>, read by translate-toolkit and Weblate (default); tbx3: TBX v3 (2019)",
    )
    p.add_argument(
        "-o", "--output", type=Path, help="output file, '-' for stdout (default: the CSV's path with the .tbx suffix)"
    )
    p.set_defaults(func=writing(cmd_export))
    p = commands.add_parser(
        "import", parents=[common], help="merge the terms of a TBX file (v3 or v2 martif) into the glossary CSV by id"
    )
    p.add_argument("tbx", type=Path, help="TBX file to read")
    p.add_argument("--format", choices=["tbx"], default="tbx", help="interchange format (default: tbx)")
    p.add_argument(
        "--replace",
        action="store_true",
        help="make the CSV hold exactly the TBX's terms (default: add new ids, update changed cells, keep the rest)",
    )
    p.add_argument("-o", "--output", type=Path, help="CSV to write (default: the project's glossary)")
    p.set_defaults(func=writing(cmd_import))


ARGUMENTS = {"glossary": glossary_arguments}


def cmd_lint(args) -> int:
    config, console = config_for(args), console_for(args)
    path = args.csv or config.glossary
    glossary = load_glossary(path, required_languages=(config.source_lang,), strict=False)
    issues = lint(glossary, config.source_lang, config.target_langs)
    for issue in issues:
        console.result(f"{path}:{issue.line}: {issue.severity}: [{issue.rule}] {issue.message}")
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    console.info(f"{path}: {len(glossary)} terms, {errors} error(s), {warnings} warning(s)")
    if args.csv is None:
        errors += _lint_article_glossaries(config, glossary, console)
    return 1 if errors else 0


def _lint_article_glossaries(config, journal, console) -> int:
    """Each article's own glossary: the same lint, and its conflicts with the journal's terms."""
    errors = 0
    for article in config.articles:
        if article.glossary is None:
            continue
        own = load_glossary(article.glossary, required_languages=(config.source_lang,), strict=False)
        found = [
            (i.line, i.severity, f"[{i.rule}] {i.message}") for i in lint(own, config.source_lang, config.target_langs)
        ]
        found += [
            (line, severity, f"[article-conflict] {message}")
            for line, severity, message in glossary_conflicts(journal, own, config.source_lang)
        ]
        for line, severity, message in sorted(found, key=lambda f: f[0]):
            console.result(f"{article.glossary}:{line}: {severity}: {message}")
        errors += sum(severity == "error" for _, severity, _ in found)
    return errors


def cmd_export(args) -> int:
    config, console = config_for(args), console_for(args)
    path = args.csv or config.glossary
    glossary = load_glossary(path, required_languages=(config.source_lang,))
    form = TBX_FORMS[args.format]
    data = glossary_to_tbx(glossary, config.source_lang, form)
    if str(args.output) == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    output = args.output or path.with_suffix(".tbx")
    changed = write_if_changed(output, data)
    console.info(f"{'wrote' if changed else 'unchanged'} {output} ({len(glossary)} terms, {form.name})")
    return 0


def cmd_import(args) -> int:
    config, console = config_for(args), console_for(args)
    output = args.output or config.glossary
    imported = parse_tbx(args.tbx, config.source_lang, config.languages)
    # The CSV is read strictly: merging by id needs unique ids, and a broken file is reported,
    # never silently replaced.
    existing = load_glossary(output, required_languages=(config.source_lang,)) if output.exists() else None
    plan = plan_import(imported, existing, config.source_lang, config.target_langs, replace=args.replace)
    newline = existing_newline(output) if output.exists() else "\r\n"
    changed = write_if_changed(output, render_plan(plan, newline, config.source_lang, output, args.tbx))
    for change in plan.changed:
        console.info(f"{output}: {change.term_id}: {change.column}: {change.old!r} -> {change.new!r}")
    if plan.dropped:
        console.warn(
            f"--replace: {len(plan.dropped)} term(s) of the old {output.name} are not in {args.tbx.name} "
            f"and were dropped: {', '.join(plan.dropped)}"
        )
    kept = f", {len(plan.kept)} not in the TBX kept" if plan.kept else ""
    console.info(
        f"{'wrote' if changed else 'unchanged'} {output} ({len(imported.terms)} terms from {imported.dialect}: "
        f"{len(plan.added)} added, {len(plan.changed)} cell(s) changed{kept})"
    )
    return 0
