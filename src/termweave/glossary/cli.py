"""``termweave glossary ...`` subcommands."""

from __future__ import annotations

from pathlib import Path


def register(subparsers, common) -> None:
    glossary = subparsers.add_parser("glossary", parents=[common], help="glossary tools")
    commands = glossary.add_subparsers(dest="glossary_command", metavar="SUBCOMMAND", required=True)
    p = commands.add_parser("lint", parents=[common], help="report problems in the glossary CSV (errors exit 1)")
    p.add_argument("csv", nargs="?", type=Path, help="glossary CSV (default: the project's)")
    p.set_defaults(func=cmd_lint)


def cmd_lint(args) -> int:
    from termweave.cli import config_for, console_for
    from termweave.glossary import load_glossary
    from termweave.glossary.lint import lint

    config, console = config_for(args), console_for(args)
    path = args.csv or config.glossary
    glossary = load_glossary(path, required_languages=(config.source_lang,), strict=False)
    issues = lint(glossary, config.source_lang, config.target_langs)
    for issue in issues:
        console.result(f"{path}:{issue.line}: {issue.severity}: [{issue.rule}] {issue.message}")
    errors = sum(i.severity == "error" for i in issues)
    warnings = len(issues) - errors
    console.info(f"{path}: {len(glossary)} terms, {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0
