"""Checks of an entry's state and of a translation left as its source: untranslated, fuzzy,
unchanged (registered right after termweave.check.checks: the registry's order is theirs)."""

from __future__ import annotations

from collections.abc import Sequence

from termweave.check.context import EntryContext
from termweave.check.registry import Check, register
from termweave.check.report import Finding


@register
class Untranslated(Check):
    """untranslated: the entry has no translation (an empty msgstr, or an empty plural form)."""

    id = "untranslated"
    name = "Not translated"
    severity = "error"
    entry_level = True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        # An empty first translation (msgstr, msgstr[0]) is untranslated; a filled msgstr is
        # translated; only a plural entry with a filled msgstr[0] asks its other forms.
        return [
            i
            for i, ctx in enumerate(contexts)
            if not ctx.translation or (ctx.entry.msgid_plural is not None and not ctx.entry.translated)
        ]

    def check(self, ctx: EntryContext) -> list[Finding]:
        return [] if ctx.entry.translated else [ctx.finding(self, "no translation")]


@register
class Fuzzy(Check):
    """fuzzy: the entry carries the ``fuzzy`` flag (a draft that needs review)."""

    id = "fuzzy"
    name = "Fuzzy"
    severity = "error"
    entry_level = True

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.entry.flags]  # (most entries have none)

    def check(self, ctx: EntryContext) -> list[Finding]:
        return [ctx.finding(self, "marked fuzzy: needs review")] if ctx.entry.fuzzy else []


@register
class Unchanged(Check):
    """unchanged: the translation is identical to the source.

    Not reported for the copyright line (identical by rule), for sources with no letters
    outside URLs/DOIs/e-mail addresses, or whose letters all belong to do-not-translate terms.
    """

    id = "unchanged"
    name = "Identical to source"
    severity = "warning"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if ctx.translation == ctx.source]

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.translation != ctx.source or ctx.is_copyright:
            return []
        spans = [(s.start, s.end) for s in ctx.protected_source] + ctx.dnt_source_spans
        if not ctx.letters_outside(ctx.source, spans):
            return []
        return [ctx.finding(self, "the translation is identical to the source")]
