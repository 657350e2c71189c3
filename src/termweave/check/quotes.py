"""The quotes check: each language's quotation marks (termweave.lang.quotes: CLDR with house rules)."""

from __future__ import annotations

import re

from termweave.check.context import EntryContext
from termweave.check.registry import Check, register
from termweave.check.report import Finding
from termweave.lang import language
from termweave.lang.detect import language_name

# What counts as a quotation mark at all (each language's own: termweave.lang.quotes).
_QUOTE_CHARS = "\"'«»„“”‘’‚‹›「」『』"
_QUOTE_RE = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")


@register
class Quotes(Check):
    """quotes: quotation marks that are not the language's.

    Ukrainian: «…», and „…“ nested inside «…»; anything else (straight quotes, “…”, ‘…’)
    is reported. Korean: ‘…’ and “…” (and the title brackets 「」『』); straight ASCII quotes,
    «» and „ are reported. An apostrophe between two letters (м’яч, DPRK’s) is no quotation
    mark. Other languages: CLDR's quotation marks and alternate marks (German „…“ ‚…‘, French «…»);
    a language without CLDR delimiters in :mod:`termweave.lang.quotes` is not checked.
    """

    id = "quotes"
    name = "Quotation marks"
    severity = "warning"
    needs = _QUOTE_RE

    def check(self, ctx: EntryContext) -> list[Finding]:
        if not _QUOTE_RE.search(ctx.translation):
            return []
        text = ctx.translation_prose  # quotes of HTML attributes and code literals are not prose
        if not _QUOTE_RE.search(text):
            return []
        style = language(ctx.lang).quotes
        if style is None:
            return []
        described, allowed, nested = style.described, style.allowed, style.nested
        depth = 0
        for m in _QUOTE_RE.finditer(text):
            ch, at = m.group(), m.start()
            if ch in "'’‘" and 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha():
                continue  # an apostrophe
            if ch == "«":
                depth += 1
            elif ch == "»":
                depth = max(0, depth - 1)
            if ch in allowed or (ch in nested and depth > 0):
                continue
            return [
                ctx.finding(
                    self,
                    f"quotation mark {ch} is not {language_name(ctx.lang)} style (use {described})",
                    span=(at, at + 1),
                )
            ]
        return []
