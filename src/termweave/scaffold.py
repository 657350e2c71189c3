"""``termweave init [DIR] [--from PAGE.txt]``: a working project skeleton.

Writes ``termweave.toml`` (commented), ``seeds/`` with the scraped page (``--from``) or a short
example page, and ``glossary/terms.csv`` with the header for the chosen languages. The page is
segmented before anything is written, so a page termweave cannot read is refused with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from termweave.config import CONFIG_NAME, check_language
from termweave.errors import InputError
from termweave.fsutil import atomic_write_bytes, read_text
from termweave.lang.labels import LABELS
from termweave.segment import parse_seed_text

EXAMPLE_NAME = "example"
EXAMPLE_PAGE = """\
Tidal wetlands as carbon stores: a survey of the Dnipro estuary
DOI: https://doi.org/10.5281/zenodo.0000000
Keywords: tidal wetlands, carbon storage, estuary
Abstract
This example page shows the layout termweave reads: the title, the DOI, the keywords and the abstract.
Replace it with a scraped article page, or start with `termweave init --from PAGE.txt`.
Copyright (c) 2026 The Authors
This work is licensed under a Creative Commons Attribution 4.0 International License.
"""

CONFIG_TEMPLATE = """\
# termweave project: every seed is one article; its editions go to {output}/.
[termweave]
# The scraped article pages, one file each (the file name names the article).
seeds = ["seeds/*.txt"]
# The language the pages are written in, and the languages to publish.
source_lang = "{source}"
target_langs = [{targets}]
# The journal glossary: one row per term, one column per language.
glossary = "glossary/terms.csv"
# Catalogs, editions and the review page.
output = "{output}"

# An article may add its own glossary; its terms override the journal's (same id).
# [articles.ARTICLE-NAME]
# glossary = "glossary/ARTICLE-NAME.csv"
"""


@dataclass(frozen=True)
class Skeleton:
    root: Path
    files: dict[Path, bytes]


def article_name(page: Path) -> str:
    """A file name for the page: its stem, lower-case, runs of other characters as '-'."""
    name = re.sub(r"[^0-9a-z]+", "-", page.stem.lower()).strip("-")
    return name or "article"


def page_language(text: str, page: Path) -> str:
    """The language whose page labels read the page best: its keywords label found and the fewest
    lines left to the abstract (a page read with another language's labels takes its keywords line
    and page chrome for sentences). English when no language finds the keywords label (then the
    English reading reports what is wrong with the page)."""
    readings = []
    for lang in sorted(LABELS, key=lambda code: code != "en"):
        try:
            kinds = [segment.kind for segment in parse_seed_text(text, page, lang).segments]
        except InputError:
            continue
        if "keywords" in kinds:
            readings.append((-kinds.count("sentence"), lang))
    return max(readings, key=lambda reading: reading[0])[1] if readings else "en"


def default_targets(source: str) -> tuple[str, ...]:
    """Every language termweave knows page labels for, but the source."""
    return tuple(lang for lang in ("en", "uk", "ko") if lang != source)


def glossary_header(source: str, targets: tuple[str, ...]) -> str:
    return ",".join(["id", source, *targets, *(f"{t}_forbidden" for t in targets), "note"]) + "\n"


def plan(
    root: Path,
    source: str | None,
    targets: tuple[str, ...] | None,
    page: Path | None,
    output: str = "translations",
) -> Skeleton:
    """The files ``init`` would write, validated; raises InputError (nothing written).
    ``source`` None: the page's language (English without a page); ``targets`` None: the other
    languages termweave knows."""
    if (root / CONFIG_NAME).exists():
        raise InputError(
            f"already a termweave project; add an article by copying its page into {root / 'seeds'}/",
            root / CONFIG_NAME,
        )
    if source is None:
        source = page_language(read_text(page), page) if page is not None else "en"
    if targets is None:
        targets = default_targets(source)
    check_language(source)
    for target in targets:
        check_language(target)
    twice = sorted({t for t in (source, *targets) if (source, *targets).count(t) > 1})
    if twice:
        raise InputError(f"language {twice[0]!r} given twice")
    if page is not None:
        text = read_text(page)
        parse_seed_text(text, page, source)  # refuse a page termweave cannot read, with its line
        seed, content = root / "seeds" / f"{article_name(page)}.txt", page.read_bytes()
    else:
        seed, content = root / "seeds" / f"{EXAMPLE_NAME}.txt", EXAMPLE_PAGE.encode("utf-8")
    config = CONFIG_TEMPLATE.format(source=source, targets=", ".join(f'"{t}"' for t in targets), output=output)
    files = {root / CONFIG_NAME: config.encode("utf-8"), seed: content}
    glossary = root / "glossary" / "terms.csv"
    if not glossary.exists():
        files[glossary] = glossary_header(source, targets).encode("utf-8")
    for path in files:
        if path.exists() and path != glossary:
            raise InputError("already exists; init writes only new files", path)
    return Skeleton(root, files)


def write_skeleton(skeleton: Skeleton) -> list[Path]:
    for path, data in skeleton.files.items():
        atomic_write_bytes(path, data)
    return list(skeleton.files)
