"""The author's own translation of an abstract: authoritative, used as the reviewed translation.

A journal page by a Ukrainian author may carry the author's Ukrainian title and abstract beside
the English. Such a page (a seed in the target language) is declared in ``termweave.toml``::

    [[author_translation]]
    seed = "seeds/alliance-of-villains.uk.txt"
    lang = "uk"
    of = "seeds/alliance-of-villains.txt"  # the source seed it translates; optional with one seed

Its title, keywords and abstract sentences are aligned with the source seed's segments (same
id: paragraph by paragraph, sentence by sentence where the counts agree) and written into the
target catalog as reviewed translations when the catalogs are updated (``pipeline.update``),
with a translator comment naming the file and line; the MT drafts then skip them (they are
translated and not fuzzy). A reviewed translation that
differs is not lost: it is kept in the translator comment, in lines that give it back exactly
when joined with one space. What cannot be aligned (a paragraph
split into a different number of sentences) is left to the translator and reported.
The check ``author-terms`` compares the terminology of the rest of the catalog with the
author's choices (:func:`author_variants`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from termweave.catalog.identity import Key, entry_key, key_of
from termweave.config import Config, load_author_seeds
from termweave.formats.po import Catalog
from termweave.segment import Document, Segment, parse_seed

COMMENT_PREFIX = "author's translation: "
REPLACED_HEAD = "replaced by the author's translation, was (lines joined with one space):"
REPLACED_LINE = "| "
COMMENT_WIDTH = 70  # under the PO wrap width, so no line is re-wrapped (which would lose hyphens)
ALIGNED_KINDS = ("title", "keywords", "sentence")


@dataclass(frozen=True)
class AuthorText:
    msgid: str  # the source segment's text
    text: str  # the author's translation of it
    path: Path
    line: int | None


@dataclass
class AuthorTranslations:
    """Per (source seed, target language): message key (msgctxt, msgid) -> the author's text;
    and what could not be aligned."""

    texts: dict[tuple[Path, str], dict[Key, AuthorText]]
    unaligned: list[str]


def collect_author_translations(config: Config, documents: dict[Path, Document]) -> AuthorTranslations:
    """Parse each author's seed and align it with its source document (``documents``: by seed)."""
    result = AuthorTranslations({}, [])
    for author in load_author_seeds(config):
        seed = author.of or config.seeds[0]
        source = documents.get(seed) or parse_seed(seed, config.source_lang)
        translated = parse_seed(author.seed, author.lang)
        aligned, notes = align(source, translated)
        result.unaligned += [f"{author.name}: {note}" for note in notes]
        texts = result.texts.setdefault((seed, author.lang), {})
        for segment in source.segments:
            if segment.id in aligned:
                theirs = aligned[segment.id]
                texts[key_of(segment)] = AuthorText(segment.text, theirs.text, Path(author.name), theirs.line)
    return result


def align(source: Document, translated: Document) -> tuple[dict[str, Segment], list[str]]:
    """Source segment id -> the author's segment: title and keywords by id; sentences where the
    paragraph counts agree and, within a paragraph, the sentence counts do."""
    by_id = {s.id: translated.get(s.id) for s in source.segments if s.kind in ("title", "keywords")}
    aligned = {k: v for k, v in by_id.items() if v is not None}
    ours, theirs = source.paragraphs(), translated.paragraphs()
    if len(ours) != len(theirs):
        return aligned, [
            f"{len(theirs)} abstract paragraphs against the source's {len(ours)}: "
            "the abstract is left to the translator"
        ]
    notes = []
    for number, (mine, other) in enumerate(zip(ours, theirs), 1):
        if len(mine) != len(other):
            notes.append(
                f"paragraph {number}: {len(other)} sentence(s) against the source's {len(mine)}: left to the translator"
            )
            continue
        aligned.update({a.id: b for a, b in zip(mine, other)})
    return aligned, notes


def apply_to_catalog(catalog: Catalog, texts: dict[Key, AuthorText]) -> int:
    """Write the author's texts into ``catalog`` as reviewed translations; returns how many
    entries changed. A different reviewed translation is kept in the translator comment."""
    changed = 0
    for message in catalog.live:
        author = texts.get(entry_key(message))
        if author is None or message.msgid_plural is not None:
            continue
        comment = [line for line in message.translator_comments if not line.startswith(COMMENT_PREFIX)]
        if message.msgstr and message.msgstr != author.text and not message.fuzzy:
            comment += [REPLACED_HEAD, *(REPLACED_LINE + line for line in _comment_lines(message.msgstr))]
        where = f"{author.path.as_posix()}:{author.line}" if author.line else author.path.as_posix()
        comment.append(COMMENT_PREFIX + where)
        if message.msgstr == author.text and not message.fuzzy and message.translator_comments == comment:
            continue
        message.msgstr = author.text
        message.translator_comments = comment
        message.set_fuzzy(False)
        message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
        changed += 1
    return changed


def _comment_lines(text: str) -> list[str]:
    """``text`` in lines of at most COMMENT_WIDTH characters, broken only at single spaces, so
    that joining them with one space gives ``text`` back (a run of spaces stays inside a line;
    a line break, rare in a translation, is written as ``\\n``)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and word and lines[-1] and len(lines[-1]) + 1 + len(word) <= COMMENT_WIDTH:
            lines[-1] += " " + word
        elif lines and (not word or not lines[-1]):
            lines[-1] += " " + word  # keep a run of spaces inside one line
        else:
            lines.append(word)
    return [line.replace("\n", "\\n") for line in lines]


def apply_author_translations(
    config: Config, catalogs: dict[tuple[Path, str], Catalog], documents: dict[Path, Document], warn=None
) -> int:
    """Write every author's translation into the merged catalogs (by source seed and language,
    before anything is saved); ``warn`` gets what could not be aligned. Returns the entries changed."""
    found = collect_author_translations(config, documents)
    for note in found.unaligned:
        if warn is not None:
            warn(f"author's translation: {note}")
    return sum(apply_to_catalog(catalogs[key], texts) for key, texts in found.texts.items() if key in catalogs)


def author_texts(config: Config, documents: dict[Path, Document] | None = None) -> dict[str, dict[Key, str]]:
    """lang -> message key -> the author's text: what the check compares terminology against
    (empty, and no seed read, when termweave.toml declares no author's translation)."""
    if not load_author_seeds(config):
        return {}
    found = collect_author_translations(config, documents or {})
    merged: dict[str, dict[Key, str]] = {}
    for (_seed, lang), texts in found.texts.items():
        merged.setdefault(lang, {}).update({key: t.text for key, t in texts.items()})
    return merged
