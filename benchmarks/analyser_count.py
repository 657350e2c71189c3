"""How many pymorphy3 analysers and Kiwi instances does one process create?

    .venv/bin/python benchmarks/analyser_count.py [PYTEST ARGS...]     # the test suite (default: tests/)
    .venv/bin/python benchmarks/analyser_count.py --run DIR            # one `termweave run` in a copy of DIR

Counts the constructor calls of ``pymorphy3.MorphAnalyzer`` and ``kiwipiepy.Kiwi`` while the
test suite (in this process) or one ``termweave run`` runs. Target: at most one of each per
process (termweave.lang.analysers keeps one). To count another copy of the code, set
``PYTHONPATH`` to its ``src/``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

COUNTS: Counter[str] = Counter()


def count_constructors() -> None:
    import kiwipiepy
    import pymorphy3

    def counted(cls, name):
        original = cls.__init__

        def init(self, *args, **kwargs):
            COUNTS[name] += 1
            original(self, *args, **kwargs)

        cls.__init__ = init

    counted(pymorphy3.MorphAnalyzer, "pymorphy3.MorphAnalyzer")
    counted(kiwipiepy.Kiwi, "kiwipiepy.Kiwi")


def main() -> int:
    count_constructors()
    args = sys.argv[1:]
    if args[:1] == ["--run"]:
        from termweave.cli import main as termweave

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "project"
            shutil.copytree(
                Path(args[1]), folder, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info")
            )
            os.chdir(folder)
            status = termweave(["run", "-q"])
        what = "one termweave run"
    else:
        import pytest

        status = pytest.main(["-q", "-p", "no:cacheprovider", *(args or ["tests"])])
        what = "the test suite"
    for name in ("pymorphy3.MorphAnalyzer", "kiwipiepy.Kiwi"):
        print(f"{what}: {COUNTS[name]} {name} created")
    return int(status or 0)


if __name__ == "__main__":
    sys.exit(main())
