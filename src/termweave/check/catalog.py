"""Read a PO catalog into :class:`Entry` (= ``formats.po.Message``) objects for the checks.

Bad input ends the run with an :class:`~termweave.errors.InputError` naming the file and the
line: a file that is not UTF-8 or does not parse, a missing or unknown ``Language`` header.
Obsolete (``#~``) entries and the header are dropped by the reader, so no check ever sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termweave.config import check_language
from termweave.errors import InputError
from termweave.formats.po import Message as Entry
from termweave.formats.po import parse_po
from termweave.fsutil import read_text

__all__ = ["Catalog", "Entry", "base_language", "load_catalog"]


@dataclass
class Catalog:
    path: Path
    language: str  # the target language (base code: "uk" for "uk_UA")
    source_lang: str
    entries: list[Entry] = field(default_factory=list)


def base_language(code: str) -> str:
    return code.replace("-", "_").split("_")[0].split("@")[0].lower()


def load_catalog(path: str | Path, source_lang: str | None = None) -> Catalog:
    """Parse ``path``; the source language is ``source_lang``, else the ``X-Source-Language``
    header, else English."""
    path = Path(path)
    text = read_text(path)
    po = parse_po(text, path)
    header = dict(po.header_fields)
    header_line = po.header.line if po.header is not None else 0
    entries = po.live
    lines = text.split("\n", 80)[:80]
    language = header.get("Language", "").strip()
    if not language:
        raise InputError(
            "missing 'Language' header (expected e.g. \"Language: uk\\n\" in the header entry)",
            path,
            _header_line(lines, "Language") or header_line or 1,
        )
    check_language(language, path, _header_line(lines, "Language"))
    header_source = header.get("X-Source-Language", "").strip()
    if source_lang is None and header_source:
        check_language(header_source, path, _header_line(lines, "X-Source-Language"))
    source = base_language(source_lang or header_source or "en")
    return Catalog(path=path, language=base_language(language), source_lang=source, entries=entries)


def _header_line(lines: list[str], key: str) -> int | None:
    needle = f'"{key}:'
    for number, line in enumerate(lines, 1):
        if line.lstrip().startswith(needle):
            return number
    return None
