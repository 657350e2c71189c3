"""Project configuration: ``termweave.toml`` at the project root.

    [termweave]
    seeds = ["seeds/alliance-of-villains.txt"]
    source_lang = "en"
    target_langs = ["uk", "ko"]
    glossary = "glossary/terms.csv"
    output = "translations"

Every key is optional; a project without the file gets these defaults (all ``seeds/*.txt``).
A seed entry may be a glob (``"seeds/*.txt"``). Each seed is one article, named after its file
(``alliance-of-villains``); an article may add its own glossary, whose terms override the
journal glossary's:

    [articles.alliance-of-villains]
    glossary = "glossary/alliance-of-villains.csv"
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from termweave.errors import InputError
from termweave.fsutil import read_text

CONFIG_NAME = "termweave.toml"
KNOWN_KEYS = {"seeds", "source_lang", "target_langs", "glossary", "output", "domain", "articles"}
ARTICLE_KEYS = {"glossary"}
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class ArticleSettings:
    """``[articles.<name>]``: settings of one article (named after its seed file)."""

    name: str
    glossary: Path | None = None
    line: int | None = None  # the table's line in termweave.toml


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
    articles: tuple[ArticleSettings, ...] = ()
    seeds_line: int | None = None  # where ``seeds`` is set, for messages about the seed list

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


def load_config(path: str | Path = CONFIG_NAME, required: bool = False) -> Config:
    """Load ``termweave.toml``; paths in it are relative to the file's folder.

    Without the file, the defaults apply (``required``: the caller named the file, so its
    absence is an error, never a silent fallback)."""
    path = Path(path)
    root = path.parent
    if not path.exists():
        if required:
            raise InputError("configuration file not found", path)
        seeds = tuple(sorted((root / "seeds").glob("*.txt")))
        _check_article_names(seeds, root / "seeds", None)
        return Config(root=root, seeds=seeds, glossary=root / "glossary/terms.csv", output=root / "translations")
    text = read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        raise InputError(f"invalid TOML: {exc}", path, line) from None
    table = data.get("termweave", data)
    # Tables parsed by their own modules: house_style (lang/house_style.py), author_translation (author.py).
    unknown = sorted(set(table) - KNOWN_KEYS - {"termweave", "house_style", "author_translation"})
    if unknown:
        raise InputError(f"unknown key(s): {', '.join(unknown)}", path, _line_of(text, unknown[0]))

    def lang(key: str, value) -> str:
        return check_language(value, path, _line_of(text, key))

    source = lang("source_lang", table.get("source_lang", "en"))
    targets = table.get("target_langs", ["uk", "ko"])
    if isinstance(targets, str):
        targets = [targets]
    targets = tuple(lang("target_langs", t) for t in targets)
    twice = sorted({t for t in targets if targets.count(t) > 1})
    if twice:
        raise InputError(f"language {twice[0]!r} listed twice in target_langs", path, _line_of(text, "target_langs"))
    if source in targets:
        raise InputError(f"source language {source!r} is also a target", path, _line_of(text, "target_langs"))
    seeds = table.get("seeds", table.get("seed"))
    seeds_line = _line_of(text, "seeds")
    if seeds is None:
        seed_paths = tuple(sorted((root / "seeds").glob("*.txt")))
    else:
        seed_paths = _expand_seeds(root, [seeds] if isinstance(seeds, str) else seeds)
    if not seed_paths:
        raise InputError("no seeds configured and none found in seeds/*.txt", path, seeds_line)
    _check_article_names(seed_paths, path, seeds_line)
    # [articles.<name>] is a table of its own next to [termweave] (or inside it).
    names = {p.stem for p in seed_paths}
    articles = _article_settings(table.get("articles", data.get("articles", {})), names, root, path, text)
    return Config(
        root=root,
        seeds=seed_paths,
        source_lang=source,
        target_langs=targets,
        glossary=root / table.get("glossary", "glossary/terms.csv"),
        output=root / table.get("output", "translations"),
        domain=str(table.get("domain", "termweave")),
        path=path,
        articles=articles,
        seeds_line=seeds_line,
    )


def _expand_seeds(root: Path, entries: list[str]) -> tuple[Path, ...]:
    """Seed paths in the order listed; a glob entry expands to its matches, sorted."""
    paths: list[Path] = []
    for entry in entries:
        entry = str(entry)
        paths.extend(sorted(root.glob(entry)) if GLOB_CHARS & set(entry) else [root / entry])
    return tuple(paths)


def _check_article_names(seeds: tuple[Path, ...], path: Path, line: int | None) -> None:
    """Each seed is an article named after its file: the same file twice, or two files with
    the same name in two folders, would give two articles one name."""
    seen: dict[str, Path] = {}
    for seed in seeds:
        earlier = seen.setdefault(seed.stem, seed)
        if earlier is seed:
            continue
        if earlier.resolve() == seed.resolve():
            raise InputError(f"article {seed.stem!r} listed twice in seeds ({seed})", path, line)
        raise InputError(
            f"duplicate article name {seed.stem!r}: {earlier} and {seed} (rename one seed file)", path, line
        )


def _article_settings(table, names: set[str], root: Path, path: Path, text: str) -> tuple[ArticleSettings, ...]:
    if not isinstance(table, dict):
        raise InputError("'articles' must be a table: [articles.<name>]", path, _line_of(text, "articles"))
    settings = []
    for name, values in table.items():
        line = _line_of(text, f"[articles.{name}]") or _line_of(text, f'[articles."{name}"]')
        if name not in names:
            raise InputError(f"[articles.{name}]: no seed named {name!r} (articles are named after their seed file)",
                             path, line)
        if not isinstance(values, dict) or set(values) - ARTICLE_KEYS:
            raise InputError(f"[articles.{name}]: expected only the key(s) {', '.join(sorted(ARTICLE_KEYS))}",
                             path, line)
        glossary = values.get("glossary")
        settings.append(ArticleSettings(name, root / str(glossary) if glossary else None, line))
    return tuple(settings)
