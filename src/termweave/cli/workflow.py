"""The workflow commands: init, extract, update, build, run, status — thin layers over
:mod:`termweave.project` (load and validate), :mod:`termweave.pipeline` (the steps) and
:mod:`termweave.workflow` (what ``run`` does between them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from termweave import pipeline, scaffold, status
from termweave.check.report import render_text
from termweave.cli.common import config_for, console_for
from termweave.cli.session import writing
from termweave.console import Console
from termweave.errors import UsageError
from termweave.project import Project
from termweave.render.edition import IncompleteError, describe_problems
from termweave.state import save_state
from termweave.workflow import (
    all_standings,
    article_states,
    draft_translations,
    journal_page,
    previous_sources,
    review_page,
    update_catalogs,
)


def init_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("directory", nargs="?", type=Path, default=Path("."), help="the project folder (default: .)")
    p.add_argument("--from", dest="page", type=Path, metavar="PAGE.txt", help="start from this scraped article page")
    p.add_argument(
        "--source-lang", help="language of the pages (default: the --from page's, read by its labels; else en)"
    )
    p.add_argument("--target-langs", help="languages to publish, comma-separated (default: en, uk, ko but the source)")
    p.set_defaults(func=writing(cmd_init))


def build_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="publish anyway: the source text stands in for fuzzy/untranslated entries, marked",
    )
    p.add_argument(
        "--format",
        action="append",
        choices=["md", "jats"],
        dest="formats",
        help="output format (repeatable; default: md)",
    )
    p.add_argument(
        "--lang",
        action="append",
        dest="langs",
        metavar="LANG",
        help="build only this translation (repeatable); the source edition is always built",
    )
    p.set_defaults(func=writing(cmd_build))


def run_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-incomplete", action="store_true", help="build even with fuzzy/untranslated entries")
    p.set_defaults(func=writing(cmd_run))


def status_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_status)


def _load(args: argparse.Namespace, catalogs: bool = True) -> tuple[Project, Console]:
    return Project.from_config(config_for(args), catalogs=catalogs), console_for(args)


def cmd_init(args) -> int:
    console = console_for(args)
    targets = tuple(t.strip() for t in args.target_langs.split(",") if t.strip()) if args.target_langs else None
    skeleton = scaffold.plan(args.directory, args.source_lang, targets, args.page)
    for path in scaffold.write_skeleton(skeleton):
        console.info(f"wrote {path}")
    console.info("next: add terms to glossary/terms.csv, then `termweave run` (it writes the catalogs to translate)")
    return 0


def cmd_extract(args) -> int:
    project, console = _load(args, catalogs=False)
    templates = pipeline.extract(project)
    stamp = {"POT-Creation-Date": pipeline.po_timestamp()}
    outputs = [pipeline.Output(a.pot_path, catalog=templates[a.name], on_change=stamp) for a in project.articles]
    _report_changes(console, pipeline.write(outputs, console))
    return 0


def cmd_update(args) -> int:
    project, console = _load(args)
    _report_changes(console, update_catalogs(project, console))
    return 0


def cmd_build(args) -> int:
    project, console = _load(args)
    langs = _target_langs(project, args.langs)
    build = pipeline.build(project, langs, args.allow_incomplete, tuple(args.formats or ["md"]))
    outputs = build.outputs + pipeline.mo_outputs(project, langs)  # every file computed before one is written
    _report_changes(console, pipeline.write(outputs, console))
    if build.problems:
        console.warn(describe_problems(build.problems, published=True))
    if build.held_back:
        raise IncompleteError(describe_problems([p for h in build.held_back for p in h.problems]))
    return 0


def cmd_run(args) -> int:
    config, console = config_for(args), console_for(args)
    project = Project.from_config(config, reuse_state=not args.allow_incomplete)
    changes = update_catalogs(project, console)
    project.load_catalogs(only=set(changes.written))  # as on disk now
    project.load_catalogs(only=draft_translations(project, console))  # with the MT drafts, if any
    report = pipeline.check(project, console)
    if report.findings:
        console.info(render_text(report, color=False, previous=previous_sources(project)))
    review = review_page(project, console, report)
    build = pipeline.build(project, allow_incomplete=args.allow_incomplete, check_report=report)
    built = pipeline.write(build.outputs + pipeline.mo_outputs(project), console)
    states = {**project.settled, **article_states(project, report, build)}
    if not args.allow_incomplete:
        save_state(project.root, {place.name: states[place.name] for place in project.places})
    journal_page(
        project, [status.Standing(**row) for place in project.places for row in states[place.name].standings], console
    )
    held_back = [line for place in project.places for line in states[place.name].held_back]
    for line in held_back:
        console.info(f"run: held back {line}")
    editions = sum(states[place.name].editions for place in project.places)
    errors = sum(states[place.name].errors for place in project.places)
    warnings = sum(states[place.name].warnings for place in project.places)
    written = sum(1 for p in built.written if p in build.editions)
    settled = f", {len(project.settled)} article(s) unchanged since the last run" if project.settled else ""
    console.info(
        f"run: {editions} edition(s) ready ({written} rewritten), {len(held_back)} held back;"
        f" check: {errors} error(s), {warnings} warning(s); {len(changes.written)} catalog file(s) updated"
        f"{settled}; review page: {review}"
    )
    return 1 if errors or held_back else 0


def cmd_status(args) -> int:
    project = Project.from_config(config_for(args), reuse_state=True)
    console = console_for(args)
    report = pipeline.check(project)
    rows = all_standings(project, status.standings(project, report))
    console.result(status.render_json(rows) if args.format == "json" else status.render_table(rows))
    return 0


def _target_langs(project: Project, wanted: list[str] | None) -> tuple[str, ...] | None:
    if not wanted:
        return None
    unknown = [lang for lang in wanted if lang not in project.target_langs]
    if unknown:
        raise UsageError(
            f"--lang {unknown[0]}: not a target language of this project ({', '.join(project.target_langs)})"
        )
    return tuple(dict.fromkeys(wanted))


def _report_changes(console: Console, changes: pipeline.Changes) -> None:
    for path in changes.written:
        console.info(f"wrote {path}")
    if changes.unchanged:
        console.info(f"unchanged: {len(changes.unchanged)} file(s)")


ARGUMENTS = {
    "init": init_arguments,
    "extract": lambda p, common: p.set_defaults(func=writing(cmd_extract)),
    "update": lambda p, common: p.set_defaults(func=writing(cmd_update)),
    "build": build_arguments,
    "run": run_arguments,
    "status": status_arguments,
}
