"""What every command needs from its arguments: the configuration and the console."""

from __future__ import annotations

import argparse
from pathlib import Path

from termweave.config import CONFIG_NAME, Config, load_config
from termweave.console import Console


def console_for(args: argparse.Namespace) -> Console:
    return Console(quiet=getattr(args, "quiet", False), verbose=getattr(args, "verbose", False))


def config_for(args: argparse.Namespace) -> Config:
    """``--config PATH`` must exist (never a silent fallback to defaults); without it,
    ``./termweave.toml`` or the defaults."""
    explicit = getattr(args, "config", None)
    return load_config(explicit or Path(CONFIG_NAME), required=explicit is not None)
