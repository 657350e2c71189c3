"""``termweave check``: what a journal's CI runs on every change to a catalog.

    termweave check [PO_FILE ...] [--glossary CSV] [--format text|json] [--only ID,...]
                    [--skip ID,...] [--source-lang LANG]

Exit 0: no error-severity finding; 1: at least one; 2: bad input or usage (a message naming
the file and line on stderr; nothing on stdout).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from termweave.check import CheckReport, Resources, render_text, run_checks
from termweave.check.catalog import base_language
from termweave.check.runner import select_checks
from termweave.cli.common import config_for, console_for
from termweave.config import Config, check_language, load_author_seeds
from termweave.errors import InputError, UsageError
from termweave.glossary import load_glossary
from termweave.lang.house_style import project_house_styles
from termweave.places import article_places

CHECK_IDS_HELP = (
    "term-missing, term-forbidden, number-mismatch, protected-altered, attribution-altered, "
    "wrong-language, untranslated, fuzzy, unchanged, quotes, whitespace, format, placeholders, plurals, ..."
    " (an unknown id lists every valid one)"
)


def check_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.description = (
        "Check PO catalogs against the glossary and the source. Exit 0: no error; 1: errors found; 2: bad input."
    )
    p.add_argument(
        "po_files", nargs="*", type=Path, metavar="PO_FILE", help="catalogs to check (default: every translations/*.po)"
    )
    p.add_argument("--glossary", type=Path, metavar="CSV", help="glossary (default: glossary/terms.csv)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    p.add_argument("--only", metavar="ID,...", help=f"run only these checks: {CHECK_IDS_HELP}")
    p.add_argument("--skip", metavar="ID,...", help="run every check but these (per entry: a '#, ignore-<id>' flag)")
    p.add_argument(
        "--source-lang",
        metavar="LANG",
        help="source language of the catalogs (default: the X-Source-Language header, else en)",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="worker processes for runs of 2,000 entries or more (default: one per CPU, at most 8; 1: none)",
    )
    p.set_defaults(func=run_check)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return int(value)


ARGUMENTS = {"check": check_arguments}


def parse_only(value: str | None, option: str = "--only") -> set[str] | None:
    if value is None:
        return None
    ids = {part.strip() for part in value.split(",") if part.strip()}
    if not ids:
        raise UsageError(f"{option} needs at least one check id")
    return ids


def _project_catalogs(config: Config) -> list[tuple[Path | None, list[Path]]]:
    """Every article's catalogs (in the output folder, or in each article's folder), grouped by
    the article's own glossary (None: the journal's alone)."""
    groups: dict[Path | None, list[Path]] = {}
    for place in article_places(config) if config.seeds else []:
        found = [place.po_path(lang) for lang in config.target_langs if place.po_path(lang).exists()]
        if found:
            groups.setdefault(place.glossary_path, []).extend(found)
    return list(groups.items()) or [(None, sorted(config.output.glob("*.po")))]


def _author_texts(config: Config) -> dict[str, dict[tuple[str | None, str], str]]:
    """The author's translations the terminology is compared with (termweave.author). Reading
    them segments the seeds, so the segmenter is imported only when termweave.toml declares one:
    a check of loose catalogs, or of a project without one, never loads it."""
    if not load_author_seeds(config):
        return {}
    from termweave.author import author_texts

    return author_texts(config)


def run_check(args: argparse.Namespace) -> int:
    console = console_for(args)
    config = config_for(args)
    only = parse_only(args.only)
    skip = parse_only(args.skip, "--skip")
    select_checks(only, skip)  # unknown ids: usage error before any file is read
    source_lang = None
    if args.source_lang:
        source_lang = base_language(check_language(args.source_lang))
    groups = [(None, list(args.po_files))] if args.po_files else _project_catalogs(config)
    if not any(paths for _, paths in groups):
        raise InputError("no PO files to check (give PO_FILE arguments or run `termweave update`)", config.output)
    required = (source_lang or config.source_lang,)
    journal = None
    if args.glossary or config.path is not None or config.glossary.exists():
        journal = load_glossary(args.glossary or config.glossary, required_languages=required)
    else:  # catalogs named outside a project (like pofilter): every check but the glossary's
        console.info("check: no termweave.toml and no glossary: the term checks are skipped")
    house_styles, authors = project_house_styles(config), _author_texts(config)
    parts = []
    for own, paths in groups:
        glossary = journal
        if own is not None and not args.glossary:  # the article's own terms on top of the journal's
            own_glossary = load_glossary(own, required_languages=required)
            glossary = own_glossary if journal is None else journal.overlaid_by(own_glossary)
        resources = Resources(glossary=glossary, house_styles=house_styles, author_texts=authors)
        parts.append(
            run_checks(
                paths,
                glossary,
                source_lang=source_lang,
                only=only,
                console=console,
                skip=skip,
                resources=resources,
                jobs=args.jobs,
            )
        )
    report = CheckReport.merged(parts)
    if args.format == "json":
        console.result_pieces(report.json_pieces())
    else:
        color = getattr(console.out, "isatty", lambda: False)()
        console.result(render_text(report, color=color))
    return report.exit_code
