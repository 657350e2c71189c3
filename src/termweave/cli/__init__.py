"""The ``termweave`` command line: all argparse code lives in this package.

One module per command group registers its subcommands (``register(subparsers, common)``);
each command is a thin layer over the core (project, pipeline, formats, check, translate,
render), which never imports this package. Heavy libraries load inside the core functions
that need them, so ``termweave --help`` stays light.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from termweave import __version__
from termweave.cli import check, glossary, merge, render, translate, workflow
from termweave.cli.common import common_parser, config_for, console_for
from termweave.config import CONFIG_NAME
from termweave.errors import TermweaveError
from termweave.lock import project_session

COMMAND_GROUPS = (workflow, merge, glossary, check, translate, render)

# Commands that write project files: they hold the project lock (termweave.lock).
WRITING_COMMANDS = {
    ("init",),
    ("extract",),
    ("update",),
    ("build",),
    ("run",),
    ("translate",),
    ("report",),
    ("merge",),
    ("glossary", "import"),
    ("glossary", "export"),
    ("tm", "export"),
}


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="termweave",
        description="Trilingual scholarly abstracts: seed -> glossary-checked PO catalogs -> editions.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"termweave {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in COMMAND_GROUPS:
        group.register(subparsers, common)
    return parser


def command_path(args: argparse.Namespace) -> tuple[str, ...]:
    sub = getattr(args, f"{args.command}_command", None)
    return (args.command, sub) if sub else (args.command,)


def run_command(args: argparse.Namespace) -> int:
    if command_path(args) not in WRITING_COMMANDS:
        return int(args.func(args) or 0)
    root = getattr(args, "config", Path(CONFIG_NAME)).parent
    with project_session(root, console_for(args)):
        return int(args.func(args) or 0)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run_command(args)
    except TermweaveError as exc:
        print(f"termweave: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("termweave: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `termweave status | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 -- so the interpreter's final flush stays quiet
        return 141


__all__ = ["build_parser", "config_for", "console_for", "main"]


if __name__ == "__main__":
    raise SystemExit(main())
