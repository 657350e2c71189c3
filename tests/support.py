"""Paths and helpers shared by the tests (imported as ``support``; conftest holds fixtures)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from termweave.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "alliance-of-villains.txt"
DATA = Path(__file__).resolve().parent / "data"


def snapshot(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under ``folder`` (to prove nothing changed)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(*argv: str) -> int:
    return main(list(argv))
