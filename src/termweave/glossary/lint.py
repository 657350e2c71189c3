"""``termweave glossary lint``: problems a terminologist fixes before the glossary is used."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from termweave.glossary import FORBIDDEN_SUFFIX, TRUE_WORDS, Glossary, split_variants

APOSTROPHES = "'’ʼ"
# The apostrophe each language writes; Ukrainian orthography uses U+02BC.
PREFERRED_APOSTROPHE = {"uk": "ʼ"}


@dataclass(frozen=True)
class LintIssue:
    line: int
    severity: str  # "error" | "warning"
    rule: str
    message: str


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(f"[{APOSTROPHES}]", "ʼ", text)


def lint(glossary: Glossary, source_lang: str = "en", target_langs: tuple[str, ...] = ()) -> list[LintIssue]:
    issues: list[LintIssue] = []
    add = issues.append
    languages = glossary.languages
    required = [source_lang, *[t for t in target_langs if t in languages]]

    seen_ids: dict[str, int] = {}
    seen_variants: dict[tuple[str, str], tuple[str, int]] = {}
    apostrophes_used: dict[str, set[str]] = {}

    for line, row in glossary.rows:
        term_id = row.get("id", "").strip()
        dnt = row.get("dnt", "").strip().lower() in TRUE_WORDS
        if not term_id:
            add(LintIssue(line, "error", "empty-cell", "empty id"))
        elif term_id in seen_ids:
            add(LintIssue(line, "error", "duplicate-id", f"id {term_id!r} already on line {seen_ids[term_id]}"))
        else:
            seen_ids[term_id] = line
        for lang in required:
            if not split_variants(row.get(lang, "")) and not (dnt and lang != source_lang):
                add(LintIssue(line, "error", "empty-cell", f"{term_id}: empty {lang!r} cell"))

        for column, cell in row.items():
            issues.extend(_cell_issues(line, term_id, column, cell, languages, apostrophes_used))

        for lang in languages:
            issues.extend(_variant_issues(line, term_id, row, lang, seen_variants))

        if row.get("cldr", "").strip():
            issues.extend(_cldr_issues(line, term_id, row, languages))

    for lang, marks in apostrophes_used.items():
        if len(marks) > 1 and lang not in PREFERRED_APOSTROPHE:
            add(
                LintIssue(
                    glossary.rows[0][0] if glossary.rows else 1,
                    "error",
                    "apostrophe",
                    f"column {lang!r} mixes apostrophes {' '.join(sorted(marks))} across terms",
                )
            )
    return sorted(issues, key=lambda i: (i.line, i.rule))


def _variant_issues(
    line: int, term_id: str, row: dict[str, str], lang: str, seen: dict[tuple[str, str], tuple[str, int]]
) -> list[LintIssue]:
    """A variant both allowed and forbidden, or one another term already claims (``seen``: what
    the rows so far claim, updated)."""
    issues = []
    allowed = {_key(v): v for v in split_variants(row.get(lang, ""))}
    for variant in split_variants(row.get(lang + FORBIDDEN_SUFFIX, "")):
        if _key(variant) in allowed:
            message = f"{term_id}: {variant!r} is both allowed and forbidden in {lang!r}"
            issues.append(LintIssue(line, "error", "forbidden-allowed", message))
    for key, variant in allowed.items():
        if (lang, key) in seen and seen[(lang, key)][0] != term_id:
            other, other_line = seen[(lang, key)]
            message = f"{term_id}: {lang} variant {variant!r} also belongs to {other!r} (line {other_line})"
            issues.append(LintIssue(line, "error", "duplicate-variant", message))
        else:
            seen[(lang, key)] = (term_id, line)
    return issues


def _cell_issues(
    line: int, term_id: str, column: str, cell: str, languages: tuple[str, ...], apostrophes_used: dict[str, set[str]]
) -> list[LintIssue]:
    """One cell: NFC, stray whitespace, and in a language column repeated variants and apostrophes
    (the marks seen are added to ``apostrophes_used``, for the column-wide mix)."""
    found = []
    if cell != unicodedata.normalize("NFC", cell):
        found.append(LintIssue(line, "error", "not-nfc", f"{term_id}: column {column!r} is not NFC-normalised"))
    if cell != cell.strip() or "  " in cell or re.search(r"\s\||\|\s", cell) or "\t" in cell:
        found.append(LintIssue(line, "error", "whitespace", f"{term_id}: stray whitespace in column {column!r}"))
    if column in languages or column.endswith(FORBIDDEN_SUFFIX):
        lang = column.removesuffix(FORBIDDEN_SUFFIX)
        for variant in _repeated(split_variants(cell)):
            found.append(
                LintIssue(
                    line, "error", "repeated-variant", f"{term_id}: column {column!r} lists {variant!r} more than once"
                )
            )
        marks = {c for c in cell if c in APOSTROPHES}
        apostrophes_used.setdefault(lang, set()).update(marks)
        preferred = PREFERRED_APOSTROPHE.get(lang)
        wrong = marks - {preferred} if preferred else (marks if len(marks) > 1 else set())
        if wrong:
            found.append(
                LintIssue(
                    line,
                    "error",
                    "apostrophe",
                    f"{term_id}: column {column!r} uses {' '.join(sorted(wrong))}"
                    + (f"; write {preferred} (U+02BC)" if preferred else "; mixed apostrophes"),
                )
            )
    return found


def _repeated(variants: tuple[str, ...]) -> list[str]:
    """Variants that occur again later in the same cell (compared as the matcher does: case,
    normalisation and apostrophe style aside)."""
    seen: set[str] = set()
    repeated = []
    for variant in variants:
        key = _key(variant)
        if key in seen:
            repeated.append(variant)
        seen.add(key)
    return repeated


def cldr_name(code: str, lang: str) -> str | None:
    """CLDR's name, in ``lang``, of a territory (KP, UN) or a language (uk) code."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    if code.isupper() or code.isdigit():
        return locale.territories.get(code)
    return locale.languages.get(code)


def _cldr_issues(line: int, term_id: str, row: dict[str, str], languages: tuple[str, ...]) -> list[LintIssue]:
    code = row["cldr"].strip()
    issues = []
    note = _key(row.get("note", ""))
    for lang in languages:
        name = cldr_name(code, lang)
        if name is None:
            if lang == languages[0]:
                issues.append(LintIssue(line, "error", "cldr", f"{term_id}: CLDR knows no code {code!r}"))
                return issues
            continue
        listed = {_key(v) for column in (lang, lang + FORBIDDEN_SUFFIX) for v in split_variants(row.get(column, ""))}
        if _key(name) not in listed and _key(name) not in note:
            issues.append(
                LintIssue(
                    line,
                    "warning",
                    "cldr",
                    f"{term_id}: CLDR name for {code} in {lang!r} is {name!r}, neither used nor listed",
                )
            )
    return issues
