"""Read a PO catalog into :class:`Entry` (= ``formats.po.Message``) objects for the checks.

Bad input ends the run with an :class:`~termweave.errors.InputError` naming the file and the
line: a file that is not UTF-8 or does not parse, a missing or unknown ``Language`` header.
Obsolete (``#~``) entries and the header are dropped by the reader, so no check ever sees them.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
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
    nplurals: int | None = None  # from the Plural-Forms header; None when it has none
    plural: str | None = None  # the header's plural expression (C syntax), e.g. "(n != 1)"
    plural_line: int = 0  # line of the Plural-Forms header

    def single_number_forms(self) -> frozenset[int]:
        """Plural forms the header's formula uses for exactly one n (0..999), e.g. English "one".

        msgfmt lets such a form leave out the number's directive ("One item" for n == 1).
        """
        return _single_number_forms(self.plural, self.nplurals)


def base_language(code: str) -> str:
    return code.replace("-", "_").split("_")[0].split("@")[0].lower()


def load_catalog(path: str | Path, source_lang: str | None = None, text: str | None = None) -> Catalog:
    """Parse ``path`` (or ``text``, its content when the caller has read it already); the source
    language is ``source_lang``, else the ``X-Source-Language`` header, else English."""
    path = path if isinstance(path, Path) else Path(path)
    text = read_text(path) if text is None else text
    po = parse_po(text, path)
    header = dict(po.header_fields)
    header_line = po.header.line if po.header is not None else 0
    entries = po.live
    language = header.get("Language", "").strip()
    if not language:
        raise InputError(
            "missing 'Language' header (expected e.g. \"Language: uk\\n\" in the header entry)",
            path,
            _header_line(text, "Language") or header_line or 1,
        )
    check_language(language, path, _header_line(text, "Language"))
    header_source = header.get("X-Source-Language", "").strip()
    if source_lang is None and header_source:
        check_language(header_source, path, _header_line(text, "X-Source-Language"))
    source = base_language(source_lang or header_source or "en")
    nplurals, plural = _plural_forms(header.get("Plural-Forms", ""))
    return Catalog(
        path=path,
        language=base_language(language),
        source_lang=source,
        entries=entries,
        nplurals=nplurals,
        plural=plural,
        plural_line=_header_line(text, "Plural-Forms") or 0,
    )


HEADER_LINES = 80  # where a header's line is looked for
_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")
_PLURAL_RE = re.compile(r"plural\s*=\s*([^;]+)")


def _plural_forms(value: str) -> tuple[int | None, str | None]:
    count = _NPLURALS_RE.search(value)
    formula = _PLURAL_RE.search(value)
    return (int(count.group(1)) if count else None), (formula.group(1).strip() if formula else None)


@lru_cache(maxsize=32)
def _single_number_forms(plural: str | None, nplurals: int | None) -> frozenset[int]:
    if not plural or not nplurals:
        return frozenset()
    try:
        choose = gettext.c2py(plural)
        uses: dict[int, int] = {}
        for n in range(1000):
            form = choose(n)
            uses[form] = uses.get(form, 0) + 1
    except (ValueError, SyntaxError, ZeroDivisionError, RecursionError):
        return frozenset()  # an unreadable formula: every form strict
    return frozenset(form for form, count in uses.items() if count == 1)


def _header_line(text: str, key: str) -> int | None:
    """The number of the first of the first 80 lines that opens (after blanks) with '"key:'."""
    needle = f'"{key}:'
    at = text.find(needle)
    while at != -1:
        number = text.count("\n", 0, at) + 1
        if number > HEADER_LINES:
            return None
        if not text[text.rfind("\n", 0, at) + 1 : at].strip():  # (a needle further in a line: the next one)
            return number
        at = text.find(needle, at + 1)
    return None
