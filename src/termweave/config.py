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

Every path must resolve (symlinks included) inside the folder holding this file unless its key
is listed in ``allow_outside`` (``allow_outside = ["output"]``: seeds, glossary, output); a
wrong type or a path outside is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termweave.errors import InputError
from termweave.fsutil import read_text

CONFIG_NAME = "termweave.toml"
KNOWN_KEYS = {"seeds", "source_lang", "target_langs", "glossary", "output", "domain", "articles", "allow_outside"}
# Keys whose paths may point outside the project folder when listed in ``allow_outside``.
OUTSIDE_KEYS = {"seeds", "glossary", "output"}
DOMAIN_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")
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


# Languages CLDR certainly knows (a test asks babel): accepted without loading babel and its
# locale data, which costs ~9 ms of CPU (glossary columns are read the same way).
CLDR_LANGUAGES = frozenset({"en", "uk", "ko"})
# ... and the locales of theirs that catalogs name most (Sphinx's Ukrainian catalog says uk_UA).
CLDR_LOCALES = CLDR_LANGUAGES | {"uk_UA", "ko_KR", "en_US", "en_GB"}


def check_language(code: str, path: Path | None = None, line: int | None = None) -> str:
    """Return ``code`` if CLDR knows it as a language, else raise InputError."""
    if isinstance(code, str) and code.replace("-", "_") in CLDR_LOCALES:
        return code
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(str(code).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise InputError(
            f"unknown language code {code!r} (expected a CLDR code such as en, uk, ko)", path, line
        ) from None
    if not locale.language:
        raise InputError(f"unknown language code {code!r}", path, line)
    return str(code)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith(key):
            return number
    return None


@dataclass(frozen=True)
class _Source:
    """The ``termweave.toml`` being validated: errors name its file and the key's line."""

    path: Path
    text: str
    root: Path
    allow_outside: frozenset[str]

    def error(self, key: str, message: str) -> InputError:
        return InputError(f"{key}: {message}", self.path, _line_of(self.text, key))

    def string(self, table: dict, key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"expected a non-empty string, found {_toml_type(value)}")
        return value

    def strings(self, table: dict, key: str, default: list[str]) -> list[str]:
        """A string or a list of strings (a single value may be written without brackets)."""
        value = table.get(key, default)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
            raise self.error(key, f"expected a string or a list of strings, found {_toml_type(value)}")
        return items

    def inside(self, key: str, value: str | Path) -> Path:
        """``root / value``, refused unless it resolves inside the project (or ``key`` may leave it)."""
        path = self.root / value
        if key in self.allow_outside:
            return path
        try:
            resolved, root = path.resolve(), self.root.resolve()
        except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
            raise self.error(key, f"{str(value)!r} cannot be resolved: {exc}") from None
        if resolved != root and not resolved.is_relative_to(root):
            raise self.error(
                key,
                f"{str(value)!r} resolves to {resolved}, outside the project folder {root}"
                f' (allow it with allow_outside = ["{key}"])',
            )
        return path


def _toml_type(value) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}
    if isinstance(value, list) and value:
        return f"a list holding {_toml_type(value[0])}" if not isinstance(value[0], str) else "a list"
    return names.get(type(value), type(value).__name__)


def parse_toml(path: Path, text: str) -> dict:
    """``text`` (the content of ``path``) as TOML, or an InputError naming the line."""
    import tomllib  # its parser and regexes cost a few ms: only a command in a project reads TOML

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else len(text.splitlines()) or 1
        raise InputError(f"invalid TOML: {' '.join(str(exc).split())}", path, line) from None
    except RecursionError:
        raise InputError("invalid TOML: tables or arrays nested too deeply", path, 1) from None


