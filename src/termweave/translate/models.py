"""Installed Argos Translate packages, read without importing argostranslate.

argostranslate's own modules pull in stanza and torch (seconds) and create directories on
import, so termweave resolves Argos's directories itself -- the same environment variables
and ``settings.json`` as ``argostranslate.settings`` -- and parses each package's
``metadata.json`` directly. ``models list``, ``check`` and ``build`` stay fast.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

PIVOT_LANG = "en"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
_VERSION_PART = re.compile(r"(\d+)|([^\d.]+)")


@dataclass(frozen=True)
class ArgosPaths:
    """Where Argos Translate keeps its settings, packages, index and downloads."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    package_dir: Path
    extra_package_dirs: tuple[Path, ...] = ()
    settings: Mapping[str, object] = field(default_factory=dict)  # settings.json, then ARGOS_* variables

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ArgosPaths:
        """Resolve the directories exactly as ``argostranslate.settings`` does (without creating them)."""
        env = os.environ if environ is None else environ
        home = Path(env["SNAP_USER_DATA"]) if "SNAP" in env else Path.home()
        data_dir = Path(env.get("XDG_DATA_HOME", home / ".local" / "share")) / "argos-translate"
        config_dir = Path(env.get("XDG_CONFIG_HOME", home / ".config")) / "argos-translate"
        cache_dir = Path(env.get("XDG_CACHE_HOME", home / ".local" / "cache")) / "argos-translate"
        settings = _read_settings(config_dir / "settings.json")
        package_dir = Path(_setting("ARGOS_PACKAGES_DIR", env, settings, data_dir / "packages"))
        extra: list[Path] = []
        if "SNAP" in env:  # packages bundled with the snap, as argostranslate.settings
            snap = Path(env["SNAP"]) / "snap_custom"
            if (snap / "packages").is_dir():
                extra.append(snap / "packages")
            content = snap / "content_snap_packages"
            if content.is_dir():
                extra.extend(p for p in sorted(content.iterdir()) if p.is_dir())
        return cls(data_dir, config_dir, cache_dir, package_dir, tuple(extra), dict(settings) | _env_settings(env))

    @property
    def package_dirs(self) -> tuple[Path, ...]:
        return (self.package_dir, *self.extra_package_dirs)

    @property
    def local_index(self) -> Path:
        return self.data_dir / "index.json"

    @property
    def downloads_dir(self) -> Path:
        return self.cache_dir / "downloads"

    @property
    def remote_index(self) -> str:
        return str(self.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX)) + "index.json"

    def get(self, key: str, default=None):
        value = self.settings.get(key)
        return default if value is None else value


