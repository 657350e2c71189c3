"""Shared fixtures: Argos isolated from the user's models, a throwaway copy of the project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT


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