def load_config(path: str | Path = CONFIG_NAME, required: bool = False) -> Config:
    """Load ``termweave.toml``; paths in it are relative to the file's folder and must stay in it.

    Without the file, the defaults apply (``required``: the caller named the file, so its
    absence is an error, never a silent fallback)."""
    path = Path(path)
    root = path.parent
    if not path.exists():
        if required:
            raise InputError("configuration file not found", path)
        source = _Source(path, "", root, frozenset())
        seeds = tuple(source.inside("seeds", p.relative_to(root)) for p in sorted((root / "seeds").glob("*.txt")))
        _check_article_names(seeds, root / "seeds", None)
        return Config(root=root, seeds=seeds, glossary=root / "glossary/terms.csv", output=root / "translations")
    text = read_text(path)
    data = parse_toml(path, text)
    table = data.get("termweave", data)
    if not isinstance(table, dict):
        raise InputError(f"[termweave] must be a table, found {_toml_type(table)}", path, _line_of(text, "termweave"))
    # Tables parsed by their own modules: house_style (lang/house_style.py), author_translation (author.py).
    unknown = sorted(set(table) - KNOWN_KEYS - {"termweave", "house_style", "author_translation"})
    if unknown:
        raise InputError(f"unknown key(s): {', '.join(unknown)}", path, _line_of(text, unknown[0]))
    checking = _Source(path, text, root, frozenset())
    outside = checking.strings(table, "allow_outside", [])
    if bad := sorted(set(outside) - OUTSIDE_KEYS):
        allowed = ", ".join(sorted(OUTSIDE_KEYS))
        raise checking.error("allow_outside", f"{bad[0]!r} cannot be allowed outside (only {allowed})")
    source = _Source(path, text, root, frozenset(outside))

    language, targets = _languages(source, table)
    seeds_line = _line_of(text, "seeds")
    seed_paths = _seed_paths(source, table, seeds_line)
    # [articles.<name>] is a table of its own next to [termweave] (or inside it).
    names = {p.stem for p in seed_paths}
    articles = _article_settings(table.get("articles", data.get("articles", {})), names, root, path, text)
    return Config(
        root=root,
        seeds=seed_paths,
        source_lang=language,
        target_langs=targets,
        glossary=source.inside("glossary", source.string(table, "glossary", "glossary/terms.csv")),
        output=_output_folder(source, table),
        domain=_domain(source, table),
        path=path,
        articles=articles,
        seeds_line=seeds_line,
    )


def _languages(source: _Source, table: dict) -> tuple[str, tuple[str, ...]]:
    """The source language and the target languages, each a CLDR code, none twice."""
    path, text = source.path, source.text

    def lang(key: str, value: str) -> str:
        return check_language(value, path, _line_of(text, key))

    language = lang("source_lang", source.string(table, "source_lang", "en"))
    targets = tuple(lang("target_langs", t) for t in source.strings(table, "target_langs", ["uk", "ko"]))
    twice = sorted({t for t in targets if targets.count(t) > 1})
    if twice:
        raise InputError(f"language {twice[0]!r} listed twice in target_langs", path, _line_of(text, "target_langs"))
    if language in targets:
        raise InputError(f"source language {language!r} is also a target", path, _line_of(text, "target_langs"))
    return language, targets


def _seed_paths(source: _Source, table: dict, seeds_line: int | None) -> tuple[Path, ...]:
    """The seeds the table names (globs expanded), else ``seeds/*.txt``; at least one, names unique."""
    root = source.root
    if "seeds" not in table:
        seed_paths = tuple(source.inside("seeds", p.relative_to(root)) for p in sorted((root / "seeds").glob("*.txt")))
    else:
        seed_paths = tuple(
            source.inside("seeds", p.relative_to(root) if p.is_relative_to(root) else p)
            for p in _expand_seeds(root, source.strings(table, "seeds", []))
        )
    if not seed_paths:
        raise InputError("no seeds configured and none found in seeds/*.txt", source.path, seeds_line)
    _check_article_names(seed_paths, source.path, seeds_line)
    return seed_paths


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
            raise InputError(
                f"[articles.{name}]: no seed named {name!r} (articles are named after their seed file)", path, line
            )
        if not isinstance(values, dict) or set(values) - ARTICLE_KEYS:
            raise InputError(
                f"[articles.{name}]: expected only the key(s) {', '.join(sorted(ARTICLE_KEYS))}", path, line
            )
        glossary = values.get("glossary")
        settings.append(ArticleSettings(name, root / str(glossary) if glossary else None, line))
    return tuple(settings)


