"""``termweave models {list,install,remove}``: the Argos translation models on this machine.

Nothing heavy is imported here: not the MT engine (``translate`` loads it), nor the HTTP client
until ``models install FROM:TO`` downloads.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from termweave.cli.common import config_for, console_for
from termweave.translate.archive import install_archive, remove_package
from termweave.translate.index import download_and_install
from termweave.translate.models import ArgosPaths, describe_route, route, scan_packages, served_pairs


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


ARGUMENTS = {"models": models_arguments}
