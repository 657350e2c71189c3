"""Where each article's files are: known from the configuration alone, before any file is read.

Each seed is one article, named after its file. With one article its files are in the output
folder (``translations/uk.po``, ``abstract.uk.md``); with several, each has its own folder
(``translations/<article>/uk.po``, ``<article>.uk.md``). :mod:`termweave.project` reads what
is there; ``termweave check`` and ``tm export`` only need the paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termweave.config import Config

SINGLE_EDITION_NAME = "abstract"
REPORT_NAME = "report.html"


@dataclass
class ArticlePlace:
    """Where an article's files are: known from the configuration alone, before any is read."""

    name: str
    seed: Path
    folder: Path  # its catalogs, template, editions, review page
    edition_name: str  # editions are <folder>/<edition_name>.<lang>.md
    domain: str
    glossary_path: Path | None  # this article's own glossary, if any

    def po_path(self, lang: str) -> Path:
        return self.folder / f"{lang}.po"

    @property
    def pot_path(self) -> Path:
        return self.folder / f"{self.domain}.pot"

    def edition_path(self, lang: str, suffix: str = "md") -> Path:
        return self.folder / f"{self.edition_name}.{lang}.{suffix}"

    def mo_path(self, lang: str) -> Path:
        return self.folder / f"{lang}.mo"

    @property
    def report_path(self) -> Path:
        return self.folder / REPORT_NAME

    def files(self, config: Config) -> list[Path]:
        """Every file a run of this article reads or writes (its fingerprint's material)."""
        inputs = [p for p in (config.path, config.glossary, self.glossary_path, self.seed) if p is not None]
        catalogs = [path for lang in config.target_langs for path in (self.po_path(lang), self.mo_path(lang))]
        editions = [self.edition_path(lang) for lang in config.languages]
        return [*inputs, self.pot_path, *catalogs, *editions, self.report_path]


def article_places(config: Config) -> list[ArticlePlace]:
    """One place per seed: the output folder itself for a single article, else its own folder."""
    own = {a.name: a.glossary for a in config.articles}
    single = len(config.seeds) == 1
    return [
        ArticlePlace(
            name=seed.stem,
            seed=seed,
            folder=config.output if single else config.output / seed.stem,
            edition_name=SINGLE_EDITION_NAME if single else seed.stem,
            domain=config.domain,
            glossary_path=own.get(seed.stem),
        )
        for seed in config.seeds
    ]
