"""The project: configuration, glossaries, articles (segmented seeds) and catalogs.

:meth:`Project.load` reads and validates every input once, before any step runs and before
anything is written; the steps (:mod:`termweave.pipeline`) are functions over it.

Each seed is one **article**, named after its file. A project with one article keeps its
files in the output folder (``translations/uk.po``, ``abstract.uk.md``); with several, each
article has its own folder (``translations/<article>/uk.po``, ``<article>.uk.md``), so a
translator takes one article at a time and adding an article touches no other's files. When a
project moves from one layout to the other, the catalogs are carried over (see
:attr:`Project.carried`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termweave.catalog.identity import Key, Migration, entry_key, key_of, migrate_catalog
from termweave.config import CONFIG_NAME, Config, kind_of, load_config, require_file
from termweave.errors import InputError
from termweave.formats.po import Catalog, Message, load_po, parse_po
from termweave.fsutil import decode_utf8, read_bytes, read_text
from termweave.glossary import Glossary, load_glossary
from termweave.places import ArticlePlace, article_places
from termweave.segment import Document, Segment, parse_seed
from termweave.state import ArticleState, code_fingerprint, files_fingerprint, load_state
from termweave.translate.models import installed_packages


@dataclass
class Article(ArticlePlace):
    """An article read: its seed segmented, its glossary (the journal's plus its own)."""

    document: Document
    glossary: Glossary | None


@dataclass(frozen=True)
class Unit:
    """One message of an article: its segment (which carries the kind: title, sentence, ...)
    and the catalog entry for it in one language (None: not in the catalog yet)."""

    segment: Segment
    entry: Message | None

    @property
    def kind(self) -> str:
        return self.segment.kind


@dataclass
class Project:
    config: Config
    glossary: Glossary | None  # the journal glossary
    articles: list[Article]  # the articles to work on (all but the settled ones)
    places: list[ArticlePlace] = field(default_factory=list)  # every article, in configuration order
    # Articles whose files are exactly as the last run left them (see termweave.state).
    settled: dict[str, ArticleState] = field(default_factory=dict)
    shared_fingerprint: str = ""
    # (article name, lang) -> the catalog as loaded and migrated; None: not created yet.
    catalogs: dict[tuple[str, str], Catalog | None] = field(default_factory=dict)
    # Catalogs read from the other layout's place (a project that gained or lost articles):
    # path -> the articles whose catalogs were taken from it. Removed once carried over.
    carried: dict[Path, list[str]] = field(default_factory=dict)
    migrations: dict[tuple[str, str], Migration] = field(default_factory=dict)
    # The bytes of each catalog file as last read or written by this process: the steps after
    # loading (check, MO, saving, the state's fingerprint) use them instead of reading the file again.
    sources: dict[Path, bytes] = field(default_factory=dict)
    _orphans: list[Path] | None = field(default=None, repr=False)  # output folders no article owns

    @property
    def source_lang(self) -> str:
        return self.config.source_lang

    @property
    def target_langs(self) -> tuple[str, ...]:
        return self.config.target_langs

    @property
    def root(self) -> Path:
        return self.config.root

    def article(self, name: str) -> Article:
        for article in self.articles:
            if article.name == name:
                return article
        raise KeyError(name)

    def catalog(self, article: Article, lang: str) -> Catalog | None:
        return self.catalogs.get((article.name, lang))

    def units(self, article: Article, lang: str) -> list[Unit]:
        """The article's messages in reading order, each with its entry in ``lang``'s catalog
        (a text that occurs twice is one message)."""
        catalog = self.catalog(article, lang)
        entries = {entry_key(e): e for e in catalog if not e.obsolete} if catalog is not None else {}
        units: dict[Key, Unit] = {}
        for segment in article.document.translatable():
            units.setdefault(key_of(segment), Unit(segment, entries.get(key_of(segment))))
        return list(units.values())

    @classmethod
    def load(cls, path: str | Path = ".", *, catalogs: bool = True, config_required: bool = False) -> Project:
        """Load the project at ``path`` (its folder, or its ``termweave.toml``): every input
        read and validated, nothing written. Bad input raises :class:`InputError`."""
        path = Path(path)
        config_path = path / CONFIG_NAME if path.is_dir() else path
        return cls.from_config(load_config(config_path, required=config_required), catalogs=catalogs)

    @classmethod
    def from_config(cls, config: Config, *, catalogs: bool = True, reuse_state: bool = False) -> Project:
        """Load the project ``config`` describes. ``reuse_state``: leave out (as settled) the
        articles whose files are as the last run left them."""
        _require_something(config)
        require_file(config, "glossary", config.glossary)  # missing: the termweave.toml line that names it
        glossary = load_glossary(config.glossary, required_languages=config.languages)
        places = article_places(config)
        shared = shared_fingerprint() if reuse_state else ""
        previous = load_state(config.root) if reuse_state else {}
        settled = {
            place.name: previous[place.name]
            for place in places
            if place.name in previous
            and previous[place.name].fingerprint == files_fingerprint(place.files(config), shared)
        }
        articles = []
        for place in places:
            _require_seed(config, place.seed)
            if place.name in settled:
                continue
            articles.append(
                Article(
                    **vars(place),
                    document=parse_seed(place.seed, config.source_lang),
                    glossary=_article_glossary(glossary, place.glossary_path, config),
                )
            )
        project = cls(config, glossary, articles, places, settled, shared)
        if catalogs:
            project.load_catalogs()
        return project

    def fingerprint(self, place: ArticlePlace) -> str:
        return files_fingerprint(place.files(self.config), self.shared_fingerprint, self.sources)

    def source_text(self, path: Path) -> str | None:
        """A catalog's text as this process last read or wrote it (None: not known)."""
        data = self.sources.get(path)
        return None if data is None else decode_utf8(data, path)

    def forget(self, paths: set[Path]) -> set[Path]:
        """Files another writer (the MT drafter) has rewritten: read them again when asked."""
        for path in paths:
            self.sources.pop(path, None)
        return paths

    def load_catalogs(self, only: set[Path] | None = None) -> None:
        """Read every article's catalogs (strict), migrating positional contexts; ``only``:
        read just these (the files a step has rewritten)."""
        for article in self.articles:
            for lang in self.target_langs:
                path = article.po_path(lang)
                if only is not None and path not in only:
                    continue
                if not path.exists():
                    found = self._earlier_catalog(article, lang)
                    if found is None:
                        self.catalogs[article.name, lang] = None
                        continue
                    self.carried.setdefault(found, []).append(article.name)
                    path = found
                if path not in self.sources:
                    self.sources[path] = read_bytes(path)
                po = parse_po(decode_utf8(self.sources[path], path), path)
                self.migrations[article.name, lang] = migrate_catalog(po, article.name)
                self.catalogs[article.name, lang] = po

    def _earlier_catalog(self, article: Article, lang: str) -> Path | None:
        """Where an article without a catalog had one: in the other layout's place (the project
        gained or lost articles), or under its former name (its seed was renamed)."""
        output = self.config.output
        if len(self.places) == 1:
            other = output / article.name / f"{lang}.po"
            return other if other.exists() else None
        if self.config.po_path(lang).exists() and _names(self.config.po_path(lang), article.name):
            return self.config.po_path(lang)
        return self._renamed_from(article, lang)

    def _renamed_from(self, article: Article, lang: str) -> Path | None:
        """The catalog of a folder no article owns that holds most of this article's messages."""
        if self._orphans is None:  # looked for once: a journal has thousands of folders
            names = {place.name for place in self.places}
            self._orphans = sorted(p for p in self.config.output.glob("*/") if p.name not in names)
        texts = {segment.text for segment in article.document.translatable()}
        best, best_share = None, 0.5
        for folder in self._orphans:
            candidate = folder / f"{lang}.po"
            if candidate in self.carried or not candidate.is_file():
                continue
            held = {e.msgid for e in load_po(candidate) if not e.obsolete}
            share = len(texts & held) / len(texts) if texts else 0.0
            if share > best_share:
                best, best_share = candidate, share
        return best


def shared_fingerprint() -> str:
    """What every article's run depends on besides its files: termweave's code, the MT models."""
    models = ",".join(f"{p.name}={p.version}@{p.path}" for p in installed_packages())
    return code_fingerprint() + ";" + models


def _require_something(config: Config) -> None:
    if not config.seeds:
        where = config.path or config.root.resolve()
        if config.path is None:
            raise InputError(
                f"no {CONFIG_NAME} and no seeds/*.txt here: start a project with `termweave init`"
                " (or `termweave init --from PAGE.txt`)",
                where,
            )
        raise InputError("no seeds: put a scraped page in seeds/ or list it in `seeds`", where, config.seeds_line)


def _require_seed(config: Config, seed: Path) -> None:
    kind = kind_of(seed)  # never raises (a name too long, a loop: said in the message)
    if kind != "a file" and config.path is not None:
        problem = "not found" if kind == "missing" else f"is {kind}, expected a file"
        raise InputError(f"seed {seed} {problem}", config.path, config.seeds_line)


def _names(path: Path, name: str) -> bool:
    """Whether the shared catalog at ``path`` holds the article ``name``'s messages: it names
    its article(s) in ``Project-Id-Version``."""
    found = re.search(r'^"Project-Id-Version: ([^"\\]*)', read_text(path)[:4000], re.MULTILINE)
    return found is not None and name in found.group(1).split()


def _article_glossary(journal: Glossary | None, path: Path | None, config: Config) -> Glossary | None:
    """The journal glossary with the article's own terms on top (same id: the article's wins)."""
    if path is None:
        return journal
    own = load_glossary(path, required_languages=config.languages)
    return own if journal is None else journal.overlaid_by(own)


def glossary_conflicts(journal: Glossary, own: Glossary, source_lang: str) -> list[tuple[int, str, str]]:
    """(line, severity, message) for an article glossary's terms against the journal's: a term
    that overrides a journal term (warning) and one whose source variant a journal term of
    another id already claims (error: the segment would trigger both)."""
    by_variant = {v.casefold(): t for t in journal.terms for v in t.variants.get(source_lang, ())}
    journal_ids = {t.id: t for t in journal.terms}
    found = []
    for term in own.terms:
        if term.id in journal_ids:
            found.append(
                (
                    term.line,
                    "warning",
                    f"{term.id}: overrides the journal glossary's term ({journal.path}:{journal_ids[term.id].line})",
                )
            )
        for variant in term.variants.get(source_lang, ()):
            other = by_variant.get(variant.casefold())
            if other is not None and other.id != term.id:
                found.append(
                    (
                        term.line,
                        "error",
                        f"{term.id}: {variant!r} is also the journal term {other.id!r} "
                        f"({journal.path}:{other.line}); use the same id to override it",
                    )
                )
    return found
