"""Argos directories, installed packages and routes: read without importing argostranslate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mt_helpers import ROOT, subprocess_env

from termweave.cli import main
from termweave.translate.models import (
    ArgosPaths,
    PackageInfo,
    installed_packages,
    route,
    scan_packages,
    served_pairs,
    version_key,
)


def fake_package(folder: Path, from_code: str, to_code: str, version: str = "1.0", **extra) -> Path:
    folder.mkdir(parents=True)
    metadata = {"package_version": version, "from_code": from_code, "to_code": to_code} | extra
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    (folder / "sentencepiece.model").write_bytes(b"")
    return folder


def test_paths_follow_argostranslate_settings(tmp_path):
    env = {
        "XDG_DATA_HOME": str(tmp_path / "d"),
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_CACHE_HOME": str(tmp_path / "k"),
    }
    paths = ArgosPaths.from_env(env)
    assert paths.package_dir == tmp_path / "d" / "argos-translate" / "packages"
    assert paths.local_index == tmp_path / "d" / "argos-translate" / "index.json"
    assert paths.downloads_dir == tmp_path / "k" / "argos-translate" / "downloads"
    assert paths.remote_index.endswith("/argospm-index/main/index.json")

    # settings.json in the config dir, then the environment, override the default
    settings = tmp_path / "c" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings"), "ARGOS_PACKAGE_INDEX": "file:///mirror/"})
    )
    paths = ArgosPaths.from_env(env)
    assert paths.package_dir == tmp_path / "from-settings"
    assert paths.remote_index == "file:///mirror/index.json"
    paths = ArgosPaths.from_env(env | {"ARGOS_PACKAGES_DIR": str(tmp_path / "from-env")})
    assert paths.package_dir == tmp_path / "from-env"
    assert not (tmp_path / "d").exists(), "resolving must not create directories"


def test_paths_match_argostranslate_itself(tmp_path):
    """argostranslate.settings, imported in a subprocess with the same environment, agrees."""
    env = subprocess_env(
        XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_CACHE_HOME=str(tmp_path / "k")
    )
    env.pop("ARGOS_PACKAGES_DIR", None)
    code = (
        "from argostranslate import settings; "
        "print(settings.package_data_dir); print(settings.local_package_index); print(settings.downloads_dir)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    ours = ArgosPaths.from_env({k: v for k, v in env.items() if k != "ARGOS_PACKAGES_DIR"})
    assert out.stdout.split() == [str(ours.package_dir), str(ours.local_index), str(ours.downloads_dir)]


def test_installed_packages_parse_metadata(argos_home):
    fake_package(argos_home / "translate-en_uk-1_9", "en", "uk", "1.9", target_prefix="__uk__")
    fake_package(argos_home / "translate-en_ko-1_1", "en", "ko", "1.1")
    (argos_home / "broken").mkdir()
    packages, problems = scan_packages([argos_home])
    assert [(p.from_code, p.to_code, p.version, p.name) for p in packages] == [
        ("en", "ko", "1.1", "translate-en_ko"),
        ("en", "uk", "1.9", "translate-en_uk"),
    ]
    assert packages[1].target_prefix == "__uk__" and packages[1].path == argos_home / "translate-en_uk-1_9"
    assert packages[1].tokenizer == "sentencepiece"
    assert [(p.name, reason) for p, reason in problems] == [("broken", "no metadata.json")]
    assert installed_packages() == packages  # the environment's ARGOS_PACKAGES_DIR


def test_route_direct_pivot_and_none(argos_home):
    for name, pair, version in (
        ("a", ("uk", "en"), "1.0"),
        ("b", ("en", "ko"), "1.1"),
        ("c", ("en", "uk"), "1.2"),
        ("d", ("en", "uk"), "1.10"),
    ):
        fake_package(argos_home / name, *pair, version)
    packages = installed_packages()
    assert [p.path.name for p in route("en", "uk", packages)] == ["d"]  # 1.10 > 1.2
    assert [p.path.name for p in route("uk", "ko", packages)] == ["a", "b"]  # via English
    assert route("ko", "uk", packages) is None
    assert route("en", "de", packages) is None
    assert route("en", "en", packages) == []
    pairs = {(s, t): [p.path.name for p in r] for s, t, r in served_pairs(packages)}
    assert pairs == {("en", "ko"): ["b"], ("en", "uk"): ["d"], ("uk", "en"): ["a"], ("uk", "ko"): ["a", "b"]}


def test_version_order():
    assert version_key("1.9") < version_key("1.10") < version_key("2.0")


def test_models_list_shows_packages_pairs_and_project(install, mt_project, capsys):
    install("uk_en", "en_ko")
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "en -> ko  1.0" in out and "translate-uk_en" in out
    assert "uk -> ko  via en: translate-uk_en 1.0 + translate-en_ko 1.0" in out
    assert "This project: en -> ko  direct: translate-en_ko 1.0" in out
    assert "This project: en -> uk  no model" in out


def test_models_list_with_nothing_installed(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["models", "list"]) == 0
    assert "No Argos packages installed" in capsys.readouterr().out


HEAVY = ("argostranslate", "ctranslate2", "torch", "stanza", "sentencepiece", "spacy")


@pytest.mark.parametrize("argv", [["models", "list"], ["models", "remove", "en:uk"]])
def test_fast_commands_import_nothing_heavy(argv, tmp_path):
    code = (
        "import sys; from termweave.cli import main; rc = main(sys.argv[1:]); "
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules)); print('rc', rc)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], env=subprocess_env(), cwd=tmp_path, capture_output=True, text=True
    )
    assert out.stdout.splitlines()[-2:] == ["[]", "rc 0" if argv[1] == "list" else "rc 2"], out.stderr


def test_installed_package_is_seen_by_argospm(install, argos_home):
    """Installed where argostranslate looks: its own package listing finds it."""
    install("en_uk")
    code = (
        "from argostranslate import package; "
        "print([(p.from_code, p.to_code, package.argospm_package_name(p)) for p in package.get_installed_packages()])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=subprocess_env(), cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[('en', 'uk', 'translate-en_uk')]"


def test_package_info_label():
    info = PackageInfo("en", "uk", "1.9", Path("/x"), "translate-en_uk")
    assert info.label == "translate-en_uk 1.9" and info.pair == "en->uk"
