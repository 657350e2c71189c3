"""Commands that write project files run inside the project session (:mod:`termweave.lock`: the
lock, recovery of an interrupted step, guarded writes). Their modules wrap the command's
function with :func:`writing` where they define it, so the commands that only read (check,
status, glossary lint, models list) never import the lock."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path

from termweave.cli.common import console_for
from termweave.config import CONFIG_NAME
from termweave.lock import project_session

Command = Callable[[argparse.Namespace], int]


def writing(command: Command) -> Command:
    """``command``, run holding the lock of the project its ``--config`` (or ./termweave.toml) names."""

    @functools.wraps(command)
    def in_session(args: argparse.Namespace) -> int:
        root = getattr(args, "config", Path(CONFIG_NAME)).parent
        with project_session(root, console_for(args)):
            return command(args)

    return in_session
