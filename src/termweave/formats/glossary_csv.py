"""The glossary CSV on disk: the term model (:class:`Term`, :class:`Glossary`), the reader
(:func:`load_glossary`), cell protection against spreadsheet formulas, and the writer.

CSV layout (UTF-8, RFC 4180): ``id`` plus one column per language code (``en``, ``uk``,
``ko``, ...), optional ``<lang>_forbidden`` columns, ``note``, and optional ``cldr`` (a CLDR
territory or language code) and ``dnt`` (do not translate). A cell may hold several variants
separated by ``|``, the first preferred, all in dictionary form.

A cell that a spreadsheet would evaluate (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is written with a leading apostrophe, as OWASP's CSV-injection guidance
recommends, and the CSV writer quotes any cell holding a comma, quote or line break. The
reader (:func:`unprotect_cell`, used by ``load_glossary``) removes exactly one such apostrophe,
so every value survives a write and a read unchanged -- a value that itself starts with
apostrophes before a formula character gets one more on the way out.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from termweave.config import CLDR_LANGUAGES
from termweave.errors import InputError
from termweave.fsutil import read_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PROTECTED = re.compile(r"^'+[=+\-@\t\r]")


def protect_cell(value: str) -> str:
    """``value`` as it is written: an apostrophe before a formula start (or before an apostrophe run that
    precedes one, so that reading it back is exact)."""
    if value.startswith(FORMULA_STARTS) or _PROTECTED.match(value):
        return "'" + value
    return value


def unprotect_cell(cell: str) -> str:
    """The value of a cell as written by :func:`protect_cell`."""
    return cell[1:] if _PROTECTED.match(cell) else cell


def csv_text(header: list[str], rows: list[dict[str, str]], newline: str = "\r\n") -> str:
    """The CSV text of ``rows`` (column -> value; a missing column is empty), every cell protected.
    RFC 4180 line ends by default, as the shipped glossary."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow([protect_cell(column) for column in header])
    for row in rows:
        writer.writerow([protect_cell(row.get(column, "")) for column in header])
    return out.getvalue()


def existing_newline(path: Path) -> str:
    """The line ending an existing CSV uses (kept on re-import), CRLF when unknown."""
    try:
        data = path.read_bytes()
    except OSError:
        return "\r\n"
    first = data.find(b"\n")
    return "\n" if first > 0 and data[first - 1 : first] != b"\r" else "\r\n"


def existing_header(path: Path) -> list[str] | None:
    """The header line of an existing glossary CSV, or None when there is none to follow."""
    try:
        first = read_text(path).splitlines()[0]
    except (InputError, IndexError):
        return None
    try:
        return [c.strip() for c in next(csv.reader([first]))]
    except (csv.Error, StopIteration):
        return None


# -- the term model and the reader ----------------------------------------------------------

VARIANT_SEPARATOR = "|"
META_COLUMNS = ("id", "note", "cldr", "dnt")
FORBIDDEN_SUFFIX = "_forbidden"
TRUE_WORDS = {"1", "yes", "true", "x", "y"}
_LANG_CODE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})?$")


@dataclass(frozen=True)
class Term:
    """One concept with its approved and forbidden renderings per language."""

    id: str
    line: int
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict)
    note: str = ""
    cldr: str = ""
    dnt: bool = False

    def allowed(self, lang: str, source_lang: str = "en") -> tuple[str, ...]:
        """Variants that satisfy the term in ``lang`` (the source form for do-not-translate)."""
        if self.dnt:
            # The same form in every language: fall back to the source's, then any column's.
            fallback = next((v for v in self.variants.values() if v), ())
            return self.variants.get(lang) or self.variants.get(source_lang) or fallback
        return self.variants.get(lang, ())

    def preferred(self, lang: str, source_lang: str = "en") -> str | None:
        allowed = self.allowed(lang, source_lang)
        return allowed[0] if allowed else None

    def banned(self, lang: str) -> tuple[str, ...]:
        return self.forbidden.get(lang, ())


@dataclass
class Glossary:
    path: Path
    terms: list[Term]
    languages: tuple[str, ...]
    columns: tuple[str, ...] = ()
    # Rows kept raw (line, cells) so the linter can report on what the loader tolerated.
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list, repr=False)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def get(self, term_id: str) -> Term | None:
        for term in self.terms:
            if term.id == term_id:
                return term
        return None

    def overlaid_by(self, own: Glossary) -> Glossary:
        """An article's glossary: its own terms, then this (the journal's) terms it does not
        override (same id: the article's wins)."""
        ids = {t.id for t in own.terms}
        languages = tuple(dict.fromkeys((*own.languages, *self.languages)))
        return replace(own, terms=[*own.terms, *(t for t in self.terms if t.id not in ids)], languages=languages)

    def for_pair(self, source_lang: str, target_lang: str) -> list[Term]:
        """Terms that can be triggered in ``source_lang`` and checked in ``target_lang``."""
        return [t for t in self.terms if t.variants.get(source_lang) and t.allowed(target_lang, source_lang)]


