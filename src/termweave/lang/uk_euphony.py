"""Ukrainian euphony (Український правопис 2019, §23 у/в and §24 і/й): where the letters alone
decide between і/й and у/в (the uk-euphony check reports what this finds)."""

from __future__ import annotations

import re
from dataclasses import dataclass

UK_VOWELS = frozenset("аеєиіїоуюя")
# A word, a one-letter conjunction or preposition, a word; nothing but one space between them
# (punctuation is a pause, and after a pause either form is right). Closing quotes before and
# opening quotes after do not make a pause.
_TRIPLE_RE = re.compile(r"(?<![\w\u02bc'’-])([^\W\d_][\w\u02bc'’-]*)[»“”]? ([ійув]) [«„]?([^\W\d_][\w\u02bc'’-]*)")

ONE_LETTER_WORD_RE = re.compile(" [ійув] ")  # euphony_issues' cheap test, to search many texts at once


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
    issues: list[EuphonyIssue] = []
    if " і " not in text and " й " not in text and " у " not in text and " в " not in text:
        return issues  # no one-letter word between spaces (ONE_LETTER_WORD_RE): nothing to decide
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