def _output_folder(source: _Source, table: dict) -> Path:
    output = source.inside("output", source.string(table, "output", "translations"))
    if (kind := kind_of(output)) not in ("a folder", "missing"):
        raise source.error("output", f"{str(output)!r} is {kind}, expected a folder")
    return output


def _domain(source: _Source, table: dict) -> str:
    domain = source.string(table, "domain", "termweave")
    if not DOMAIN_RE.fullmatch(domain):
        raise source.error("domain", f"{domain!r} is not a plain file name (letters, digits, '.', '_', '-')")
    return domain


def kind_of(path: Path) -> str:
    """ "a file", "a folder", "missing", or why the path cannot be looked at (name too long, ...)."""
    try:
        if path.is_file():
            return "a file"
        return "a folder" if path.is_dir() else "missing" if not path.exists() else "not a regular file"
    except OSError as exc:
        return f"unusable ({exc.strerror})"


def require_file(config: Config, key: str, path: Path, line: int | None = None) -> None:
    """``path`` (set by ``key``) is a file; otherwise an error naming the ``termweave.toml`` line."""
    kind = kind_of(path)
    if kind == "a file":
        return
    problem = "not found" if kind == "missing" else f"is {kind}, expected a file"
    line = line or (_line_of(read_text(config.path), key) if config.path is not None else None)
    if config.path is None or line is None:
        raise InputError(problem, path)
    raise InputError(f"{key}: {str(path)!r} {problem}", config.path, line)


@dataclass(frozen=True)
class AuthorSeed:
    seed: Path
    lang: str
    of: Path | None  # the source seed; None: the only one
    name: str  # the seed as termweave.toml writes it (relative): what catalog comments cite


def load_author_seeds(config: Config) -> list[AuthorSeed]:
    """The ``[[author_translation]]`` entries of the project's ``termweave.toml`` (the author's own
    translation of an article: :mod:`termweave.author`)."""
    if config.path is None or not config.path.exists():
        return []
    text = read_text(config.path)
    tables = parse_toml(config.path, text).get("author_translation", [])
    line = next((n for n, ln in enumerate(text.splitlines(), 1) if ln.strip() == "[[author_translation]]"), None)
    if not isinstance(tables, list):
        raise InputError("author_translation must be an array of tables ([[author_translation]])", config.path, line)
    seeds = []
    for table in tables:
        unknown = sorted(set(table) - {"seed", "lang", "of"})
        if unknown or not isinstance(table.get("seed"), str) or not isinstance(table.get("lang"), str):
            raise InputError(
                "author_translation needs seed and lang (and optionally of), strings"
                + (f"; unknown key(s): {', '.join(unknown)}" if unknown else ""),
                config.path,
                line,
            )
        lang = check_language(table["lang"], config.path, line)
        if lang not in config.target_langs:
            raise InputError(f"author_translation lang {lang!r} is not a target language", config.path, line)
        of = config.root / table["of"] if isinstance(table.get("of"), str) else None
        if of is None and len(config.seeds) != 1:
            raise InputError(
                "author_translation needs 'of' (the source seed) when there are several seeds", config.path, line
            )
        if of is not None and of not in config.seeds:
            raise InputError(f"author_translation 'of' {table['of']!r} is not one of the seeds", config.path, line)
        seeds.append(AuthorSeed(config.root / table["seed"], lang, of, table["seed"]))
    return seeds
