"""Checks of an entry's structure: format directives by flag, placeholders without one, plural forms.

``format`` does what ``msgfmt -c --check-format`` does for the formats in
:data:`termweave.check.formats.PARSERS`; ``placeholders`` is its heuristic cousin for entries
with no format flag (a warning: the text may not be a format string at all); ``plurals``
compares the number of ``msgstr[n]`` with the header's ``nplurals``.
"""

from __future__ import annotations

from collections.abc import Sequence

from termweave.check.catalog import Entry
from termweave.check.context import EntryContext
from termweave.check.formats import (
    FormatError,
    compare,
    compare_guessed,
    format_flags,
    guess_directives,
    has_format_flag,
    may_hold_placeholder,
    same_arguments,
)
from termweave.check.registry import Check, register
from termweave.check.report import Finding


def _forms(ctx: EntryContext) -> list[tuple[str, str, str, int]]:
    """(label, source, translation, form index) of every non-empty translation of the entry.

    Every plural form is checked against ``msgid_plural``, as msgfmt does (msgstr[0] of a
    Ukrainian catalog also serves 21, 31, ...).
    """
    entry = ctx.entry
    if entry.msgid_plural is None:
        return [("msgstr", entry.msgid, entry.msgstr, -1)] if entry.msgstr else []
    return [(f"msgstr[{i}]", entry.msgid_plural, text, i) for i, text in enumerate(entry.msgstr_plural) if text]


@register
class FormatDirectives(Check):
    """format: the translation's format directives do not match the source's, by the entry's
    flag (``c-format``, ``python-format``, ``python-brace-format``, ...), as ``msgfmt -c`` says.

    A directive the source lacks, a changed type (``%(n)s`` for ``%(n)d``), a dropped one, or
    unnamed directives whose types come in another order. A plural form that the header's
    formula uses for a single number may drop the number ("One item"), as msgfmt allows.
    """

    id = "format"
    name = "Format directives differ"
    severity = "error"
    entry_level = True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.entry.flags]  # (most entries have none)

    def check(self, ctx: EntryContext) -> list[Finding]:
        formats = format_flags(ctx.entry.flags) if ctx.entry.flags else None
        if not formats or _same_directives(ctx, formats):
            return []
        findings = []
        plural = ctx.entry.msgid_plural is not None
        single = None  # the plural forms that may drop the number: worked out (1,000 n) only when asked
        directives = ctx.res.directives
        for fmt in formats:
            for label, source, translation, form in _forms(ctx):
                try:
                    wanted = directives(fmt, source)
                except FormatError as problem:
                    findings.append(ctx.finding(self, f"the source is no valid {fmt} string: {problem}"))
                    break
                try:
                    found = directives(fmt, translation)
                except FormatError as problem:
                    findings.append(ctx.finding(self, f"{label}: no valid {fmt} string: {problem}"))
                    continue
                if same_arguments(wanted, found):
                    continue
                if single is None:
                    single = ctx.catalog.single_number_forms() if plural else frozenset()
                for diff in compare(wanted, found, strict=form not in single):
                    where = f"{label}: " if plural else ""
                    findings.append(
                        ctx.finding(self, f"{where}{diff.message} ({fmt})", span=diff.span, msgstr=translation)
                    )
        return findings


def _same_directives(ctx: EntryContext, formats: list[str]) -> bool:
    """The usual entry, settled before the loop of FormatDirectives.check: one format, one msgstr,
    empty or with the same arguments as the msgid (where this says False, the loop decides)."""
    entry = ctx.entry
    if entry.msgid_plural is not None or len(formats) != 1:
        return False
    if not entry.msgstr:
        return True  # no form to check (_forms)
    directives = ctx.res.directives
    try:
        return same_arguments(directives(formats[0], entry.msgid), directives(formats[0], entry.msgstr))
    except FormatError:
        return False


@register
class Placeholders(Check):
    """placeholders: an entry without a format flag whose translation loses or adds a placeholder
    that cannot be prose: ``%(name)s``, ``%s``, ``{name}``, ``{0}``, ``{{ var }}``, ``${var}``, ``%1``.

    A warning: without a flag nobody said the text is a format string. Entries with a format
    flag (or ``no-…-format``) are left to ``format``.
    """

    id = "placeholders"
    name = "Placeholders differ"
    severity = "warning"
    entry_level = True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if _may_differ(ctx.entry)]

    def check(self, ctx: EntryContext) -> list[Finding]:
        entry = ctx.entry
        if not _may_differ(entry):
            return []  # the usual entry: no character a placeholder starts with (or a format flag)
        findings = []
        for label, source, translation, _form in _forms(ctx):
            wanted = guess_directives(source)
            found = guess_directives(translation)
            if not wanted and not found:
                continue
            for diff in compare_guessed(wanted, found):
                where = f"{label}: " if ctx.entry.msgid_plural is not None else ""
                findings.append(ctx.finding(self, where + diff.message, span=diff.span, msgstr=translation))
        return findings


def _may_differ(entry: Entry) -> bool:
    """Can placeholders find anything in ``entry``? Not with a format flag (format's business), nor
    in a singular entry without a character a placeholder starts with."""
    if entry.flags and has_format_flag(entry.flags):
        return False
    return entry.msgid_plural is not None or may_hold_placeholder(entry.msgid) or may_hold_placeholder(entry.msgstr)


@register
class PluralForms(Check):
    """plurals: a plural entry whose number of ``msgstr[n]`` is not the header's ``nplurals``
    (or a catalog with plural entries and no ``Plural-Forms`` header)."""

    id = "plurals"
    name = "Plural forms"
    severity = "error"
    entry_level = True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.entry.msgid_plural is not None]

    def check(self, ctx: EntryContext) -> list[Finding]:
        entry = ctx.entry
        if entry.msgid_plural is None:
            return []
        wanted = ctx.catalog.nplurals
        if wanted is None:
            return [ctx.finding(self, "plural entry, but the header has no Plural-Forms with nplurals")]
        if len(entry.msgstr_plural) != wanted:
            return [ctx.finding(self, f"{len(entry.msgstr_plural)} plural forms; the header says nplurals={wanted}")]
        return []
