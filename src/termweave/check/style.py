"""House-style checks (warnings): Korean number ranges, Ukrainian euphony, the rest of a
language's ``[house_style.<lang>]`` settings (spaced dash, ranges, keywords' final period), and
terminology against the author's own translation (``[[author_translation]]``).

Both flag only what a rule decides by letters alone; anything that needs the ear (a pause not
marked by punctuation, a contrast, a consonant cluster) is left to the reviser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from termweave.check.catalog import Catalog
from termweave.check.context import EntryContext, Resources
from termweave.check.registry import Check, register
from termweave.check.report import Finding
from termweave.lang.house_style import DASHES, keywords_with_period
from termweave.lang.uk_euphony import ONE_LETTER_WORD_RE, euphony_issues
from termweave.patterns import find_protected

# A dash between two digits: en dash, em dash, figure dash, horizontal bar. The hyphen-minus
# is left alone: 한글 맞춤법 (부록, 문장 부호) admits the 붙임표 "-" for a range beside "~".
KO_RANGE_RE = re.compile(r"(?<=\d)\s?[\u2012\u2013\u2014\u2015~]\s?(?=\d)")
_RANGE_MARK_RE = re.compile("[\u2012\u2013\u2014\u2015~]")  # KO_RANGE_RE needs one (a cheap test first)


@register
class KoreanRange(Check):
    """ko-range: a number range written with a dash in Korean (2024–2025년); house style is
    the 물결표 ``~`` (2024~2025년; ``range`` in ``[house_style.ko]``, "" turns it off). Digits
    inside URLs and DOIs are not ranges."""

    id = "ko-range"
    name = "Korean range mark"
    severity = "warning"
    needs = _RANGE_MARK_RE

    def applies(self, catalog: Catalog, resources: Resources) -> bool:
        return catalog.language.split("_")[0] == "ko"

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.lang.split("_")[0] != "ko":
            return []
        return range_findings(self, ctx, ctx.res.house_style(ctx.lang).range)


def range_findings(check: Check, ctx: EntryContext, wanted: str) -> list[Finding]:
    """A dash between two digits that is not ``wanted``, outside DOIs and URLs."""
    text = ctx.translation
    if not wanted or not _RANGE_MARK_RE.search(text):
        return []
    protected = None  # found only when a range has another mark (most use the wanted one)
    findings = []
    for m in KO_RANGE_RE.finditer(text):
        if m.group().strip() == wanted:
            continue
        if protected is None:
            protected = [(p.start, p.end) for p in find_protected(text)]
        if any(start <= m.start() < end for start, end in protected):
            continue
        findings.append(
            ctx.finding(
                check, f"range written with “{m.group().strip()}”; house style is “{wanted}”", span=(m.start(), m.end())
            )
        )
    return findings


# --------------------------------------------------------------------------------------------
# Ukrainian euphony: the rules are termweave.lang.uk_euphony's


@register
class UkrainianEuphony(Check):
    """uk-euphony: і/й and у/в against the 2019 Правопис where the letters alone decide
    (no punctuation around the word, neither neighbour an acronym, a number or a Latin word)."""

    id = "uk-euphony"
    name = "Ukrainian euphony (і/й, у/в)"
    severity = "warning"
    needs = ONE_LETTER_WORD_RE

    def applies(self, catalog: Catalog, resources: Resources) -> bool:
        return catalog.language.split("_")[0] == "uk"

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.lang.split("_")[0] != "uk":
            return []
        return [
            ctx.finding(self, f"«{i.used}» {i.why}: write «{i.wanted}» (Правопис 2019, §§23–24)", span=(i.start, i.end))
            for i in euphony_issues(ctx.translation)
        ]


# --------------------------------------------------------------------------------------------
# The other house-style settings

_SPACED_DASH_RE = re.compile(rf"(?<=\S)[ \u00a0]([{DASHES}]) ")
_DASH_RE = re.compile(f"[{DASHES}]")


@register
class HouseStyleCheck(Check):
    """house-style: what the edition's typography would change, reported on the catalog so that
    the translation (and the MO file compiled from it) follows the house style too: a spaced
    dash other than ``dash``, a range mark other than ``range`` (Korean: ko-range), the
    keywords' final period against ``keywords_period``. Invisible no-break spaces are left to
    the rendering."""

    id = "house-style"
    name = "House style"
    severity = "warning"

    def candidates(self, contexts: Sequence[EntryContext]) -> list[int]:
        return [i for i, ctx in enumerate(contexts) if _may_break_style(ctx.translation, ctx.entry.msgctxt)]

    def check(self, ctx: EntryContext) -> list[Finding]:
        text = ctx.translation
        context = ctx.entry.msgctxt
        if not _may_break_style(text, context):
            return []  # no dash (DASHES are range marks too) and no keywords: the usual entry
        style = ctx.res.house_style(ctx.lang)
        findings = []
        if style.dash and _DASH_RE.search(text):  # _SPACED_DASH_RE needs one
            for m in _SPACED_DASH_RE.finditer(text):
                if m.group(1) != style.dash:
                    findings.append(
                        ctx.finding(self, f"spaced dash “{m.group(1)}”; house style is “{style.dash}”", span=m.span(1))
                    )
        if ctx.lang.split("_")[0] != "ko":
            findings += range_findings(self, ctx, style.range)
        if (
            context
            and context.endswith("keywords")
            and context.rsplit("/", 1)[-1] == "keywords"
            and keywords_with_period(text, style) != text
        ):
            wanted = "without" if style.keywords_period == "omit" else "with"
            findings.append(ctx.finding(self, f"house style writes the keywords {wanted} a final period"))
        return findings


def _may_break_style(text: str, context: str | None) -> bool:
    """A dash (DASHES are range marks too) or the keywords: what house-style looks at."""
    return _RANGE_MARK_RE.search(text) is not None or bool(context and context.endswith("keywords"))


@register
class AuthorTerms(Check):
    """author-terms: terminology against the author's own translation (termweave.author).

    An entry the author translated must read as the author wrote it. Elsewhere, a glossary term
    the author rendered with some variants should not be rendered with another one (the author
    writes Північна Корея where the glossary also admits КНДР: the rest follows the author).
    """

    id = "author-terms"
    name = "Author's terminology"
    severity = "warning"

    def applies(self, catalog: Catalog, resources: Resources) -> bool:
        return bool(resources.author_texts.get(catalog.language))

    def check(self, ctx: EntryContext) -> list[Finding]:
        texts = ctx.res.author_texts.get(ctx.lang)
        if not texts:
            return []
        key = (ctx.entry.msgctxt, ctx.entry.msgid)
        if key in texts:
            if ctx.translation == texts[key]:
                return []
            return [ctx.finding(self, "differs from the author's translation, which termweave update writes here")]
        authors = ctx.res.author_variants(ctx.source_lang, ctx.lang)
        findings, seen = [], set()
        for hit in ctx.target_hits:
            theirs = authors.get(hit.term.id)
            if not theirs or hit.term.id in seen:
                continue
            seen.add(hit.term.id)
            ours = {h.variant for h in ctx.target_hits if h.term.id == hit.term.id}
            if not ours & theirs:
                findings.append(
                    ctx.finding(
                        self,
                        f"“{ctx.translation[hit.start : hit.end]}”: the author's translation writes "
                        f"{' | '.join(sorted(theirs))}",
                        term=hit.term.id,
                        span=(hit.start, hit.end),
                    )
                )
        return findings
