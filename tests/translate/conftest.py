"""Fixtures for the translate tests: real tiny Argos packages, built once per session.

The root conftest points XDG_DATA_HOME / XDG_CONFIG_HOME / XDG_CACHE_HOME / ARGOS_PACKAGES_DIR
at a fresh temp dir for every test, so each test installs what it needs into an empty
Argos home (installing is an unzip: milliseconds).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import argos_testkit as kit  # noqa: E402
from mt_helpers import GLOSSARY, write_catalog  # noqa: E402


@pytest.fixture(scope="session")
def sp_model(tmp_path_factory) -> Path:
    return kit.train_sentencepiece(tmp_path_factory.mktemp("sp") / "sentencepiece.model")


@pytest.fixture(scope="session")
def argosmodels(tmp_path_factory, sp_model) -> dict[str, Path]:
    """name -> .argosmodel: copy models, plus variants that rank, mangle or need a prefix."""
    out = tmp_path_factory.mktemp("argosmodels")
    vocab = kit.vocabulary(sp_model)
    digits = kit.digits_mangled(vocab)
    builds = {
        "en_uk": dict(from_code="en", to_code="uk"),
        "en_ko": dict(from_code="en", to_code="ko"),
        "uk_en": dict(from_code="uk", to_code="en"),
        # enemy -> ворог (best) or супротивник (2nd hypothesis, one logit lower)
        "en_uk_enemy": dict(from_code="en", to_code="uk", remap={"enemy": [("ворог", 0.0), ("супротивник", 1.0)]}),
        # numbers come out wrong; placeholders (<unk>) still copy
        "en_uk_digits": dict(from_code="en", to_code="uk", remap=digits),
        # numbers and placeholders both come out wrong
        "en_uk_broken": dict(from_code="en", to_code="uk", remap=digits | {"<unk>": [("y", 0.0)]}),
        # metadata forces a target prefix token; the model copies one step later
        "en_uk_prefix": dict(from_code="en", to_code="uk", offset=1, target_prefix="__uk__"),
        "en_uk_v2": dict(from_code="en", to_code="uk", version="2.0"),
    }
    assert "y" in vocab and "__uk__" in vocab
    return {
        name: kit.build_copy_package(out / f"{name}.argosmodel", sp_model=sp_model, **kwargs)
        for name, kwargs in builds.items()
    }


@pytest.fixture
def argos_home() -> Path:
    """The (per-test, empty) Argos packages directory set up by the root conftest."""
    return Path(os.environ["ARGOS_PACKAGES_DIR"])


@pytest.fixture
def install(argosmodels):
    """install("en_uk", ...) -> PackageInfo of each, installed through termweave's installer."""
    from termweave.translate.archive import install_archive

    def install_(*names: str):
        return [install_archive(argosmodels[name])[0] for name in names]

    return install_


@pytest.fixture
def mt_project(tmp_path, monkeypatch) -> Path:
    """A project with en->uk,ko catalogs and a small glossary; the working directory."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "test.txt").write_text("placeholder seed\n", encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "termweave.toml").write_text(
        '[termweave]\nseeds = ["seeds/test.txt"]\nsource_lang = "en"\ntarget_langs = ["uk", "ko"]\n', encoding="utf-8"
    )
    for lang in ("uk", "ko"):
        write_catalog(tmp_path / "translations" / f"{lang}.po", lang)
    monkeypatch.chdir(tmp_path)
    return tmp_path
