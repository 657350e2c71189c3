"""The ``termweave`` command line: all argparse code lives in this package.

This module knows every command's name and one-line help, so ``termweave --help`` lists them
without importing the core. Only the chosen command's module (``termweave.cli.<group>``, one
per command group) is imported: its ``ARGUMENTS[name](parser, common)`` defines the command's
arguments and its function (a command that writes project files runs in the project session,
:func:`termweave.cli.session.writing`), and the module imports at its top what the command
needs. Each command is a thin layer over the core (project, pipeline, formats, check,
translate, render), which never imports this package. Heavy libraries load inside the core
functions that need them.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from termweave import __version__
from termweave.cli.common import Parser, common_parser, config_for, console_for
from termweave.collector import fewer_collections
from termweave.errors import TermweaveError

DESCRIPTION = "Trilingual scholarly abstracts: seed -> glossary-checked PO catalogs -> editions."

# command -> (its module in termweave.cli, its one-line help), in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("workflow", "start a project: termweave.toml, seeds/, glossary"),
    "extract": ("workflow", "segment the seed(s) and write the .pot template(s)"),
    "update": ("workflow", "extract, then merge the templates into each language's .po (msgmerge semantics)"),
    "build": ("workflow", "render the editions that are ready"),
    "run": ("workflow", "the whole job: extract, update, translate (if a model is installed), check, build"),
    "status": ("workflow", "per article and language: translated, fuzzy, untranslated, check findings"),
    "merge": (
        "merge",
        "merge a template into a catalog as `msgmerge --previous` does (DEF.po REF.pot, msgmerge's order)",
    ),
    "glossary": ("glossary", "glossary tools"),
    "check": ("check", "check translations: glossary terms, numbers, attribution, language"),
    "translate": (
        "translate",
        "draft untranslated entries with an installed Argos model (written fuzzy, with a comment)",
    ),
    "models": ("models", "list, install or remove Argos translation models"),
    "report": ("render", "run the checks and write the review page (translations/report.html)"),
    "tm": ("render", "translation memory tools"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line of ``command`` (its module is the one imported), or, without one, every
    command by name and help, for ``--help`` and the errors."""
    common = common_parser()
    parser = Parser(prog="termweave", description=DESCRIPTION, parents=[common])
    parser.add_argument("--version", action="version", version=f"termweave {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        if name != command:  # never parsed: `termweave X ...` is parsed by a parser built for X
            if command is None:  # listed by `--help` and the unknown-command error
                subparsers.add_parser(name, help=help_text, add_help=False)
            continue
        command_parser = subparsers.add_parser(name, parents=[common], help=help_text)
        importlib.import_module(f"termweave.cli.{module}").ARGUMENTS[name](command_parser, common)
    return parser


def chosen_command(argv: list[str]) -> str:
    """The command ``argv`` names, found by the same parser (options before it, ``--config PATH``
    included); ``--help``, ``--version``, a missing or unknown command end here as they always did."""
    if argv and argv[0] in COMMANDS:  # nothing before it: the parser would choose it too
        return argv[0]
    args, _rest = build_parser().parse_known_args(argv)
    return str(args.command)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with fewer_collections():  # the command's imports and its run, not only the checks
        return _run(argv)


def program(argv: list[str] | None = None) -> int:
    """The ``termweave`` program (its console script and ``python -m termweave``): :func:`main`,
    then the heap frozen for the interpreter's exit. Its final collection would otherwise walk
    every object of the run (~8 ms after a check of 28 catalogs) to find cycles that the exit
    frees anyway; Python does not promise to finalise them, and every file termweave writes is
    closed before its command returns. Not in :func:`main`, which tests and other programs call
    in a process that goes on."""
    try:
        return main(argv)
    finally:
        gc.freeze()


def _run(argv: list[str]) -> int:
    args = build_parser(chosen_command(argv)).parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except TermweaveError as exc:
        print(f"termweave: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("termweave: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `termweave status | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- so the interpreter's final flush stays quiet
        return 141


__all__ = ["COMMANDS", "build_parser", "config_for", "console_for", "main", "program"]


if __name__ == "__main__":
    raise SystemExit(program())
