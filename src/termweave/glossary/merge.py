"""``glossary import``: fold the terms of a TBX file into the glossary CSV by id.

Merging (the default) keeps every term of the CSV; a TBX term with a new id is appended; for a
known id each cell the TBX fills replaces the CSV's when it differs (a changed preferred
variant, a new admitted or forbidden one, a note), and every such cell is reported. A cell the
TBX leaves empty never erases one: tools that export a glossary for one language pair, or drop
deprecated terms (Weblate, ``po2tbx``), must not wipe the other languages or the forbidden
variants. ``replace`` makes the CSV hold exactly the TBX's terms, reporting what that drops.
Columns the importer does not know (a team's own ``source`` or ``status``) are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from termweave.errors import InputError
from termweave.formats.glossary_csv import csv_text
from termweave.glossary import (
    FORBIDDEN_SUFFIX,
    TRUE_WORDS,
    VARIANT_SEPARATOR,
    Glossary,
    Term,
    is_language_column,
    parse_glossary,
    split_variants,
)

if TYPE_CHECKING:
    from termweave.formats.tbx import TbxGlossary

_META = ("note", "cldr", "dnt")


@dataclass(frozen=True)
class CellChange:
    term_id: str
    column: str
    old: str
    new: str


@dataclass
class ImportPlan:
    """What ``glossary import`` writes, and what it changes in the CSV."""

    header: list[str]
    rows: list[dict[str, str]]
    added: list[str]  # ids new to the CSV
    changed: list[CellChange]  # cells of known ids whose value the import changes
    kept: list[str]  # ids of the CSV the TBX does not hold: kept when merging
    dropped: list[str]  # the same ids when replacing: gone


def term_row(term: Term) -> dict[str, str]:
    """The CSV cells a term fills."""
    row = {"id": term.id, "note": term.note, "cldr": term.cldr, "dnt": "yes" if term.dnt else ""}
    row.update({lang: VARIANT_SEPARATOR.join(values) for lang, values in term.variants.items()})
    row.update({lang + FORBIDDEN_SUFFIX: VARIANT_SEPARATOR.join(values) for lang, values in term.forbidden.items()})
    return row


def same_cell(column: str, old: str, new: str) -> bool:
    """Equal as the glossary reads them: variant lists, a stripped note, a yes/no mark."""
    if column == "dnt":
        return (old.strip().lower() in TRUE_WORDS) == (new.strip().lower() in TRUE_WORDS)
    if column in ("note", "cldr", "id"):
        return old.strip() == new.strip()
    return split_variants(old) == split_variants(new)


def plan_import(
    imported: TbxGlossary,
    existing: Glossary | None,
    source_lang: str,
    target_langs: tuple[str, ...],
    replace: bool = False,
) -> ImportPlan:
    header = csv_header(imported, source_lang, target_langs, list(existing.columns) if existing else None)
    old_rows = {row["id"].strip(): row for _, row in existing.rows} if existing else {}
    imported_ids = {term.id for term in imported.terms}
    missing = [term_id for term_id in old_rows if term_id not in imported_ids]
    plan = ImportPlan(header, [], [], [], [] if replace else missing, missing if replace else [])
    if not replace:
        plan.rows = [dict(row) for row in old_rows.values()]
    by_id = {row["id"].strip(): row for row in plan.rows}
    for term in imported.terms:
        new = term_row(term)
        old = old_rows.get(term.id)
        if old is None:
            plan.added.append(term.id)
            plan.rows.append(new)
            continue
        if replace:
            columns = [c for c in header if c != "id"]
            plan.rows.append(new)
        else:
            columns = [c for c in header if c != "id" and new.get(c, "").strip()]
            new = by_id[term.id]
            new.update({c: term_row(term)[c] for c in columns})
        for column in columns:
            if not same_cell(column, old.get(column, ""), new.get(column, "")):
                plan.changed.append(CellChange(term.id, column, old.get(column, ""), new.get(column, "")))
    return plan


def render_plan(plan: ImportPlan, newline: str, source_lang: str, output, tbx_path) -> str:
    """The CSV text of ``plan``, read back with the glossary loader before anything is written."""
    text = csv_text(plan.header, plan.rows, newline)
    try:
        parse_glossary(text, output, (source_lang,), strict=True)
    except InputError as exc:
        raise InputError(
            f"importing it would make {output} unreadable (line {exc.line}: {exc.message}); nothing written", tbx_path
        ) from None
    return text


def csv_header(
    imported: TbxGlossary, source_lang: str, target_langs: tuple[str, ...], existing: list[str] | None = None
) -> list[str]:
    """Columns for the imported terms: the existing file's columns (all of them, in their order)
    with any new language, forbidden or meta column slotted in; else ``id``, languages (source,
    targets, others), ``<lang>_forbidden`` (targets, and any other language with forbidden terms),
    ``note``, then ``cldr`` and ``dnt`` when used."""
    languages = [source_lang, *target_langs]
    languages += [lang for lang in imported.languages if lang not in languages]
    forbidden_langs = [
        lang for lang in languages if (lang in target_langs or any(t.forbidden.get(lang) for t in imported.terms))
    ]
    wanted_forbidden = [lang + FORBIDDEN_SUFFIX for lang in forbidden_langs]
    meta = ["note"] + [c for c in ("cldr", "dnt") if any(getattr(t, c) for t in imported.terms)]
    if not existing:
        return ["id", *languages, *wanted_forbidden, *meta]

    header = list(existing)
    if "id" not in header:
        header.insert(0, "id")

    def insert_after(predicate, column: str) -> None:
        positions = [i for i, c in enumerate(header) if predicate(c)]
        header.insert((positions[-1] + 1) if positions else len(header), column)

    def is_language(column: str) -> bool:
        return column == "id" or column in languages or is_language_column(column)

    for lang in languages:
        if lang not in header:
            insert_after(is_language, lang)
    for column in wanted_forbidden:
        if column not in header:
            insert_after(lambda c: c.endswith(FORBIDDEN_SUFFIX) or is_language(c), column)
    for column in meta:
        if column not in header:
            header.append(column)
    return header