def _read_settings(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _env_settings(env: Mapping[str, str]) -> dict:
    return {k: v for k, v in env.items() if k.startswith("ARGOS_")}


def _setting(key: str, env: Mapping[str, str], settings: Mapping, default):
    if env.get(key) is not None:
        return env[key]
    return settings.get(key, default) if settings.get(key) is not None else default


@dataclass(frozen=True)
class PackageInfo:
    """One installed package, as its ``metadata.json`` describes it."""

    from_code: str
    to_code: str
    version: str
    path: Path
    name: str  # argospm's name, e.g. translate-en_uk
    type: str = "translate"
    target_prefix: str = ""
    from_name: str = ""
    to_name: str = ""
    tokenizer: str = ""  # "sentencepiece", "bpe" or "" when the package has neither

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()


def version_key(version: str) -> tuple:
    """Order versions like 1.9 < 1.10 without importing packaging."""
    key = []
    for number, text in _VERSION_PART.findall(str(version)):
        key.append((0, int(number), "") if number else (1, 0, text))
    return tuple(key)


def read_package(path: Path) -> PackageInfo:
    """Parse ``path/metadata.json``; ValueError with a reason if it is not an Argos package."""
    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError("no metadata.json") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable metadata.json: {exc}") from None
    return package_from_metadata(metadata, path)


def package_from_metadata(metadata: object, path: Path) -> PackageInfo:
    if not isinstance(metadata, dict):
        raise ValueError("metadata.json is not a JSON object")
    kind = metadata.get("type", "translate")
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if kind == "translate" and not (isinstance(from_code, str) and from_code and isinstance(to_code, str) and to_code):
        raise ValueError("metadata.json lacks from_code/to_code")
    tokenizer = ""
    if (path / "sentencepiece.model").exists():
        tokenizer = "sentencepiece"
    elif (path / "bpe.model").exists():
        tokenizer = "bpe"
    name = str(kind) + (f"-{from_code}_{to_code}" if from_code and to_code else "")
    return PackageInfo(
        from_code=str(from_code or ""),
        to_code=str(to_code or ""),
        version=str(metadata.get("package_version", "")),
        path=path,
        name=name,
        type=str(kind),
        target_prefix=str(metadata.get("target_prefix") or ""),
        from_name=str(metadata.get("from_name") or ""),
        to_name=str(metadata.get("to_name") or ""),
        tokenizer=tokenizer,
    )


def scan_packages(dirs: Iterable[Path] | None = None) -> tuple[list[PackageInfo], list[tuple[Path, str]]]:
    """Installed packages plus (folder, reason) for every folder that is not a usable package."""
    dirs = ArgosPaths.from_env().package_dirs if dirs is None else dirs
    found: list[PackageInfo] = []
    problems: list[tuple[Path, str]] = []
    for directory in dirs:
        try:
            children = sorted(p for p in Path(directory).iterdir() if p.is_dir())
        except (FileNotFoundError, NotADirectoryError):
            continue
        for child in children:
            try:
                found.append(read_package(child))
            except ValueError as exc:
                problems.append((child, str(exc)))
    found.sort(key=lambda p: (p.from_code, p.to_code, p.name, str(p.path)))
    return found, problems


def installed_packages(dirs: Iterable[Path] | None = None) -> list[PackageInfo]:
    """Argos packages installed in Argos's packages directory (``ARGOS_PACKAGES_DIR`` etc.)."""
    return scan_packages(dirs)[0]


def best_package(from_code: str, to_code: str, packages: Iterable[PackageInfo]) -> PackageInfo | None:
    """The translate package for the pair with the highest version (then the first by name)."""
    candidates = [
        p
        for p in packages
        if p.type == "translate" and p.from_code == from_code and p.to_code == to_code and p.tokenizer
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda p: (p.name, str(p.path)))
    return max(candidates, key=lambda p: version_key(p.version))


def route(from_code: str, to_code: str, packages: Iterable[PackageInfo]) -> list[PackageInfo] | None:
    """The packages that translate ``from_code`` into ``to_code``: one (direct), two (via English), or None.

    The same language needs no package (an empty route).
    """
    packages = list(packages)
    if from_code == to_code:
        return []
    direct = best_package(from_code, to_code, packages)
    if direct is not None:
        return [direct]
    if PIVOT_LANG in (from_code, to_code):
        return None
    first = best_package(from_code, PIVOT_LANG, packages)
    second = best_package(PIVOT_LANG, to_code, packages)
    if first is None or second is None:
        return None
    return [first, second]


def served_pairs(packages: Iterable[PackageInfo]) -> list[tuple[str, str, list[PackageInfo]]]:
    """Every (from, to, route) termweave can translate with these packages."""
    packages = [p for p in packages if p.type == "translate"]
    codes = sorted({p.from_code for p in packages} | {p.to_code for p in packages})
    pairs = []
    for source in codes:
        for target in codes:
            if source != target:
                found = route(source, target, packages)
                if found:
                    pairs.append((source, target, found))
    return pairs


def describe_route(packages: list[PackageInfo]) -> str:
    if len(packages) == 1:
        return f"direct: {packages[0].label}"
    return "via " + ", ".join(p.to_code for p in packages[:-1]) + ": " + " + ".join(p.label for p in packages)
