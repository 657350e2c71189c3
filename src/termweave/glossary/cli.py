"""``termweave glossary ...`` subcommands."""

from __future__ import annotations

from pathlib import Path


def register(subparsers, common) -> None:
    glossary = subparsers.add_parser("glossary", parents=[common], help="glossary tools")
    commands = glossary.add_subparsers(dest="glossary_command", metavar="SUBCOMMAND", required=True)
    p = commands.add_parser("lint", parents=[common], help="report problems in the glossary CSV (errors exit 1)")
    p.add_argument("csv", nargs="?", type=Path, help="glossary CSV (default: the project's)")
    p.set_defaults(func=cmd_lint)
    p = commands.add_parser("export", parents=[common], help="write the glossary as TBX (ISO 30042, TBX-Basic)")
    p.add_argument("csv", nargs="?", type=Path, help="glossary CSV (default: the project's)")
    p.add_argument("--format", choices=["tbx"], default="tbx", help="interchange format (default: tbx)")
    p.add_argument("-o", "--output", type=Path,
                   help="output file, '-' for stdout (default: the CSV's path with the .tbx suffix)")
    p.set_defaults(func=cmd_export)
    p = commands.add_parser("import", parents=[common],
                            help="replace the glossary CSV with the terms of a TBX file (v3 or v2 martif)")
    p.add_argument("tbx", type=Path, help="TBX file to read")
    p.add_argument("--format", choices=["tbx"], default="tbx", help="interchange format (default: tbx)")
    p.add_argument("-o", "--output", type=Path, help="CSV to write (default: the project's glossary)")
    p.set_defaults(func=cmd_import)


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


def cmd_export(args) -> int:
    from termweave.cli import config_for, console_for
    from termweave.fsutil import atomic_write_bytes
    from termweave.glossary import load_glossary
    from termweave.glossary.tbx import glossary_to_tbx

    config, console = config_for(args), console_for(args)
    path = args.csv or config.glossary
    glossary = load_glossary(path, required_languages=(config.source_lang,))
    data = glossary_to_tbx(glossary, config.source_lang)
    if str(args.output) == "-":
        import sys

        sys.stdout.write(data.decode("utf-8"))
        return 0
    output = args.output or path.with_suffix(".tbx")
    changed = not (output.exists() and output.read_bytes() == data)
    if changed:
        atomic_write_bytes(output, data)
    console.info(f"{'wrote' if changed else 'unchanged'} {output} ({len(glossary)} terms, TBX-Basic)")
    return 0


def cmd_import(args) -> int:
    from termweave.cli import config_for, console_for
    from termweave.fsutil import write_if_changed
    from termweave.glossary.tbx import csv_header, existing_header, existing_newline, glossary_csv, parse_tbx

    config, console = config_for(args), console_for(args)
    output = args.output or config.glossary
    imported = parse_tbx(args.tbx, config.source_lang, config.languages)
    old_header = existing_header(output) if output.exists() else None
    header = csv_header(imported, config.source_lang, config.target_langs, old_header)
    old_ids = _ids_in(output) if output.exists() else []
    new_ids = {t.id for t in imported.terms}
    newline = existing_newline(output) if output.exists() else "\r\n"
    changed = write_if_changed(output, glossary_csv(imported.terms, header, newline))
    dropped = [i for i in old_ids if i not in new_ids]
    if dropped:
        console.warn(f"{len(dropped)} term(s) of the old {output.name} are not in {args.tbx.name} and were "
                     f"dropped: {', '.join(dropped)}")
    console.info(f"{'wrote' if changed else 'unchanged'} {output} ({len(imported.terms)} terms from "
                 f"{imported.dialect}, languages {', '.join(imported.languages)})")
    return 0


def _ids_in(path: Path) -> list[str]:
    from termweave.errors import InputError
    from termweave.glossary import load_glossary

    try:
        return [t.id for t in load_glossary(path, required_languages=(), strict=False).terms]
    except InputError:
        return []
