"""Shared fixtures: a throwaway copy of the shipped project, and running the CLI in it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from termweave.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "alliance-of-villains.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_argos(tmp_path_factory, monkeypatch):
    """No test sees models or settings of the machine's user: Argos dirs point to a temp dir."""
    home = tmp_path_factory.mktemp("argos-home")
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "data" / "argos-translate" / "packages"))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped project (seed, glossary, catalogs, config) as the working dir."""
    for name in ("seeds", "glossary", "translations"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.md", "*.html", "*.mo", "*.xml"))
    shutil.copy(ROOT / "termweave.toml", tmp_path / "termweave.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file under ``folder`` (to prove nothing changed)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(*argv: str) -> int:
    return main(list(argv))
