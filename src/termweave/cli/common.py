"""What every command shares: the common options, and the configuration and console its arguments name."""

from __future__ import annotations

import argparse
from pathlib import Path

from termweave.config import CONFIG_NAME, Config, load_config
from termweave.console import Console


def common_parser() -> argparse.ArgumentParser:
    """Options every subcommand accepts."""
    common = argparse.ArgumentParser(add_help=False)
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
