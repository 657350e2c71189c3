"""CLI registration for the translate area: ``translate`` and ``models {list,install,remove}``.

Nothing heavy is imported here or by ``models list``: CTranslate2 and SentencePiece load
only inside ``translate``; argostranslate itself is never imported by termweave's commands
(except its light BPE tokenizer, for old BPE packages).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from termweave.cli.common import config_for, console_for
from termweave.cli.session import writing
from termweave.config import check_language
from termweave.errors import TermweaveError
from termweave.lock import staged_step
from termweave.translate.archive import install_archive, remove_package
from termweave.translate.catalogs import translate_catalogs
from termweave.translate.index import download_and_install
from termweave.translate.models import ArgosPaths, describe_route, route, scan_packages, served_pairs


def translate_arguments(p: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--to",
        metavar="LANGS",
        type=_lang_list,
        default=None,
        help="comma-separated target languages (default: all of the project's)",
    )
    p.add_argument("--include-fuzzy", action="store_true", help="redraft fuzzy entries too")
    p.add_argument(
        "--beam",
        type=int,
        default=4,
        metavar="N",
        help="beam size; N hypotheses are scored against the glossary (default: 4)",
    )
    p.set_defaults(func=writing(run_translate))


def models_arguments(models: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    actions = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=[common], help="installed packages and the language pairs they serve")
    p.set_defaults(func=run_models_list)
    p = actions.add_parser(
        "install", parents=[common], help="install PATH.argosmodel, or download FROM:TO from Argos's package index"
    )
    p.add_argument("package", metavar="PATH|FROM:TO")
    p.add_argument("--replace", action="store_true", help="replace another installed package for the same pair")
    p.set_defaults(func=run_models_install)
    p = actions.add_parser("remove", parents=[common], help="remove an installed package")
    p.add_argument(
        "package", metavar="NAME|FROM:TO", help="folder name, argospm name (translate-en_uk) or pair (en:uk)"
    )
    p.set_defaults(func=run_models_remove)


ARGUMENTS = {"translate": translate_arguments, "models": models_arguments}


def _lang_list(value: str) -> list[str]:
    langs = [v.strip() for v in value.split(",") if v.strip()]
    if not langs:
        raise argparse.ArgumentTypeError("expected e.g. uk,ko")
    try:
        return [check_language(lang) for lang in langs]
    except TermweaveError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_translate(args: argparse.Namespace) -> int:
    config, console = config_for(args), console_for(args)
    with staged_step("translate"):
        summary = translate_catalogs(config, console, langs=args.to, include_fuzzy=args.include_fuzzy, beam=args.beam)
    for line in summary.lines():
        console.result(line)
    if summary.source_tokens:
        console.info(f"translate: {summary.source_tokens} source tokens in {summary.seconds:.1f} s")
    return 0


def run_models_list(args: argparse.Namespace) -> int:
    console = console_for(args)
    paths = ArgosPaths.from_env()
    packages, problems = scan_packages(paths.package_dirs)
    for folder, reason in problems:
        console.warn(f"{folder}: not a usable package ({reason})")
    if not packages:
        console.result(f"No Argos packages installed in {paths.package_dir}.")
        console.result("Install one: termweave models install PATH.argosmodel (or FROM:TO to download)")
    else:
        console.result(f"Installed Argos packages ({paths.package_dir}):")
        for p in packages:
            console.result(f"  {p.from_code} -> {p.to_code}  {p.version or '?':<8} {p.name:<20} {p.path}")
        console.result("Language pairs termweave can serve:")
        for source, target, found in served_pairs(packages):
            console.result(f"  {source} -> {target}  {describe_route(found)}")
    try:
        config = config_for(args)
    except Exception:  # outside a project, or a broken config: the listing stands on its own
        return 0
    for lang in config.target_langs:
        lang_route = route(config.source_lang, lang, packages)
        state = describe_route(lang_route) if lang_route else "no model: `termweave translate` cannot draft it"
        console.result(f"This project: {config.source_lang} -> {lang}  {state}")
    return 0


_PAIR = re.compile(r"^([a-z]{2,3}(?:[_-][A-Za-z0-9]+)?)\s*(?::|->)\s*([a-z]{2,3}(?:[_-][A-Za-z0-9]+)?)$")


def run_models_install(args: argparse.Namespace) -> int:
    console = console_for(args)
    pair = _PAIR.match(args.package)
    if pair and not Path(args.package).exists():
        package, replaced = download_and_install(pair.group(1), pair.group(2), console, replace=args.replace)
    else:
        package, replaced = install_archive(args.package, replace=args.replace)
    verb = "replaced" if replaced else "installed"
    console.result(f"{verb} {package.label} ({package.from_code} -> {package.to_code}) in {package.path}")
    return 0


def run_models_remove(args: argparse.Namespace) -> int:
    console = console_for(args)
    for package in remove_package(args.package):
        console.result(f"removed {package.label} ({package.from_code} -> {package.to_code}) from {package.path}")
    return 0
