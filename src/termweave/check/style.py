"""House-style checks (warnings): Korean number ranges, Ukrainian euphony, the rest of a
language's ``[house_style.<lang>]`` settings (spaced dash, ranges, keywords' final period), and
terminology against the author's own translation (``[[author_translation]]``).

Both flag only what a rule decides by letters alone; anything that needs the ear (a pause not
marked by punctuation, a contrast, a consonant cluster) is left to the reviser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termweave.check.registry import Check, register
from termweave.check.context import EntryContext
from termweave.check.report import Finding
from termweave.lang.house_style import DASHES, keywords_with_period
from termweave.patterns import find_protected

# A dash between two digits: en dash, em dash, figure dash, horizontal bar. The hyphen-minus
# is left alone: 한글 맞춤법 (부록, 문장 부호) admits the 붙임표 "-" for a range beside "~".
KO_RANGE_RE = re.compile(r"(?<=\d)\s?[\u2012\u2013\u2014\u2015~]\s?(?=\d)")


@register
class KoreanRange(Check):
    """ko-range: a number range written with a dash in Korean (2024–2025년); house style is
    the 물결표 ``~`` (2024~2025년; ``range`` in ``[house_style.ko]``, "" turns it off). Digits
    inside URLs and DOIs are not ranges."""

    id = "ko-range"
    name = "Korean range mark"
    severity = "warning"

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.lang.split("_")[0] != "ko":
            return []
        return range_findings(self, ctx, ctx.res.house_style(ctx.lang).range)


def range_findings(check: Check, ctx: EntryContext, wanted: str) -> list[Finding]:
    """A dash between two digits that is not ``wanted``, outside DOIs and URLs."""
    if not wanted or not KO_RANGE_RE.search(ctx.translation):
        return []
    protected = [(p.start, p.end) for p in find_protected(ctx.translation)]
    findings = []
    for m in KO_RANGE_RE.finditer(ctx.translation):
        if m.group().strip() == wanted or any(start <= m.start() < end for start, end in protected):
            continue
        findings.append(ctx.finding(check, f"range written with “{m.group().strip()}”; house style is “{wanted}”",
                                    span=(m.start(), m.end())))
    return findings


# --------------------------------------------------------------------------------------------
# Ukrainian euphony (Український правопис 2019, §23 у/в and §24 і/й)

UK_VOWELS = frozenset("аеєиіїоуюя")
# A word, a one-letter conjunction or preposition, a word; nothing but one space between them
# (punctuation is a pause, and after a pause either form is right). Closing quotes before and
# opening quotes after do not make a pause.
_TRIPLE_RE = re.compile(r"(?<![\w\u02bc'’-])([^\W\d_][\w\u02bc'’-]*)[»“”]? ([ійув]) [«„]?([^\W\d_][\w\u02bc'’-]*)")


@dataclass(frozen=True)
class EuphonyIssue:
    start: int  # span of the one-letter word in the text
    end: int
    used: str
    wanted: str
    why: str


def _sound(word: str, at_end: bool) -> str | None:
    """'v' (vowel), 'c' (consonant) or None when the letters do not decide (an acronym read
    letter by letter, a Latin word, a final й)."""
    if word.isupper() and len(word) > 1 or not re.fullmatch(r"[а-яґєіїʼ'’-]+", word.lower()):
        return None
    letter = word[-1] if at_end else word[0]
    if letter in "'’ʼ-" or (at_end and letter == "й"):
        return None
    return "v" if letter.lower() in UK_VOWELS else "c"


def euphony_issues(text: str) -> list[EuphonyIssue]:
    """The і/й and у/в choices the 2019 rules settle by the neighbouring letters alone:
    і between vowel-final and consonant-initial words → й; й after a consonant or before
    й/є/ї/ю/я → і; у between vowels → в; в between consonants → у; в before в/ф → у."""
    issues = []
    at = 0
    while True:
        m = _TRIPLE_RE.search(text, at)
        if not m:
            return issues
        at = m.start(2)  # the next word can be the left neighbour of another conjunction
        before, word, after = m.group(1), m.group(2), m.group(3)
        left, right = _sound(before, at_end=True), _sound(after, at_end=False)
        wanted, why = _euphony_choice(word, left, right, after)
        if wanted:
            issues.append(EuphonyIssue(m.start(2), m.end(2), word, wanted, why))


def _euphony_choice(word: str, left: str | None, right: str | None, after: str) -> tuple[str | None, str]:
    first = after[0].lower()
    if word == "і" and left == "v" and right == "c" and first != "й":
        return "й", "after a vowel and before a consonant"
    if word == "й" and left == "c":
        return "і", "after a consonant"
    if word == "й" and first in "йєїюя":
        return "і", f"before {first}"
    if word == "у" and left == "v" and right == "v" and first != "у":
        return "в", "between vowels"
    if word == "в" and first in "вф":
        return "у", f"before {first}"
    if word == "в" and left == "c" and right == "c":
        return "у", "between consonants"
    return None, ""


@register
class UkrainianEuphony(Check):
    """uk-euphony: і/й and у/в against the 2019 Правопис where the letters alone decide
    (no punctuation around the word, neither neighbour an acronym, a number or a Latin word)."""

    id = "uk-euphony"
    name = "Ukrainian euphony (і/й, у/в)"
    severity = "warning"

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.lang.split("_")[0] != "uk":
            return []
        return [ctx.finding(self, f"«{i.used}» {i.why}: write «{i.wanted}» (Правопис 2019, §§23–24)",
                            span=(i.start, i.end)) for i in euphony_issues(ctx.translation)]


# --------------------------------------------------------------------------------------------
# The other house-style settings

_SPACED_DASH_RE = re.compile(rf"(?<=\S)[ \u00a0]([{DASHES}]) ")


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

    def check(self, ctx: EntryContext) -> list[Finding]:
        style = ctx.res.house_style(ctx.lang)
        text = ctx.translation
        findings = []
        if style.dash:
            for m in _SPACED_DASH_RE.finditer(text):
                if m.group(1) != style.dash:
                    findings.append(ctx.finding(self, f"spaced dash “{m.group(1)}”; house style is “{style.dash}”",
                                                span=m.span(1)))
        if ctx.lang.split("_")[0] != "ko":
            findings += range_findings(self, ctx, style.range)
        context = ctx.entry.msgctxt or ""
        if context.rsplit("/", 1)[-1] == "keywords" and keywords_with_period(text, style) != text:
            wanted = "without" if style.keywords_period == "omit" else "with"
            findings.append(ctx.finding(self, f"house style writes the keywords {wanted} a final period"))
        return findings


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
                findings.append(ctx.finding(
                    self, f"“{ctx.translation[hit.start:hit.end]}”: the author's translation writes "
                          f"{' | '.join(sorted(theirs))}", term=hit.term.id, span=(hit.start, hit.end)))
        return findings
