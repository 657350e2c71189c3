"""Project configuration: ``termweave.toml`` at the project root.

    [termweave]
    seeds = ["seeds/alliance-of-villains.txt"]
    source_lang = "en"
    target_langs = ["uk", "ko"]
    glossary = "glossary/terms.csv"
    output = "translations"

Every key is optional; a project without the file gets these defaults (all ``seeds/*.txt``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from termweave.errors import InputError
from termweave.fsutil import read_text

CONFIG_NAME = "termweave.toml"
KNOWN_KEYS = {"seeds", "source_lang", "target_langs", "glossary", "output", "domain"}


@dataclass(frozen=True)
class Config:
    root: Path
    seeds: tuple[Path, ...]
    source_lang: str = "en"
    target_langs: tuple[str, ...] = ("uk", "ko")
    glossary: Path = Path("glossary/terms.csv")
    output: Path = Path("translations")
    domain: str = "termweave"
    path: Path | None = None

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_lang, *self.target_langs)

    @property
    def pot_path(self) -> Path:
        return self.output / f"{self.domain}.pot"

    def po_path(self, lang: str) -> Path:
        return self.output / f"{lang}.po"


def check_language(code: str, path: Path | None = None, line: int | None = None) -> str:
    """Return ``code`` if CLDR knows it as a language, else raise InputError."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(str(code).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise InputError(f"unknown language code {code!r} (expected a CLDR code such as en, uk, ko)", path, line) from None
    if not locale.language:
        raise InputError(f"unknown language code {code!r}", path, line)
    return str(code)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key):
            return number
    return None


def load_config(path: str | Path = CONFIG_NAME) -> Config:
    """Load ``termweave.toml``; paths in it are relative to the file's folder."""
    path = Path(path)
    root = path.parent
    if not path.exists():
        return Config(root=root, seeds=tuple(sorted((root / "seeds").glob("*.txt"))),
                      glossary=root / "glossary/terms.csv", output=root / "translations")
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        raise InputError(f"invalid TOML: {exc}", path, line) from None
    table = data.get("termweave", data)
    unknown = sorted(set(table) - KNOWN_KEYS - {"termweave"})
    if unknown:
        raise InputError(f"unknown key(s): {', '.join(unknown)}", path, _line_of(text, unknown[0]))

    def lang(key: str, value) -> str:
        return check_language(value, path, _line_of(text, key))

    source = lang("source_lang", table.get("source_lang", "en"))
    targets = table.get("target_langs", ["uk", "ko"])
    if isinstance(targets, str):
        targets = [targets]
    targets = tuple(lang("target_langs", t) for t in targets)
    if source in targets:
        raise InputError(f"source language {source!r} is also a target", path, _line_of(text, "target_langs"))
    seeds = table.get("seeds", table.get("seed"))
    if seeds is None:
        seed_paths = tuple(sorted((root / "seeds").glob("*.txt")))
    else:
        seed_paths = tuple(root / s for s in ([seeds] if isinstance(seeds, str) else seeds))
    if not seed_paths:
        raise InputError("no seeds configured and none found in seeds/*.txt", path, _line_of(text, "seeds"))
    return Config(
        root=root,
        seeds=seed_paths,
        source_lang=source,
        target_langs=targets,
        glossary=root / table.get("glossary", "glossary/terms.csv"),
        output=root / table.get("output", "translations"),
        domain=str(table.get("domain", "termweave")),
        path=path,
    )
