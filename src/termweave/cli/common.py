"""What every command shares: the common options, and the configuration and console its arguments name."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from termweave.config import CONFIG_NAME, Config, load_config
from termweave.console import Console


def terminal_width() -> int:
    """The width ``shutil.get_terminal_size()`` gives: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, given the terminal width as argparse computes it (columns - 2): argparse asks
    shutil on every argument added, and importing shutil (bz2, lzma, fnmatch) costs ~2 ms a start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, terminal_width() - 2 if width is None else width)


class Parser(argparse.ArgumentParser):
    """The parser of termweave and of each command (subparsers are built with their parent's class)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def common_parser() -> Parser:
    """Options every subcommand accepts."""
    common = Parser(add_help=False)
    common.add_argument(
        "--config", type=Path, default=argparse.SUPPRESS, help=f"project configuration (default: ./{CONFIG_NAME})"
    )
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    noise.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="print more detail")
    return common


def console_for(args: argparse.Namespace) -> Console:
    return Console(quiet=getattr(args, "quiet", False), verbose=getattr(args, "verbose", False))


def config_for(args: argparse.Namespace) -> Config:
    """``--config PATH`` must exist (never a silent fallback to defaults); without it,
    ``./termweave.toml`` or the defaults."""
    explicit = getattr(args, "config", None)
    return load_config(explicit or Path(CONFIG_NAME), required=explicit is not None)