def split_variants(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split(VARIANT_SEPARATOR) if v.strip())


def is_language_column(name: str) -> bool:
    if name in META_COLUMNS or name.endswith(FORBIDDEN_SUFFIX) or not _LANG_CODE.match(name):
        return False
    if name in CLDR_LANGUAGES:
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def load_glossary(
    path: str | Path, required_languages: tuple[str, ...] | list[str] = ("en",), strict: bool = True
) -> Glossary:
    """Load and validate a glossary CSV.

    The header must have ``id`` and a column for each of ``required_languages`` (the first
    is the source language). With ``strict`` (the default, used by every command that relies
    on the glossary) a duplicate id or an empty source-language cell is an
    :class:`InputError`; the linter loads with ``strict=False`` and reports those itself.
    """
    path = Path(path)
    return parse_glossary(read_text(path), path, required_languages, strict)


def parse_glossary(
    text: str, path: Path, required_languages: tuple[str, ...] | list[str] = ("en",), strict: bool = True
) -> Glossary:
    """:func:`load_glossary` on text already read (or about to be written: ``glossary import``
    reads its result back with this before replacing the file)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = _read_header(reader, path, required_languages)
    languages = tuple(h for h in header if is_language_column(h))
    terms: list[Term] = []
    rows: list[tuple[int, dict[str, str]]] = []
    seen: dict[str, int] = {}
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(f"malformed CSV: {exc}", path, line) from None
        if not any(c.strip() for c in cells):
            continue
        cells = [unprotect_cell(c) for c in cells]
        if len(cells) != len(header):
            raise InputError(
                f"row has {len(cells)} fields, header has {len(header)} (unquoted comma or quote?)",
                path,
                line,
            )
        row = dict(zip(header, cells))
        rows.append((line, row))
        term_id = row["id"].strip()
        if strict:
            _check_row(row, term_id, seen, languages, required_languages[0], path, line)
        seen.setdefault(term_id, line)
        terms.append(_term(row, term_id, line, header, languages))
    return Glossary(path=path, terms=terms, languages=languages, columns=tuple(header), rows=rows)


def _read_header(reader, path: Path, required_languages: tuple[str, ...] | list[str]) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty glossary: expected a header line", path, 1) from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, 1) from None
    header = [unprotect_cell(h).strip() for h in header]
    missing = [c for c in ("id", *required_languages) if c not in header]
    if missing:
        raise InputError(
            f"header lacks column(s) {', '.join(missing)}; expected e.g. "
            + ",".join(["id", *required_languages, *(f"{t}_forbidden" for t in required_languages[1:]), "note"]),
            path,
            1,
        )
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise InputError(f"duplicate column(s) in header: {', '.join(duplicated)}", path, 1)
    return header


def _check_row(
    row: dict[str, str],
    term_id: str,
    seen: dict[str, int],
    languages: tuple[str, ...],
    source: str,
    path: Path,
    line: int,
) -> None:
    """What a strict load refuses: an empty or repeated id, a term without its source form."""
    if not term_id:
        raise InputError("empty id", path, line)
    if term_id in seen:
        raise InputError(f"duplicate id {term_id!r} (first on line {seen[term_id]})", path, line)
    is_dnt = row.get("dnt", "").strip().lower() in TRUE_WORDS
    has_any = any(split_variants(row[lang]) for lang in languages)
    if not split_variants(row[source]) and not (is_dnt and has_any):
        raise InputError(f"term {term_id!r}: empty {source!r} cell", path, line)


def _term(row: dict[str, str], term_id: str, line: int, header: list[str], languages: tuple[str, ...]) -> Term:
    return Term(
        id=term_id,
        line=line,
        variants={lang: split_variants(row[lang]) for lang in languages},
        forbidden={
            col[: -len(FORBIDDEN_SUFFIX)]: split_variants(row[col]) for col in header if col.endswith(FORBIDDEN_SUFFIX)
        },
        note=row.get("note", "").strip(),
        cldr=row.get("cldr", "").strip(),
        dnt=row.get("dnt", "").strip().lower() in TRUE_WORDS,
    )
