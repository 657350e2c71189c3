"""The ``termweave`` command line.

Each pipeline area registers its own subcommands (``register(subparsers, common)``) so the
modules stay small; heavy libraries are imported inside the command functions, never here.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from termweave import __version__
from termweave.cli_support import config_for, console_for
from termweave.config import CONFIG_NAME
from termweave.errors import TermweaveError
from termweave.lock import project_session

# Commands that write project files: they hold the project lock (termweave.lock).
WRITING_COMMANDS = {
    ("init",), ("extract",), ("update",), ("build",), ("run",), ("translate",), ("report",), ("merge",),
    ("glossary", "import"), ("glossary", "export"), ("tm", "export"),
}


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                        help=f"project configuration (default: ./{CONFIG_NAME})")
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="print more detail")
    return common


def build_parser() -> argparse.ArgumentParser:
    from termweave import commands
    from termweave.catalog import cli as catalog_cli
    from termweave.check import cli as check_cli
    from termweave.glossary import cli as glossary_cli
    from termweave.render import cli as render_cli
    from termweave.translate import cli as translate_cli

    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="termweave",
        description="Trilingual scholarly abstracts: seed -> glossary-checked PO catalogs -> editions.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"termweave {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for area in (commands, catalog_cli, glossary_cli, check_cli, translate_cli, render_cli):
        area.register(subparsers, common)
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
