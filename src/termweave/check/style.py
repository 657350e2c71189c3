"""House-style checks (warnings): Korean number ranges and Ukrainian euphony.

Both flag only what a rule decides by letters alone; anything that needs the ear (a pause not
marked by punctuation, a contrast, a consonant cluster) is left to the reviser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termweave.check.registry import Check, register
from termweave.check.context import EntryContext
from termweave.check.report import Finding
from termweave.patterns import find_protected

# A dash between two digits: en dash, em dash, figure dash, horizontal bar. The hyphen-minus
# is left alone: 한글 맞춤법 (부록, 문장 부호) admits the 붙임표 "-" for a range beside "~".
KO_RANGE_RE = re.compile(r"(?<=\d)\s?[\u2012\u2013\u2014\u2015]\s?(?=\d)")


@register
class KoreanRange(Check):
    """ko-range: a number range written with a dash in Korean (2024–2025년); house style is
    the 물결표 ``~`` (2024~2025년). Digits inside URLs and DOIs are not ranges."""

    id = "ko-range"
    name = "Korean range mark"
    severity = "warning"

    def check(self, ctx: EntryContext) -> list[Finding]:
        if ctx.lang.split("_")[0] != "ko" or not KO_RANGE_RE.search(ctx.translation):
            return []
        protected = [(p.start, p.end) for p in find_protected(ctx.translation)]
        findings = []
        for m in KO_RANGE_RE.finditer(ctx.translation):
            if any(start <= m.start() < end for start, end in protected):
                continue
            findings.append(ctx.finding(self, f"range written with “{m.group().strip()}”; Korean house style is “~”",
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
    і between vowel-final and consonant-initial words → й; й after a consonant → і;
    у between vowels → в; в between consonants → у; в before в/ф → у."""
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
